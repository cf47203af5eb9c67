import { humanLeft, humanRequestFinder } from '../analysis/human-request.js';
import { ANSWER_NEED_LEXICONS, answerNeedFrom, unansweredTail } from '../analysis/answer-need.js';
import { customerSignals, type CustomerSignals } from '../analysis/satisfaction.js';
import type { ConversationAnalysis } from '../engine/analysis.js';
import { CATEGORIES, type Category } from '../engine/rule.js';
import type { Finding } from '../engine/finding.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { agentLabel, isCustomerMessage, isHumanReply } from '../model/conversation.js';
import { customerTopics } from './topics.js';
import { largest, smallest } from '../arrays.js';

/** The phrase lists the metrics read, besides those of the rules. */
export const METRIC_LEXICONS = [...ANSWER_NEED_LEXICONS, 'ignored-human-request'] as const;

/** A wait the customer had for a human, attributed to the agent who answered it. */
export interface Wait {
  seconds: number;
  agent: string | null;
}

export interface Csat {
  /** As the export gave it: 1–5, 1/0, "good"/"bad". */
  score: number | string | null;
  scale: string | number;
  /** 4–5 of 5, 1 of good=1/bad=0, or "good"; null when the score cannot be read. */
  satisfied: boolean | null;
}

/**
 * Facts about one conversation that the IQS report aggregates. They are computed once, while
 * linting, and written into `lint --format json`, so that sharded runs can be merged without the
 * transcripts: every duration is kept raw, and percentiles are taken over the merged values.
 * Durations are business seconds when business hours are configured.
 */
export interface ConversationMetrics {
  channel: string | null;
  /** Epoch milliseconds of the first and last timed message. */
  startedAt: number | null;
  endedAt: number | null;
  customerMessages: number;
  humanReplies: number;
  /** Customer's first message to the first human reply (bots do not count), as slow-first-response measures it. */
  firstResponse: Wait | null;
  /**
   * Each customer burst that waited for an answer and got a human reply, from its first message
   * that needed an answer to the reply, as slow-response measures it. The first burst included.
   */
  responses: Wait[];
  /**
   * Bursts that waited for an answer after a human had joined, and never got a human reply: each
   * counts against the SLA, attributed to the agent who had last replied.
   */
  missedBursts: Array<{ agent: string | null }>;
  /** The conversation ends with the customer waiting (as unanswered-customer judges it). */
  unanswered: { agent: string | null } | null;
  /** The customer asked for a human with no human present, and whether one answered afterwards. */
  humanRequest: { outcome: 'answered' | 'ignored'; agent: string | null } | null;
  csat: Csat | null;
  /** Keywords jieba extracts from the customer's messages, best first. */
  topics: string[];
  /** Categories in which at least one rule could judge this conversation (see docs/report.md). */
  applicable: Category[];
  /**
   * The customer's side: sentiment at the start, end and worst, the outcome and the predicted
   * satisfaction (src/analysis/satisfaction.ts). Absent from lint results of older versions.
   */
  customer?: CustomerSignals;
}

export interface MetricsContext {
  lexicons: ReadonlyMap<string, Lexicon>;
  /** The rules that ran on this conversation (not N/A for it), and their categories. */
  ranRules: ReadonlySet<string>;
  ranCategories: ReadonlySet<string>;
}

function lexicon(context: MetricsContext, id: string): Lexicon {
  const found = context.lexicons.get(id);
  if (!found) throw new Error(`phrase list "${id}" is not loaded`);
  return found;
}

/** Reads the rating an adapter put into `meta.csat` (Intercom 1–5, Zendesk good/bad, LiveChat 1/0). */
export function csatOf(meta: Record<string, unknown>): Csat | null {
  const csat = meta.csat as { score?: unknown; scale?: unknown } | undefined;
  if (!csat || typeof csat !== 'object') return null;
  const score = typeof csat.score === 'number' || typeof csat.score === 'string' ? csat.score : null;
  const scale = typeof csat.scale === 'number' || typeof csat.scale === 'string' ? csat.scale : 'unknown';
  let satisfied: boolean | null = null;
  if (typeof score === 'string') satisfied = score === 'good' ? true : score === 'bad' ? false : null;
  else if (typeof score === 'number') {
    if (scale === 5) satisfied = score >= 4;
    else if (scale === 'good=1/bad=0') satisfied = score === 1;
  }
  if (score === null) return null; // a comment without a rating is not a rating
  return { score, scale, satisfied };
}

