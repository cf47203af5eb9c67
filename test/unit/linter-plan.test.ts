import { describe, expect, it } from 'vitest';
import { autoThreads, parseConcurrency, SMALL_INPUT_BYTES } from '../../src/runner/linter.js';

const MB = 1024 * 1024;

describe('--concurrency auto', () => {
  it('lints small inputs in the calling thread', () => {
    expect(autoThreads({ total: SMALL_INPUT_BYTES - 1, streamed: SMALL_INPUT_BYTES - 1 }, 8, 16_000)).toBe(0);
  });

  it('uses one thread per core beyond the first, as free memory allows', () => {
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 8, 16_000)).toBe(7);
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 8, 500)).toBe(2);
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 1, 16_000)).toBe(1);
  });

  it('with one thread to give, uses it only where reading is heavy enough to overlap with linting', () => {
    expect(autoThreads({ total: 30 * MB, streamed: 0 }, 2, 16_000)).toBe(0);
    expect(autoThreads({ total: 30 * MB, streamed: 25 * MB }, 2, 16_000)).toBe(1);
    // With more cores the threads lint in parallel, whatever the reading costs.
    expect(autoThreads({ total: 30 * MB, streamed: 0 }, 4, 16_000)).toBe(3);
  });

  it('parses auto, off and 1 to 64, and nothing else', () => {
    expect(['auto', 'off', '1', '64'].map(parseConcurrency)).toEqual(['auto', 'off', 1, 64]);
    expect(['0', '65', '-1', '2.5', 'two', ''].map(parseConcurrency)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
