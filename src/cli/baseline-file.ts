import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatZodIssues } from '../config/zod-errors.js';
import type { Baseline } from '../engine/suppress.js';
import { UsageError } from './errors.js';

const baselineSchema = z.strictObject({
  version: z.literal(1),
  counts: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
});

/** Reads a baseline written by --update-baseline. A missing file is an empty baseline. */
export async function loadBaseline(file: string, cwd: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, counts: {} };
    throw new UsageError(`--baseline ${file}: cannot be read (${(error as Error).message}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${file}: not valid JSON (${(error as Error).message}). Write it again with --update-baseline.`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--baseline ${file}:\n${formatZodIssues(parsed.error)}\nWrite it again with --update-baseline.`);
  return parsed.data;
}

/** Writes a baseline with sorted keys, so that it diffs cleanly in review. */
export async function saveBaseline(file: string, cwd: string, baseline: Baseline): Promise<void> {
  const counts = Object.fromEntries(
    Object.keys(baseline.counts).sort().map((key) => [key, Object.fromEntries(Object.entries(baseline.counts[key]!).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  await writeFile(path.resolve(cwd, file), `${JSON.stringify({ version: 1, counts }, null, 2)}\n`);
}
