// Helpers for arrays whose length comes from the data. `Math.min(...values)` and
// `target.push(...items)` pass every item as an argument, and a conversation of 150,000 messages
// or a file of 200,000 conversations is more arguments than the stack holds.

/** The smallest of the values; undefined when there is none. */
export function smallest(values: Iterable<number>): number | undefined {
  let least: number | undefined;
  for (const value of values) if (least === undefined || value < least) least = value;
  return least;
}

/** The largest of the values; undefined when there is none. */
export function largest(values: Iterable<number>): number | undefined {
  let most: number | undefined;
  for (const value of values) if (most === undefined || value > most) most = value;
  return most;
}

/** Adds the items to the end of `target`, one by one. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
