import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, WaivedFinding } from '../engine/finding.js';
import type { ConversationResult } from '../engine/lint.js';
import type { SourceLocation } from '../model/conversation.js';
import type { InputProblem, LintSummary } from '../runner/summary.js';
import { excerptAround } from './excerpt.js';
import { FINGERPRINT_KEY, fingerprinter } from './fingerprint.js';
import type { Formatter, FormatterContext, RuleSummary } from './formatter.js';
import { isStdin, locationColumn } from './paths.js';

/** The package homepage, as SARIF viewers link the tool name to it. */
export const SUPPORTLINT_HOMEPAGE = 'https://github.com/supportlint/supportlint';
const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
/** File URIs in results are relative to this base, which stands for the folder supportlint ran in. */
const SRCROOT = '%SRCROOT%';
/** GitHub code scanning shows at most 1024 characters of a rule's shortDescription. */
const SHORT_DESCRIPTION_LIMIT = 1024;
const NA_REASONS: Record<string, string> = { 'no-timestamps': '无时间戳' };

type SarifLevel = 'error' | 'warning' | 'note';
const levelOf = (severity: 'error' | 'warn'): SarifLevel => (severity === 'error' ? 'error' : 'warning');

/**
 * Where a file is, as SARIF wants it: a URI reference relative to %SRCROOT% with forward slashes
 * and each segment percent-encoded (Chinese file names included), or an absolute file: URI for a
 * file outside the working folder. Standard input has no artifact.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } | undefined {
  if (isStdin(file)) return undefined;
  const absolute = path.resolve(cwd, file);
  const rel = path.relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function ruleDescriptor(rule: RuleSummary) {
  const short = `${rule.title}：${rule.description}`;
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: short.length > SHORT_DESCRIPTION_LIMIT ? `${short.slice(0, SHORT_DESCRIPTION_LIMIT - 1)}…` : short },
    fullDescription: { text: rule.description },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: { category: rule.category, scope: rule.scope, custom: rule.custom, tags: [rule.category] },
  };
}

/** The physical place of a message: the file, and the line (and column) when the reader knows them. */
function physicalLocation(location: SourceLocation, snippet: string | undefined, cwd: string) {
  const artifact = artifactLocation(location.file, cwd);
  if (!artifact) return undefined;
  if (location.line === undefined) return { artifactLocation: artifact };
  const column = locationColumn(location);
  return {
    artifactLocation: artifact,
    region: {
      startLine: location.line,
      ...(column !== undefined ? { startColumn: column } : {}),
      ...(snippet ? { snippet: { text: snippet } } : {}),
    },
  };
}

/** The quoted message cut to a window around the match, as plain text (SARIF viewers do the highlighting). */
function snippetOf(finding: Pick<Finding, 'excerpt' | 'range'>): string | undefined {
  if (finding.excerpt.trim() === '') return undefined;
  const { before, match, after } = excerptAround(finding.excerpt, finding.range);
  return `${before}${match}${after}`;
}

/** Two-space JSON placed at a given depth, so the streamed pieces read as one indented document. */
const at = (depth: number, value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), for GitHub code scanning and
 * other SARIF viewers: one run, the rules that ran with their documentation links, one result per
 * finding with a stable partial fingerprint, and the input problems as tool notifications.
 *
 * A SARIF log is one JSON document, but JSON does not care in which order a run's properties come,
 * so the tool and rules are written first, each result as its conversation is linted, and the
 * invocation last: nothing is held but a counter per fingerprint.
 */
