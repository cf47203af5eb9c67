import type { AnalyzedMessage, ConversationAnalysis } from '../engine/analysis.js';
import { isCustomerMessage } from '../model/conversation.js';
import type { AnswerNeed } from './answer-need.js';
import { smallest } from '../arrays.js';

/**
 * How the customer felt, read from the customer's own messages: -2 angry (a complaint pressed
 * with a threat, a challenge or a row of "!?"), -1 unhappy (a complaint, distress, giving up),
 * 0 neutral, +1 content (thanks, "fixed now"), +2 pleased (praise on top of thanks). The
 * complaint and thanks come from the conversation-analysis layer (acts.distress, AnswerNeed), so
 * the report and the rules agree on what a complaint is; only the few cues that turn a complaint
 * into anger or thanks into praise are here.
 */
export type Sentiment = -2 | -1 | 0 | 1 | 2;

/** The customer's sentiment at the start, at the end and at its lowest; null where the customer wrote nothing readable. */
export interface ConversationSentiment {
  start: Sentiment;
  end: Sentiment;
  worst: Sentiment;
}

// A threat to take it further: a complaint to a regulator or the press, a bad review, a lawyer.
const THREAT = /(投诉|举报|差评|12315|消协|消费者协会|工商|曝光|媒体|律师|起诉|法院|315|维权)/;
// The complaint is pressed: a row of "!" or "?", or "?!".
const PRESSED = /[!?]{2,}/;
// A challenge rather than a question ("凭什么", "有没有搞错"), or the customer is done with it.
const CHALLENGE = /(凭什么|有没有搞错|开什么玩笑|什么破|什么垃圾|垃圾|骗子|欺骗|忽悠|无语|呵呵|再也不|不想(再)?(用|买)|销户|注销|取消订单)/;
// Praise beyond thanks: a verdict on the service.
const PRAISE = /(满意|好评|五星|点赞|赞一个|给力|好棒|太好了|真好|效率(真|很|挺)?高|很快|专业|耐心|贴心|靠谱)/;
// Thanks said with a complaint beside it is sarcasm or a goodbye ("谢谢啊，等了三天").
const BUT = /(但|可是|不过|然而|却)/;
// A question that is a reproach: "你们不管吗?", "不能直接退吗"; "能不能", "是不是", "有没有" only ask.
const REPROACH = /(?<![能是有会要可好行对])(不|没)(?![能是有会要可好行对]不)[^,.!?;。，！？；]{0,10}([吗嘛么][?]?$|[吗嘛么]?\?)/;
// Dissatisfaction with the agent's last reply, which the customer often shows without a complaint
// word (measured on the tuning half of JDDC's per-turn labels, bench/satisfaction/README.md):
// - reproach aimed at the agent or the company: a second person with a negation, or with "again" or
//   "all along", in the same clause ("你们又改口了", "你一直不回", "说了半天你们也不管"). A 不 or 没 in
//   politeness ("不好意思", "没关系") or in an A-not-A question ("你们能不能…") reproaches nobody, and
//   "你好" greets;
const AT_YOU = /(你们|你)(?!好)[^,.!?;。]{0,8}(不|没|又|一直|总是|老是)|(不|没)[^,.!?;。]{0,8}(你们|你)(?!好)/;
const NOT_REPROACH = /(不好意思|不客气|没事|没关系|没问题|不用谢|不错|能不能|是不是|可不可以|行不行|会不会|要不要|有没有|对不对|好不好)/g;
// - something that should have happened did not: nothing received, no refund, no response, nobody
//   answering ("还没到账", "打过去没人接"); "有没有收到" asks;
const DID_NOT_HAPPEN = /(?<!有)没有?(收到|到账|反应|人接|人理|人管|人回|回复|回音|消息|动静)/;
// - the reply missed the point: the customer asks for a straight answer or says what they asked.
const MISSED_POINT = /(回答我|直说|说直接点|直接一点|听不懂|没听懂|我(问|说)的是|不是这个意思|答非所问|绕(那么多|什么|来绕去)|正面回答|说清楚)/;
const STICKER_ONLY = /^\s*(#e-[a-z]?\[[^\]]*\]|\[[^\]]{1,8}\]|\p{Extended_Pictographic}|\s)*\s*$/u;

function unhappyWithReply(text: string): boolean {
  return AT_YOU.test(text.replace(NOT_REPROACH, '')) || DID_NOT_HAPPEN.test(text) || MISSED_POINT.test(text);
}

/** One customer message's sentiment; null for an empty message or a sticker alone. */
export function messageSentiment(analysis: ConversationAnalysis, need: AnswerNeed, message: AnalyzedMessage): Sentiment | null {
  const text = message.text;
  if (message.message.kind !== 'text' || STICKER_ONLY.test(text)) return null;
  const complaint = analysis.acts.distress(message) !== undefined;
  if (complaint) return THREAT.test(text) || PRESSED.test(text) || CHALLENGE.test(text) ? -2 : -1;
  if (THREAT.test(text) || CHALLENGE.test(text) || REPROACH.test(text) || unhappyWithReply(text)) return -1;
  const turn = need.judge(message);
  if (turn.closes && !BUT.test(text)) return PRAISE.test(text) ? 2 : 1;
  return 0;
}

/** The customer's messages that say something, with their sentiment, in order. */
export function customerSentiments(analysis: ConversationAnalysis, need: AnswerNeed): Array<{ message: AnalyzedMessage; sentiment: Sentiment }> {
  const read: Array<{ message: AnalyzedMessage; sentiment: Sentiment }> = [];
  for (const message of analysis.messages) {
    if (!isCustomerMessage(message.message)) continue;
    const sentiment = messageSentiment(analysis, need, message);
    if (sentiment !== null) read.push({ message, sentiment });
  }
  return read;
}

/**
 * Start, end and worst. The end is the customer's last burst as a whole: "还没到" then "算了" ends
 * on giving up, "好的" then "谢谢" on thanks; a burst that holds both ends on the lower.
 */
export function conversationSentiment(read: ReadonlyArray<{ message: AnalyzedMessage; sentiment: Sentiment }>, lastBurstFrom: number): ConversationSentiment | null {
  if (read.length === 0) return null;
  const values = read.map((r) => r.sentiment);
  const tail = read.filter((r) => r.message.seq >= lastBurstFrom).map((r) => r.sentiment);
  const closing = tail.length > 0 ? tail : [values.at(-1)!];
  const negative = closing.filter((s) => s < 0);
  const end = (smallest(negative) ?? closing.at(-1)!) as Sentiment;
  return { start: values[0]!, end, worst: smallest(values) as Sentiment };
}
