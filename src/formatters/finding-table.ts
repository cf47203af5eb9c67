import { DateTime } from 'luxon';
import type { Finding, WaivedFinding } from '../engine/finding.js';
import type { ConversationResult } from '../engine/lint.js';
import type { FormatterContext } from './formatter.js';
import { ciLocation } from './paths.js';

/**
 * Findings as a table for spreadsheets (`lint -f csv`, `-f xlsx`): one row per finding, with the
 * Chinese headers a QA team files its reviews under. The nine columns the QA workflow asks for
 * come first, in its order; the columns after them say which message it is (for a waiver), what the
 * rule said, how many hits a collapsed finding stands for, and whether it was waived.
 */
export const FINDING_COLUMNS = ['会话ID', '时间', '客服', '规则', '级别', '原文', '触发词', '建议', '文件位置', '第几条', '说明', '处数', '豁免'] as const;

/** A canned-reply library has replies, not conversations: its first column is named for them. */
export function findingHeaders(command: FormatterContext['command']): string[] {
  return FINDING_COLUMNS.map((header, index) => (index === 0 && command === 'replies' ? '话术ID' : header));
}

/** A cell: text from the data, a number supportlint counted, or a local time. */
export type TableCell = { text: string } | { number: number } | { time: { millis: number; local: string } } | null;

/** The 1-based message number a finding is about, as `第N条` shows it: the offending message, else the one that set it off. */
export function messageNumber(finding: Pick<Finding, 'messageSeq' | 'trigger'>): number | undefined {
  const seq = finding.messageSeq ?? finding.trigger?.messageSeq;
  return seq === undefined ? undefined : seq + 1;
}

/** The matched words: in the offending message, else in the customer message that set the rule off. */
function matchedWords(finding: Finding): string {
  if (finding.range && finding.range[1] > finding.range[0]) return finding.excerpt.slice(finding.range[0], finding.range[1]);
  const trigger = finding.trigger;
  if (trigger?.range && trigger.range[1] > trigger.range[0]) return trigger.text.slice(trigger.range[0], trigger.range[1]);
  return '';
}

const text = (value: string | undefined): TableCell => (value === undefined || value === '' ? null : { text: value });

/** One finding's cells, in FINDING_COLUMNS order. */
export function findingRow(finding: Finding | WaivedFinding, context: FormatterContext): TableCell[] {
  const millis = finding.time ?? finding.trigger?.time;
  const number = messageNumber(finding);
  const waiver = 'waiver' in finding ? finding.waiver : undefined;
  return [
    text(finding.conversationId),
    millis === undefined ? null : { time: { millis, local: DateTime.fromMillis(millis, { zone: context.timezone }).toFormat('yyyy-MM-dd HH:mm:ss') } },
    text(finding.agent),
    text(finding.ruleId),
    { text: finding.severity === 'error' ? '错误' : '警告' },
    text(finding.excerpt),
    text(matchedWords(finding)),
    text(finding.suggestion),
    text(ciLocation(finding.location, context.cwd)),
    number === undefined ? null : { number },
    text(finding.message),
    { number: finding.count ?? 1 },
    waiver ? { text: `已豁免：${waiver.reason}（${waiver.author}）` } : null,
  ];
}

/** Every row of one conversation: its findings, then the waived ones, marked so. */
export function resultRows(result: ConversationResult, context: FormatterContext): TableCell[][] {
  return [...result.findings, ...(result.waived ?? [])].map((finding) => findingRow(finding, context));
}