export function sarifFormatter(): Formatter {
  let first = true;
  let ruleIndex = new Map<string, number>();
  const fingerprint = fingerprinter();

  const resultFor = (finding: Finding | WaivedFinding, context: FormatterContext) => {
    const physical = physicalLocation(finding.location, snippetOf(finding), context.cwd);
    const index = ruleIndex.get(finding.ruleId);
    // The other hits of a collapsed finding, each where it is; the first is the result's own location.
    const related = (finding.occurrences ?? []).slice(1).map((o, i) => {
      const where = physicalLocation(o.location, snippetOf(o), context.cwd);
      return { id: i + 1, ...(where ? { physicalLocation: where } : {}), message: { text: o.messageSeq === null ? o.message : `第${o.messageSeq + 1}条：${o.message}` } };
    });
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: levelOf(finding.severity),
      message: { text: finding.message },
      locations: [
        {
          ...(physical ? { physicalLocation: physical } : {}),
          logicalLocations: [{ name: finding.conversationId, fullyQualifiedName: finding.conversationId }],
        },
      ],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
      // A waiver is a suppression kept outside the data: SARIF viewers show the result as suppressed, with why.
      ...('waiver' in finding
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.waiver.reason, properties: { author: finding.waiver.author, source: finding.waiver.source, ...(finding.waiver.date ? { date: finding.waiver.date } : {}), ...(finding.waiver.expires ? { expires: finding.waiver.expires } : {}) } }] }
        : {}),
      properties: {
        conversationId: finding.conversationId,
        messageSeq: finding.messageSeq,
        agent: finding.agent ?? null,
        ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
        category: finding.category,
        messageId: finding.messageId,
        ...(finding.location.record !== undefined ? { record: finding.location.record } : {}),
        ...(finding.count !== undefined ? { count: finding.count } : {}),
      },
    };
  };

  return {
    start(context) {
      ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
      const tool = {
        driver: {
          name: 'supportlint',
          version: context.toolVersion,
          semanticVersion: context.toolVersion,
          informationUri: SUPPORTLINT_HOMEPAGE,
          rules: context.rules.map(ruleDescriptor),
        },
      };
      const cwdUri = pathToFileURL(context.cwd).href;
      return [
        '{',
        '  "version": "2.1.0",',
        `  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},`,
        '  "runs": [',
        '    {',
        `      "tool": ${at(3, tool)},`,
        '      "columnKind": "utf16CodeUnits",',
        `      "originalUriBaseIds": ${at(3, { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } })},`,
        '      "results": [',
      ].join('\n');
    },
    result(result: ConversationResult, context) {
      let text = '';
      for (const finding of [...result.findings, ...(result.waived ?? [])]) {
        text += `${first ? '\n' : ',\n'}        ${at(4, resultFor(finding, context))}`;
        first = false;
      }
      return text;
    },
    end(summary, context) {
      const invocation = {
        // The command line fails with exit code 2 when nothing at all could be read; so does the run.
        executionSuccessful: !(summary.records.used === 0 && summary.conversations === 0),
        toolExecutionNotifications: notifications(summary, ruleIndex, context),
        properties: { files: summary.files, conversations: summary.conversations, messages: summary.messages, records: summary.records, waived: summary.waived, filtered: summary.filtered },
      };
      return `${first ? '' : '\n      '}],\n      "invocations": [\n        ${at(4, invocation)}\n      ]\n    }\n  ]\n}\n`;
    },
  };
}

/** Input problems and rules that could not judge, as SARIF notifications: what was not linted, and why. */
function notifications(summary: LintSummary, ruleIndex: ReadonlyMap<string, number>, context: FormatterContext) {
  const problem = (level: SarifLevel) => (p: InputProblem) => {
    const physical = physicalLocation(p.location, undefined, context.cwd);
    return {
      level,
      message: { text: p.reason },
      ...(physical ? { locations: [{ physicalLocation: physical }] } : {}),
      ...(p.location.record !== undefined ? { properties: { record: p.location.record } } : {}),
    };
  };
  const list: object[] = [
    ...summary.unreadableFiles.map(problem('error')),
    ...summary.skipped.map(problem('warning')),
    ...summary.warningsAboutInput.map(problem('note')),
  ];
  for (const stale of summary.staleWaivers) {
    list.push({ level: 'warning', message: { text: `豁免 ${stale.source}（规则 ${stale.ruleId}）没有对应任何问题，可以删除或改正。` }, properties: { conversationId: stale.conversationId, ruleId: stale.ruleId } });
  }
  const unlisted = summary.records.skipped - summary.skipped.length;
  if (unlisted > 0) list.push({ level: 'warning', message: { text: `另有 ${unlisted} 条跳过的记录未逐条列出（共跳过 ${summary.records.skipped} 条）。` } });
  for (const [ruleId, reasons] of Object.entries(summary.notApplicable)) {
    for (const [reason, count] of Object.entries(reasons)) {
      const index = ruleIndex.get(ruleId);
      list.push({
        level: 'note',
        message: { text: `${ruleId} 不适用于 ${count} 个会话（${NA_REASONS[reason] ?? reason}）。` },
        associatedRule: { id: ruleId, ...(index !== undefined ? { index } : {}) },
      });
    }
  }
  return list;
}
