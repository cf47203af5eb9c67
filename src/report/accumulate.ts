import type { Outcome } from '../analysis/outcome.js';
import type { CustomerSignals } from '../analysis/satisfaction.js';
import type { Csat } from '../metrics/conversation-metrics.js';
import type { Metrics, MetricsChange, ReportQuote, RuleLoss } from './model.js';
import type { AgentShare, ReportFinding, ScoredUnit } from './score.js';
import { SCORE_CATEGORIES, type Scorecard, type ScoreCategory } from './scoring-config.js';

/** Predicted satisfaction at or below this is a fail of the customer category; at or above SATISFIED, a satisfied customer, as CSAT counts 4–5 of 5. */
export const DISSATISFIED = 2;
export const SATISFIED = 4;

export const TOP_RULES = 10;
export const EXAMPLES_PER_RULE = 3;

/** The median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null, digits: number) => (value === null ? null : round(value, digits));

interface RuleTally {
  ruleId: string;
  category: string;
  findings: number;
  units: number;
  points: number;
  examples: Array<ReportQuote & { points: number }>;
}

/**
 * Sums the shares of one group in one period. Durations are kept raw, so that percentiles over a
 * merged set of runs are exactly those of one run over all the conversations.
 */
export class MetricsAccumulator {
  private units = 0;
  private scored = 0;
  private scoreSum = 0;
  private fatal = 0;
  private readonly categorySum = new Map<ScoreCategory, { sum: number; count: number }>();
  private readonly failed = new Map<ScoreCategory, number>();
  /** IQS points each category cost, before dividing by the weights: Σ weight × (100 − value). */
  private readonly categoryLoss = new Map<ScoreCategory, number>();
  private readonly customer = { predicted: 0, sum: 0, negativeEndings: 0, outcomes: { resolved: 0, unresolved: 0, unknown: 0 } as Record<Outcome, number> };
  private findings = 0;
  private pointsLost = 0;
  private readonly firstResponses: number[] = [];
  private responseSum = 0;
  private responseCount = 0;
  private bursts = 0;
  private withinSla = 0;
  private unanswered = 0;
  private readonly humanRequests = { asked: 0, answered: 0, ignored: 0 };
  private readonly csat = { rated: 0, satisfied: 0, predictedSatisfied: 0, agree: 0 };
  private readonly rules = new Map<string, RuleTally>();

  constructor(private readonly card: Scorecard) {}

  get size(): number {
    return this.units;
  }

  add(share: AgentShare, scored: ScoredUnit, context: { conversationId: string; csat: Csat | null; customer: CustomerSignals | null; points: (f: ReportFinding) => number }): void {
    this.units++;
    if (scored.score !== null) {
      this.scored++;
      this.scoreSum += scored.score;
    }
    if (scored.fatal) this.fatal++;
    for (const category of SCORE_CATEGORIES) {
      const value = scored.categories[category];
      if (value === null) continue;
      const entry = this.categorySum.get(category) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count++;
      this.categorySum.set(category, entry);
      const predicted = context.customer?.predictedSatisfaction ?? null;
      const fail = category === 'customer' ? predicted !== null && predicted <= DISSATISFIED : scored.ratings[category] === 'fail';
      if (fail) this.failed.set(category, (this.failed.get(category) ?? 0) + 1);
      this.categoryLoss.set(category, (this.categoryLoss.get(category) ?? 0) + this.card.categories[category] * (100 - value));
    }
    const customer = context.customer;
    if (customer) {
      this.customer.outcomes[customer.outcome.outcome]++;
      if (customer.sentiment && customer.sentiment.end < 0) this.customer.negativeEndings++;
      if (customer.predictedSatisfaction !== null) {
        this.customer.predicted++;
        this.customer.sum += customer.predictedSatisfaction;
      }
    }
    if (share.firstResponse !== null) this.firstResponses.push(share.firstResponse);
    for (const seconds of share.responses) {
      this.responseSum += seconds;
      this.responseCount++;
      this.bursts++;
      if (seconds <= this.card.slaSeconds) this.withinSla++;
    }
    this.bursts += share.missedBursts;
    if (share.unanswered) this.unanswered++;
    if (share.humanRequest) {
      this.humanRequests.asked++;
      this.humanRequests[share.humanRequest]++;
    }
    if (context.csat && context.csat.satisfied !== null) {
      this.csat.rated++;
      if (context.csat.satisfied) this.csat.satisfied++;
      const predicted = customer?.predictedSatisfaction ?? null;
      const predictedSatisfied = predicted !== null && predicted >= SATISFIED;
      if (predictedSatisfied) this.csat.predictedSatisfied++;
      if (predictedSatisfied === context.csat.satisfied) this.csat.agree++;
    }
    const seen = new Set<string>();
    for (const finding of share.findings) {
      const points = context.points(finding);
      this.findings++;
      this.pointsLost += points;
      const tally = this.rules.get(finding.ruleId) ?? { ruleId: finding.ruleId, category: finding.category, findings: 0, units: 0, points: 0, examples: [] };
      tally.findings++;
      tally.points += points;
      if (!seen.has(finding.ruleId)) tally.units++;
      seen.add(finding.ruleId);
      this.keepExample(tally, finding, points, context.conversationId);
      this.rules.set(finding.ruleId, tally);
    }
  }

