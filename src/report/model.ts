import type { Outcome, OutcomeCue } from '../analysis/outcome.js';
import type { ConversationSentiment } from '../analysis/sentiment.js';
import type { Rating } from './score.js';
import type { ScoreCategory, ScoringTargets } from './scoring-config.js';

/**
 * The IQS report, as `supportlint report --format json` writes it (see docs/report-format.md).
 * Every other report format (html, markdown, csv) is rendered from this one object, so what a
 * manager reads and what a script reads cannot disagree. Bump REPORT_FORMAT_VERSION on any change
 * that removes or renames a field; adding a field keeps the version.
 */
export const REPORT_FORMAT_VERSION = 1;

export type PeriodUnit = 'day' | 'week' | 'month';
export type GroupBy = 'agent' | 'team' | 'channel' | 'conversation';

/** A quoted message that makes a lost point concrete. Redacted when the report was run with --redact. */
export interface ReportQuote {
  conversationId: string;
  agent: string | null;
  /** The offending message as it arrived (or masked); for a finding about the whole conversation, the customer message that set it off. */
  text: string;
  /** Who wrote `text`; agent when absent. */
  speaker?: 'agent' | 'bot' | 'customer';
  /** The finding's explanation. */
  message: string;
  /** The customer message that set the rule off, where there is one. */
  trigger?: string;
  /** Epoch milliseconds. */
  time?: number;
}

export interface RuleLoss {
  ruleId: string;
  /** The rule's Chinese name (推诿, 首响慢 …). */
  title: string;
  category: string;
  findings: number;
  /** Conversations (or conversation × agent units) with at least one finding of the rule. */
  conversations: number;
  pointsLost: number;
  /** Up to three quotes, most points first. */
  examples: ReportQuote[];
}

/** Everything the report says about one group (or all conversations) in one period. */
export interface Metrics {
  /** Conversations (by agent/team: conversation × agent units) in the group. */
  conversations: number;
  /** Those with at least one applicable category, which the IQS averages. */
  scored: number;
  /** Mean score, 0–100; null when nothing was scored. */
  iqs: number | null;
  /** Mean score per category over the units where the category applied; null where it never did. */
  categories: Record<ScoreCategory, number | null>;
  /** Units in which each category was rated a fail (an error; for the customer category, a predicted satisfaction of 2 or less). */
  failed: Record<ScoreCategory, number>;
  /** The category that cost the group the most IQS (fails and partials, by weight): what to coach first; null when none lost anything. */
  mostFailed: ScoreCategory | null;
  /** Units set to 0 by a fatal (一票否决) rule. */
  fatal: number;
  findings: number;
  pointsLost: number;
  /** Business seconds from the customer's first message to the first human reply. */
  firstResponse: { count: number; medianSeconds: number | null; p90Seconds: number | null };
  /** Business seconds from each customer burst to the human reply that answered it. */
  responseTime: { count: number; averageSeconds: number | null };
  /** Customer bursts answered by a human within the SLA, out of bursts that waited for one. */
  sla: { seconds: number; bursts: number; withinSla: number; share: number | null };
  /** Conversations whose customer was left waiting at the end. */
  unanswered: number;
  /** Conversations in which the customer asked for a human, and what came of it. */
  humanRequests: { asked: number; answered: number; ignored: number };
  /**
   * Ratings carried by the export. `satisfied` is 4–5 of 5, or "good". `predictedSatisfied` counts
   * the rated conversations whose predicted satisfaction is 4 or more, and `agreement` the share of
   * rated conversations where that prediction and the rating agree.
   */
  csat: { rated: number; satisfied: number; share: number | null; predictedSatisfied: number; agreement: number | null };
  /** The customer's side (src/analysis): mean predicted satisfaction, 1–5, and how conversations ended. */
  customer: {
    /** Conversations with a prediction (the customer wrote something readable). */
    predicted: number;
    predictedSatisfaction: number | null;
    outcomes: Record<Outcome, number>;
    /** Conversations whose customer ended negative (sentiment below 0). */
    negativeEndings: number;
  };
  /** Rules by points lost, most first (at most ten). */
  topRules: RuleLoss[];
}

/**
 * The change of each number against the previous period: current minus previous, null where
 * either side has no value. Shares are in fractions (0.05 is five percentage points).
 */
export interface MetricsChange {
  conversations: number | null;
  iqs: number | null;
  fatal: number | null;
  pointsLost: number | null;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  averageResponseSeconds: number | null;
  slaShare: number | null;
  unanswered: number | null;
  humanRequestsIgnored: number | null;
  csatShare: number | null;
  predictedSatisfaction: number | null;
}

export interface PeriodInfo {
  /** 2026-W45, 2026-11-02 or 2026-11; `all` when no conversation carries a time. */
  key: string;
  /** First and last calendar day, in the report's time zone (ISO dates); absent for `all`. */
  start?: string;
  end?: string;
  /**
   * For the report's period when its data stops before its end (a week that is not over, or an
   * export that ends mid-week): the last local day a conversation started. Its numbers cover less
   * than the previous period's.
   */
  dataUntil?: string;
}

export interface GroupReport {
  /** Agent name, team name, channel, or conversation id. */
  key: string;
  /** For agents: their team, when teams are configured. */
  team?: string;
  /** The report's period (the latest one, or the one holding --until). */
  metrics: Metrics;
  /** The period before it, when it has data for the group. */
  previous?: Metrics;
  change?: MetricsChange;
  /** IQS and volume in every period of the report, oldest first. */
  trend: Array<{ period: string; iqs: number | null; conversations: number }>;
}

