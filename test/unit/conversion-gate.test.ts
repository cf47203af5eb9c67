import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayChangeInConversion, normalizeText, toSimplified } from '../../src/text/normalize.js';

// Every character that appears in a key of the dictionaries behind the conversion, and some that do not.
const configs = OpenCC.Locale.configs as unknown as Record<string, { conversionChain: ReadonlyArray<ReadonlyArray<string | ReadonlyArray<readonly [string, string]>>> }>;
const keyChars = new Set<string>();
for (const name of ['tw2sp', 'hk2s']) {
  for (const group of configs[name]!.conversionChain) {
    for (const dict of group) {
      const keys = typeof dict === 'string' ? dict.split('|').map((pair) => pair.split(' ')[0]!) : dict.map(([key]) => key);
      for (const key of keys) for (const char of key) keyChars.add(char);
    }
  }
}
const alphabet = [...keyChars, ...'的了我您好快递订单退款么吗呢，。？！ abc123'];

/** What the conversion makes of a text, with the one repair normalizeText applies (么 read as 幺). */
function converted(text: string): string {
  const out = toSimplified(text);
  return out.includes('幺') ? [...out].map((c, i) => (c === '幺' && [...text][i] === '么' ? '么' : c)).join('') : out;
}

describe('the conversion gate', () => {
  it('is false only for texts that conversion to simplified leaves unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }), (chars) => {
        const text = chars.join('');
        if (!mayChangeInConversion(text)) expect(converted(text)).toBe(text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('lets traditional text and Taiwan terms written in shared characters through to conversion', () => {
    expect(mayChangeInConversion('我的訂單還沒到')).toBe(true);
    expect(normalizeText('我的訂單還沒到').text).toBe('我的订单还没到');
    expect(normalizeText('滑鼠壞了').text).toBe(normalizeText(toSimplified('滑鼠壞了')).text);
    expect(mayChangeInConversion('我的快递三天都没动了')).toBe(false);
    expect(normalizeText('怎么还没到').text).toBe('怎么还没到');
  });
});
