import { DateTime } from 'luxon';
import { SCORE_CATEGORIES } from '../scoring-config.js';
import type { ConversationScore, GroupReport, ReportData } from '../model.js';
import { csvRecord, neutraliseFormula, UTF8_BOM } from '../../formatters/csv-text.js';

export { csvField, neutraliseFormula, UTF8_BOM } from '../../formatters/csv-text.js';

/**
 * The IQS report as CSV for spreadsheets and scripts: one row per group (the overall row first),
 * or one row per conversation with `--by conversation`. Headers are English snake_case and stable;
 * numbers are plain (shares as fractions, durations in seconds, as in the JSON report) and an empty
 * cell means "no value", never zero.
 */

type Cell = string | number | boolean | null | undefined;
/** How a cell is written: input text guarded against formulas, or a value the report computed. */
type Column<Row> = [header: string, value: (row: Row) => Cell, kind?: 'text'];

/** Four decimals keep every figure the report computes and drop float noise (0.30000000000000004). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(4))) : '';
}

function cellText(value: Cell, kind: 'text' | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return kind === 'text' ? neutraliseFormula(value) : value;
}

function toCsv<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  let text = UTF8_BOM + csvRecord(columns.map(([header]) => header));
  for (const row of rows) text += csvRecord(columns.map(([, value, kind]) => cellText(value(row), kind)));
  return text;
}

interface GroupRow {
  level: string;
  group: GroupReport;
  overall: boolean;
}

/** Rules by points lost, as `rule-id:points` joined by semicolons, the way the JSON orders them. */
const topRulesText = (group: GroupReport) => group.metrics.topRules.map((rule) => `${rule.ruleId}:${numberText(rule.pointsLost)}`).join(';');

function groupColumns(data: ReportData): Array<Column<GroupRow>> {
  const change = <K extends keyof NonNullable<GroupReport['change']>>(key: K) => (row: GroupRow) => row.group.change?.[key];
  return [
    ['level', (row) => row.level],
    ['group', (row) => (row.overall ? '' : row.group.key), 'text'],
    ['team', (row) => row.group.team, 'text'],
    ['period', () => data.current?.key],
    ['previous_period', (row) => (row.group.previous ? data.previous?.key : undefined)],
    ['conversations', (row) => row.group.metrics.conversations],
    ['conversations_change', change('conversations')],
    ['scored', (row) => row.group.metrics.scored],
    ['iqs', (row) => row.group.metrics.iqs],
    ['iqs_change', change('iqs')],
    ...SCORE_CATEGORIES.map((category): Column<GroupRow> => [`category_${category}`, (row) => row.group.metrics.categories[category]]),
    ['fatal', (row) => row.group.metrics.fatal],
    ['fatal_change', change('fatal')],
    ['findings', (row) => row.group.metrics.findings],
    ['points_lost', (row) => row.group.metrics.pointsLost],
    ['points_lost_change', change('pointsLost')],
    ['first_response_count', (row) => row.group.metrics.firstResponse.count],
    ['first_response_median_seconds', (row) => row.group.metrics.firstResponse.medianSeconds],
    ['first_response_median_seconds_change', change('firstResponseMedianSeconds')],
    ['first_response_p90_seconds', (row) => row.group.metrics.firstResponse.p90Seconds],
    ['first_response_p90_seconds_change', change('firstResponseP90Seconds')],
    ['response_count', (row) => row.group.metrics.responseTime.count],
    ['average_response_seconds', (row) => row.group.metrics.responseTime.averageSeconds],
    ['average_response_seconds_change', change('averageResponseSeconds')],
    ['sla_seconds', (row) => row.group.metrics.sla.seconds],
    ['sla_bursts', (row) => row.group.metrics.sla.bursts],
    ['sla_within', (row) => row.group.metrics.sla.withinSla],
    ['sla_share', (row) => row.group.metrics.sla.share],
    ['sla_share_change', change('slaShare')],
    ['unanswered', (row) => row.group.metrics.unanswered],
    ['unanswered_change', change('unanswered')],
    ['human_requests_asked', (row) => row.group.metrics.humanRequests.asked],
    ['human_requests_answered', (row) => row.group.metrics.humanRequests.answered],
    ['human_requests_ignored', (row) => row.group.metrics.humanRequests.ignored],
    ['human_requests_ignored_change', change('humanRequestsIgnored')],
    ['csat_rated', (row) => row.group.metrics.csat.rated],
    ['csat_satisfied', (row) => row.group.metrics.csat.satisfied],
    ['csat_share', (row) => row.group.metrics.csat.share],
    ['csat_share_change', change('csatShare')],
    ['csat_predicted_satisfied', (row) => row.group.metrics.csat.predictedSatisfied],
    ['csat_agreement', (row) => row.group.metrics.csat.agreement],
    ['predicted_satisfaction', (row) => row.group.metrics.customer.predictedSatisfaction],
    ['predicted_satisfaction_change', change('predictedSatisfaction')],
    ['resolved', (row) => row.group.metrics.customer.outcomes.resolved],
    ['unresolved', (row) => row.group.metrics.customer.outcomes.unresolved],
    ['outcome_unknown', (row) => row.group.metrics.customer.outcomes.unknown],
    ['negative_endings', (row) => row.group.metrics.customer.negativeEndings],
    ['focus_category', (row) => row.group.metrics.mostFailed],
    ['top_rules', (row) => topRulesText(row.group)],
  ];
}

