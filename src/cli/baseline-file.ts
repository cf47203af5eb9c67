import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatZodIssues } from '../config/zod-errors.js';
import { BaselineMatcher, BaselineRecorder, type Baseline } from '../engine/suppress.js';
import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';
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

/** The baseline of one run: read before, applied to each result, and written or reported after. */
export class BaselineRun {
  private constructor(
    private readonly file: string | undefined,
    private readonly cwd: string,
    private readonly matcher: BaselineMatcher | undefined,
    private readonly recorder: BaselineRecorder | undefined,
  ) {}

  static async open(options: { baseline?: string; updateBaseline?: boolean }, cwd: string): Promise<BaselineRun> {
    if (options.updateBaseline && !options.baseline) throw new UsageError('--update-baseline needs --baseline <file> to write to.');
    const matcher = options.baseline && !options.updateBaseline ? new BaselineMatcher(await loadBaseline(options.baseline, cwd)) : undefined;
    return new BaselineRun(options.baseline, cwd, matcher, options.updateBaseline ? new BaselineRecorder() : undefined);
  }

  get updating(): boolean {
    return this.recorder !== undefined;
  }

  /** Records the result when updating; otherwise drops the findings the baseline already knows. */
  apply(result: ConversationResult, key: string): ConversationResult {
    this.recorder?.record(result, key);
    return this.matcher ? this.matcher.apply(result, key) : result;
  }

  /** Writes the baseline when updating, and says what it did or what it left out. */
  async finish(summary: LintSummary, say: (text: string) => void): Promise<void> {
    if (this.recorder) {
      await saveBaseline(this.file!, this.cwd, this.recorder.baseline);
      say(`supportlint: wrote ${summary.errors + summary.warnings} findings to the baseline ${this.file}.\n`);
      return;
    }
    if (this.matcher?.suppressed) say(`supportlint: ${this.matcher.suppressed} known findings are in the baseline and were not counted.\n`);
    if (this.matcher?.stale) say(`supportlint: ${this.matcher.stale} findings recorded in the baseline no longer occur; run with --update-baseline to prune them.\n`);
  }
}
