import type { AnalyzedMessage, ConversationAnalysis } from '../engine/analysis.js';
import { isCustomerMessage, isHumanReply } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';
import { unansweredTail } from './answer-need.js';
import type { Sentiment } from './sentiment.js';

/** Whether the customer's problem was settled, as far as the conversation shows it. */
export type Outcome = 'resolved' | 'unresolved' | 'unknown';

/**
 * What the outcome was read from, for the report's "why":
 * - `thanks-after-reply`: the customer's last word is thanks or "fixed now", after an agent's reply;
 * - `negative-ending`: the customer's last burst complains or gives up;
 * - `unanswered-ending`: the customer was left waiting at the end (as unanswered-customer judges it);
 * - `repeated-ask`: the customer asked the same thing again after an agent had answered it;
 * - `no-reply`: no human ever replied to the customer.
 */
export type OutcomeCue = 'thanks-after-reply' | 'negative-ending' | 'unanswered-ending' | 'repeated-ask' | 'no-reply';

export interface ConversationOutcome {
  outcome: Outcome;
  cues: OutcomeCue[];
}

// Bigrams of Han characters, digits and Latin letters: what two asks share when one repeats the other.
const WORD_CHARACTER = /[\p{Script=Han}\p{N}a-z]/u;
function bigrams(text: string): Set<string> {
  const kept = [...text].filter((c) => WORD_CHARACTER.test(c)).join('');
  const grams = new Set<string>();
  for (let i = 0; i + 1 < kept.length; i++) grams.add(kept.slice(i, i + 2));
  return grams;
}

/** Share of the shorter message's bigrams that the other holds too. */
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

/**
 * True when the customer asks, after an agent's reply, what they had asked before it: the reply
 * did not settle it.
 */
export function repeatsAsk(analysis: ConversationAnalysis, need: AnswerNeed): boolean {
  const asked: AnalyzedMessage[] = [];
  let repliedSince = false;
  const earlier: AnalyzedMessage[] = [];
  for (const message of analysis.messages) {
    if (isHumanReply(message.message)) {
      repliedSince = true;
      earlier.push(...asked.splice(0));
      continue;
    }
    if (!isCustomerMessage(message.message) || bigrams(message.text).size < MIN_ASK_BIGRAMS || !need.needsAnswer(message)) continue;
    if (repliedSince && earlier.some((before) => overlap(before.text, message.text) >= SAME_ASK)) return true;
    asked.push(message);
  }
  return false;
}

/**
 * The outcome from the structure of the ending: who spoke last, in reply to what. Thanks after a
 * reply settles it; a complaint, giving up, a question left hanging or the same ask again does not.
 * A conversation that ends on the agent's reply with nothing from the customer is unknown.
 */
export function conversationOutcome(
  analysis: ConversationAnalysis,
  need: AnswerNeed,
  read: ReadonlyArray<{ message: AnalyzedMessage; sentiment: Sentiment }>,
  end: Sentiment | null,
): ConversationOutcome {
  const cues: OutcomeCue[] = [];
  const replied = analysis.messages.some((m) => isHumanReply(m.message));
  const last = read.at(-1);
  const firstReply = analysis.messages.find((m) => isHumanReply(m.message));
  if (!replied && read.length > 0) cues.push('no-reply');
  if (end !== null && end < 0) cues.push('negative-ending');
  if (unansweredTail(analysis, need)) cues.push('unanswered-ending');
  if (repeatsAsk(analysis, need)) cues.push('repeated-ask');
  const thanked = last !== undefined && last.sentiment > 0 && firstReply !== undefined && last.message.seq > firstReply.seq && (end ?? 0) >= 0;
  if (thanked) return { outcome: 'resolved', cues: ['thanks-after-reply', ...cues.filter((c) => c === 'repeated-ask')] };
  if (cues.length > 0) return { outcome: 'unresolved', cues };
  return { outcome: 'unknown', cues };
}
