import fc from 'fast-check';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { fixPatch } from '../../src/cli/fix-patch.js';

describe('the --fix-dry-run diff', () => {
  it('is the diff a general line diff gives, for rewrites inside lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.nat(), { maxLength: 20 }), (count, picks) => {
        // Lines that are all different, so that the general diff has one answer to give.
        const before = Array.from({ length: count }, (_, i) => `- 话术 ${i}`);
        const after = [...before];
        for (const pick of picks) after[pick % count] = `- 改写 ${pick % count}`;
        const [a, b] = [`${before.join('\n')}\n`, `${after.join('\n')}\n`];
        expect(fixPatch('lib.yaml', a, b)).toBe(createTwoFilesPatch('lib.yaml', 'lib.yaml', a, b, '', '(--fix)'));
      }),
      { numRuns: 500 },
    );
  });

  it('takes time in proportion to the file, with thousands of rewritten lines', () => {
    const before = Array.from({ length: 40_000 }, (_, i) => `- 您别生气，我马上帮您查一下物流${i}。`);
    const after = before.map((line) => line.replace('您别生气', '非常理解您的心情'));
    const started = performance.now();
    const patch = fixPatch('lib.yaml', `${before.join('\n')}\n`, `${after.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(patch.split('\n').filter((line) => line.startsWith('+- ')).length).toBe(40_000);
  });

  it('falls back to the general diff where a rewrite changes the number of lines', () => {
    const [a, b] = ['a\nb\nc\n', 'a\nb1\nb2\nc\n'];
    expect(fixPatch('f', a, b)).toBe(createTwoFilesPatch('f', 'f', a, b, '', '(--fix)'));
  });
});