export interface Topic {
  /** A keyword jieba extracted from customer messages. */
  word: string;
  /** Conversations whose customer messages yield the keyword. */
  conversations: number;
  /** The same count in the previous period. */
  previous?: number;
}

export interface Deduction {
  ruleId: string;
  category: string;
  severity: 'error' | 'warn';
  points: number;
  fatal: boolean;
  agent: string | null;
  messageSeq: number | null;
  message: string;
  excerpt: string;
}

/** Why a conversation is worth a reviewer's time. */
export type ReviewReason = 'fatal' | 'low-score' | 'negative-ending' | 'unresolved' | 'low-predicted-satisfaction';

/** One of the conversations most worth reviewing: lowest scores and highest risk first. */
export interface ReviewItem {
  conversationId: string;
  file: string;
  agents: string[];
  /** Epoch milliseconds of the first timed message. */
  startedAt?: number;
  score: number | null;
  predictedSatisfaction: number | null;
  outcome: Outcome;
  reasons: ReviewReason[];
  /** The costliest finding, quoted (masked with --redact). */
  worst?: ReportQuote & { ruleId: string };
}

/** Who is short of a `scoring.targets` goal in the report's period. */
export interface TargetGap {
  target: 'iqs' | 'firstResponseSeconds' | 'predictedSatisfaction';
  goal: number;
  /** Groups below the goal (above it, for first response), worst first, with their value. */
  short: Array<{ key: string; value: number }>;
}

export interface ConversationScore {
  conversationId: string;
  file: string;
  channel?: string;
  agents: string[];
  /** Epoch milliseconds of the first timed message. */
  startedAt?: number;
  period: string;
  /** IQS, 0–100; null when no category applied. */
  score: number | null;
  fatal: boolean;
  /** Each category's value, 0–100 (pass 100, partial, fail 0, or the customer scale); null where it did not apply. */
  categories: Record<ScoreCategory, number | null>;
  /** Each category's rating; null where it did not apply. */
  ratings: Record<ScoreCategory, Rating | null>;
  deductions: Deduction[];
  firstResponseSeconds?: number;
  /** The customer's sentiment, −2…2, at the start, the end and its lowest; null when the customer wrote nothing readable. */
  sentiment: ConversationSentiment | null;
  outcome: Outcome;
  /** What the outcome was read from. */
  outcomeCues: OutcomeCue[];
  /** 1–5; null when the customer wrote nothing readable. */
  predictedSatisfaction: number | null;
  /** The rating the export carried, when it carried one. */
  csat?: { score: number | string; satisfied: boolean | null };
}

export interface ReportData {
  version: typeof REPORT_FORMAT_VERSION;
  tool: { name: 'supportlint'; version: string };
  /** ISO time the report was made. */
  generatedAt: string;
  options: {
    period: PeriodUnit;
    by: GroupBy;
    timezone: string;
    since?: string;
    until?: string;
    businessHours: boolean;
    redacted: boolean;
  };
  /** The scoring model used (category weights, points, fatal rules). */
  scoring: {
    categories: Record<ScoreCategory, number>;
    /** Share of a pass a category with warnings only is worth. */
    partialCredit: number;
    /** Weights of findings in the rule ranking (they do not change IQS). */
    points: { error: number; warn: number };
    rules: Record<string, number>;
    fatal: string[];
    slaSeconds: number;
    targets: ScoringTargets;
  };
  inputs: {
    files: string[];
    /** Conversations read, in and out of the date range. */
    conversations: number;
    /** Conversations outside --since/--until. */
    outOfRange: number;
    /**
     * Conversations with a message more than a day after the report was made (a device's clock, a typo
     * in the year): left out, so that one cannot make its far-off week the report's period.
     */
    future: number;
    /** The earliest start among them, epoch ms, for the note that names the date. */
    firstFuture?: number;
    /**
     * Conversations that start before the first period of the trend, which reaches back two years
     * of weeks (five of months, one of days) unless --since asks for more: a time stored as 0 reads
     * as 1970. Left out of every figure, and named in a note.
     */
    early: number;
    /** The earliest start among them, epoch ms. */
    firstEarly?: number;
    /** Conversations without any time, left out of the periods when others have times. */
    undated: number;
    /** Conversations read a second time (same id and start time, e.g. overlapping exports), counted once. */
    duplicates: number;
    /** The ids of the first of them (up to DUPLICATE_IDS_KEPT), each once, in the order they were read again. */
    duplicateIds: string[];
    /** Findings a waiver (申诉/豁免) covers in the conversations in range: left out of IQS. */
    waived: number;
    records: { read: number; used: number; skipped: number };
  };
  /** Every period in range, oldest first. */
  periods: PeriodInfo[];
  /** The period the groups describe, and the one they are compared with. */
  current: PeriodInfo | null;
  previous: PeriodInfo | null;
  /** All conversations of the current period. */
  overall: GroupReport;
  /**
   * One entry per agent, team or channel, lowest IQS first. Empty with --by conversation.
   * Conversations no human replied to (bot-only, or unanswered) are never a group: see `bots`.
   */
  groups: GroupReport[];
  /** Conversations no human replied to, apart from the people: bot-only, or left unanswered. Absent when there were none. */
  bots?: GroupReport;
  /** The conversations most worth reviewing in the report's period (at most 20), worst first. */
  review: ReviewItem[];
  /** Who is short of each goal in `scoring.targets`. */
  targets: TargetGap[];
  /** What customers raised most in the current period. */
  topics: Topic[];
  /** With --by conversation: every conversation in range, in input order. */
  conversations?: ConversationScore[];
}
