import type { AnalyzedMessage, ConversationAnalysis, CustomerBurst } from '../engine/analysis.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { isCustomerMessage, isHumanReply, type Message } from '../model/conversation.js';
import { isPhoneCall } from '../engine/conversation-shape.js';

// The agent's closing check, and the customer's "no, nothing else".
const ANYTHING_ELSE = /还有(什么|其他|其它|别的)[^,.!?;。！？；]{0,12}(吗|呢|么|\?)/;
const NOTHING_ELSE = /^(没有|没了|没有了|没啦|没有啦|不用了|没事了|暂时没有)[了啊呢哦哈~～。.!！]*$/;


// Stickers and masks say nothing that needs an answer: "#E-s[数字x]", "[呵呵]", "[表情]", emoji.
// Masked data ("[数字x]", "[orderid_…]") does: a customer who sends an order number waits for a reply.
const STICKER = /#e-[a-z]\[[^\]\s]{1,12}\]|\[(?!数字|金额|日期|时间|姓名|地址|电话|orderid|链接|邮箱|身份证)[^\][\s]{1,8}\]|\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}]|\u{fe0f}/gu;
const CLAUSE = /[^,.!?;:。、！？；…~～\s\n\r]+/g;
// Han text, a number or a Latin word; "(⊙o⊙)" is a face.
const SUBSTANCE = /[\p{Script=Han}\p{N}]|[a-z]{2}/u;

// A clause asks when it ends on a question mark or a question particle, or holds a question word.
// "没什么问题了" has 什么 but asks nothing.
const QUESTION_WORD = /(怎么|谁|为什么|为啥|(?<!没|没有)什么|多久|多少|(?<!嗯)哪|何时|几时|几点|几天|咋|是否|是不是|有没有|能不能|可不可以|会不会)/g;
const QUESTION_END = /[吗么嘛][呢啊呀哦]*$/;
// The customer still wants something, or the thanks is a "but": "谢谢，但我还是想退".
// "麻烦你了", "请查收", "但愿" and "还是谢谢" are politeness, not a request or a complaint; "我还是用网页版吧" is a
// decision, while "还是不行" says the problem is still there.
const STILL_WANTS = /(我要(?!说)|我想(?!想)|想要|需要|请(?!查收|教)|麻烦(?!你了|您了|了)|怎么办|(?<!不)但(?!愿)|可是|不过(?!还是谢|谢)|然而|却|还是(?=不|没|一样|老样子|这样|那样|有|会|卡|慢|坏|失败|错)|仍然|依然|依旧|还没|没人|不行|不能|不了|不对|没收到|没到|没用|太慢|失望|差评|不满)/g;
// "帮我查一下" asks; "已经帮我退订了", "说会给我退" and "有人给我打电话了" report what others did.
const FOR_ME = /(?<!已经|刚刚|刚才|已|刚|都|会|将|说)(帮我|给我)/g;
const DONE = /[了啦]$/;
// "说下周会帮我退订": someone else's words, reported.
const REPORTED = /^(客服|他|她|他们|她们|对方|人家|师傅)?说/;
// Data the customer was asked for: an order or phone number, an e-mail, a masked value. JDDC also
// masks the digits of emoticons ("么么哒^[数字x]^"), so a masked number only counts beside a word
// that says what it numbers.
// Service numbers (10010, 95588, 12315) are not the customer's data.
// An address's name is at most 64 characters: an unbounded one would be retried from every letter of
// a long run of them, in quadratic time.
const DATA = /((?<![0-9])(?!(100[0-9]{2}|95[0-9]{3}|12[0-9]{3})(?![0-9]))[0-9]{4,}|[a-z0-9._-]{1,64}@[a-z0-9-]+\.[a-z]|\[(orderid|电话|地址|姓名|邮箱|身份证))/g;
const MASKED_NUMBER = /\[(数字|金额)x\]/g;
const NUMBERED = /(号|码|单|账|额|钱|元|块|价|费|编)/;
// A negation right before a closing word undoes it ("不满意", "还没恢复"); one further back does
// not ("没有了，谢谢" thanks all the same).
const NEGATED = /(不|没|没有|未|别|无|不太|不是很|不怎么|并不|还没|还未)$/;
const FILLER = /[了呢啊呀哦哈吧的啦嘛哒滴哟噢喔亲]|你们|您们|你|您|我们|我|那|就|也|都|先/g;

type ClauseKind = 'empty' | 'asks' | 'resolved' | 'closing' | 'acknowledgement' | 'statement';

/** Where the last match of a global regex starts in `text`, or -1. */
function lastIndex(text: string, regex: RegExp): number {
  let last = -1;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    last = m.index;
    if (m[0].length === 0) regex.lastIndex++;
  }
  return last;
}

