import { list, t } from '../i18n/index.js';
import { z } from 'zod';
import { CATEGORIES } from '../engine/rule.js';

/**
 * The categories of the scorecard: the rules' categories, and `customer`, rated from the customer's
 * side of the conversation (sentiment and outcome, as predicted satisfaction) rather than from
 * findings, like Zendesk QA's sentiment category.
 */
export const SCORE_CATEGORIES = [...CATEGORIES, 'customer'] as const;
export type ScoreCategory = (typeof SCORE_CATEGORIES)[number];

/** Goal lines for the report: drawn on the charts, with who is below (or, for waits, above) them. */
export const targetsSchema = z.strictObject({
  /** IQS, 0–100. */
  iqs: z.number().min(0).max(100).optional(),
  /** Median first response, seconds. */
  firstResponseSeconds: z.number().positive().optional(),
  /** Mean predicted satisfaction, 1–5. */
  predictedSatisfaction: z.number().min(1).max(5).optional(),
});
export type ScoringTargets = z.infer<typeof targetsSchema>;

/**
 * The scorecard, under `scoring` in configuration. Each category that applies to a conversation is
 * rated: pass (100), partial (warnings only: `partialCredit` of 100) or fail (an error: 0); the
 * customer category is rated on a scale from the predicted satisfaction. The conversation's score is
 * the weighted mean of the rated categories, and a fatal (一票否决) rule sets it to 0. Defaults are
 * documented in .supportlintrc.example.yaml.
 */
export const scoringSchema = z.strictObject({
  /** Category weights; a weight of 0 leaves the category out of the score. */
  categories: z.partialRecord(z.enum(SCORE_CATEGORIES), z.number().min(0).max(1000)).optional(),
  /** Share of a pass that a category with warnings only (no error) is worth, 0–1. */
  partialCredit: z.number().min(0).max(1).optional(),
  /** Weight of a finding in the report's rule ranking, by severity; it does not change IQS. */
  points: z.strictObject({ error: z.number().min(0).max(100).optional(), warn: z.number().min(0).max(100).optional() }).optional(),
  /** Weight in the rule ranking by rule id, replacing the severity's. */
  rules: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** Rules whose findings set the conversation's score to 0. */
  fatal: z.array(z.string()).optional(),
  /** Seconds within which a customer burst counts as answered on time (the SLA share). */
  slaSeconds: z.number().positive().optional(),
  targets: targetsSchema.optional(),
});
export type ScoringConfigFile = z.infer<typeof scoringSchema>;

export interface Scorecard {
  categories: Record<ScoreCategory, number>;
  partialCredit: number;
  points: { error: number; warn: number };
  rules: Record<string, number>;
  fatal: string[];
  slaSeconds: number;
  targets: ScoringTargets;
}

/**
 * Resolution and ownership weigh most: whether the customer's problem moved forward and whether the
 * agent owned it. Tone and compliance follow; escalation applies to few conversations. The
 * customer's own side weighs as much as resolution: what the customer felt is the point of the
 * rest (its weight was checked on the tuning halves of the dev data, bench/satisfaction).
 */
export const DEFAULT_SCORECARD: Scorecard = {
  categories: { empathy: 15, ownership: 20, resolution: 20, responsiveness: 15, tone: 10, compliance: 10, escalation: 10, customer: 20 },
  // Zendesk QA's default for a partly met scale rating is half the points.
  partialCredit: 0.5,
  points: { error: 25, warn: 10 },
  rules: {},
  // Abuse of the customer is 一票否决 on every Chinese scorecard this follows.
  fatal: ['forbidden-phrase'],
  // Taobao's 3分钟响应率 counts replies within three minutes.
  slaSeconds: 180,
  targets: {},
};

/** Later files win key by key; `fatal` replaces the list. */
export function mergeScorecard(base: Scorecard, layer: ScoringConfigFile | undefined): Scorecard {
  if (!layer) return base;
  return {
    categories: { ...base.categories, ...layer.categories },
    partialCredit: layer.partialCredit ?? base.partialCredit,
    points: { ...base.points, ...layer.points },
    rules: { ...base.rules, ...layer.rules },
    fatal: layer.fatal ?? base.fatal,
    slaSeconds: layer.slaSeconds ?? base.slaSeconds,
    targets: { ...base.targets, ...layer.targets },
  };
}

/** Rule ids in the scorecard that name no rule (a typo there would silently drop a 一票否决), and weights that score nothing. */
export function scorecardProblems(card: Scorecard, isRule: (id: string) => boolean): string[] {
  const problems: string[] = [];
  for (const id of card.fatal) if (!isRule(id)) problems.push(t('scoring.unknownFatal', { id }));
  for (const id of Object.keys(card.rules)) if (!isRule(id)) problems.push(t('scoring.unknownRule', { id }));
  if (Object.values(card.categories).every((weight) => weight === 0)) {
    problems.push(t('scoring.allZero', { categories: list(Object.keys(card.categories)) }));
  }
  return problems;
}
