import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answerNeedFrom } from '../analysis/answer-need.js';
import { messageSentiment } from '../analysis/sentiment.js';
import { customerSignals, predictSatisfaction, SATISFACTION_WEIGHTS, type SatisfactionFeatures, type SatisfactionWeights } from '../analysis/satisfaction.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { ConversationAnalysis } from '../engine/analysis.js';
import { lintConversation } from '../engine/lint.js';
import type { ReportFinding } from '../report/score.js';
import { scoreUnit } from '../report/score.js';
import type { Scorecard } from '../report/scoring-config.js';
import { readInputs } from '../runner/lint-files.js';
import { adapterOptions, buildLintSettings } from '../runner/settings.js';
import { emptySummary } from '../runner/summary.js';
import { spearman } from './spearman.js';

/**
 * The satisfaction benchmark: supportlint's predicted satisfaction, IQS and customer-sentiment
 * detector against the human labels of the dev corpus (STC-3 dev: 19 raters' S per dialogue; JDDC
 * dev: overall_sat per dialogue and sat per customer turn). Each conversation falls in the tuning
 * or the check half by a fixed hash of its id (bench/satisfaction/README.md). Only ids and numbers
 * leave this module: no text of the corpus.
 */

export type Half = 'tune' | 'check';
export type HalfOf = (collection: string, id: string) => Half;

export const STC3_FILE = 'stc3-dev.json';
export const JDDC_FILE = 'jddc-dev.jsonl';

/** One conversation as the benchmark keeps it: labels, the prediction's inputs, and what IQS needs. */
export interface BenchConversation {
  collection: 'stc3' | 'jddc';
  id: string;
  half: Half;
  /** STC-3: mean S of the raters (−2…2); JDDC: overall_sat (0…2). */
  label: number;
  features: SatisfactionFeatures | null;
  findings: ReportFinding[];
  applicable: string[];
}

/** JDDC customer turns: the detector's verdict (negative sentiment) against the rater's sat 0. */
export interface TurnVerdict {
  half: Half;
  dissatisfied: boolean;
  flagged: boolean;
}

export interface BenchData {
  conversations: BenchConversation[];
  turns: TurnVerdict[];
}

