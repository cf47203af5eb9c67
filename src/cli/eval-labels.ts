import { readSideFile, SideFileError } from '../io/side-file.js';
import path from 'node:path';
import type { Chalk } from 'chalk';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { lintConversation } from '../engine/lint.js';
import { parseLabels, type LabelSet } from '../evaluation/labels.js';
import { clearsBar, cohensKappa, combine, keyOf, RECOMMENDED_BAR, recommendedVerdict, scoreLabels, type ScoreRow, type Verdict } from '../evaluation/score.js';
import { readInputs } from '../runner/lint-files.js';
import { buildLintSettings } from '../runner/settings.js';
import { emptySummary } from '../runner/summary.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { inputOptions, type CommonReadOptions } from './options.js';
import { t } from '../i18n/index.js';
import { readOptionsFrom } from '../runner/settings.js';

export interface LabelEvalOptions {
  labels: string;
  corpus?: string;
  half: 'tune' | 'check' | 'all';
  errors?: boolean;
  json?: boolean;
  rule?: string[];
}

export interface LabelEvalResult {
  rows: ScoreRow[];
  kappa: Record<string, ReturnType<typeof cohensKappa>>;
  /** Per rule: whether its check-half figures let it stay in supportlint:recommended. */
  verdicts: Verdict[];
  missing: string[];
  /** Tuning-half conversations the rule got wrong: key → 'missed' | 'false alarm'. */
  errors: Array<{ rule: string; key: string; kind: 'missed' | 'false-alarm'; messages: number[] }>;
}

/** A label set is a JSONL of a few thousand conversations; one past this is not a label set. */
const MAX_LABELS_BYTES = 256 * 2 ** 20;

