import type { Command } from 'commander';
import { Chalk } from 'chalk';
import type { Finding } from '../engine/finding.js';
import { lintConversation } from '../engine/lint.js';
import { formatExcerptLine, visible } from '../formatters/excerpt.js';
import { inputProblemLines, summaryLines } from '../formatters/stylish.js';
import { readInputs } from '../runner/lint-files.js';
import { buildLintSettings } from '../runner/settings.js';
import { addResult, emptySummary, ruleFailureLines } from '../runner/summary.js';
import { UsageError } from './errors.js';
import { addReadOptions, loadConfigFor, readOptionsFor, resolveInputs, useColor, type CliIO, type CommonReadOptions } from './index.js';
import { evaluateLabels, formatLabelEval } from './eval-labels.js';

/** A hit kept for reading, with the messages around it as they arrived. */
interface SampledHit {
  finding: Finding;
  context: Array<{ seq: number; role: string; text: string }>;
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
  sample: string;
  seed: string;
  context: string;
  all?: boolean;
  labels?: string;
  corpus?: string;
  half: string;
  errors?: boolean;
  json?: boolean;
}

/**
 * `supportlint eval`: how often each rule fires on an input, and a random sample of its hits
 * with the surrounding messages, so anyone can read the hits and judge precision.
 */
export function registerEvalCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addReadOptions(
    program
      .command('eval')
      .description('count each rule\'s hits on an input and print a random sample of them with context, to judge precision')
      .argument('[paths...]', 'files, folders or globs; - reads standard input'),
  )
    .option('--rule <id>', 'evaluate only these rules (repeatable, or comma-separated)', (v: string, p: string[] = []) => [...p, ...v.split(',')])
    .option('--all', 'evaluate every built-in rule, not just the configured ones')
    .option('--sample <n>', 'hits to print per rule', '10')
    .option('--seed <n>', 'seed for the random sample', '1')
    .option('--context <n>', 'messages to show before the offending one', '3')
    .option('--labels <file>', 'score the rules against a labelled benchmark (bench/judgement/labels.jsonl): precision, recall and F1 per rule, collection and half')
    .option('--corpus <dir>', 'with --labels: the corpus folder (default: the one the labels file names)')
    .option('--half <half>', 'with --labels: tune, check or all', 'all')
    .option('--errors', 'with --labels: list the tuning-half conversations each rule gets wrong')
    .option('--json', 'with --labels: print the figures as JSON')
    .action(async (paths: string[], options: EvalOptions) => {
      if (options.labels) {
        if (!['tune', 'check', 'all'].includes(options.half)) throw new UsageError(`--half ${options.half}：应为 tune、check 或 all。`);
        const config = await loadConfigFor(options, io);
        const result = await evaluateLabels({ ...options, labels: options.labels, half: options.half as 'tune' | 'check' | 'all' }, config, io);
        const chalk = new Chalk({ level: useColor(io, undefined) ? 1 : 0 });
        io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatLabelEval(result, chalk));
        setExitCode(result.rows.length === 0 ? 2 : 0);
        return;
      }
      if (paths.length === 0) throw new UsageError('no input given. Pass files, folders or globs, or --labels <file> to score a labelled benchmark.');
      const sampleSize = Number(options.sample);
      const before = Number(options.context);
      if (!Number.isInteger(sampleSize) || sampleSize < 0) throw new UsageError(`--sample ${options.sample}: expected a whole number.`);
      if (!Number.isInteger(before) || before < 0) throw new UsageError(`--context ${options.context}: expected a whole number.`);
      const config = await loadConfigFor(options, io);
      if (options.all) {
        const { BUILTIN_RULES } = await import('../../rules/index.js');
        for (const [id, rule] of BUILTIN_RULES) if (!(id in config.rules) || config.rules[id] === 'off') config.rules[id] = rule.meta.defaultSeverity;
      }
      const settings = buildLintSettings(config, { onlyRules: options.rule });
      const files = await resolveInputs(paths, config, io);
      const random = seededRandom(Number(options.seed) || 1);
      const reservoirs = new Map(settings.rules.map((r) => [r.rule.meta.id, new Reservoir<SampledHit>(sampleSize, random)]));
      const hitConversations = new Map<string, Set<string>>();
      const summary = emptySummary();
      await readInputs(files, readOptionsFor(config, options, io.cwd), summary, {
        onConversation(conversation) {
          const result = lintConversation(conversation, settings);
          addResult(summary, result);
          for (const finding of result.findings) {
            (hitConversations.get(finding.ruleId) ?? hitConversations.set(finding.ruleId, new Set()).get(finding.ruleId)!).add(conversation.id);
            reservoirs.get(finding.ruleId)!.offer(() => {
              const anchor = finding.messageSeq ?? finding.trigger?.messageSeq ?? conversation.messages.length - 1;
              const first = Math.max(0, Math.min(anchor, finding.trigger?.messageSeq ?? anchor) - before);
              const last = Math.min(conversation.messages.length - 1, anchor + 1);
              return {
                finding,
                context: conversation.messages.slice(first, last + 1).map((m) => ({ seq: m.seq, role: m.role, text: m.text })),
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
            const range = m.seq === finding.messageSeq ? finding.range : m.seq === finding.trigger?.messageSeq ? finding.trigger?.range : undefined;
            out.push(`  ${marked} ${String(m.seq + 1).padStart(3)} ${ROLE_LABELS[m.role] ?? m.role}：${formatExcerptLine(m.text, range, chalk, 80)}`);
          }
        });
      }
      out.push('', ...summaryLines(summary, chalk));
      io.stdout(`${out.join('\n')}\n`);
      const problems = inputProblemLines(summary, chalk);
      if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
      const failures = ruleFailureLines(summary);
      if (failures.length > 0) io.stderr(`${failures.join('\n')}\n`);
      setExitCode(summary.conversations === 0 || failures.length > 0 ? 2 : 0);
    });
}
