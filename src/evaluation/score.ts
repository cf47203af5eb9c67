import type { LabelLine } from './labels.js';

/** Counts for one rule on one slice of the benchmark (a collection and a half). */
export interface Tally {
  conversations: number;
  /** Conversations the readers flagged. */
  positives: number;
  /** Conversations supportlint flagged. */
  flagged: number;
  /** Both. */
  both: number;
}

export interface ScoreRow extends Tally {
  rule: string;
  collection: string;
  half: 'tune' | 'check';
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** What supportlint flagged: conversation key (`collection/id`) → rule ids with at least one finding. */
export type Predictions = ReadonlyMap<string, ReadonlySet<string>>;

export const keyOf = (line: Pick<LabelLine, 'collection' | 'id'>): string => `${line.collection}/${line.id}`;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function withRates(tally: Tally): Pick<ScoreRow, 'precision' | 'recall' | 'f1'> {
  const precision = ratio(tally.both, tally.flagged);
  const recall = ratio(tally.both, tally.positives);
  const f1 = precision === null || recall === null || precision + recall === 0 ? (tally.positives + tally.flagged > 0 ? 0 : null) : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Conversation-level precision, recall and F1 per rule, collection and half, against the settled labels. */
export function scoreLabels(lines: readonly LabelLine[], rules: readonly string[], predictions: Predictions): ScoreRow[] {
  const tallies = new Map<string, ScoreRow>();
  for (const line of lines) {
    const predicted = predictions.get(keyOf(line));
    for (const rule of rules) {
      const slot = `${rule}\u0000${line.collection}\u0000${line.half}`;
      let row = tallies.get(slot);
      if (!row) {
        row = { rule, collection: line.collection, half: line.half, conversations: 0, positives: 0, flagged: 0, both: 0, precision: null, recall: null, f1: null };
        tallies.set(slot, row);
      }
      const gold = rule in line.final;
      const hit = predicted?.has(rule) ?? false;
      row.conversations++;
      if (gold) row.positives++;
      if (hit) row.flagged++;
      if (gold && hit) row.both++;
    }
  }
  return [...tallies.values()].map((row) => ({ ...row, ...withRates(row) }));
}

/** Adds the rows of several collections (or halves) together. */
export function combine(rows: readonly ScoreRow[]): Tally & Pick<ScoreRow, 'precision' | 'recall' | 'f1'> {
  const tally = rows.reduce<Tally>((t, r) => ({
    conversations: t.conversations + r.conversations,
    positives: t.positives + r.positives,
    flagged: t.flagged + r.flagged,
    both: t.both + r.both,
  }), { conversations: 0, positives: 0, flagged: 0, both: 0 });
  return { ...tally, ...withRates(tally) };
}

/**
 * Cohen's κ between reader A and reader B for one rule, over every labelled conversation:
 * (observed agreement − chance agreement) / (1 − chance agreement). Null when both readers gave
 * the same answer everywhere and chance agreement is 1 (κ is undefined there).
 */
export function cohensKappa(lines: readonly LabelLine[], rule: string): { kappa: number | null; agreement: number; aPositives: number; bPositives: number } {
  let agree = 0;
  let aPos = 0;
  let bPos = 0;
  for (const line of lines) {
    const a = rule in line.a;
    const b = rule in line.b;
    if (a === b) agree++;
    if (a) aPos++;
    if (b) bPos++;
  }
  const n = lines.length;
  if (n === 0) return { kappa: null, agreement: 0, aPositives: 0, bPositives: 0 };
  const observed = agree / n;
  const chance = (aPos / n) * (bPos / n) + (1 - aPos / n) * (1 - bPos / n);
  return { kappa: chance === 1 ? null : (observed - chance) / (1 - chance), agreement: observed, aPositives: aPos, bPositives: bPos };
}

/** The bar a recommended rule must clear on the check half of every collection with enough positives. */
export const RECOMMENDED_BAR = { precision: 0.9, recall: 0.75, minPositives: 10 } as const;

/** Whether figures reach precision 0.90 and recall 0.75. */
export const clearsBar = (t: Pick<ScoreRow, 'precision' | 'recall'>): boolean =>
  (t.precision ?? 0) >= RECOMMENDED_BAR.precision && (t.recall ?? 0) >= RECOMMENDED_BAR.recall;

export interface Verdict {
  rule: string;
  /** Whether the rule may stay in supportlint:recommended. */
  keep: boolean;
  /** How the verdict was reached: per collection, pooled, or on too few labels to measure recall. */
  basis: 'collections' | 'pooled' | 'few-positives';
  reason: string;
}

/**
 * Whether a rule's check-half figures let it stay in supportlint:recommended:
 * 1. every collection with at least 10 labelled positives clears precision 0.90 and recall 0.75;
 * 2. where no collection has 10, the check half pooled over the collections must clear the bar
 *    when it has 10 positives, so a rule cannot stay silent across small collections;
 * 3. below 10 pooled positives recall cannot be measured, and the rule keeps its place only if
 *    its hits were right at least 90% of the time (or it had none).
 */
export function recommendedVerdict(rows: readonly ScoreRow[], rule: string): Verdict {
  const check = rows.filter((r) => r.rule === rule && r.half === 'check');
  const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  const measured = check.filter((r) => r.positives >= RECOMMENDED_BAR.minPositives);
  if (measured.length > 0) {
    const failing = measured.filter((r) => !clearsBar(r));
    return {
      rule,
      keep: failing.length === 0,
      basis: 'collections',
      reason: failing.length === 0
        ? measured.map((r) => `${r.collection} P ${fmt(r.precision)} R ${fmt(r.recall)}`).join('；')
        : failing.map((r) => `${r.collection}（${r.positives} 例）P ${fmt(r.precision)} R ${fmt(r.recall)}`).join('；'),
    };
  }
  const pooled = combine(check);
  if (pooled.positives >= RECOMMENDED_BAR.minPositives) {
    return { rule, keep: clearsBar(pooled), basis: 'pooled', reason: `合计（${pooled.positives} 例）P ${fmt(pooled.precision)} R ${fmt(pooled.recall)}` };
  }
  const precise = pooled.flagged === 0 || (pooled.precision ?? 0) >= RECOMMENDED_BAR.precision;
  return {
    rule,
    keep: precise,
    basis: 'few-positives',
    reason: `合计只有 ${pooled.positives} 例，召回率无法衡量；命中 ${pooled.flagged} 次，对 ${pooled.both} 次`,
  };
}
