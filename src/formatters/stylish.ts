import { Chalk } from 'chalk';
import path from 'node:path';
import type { Finding, Quote } from '../engine/finding.js';
import type { ConversationResult } from '../engine/lint.js';
import { formatLocalTime } from '../time/instant.js';
import { formatLocation, isCleanRun, type LintSummary } from '../runner/summary.js';
import { formatExcerptLine, visible } from './excerpt.js';
import { t } from '../i18n/index.js';
import type { Formatter, FormatterContext } from './formatter.js';
import { AgentSummary } from './agent-summary.js';

const ROLE_LABELS: Record<string, string> = { customer: '客户', agent: '客服', bot: '机器人', system: '系统' };
const NA_REASONS: Record<string, string> = { 'no-timestamps': '无时间戳' };

function relative(file: string, cwd: string): string {
  if (file === '<stdin>') return file;
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return visible(rel.startsWith('..') ? file : rel);
}

function quoteLine(quote: Quote, chalk: InstanceType<typeof Chalk>, context: FormatterContext): string {
  const who = visible(quote.role === 'agent' && quote.agent ? `${ROLE_LABELS.agent} ${quote.agent}` : ROLE_LABELS[quote.role] ?? quote.role);
  const when = quote.time === undefined ? '' : ` ${formatLocalTime(quote.time, context.timezone).slice(11)}`;
  return `${chalk.dim(`第${quote.messageSeq + 1}条 ${who}${when}：`)}${formatExcerptLine(quote.text, quote.range, chalk)}`;
}

function findingLines(finding: Finding, chalk: InstanceType<typeof Chalk>, context: FormatterContext): string[] {
  const severity = finding.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
  const lines = [`  ${severity}  ${visible(finding.message)}  ${chalk.dim(visible(finding.ruleId))}`];
  if (finding.trigger && finding.trigger.messageSeq !== finding.messageSeq) lines.push(`         ${quoteLine(finding.trigger, chalk, context)}`);
  if (finding.messageSeq !== null) {
    lines.push(`         ${quoteLine({ messageSeq: finding.messageSeq, role: finding.role ?? 'agent', agent: finding.agent, text: finding.excerpt, range: finding.range, time: finding.time }, chalk, context)}`);
  }
  const others = [...new Set((finding.occurrences ?? []).map((o) => o.messageSeq))].filter((seq): seq is number => seq !== null && seq !== finding.messageSeq);
  if (others.length > 0) {
    const listed = others.slice(0, 10).map((seq) => `第${seq + 1}条`).join('、');
    lines.push(chalk.dim(`         另见：${listed}${others.length > 10 ? ` 等 ${others.length} 条` : ''}`));
  }
  if (finding.suggestion) lines.push(`         ${chalk.green('建议：')}${visible(finding.suggestion)}`);
  return lines;
}

export function summaryLines(summary: LintSummary, chalk: InstanceType<typeof Chalk>, command: FormatterContext['command'] = 'lint'): string[] {
  const lines: string[] = [];
  const problems = summary.errors + summary.warnings;
  const headline = t('summary.headline', { problems, errors: summary.errors, warnings: summary.warnings }) + (summary.waived > 0 ? t('summary.waived', { count: summary.waived }) : '');
  // ✔ only for a run that read everything and judged it all: an unreadable file, a skipped record or
  // a rule failure fails the run (or may, with --strict), and a green tick would say otherwise.
  const mark = problems > 0 ? chalk.bold((summary.errors > 0 ? chalk.red : chalk.yellow)(`✖ ${headline}`)) : isCleanRun(summary) ? chalk.green(`✔ ${headline}`) : chalk.yellow(`⚠ ${headline}`);
  lines.push(mark);
  const { read, used, skipped } = summary.records;
  const counted = command === 'replies' ? t('summary.replies', { count: summary.conversations }) : t('summary.conversations', { count: summary.conversations, messages: summary.messages });
  lines.push(
    t('summary.records', { files: summary.files, counted, read, used, skipped }) +
      (summary.unreadableFiles.length ? t('summary.unreadableFiles', { count: summary.unreadableFiles.length }) : '') +
      (summary.filtered ? t('summary.filtered', { count: summary.filtered }) : '') +
      (summary.hiddenWarnings ? t('summary.hiddenWarnings', { count: summary.hiddenWarnings }) : ''),
  );
  for (const [ruleId, reasons] of Object.entries(summary.notApplicable)) {
    for (const [reason, count] of Object.entries(reasons)) {
      lines.push(chalk.dim(t('summary.notApplicable', { rule: ruleId, count, reason: NA_REASONS[reason] ?? reason })));
    }
  }
  return lines;
}

