import type { AnalyzedMessage, ConversationAnalysis } from '../engine/analysis.js';
import { isHumanReply } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';
import { unansweredTail } from './answer-need.js';
import { repeatedAsks } from './repeated-ask.js';
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
  if (repeatedAsks(analysis, need).size > 0) cues.push('repeated-ask');
  const thanked = last !== undefined && last.sentiment > 0 && firstReply !== undefined && last.message.seq > firstReply.seq && (end ?? 0) >= 0;
  if (thanked) return { outcome: 'resolved', cues: ['thanks-after-reply', ...cues.filter((c) => c === 'repeated-ask')] };
  if (cues.length > 0) return { outcome: 'unresolved', cues };
  return { outcome: 'unknown', cues };
}
