import type { Finding } from '../engine/finding.js';
import { excerptAround, visibleKeepingLineBreaks } from './excerpt.js';
import { resultNoun, type Formatter, type FormatterContext } from './formatter.js';
import { ciPath, isStdin, locationColumn } from './paths.js';

/**
 * How many findings become annotations. GitHub creates at most 10 error, 10 warning and 10 notice
 * annotations per step and 50 per job; the rest are dropped without a word (actions/toolkit
 * docs/problem-matchers.md, "Limitations":
 * https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations).
 * So a step annotates at most `perSeverity` of each kind, errors before warnings, and never more
 * than `total`; the closing line says how many were left out and where the full set is.
 */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;
export const GITHUB_ANNOTATION_LIMITS = { total: 50, perSeverity: GITHUB_ANNOTATIONS_PER_STEP } as const;

export interface GithubFormatterOptions {
  total?: number;
  perSeverity?: number;
}

/**
 * Escaping of workflow commands, as @actions/core does it (packages/core/src/command.ts,
 * escapeData and escapeProperty): the message may not hold a raw line break, which would end the
 * command and let the rest of a customer's text be read as a new command; a property value may not
 * hold `:` or `,` either, which end the value.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=…,line=…,col=…,title=…::message`, with every part escaped. The runner's log is a
 * terminal too: control and bidi formatting characters from the data (ESC, BEL, U+202E …) are
 * written as visible escapes, and line breaks are left for escapeData to encode.
 */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(visibleKeepingLineBreaks(String(value)))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(visibleKeepingLineBreaks(message))}\n`;
}

function annotation(finding: Finding, context: FormatterContext, titles: ReadonlyMap<string, string>): string {
  const { location } = finding;
  const file = isStdin(location.file) ? undefined : ciPath(location.file, context.cwd);
  const title = titles.get(finding.ruleId);
  const lines = [finding.message];
  if (finding.excerpt.trim() !== '') {
    const { before, match, after } = excerptAround(finding.excerpt, finding.range);
    lines.push(`原文（${resultNoun(context.command)} ${finding.conversationId}${finding.messageSeq === null ? '' : ` 第${finding.messageSeq + 1}条`}）：${before}${match ? `【${match}】` : ''}${after}`);
  }
  if (finding.suggestion) lines.push(`建议：${finding.suggestion}`);
  return workflowCommand(
    finding.severity === 'error' ? 'error' : 'warning',
    {
      file,
      line: file === undefined ? undefined : location.line,
      col: file === undefined || location.line === undefined ? undefined : locationColumn(location),
      title: title ? `${title} (${finding.ruleId})` : finding.ruleId,
    },
    lines.join('\n'),
  );
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, up to
 * GitHub's limits, then one closing line. Errors are written as they arrive; warnings wait (at most
 * `perSeverity` of them) so that errors always come first.
 */
export function githubFormatter(options: GithubFormatterOptions = {}): Formatter {
  const total = options.total ?? GITHUB_ANNOTATION_LIMITS.total;
  const perSeverity = Math.min(options.perSeverity ?? GITHUB_ANNOTATION_LIMITS.perSeverity, total);
  let titles = new Map<string, string>();
  let errors = 0;
  let warnings = 0;
  let shownErrors = 0;
  const heldWarnings: string[] = [];

  return {
    start(context) {
      titles = new Map(context.rules.map((rule) => [rule.id, rule.title]));
      return '';
    },
    result(result, context) {
      let text = '';
      for (const finding of result.findings) {
        if (finding.severity === 'error') {
          errors++;
          if (shownErrors < perSeverity) {
            text += annotation(finding, context, titles);
            shownErrors++;
          }
        } else {
          warnings++;
          if (heldWarnings.length < perSeverity) heldWarnings.push(annotation(finding, context, titles));
        }
      }
      return text;
    },
    end(summary) {
      const warningsShown = heldWarnings.slice(0, Math.max(0, total - shownErrors));
      const shown = shownErrors + warningsShown.length;
      const hidden = errors + warnings - shown;
      const counts = `${errors + warnings} 个问题（${errors} 个错误，${warnings} 个警告${summary.waived > 0 ? `；另有 ${summary.waived} 个已豁免，不计入` : ''}）`;
      if (hidden === 0) return `${warningsShown.join('')}supportlint：${counts}${errors + warnings > 0 ? '，已全部标注' : ''}。\n`;
      return (
        warningsShown.join('') +
        workflowCommand(
          'notice',
          { title: 'supportlint' },
          `${counts}，标注了 ${shown} 个，另有 ${hidden} 个未标注：GitHub 每个步骤只显示 ${GITHUB_ANNOTATIONS_PER_STEP} 个错误和 ${GITHUB_ANNOTATIONS_PER_STEP} 个警告注释。` +
            '完整结果请看同一次运行写出的 SARIF 或 JSON 报告（例如 -f github -f sarif:results.sarif，再用 github/codeql-action/upload-sarif 上传）。',
        )
      );
    },
  };
}
