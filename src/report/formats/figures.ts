import { DateTime } from 'luxon';
import type { Outcome, OutcomeCue } from '../../analysis/outcome.js';
import type { ScoreCategory } from '../scoring-config.js';
import { formatDuration, formatLocalTime } from '../../time/instant.js';
import type { ConversationScore, GroupBy, GroupReport, MetricsChange, PeriodInfo, ReportData, ReviewReason, TargetGap } from '../model.js';

/**
 * How the report's numbers read to people. The HTML, Markdown and chart renderers share these so a
 * figure is written the same way wherever a manager meets it.
 */

/** Written where a number is null: nothing was measured, which is not the same as zero. */
export const NO_VALUE = '—';

export const CATEGORY_LABELS: Record<ScoreCategory, string> = {
  empathy: '共情',
  ownership: '担当',
  resolution: '解决',
  responsiveness: '响应',
  tone: '语气',
  compliance: '合规',
  escalation: '升级',
  customer: '客户结果',
};

export const categoryLabel = (category: string): string => (Object.hasOwn(CATEGORY_LABELS, category) ? CATEGORY_LABELS[category as ScoreCategory] : category);

export const OUTCOME_LABELS: Record<Outcome, string> = { resolved: '已解决', unresolved: '未解决', unknown: '不确定' };

export const OUTCOME_CUE_LABELS: Record<OutcomeCue, string> = {
  'thanks-after-reply': '客户在答复后致谢或确认',
  'negative-ending': '客户以不满或放弃结束',
  'unanswered-ending': '结尾客户在等回复',
  'repeated-ask': '客户重复提问',
  'no-reply': '无人工回复',
};

export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  fatal: '一票否决',
  'low-score': '得分低',
  'negative-ending': '客户不满结束',
  unresolved: '未解决',
  'low-predicted-satisfaction': '预测满意度低',
};

export const TARGET_LABELS: Record<TargetGap['target'], string> = {
  iqs: 'IQS',
  firstResponseSeconds: '首响中位数',
  predictedSatisfaction: '预测满意度',
};

/** Sentiment −2…2 in words. */
export const SENTIMENT_LABELS: Record<string, string> = { '-2': '愤怒', '-1': '不满', '0': '平静', '1': '满意', '2': '称赞' };

/** Predicted satisfaction, 1–5: one decimal. */
export const formatSatisfaction = (value: number | null | undefined): string => (value === null || value === undefined ? NO_VALUE : value.toFixed(1));

/** A target's goal as people read it: 85, 1分钟, 4.0. */
export function formatGoal(gap: Pick<TargetGap, 'target'>, value: number): string {
  return gap.target === 'firstResponseSeconds' ? formatSeconds(value) : gap.target === 'iqs' ? formatScore(value) : formatSatisfaction(value);
}

/** What a group is, in the report's words: the column heading and the section title. */
export const GROUP_NOUNS: Record<GroupBy, string> = { agent: '客服', team: '小组', channel: '渠道', conversation: '会话' };

export const formatCount = (value: number | null | undefined): string => (value === null || value === undefined ? NO_VALUE : String(value));

/** IQS and category scores: one decimal, the precision QA teams quote. */
export const formatScore = (value: number | null | undefined): string => (value === null || value === undefined ? NO_VALUE : value.toFixed(1));

/** Points lost can be fractional when a scorecard weights a rule by a fraction. */
export const formatPoints = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A fraction as a percentage with one decimal: 0.925 → 92.5%. */
export const formatShare = (value: number | null | undefined): string => (value === null || value === undefined ? NO_VALUE : `${(value * 100).toFixed(1)}%`);

export const formatSeconds = (value: number | null | undefined): string => (value === null || value === undefined ? NO_VALUE : formatDuration(value));

/** Whether a rise of the number is good news, bad news, or neither (volume). */
export type Better = 'up' | 'down' | 'neither';
type ChangeKind = 'score' | 'count' | 'points' | 'duration' | 'share' | 'satisfaction';

export interface ChangeMeaning {
  label: string;
  kind: ChangeKind;
  better: Better;
}

/** Every figure the report compares with the previous period, and which way is better. */
export const CHANGE_MEANINGS: Record<keyof MetricsChange, ChangeMeaning> = {
  iqs: { label: 'IQS', kind: 'score', better: 'up' },
  conversations: { label: '会话数', kind: 'count', better: 'neither' },
  fatal: { label: '一票否决', kind: 'count', better: 'down' },
  pointsLost: { label: '扣分', kind: 'points', better: 'down' },
  firstResponseMedianSeconds: { label: '首响中位数', kind: 'duration', better: 'down' },
  firstResponseP90Seconds: { label: '首响 P90', kind: 'duration', better: 'down' },
  averageResponseSeconds: { label: '平均响应', kind: 'duration', better: 'down' },
  slaShare: { label: 'SLA 达成率', kind: 'share', better: 'up' },
  unanswered: { label: '未回复', kind: 'count', better: 'down' },
  humanRequestsIgnored: { label: '转人工被忽略', kind: 'count', better: 'down' },
  csatShare: { label: '满意率', kind: 'share', better: 'up' },
  predictedSatisfaction: { label: '预测满意度', kind: 'satisfaction', better: 'up' },
};

/** The direction that is good news, in words: 越高越好, 越短越好, 越少越好; empty for a volume. */
export function betterHint(meaning: Pick<ChangeMeaning, 'kind' | 'better'>): string {
  if (meaning.better === 'neither') return '';
  if (meaning.better === 'up') return '越高越好';
  return meaning.kind === 'duration' ? '越短越好' : '越少越好';
}

