import { describe, expect, it } from 'vitest';
import { ranks, spearman } from '../../src/evaluation/spearman.js';

describe('spearman', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(ranks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 10);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 10);
  });

  it('matches a value worked by hand, with ties', () => {
    // Ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4. Pearson of the ranks: 4.5 / sqrt(4.5 × 5) = 0.9487.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 10);
  });

  it('is null when one side never changes, and refuses lists of different lengths', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow();
  });
});
