import { stat } from 'node:fs/promises';
import { readSideFile, SideFileError } from '../io/side-file.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import path from 'node:path';
import { z } from 'zod';
import { formatZodIssues } from '../config/zod-errors.js';
import { BaselineMatcher, BaselineRecorder, type Baseline } from '../engine/suppress.js';
import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';
import { UsageError } from './errors.js';
import { list, t } from '../i18n/index.js';

// A count too large for a number (1e400 reads as Infinity) is not a number to zod; say what a count is.
const ruleCountsSchema = z.record(z.string(), z.number({ error: () => t('baseline.count') }).int().positive());
const baselineSchema = z.strictObject({
  version: z.literal(1),
  counts: z.record(z.string(), ruleCountsSchema),
});

/** A --baseline path that is a folder cannot be read or written: say so before the run. */
async function assertNotFolder(file: string, cwd: string): Promise<void> {
  const info = await stat(path.resolve(cwd, file)).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(t('baseline.folder', { file }));
}

/** A baseline holds counts per conversation and rule: a few hundred bytes a conversation, so 256 MB is about a million. */
const MAX_BASELINE_BYTES = 256 * 2 ** 20;

/** Reads a baseline written by --update-baseline. A missing file is an empty baseline, and `missing` says so. */
export async function loadBaseline(file: string, cwd: string): Promise<Baseline & { missing?: boolean }> {
  let text: string;
  try {
    text = await readSideFile(path.resolve(cwd, file), `--baseline ${file}`, MAX_BASELINE_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, counts: new Map(), missing: true };
    if (error instanceof SideFileError) throw new UsageError(`${error.message}。`);
    throw new UsageError(t('baseline.unreadable', { file, reason: (error as Error).message }));
  }
  let raw: unknown;
  try {
    // A BOM from a Windows editor is not part of the JSON.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(t('baseline.notJson', { file, reason: (error as Error).message }));
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(t('baseline.invalid', { file, issues: formatZodIssues(parsed.error) }));
  // The counts are taken from the parsed JSON, whose keys are all own properties, into Maps: an
  // object built key by key would turn a conversation called "__proto__" into its prototype.
  const counts = new Map<string, Map<string, number>>();
  for (const [key, rules] of Object.entries((raw as { counts: Record<string, unknown> }).counts)) {
    counts.set(key, new Map(Object.entries(ruleCountsSchema.parse(rules))));
  }
  return { version: 1, counts };
}

/** Writes a baseline with sorted keys, so that it diffs cleanly in review. */
export async function saveBaseline(file: string, cwd: string, baseline: Baseline): Promise<void> {
  // Object.fromEntries defines own properties, so "__proto__" is written as any other key.
  const counts = Object.fromEntries(
    [...baseline.counts.keys()].sort().map((key) => [key, Object.fromEntries([...baseline.counts.get(key)!].sort(([a], [b]) => a.localeCompare(b)))]),
  );
  await writeFileAtomic(path.resolve(cwd, file), `${JSON.stringify({ version: 1, counts }, null, 2)}\n`, { cwd });
}

/** The baseline of one run: read before, applied to each result, and written or reported after. */
export class BaselineRun {
  private constructor(
    private readonly file: string | undefined,
    private readonly cwd: string,
    private readonly matcher: BaselineMatcher | undefined,
    private readonly recorder: BaselineRecorder | undefined,
  ) {}

  /** Opens the --baseline of a run; a baseline file that does not exist is said (`say`), as a typo in its name would silently count everything. */
  static async open(options: { baseline?: string; updateBaseline?: boolean }, cwd: string, say: (text: string) => void): Promise<BaselineRun> {
    if (options.updateBaseline && !options.baseline) throw new UsageError(t('baseline.updateNeedsFile'));
    if (options.baseline) await assertNotFolder(options.baseline, cwd);
    let matcher: BaselineMatcher | undefined;
    if (options.baseline && !options.updateBaseline) {
      const baseline = await loadBaseline(options.baseline, cwd);
      if (baseline.missing) say(`${t('baseline.missing', { file: options.baseline })}\n`);
      matcher = new BaselineMatcher(baseline);
    }
    return new BaselineRun(options.baseline, cwd, matcher, options.updateBaseline ? new BaselineRecorder() : undefined);
  }

  get updating(): boolean {
    return this.recorder !== undefined;
  }

  /**
   * Records the result when updating; otherwise drops the findings the baseline already knows.
   * Under --redact, `pseudonym` is the key's pseudonym: the baseline is written with it, so that no
   * conversation id (a phone number, an e-mail) reaches a file that is committed, and findings
   * recorded under either are known, under one of them only.
   */
  apply(result: ConversationResult, key: string, pseudonym?: string): ConversationResult {
    this.recorder?.record(result, pseudonym ?? key);
    if (!this.matcher) return result;
    // One entry per conversation: the id's where the baseline has it, else the pseudonym's. A file
    // holding both (two baselines merged) must not add their allowances up and hide a new finding.
    return this.matcher.apply(result, pseudonym === undefined || this.matcher.knows(key) ? key : pseudonym);
  }

  /**
   * Writes the baseline when updating, and says what it did or what it left out. A run that could
   * not read all of its input, or where a rule failed, would write a baseline that forgets findings:
   * the old file is kept instead, and the answer is false.
   */
  async finish(summary: LintSummary, say: (text: string) => void): Promise<boolean> {
    if (this.recorder) {
      const incomplete = [
        summary.unreadableFiles.length > 0 ? t('baseline.incomplete.files', { count: summary.unreadableFiles.length }) : '',
        summary.ruleErrors.length > 0 ? t('baseline.incomplete.rules', { count: summary.ruleErrors.length }) : '',
        summary.conversations === 0 ? t('baseline.incomplete.nothing') : '',
      ].filter(Boolean);
      if (incomplete.length > 0) {
        say(`${t('baseline.notUpdated', { file: this.file!, reasons: list(incomplete) })}\n`);
        return false;
      }
      await saveBaseline(this.file!, this.cwd, this.recorder.baseline);
      say(`${t('baseline.wrote', { count: this.recorder.recorded, file: this.file! })}\n`);
      return true;
    }
    if (this.matcher?.suppressed) say(`${t('baseline.suppressed', { count: this.matcher.suppressed })}\n`);
    if (this.matcher?.stale) say(`${t('baseline.stale', { count: this.matcher.stale })}\n`);
    return true;
  }
}
