import type { ConversationAnalysis } from '../engine/analysis.js';
import { isCustomerMessage, isHumanReply } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';
import { append } from '../arrays.js';

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
  return overlapOf(bigrams(a), bigrams(b));
}

function overlapOf(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

// Four bigrams ("怎么还没到") make an ask; "好的" said twice is not a repeated question.
const MIN_ASK_BIGRAMS = 4;
const SAME_ASK = 0.6;
/** How many earlier answered asks a new ask is compared with, at most. */
const MAX_EARLIER_ASKS = 200;

const cache = new WeakMap<ConversationAnalysis, Set<number>>();

/**
 * The customer messages that ask, after an agent's reply, what the customer had asked before that
 * reply: the answer did not settle it. Computed once per conversation.
 */
export function repeatedAsks(analysis: ConversationAnalysis, need: AnswerNeed): ReadonlySet<number> {
  const known = cache.get(analysis);
  if (known) return known;
  const repeats = new Set<number>();
  // Each ask's bigrams are built once: a long chat compares every ask with all those before it.
  const pending: Array<ReadonlySet<string>> = [];
  const answered: Array<ReadonlySet<string>> = [];
  for (const message of analysis.messages) {
    if (isHumanReply(message.message)) {
      append(answered, pending.splice(0));
      continue;
    }
    if (!isCustomerMessage(message.message)) continue;
    const grams = bigrams(message.text);
    if (grams.size < MIN_ASK_BIGRAMS || !need.needsAnswer(message)) continue;
    // The latest asks only: a conversation of thousands of asks stays linear.
    for (let i = answered.length - 1; i >= Math.max(0, answered.length - MAX_EARLIER_ASKS); i--) {
      if (overlapOf(answered[i]!, grams) >= SAME_ASK) {
        repeats.add(message.seq);
        break;
      }
    }
    pending.push(grams);
  }
  cache.set(analysis, repeats);
  return repeats;
}