export interface HalfFigures {
  half: Half;
  stc3: number;
  jddc: number;
  /** Spearman ρ of predicted satisfaction against STC-3 mean S and JDDC overall_sat. */
  predictedVsS: number | null;
  predictedVsOverallSat: number | null;
  /** Spearman ρ of the conversation's IQS against STC-3 mean S. */
  iqsVsS: number | null;
  /** The sentiment detector on JDDC customer turns labelled sat 0. */
  detector: { turns: number; dissatisfied: number; flagged: number; precision: number | null; recall: number | null };
  /** IQS over STC-3 and JDDC conversations together. */
  iqs: { scored: number; shareAt100: number; q1: number; median: number; q3: number; mean: number };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Reads the labels from the raw files: ids and numbers only. */
function readLabels(corpus: string): { s: Map<string, number>; overall: Map<string, number>; turnSat: Map<string, Array<number | null>> } {
  const s = new Map<string, number>();
  for (const dialogue of JSON.parse(readFileSync(path.join(corpus, STC3_FILE), 'utf8')) as Array<{ id: string | number; annotations: Array<{ quality: { S: number } }> }>) {
    s.set(String(dialogue.id), mean(dialogue.annotations.map((a) => a.quality.S)));
  }
  const overall = new Map<string, number>();
  const turnSat = new Map<string, Array<number | null>>();
  for (const line of readFileSync(path.join(corpus, JDDC_FILE), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const dialogue = JSON.parse(line) as { dialogue_id: string; overall_sat: number; turns: Array<{ role: string; sat?: number | null }> };
    overall.set(dialogue.dialogue_id, dialogue.overall_sat);
    turnSat.set(dialogue.dialogue_id, dialogue.turns.map((t) => (t.role === 'customer' ? t.sat ?? null : null)));
  }
  return { s, overall, turnSat };
}

/** Lints and reads every conversation of the two collections once; the figures are computed from this. */
export async function collectBench(corpus: string, config: ResolvedConfig, halfOf: HalfOf): Promise<BenchData> {
  const labels = readLabels(corpus);
  const settings = { ...buildLintSettings(config), metrics: true };
  const need = answerNeedFrom((id) => settings.lexicons.get(id)!);
  const conversations: BenchConversation[] = [];
  const turns: TurnVerdict[] = [];
  for (const collection of ['stc3', 'jddc'] as const) {
    const file = collection === 'stc3' ? STC3_FILE : JDDC_FILE;
    await readInputs([path.join(corpus, file)], { ...adapterOptions(config), cwd: corpus }, emptySummary(), {
      onConversation(conversation) {
        const label = collection === 'stc3' ? labels.s.get(conversation.id) : labels.overall.get(conversation.id);
        if (label === undefined) return;
        const half = halfOf(collection, conversation.id);
        const analysis = new ConversationAnalysis(conversation, settings.segmenter, settings.calendar, settings.lexicons);
        const { features } = customerSignals(analysis, need);
        const result = lintConversation(conversation, settings);
        conversations.push({ collection, id: conversation.id, half, label, features, findings: result.findings as ReportFinding[], applicable: [...(result.metrics?.applicable ?? [])] });
        if (collection === 'jddc') {
          const sat = labels.turnSat.get(conversation.id) ?? [];
          for (const message of analysis.messages) {
            const rated = sat[message.seq];
            if (rated === null || rated === undefined || message.message.role !== 'customer') continue;
            const sentiment = messageSentiment(analysis, need, message);
            turns.push({ half, dissatisfied: rated === 0, flagged: sentiment !== null && sentiment < 0 });
          }
        }
      },
    });
  }
  return { conversations, turns };
}

/** The nearest-rank quartile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Predicted satisfaction and IQS of one benchmark conversation under the given weights and scorecard. */
export function scoreBenchConversation(c: BenchConversation, card: Scorecard, weights: SatisfactionWeights = SATISFACTION_WEIGHTS): { predicted: number | null; iqs: number | null } {
  const predicted = c.features ? predictSatisfaction(c.features, weights) : null;
  const customer = { sentiment: null, outcome: { outcome: 'unknown' as const, cues: [] }, predictedSatisfaction: predicted };
  return { predicted, iqs: scoreUnit(c.findings, c.applicable, card, customer).score };
}

export function figuresFor(data: BenchData, half: Half, card: Scorecard, weights: SatisfactionWeights = SATISFACTION_WEIGHTS): HalfFigures {
  const mine = data.conversations.filter((c) => c.half === half);
  const scored = mine.map((c) => ({ c, ...scoreBenchConversation(c, card, weights) }));
  // A conversation without anything readable from the customer gets the middle of the scale.
  const predictedOf = (p: number | null) => p ?? 3;
  const stc3 = scored.filter((x) => x.c.collection === 'stc3');
  const jddc = scored.filter((x) => x.c.collection === 'jddc');
  const withIqs = stc3.filter((x) => x.iqs !== null);
  const turns = data.turns.filter((t) => t.half === half);
  const dissatisfied = turns.filter((t) => t.dissatisfied).length;
  const flagged = turns.filter((t) => t.flagged).length;
  const both = turns.filter((t) => t.flagged && t.dissatisfied).length;
  const iqsValues = scored.map((x) => x.iqs).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return {
    half,
    stc3: stc3.length,
    jddc: jddc.length,
    predictedVsS: round(spearman(stc3.map((x) => predictedOf(x.predicted)), stc3.map((x) => x.c.label))),
    predictedVsOverallSat: round(spearman(jddc.map((x) => predictedOf(x.predicted)), jddc.map((x) => x.c.label))),
    iqsVsS: round(spearman(withIqs.map((x) => x.iqs!), withIqs.map((x) => x.c.label))),
    detector: {
      turns: turns.length,
      dissatisfied,
      flagged,
      precision: round(flagged === 0 ? null : both / flagged),
      recall: round(dissatisfied === 0 ? null : both / dissatisfied),
    },
    iqs: {
      scored: iqsValues.length,
      shareAt100: round(iqsValues.filter((v) => v >= 100).length / iqsValues.length)!,
      q1: round(quantile(iqsValues, 0.25))!,
      median: round(quantile(iqsValues, 0.5))!,
      q3: round(quantile(iqsValues, 0.75))!,
      mean: round(mean(iqsValues))!,
    },
  };
}
