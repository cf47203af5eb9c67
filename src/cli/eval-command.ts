import type { Command } from 'commander';
import { Chalk } from 'chalk';
import type { Finding } from '../engine/finding.js';
import { lintConversation } from '../engine/lint.js';
import { formatExcerptLine, visible } from '../formatters/excerpt.js';
import { inputProblemLines, summaryLines } from '../formatters/stylish.js';
import { readInputs } from '../runner/lint-files.js';
import { Redactor, redactionSettings } from '../runner/redaction.js';
import { addResult, emptySummary, ruleFailureLines, unrecognisedInputsLine } from '../runner/summary.js';
import { UsageError } from './errors.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReadOptions, collectNonEmpty, supportlintFor, wholeNumber, type CommonReadOptions } from './options.js';
import { t } from '../i18n/index.js';
import { evaluateLabels, formatLabelEval } from './eval-labels.js';

/** A hit kept for reading, with the messages around it as they arrived. */
interface SampledHit {
  finding: Finding;
  context: Array<{ seq: number; role: string; text: string; range?: [number, number] }>;
}

/** Deterministic pseudo-random numbers (mulberry32), so a seed gives the same sample every time. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Reservoir sampling (Algorithm R): every hit of a rule has the same chance to be kept, and
 * memory holds `size` hits per rule however long the input is.
 */
class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  constructor(private readonly size: number, private readonly random: () => number) {}
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(make());
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.items[slot] = make();
  }
}

const ROLE_LABELS: Record<string, string> = { customer: '客户', agent: '客服', bot: '机器人', system: '系统' };

interface EvalOptions extends CommonReadOptions {
  rule?: string[];
  sample: number;
  seed: number;
  context: number;
  all?: boolean;
  labels?: string;
  corpus?: string;
  half: string;
  errors?: boolean;
  json?: boolean;
  redact?: boolean;
  redactKeepAgents?: boolean;
}

/**
 * `supportlint eval`: how often each rule fires on an input, and a random sample of its hits
 * with the surrounding messages, so anyone can read the hits and judge precision.
 */