export function measureConversation(analysis: ConversationAnalysis, findings: readonly Finding[], context: MetricsContext): ConversationMetrics {
  const { messages, conversation } = analysis;
  const need = answerNeedFrom((id) => lexicon(context, id));
  const timed = analysis.hasTimestamps;
  const times = conversation.messages.map((m) => m.time).filter((t): t is number => t !== undefined);
  const label = (seq: number) => agentLabel(messages[seq]!.message) ?? null;

  let firstResponse: Wait | null = null;
  const responses: Wait[] = [];
  const missedBursts: Array<{ agent: string | null }> = [];
  if (timed) {
    const first = analysis.firstCustomerMessage;
    const reply = analysis.firstHumanReply;
    const wait = first && reply ? analysis.secondsBetween(first, reply) : undefined;
    if (reply && wait !== undefined) firstResponse = { seconds: wait, agent: label(reply.seq) };
    let lastAgent: string | null = null;
    let humanJoined = false;
    let cursor = 0;
    for (const burst of analysis.customerBursts) {
      // Who had last replied before this burst began: responsible for a burst nobody answers.
      for (; cursor < burst.customerSeqs[0]!; cursor++) {
        if (isHumanReply(messages[cursor]!.message)) {
          humanJoined = true;
          lastAgent = label(cursor);
        }
      }
      const waiting = need.waitStart(analysis, burst);
      if (!waiting) continue;
      if (burst.replySeq === undefined) {
        if (humanJoined) missedBursts.push({ agent: lastAgent });
        continue;
      }
      const seconds = analysis.secondsBetween(waiting, messages[burst.replySeq]!);
      if (seconds !== undefined) responses.push({ seconds, agent: label(burst.replySeq) });
    }
  }

  const tail = unansweredTail(analysis, need);
  const unanswered = tail ? { agent: tail.lastHuman ? label(tail.lastHuman.seq) : null } : null;

  const { features: _features, ...customer } = customerSignals(analysis, need);

  const humanRequest = measureHumanRequest(analysis, lexicon(context, 'ignored-human-request'));

  const findingCategories = new Set(findings.map((f) => f.category));
  const hasHuman = messages.some((m) => isHumanReply(m.message));
  const hasCustomer = messages.some((m) => isCustomerMessage(m.message));
  const applicable = CATEGORIES.filter((category) => {
    if (!context.ranCategories.has(category)) return false;
    if (findingCategories.has(category)) return true;
    switch (category) {
      case 'responsiveness':
        // Response times are judged once a human replied; a conversation no human answered is
        // judged only by unanswered-customer, when it is on.
        return timed && hasCustomer && (hasHuman || context.ranRules.has('unanswered-customer'));
      case 'escalation':
        return humanRequest !== null;
      default:
        // What an agent says is judged only where an agent spoke.
        return hasHuman;
    }
  });

  return {
    channel: conversation.channel ?? null,
    startedAt: smallest(times) ?? null,
    endedAt: largest(times) ?? null,
    customerMessages: messages.filter((m) => isCustomerMessage(m.message)).length,
    humanReplies: messages.filter((m) => isHumanReply(m.message)).length,
    firstResponse,
    responses,
    missedBursts,
    unanswered,
    humanRequest,
    csat: csatOf(conversation.meta),
    topics: customerTopics(messages.filter((m) => isCustomerMessage(m.message)).map((m) => m.text)),
    applicable,
    customer,
  };
}

/**
 * The first request for a human made while no human was present, and whether a human replied
 * after it. The agent is the one who answered, or, when none did, the last one who had been there.
 */
function measureHumanRequest(analysis: ConversationAnalysis, requests: Lexicon): ConversationMetrics['humanRequest'] {
  const requestIn = humanRequestFinder(requests);
  let humanPresent = false;
  let lastAgent: string | null = null;
  let asked = false;
  for (const m of analysis.messages) {
    if (isHumanReply(m.message)) {
      if (asked) return { outcome: 'answered', agent: agentLabel(m.message) ?? null };
      humanPresent = true;
      lastAgent = agentLabel(m.message) ?? null;
    } else if (humanLeft(m.message)) {
      humanPresent = false;
    } else if (!asked && !humanPresent && isCustomerMessage(m.message) && requestIn(m)) {
      asked = true;
    }
  }
  return asked ? { outcome: 'ignored', agent: lastAgent } : null;
}
