import type { ConversationAnalysis } from '../engine/analysis.js';
import { isCustomerMessage, isHumanReply } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';
import { conversationOutcome, type ConversationOutcome } from './outcome.js';
import { conversationSentiment, customerSentiments, type ConversationSentiment } from './sentiment.js';

/** What the customer side of one conversation says: how they felt, how it ended, and the satisfaction that predicts. */
export interface CustomerSignals {
  /** Null when the customer wrote nothing readable (stickers, images, or no message at all). */
  sentiment: ConversationSentiment | null;
  outcome: ConversationOutcome;
  /** 1–5, one decimal: the satisfaction rating the customer would likely have given. Null with no sentiment. */
  predictedSatisfaction: number | null;
}

/** The numbers the prediction is made from. */
export interface SatisfactionFeatures {
  start: number;
  end: number;
  worst: number;
  resolved: 0 | 1;
  unresolved: 0 | 1;
  unanswered: 0 | 1;
  repeatedAsk: 0 | 1;
  /** log2 of 1 + the customer's readable messages: long threads mean the first answers did not do. */
  length: number;
  /** Share of the customer's readable messages that are negative. */
  negativeShare: number;
}

export type SatisfactionWeights = { intercept: number } & { [K in keyof SatisfactionFeatures]: number };

/**
 * Fitted by `npm run bench:satisfaction -- --tune` on the tuning halves of STC-3 dev (mean S) and
 * JDDC dev (overall_sat): least squares on the 1–5 scale, then a coordinate search for the sum of the
 * two rank correlations. The check halves were read only after (see bench/satisfaction/README.md).
 */
export const SATISFACTION_WEIGHTS: SatisfactionWeights = {
  intercept: 2.65,
  // Starting angry and ending calm is a recovery, which raters reward.
  start: -0.44,
  end: 0.18,
  worst: 0.76,
  resolved: 0.7,
  // Given the unanswered ending, the low point and the share of complaints, what is left of an
  // unresolved ending (asks repeated, nothing settled) is mostly a conversation still under way.
  unresolved: 0.45,
  unanswered: -0.91,
  repeatedAsk: -0.3,
  length: 0.13,
  negativeShare: -0.45,
};

export function satisfactionFeatures(sentiment: ConversationSentiment, outcome: ConversationOutcome, read: ReadonlyArray<{ sentiment: number }>): SatisfactionFeatures {
  const readable = read.length;
  return {
    start: sentiment.start,
    end: sentiment.end,
    worst: sentiment.worst,
    resolved: outcome.outcome === 'resolved' ? 1 : 0,
    unresolved: outcome.outcome === 'unresolved' ? 1 : 0,
    unanswered: outcome.cues.includes('unanswered-ending') || outcome.cues.includes('no-reply') ? 1 : 0,
    repeatedAsk: outcome.cues.includes('repeated-ask') ? 1 : 0,
    length: Math.log2(1 + readable),
    negativeShare: readable === 0 ? 0 : read.filter((r) => r.sentiment < 0).length / readable,
  };
}

/** The weighted sum, kept within 1–5 and rounded to one decimal. */
export function predictSatisfaction(features: SatisfactionFeatures, weights: SatisfactionWeights = SATISFACTION_WEIGHTS): number {
  let value = weights.intercept;
  for (const key of Object.keys(features) as Array<keyof SatisfactionFeatures>) value += weights[key] * features[key];
  return Math.round(Math.min(5, Math.max(1, value)) * 10) / 10;
}

/** The customer's last burst begins after the last human reply (or, when the agent spoke last, at the burst before it). */
function lastBurstStart(analysis: ConversationAnalysis): number {
  const { messages } = analysis;
  let index = messages.length - 1;
  while (index >= 0 && !isCustomerMessage(messages[index]!.message)) index--;
  while (index > 0 && !isHumanReply(messages[index - 1]!.message)) index--;
  return Math.max(0, index);
}

/** Sentiment, outcome and predicted satisfaction of one conversation. */
export function customerSignals(analysis: ConversationAnalysis, need: AnswerNeed, weights: SatisfactionWeights = SATISFACTION_WEIGHTS): CustomerSignals & { features: SatisfactionFeatures | null } {
  const read = customerSentiments(analysis, need);
  const sentiment = conversationSentiment(read, lastBurstStart(analysis));
  const outcome = conversationOutcome(analysis, need, read, sentiment?.end ?? null);
  const features = sentiment ? satisfactionFeatures(sentiment, outcome, read) : null;
  return { sentiment, outcome, predictedSatisfaction: features ? predictSatisfaction(features, weights) : null, features };
}