  /** Keeps the costliest quotes, one per conversation, first come first kept among equals. */
  private keepExample(tally: RuleTally, finding: ReportFinding, points: number, conversationId: string): void {
    if (tally.examples.some((e) => e.conversationId === conversationId)) return;
    if (tally.examples.length === EXAMPLES_PER_RULE && tally.examples.at(-1)!.points >= points) return;
    // A finding about the whole conversation quotes the customer message that set it off.
    const aboutConversation = finding.messageSeq === null;
    const quote: ReportQuote & { points: number } = {
      conversationId,
      agent: finding.agent ?? null,
      text: finding.excerpt,
      speaker: aboutConversation ? 'customer' : finding.role === 'bot' ? 'bot' : 'agent',
      message: finding.message,
      ...(finding.trigger && !aboutConversation ? { trigger: finding.trigger.text } : {}),
      ...(finding.time !== undefined ? { time: finding.time } : {}),
      points,
    };
    tally.examples.push(quote);
    tally.examples.sort((a, b) => b.points - a.points);
    if (tally.examples.length > EXAMPLES_PER_RULE) tally.examples.pop();
  }

  finish(title: (ruleId: string) => string): Metrics {
    const sorted = [...this.firstResponses].sort((a, b) => a - b);
    const categories = Object.fromEntries(
      SCORE_CATEGORIES.map((c) => {
        const entry = this.categorySum.get(c);
        return [c, entry ? round(entry.sum / entry.count, 1) : null];
      }),
    ) as Record<ScoreCategory, number | null>;
    const failed = Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, this.failed.get(c) ?? 0])) as Record<ScoreCategory, number>;
    const loss = (c: ScoreCategory) => this.categoryLoss.get(c) ?? 0;
    const mostFailed = [...SCORE_CATEGORIES].filter((c) => loss(c) > 0).sort((a, b) => loss(b) - loss(a) || failed[b] - failed[a])[0] ?? null;
    const topRules: RuleLoss[] = [...this.rules.values()]
      .sort((a, b) => b.points - a.points || b.findings - a.findings || a.ruleId.localeCompare(b.ruleId))
      .slice(0, TOP_RULES)
      .map((t) => ({
        ruleId: t.ruleId,
        title: title(t.ruleId),
        category: t.category,
        findings: t.findings,
        conversations: t.units,
        pointsLost: t.points,
        examples: t.examples.map(({ points: _points, ...quote }) => quote),
      }));
    return {
      conversations: this.units,
      scored: this.scored,
      iqs: this.scored === 0 ? null : round(this.scoreSum / this.scored, 1),
      categories,
      failed,
      mostFailed,
      fatal: this.fatal,
      findings: this.findings,
      pointsLost: this.pointsLost,
      firstResponse: { count: sorted.length, medianSeconds: roundOrNull(median(sorted), 1), p90Seconds: roundOrNull(percentile(sorted, 90), 1) },
      responseTime: { count: this.responseCount, averageSeconds: this.responseCount === 0 ? null : round(this.responseSum / this.responseCount, 1) },
      sla: { seconds: this.card.slaSeconds, bursts: this.bursts, withinSla: this.withinSla, share: this.bursts === 0 ? null : round(this.withinSla / this.bursts, 4) },
      unanswered: this.unanswered,
      humanRequests: { ...this.humanRequests },
      csat: {
        rated: this.csat.rated,
        satisfied: this.csat.satisfied,
        share: this.csat.rated === 0 ? null : round(this.csat.satisfied / this.csat.rated, 4),
        predictedSatisfied: this.csat.predictedSatisfied,
        agreement: this.csat.rated === 0 ? null : round(this.csat.agree / this.csat.rated, 4),
      },
      customer: {
        predicted: this.customer.predicted,
        predictedSatisfaction: this.customer.predicted === 0 ? null : round(this.customer.sum / this.customer.predicted, 2),
        outcomes: { ...this.customer.outcomes },
        negativeEndings: this.customer.negativeEndings,
      },
      topRules,
    };
  }
}

const difference = (current: number | null, previous: number | null, digits: number) =>
  current === null || previous === null ? null : round(current - previous, digits);

/** Current minus previous for every headline number. */
export function changeOf(current: Metrics, previous: Metrics): MetricsChange {
  return {
    conversations: current.conversations - previous.conversations,
    iqs: difference(current.iqs, previous.iqs, 1),
    fatal: current.fatal - previous.fatal,
    pointsLost: current.pointsLost - previous.pointsLost,
    firstResponseMedianSeconds: difference(current.firstResponse.medianSeconds, previous.firstResponse.medianSeconds, 1),
    firstResponseP90Seconds: difference(current.firstResponse.p90Seconds, previous.firstResponse.p90Seconds, 1),
    averageResponseSeconds: difference(current.responseTime.averageSeconds, previous.responseTime.averageSeconds, 1),
    slaShare: difference(current.sla.share, previous.sla.share, 4),
    unanswered: current.unanswered - previous.unanswered,
    humanRequestsIgnored: current.humanRequests.ignored - previous.humanRequests.ignored,
    csatShare: difference(current.csat.share, previous.csat.share, 4),
    predictedSatisfaction: difference(current.customer.predictedSatisfaction, previous.customer.predictedSatisfaction, 2),
  };
}
