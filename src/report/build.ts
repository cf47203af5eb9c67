import { changeOf, MetricsAccumulator } from './accumulate.js';
import type { ConversationScore, GroupBy, GroupReport, Metrics, PeriodInfo, PeriodUnit, ReportData, ReviewItem, ReviewReason, TargetGap, Topic } from './model.js';
import { REPORT_FORMAT_VERSION } from './model.js';
import { localDate, PeriodCalendar, UNDATED_PERIOD } from './periods.js';
import { pointsFor, scoreUnit, sharesOf, wholeShare, type ReportFinding, type ReportInput, type ScoredUnit } from './score.js';
import { DISSATISFIED } from './accumulate.js';
import type { Scorecard } from './scoring-config.js';
import { inDateRange } from '../time/date-range.js';

/** Group names for what has no agent, team or channel. */
export const UNASSIGNED = '(未分配)';
export const NO_TEAM = '(未分组)';
export const NO_CHANNEL = '(未知渠道)';
/** Conversations a human answered without the export naming who. */
export const UNNAMED = '(未署名客服)';

export const TOP_TOPICS = 15;
/** Conversations listed for review, as Aliyun 智能质检 lists the worst for a reviewer. */
export const REVIEW_LIMIT = 20;
/** Below this IQS a conversation is worth a review even when nothing else flags it (or below the IQS target, when one is set). */
export const LOW_SCORE = 60;

export interface ReportOptions {
  period: PeriodUnit;
  by: GroupBy;
  timezone: string;
  /** Inclusive local dates, YYYY-MM-DD. */
  since?: string;
  until?: string;
  scorecard: Scorecard;
  businessHours: boolean;
  /** Team by agent name or id. */
  teams: Record<string, string[]>;
  /**
   * With --redact: rewrites each conversation before it is counted (pseudonyms for ids, agents and
   * channels; masked quotes), and gives the pseudonym of an agent named in `teams`.
   */
  redact?: { input: (input: ReportInput) => ReportInput; agent: (name: string) => string };
  /** With redaction: whether a topic keyword may be shown (names and places may not). */
  shareableTopic?: (word: string) => boolean;
  /** The rule's Chinese name, for the rule breakdowns. */
  ruleTitle: (ruleId: string) => string;
  toolVersion: string;
  now?: Date;
}

interface PeriodBucket {
  /** Conversations counted in the period. */
  conversations: number;
  /** Epoch ms of the earliest and the latest conversation start in the period. */
  firstStart: number;
  lastStart: number;
  overall: MetricsAccumulator;
  groups: Map<string, MetricsAccumulator>;
  /** Conversations no human replied to, apart from the people. */
  bots: MetricsAccumulator | undefined;
  topics: Map<string, number>;
  /** The conversations most worth reviewing so far, worst first, at most REVIEW_LIMIT. */
  review: ReviewItem[];
}

/** Worst first: fatal, then the lower score, then the lower predicted satisfaction, then the id. */
function reviewOrder(a: ReviewItem, b: ReviewItem): number {
  return Number(b.reasons.includes('fatal')) - Number(a.reasons.includes('fatal'))
    || (a.score ?? 101) - (b.score ?? 101)
    || (a.predictedSatisfaction ?? 6) - (b.predictedSatisfaction ?? 6)
    || a.conversationId.localeCompare(b.conversationId);
}

/**
 * Builds the IQS report from linted conversations, one at a time: each is scored, split between
 * its agents, and added to its period's totals. Only the totals (and, with --by conversation, the
 * per-conversation scores) are kept, so any number of sharded runs can be fed in.
 */
/** Conversations read twice are named by id, this many at most: enough to find the overlap. */
export const DUPLICATE_IDS_KEPT = 20;

/**
 * How far back the trend reaches without --since: two years of weeks, five years of months, a year
 * of days. Conversations before that are counted apart (`early`).
 */
const TREND_PERIODS: Readonly<Record<PeriodUnit, number>> = { day: 366, week: 104, month: 60 };

