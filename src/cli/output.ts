import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import type { CliIO } from './index.js';

export interface OutputSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Where a report goes: standard output, or a file written as the results arrive. */
export function openSink(output: string | undefined, io: CliIO): OutputSink {
  if (!output) return { write: async (text) => void (await io.stdout(text)), close: async () => {} };
  const stream = createWriteStream(path.resolve(io.cwd, output));
  const failed = new Promise<never>((_resolve, reject) => stream.once('error', (error) => reject(new UsageError(`--output ${output}: cannot be written (${error.message}).`))));
  failed.catch(() => {});
  return {
    write: (text) => Promise.race([failed, new Promise<void>((resolve) => (stream.write(text) ? resolve() : stream.once('drain', () => resolve())))]),
    close: () => Promise.race([failed, new Promise<void>((resolve) => stream.end(() => resolve()))]),
  };
}

