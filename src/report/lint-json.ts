import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { z } from 'zod';
import { CATEGORIES } from '../engine/rule.js';
import type { InputSource } from '../io/input.js';
import type { SourceLocation } from '../model/conversation.js';
import type { ReportInput } from './score.js';
import type { ConversationMetrics } from '../metrics/conversation-metrics.js';
import { t } from '../i18n/index.js';
import { INSTANT_RANGE } from '../time/instant.js';

/**
 * What a JSON file written by supportlint is, from its first bytes: `lint --format json` results, a
 * `report --format json` report (which cannot be merged again), or neither. Keys may come in any
 * order (a file passed through `jq -S` still reads).
 */
export function supportlintJsonKind(head: string): { kind: 'lint' | 'report'; version: number } | undefined {
  const text = head.replace(/^\ufeff/, '');
  if (!/^\s*\{/.test(text) || !/"tool"\s*:\s*\{[^{}]*"name"\s*:\s*"supportlint"/.test(text)) return undefined;
  const version = /"version"\s*:\s*(\d+)/.exec(text);
  if (!version) return undefined;
  if (/"results"\s*:\s*\[/.test(text)) return { kind: 'lint', version: Number(version[1]) };
  if (/"generatedAt"\s*:/.test(text) && /"scoring"\s*:/.test(text)) return { kind: 'report', version: Number(version[1]) };
  return undefined;
}

const sentimentValue = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]);
const customerSchema = z.object({
  sentiment: z.object({ start: sentimentValue, end: sentimentValue, worst: sentimentValue }).nullable(),
  outcome: z.object({
    outcome: z.enum(['resolved', 'unresolved', 'unknown']),
    cues: z.array(z.enum(['thanks-after-reply', 'negative-ending', 'unanswered-ending', 'repeated-ask', 'no-reply'])),
  }),
  predictedSatisfaction: z.number().min(1).max(5).nullable(),
});

// Any number: durationOutOfRange says what is wrong with a negative or infinite one, in Chinese.
const wait = z.object({ seconds: z.number().or(z.literal(Infinity)).or(z.literal(-Infinity)), agent: z.string().nullable() });

// Typed against the interface lint writes, so that the two cannot drift apart.
const metricsSchema: z.ZodType<ConversationMetrics> = z.object({
  channel: z.string().nullable(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  customerMessages: z.number().int().nonnegative(),
  humanReplies: z.number().int().nonnegative(),
  firstResponse: wait.nullable(),
  responses: z.array(wait),
  missedBursts: z.array(z.object({ agent: z.string().nullable() })),
  unanswered: z.object({ agent: z.string().nullable() }).nullable(),
  humanRequest: z.object({ outcome: z.enum(['answered', 'ignored']), agent: z.string().nullable() }).nullable(),
  csat: z.object({ score: z.union([z.number(), z.string()]).nullable(), scale: z.union([z.number(), z.string()]), satisfied: z.boolean().nullable() }).nullable(),
  topics: z.array(z.string()),
  applicable: z.array(z.enum(CATEGORIES)),
  customer: customerSchema.optional(),
});

const findingSchema = z.object({
  ruleId: z.string(),
  category: z.string(),
  severity: z.enum(['error', 'warn']),
  message: z.string(),
  excerpt: z.string(),
  agent: z.string().nullable().optional(),
  role: z.string().optional(),
  messageSeq: z.number().int().nullable(),
  trigger: z.object({ text: z.string(), messageSeq: z.number().int().optional() }).optional(),
  time: z.number().optional(),
  /** A collapsed finding's hits (see src/engine/collapse.ts): scored one by one, as in a run without collapsing. */
  occurrences: z.array(z.object({ messageSeq: z.number().int().nullable(), message: z.string(), excerpt: z.string(), time: z.number().optional() })).optional(),
});

type ParsedFinding = z.infer<typeof findingSchema>;

/** A collapsed finding back as the hits it stands for, so that a shard scores as its transcripts do. */
function expandCollapsed(findings: readonly ParsedFinding[]): ParsedFinding[] {
  return findings.flatMap(({ occurrences, ...finding }) =>
    occurrences && occurrences.length > 1
      ? occurrences.map((o, index) => ({ ...finding, messageSeq: o.messageSeq, message: o.message, excerpt: o.excerpt, time: o.time, ...(index > 0 ? { trigger: undefined } : {}) }))
      : [finding],
  );
}

const resultSchema = z.object({
  conversationId: z.string(),
  file: z.string(),
  agents: z.array(z.string()),
  findings: z.array(findingSchema),
  waived: z.array(findingSchema).optional(),
  metrics: metricsSchema.optional(),
});

type ParsedResult = z.infer<typeof resultSchema>;

/**
 * The first time of a result that lies outside INSTANT_RANGE, as transcript readers refuse it, with
 * where it is. A shard edited by hand or damaged can hold any number: ±8.64e15 (the limits of a
 * JavaScript date) broke the whole report, and 1e14 (the year 5138) made the report describe that year.
 */
function timeOutOfRange(result: ParsedResult): { field: string; value: number } | undefined {
  const times: Array<[string, number | null | undefined]> = [
    ['metrics.startedAt', result.metrics?.startedAt],
    ['metrics.endedAt', result.metrics?.endedAt],
  ];
  for (const [list, findings] of [['findings', result.findings], ['waived', result.waived ?? []]] as const) {
    findings.forEach((finding, index) => {
      times.push([`${list}.${index}.time`, finding.time]);
      finding.occurrences?.forEach((occurrence, at) => times.push([`${list}.${index}.occurrences.${at}.time`, occurrence.time]));
    });
  }
  for (const [field, value] of times) {
    if (value !== null && value !== undefined && !(value >= INSTANT_RANGE.from && value < INSTANT_RANGE.until)) return { field, value };
  }
  return undefined;
}

/** Rounding between the times lint measured and the span it wrote: a duration may exceed the span by this much. */
const DURATION_TOLERANCE_SECONDS = 1;

/**
 * The first response time of a result that lint cannot have written, with where it is and why. A
 * wait is measured between two timed messages of the conversation (business seconds are fewer),
 * so it is never negative, always finite, and no longer than from its first timed message to its
 * last. A shard edited by hand held `seconds: 1e300`, and the report printed a P90 of
 * 2.7e296 hours.
 */
function durationOutOfRange(result: ParsedResult): { field: string; value: number; why: string } | undefined {
  const metrics = result.metrics;
  if (!metrics) return undefined;
  const durations: Array<[string, number]> = [];
  if (metrics.firstResponse) durations.push(['metrics.firstResponse.seconds', metrics.firstResponse.seconds]);
  metrics.responses.forEach((response, index) => durations.push([`metrics.responses.${index}.seconds`, response.seconds]));
  const { startedAt, endedAt } = metrics;
  const span = startedAt !== null && endedAt !== null ? (endedAt - startedAt) / 1000 : undefined;
  for (const [field, value] of durations) {
    if (!Number.isFinite(value) || value < 0) return { field, value, why: t('report.shard.durationInvalid') };
    if (span === undefined) return { field, value, why: t('report.shard.durationNoSpan') };
    if (value > span + DURATION_TOLERANCE_SECONDS) return { field, value, why: t('report.shard.durationLonger', { span: String(Math.max(0, span)) }) };
  }
  return undefined;
}

const recordsSchema = z.object({ read: z.number(), used: z.number(), skipped: z.number() });

export type LintJsonEvent =
  | { type: 'result'; input: ReportInput }
  | { type: 'invalid'; location: SourceLocation; reason: string }
  | { type: 'summary'; records: z.infer<typeof recordsSchema> }
  | { type: 'measuredWith'; value: Record<string, unknown> };

/**
 * Streams the results of a `lint --format json` file, one conversation at a time, and its summary's
 * record counts at the end. A result that is not what lint writes is reported with its index.
 */
export async function* readLintJson(input: InputSource): AsyncGenerator<LintJsonEvent> {
  const pipeline = chain([input.text(), parser(), pick({ filter: /^(measuredWith|results\.\d+|summary\.records)$/ }), streamValues()] as never);
  let index = 0;
  try {
    for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
      const value = item.value as Record<string, unknown>;
      if (value && typeof value === 'object' && 'filtered' in value && 'timezone' in value) {
        yield { type: 'measuredWith', value };
        continue;
      }
      if (value && typeof value === 'object' && 'read' in value && 'used' in value && !('conversationId' in value)) {
        const records = recordsSchema.safeParse(value);
        if (records.success) yield { type: 'summary', records: records.data };
        continue;
      }
      const location = { file: input.name, record: index++ };
      const parsed = resultSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        yield { type: 'invalid', location, reason: t('report.shard.notResult', { path: issue.path.join('.') || t('report.shard.theItem'), problem: issue.message }) };
      } else if (!parsed.data.metrics) {
        yield {
          type: 'invalid',
          location,
          reason: t('report.shard.noMetrics'),
        };
      } else if (timeOutOfRange(parsed.data)) {
        const { field, value } = timeOutOfRange(parsed.data)!;
        yield { type: 'invalid', location, reason: t('report.shard.timeOutOfRange', { field, value: String(value), from: INSTANT_RANGE.fromYear, until: INSTANT_RANGE.untilYear }) };
      } else if (durationOutOfRange(parsed.data)) {
        const { field, value, why } = durationOutOfRange(parsed.data)!;
        yield { type: 'invalid', location, reason: t('report.shard.durationOutOfRange', { field, value: String(value), why }) };
      } else {
        const { findings, waived } = parsed.data;
        yield { type: 'result', input: { ...parsed.data, findings: expandCollapsed(findings), ...(waived ? { waived: expandCollapsed(waived) } : {}) } as ReportInput };
      }
    }
  } catch (error) {
    yield {
      type: 'invalid',
      location: { file: input.name, record: index },
      reason: t('report.shard.brokeOff', { index, reason: (error as Error).message.split('\n')[0]! }),
    };
  }
}