export function registerEvalCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addLocaleOption(addReadOptions(
    program
      .command('eval')
      .description(t('eval.description'))
      .argument('[paths...]', t('lint.paths')),
  ))
    .option('--rule <id>', t('eval.rule'), collectNonEmpty('--rule', '--rule blame-shifting'))
    .option('--all', t('eval.all'))
    .option('--sample <n>', t('eval.sample'), wholeNumber('--sample'), 10)
    .option('--seed <n>', t('eval.seed'), wholeNumber('--seed'), 1)
    .option('--context <n>', t('eval.context'), wholeNumber('--context'), 3)
    .option('--labels <file>', t('eval.labels'))
    .option('--corpus <dir>', t('eval.corpus'))
    .option('--half <half>', t('eval.half'), 'all')
    .option('--errors', t('eval.errors'))
    .option('--json', t('eval.json'))
    .option('--redact', t('eval.redact'))
    .option('--redact-keep-agents', t('lint.redactKeepAgents'))
    .action(async (paths: string[], options: EvalOptions) => {
      if (options.labels) {
        if (!['tune', 'check', 'all'].includes(options.half)) throw new UsageError(t('option.oneOf', { flag: '--half', value: options.half, choices: 'tune、check、all' }));
        const config = await supportlintFor(options, io).loadConfig();
        const result = await evaluateLabels({ ...options, labels: options.labels, half: options.half as 'tune' | 'check' | 'all' }, config, io);
        const chalk = new Chalk({ level: useColor(io, undefined) ? 1 : 0 });
        io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatLabelEval(result, chalk));
        setExitCode(result.rows.length === 0 ? 2 : 0);
        return;
      }
      if (paths.length === 0) throw new UsageError(t('eval.noInput'));
      const sampleSize = options.sample;
      const before = options.context;
      // --all: every built-in and custom rule, on at its default severity where the configuration leaves it off.
      let rule = options.rule;
      if (options.all && !rule?.length) {
        const { customRules } = await supportlintFor(options, io).loadConfig();
        rule = [...(await import('../../rules/index.js')).BUILTIN_RULES.keys(), ...Object.keys(customRules)];
      }
      const linter = supportlintFor({ ...options, rule }, io);
      // --redact: the sampled messages are shown as `lint --redact` shows them.
      let redactor: Redactor | undefined;
      if (options.redact) {
        const { settings: redaction, warning } = redactionSettings((await linter.loadConfig()).redact, io.env, options.redactKeepAgents || undefined);
        if (warning) io.stderr(warning);
        redactor = new Redactor(redaction);
      }
      const settings = await linter.lintSettings();
      const files = await linter.inputFiles(paths);
      const random = seededRandom(options.seed);
      const reservoirs = new Map(settings.rules.map((r) => [r.rule.meta.id, new Reservoir<SampledHit>(sampleSize, random)]));
      const hitConversations = new Map<string, Set<string>>();
      const summary = emptySummary();
      await readInputs(files, await linter.readOptions(), summary, {
        onConversation(conversation) {
          const result = lintConversation(conversation, settings);
          addResult(summary, result);
          const shown = redactor ? redactor.result(result) : result;
          for (const finding of shown.findings) {
            (hitConversations.get(finding.ruleId) ?? hitConversations.set(finding.ruleId, new Set()).get(finding.ruleId)!).add(conversation.id);
            reservoirs.get(finding.ruleId)!.offer(() => {
              const anchor = finding.messageSeq ?? finding.trigger?.messageSeq ?? conversation.messages.length - 1;
              const first = Math.max(0, Math.min(anchor, finding.trigger?.messageSeq ?? anchor) - before);
              const last = Math.min(conversation.messages.length - 1, anchor + 1);
              // The finding's own quotes carry their highlighted ranges (moved to the masked text under --redact).
              const shownMessage = (m: { seq: number; text: string }) => {
                if (m.seq === finding.messageSeq) return { text: finding.excerpt, range: finding.range };
                if (m.seq === finding.trigger?.messageSeq) return { text: finding.trigger.text, range: finding.trigger.range };
                return { text: redactor ? redactor.conversationText(conversation.id, result.agents, m.text, result.customers) : m.text, range: undefined };
              };
              return {
                finding,
                context: conversation.messages.slice(first, last + 1).map((m) => ({ seq: m.seq, role: m.role, ...shownMessage(m) })),
              };
            });
          }
        },
      });

      const chalk = new Chalk({ level: useColor(io, undefined) ? 1 : 0 });
      const out: string[] = [chalk.bold(`规则命中（${summary.conversations} 个会话，${summary.messages} 条消息）`)];
      for (const [ruleId, reservoir] of reservoirs) {
        const conversations = hitConversations.get(ruleId)?.size ?? 0;
        const share = summary.conversations ? ((100 * conversations) / summary.conversations).toFixed(1) : '0.0';
        out.push(`  ${visible(ruleId).padEnd(24)} ${String(reservoir.seen).padStart(6)} 次命中  ${String(conversations).padStart(6)} 个会话 (${share}%)`);
      }
      for (const [ruleId, reservoir] of reservoirs) {
        if (reservoir.items.length === 0) continue;
        out.push('', chalk.bold(`── ${visible(ruleId)}：随机抽取 ${reservoir.items.length}/${reservoir.seen} 条命中 ──`));
        reservoir.items.forEach((hit, index) => {
          const { finding } = hit;
          out.push('', `${chalk.cyan(`#${index + 1}`)} 会话 ${visible(finding.conversationId)}  ${visible(finding.message)}`);
          for (const m of hit.context) {
            const marked = m.seq === finding.messageSeq ? '▶' : m.seq === finding.trigger?.messageSeq ? '◆' : ' ';
            out.push(`  ${marked} ${String(m.seq + 1).padStart(3)} ${ROLE_LABELS[m.role] ?? m.role}：${formatExcerptLine(m.text, m.range, chalk, 80)}`);
          }
        });
      }
      const shownSummary = redactor ? redactor.summary(summary) : summary;
      out.push('', ...summaryLines(shownSummary, chalk));
      io.stdout(`${out.join('\n')}\n`);
      const problems = inputProblemLines(shownSummary, chalk);
      if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
      const failures = ruleFailureLines(shownSummary);
      if (failures.length > 0) io.stderr(`${failures.join('\n')}\n`);
      // As lint, report and convert: an input whose format was not recognised makes the run exit 2.
      const unrecognised = unrecognisedInputsLine(summary);
      if (unrecognised) io.stderr(`${unrecognised}\n`);
      setExitCode(summary.conversations === 0 || failures.length > 0 || unrecognised ? 2 : 0);
    });
}