/** What one customer message leaves open. */
export interface CustomerTurn {
  /** The customer waits for an answer: a question, a request, a complaint, data, news. */
  readonly needsAnswer: boolean;
  /** The customer closed the topic (thanks, goodbye, "fixed now"): what they said before is settled. */
  readonly closes: boolean;
  /** What waits is only a statement: no question, request, "but" or data. */
  readonly remark: boolean;
}

/**
 * Tells whether a customer message waits for an answer. Thanks, goodbyes, "it works now",
 * "I'll wait for your call", bare acknowledgements, stickers and empty messages do not: the
 * customer has closed the topic. A clause that also asks, wants something, says "but" after the
 * thanks, or carries data does. Shared by unanswered-customer and slow-response, which must
 * agree on what needs a reply.
 */
export class AnswerNeed {
  constructor(
    private readonly closing: Lexicon,
    private readonly resolved: Lexicon,
    private readonly acknowledgement: Lexicon,
  ) {}

  needsAnswer(message: AnalyzedMessage): boolean {
    return this.judge(message).needsAnswer;
  }

  /**
   * Where a customer burst's wait starts: its first message that needs an answer. After "好的" and a
   * sticker the customer is not waiting until they ask something. Undefined when nothing waits.
   */
  waitStart(analysis: ConversationAnalysis, burst: CustomerBurst): AnalyzedMessage | undefined {
    return burst.customerSeqs.map((seq) => analysis.messages[seq]!).find((m) => this.needsAnswer(m));
  }

  /** Judgements already made: several rules and metrics ask about the same message. */
  private readonly judged = new WeakMap<AnalyzedMessage, CustomerTurn>();

  judge(message: AnalyzedMessage): CustomerTurn {
    let turn = this.judged.get(message);
    if (!turn) this.judged.set(message, (turn = this.judgeMessage(message)));
    return turn;
  }

  private judgeMessage(message: AnalyzedMessage): CustomerTurn {
    // A picture or a file is evidence (a screenshot, an invoice) that the agent has to look at.
    if (message.message.kind === 'image' || message.message.kind === 'file') return { needsAnswer: true, closes: false, remark: false };
    const text = message.text.replace(STICKER, (sticker) => ' '.repeat(sticker.length));
    const kinds = [...text.matchAll(CLAUSE)].map((clause) => this.clauseKind(clause[0], text[clause.index! + clause[0].length]));
    // "刚才还是卡，现在又好了": a problem that went away settles what the message said before it.
    // Thanks do not: "帮我查一下，谢谢" is thanks in advance.
    const settled = kinds.lastIndexOf('resolved');
    const open = kinds.slice(settled + 1);
    if (open.includes('asks')) return { needsAnswer: true, closes: false, remark: false };
    // A statement beside thanks is context for the thanks ("谢谢，睡了一觉起来全都正常").
    if (open.includes('closing') || settled >= 0) return { needsAnswer: false, closes: true, remark: false };
    const statement = open.includes('statement');
    return { needsAnswer: statement, closes: false, remark: statement };
  }

  private clauseKind(clause: string, after: string | undefined): ClauseKind {
    if (!SUBSTANCE.test(clause)) return 'empty';
    // "我的退款呢" asks where it is; "好的呢" only softens an acknowledgement.
    if (after === '?' || QUESTION_END.test(clause) || (clause.endsWith('呢') && !this.isAcknowledgement(clause))) return 'asks';
    const asserted = (lexicon: Lexicon) => lexicon.matchAll(clause).filter((hit) => !NEGATED.test(clause.slice(0, hit.start)));
    const resolved = asserted(this.resolved);
    const closing = asserted(this.closing);
    const lastClose = Math.max(-1, ...[...resolved, ...closing].map((hit) => hit.start));
    // A question or a "but" after the thanks keeps the clause open; one before it is answered by it
    // ("虽然没弄明白原因，不过重装以后就修好了").
    const lastData = Math.max(lastIndex(clause, DATA), NUMBERED.test(clause) ? lastIndex(clause, MASKED_NUMBER) : -1);
    const lastRequest = REPORTED.test(clause) || DONE.test(clause) ? -1 : lastIndex(clause, FOR_ME);
    const lastAsk = Math.max(lastIndex(clause, QUESTION_WORD), lastIndex(clause, STILL_WANTS), lastRequest, lastData);
    if (lastAsk > lastClose || (lastAsk >= 0 && lastClose < 0)) return 'asks';
    if (resolved.length > 0) return 'resolved';
    if (closing.length > 0) return 'closing';
    return this.isAcknowledgement(clause) ? 'acknowledgement' : 'statement';
  }

