/**
 * Edit distance by characters (a Han character counts as one), where swapping two neighbours is
 * one edit as well: `lnit` is one step from `lint` (optimal string alignment distance).
 */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const rows: number[][] = [Array.from({ length: right.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= left.length; i++) {
    const row = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[left.length]![right.length]!;
}

/**
 * The known name closest to a mistyped one, when it is close enough to be what was meant: one edit
 * for names of up to three characters, else two or a third of the length, whichever is more.
 * Case is ignored; ties go to the first name given.
 */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const length = [...input].length;
  const allowed = length <= 3 ? 1 : Math.max(2, Math.floor(length / 3));
  return best !== undefined && bestDistance > 0 && bestDistance <= allowed ? best : undefined;
}