function conversationColumns(data: ReportData): Array<Column<ConversationScore>> {
  const { timezone } = data.options;
  const startedAt = (millis: number | undefined) => {
    if (millis === undefined) return undefined;
    const local = DateTime.fromMillis(millis, { zone: timezone });
    return (local.isValid ? local : DateTime.fromMillis(millis, { zone: 'UTC' })).toISO({ suppressMilliseconds: true }) ?? undefined;
  };
  const pointsLost = (conversation: ConversationScore) => conversation.deductions.reduce((sum, deduction) => sum + deduction.points, 0);
  const rules = (conversation: ConversationScore) => [...new Set(conversation.deductions.map((deduction) => deduction.ruleId))].join(';');
  const review = new Map(data.review.map((item, index) => [item.conversationId, { rank: index + 1, reasons: item.reasons }]));
  return [
    ['conversation_id', (c) => c.conversationId, 'text'],
    ['file', (c) => c.file, 'text'],
    ['channel', (c) => c.channel, 'text'],
    ['agents', (c) => c.agents.join(';'), 'text'],
    ['started_at', (c) => startedAt(c.startedAt)],
    ['period', (c) => c.period],
    ['score', (c) => c.score],
    ['fatal', (c) => c.fatal],
    ...SCORE_CATEGORIES.map((category): Column<ConversationScore> => [`category_${category}`, (c) => c.categories[category]]),
    ['first_response_seconds', (c) => c.firstResponseSeconds],
    ['deductions', (c) => c.deductions.length],
    ['points_lost', pointsLost],
    ['rules', rules],
    ['fatal_rules', (c) => [...new Set(c.deductions.filter((deduction) => deduction.fatal).map((deduction) => deduction.ruleId))].join(';')],
    ['sentiment_start', (c) => c.sentiment?.start],
    ['sentiment_end', (c) => c.sentiment?.end],
    ['sentiment_worst', (c) => c.sentiment?.worst],
    ['outcome', (c) => c.outcome],
    ['outcome_cues', (c) => c.outcomeCues.join(';')],
    ['predicted_satisfaction', (c) => c.predictedSatisfaction],
    ['csat', (c) => (c.csat ? String(c.csat.score) : undefined), 'text'],
    // The conversations to review: their rank (1 = first to open) and why; empty for the rest.
    ['review_rank', (c) => (review.has(c.conversationId) ? review.get(c.conversationId)!.rank : undefined)],
    ['review_reasons', (c) => review.get(c.conversationId)?.reasons.join(';')],
  ];
}

/** The whole report as CSV text, BOM first. */
export function renderCsv(data: ReportData): string {
  if (data.options.by === 'conversation') return toCsv(conversationColumns(data), data.conversations ?? []);
  const rows: GroupRow[] = [{ level: 'overall', group: data.overall, overall: true }, ...data.groups.map((group) => ({ level: data.options.by, group, overall: false }))];
  // Conversations no human answered: a row of their own, never among the agents.
  if (data.bots) rows.push({ level: 'bots', group: data.bots, overall: false });
  return toCsv(groupColumns(data), rows);
}