  /** Bare acknowledgements close only the clause they fill: "好的" does, "好像没收到" does not. */
  private isAcknowledgement(clause: string): boolean {
    let rest = clause;
    for (const hit of this.acknowledgement.matchAll(clause).reverse()) rest = rest.slice(0, hit.start) + rest.slice(hit.end);
    return !SUBSTANCE.test(rest.replace(MASKED_NUMBER, '').replace(FILLER, ''));
  }
}

/** A system event that hands the conversation to another queue or agent, which answers from there. */
function isTransfer(message: Message): boolean {
  if (message.role !== 'system' || message.kind !== 'event') return false;
  if (message.event !== undefined) return message.event === 'transfer' || message.event === 'assign';
  return /转(接|交|给|入|至|到)/.test(message.text);
}

// The agent asked something or asked for something: "请问是哪个型号？", "请提供订单号". A bare
// statement from the customer after that is the answer, and the agent owes the next step.
// A closing 呢 softens ("祝贺亲呢～"); it does not ask.
const AGENT_ASKS = /([?？]|[吗么][呀啊哦~～。.!！\s]*$|请问|请(您|你)?(提供|告知|私信|发|留)|麻烦(您|你)?(提供|告知|私信|发)|方便(提供|告知|私信)|发(一下|下|给我))/;

/** The lists AnswerNeed reads, for the rules that share it. */
export const ANSWER_NEED_LEXICONS = ['unanswered-customer.closing', 'unanswered-customer.resolved', 'unanswered-customer.acknowledgement'] as const;

export function answerNeedFrom(lexicon: (id: string) => Lexicon): AnswerNeed {
  const [closing, resolved, acknowledgement] = ANSWER_NEED_LEXICONS.map(lexicon);
  return new AnswerNeed(closing!, resolved!, acknowledgement!);
}

/** The customer messages a conversation ends on that nobody answered, as unanswered-customer judges them. */
export interface UnansweredTail {
  /** The first of the closing customer messages that waits for an answer. */
  first: AnalyzedMessage;
  /** Customer messages from `first` to the end. */
  count: number;
  /** The last human reply before them, whose agent was responsible. */
  lastHuman?: AnalyzedMessage;
}

/**
 * Whether the conversation ends with the customer waiting: customer messages after the last human
 * reply that need an answer, not settled by the customer's own thanks, and not handed to another
 * queue. Shared by unanswered-customer and the report's unanswered count.
 */
export function unansweredTail(analysis: ConversationAnalysis, need: AnswerNeed): UnansweredTail | undefined {
  // A call is answered while it lasts: the agent is on the line. A transcript's last lines are cut by
  // the hang-up, and the recogniser gives the agent's goodbye to the customer as often as not.
  if (isPhoneCall(analysis.conversation)) return undefined;
  const { messages } = analysis;
  const lastHuman = messages.filter((m) => isHumanReply(m.message)).at(-1);
  const after = messages.filter((m) => m.seq > (lastHuman?.seq ?? -1));
  // Handed to another queue: the answer comes there, in a conversation this export may not hold.
  if (after.some((m) => isTransfer(m.message))) return undefined;
  const waiting = after.filter((m) => isCustomerMessage(m.message)).map((m) => ({ m, turn: need.judge(m) }));
  // "为什么还没发货" followed by "好吧，谢谢" ends the topic on the customer's own word.
  const settled = waiting.map((w) => w.turn.closes).lastIndexOf(true);
  // A remark on its own ("今天吃得太饱了", "行吧，那也没办法") closes a thread as often as it opens
  // one. It waits for an answer when nobody has answered the customer yet, when the agent had
  // asked for it, or when it is a complaint.
  const invited = !lastHuman || AGENT_ASKS.test(lastHuman.text);
  const complains = (m: AnalyzedMessage) => analysis.acts.distress(m) !== undefined;
  const first = waiting.slice(settled + 1).find((w) => w.turn.needsAnswer && (!w.turn.remark || invited || complains(w.m)))?.m;
  if (!first) return undefined;
  // "请问还有其他可以帮您的吗?" answered "没有": the customer closed the conversation.
  if (lastHuman && ANYTHING_ELSE.test(lastHuman.text) && waiting.every((w) => NOTHING_ELSE.test(w.m.text.trim()))) return undefined;
  return { first, count: waiting.filter((w) => w.m.seq >= first.seq).length, lastHuman };
}
