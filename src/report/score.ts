import type { CustomerSignals } from '../analysis/satisfaction.js';
import type { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { Deduction } from './model.js';
import { SCORE_CATEGORIES, type Scorecard, type ScoreCategory } from './scoring-config.js';

/** What the report reads of one linted conversation: a `lint --format json` result, or the same in memory. */
export interface ReportInput {
  conversationId: string;
  file: string;
  agents: string[];
  /** The customer's display names, when linted here from an export that gives them: for --redact only. */
  customers?: string[];
  findings: ReadonlyArray<{
    ruleId: string;
    category: string;
    severity: 'error' | 'warn';
    message: string;
    excerpt: string;
    agent?: string | null;
    /** Role of the offending message; absent for findings about the whole conversation. */
    role?: string;
    messageSeq: number | null;
    trigger?: { text: string; messageSeq?: number };
    time?: number;
  }>;
  /** Findings a waiver (申诉/豁免) covers: left out of every score, and only counted. */
  waived?: ReportInput['findings'];
  metrics: ConversationMetrics;
}

export type ReportFinding = ReportInput['findings'][number];

/** A category's rating: pass, partial (warnings only), fail (an error), or a scale (the customer category). */
export type Rating = 'pass' | 'partial' | 'fail' | 'scale';

export interface ScoredUnit {
  /** 0–100; null when no category applied. */
  score: number | null;
  fatal: boolean;
  /** Each category's value, 0–100; null where it did not apply. */
  categories: Record<ScoreCategory, number | null>;
  /** Each category's rating; null where it did not apply. */
  ratings: Record<ScoreCategory, Rating | null>;
  deductions: Deduction[];
}

export function pointsFor(finding: Pick<ReportFinding, 'ruleId' | 'severity'>, card: Scorecard): number {
  // Rule ids come from lint JSON that `report` reads: "constructor" must not find Object's.
  return (Object.hasOwn(card.rules, finding.ruleId) ? card.rules[finding.ruleId] : undefined) ?? card.points[finding.severity];
}

/**
 * The customer category's value, 0–100, from predicted satisfaction: 1 is a fail (0), 4 and above a
 * pass (100), as CSAT counts 4 and 5 of 5 as satisfied; in between, a straight line.
 */
export function customerRating(predictedSatisfaction: number): number {
  return Math.round(Math.min(1, Math.max(0, (predictedSatisfaction - 1) / 3)) * 1000) / 10;
}

/**
 * Where findings enter scoring: rates each applicable category and takes the weighted mean, as
 * Zendesk QA computes IQS (see docs/report.md, "How IQS is computed").
 * - A rule category with an error is a fail (0), with warnings only a partial (`partialCredit` × 100),
 *   with neither a pass (100).
 * - The customer category, when weighted and the customer wrote something readable, is rated on a
 *   scale from the predicted satisfaction.
 * - Categories that did not apply are left out (N/A is not a pass).
 * - A fatal rule's finding sets the score to 0 whatever else happened.
 */
export function scoreUnit(findings: readonly ReportFinding[], applicable: readonly string[], card: Scorecard, customer?: CustomerSignals | null): ScoredUnit {
  const worst = new Map<string, 'error' | 'warn'>();
  const deductions: Deduction[] = findings.map((f) => {
    if (f.severity === 'error' || !worst.has(f.category)) worst.set(f.category, f.severity);
    return {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      points: pointsFor(f, card),
      fatal: card.fatal.includes(f.ruleId),
      agent: f.agent ?? null,
      messageSeq: f.messageSeq,
      message: f.message,
      excerpt: f.excerpt,
    };
  });
  const categories = Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, null])) as Record<ScoreCategory, number | null>;
  const ratings = Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, null])) as Record<ScoreCategory, Rating | null>;
  let weighted = 0;
  let weights = 0;
  const rate = (category: ScoreCategory, rating: Rating, value: number) => {
    categories[category] = value;
    ratings[category] = rating;
    const weight = card.categories[category];
    weighted += weight * value;
    weights += weight;
  };
  for (const category of SCORE_CATEGORIES) {
    if (category === 'customer') {
      const predicted = customer?.predictedSatisfaction;
      if (predicted !== undefined && predicted !== null && card.categories.customer > 0) rate('customer', 'scale', customerRating(predicted));
      continue;
    }
    if (!applicable.includes(category)) continue;
    const severity = worst.get(category);
    if (severity === 'error') rate(category, 'fail', 0);
    else if (severity === 'warn') rate(category, 'partial', card.partialCredit * 100);
    else rate(category, 'pass', 100);
  }
  const fatal = deductions.some((d) => d.fatal);
  const score = weights === 0 ? (fatal ? 0 : null) : fatal ? 0 : weighted / weights;
  return { score, fatal, categories, ratings, deductions };
}

/** The findings, waits and outcomes that belong to one agent of a conversation (see docs/report.md). */
export interface AgentShare {
  findings: ReportFinding[];
  applicable: string[];
  firstResponse: number | null;
  responses: number[];
  missedBursts: number;
  unanswered: boolean;
  humanRequest: 'answered' | 'ignored' | null;
}

/**
 * Splits a conversation between its agents. A finding goes to the agent it names (the sender of the
 * offending message, or whoever was responsible for a conversation-level finding); a wait goes to
 * the agent who answered it, a wait nobody answered to the agent who had last replied. A
 * conversation no agent replied to is one share, `agent: null`, holding everything.
 */
export function sharesOf(input: ReportInput): Array<{ agent: string | null; share: AgentShare }> {
  const { metrics } = input;
  const agents: Array<string | null> = input.agents.length > 0 ? input.agents : [null];
  const alone = input.agents.length === 0;
  return agents.map((agent) => {
    const mine = (owner: string | null | undefined) => alone || (owner ?? null) === agent;
    const findings = input.findings.filter((f) => mine(f.agent));
    const responses = metrics.responses.filter((r) => mine(r.agent)).map((r) => r.seconds);
    const firstResponse = metrics.firstResponse && mine(metrics.firstResponse.agent) ? metrics.firstResponse.seconds : null;
    const missedBursts = metrics.missedBursts.filter((m) => mine(m.agent)).length;
    const unanswered = metrics.unanswered !== null && mine(metrics.unanswered.agent);
    const humanRequest = metrics.humanRequest && mine(metrics.humanRequest.agent) ? metrics.humanRequest.outcome : null;
    const categoriesWithFindings = new Set(findings.map((f) => f.category));
    const applicable = metrics.applicable.filter((category) => {
      if (alone || categoriesWithFindings.has(category)) return true;
      // Waits and escalations are judged for the agent they were attributed to.
      if (category === 'responsiveness') return firstResponse !== null || responses.length > 0 || missedBursts > 0 || unanswered;
      if (category === 'escalation') return humanRequest !== null;
      return true;
    });
    return { agent, share: { findings, applicable, firstResponse, responses, missedBursts, unanswered, humanRequest } };
  });
}

/** The whole conversation as one share, for the overall, channel and conversation views. */
export function wholeShare(input: ReportInput): AgentShare {
  const { metrics } = input;
  return {
    findings: [...input.findings],
    applicable: [...metrics.applicable],
    firstResponse: metrics.firstResponse?.seconds ?? null,
    responses: metrics.responses.map((r) => r.seconds),
    missedBursts: metrics.missedBursts.length,
    unanswered: metrics.unanswered !== null,
    humanRequest: metrics.humanRequest?.outcome ?? null,
  };
}
