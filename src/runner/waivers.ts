import { stat } from 'node:fs/promises';
import { readSideFile, SideFileError } from '../io/side-file.js';
import path from 'node:path';
import { yamlErrorKind } from '../io/yaml-errors.js';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { BUILTIN_RULES } from '../../rules/index.js';
import { ConfigError, type ResolvedConfig } from '../config/resolve.js';
import { shownKey } from '../config/shown-key.js';
import type { ConversationResult } from '../engine/lint.js';
import { WaiverMatcher, type Waiver } from '../engine/waive.js';
import { aliasBombReason, documentAliasesExplode } from '../io/yaml-aliases.js';
import { dateRangeProblem, localDate } from '../time/date-range.js';
import type { LintSummary, StaleWaiver } from './summary.js';
import { append } from '../arrays.js';

/** The waivers file looked for beside the configuration, then in the working folder. */
export const WAIVERS_FILE = '.supportlint-waivers.yaml';

/** Text without surrounding blanks and zero-width characters: a reason of U+200B alone says nothing. */
const visibleText = (text: string) => text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();

const FIELDS = ['conversation', 'rule', 'message', 'text', 'reason', 'author', 'date', 'expires'] as const;
const date = (field: string) => z.string({ error: `${field}必须是日期，例如 2026-11-02` }).refine((value) => !dateRangeProblem({ since: value }), { error: `${field}必须是真实存在的日期，写成 2026-11-02 的样子` });

/** One entry as written. Messages say, in Chinese, what the field is and what to write. */
const entrySchema = z.strictObject({
  conversation: z
    .union([z.string(), z.number()], { error: 'conversation（会话ID）必填，写成输出里“会话 …”后面的那个ID' })
    .superRefine((value, context) => {
      if (value === '') context.addIssue({ code: 'custom', message: 'conversation（会话ID）不能为空' });
      // A waiver answers an appeal about one conversation: "*" would match no id, and waive nothing.
      if (typeof value === 'string' && /^[\s*?]+$/.test(value) && value.trim() !== '') {
        context.addIssue({ code: 'custom', message: `conversation（会话ID）“${value.trim()}”不是一个会话ID：豁免针对一个具体的会话，不支持通配符。要对所有会话关掉一条规则，请在配置里写 rules: { <规则>: off }` });
      }
      // A long numeric id loses digits as a YAML number: only ids a number holds exactly are read.
      if (typeof value === 'number' && !Number.isSafeInteger(value)) {
        context.addIssue({ code: 'custom', message: 'conversation（会话ID）是一个很长的数字，YAML 会把它读错；请给它加上引号，例如 "1234567890123456789"' });
      }
    })
    .transform(String),
  rule: z.string({ error: 'rule（规则）必填，写规则 id，例如 blame-shifting' }).min(1, { error: 'rule（规则）不能为空' }),
  message: z.number({ error: 'message（第几条）必须是数字，即输出里“第N条”的 N' }).int({ error: 'message（第几条）必须是整数' }).positive({ error: 'message（第几条）从 1 数起' }).optional(),
  // Blanks alone would be found in nearly every message, and waive every finding of the rule there.
  text: z
    .string({ error: 'text 必须是文字：被引用消息里的一段原话' })
    .refine((value) => visibleText(value) !== '', { error: 'text 不能为空，也不能只有空格或不可见字符：写被引用消息里的一段原话' })
    // Punctuation alone ("，") is in nearly every message too.
    .refine((value) => visibleText(value) === '' || /[\p{L}\p{N}]/u.test(value), { error: 'text 不能只有标点或符号：写被引用消息里的一段原话（至少含一个字、字母或数字）' })
    .optional(),
  reason: z.string({ error: 'reason（豁免原因）必填：写明为什么这条不算问题' }).transform(visibleText).pipe(z.string().min(1, { error: 'reason（豁免原因）不能为空：写明为什么这条不算问题' })),
  author: z.string({ error: 'author（申诉人或审批人）必填' }).transform(visibleText).pipe(z.string().min(1, { error: 'author（申诉人或审批人）不能为空' })),
  date: date('date（豁免日期）').optional(),
  expires: date('expires（到期日）').optional(),
});

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `不认识的字段 ${issue.keys.join('、')}；可用的字段是 ${FIELDS.join('、')}`;
  return issue.message;
}

