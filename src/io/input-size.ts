import { statSync } from 'node:fs';
import path from 'node:path';

/** The bytes of the inputs, to size the work; standard input and what cannot be measured count as large. */
export function inputSize(files: readonly string[], cwd: string): number {
  let total = 0;
  for (const file of files) {
    if (file === '-') return Number.POSITIVE_INFINITY;
    try {
      total += statSync(path.resolve(cwd, file)).size;
    } catch {
      // The reader reports a file it cannot open; it adds nothing to lint.
    }
  }
  return total;
}
