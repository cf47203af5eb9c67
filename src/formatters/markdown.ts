import type { Finding } from '../engine/finding.js';
import { isCleanRun, type LintSummary } from '../runner/summary.js';
import { excerptAround, visibleKeepingLineBreaks } from './excerpt.js';
import { resultNoun, type Formatter, type FormatterContext, type RuleSummary } from './formatter.js';
import { ciLocation, ciPath } from './paths.js';

/**
 * GitHub refuses a comment longer than 65,536 characters ("Body is too long (maximum is 65536
 * characters)", REST API, create an issue comment). Lengths here are UTF-16 code units, which are
 * never fewer than the characters GitHub counts, and the table stops well short of the limit so
 * that the heading, the closing lines and whatever a CI step wraps around the report still fit.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const MARKDOWN_TABLE_BUDGET = 60_000;
/** Long messages and suggestions are cut in the table; the SARIF and JSON reports keep them whole. */
const CELL_LIMIT = 300;
/** Unreadable inputs listed by name below the table. */
const INPUT_PROBLEM_LINES = 20;

/**
 * Text for one table cell of GitHub-flavoured Markdown. ASCII punctuation that Markdown or HTML
 * would act on is backslash-escaped (CommonMark allows escaping any of it), `|` included so a
 * customer's pipe does not split the cell; `@` gets a word joiner so a quoted `@name` does not
 * notify a GitHub user; line breaks become <br>, since a raw one would end the table row. Control
 * and bidi formatting characters (U+202E turns the rest of a line around in a PR comment) are
 * written as their escapes, as on a terminal.
 */
export function escapeMarkdownCell(text: string): string {
  return visibleKeepingLineBreaks(text)
    .replace(/[\\`*_{}[\]()<>|~&$#!]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u2060')
    .replace(/\r\n?|\n/g, '<br>');
}

const cut = (text: string, limit = CELL_LIMIT) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

/**
 * The quoted message with the match in bold. <b> rather than **: CommonMark only opens `**` when it
 * is "left-flanking", which fails between a Han character and punctuation (推诿“…”), and the
 * asterisks would then show.
 */
function quotedExcerpt(finding: Finding): string {
  if (finding.excerpt.trim() === '') return '（空消息）';
  const { before, match, after } = excerptAround(finding.excerpt, finding.range, 30);
  return `${escapeMarkdownCell(before)}${match ? `<b>${escapeMarkdownCell(match)}</b>` : ''}${escapeMarkdownCell(after)}`;
}

function row(finding: Finding, rules: ReadonlyMap<string, RuleSummary>, context: FormatterContext): string {
  const rule = rules.get(finding.ruleId);
  const icon = finding.severity === 'error' ? '❌' : '⚠️';
  const id = escapeMarkdownCell(finding.ruleId);
  const ruleCell = `${rule?.helpUri ? `[${id}](${rule.helpUri})` : id}${rule ? `<br>${escapeMarkdownCell(rule.title)}` : ''}`;
  const location = ciLocation(finding.location, context.cwd).slice(ciPath(finding.location.file, context.cwd).length).replace(/^:/, 'L');
  const where = [location, `${resultNoun(context.command)} ${finding.conversationId}`, finding.messageSeq === null ? '' : `第${finding.messageSeq + 1}条`, finding.agent ?? '']
    .filter(Boolean)
    .map((part) => escapeMarkdownCell(part))
    .join('<br>');
  const cells = [icon, ruleCell, where, escapeMarkdownCell(cut(finding.message)), quotedExcerpt(finding), escapeMarkdownCell(cut(finding.suggestion ?? ''))];
  return `| ${cells.join(' | ')} |\n`;
}

const TABLE_HEAD = '|  | 规则 | 位置 | 说明 | 原文 | 建议 |\n|---|---|---|---|---|---|\n';

/**
 * Markdown for a pull-request comment: a heading with the counts, then a table per input file.
 * The heading needs the totals, so the tables are held until the end, and only up to
 * MARKDOWN_TABLE_BUDGET characters of them; past that, findings are counted, not kept.
 */
export function markdownFormatter(): Formatter {
  let rules = new Map<string, RuleSummary>();
  let body = '';
  let currentFile: string | undefined;
  let listed = 0;
  let seen = 0;
  let full = false;

  return {
    start(context) {
      rules = new Map(context.rules.map((rule) => [rule.id, rule]));
      return '';
    },
    result(result, context) {
      for (const finding of result.findings) {
        seen++;
        if (full) continue;
        const heading = currentFile === result.file ? '' : `${body ? '\n' : ''}### ${escapeMarkdownCell(ciPath(result.file, context.cwd))}\n\n${TABLE_HEAD}`;
        const text = heading + row(finding, rules, context);
        if (body.length + text.length > MARKDOWN_TABLE_BUDGET) {
          full = true;
          continue;
        }
        body += text;
        currentFile = result.file;
        listed++;
      }
      return '';
    },
    end(summary: LintSummary, context) {
      const problems = summary.errors + summary.warnings;
      const icon = summary.errors > 0 ? '❌' : problems > 0 || !isCleanRun(summary) ? '⚠️' : '✅';
      const waived = summary.waived > 0 ? ` · 已豁免 ${summary.waived}` : '';
      const headline = `${problems === 0 ? '没有发现问题' : `${problems} 个问题（${summary.errors} 个错误，${summary.warnings} 个警告）`}${waived}`;
      const { read, used, skipped } = summary.records;
      const out = [
        '<!-- supportlint -->',
        `## ${icon} supportlint：${headline}`,
        '',
        `文件 ${summary.files} · ${context.command === 'replies' ? `话术 ${summary.conversations}` : `会话 ${summary.conversations} · 消息 ${summary.messages}`} · 记录 读取 ${read} = 使用 ${used} + 跳过 ${skipped}`,
        '',
      ];
      if (body) out.push(body);
      if (seen > listed) {
        out.push(`…以及另外 ${seen - listed} 个问题未列出（GitHub 评论最长 ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')} 个字符）。完整结果见同一次运行写出的 SARIF 或 JSON 报告。`, '');
      }
      if (summary.unreadableFiles.length > 0) {
        out.push(`**无法读取的文件 ${summary.unreadableFiles.length} 个：**`, '');
        for (const problem of summary.unreadableFiles.slice(0, INPUT_PROBLEM_LINES)) {
          out.push(`- ${escapeMarkdownCell(ciPath(problem.location.file, context.cwd))}：${escapeMarkdownCell(cut(problem.reason, 200))}`);
        }
        if (summary.unreadableFiles.length > INPUT_PROBLEM_LINES) out.push(`- …以及另外 ${summary.unreadableFiles.length - INPUT_PROBLEM_LINES} 个`);
        out.push('');
      }
      return `${out.join('\n').replace(/\n+$/, '')}\n`;
    },
  };
}
