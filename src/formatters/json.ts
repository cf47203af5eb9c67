import type { ConversationResult } from '../engine/lint.js';
import type { Formatter } from './formatter.js';

/**
 * Versioned, stable JSON (see docs/json-format.md). Bump JSON_FORMAT_VERSION on any change that
 * removes or renames a field; adding a field keeps the version. Results are written as they are
 * linted and the summary comes last, so a large run never holds all results in memory.
 */
export const JSON_FORMAT_VERSION = 1;

export function resultForJson(r: ConversationResult) {
  return {
    conversationId: r.conversationId,
    file: r.file,
    format: r.format,
    messageCount: r.messageCount,
    agents: r.agents,
    locale: r.locale,
    notApplicable: r.notApplicable,
    findings: r.findings.map((f) => ({ ...f, agent: f.agent ?? null })),
    // Findings a waiver covers, with the waiver: they count toward nothing (see docs/json-format.md).
    ...(r.waived?.length ? { waived: r.waived.map((f) => ({ ...f, agent: f.agent ?? null })) } : {}),
    ...(r.metrics ? { metrics: r.metrics } : {}),
  };
}

const indent = (text: string) => text.replace(/\n/g, '\n    ');

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    start: (context) =>
      `{\n  "version": ${JSON_FORMAT_VERSION},\n  "tool": ${JSON.stringify({ name: 'supportlint', version: context.toolVersion })},\n` +
      (context.measuredWith ? `  "measuredWith": ${JSON.stringify(context.measuredWith)},\n` : '') +
      '  "results": [',
    result(result) {
      const text = `${first ? '\n' : ',\n'}    ${indent(JSON.stringify(resultForJson(result), null, 2))}`;
      first = false;
      return text;
    },
    end: (summary) => `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`,
  };
}