async function loadLabelSet(file: string): Promise<LabelSet> {
  let text: string;
  try {
    text = await readSideFile(file, `--labels ${file}`, MAX_LABELS_BYTES);
  } catch (error) {
    if (error instanceof SideFileError) throw new UsageError(`${error.message}。`);
    throw new UsageError(t('eval.labelsUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  try {
    return parseLabels(text);
  } catch (error) {
    throw new UsageError(`--labels ${file}：${(error as Error).message}`);
  }
}

/**
 * Lints the labelled conversations of each collection with every benchmark rule on (at its
 * configured options and default severity) and scores the findings against the settled labels.
 */
export async function evaluateLabels(options: LabelEvalOptions, config: ResolvedConfig, io: CliIO): Promise<LabelEvalResult> {
  const labelsFile = path.resolve(io.cwd, options.labels);
  const { manifest, lines } = await loadLabelSet(labelsFile);
  const corpus = path.resolve(options.corpus ? io.cwd : path.dirname(labelsFile), options.corpus ?? manifest.corpus);
  const rules = options.rule ?? manifest.rules;
  for (const id of rules) {
    const rule = BUILTIN_RULES.get(id);
    if (!rule) throw new UsageError(t('rule.unknown', { source: options.rule ? '--rule' : '--labels', id }));
    if (!(id in config.rules) || config.rules[id] === 'off') config.rules[id] = rule.meta.defaultSeverity;
  }
  const settings = buildLintSettings(config, { onlyRules: rules });
  const wanted = new Map<string, Set<string>>();
  for (const line of lines) (wanted.get(line.collection) ?? wanted.set(line.collection, new Set()).get(line.collection)!).add(line.id);

  const predictions = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const [collection, ids] of wanted) {
    const spec = manifest.collections[collection]!;
    const readOptions = readOptionsFrom(config, inputOptions((spec.read ?? {}) as CommonReadOptions), corpus);
    const summary = emptySummary();
    await readInputs([spec.file], readOptions, summary, {
      onConversation(conversation) {
        if (!ids.has(conversation.id)) return;
        const key = `${collection}/${conversation.id}`;
        seen.add(key);
        const result = lintConversation(conversation, settings);
        predictions.set(key, new Set(result.findings.map((f) => f.ruleId)));
      },
    });
    for (const problem of summary.unreadableFiles) io.stderr(`supportlint: ${path.join(corpus, spec.file)}：${problem.reason}\n`);
  }
  const scored = lines.filter((line) => seen.has(keyOf(line)) && (options.half === 'all' || line.half === options.half));
  const rows = scoreLabels(scored, rules, predictions);
  const kappa = Object.fromEntries(rules.map((rule) => [rule, cohensKappa(lines, rule)]));
  const errors: LabelEvalResult['errors'] = [];
  if (options.errors) {
    // Only the tuning half is ever listed: the check half is scored, never read for tuning.
    for (const line of scored) {
      if (line.half !== 'tune') continue;
      const predicted = predictions.get(keyOf(line));
      for (const rule of rules) {
        const gold = rule in line.final;
        const hit = predicted?.has(rule) ?? false;
        if (gold !== hit) errors.push({ rule, key: keyOf(line), kind: gold ? 'missed' : 'false-alarm', messages: line.final[rule] ?? [] });
      }
    }
  }
  const verdicts = options.half === 'tune' ? [] : rules.map((rule) => recommendedVerdict(rows, rule));
  return { rows, kappa, verdicts, missing: lines.filter((line) => !seen.has(keyOf(line))).map(keyOf), errors };
}

const pct = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

/** The benchmark as a table: one line per rule and collection, each half side by side. */
export function formatLabelEval(result: LabelEvalResult, chalk: InstanceType<typeof Chalk>): string {
  const out: string[] = [];
  const rules = [...new Set(result.rows.map((r) => r.rule))];
  const collections = [...new Set(result.rows.map((r) => r.collection))].sort();
  const halves = [...new Set(result.rows.map((r) => r.half))].sort().reverse();
  out.push(chalk.bold('规则\t语料集\t半区\t会话\t人工标出\t规则标出\t重合\t精确率\t召回率\tF1'));
  for (const rule of rules) {
    for (const collection of [...collections, '(合计)']) {
      for (const half of halves) {
        const rows = result.rows.filter((r) => r.rule === rule && r.half === half && (collection === '(合计)' || r.collection === collection));
        if (rows.length === 0) continue;
        const t = combine(rows);
        const weak = half === 'check' && collection !== '(合计)' && t.positives >= RECOMMENDED_BAR.minPositives && !clearsBar(t);
        const line = [rule, collection, half === 'check' ? '检验' : '调优', t.conversations, t.positives, t.flagged, t.both, pct(t.precision), pct(t.recall), pct(t.f1)].join('\t');
        out.push(weak ? chalk.yellow(line) : line);
      }
    }
  }
  out.push('', chalk.bold('两位标注者的一致性（Cohen κ，全部会话）'));
  for (const [rule, k] of Object.entries(result.kappa)) {
    out.push(`  ${rule.padEnd(24)} κ ${k.kappa === null ? '—' : k.kappa.toFixed(2)}  一致率 ${(100 * k.agreement).toFixed(1)}%  A 标出 ${k.aPositives}  B 标出 ${k.bPositives}`);
  }
  if (result.verdicts.length > 0) {
    out.push('', chalk.bold(`能否留在 supportlint:recommended（检验半区；达标线：精确率 ≥ ${RECOMMENDED_BAR.precision}、召回率 ≥ ${RECOMMENDED_BAR.recall}，人工标出 ≥ ${RECOMMENDED_BAR.minPositives} 例的语料集逐个判断，都不足 ${RECOMMENDED_BAR.minPositives} 例时看合计）`));
    for (const v of result.verdicts) out.push(`  ${v.rule.padEnd(24)} ${v.keep ? '达标' : chalk.yellow('未达标')}  ${v.reason}`);
  }
  if (result.missing.length > 0) out.push(chalk.yellow(`${result.missing.length} 个标注会话没有在语料里读到（例如 ${result.missing.slice(0, 3).join('、')}）。`));
  if (result.errors.length > 0) {
    out.push('', chalk.bold('调优半区的错判（只列调优半区）'));
    for (const e of result.errors) out.push(`  ${e.rule.padEnd(24)} ${e.kind === 'missed' ? '漏报' : '误报'}  ${e.key}${e.messages.length ? `  第 ${e.messages.join('、')} 条` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