/** Where the waivers of this run are: --waivers, else the file beside the configuration, else in the working folder. */
export async function findWaiversFile(option: string | undefined, config: Pick<ResolvedConfig, 'sources'>, cwd: string): Promise<string | undefined> {
  if (option !== undefined) return path.resolve(cwd, option);
  const configFile = [...config.sources].reverse().find((source) => !source.startsWith('supportlint:'));
  const folders = [...new Set([configFile ? path.dirname(path.resolve(cwd, configFile)) : undefined, path.resolve(cwd)].filter((f): f is string => f !== undefined))];
  for (const folder of folders) {
    const candidate = path.join(folder, WAIVERS_FILE);
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  return undefined;
}

/** Waivers are written by hand, an entry at a time: 16 MB is far past any real file. */
const MAX_WAIVERS_BYTES = 16 * 2 ** 20;

/**
 * Reads and checks a waivers file: YAML, a list of entries under `waivers:` (or the list alone).
 * Every problem names the file, the entry's number and line, and what to write; a rule id that is
 * no rule is refused, since the waiver would silently cover nothing.
 */
export async function loadWaivers(file: string, shownAs: string, isRule: (id: string) => boolean): Promise<Waiver[]> {
  let text: string;
  try {
    text = await readSideFile(file, shownAs, MAX_WAIVERS_BYTES);
  } catch (error) {
    if (error instanceof SideFileError) throw new ConfigError(`${error.message}。请检查 --waivers 的路径。`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${shownAs}：${code === 'ENOENT' ? '找不到这个豁免文件' : code === 'EISDIR' ? '这是一个文件夹，不是豁免文件' : `无法读取（${(error as Error).message}）`}。请检查 --waivers 的路径。`);
  }
  const lines = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new ConfigError(`${shownAs}:${error.linePos?.[0].line ?? 1}：不是有效的 YAML（${yamlErrorKind(error.code)}）。`);
  }
  if (documentAliasesExplode(document)) throw new ConfigError(`${shownAs}：${aliasBombReason('豁免文件')}。`);
  const root = document.contents;
  const list = isSeq(root) ? root : isMap(root) ? root.get('waivers', true) : root === null ? undefined : root;
  if (isMap(root) && root.items.some((pair) => !['waivers', 'version'].includes(String((pair.key as { value?: unknown })?.value)))) {
    throw new ConfigError(`${shownAs}：顶层只能有 waivers（豁免列表）和 version 两个字段。`);
  }
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) throw new ConfigError(`${shownAs}：waivers 应当是一个列表，每一项以“- conversation: …”开头（见 README 的“申诉与豁免”）。`);
  const waivers: Waiver[] = [];
  const problems: string[] = [];
  list.items.forEach((item, index) => {
    const line = lines.linePos((item as Node | null)?.range?.[0] ?? 0).line;
    const where = `${shownAs}:${line} 第 ${index + 1} 条豁免`;
    const parsed = entrySchema.safeParse((item as Node | null)?.toJS?.(document) ?? item);
    if (!parsed.success) {
      problems.push(`${where}：${parsed.error.issues.map(issueText).join('；')}`);
      return;
    }
    const entry = parsed.data;
    if (!isRule(entry.rule)) {
      problems.push(`${where}：没有叫 ${shownKey(entry.rule)} 的规则。运行 supportlint rules 查看规则 id。`);
      return;
    }
    waivers.push({ ...entry, source: `${shownAs}:${line}` });
  });
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return waivers;
}

/**
 * How a stale or expired waiver is named on standard error: by its place in the waivers file, not by
 * its conversation id, which --redact would have to hide.
 */
const described = (w: Pick<Waiver, 'source' | 'rule' | 'message'>) => `${w.source}（规则 ${w.rule}${w.message !== undefined ? `，第${w.message}条` : ''}）`;

const asStale = (w: Waiver): StaleWaiver => ({ source: w.source, conversationId: w.conversation, ruleId: w.rule, ...(w.message !== undefined ? { message: w.message } : {}) });

/** The waivers of one lint or report run: read before, applied to each result, and checked after. */
export class WaiverRun {
  private constructor(
    readonly file: string | undefined,
    private readonly matcher: WaiverMatcher | undefined,
  ) {}

  static async open(option: string | undefined, config: ResolvedConfig, cwd: string): Promise<WaiverRun> {
    const isRule = (id: string) => BUILTIN_RULES.has(id) || Object.hasOwn(config.customRules, id);
    const file = await findWaiversFile(option, config, cwd);
    if (!file) return new WaiverRun(undefined, undefined);
    const shownAs = path.relative(cwd, file) || file;
    const waivers = await loadWaivers(file, shownAs.startsWith('..') ? file : shownAs, isRule);
    return new WaiverRun(shownAs, new WaiverMatcher(waivers, localDate(Date.now(), config.timezone)));
  }

  /** Moves the findings a waiver covers to `waived`. */
  apply(result: ConversationResult): ConversationResult {
    return this.matcher ? this.matcher.apply(result) : result;
  }

  /** The generic form, for report inputs read from lint JSON. */
  split<F extends Parameters<WaiverMatcher['split']>[1][number]>(conversationId: string, findings: readonly F[]) {
    return this.matcher ? this.matcher.split(conversationId, findings) : { kept: [...findings], waived: [] };
  }

  /**
   * After the run: stale waivers go into the summary (JSON and SARIF carry them) and, with expired
   * ones, into warnings on standard error. A warning never changes the exit code.
   */
  finish(summary: LintSummary, ranRules: ReadonlySet<string>, say: (text: string) => void): void {
    if (!this.matcher) return;
    const stale = this.matcher.stale(ranRules);
    append(summary.staleWaivers, stale.map(asStale));
    for (const w of stale) say(`supportlint: 豁免 ${described(w)}没有对应任何问题：问题可能已经不存在，或会话重新导出后序号变了。请删除这条豁免，或改正 message，或加上 text（原话片段）让它按原话匹配。\n`);
    // Named by place only: under --redact the ids themselves must not be printed.
    const mistyped = this.matcher.mistyped(ranRules);
    append(summary.staleWaivers, mistyped.map(asStale));
    for (const w of mistyped) say(`supportlint: 豁免 ${described(w)}的会话号在这次检查里没有出现，但有一个会话号与它只差大小写、全角半角或空格；会话号按原样匹配，这条豁免没有生效。请照导出文件里的会话号改正。\n`);
    for (const w of this.matcher.expired) say(`supportlint: 豁免 ${described(w)}已于 ${w.expires} 到期，不再生效；它覆盖的问题重新计入结果。\n`);
  }
}
