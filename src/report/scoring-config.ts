import { z } from 'zod';
import { CATEGORIES, type Category } from '../engine/rule.js';

/**
 * The scorecard, under `scoring` in configuration. Each category starts at 100 and loses points per
 * finding; a conversation's score is the weighted mean of the categories that applied to it, and a
 * fatal (一票否决) rule sets it to 0. Defaults are documented in .supportlintrc.example.yaml.
 */
export const scoringSchema = z.strictObject({
  /** Category weights; a weight of 0 leaves the category out of the score. */
  categories: z.partialRecord(z.enum(CATEGORIES), z.number().min(0).max(1000)).optional(),
  /** Points a finding costs its category, by severity. */
  points: z.strictObject({ error: z.number().min(0).max(100).optional(), warn: z.number().min(0).max(100).optional() }).optional(),
  /** Points by rule id, replacing the severity's points for that rule. */
  rules: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** Rules whose findings set the conversation's score to 0. */
  fatal: z.array(z.string()).optional(),
  /** Seconds within which a customer burst counts as answered on time (the SLA share). */
  slaSeconds: z.number().positive().optional(),
});
export type ScoringConfigFile = z.infer<typeof scoringSchema>;

export interface Scorecard {
  categories: Record<Category, number>;
  points: { error: number; warn: number };
  rules: Record<string, number>;
  fatal: string[];
  slaSeconds: number;
}

/**
 * Resolution and ownership weigh most: whether the customer's problem moved forward and whether the
 * agent owned it. Tone and compliance follow; escalation applies to few conversations.
 */
export const DEFAULT_SCORECARD: Scorecard = {
  categories: { empathy: 15, ownership: 20, resolution: 20, responsiveness: 15, tone: 10, compliance: 10, escalation: 10 },
  points: { error: 25, warn: 10 },
  rules: {},
  // Abuse of the customer is 一票否决 on every Chinese scorecard this follows.
  fatal: ['forbidden-phrase'],
  // Taobao's 3分钟响应率 counts replies within three minutes.
  slaSeconds: 180,
};

/** Later files win key by key; `fatal` replaces the list. */
export function mergeScorecard(base: Scorecard, layer: ScoringConfigFile | undefined): Scorecard {
  if (!layer) return base;
  return {
    categories: { ...base.categories, ...layer.categories },
    points: { ...base.points, ...layer.points },
    rules: { ...base.rules, ...layer.rules },
    fatal: layer.fatal ?? base.fatal,
    slaSeconds: layer.slaSeconds ?? base.slaSeconds,
  };
}

/** Rule ids in the scorecard that name no rule (a typo there would silently drop a 一票否决), and weights that score nothing. */
export function scorecardProblems(card: Scorecard, isRule: (id: string) => boolean): string[] {
  const problems: string[] = [];
  for (const id of card.fatal) if (!isRule(id)) problems.push(`scoring.fatal: there is no rule "${id}". Run \`supportlint rules\` to list them.`);
  for (const id of Object.keys(card.rules)) if (!isRule(id)) problems.push(`scoring.rules.${id}: there is no rule "${id}". Run \`supportlint rules\` to list them.`);
  if (Object.values(card.categories).every((weight) => weight === 0)) {
    problems.push(`scoring.categories: every weight is 0, so nothing would be scored. Give at least one of ${Object.keys(card.categories).join(', ')} a weight above 0.`);
  }
  return problems;
}
