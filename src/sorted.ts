/**
 * How many leading items pass `before`, for a test that holds for a prefix of the items and then
 * never again (values below a limit in an ascending list, tokens that end by an offset): found by
 * halving, so a long list costs its logarithm.
 */
export function countLeading(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many values of an ascending list are below `value`: the position of the first one that is not. */
export function countBefore(sorted: ArrayLike<number>, value: number): number {
  return countLeading(sorted.length, (index) => sorted[index]! < value);
}
