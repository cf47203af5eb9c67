import type { Formatter } from './formatter.js';

/**
 * Versioned, stable JSON (see docs/json-format.md). Bump JSON_FORMAT_VERSION on any change that
 * removes or renames a field; adding a field keeps the version.
 */
export const JSON_FORMAT_VERSION = 1;

export const json: Formatter = (results, context) =>
  `${JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      tool: { name: 'supportlint', version: context.toolVersion },
      summary: context.summary,
      results: results.map((r) => ({
        conversationId: r.conversationId,
        file: r.file,
        format: r.format,
        messageCount: r.messageCount,
        agents: r.agents,
        locale: r.locale,
        notApplicable: r.notApplicable,
        findings: r.findings.map((f) => ({ ...f, agent: f.agent ?? null })),
      })),
    },
    null,
    2,
  )}\n`;
