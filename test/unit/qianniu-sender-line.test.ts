import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderLine } from '../../src/adapters/qianniu.js';

// The sender line as one pattern: what senderLine must find, in linear time where this takes quadratic.
const DATE_TIME = String.raw`((\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)`;
const AS_ONE_PATTERN = new RegExp(String.raw`^(\S.*?)(?:[ \t\u3000]+|[ \t\u3000]*[(（])${DATE_TIME}[)）]?[ \t]*[:：]?[ \t]*$`);

const PIECES = ['小林', '店铺:客服', 'a', ' ', '  ', '\t', '\u3000', '(', '（', ')', '）', ':', '：', '2026', '-', '/', '.', '11', '2', '02', '10', '00', '03', '1', '\r', '2026-11-02', '10:00:03', '2026-11-02 10:00:03'];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((pieces) => pieces.join(''));

describe('千牛 sender lines', () => {
  it('are read as the single pattern reads them', () => {
    fc.assert(
      fc.property(line, (value) => {
        const expected = AS_ONE_PATTERN.exec(value);
        expect(senderLine(value), JSON.stringify(value)).toEqual(expected ? [...expected] : null);
      }),
      { numRuns: 20_000 },
    );
  });

  it('read the usual shapes', () => {
    expect(senderLine('店铺:小林 2026-11-02 10:00:03')?.slice(1, 3)).toEqual(['店铺:小林', '2026-11-02 10:00:03']);
    expect(senderLine('顾客A(2026-11-02 10:00:03):')?.[1]).toBe('顾客A');
    expect(senderLine(`顾客A${' '.repeat(100_000)}x`)).toBeNull();
  });
});
