import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../io/atomic-file.js';
import path from 'node:path';
import { z } from 'zod';
import { formatZodIssues } from '../config/zod-errors.js';
import { BaselineMatcher, BaselineRecorder, type Baseline } from '../engine/suppress.js';
import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';
import { UsageError } from './errors.js';

const ruleCountsSchema = z.record(z.string(), z.number().int().positive());
const baselineSchema = z.strictObject({
  version: z.literal(1),
  counts: z.record(z.string(), ruleCountsSchema),
});

/** A --baseline path that is a folder cannot be read or written: say so before the run. */
async function assertNotFolder(file: string, cwd: string): Promise<void> {
  const info = await stat(path.resolve(cwd, file)).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`--baseline ${file}：这是一个文件夹，不是基线文件。请给出一个 JSON 文件路径，例如 --baseline supportlint-baseline.json。`);
}

/** Reads a baseline written by --update-baseline. A missing file is an empty baseline. */
export async function loadBaseline(file: string, cwd: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, counts: new Map() };
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
  await writeFileAtomic(path.resolve(cwd, file), `${JSON.stringify({ version: 1, counts }, null, 2)}\n`);
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
    if (options.baseline) await assertNotFolder(options.baseline, cwd);
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

  /**
   * Writes the baseline when updating, and says what it did or what it left out. A run that could
   * not read all of its input, or where a rule failed, would write a baseline that forgets findings:
   * the old file is kept instead, and the answer is false.
   */
  async finish(summary: LintSummary, say: (text: string) => void): Promise<boolean> {
    if (this.recorder) {
      const incomplete = [
        summary.unreadableFiles.length > 0 ? `${summary.unreadableFiles.length} 个输入文件无法读取` : '',
        summary.ruleErrors.length > 0 ? `${summary.ruleErrors.length} 次规则出错` : '',
        summary.conversations === 0 ? '没有读到任何会话' : '',
      ].filter(Boolean);
      if (incomplete.length > 0) {
        say(`supportlint: 未更新基线 ${this.file}：${incomplete.join('，')}，这样写出的基线会漏掉已知问题。原文件保持不变；请先解决上面列出的问题，再运行 --update-baseline。\n`);
        return false;
      }
      await saveBaseline(this.file!, this.cwd, this.recorder.baseline);
      say(`supportlint: wrote ${summary.errors + summary.warnings} findings to the baseline ${this.file}.\n`);
      return true;
    }
    if (this.matcher?.suppressed) say(`supportlint: ${this.matcher.suppressed} known findings are in the baseline and were not counted.\n`);
    if (this.matcher?.stale) say(`supportlint: ${this.matcher.stale} findings recorded in the baseline no longer occur; run with --update-baseline to prune them.\n`);
    return true;
  }
}
