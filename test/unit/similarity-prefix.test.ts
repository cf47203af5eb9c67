import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarityPrefix, tokenSimilarity } from '../../src/text/similarity.js';

describe('similarityPrefix', () => {
  it('two word lists at or above the threshold always share a prefix word', () => {
    const words = fc.array(fc.constantFrom('您', '好', '订单', '退款', '马上', '处理', '物流', '核实', '不', '已经'), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(words, words, fc.constantFrom(0.5, 0.7, 0.8, 0.9, 0.95, 1), (a, b, threshold) => {
        if (tokenSimilarity(a, b) < threshold) return;
        const prefix = new Set(similarityPrefix(a, threshold));
        expect(similarityPrefix(b, threshold).some((element) => prefix.has(element))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is short for a high threshold: two of ten words at 0.9', () => {
    expect(similarityPrefix(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], 0.9)).toHaveLength(2);
    expect(similarityPrefix(['a', 'a'], 1)).toEqual(['a\u00001']);
  });
});