/**
 * `better` and `worse` when the change has a direction that means something, `same` when it rounds
 * to nothing at the precision shown, `neutral` for a volume that moved, `none` when there is no
 * comparison at all.
 */
export type ChangeTone = 'better' | 'worse' | 'same' | 'neutral' | 'none';

export interface ChangeText {
  /** ▲ for a rise, ▼ for a fall, empty when there is none. */
  arrow: '▲' | '▼' | '';
  /** The size of the change, without a sign: the arrow carries it. */
  amount: string;
  tone: ChangeTone;
}

function changeAmount(kind: ChangeKind, magnitude: number): string {
  switch (kind) {
    case 'score':
      return magnitude.toFixed(1);
    case 'count':
      return String(Math.round(magnitude));
    case 'points':
      return formatPoints(magnitude);
    case 'duration':
      return formatDuration(magnitude);
    case 'satisfaction':
      return magnitude.toFixed(2);
    case 'share':
      // Shares change by percentage points; "2%" would read as a relative change.
      return `${(magnitude * 100).toFixed(1)} 个百分点`;
  }
}

/**
 * The change of one figure as people read it. The tone is decided on the rounded amount, so a
 * change that shows as 0.0 is "same" and never carries a coloured arrow.
 */
export function describeChange(value: number | null | undefined, meaning: Pick<ChangeMeaning, 'kind' | 'better'>): ChangeText {
  if (value === null || value === undefined || !Number.isFinite(value)) return { arrow: '', amount: NO_VALUE, tone: 'none' };
  const amount = changeAmount(meaning.kind, Math.abs(value));
  const zero = changeAmount(meaning.kind, 0);
  if (amount === zero) return { arrow: '', amount: '持平', tone: 'same' };
  const rose = value > 0;
  const tone: ChangeTone = meaning.better === 'neither' ? 'neutral' : rose === (meaning.better === 'up') ? 'better' : 'worse';
  return { arrow: rose ? '▲' : '▼', amount, tone };
}

/** The change as one plain string: ▲ 2.3, ▼ 15秒, 持平, —. */
export function changeLabel(change: ChangeText): string {
  return change.arrow ? `${change.arrow} ${change.amount}` : change.amount;
}

/** 2026-W46（2026-11-09 至 2026-11-15）. */
export function periodLabel(period: PeriodInfo | null | undefined): string {
  if (!period) return NO_VALUE;
  if (period.key === 'all') return '全部时间';
  const partial = period.dataUntil ? `，数据截至 ${period.dataUntil}` : '';
  if (period.start && period.end) return period.start === period.end ? `${period.key}（${period.start}）` : `${period.key}（${period.start} 至 ${period.end}${partial}）`;
  return period.key;
}

/** The --since/--until window, or the whole input when neither was given. */
export function rangeLabel(options: ReportData['options']): string {
  if (options.since && options.until) return `${options.since} 至 ${options.until}`;
  if (options.since) return `${options.since} 起`;
  if (options.until) return `截至 ${options.until}`;
  return '全部数据（未限定日期）';
}

/**
 * The conversations the report covers, as its header says it: each counted once (a conversation
 * read twice, from a transcript and from a shard of it, is one), then how many were read twice,
 * left out by the date range, or had no time. 会话 4 个（重复读取 4 个，只计一次；日期范围外 0，无时间 0）.
 */
export function conversationsLabel(inputs: ReportData['inputs']): string {
  const repeated = inputs.duplicates > 0 ? `重复读取 ${inputs.duplicates} 个，只计一次；` : '';
  const future = inputs.future > 0 ? `时间晚于今天 ${inputs.future}，` : '';
  const early = inputs.early > 0 ? `早于趋势的起点 ${inputs.early}，` : '';
  return `会话 ${inputs.conversations - inputs.duplicates} 个（${repeated}${future}${early}日期范围外 ${inputs.outOfRange}，无时间 ${inputs.undated}）`;
}

/** An ISO time shown in the report's zone, with the ISO text kept when it cannot be read. */
export function formatIsoTime(iso: string, timezone: string): string {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) return iso;
  const local = parsed.setZone(timezone);
  return local.isValid ? local.toFormat('yyyy-MM-dd HH:mm:ss') : iso;
}

/** Epoch milliseconds in the report's zone; an unknown zone falls back to UTC rather than "Invalid DateTime". */
export function formatEpoch(millis: number, timezone: string): string {
  const text = formatLocalTime(millis, timezone);
  return text.startsWith('Invalid') ? formatLocalTime(millis, 'UTC') : text;
}

/** Long quotes are cut for the report; the JSON report keeps them whole. */
export function shorten(text: string, limit: number): string {
  const characters = Array.from(text);
  return characters.length > limit ? `${characters.slice(0, limit - 1).join('')}…` : text;
}

/**
 * Lowest scores first, the order a QA lead works through them; conversations that no category
 * applied to go last, since there is nothing in them to fix. Ties keep their input order.
 */
export function conversationsLowestFirst(conversations: readonly ConversationScore[]): ConversationScore[] {
  return [...conversations].sort((a, b) => (a.score === null || b.score === null ? (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) : a.score - b.score));
}

/** What in the focus category went wrong: the costliest rule of it, or for the customer category how conversations ended. */
export function focusDetail(group: GroupReport): string {
  const { metrics } = group;
  if (metrics.mostFailed === 'customer') {
    const { outcomes, negativeEndings } = metrics.customer;
    return `未解决 ${outcomes.unresolved} 个，客户不满结束 ${negativeEndings} 个`;
  }
  const rule = metrics.topRules.find((r) => r.category === metrics.mostFailed);
  return rule ? `扣分最多：${rule.title}，${rule.findings} 次` : `不合格 ${metrics.failed[metrics.mostFailed!]} 次`;
}
