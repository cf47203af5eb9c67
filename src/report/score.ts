import { CATEGORIES, type Category } from '../engine/rule.js';
import type { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { Deduction } from './model.js';
import type { Scorecard } from './scoring-config.js';

/** What the report reads of one linted conversation: a `lint --format json` result, or the same in memory. */
export interface ReportInput {
  conversationId: string;
  file: string;
  agents: string[];
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

export interface ScoredUnit {
  /** 0–100; null when no category applied. */
  score: number | null;
  fatal: boolean;
  categories: Record<Category, number | null>;
  deductions: Deduction[];
}

export function pointsFor(finding: Pick<ReportFinding, 'ruleId' | 'severity'>, card: Scorecard): number {
  // Rule ids come from lint JSON that `report` reads: "constructor" must not find Object's.
  return (Object.hasOwn(card.rules, finding.ruleId) ? card.rules[finding.ruleId] : undefined) ?? card.points[finding.severity];
}

/**
 * Scores a set of findings over the categories that applied. Each applicable category starts at 100
 * and loses each finding's points, down to 0; the score is the mean of the categories weighted by
 * the scorecard, leaving out categories that did not apply (N/A is not a pass). A fatal rule's
 * finding sets the score to 0 whatever else happened.
 */
export function scoreUnit(findings: readonly ReportFinding[], applicable: readonly string[], card: Scorecard): ScoredUnit {
  const lost = new Map<string, number>();
  const deductions: Deduction[] = findings.map((f) => {
    const points = pointsFor(f, card);
    lost.set(f.category, (lost.get(f.category) ?? 0) + points);
    return {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      points,
      fatal: card.fatal.includes(f.ruleId),
      agent: f.agent ?? null,
      messageSeq: f.messageSeq,
      message: f.message,
      excerpt: f.excerpt,
    };
  });
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, null])) as Record<Category, number | null>;
  let weighted = 0;
  let weights = 0;
  for (const category of CATEGORIES) {
    if (!applicable.includes(category)) continue;
    const score = Math.max(0, 100 - (lost.get(category) ?? 0));
    categories[category] = score;
    const weight = card.categories[category];
    weighted += weight * score;
    weights += weight;
  }
  const fatal = deductions.some((d) => d.fatal);
  const score = weights === 0 ? (fatal ? 0 : null) : fatal ? 0 : weighted / weights;
  return { score, fatal, categories, deductions };
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
