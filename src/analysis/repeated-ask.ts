import type { AnalyzedMessage, ConversationAnalysis } from '../engine/analysis.js';
import { isCustomerMessage, isHumanReply } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';

// Bigrams of Han characters, digits and Latin letters: what two asks share when one repeats the other.
const WORD_CHARACTER = /[\p{Script=Han}\p{N}a-z]/u;
function bigrams(text: string): Set<string> {
  const kept = [...text].filter((c) => WORD_CHARACTER.test(c)).join('');
  const grams = new Set<string>();
  for (let i = 0; i + 1 < kept.length; i++) grams.add(kept.slice(i, i + 2));
  return grams;
}

/** Share of the shorter message's bigrams that the other holds too, 0–1. */
export function overlap(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

// Four bigrams ("怎么还没到") make an ask; "好的" said twice is not a repeated question.
const MIN_ASK_BIGRAMS = 4;
const SAME_ASK = 0.6;

const cache = new WeakMap<ConversationAnalysis, Set<number>>();

/**
 * The customer messages that ask, after an agent's reply, what the customer had asked before that
 * reply: the answer did not settle it. Computed once per conversation.
 */
export function repeatedAsks(analysis: ConversationAnalysis, need: AnswerNeed): ReadonlySet<number> {
  const known = cache.get(analysis);
  if (known) return known;
  const repeats = new Set<number>();
  const pending: AnalyzedMessage[] = [];
  const answered: AnalyzedMessage[] = [];
  for (const message of analysis.messages) {
    if (isHumanReply(message.message)) {
      answered.push(...pending.splice(0));
      continue;
    }
    if (!isCustomerMessage(message.message) || bigrams(message.text).size < MIN_ASK_BIGRAMS || !need.needsAnswer(message)) continue;
    if (answered.some((before) => overlap(before.text, message.text) >= SAME_ASK)) repeats.add(message.seq);
    pending.push(message);
  }
  cache.set(analysis, repeats);
  return repeats;
}
