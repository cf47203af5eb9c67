import { statSync } from 'node:fs';
import path from 'node:path';

/** JSON files up to this size are read whole (see WHOLE_ARRAY_BYTES in json-documents.ts): reading them costs little. */
const READ_WHOLE_BYTES = 16 * 1024 * 1024;

export interface InputSize {
  /** Bytes of all inputs; standard input and what cannot be measured count as large. */
  total: number;
  /** Bytes of the inputs that are streamed and parsed piece by piece (lines, tables, large JSON). */
  streamed: number;
}

/** The bytes of the inputs, to size the work. */
export function inputSize(files: readonly string[], cwd: string): InputSize {
  let total = 0;
  let streamed = 0;
  for (const file of files) {
    if (file === '-') return { total: Number.POSITIVE_INFINITY, streamed: Number.POSITIVE_INFINITY };
    try {
      const size = statSync(path.resolve(cwd, file)).size;
      total += size;
      if (!/\.json$/i.test(file) || size > READ_WHOLE_BYTES) streamed += size;
    } catch {
      // The reader reports a file it cannot open; it adds nothing to lint.
    }
  }
  return { total, streamed };
}