/** Problems with the input, on stderr-bound text: which file, where, and why. */
export function inputProblemLines(summary: LintSummary, chalk: InstanceType<typeof Chalk>, limit = 20): string[] {
  const lines: string[] = [];
  for (const problem of summary.unreadableFiles) lines.push(`${chalk.red(t('input.unreadable'))} ${visible(formatLocation(problem.location))}: ${visible(problem.reason)}`);
  for (const problem of summary.skipped.slice(0, limit)) lines.push(`${chalk.yellow(t('input.skipped'))} ${visible(formatLocation(problem.location))}: ${visible(problem.reason)}`);
  if (summary.skipped.length > limit) lines.push(chalk.dim(t('input.moreSkipped', { count: summary.skipped.length - limit })));
  for (const warning of summary.warningsAboutInput.slice(0, limit)) lines.push(`${chalk.yellow(t('input.note'))} ${visible(formatLocation(warning.location))}: ${visible(warning.reason)}`);
  if (summary.warningsAboutInput.length > limit) lines.push(chalk.dim(t('input.moreNotes', { count: summary.warningsAboutInput.length - limit })));
  return lines;
}

/** A canned reply: where it stands in its file, then each finding with the reply quoted. */
function replyLines(result: ConversationResult, chalk: InstanceType<typeof Chalk>, context: FormatterContext): string {
  const out: string[] = [];
  for (const finding of result.findings) {
    const severity = finding.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
    const where = formatLocation({ ...finding.location, file: relative(finding.location.file, context.cwd) });
    out.push(`${chalk.underline(where)}  ${chalk.dim(`话术 ${visible(result.conversationId)}`)}`);
    out.push(`  ${severity}  ${visible(finding.message)}  ${chalk.dim(visible(finding.ruleId))}`);
    if (finding.excerpt) out.push(`         ${formatExcerptLine(finding.excerpt, finding.range, chalk)}`);
    if (finding.suggestion) out.push(`         ${chalk.green('建议：')}${visible(finding.suggestion)}`);
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

/** Findings grouped by conversation, for people at a terminal. */
export function stylishFormatter(): Formatter {
  const chalkFor = (context: FormatterContext) => new Chalk({ level: context.color ? 1 : 0 });
  const byAgent = new AgentSummary();
  return {
    result(result, context) {
      if (context.command === 'lint') byAgent.add(result);
      if (result.findings.length === 0) return '';
      const chalk = chalkFor(context);
      if (context.command === 'replies') return replyLines(result, chalk, context);
      const agents = result.agents.length ? chalk.dim(`  客服：${visible(result.agents.join('、'))}`) : '';
      const firstTime = result.findings.map((f) => f.trigger?.time ?? f.time).find((t) => t !== undefined);
      const day = firstTime === undefined ? '' : chalk.dim(`  ${formatLocalTime(firstTime, context.timezone).slice(0, 10)}`);
      const out = [`${chalk.underline(relative(result.file, context.cwd))}  ${chalk.bold(`会话 ${visible(result.conversationId)}`)}${day}${agents}`];
      for (const finding of result.findings) out.push(...findingLines(finding, chalk, context));
      out.push('');
      return `${out.join('\n')}\n`;
    },
    end: (summary, context) => `${[...byAgent.lines(chalkFor(context)), ...summaryLines(summary, chalkFor(context), context.command)].join('\n')}\n`,
  };
}