/** A conversation may start this long after the report is made (clocks and time zones disagree) before it counts as from the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export class ReportBuilder {
  private readonly calendar: PeriodCalendar;
  private readonly buckets = new Map<string, PeriodBucket>();
  private readonly teamOf = new Map<string, string>();
  private readonly conversations: ConversationScore[] = [];
  private readonly files = new Set<string>();
  private read = 0;
  private outOfRange = 0;
  private future = 0;
  private firstFuture: number | undefined;
  private early = 0;
  private firstEarly: number | undefined;
  private readonly now: number;
  private undated = 0;
  private duplicates = 0;
  private readonly duplicateIds = new Set<string>();
  private waived = 0;
  /** Conversations already added, by id and start, so that overlapping exports count once. */
  private readonly seen = new Set<string>();

  constructor(private readonly options: ReportOptions) {
    this.calendar = new PeriodCalendar(options.period, options.timezone);
    this.now = (options.now ?? new Date()).getTime();
    for (const [team, agents] of Object.entries(options.teams)) {
      for (const agent of agents) {
        this.teamOf.set(agent, team);
        if (options.redact) this.teamOf.set(options.redact.agent(agent), team);
      }
    }
  }

  private bucket(period: string): PeriodBucket {
    let bucket = this.buckets.get(period);
    if (!bucket) {
      bucket = { conversations: 0, firstStart: Infinity, lastStart: -Infinity, overall: new MetricsAccumulator(this.options.scorecard), groups: new Map(), bots: undefined, topics: new Map(), review: [] };
      this.buckets.set(period, bucket);
    }
    return bucket;
  }

  private group(bucket: PeriodBucket, key: string): MetricsAccumulator {
    let group = bucket.groups.get(key);
    if (!group) {
      group = new MetricsAccumulator(this.options.scorecard);
      bucket.groups.set(key, group);
    }
    return group;
  }

  add(raw: ReportInput): void {
    // Redacted first, so that a conversation read from a redacted shard and from a transcript is one.
    const input = this.options.redact ? this.options.redact.input(raw) : raw;
    this.read++;
    this.files.add(input.file);
    const identity = `${input.conversationId}\u0000${input.metrics.startedAt ?? ''}`;
    if (this.seen.has(identity)) {
      this.duplicates++;
      if (this.duplicateIds.size < DUPLICATE_IDS_KEPT) this.duplicateIds.add(input.conversationId);
      return;
    }
    this.seen.add(identity);
    const { metrics } = input;
    const { since, until, timezone, scorecard } = this.options;
    const started = metrics.startedAt;
    if (started === null) this.undated++;
    // A start or a later message in the future: a reply dated 2062 makes a response time of decades.
    const latest = Math.max(started ?? -Infinity, metrics.endedAt ?? -Infinity);
    if (latest > this.now + FUTURE_TOLERANCE_MS) {
      this.future++;
      if (this.firstFuture === undefined || latest < this.firstFuture) this.firstFuture = latest;
      return;
    }
    if (!inDateRange(started, { since, until }, timezone)) {
      this.outOfRange++;
      return;
    }
    // Waived findings never reach a score (they are not in `findings`): they are only counted.
    this.waived += input.waived?.length ?? 0;
    const period = started === null ? UNDATED_PERIOD : this.calendar.keyOf(started);
    const bucket = this.bucket(period);
    bucket.conversations++;
    if (started !== null) {
      bucket.lastStart = Math.max(bucket.lastStart, started);
      bucket.firstStart = Math.min(bucket.firstStart, started);
    }
    const points = (f: ReportFinding) => pointsFor(f, scorecard);
    const customer = metrics.customer ?? null;
    const context = { conversationId: input.conversationId, csat: metrics.csat, customer, points };

    const whole = wholeShare(input);
    const conversationScore = scoreUnit(whole.findings, whole.applicable, scorecard, customer);
    bucket.overall.add(whole, conversationScore, context);
    this.considerForReview(bucket, input, conversationScore);
    for (const topic of metrics.topics) {
      if (this.options.shareableTopic && !this.options.shareableTopic(topic)) continue;
      bucket.topics.set(topic, (bucket.topics.get(topic) ?? 0) + 1);
    }

    const { by } = this.options;
    if (by === 'channel') this.group(bucket, metrics.channel ?? NO_CHANNEL).add(whole, conversationScore, context);
    if (by === 'agent' || by === 'team') {
      for (const { agent, share } of sharesOf(input)) {
        const scored = scoreUnit(share.findings, share.applicable, scorecard, customer);
        // Nobody to coach: a bot's or an unanswered conversation is reported apart, never ranked.
        if (agent === null && metrics.humanReplies === 0) {
          bucket.bots ??= new MetricsAccumulator(scorecard);
          bucket.bots.add(share, scored, context);
          continue;
        }
        const key = agent === null ? UNNAMED : by === 'agent' ? agent : this.teamOf.get(agent) ?? NO_TEAM;
        this.group(bucket, key).add(share, scored, context);
      }
    }
    if (by === 'conversation') {
      this.conversations.push({
        conversationId: input.conversationId,
        file: input.file,
        ...(metrics.channel !== null ? { channel: metrics.channel } : {}),
        agents: input.agents,
        ...(started !== null ? { startedAt: started } : {}),
        period,
        score: roundScore(conversationScore.score),
        fatal: conversationScore.fatal,
        categories: conversationScore.categories,
        ratings: conversationScore.ratings,
        deductions: conversationScore.deductions,
        ...(metrics.firstResponse ? { firstResponseSeconds: metrics.firstResponse.seconds } : {}),
        sentiment: customer?.sentiment ?? null,
        outcome: customer?.outcome.outcome ?? 'unknown',
        outcomeCues: customer?.outcome.cues ?? [],
        predictedSatisfaction: customer?.predictedSatisfaction ?? null,
        ...(metrics.csat && metrics.csat.score !== null ? { csat: { score: metrics.csat.score, satisfied: metrics.csat.satisfied } } : {}),
      });
    }
  }

  /** Keeps the conversation among its period's REVIEW_LIMIT most worth reviewing, when anything flags it. */
  private considerForReview(bucket: PeriodBucket, input: ReportInput, scored: ScoredUnit): void {
    const customer = input.metrics.customer;
    const score = roundScore(scored.score);
    const predicted = customer?.predictedSatisfaction ?? null;
    const low = this.options.scorecard.targets.iqs ?? LOW_SCORE;
    const reasons: ReviewReason[] = [];
    if (scored.fatal) reasons.push('fatal');
    if (score !== null && score < low) reasons.push('low-score');
    if (customer?.sentiment && customer.sentiment.end < 0) reasons.push('negative-ending');
    if (customer?.outcome.outcome === 'unresolved') reasons.push('unresolved');
    if (predicted !== null && predicted <= DISSATISFIED) reasons.push('low-predicted-satisfaction');
    if (reasons.length === 0) return;
    const worst = [...input.findings].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || pointsFor(b, this.options.scorecard) - pointsFor(a, this.options.scorecard))[0];
    const item: ReviewItem = {
      conversationId: input.conversationId,
      file: input.file,
      agents: input.agents,
      ...(input.metrics.startedAt !== null ? { startedAt: input.metrics.startedAt } : {}),
      score,
      predictedSatisfaction: predicted,
      outcome: customer?.outcome.outcome ?? 'unknown',
      reasons,
      ...(worst ? { worst: { ruleId: worst.ruleId, conversationId: input.conversationId, agent: worst.agent ?? null, text: worst.excerpt, message: worst.message } } : {}),
    };
    const list = bucket.review;
    if (list.length === REVIEW_LIMIT && reviewOrder(item, list.at(-1)!) >= 0) return;
    list.push(item);
    list.sort(reviewOrder);
    if (list.length > REVIEW_LIMIT) list.pop();
  }

  /** The report's period, with the last day of data when that comes before the period's end. */
  private currentInfo(key: string): PeriodInfo {
    const info = this.calendar.info(key);
    const last = this.buckets.get(key)?.lastStart;
    if (info.end && last !== undefined && last !== -Infinity) {
      const day = localDate(last, this.options.timezone);
      if (day < info.end) info.dataUntil = day;
    }
    return info;
  }

  finish(records: ReportData['inputs']['records']): ReportData {
    const { options } = this;
    const dated = [...this.buckets.keys()].filter((k) => k !== UNDATED_PERIOD).sort();
    // Conversations without times make their own period only when none has a time.
    let periodKeys: string[];
    let current: string | null;
    let previous: string | null = null;
    if (dated.length === 0) {
      periodKeys = this.buckets.has(UNDATED_PERIOD) ? [UNDATED_PERIOD] : [];
      current = periodKeys[0] ?? null;
    } else {
      const last = options.until ? this.calendar.keyOfDate(options.until) : dated.at(-1)!;
      const first = options.since ? this.calendar.keyOfDate(options.since) : dated[0]!;
      const end = last > dated.at(-1)! ? last : dated.at(-1)!;
      // The trend reaches back as far as --since asks; without it, as far as the data goes, up to
      // TREND_PERIODS: one conversation stamped 1970 (a missing time stored as 0) must not make
      // the trend thousands of empty weeks.
      periodKeys = this.calendar.range(first < dated[0]! ? first : dated[0]!, end, options.since ? undefined : TREND_PERIODS[options.period]);
      // Conversations before the first period shown are counted apart, and named in a note.
      for (const key of dated) {
        if (key >= periodKeys[0]!) break;
        const bucket = this.buckets.get(key)!;
        this.early += bucket.conversations;
        if (this.firstEarly === undefined) this.firstEarly = bucket.firstStart;
        this.buckets.delete(key);
      }
      current = last;
      // Compared with the period before, when there is anything in it to compare with.
      const before = this.calendar.previous(last);
      previous = this.buckets.has(before) ? before : null;
    }
    if (dated.length > 0) this.buckets.delete(UNDATED_PERIOD);
    const title = options.ruleTitle;
    const finished = new Map<string, { overall: Metrics; groups: Map<string, Metrics> }>();
    const metricsOf = (period: string | null) => {
      if (period === null) return undefined;
      const bucket = this.buckets.get(period);
      if (!bucket) return undefined;
      let done = finished.get(period);
      if (!done) {
        done = { overall: bucket.overall.finish(title), groups: new Map([...bucket.groups].map(([k, g]) => [k, g.finish(title)])) };
        finished.set(period, done);
      }
      return done;
    };
    const empty = new MetricsAccumulator(options.scorecard).finish(title);
    const currentMetrics = metricsOf(current);
    const previousMetrics = metricsOf(previous);

    const groupReport = (key: string | null, pick: (m: { overall: Metrics; groups: Map<string, Metrics> }) => Metrics | undefined): GroupReport => {
      const now = currentMetrics ? pick(currentMetrics) : undefined;
      const before = previousMetrics ? pick(previousMetrics) : undefined;
      const metrics = now ?? empty;
      return {
        key: key ?? 'overall',
        ...(key !== null && options.by === 'agent' && this.teamOf.has(key) ? { team: this.teamOf.get(key)! } : {}),
        metrics,
        ...(before ? { previous: before, change: changeOf(metrics, before) } : {}),
        trend: periodKeys.map((period) => {
          const m = metricsOf(period);
          const value = m ? pick(m) : undefined;
          return { period, iqs: value?.iqs ?? null, conversations: value?.conversations ?? 0 };
        }),
      };
    };

    const groupKeys = new Set<string>();
    for (const period of periodKeys) for (const key of this.buckets.get(period)?.groups.keys() ?? []) groupKeys.add(key);
    const groups = [...groupKeys]
      .map((key) => groupReport(key, (m) => m.groups.get(key)))
      // Groups with no conversations in the period are shown only through their trend.
      .filter((g) => g.metrics.conversations > 0 || g.previous)
      .sort((a, b) => (a.metrics.iqs ?? Infinity) - (b.metrics.iqs ?? Infinity) || a.key.localeCompare(b.key, 'zh'));

    const botsNow = current ? this.buckets.get(current)?.bots : undefined;
    const botsBefore = previous ? this.buckets.get(previous)?.bots : undefined;
    const bots = options.by === 'agent' || options.by === 'team' ? botsReport(botsNow?.finish(title), botsBefore?.finish(title), periodKeys.map((period) => {
      const m = this.buckets.get(period)?.bots?.finish(title);
      return { period, iqs: m?.iqs ?? null, conversations: m?.conversations ?? 0 };
    })) : undefined;
    const targets = options.by === 'conversation' ? [] : targetGaps(options.scorecard.targets, groups);

    const topicsNow = current ? this.buckets.get(current)?.topics : undefined;
    const topicsBefore = previous ? this.buckets.get(previous)?.topics : undefined;
    const topics: Topic[] = [...(topicsNow ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
      .slice(0, TOP_TOPICS)
      .map(([word, conversations]) => ({ word, conversations, ...(topicsBefore ? { previous: topicsBefore.get(word) ?? 0 } : {}) }));

    return {
      version: REPORT_FORMAT_VERSION,
      tool: { name: 'supportlint', version: options.toolVersion },
      generatedAt: (options.now ?? new Date()).toISOString(),
      options: {
        period: options.period,
        by: options.by,
        timezone: options.timezone,
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
        businessHours: options.businessHours,
        redacted: Boolean(options.redact),
      },
      scoring: { ...options.scorecard, categories: { ...options.scorecard.categories }, points: { ...options.scorecard.points } },
      inputs: { files: [...this.files], conversations: this.read, outOfRange: this.outOfRange, future: this.future, ...(this.firstFuture === undefined ? {} : { firstFuture: this.firstFuture }), early: this.early, ...(this.firstEarly === undefined ? {} : { firstEarly: this.firstEarly }), undated: this.undated, duplicates: this.duplicates, duplicateIds: [...this.duplicateIds], waived: this.waived, records },
      periods: periodKeys.map((k) => this.calendar.info(k)),
      current: current ? this.currentInfo(current) : null,
      previous: previous ? this.calendar.info(previous) : null,
      overall: groupReport(null, (m) => m.overall),
      groups: options.by === 'conversation' ? [] : groups,
      ...(bots ? { bots } : {}),
      review: current ? this.buckets.get(current)?.review ?? [] : [],
      targets,
      topics,
      // Undated conversations are left out of the periods when others have times, and so here.
      ...(options.by === 'conversation' ? { conversations: dated.length > 0 ? this.conversations.filter((c) => c.period !== UNDATED_PERIOD) : this.conversations } : {}),
    };
  }
}

const roundScore = (score: number | null) => (score === null ? null : Math.round(score * 10) / 10);

function botsReport(now: Metrics | undefined, before: Metrics | undefined, trend: GroupReport['trend']): GroupReport | undefined {
  if (!now && !before) return undefined;
  const metrics = now ?? before!;
  return { key: UNASSIGNED, metrics, ...(now && before ? { previous: before, change: changeOf(now, before) } : {}), trend };
}

/** Who misses each configured goal in the report's period, worst first. */
export function targetGaps(targets: ReportOptions['scorecard']['targets'], groups: readonly GroupReport[]): TargetGap[] {
  const gaps: TargetGap[] = [];
  const short = (value: (g: GroupReport) => number | null, misses: (v: number) => boolean, worstFirst: (a: number, b: number) => number) =>
    groups
      .filter((g) => g.metrics.conversations > 0)
      .map((g) => ({ key: g.key, value: value(g) }))
      .filter((x): x is { key: string; value: number } => x.value !== null && misses(x.value))
      .sort((a, b) => worstFirst(a.value, b.value) || a.key.localeCompare(b.key, 'zh'));
  if (targets.iqs !== undefined) {
    const goal = targets.iqs;
    gaps.push({ target: 'iqs', goal, short: short((g) => g.metrics.iqs, (v) => v < goal, (a, b) => a - b) });
  }
  if (targets.firstResponseSeconds !== undefined) {
    const goal = targets.firstResponseSeconds;
    gaps.push({ target: 'firstResponseSeconds', goal, short: short((g) => g.metrics.firstResponse.medianSeconds, (v) => v > goal, (a, b) => b - a) });
  }
  if (targets.predictedSatisfaction !== undefined) {
    const goal = targets.predictedSatisfaction;
    gaps.push({ target: 'predictedSatisfaction', goal, short: short((g) => g.metrics.customer.predictedSatisfaction, (v) => v < goal, (a, b) => a - b) });
  }
  return gaps;
}
