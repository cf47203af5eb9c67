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

/** Collections where a rule's check-half figures fall short of the bar (only those with enough positives count). */
export function shortfalls(rows: readonly ScoreRow[], rule: string): ScoreRow[] {
  return rows.filter(
    (r) => r.rule === rule && r.half === 'check' && r.positives >= RECOMMENDED_BAR.minPositives
      && ((r.precision ?? 0) < RECOMMENDED_BAR.precision || (r.recall ?? 0) < RECOMMENDED_BAR.recall),
  );
}
