import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import { countBefore } from '../src/sorted.js';
import type { Lexicon } from '../src/lexicon/lexicon.js';
import { isCustomerMessage } from '../src/model/conversation.js';
import { clauseBounds } from '../src/text/clauses.js';
import { contentTokens, similarityPrefix, tokenSimilarity } from '../src/text/similarity.js';
import type { Token } from '../src/text/segment.js';

/** How many earlier answered replies each reply is compared with, at most. */
const MAX_EARLIER_REPLIES = 200;

// Platform masks in exports such as JDDC, after normalisation (lower-cased). Sticker codes and
// bracketed emoticons ("#E-s[数字x]", "[呵呵]") say nothing; masked values ("[数字x]", "[金额x]")
// hide data that may differ between two replies; masked order ids keep their number.
const STICKER = /#e-[a-z]\[[^\]\s]{1,12}\]/gu;
const HIDDEN_VALUE = /\[(?:数字|金额|日期|时间|姓名|地址|电话|组织机构|邮箱|身份证号)x\]/gu;
const OTHER_MASK = /\[[^\][\s]{1,12}\]/gu; // [站点x], [链接x], [呵呵]: no data we can compare
const ORDER_ID = /\[orderid_(\d+)\]/gu;
const DIGIT = /\d/u;
const MASKED_VALUE = '\u0000masked';

/** Words that pad a reply without changing what it says: "嗯嗯 亲亲，…呢" is the same reply as "…". */
const FILLER_WORDS = new Set([
  '嗯', '嗯嗯', '恩', '好', '好的', '好滴', '好得', '亲', '亲亲', '亲爱的', '您好', '你好', '哦', '哦哦', '噢',
  '呢', '哈', '哈哈', '呀', '啊', '吧', '啦', '哒', '哟', '嘛', '呐', '哈亲', '嗯呐',
]);

/** What one reply says once masks, stock courtesy and filler are set aside. */
interface ReplySubstance {
  /** Content words, in order. */
  readonly words: string[];
  /** Concrete data: numbers, order ids, codes. Two replies with different data are different replies. */
  readonly data: string[];
  /** The reply carries a masked value ([数字x]) whose content cannot be compared. */
  readonly hidesData: boolean;
  /** [start, end) of the compared part in the normalised text, for the highlight. */
  readonly span: [number, number] | undefined;
}

function spansOf(text: string, regex: RegExp): Array<[number, number]> {
  return [...text.matchAll(regex)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]);
}

const overlaps = (token: Token, spans: ReadonlyArray<[number, number]>) => spans.some(([s, e]) => token.start < e && token.end > s);

function substanceOf(message: AnalyzedMessage, courtesy: Lexicon, signoff: Lexicon): ReplySubstance {
  const text = message.text;
  const ignored: Array<[number, number]> = spansOf(text, STICKER);
  for (const hit of courtesy.matchAll(text)) ignored.push(clauseBounds(text, hit.start));
  const farewell = signoff.matchAll(text)[0];
  if (farewell) ignored.push([clauseBounds(text, farewell.start)[0], text.length]);
  const inSubstance = ([start, end]: [number, number]) => !overlaps({ text: '', start, end }, ignored);
  const orderIds = [...text.matchAll(ORDER_ID)].filter((m) => inSubstance([m.index!, m.index! + m[0].length]));
  const hidesData = spansOf(text, HIDDEN_VALUE).some(inSubstance);
  ignored.push(...spansOf(text, ORDER_ID), ...spansOf(text, OTHER_MASK));

  const kept = message.tokens.filter((t) => !overlaps(t, ignored));
  const words: string[] = [];
  const data: string[] = orderIds.map((m) => `orderid:${m[1]}`);
  for (const word of contentTokens(kept)) {
    if (FILLER_WORDS.has(word)) continue;
    if (DIGIT.test(word)) data.push(word);
    else words.push(word);
  }
  const meaningful = kept.filter((t) => !FILLER_WORDS.has(t.text) && contentTokens([t]).length > 0);
  const span: [number, number] | undefined = meaningful.length > 0 ? [meaningful[0]!.start, meaningful[meaningful.length - 1]!.end] : undefined;
  return { words, data, hidesData, span };
}

// A negation flips what a reply says: "支持七天无理由退货" and "不支持七天无理由退货" are different replies
// however many other words they share. jieba may keep the negator inside the word (不支持).
const NEGATION = /^(?:不|没|未|无|非|别|勿)/u;
const negationsOf = (words: readonly string[]) => words.filter((w) => NEGATION.test(w));

/** Multiset equality. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && tokenSimilarity(a, b) === 1;
}

/** Words in one reply and not the other, counted with multiplicity. */
function differingWords(a: readonly string[], b: readonly string[]): number {
  const shared = Math.round((tokenSimilarity(a, b) * (a.length + b.length)) / 2);
  return a.length + b.length - 2 * shared;
}

/** Customer text carries data when it holds a number, an order id or a masked value. */
function carriesData(message: AnalyzedMessage): boolean {
  const text = message.text.replace(STICKER, '');
  return DIGIT.test(text) || spansOf(text, HIDDEN_VALUE).length > 0 || /\[orderid_/u.test(text);
}

export default defineRule({
  meta: {
    id: 'robot-reply',
    title: '机械回复',
    category: 'tone',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户说了新内容后，客服仍发出与之前相同的实质内容（含用同一模板回答不同问题），或机器人兜底回复循环',
    messages: {
      repeatedReply: '机械回复：与第 {earlier} 条回复几乎相同（相似度 {similarity}）。换一种说法，或直接推进问题。',
      templateForDistinctQuestions: '机械回复：客户问的是不同的问题，却得到与第 {earlier} 条相同的模板回复（相似度 {similarity}）。',
      botFallbackLoop: '机器人兜底循环：机器人第 {count} 次没听懂客户，仍未转人工。',
    },
    schema: z.strictObject({
      /**
       * Token similarity (Dice, 0–1) at or above which two replies count as the same. Also caps the
       * words that may differ at (1 − threshold) of the shorter reply, so that in a short reply one
       * changed word ("您的手机号" → "您以前的手机号") makes a different reply.
       */
      threshold: z.number().min(0.5).max(1).default(0.9),
      /** Replies with fewer content words, after courtesy and filler are set aside, are too short to call robotic. */
      minTokens: z.number().int().min(1).default(6),
      /**
       * Replies with at least this many content words are pasted templates and count on their first
       * repeat. Shorter ones ("请问您收到的商品还在身边吗") are usually a question asked again because the
       * answer was unclear, so they count only when sent a third time. 15 comes from reading the
       * corpus hits: pasted templates ran to 17 words and more, re-asks to 13 and fewer.
       */
      templateTokens: z.number().int().min(1).default(15),
      /** Customer questions less similar than this are distinct questions. */
      distinctQuestionBelow: z.number().min(0).max(1).default(0.5),
      /** Bot fallbacks ("没听懂，换个说法") with no human reply between them before it counts as a loop. */
      maxBotFallbacks: z.number().int().min(2).default(2),
    }),
    lexicons: ['robot-reply.fallback', 'robot-reply.courtesy', 'robot-reply.signoff'],
    hasSuggestions: false,
  },
  create(context) {
    const { threshold, minTokens, templateTokens, distinctQuestionBelow, maxBotFallbacks } = context.options;
    const fallback = context.lexicon('robot-reply.fallback');
    const courtesy = context.lexicon('robot-reply.courtesy');
    const signoff = context.lexicon('robot-reply.signoff');
    const messages = context.analysis.messages;
    /** Earlier replies the customer has since answered; a reply sent twice in a row is a double send, not a robot. */
    const answeredReplies: Array<{ message: AnalyzedMessage; substance: ReplySubstance }> = [];
    let unansweredReplies: Array<{ message: AnalyzedMessage; substance: ReplySubstance }> = [];
    let fallbackCount = 0;

    const customerWordCache = new Map<number, string[]>();
    /** A customer message's content words, with each masked value as the word MASKED_VALUE. */
    const customerWords = (m: AnalyzedMessage): string[] => {
      const cached = customerWordCache.get(m.seq);
      if (cached) return cached;
      const stickers = spansOf(m.text, STICKER);
      const masks = [...stickers, ...spansOf(m.text, OTHER_MASK), ...spansOf(m.text, ORDER_ID)];
      const words = contentTokens(m.tokens.filter((t) => !overlaps(t, masks))).filter((w) => !FILLER_WORDS.has(w));
      const values = [...spansOf(m.text, HIDDEN_VALUE), ...spansOf(m.text, ORDER_ID)].filter(([s, e]) => !stickers.some(([a, b]) => s < b && e > a));
      const result = [...words, ...values.map(() => MASKED_VALUE)];
      customerWordCache.set(m.seq, result);
      return result;
    };

    // When the customer last said something new. A customer message is new after an agent message
    // at e when one of its words was first said after e, or it holds a masked value (which may be a
    // different number each time). So the customer said something new between the replies at e and
    // s exactly when some customer message before s was first said after e: when e < latestNew(s),
    // the largest "first said" among the customer messages before s. Kept up to date as messages
    // are read, once each: comparing a reply with every earlier one stays linear.
    const firstSaid = new Map<string, number>();
    let latestNew = -1;
    let newnessUpTo = 0;
    const latestNewBefore = (seq: number): number => {
      for (; newnessUpTo < seq; newnessUpTo++) {
        const m = messages[newnessUpTo]!;
        if (!isCustomerMessage(m.message)) continue;
        let newest = -1;
        for (const word of customerWords(m)) {
          if (word === MASKED_VALUE) newest = m.seq;
          else {
            if (!firstSaid.has(word)) firstSaid.set(word, m.seq);
            newest = Math.max(newest, firstSaid.get(word)!);
          }
        }
        latestNew = Math.max(latestNew, newest);
      }
      return latestNew;
    };

    // Earlier answered replies, found by the words they share with a new one (see similarityPrefix).
    const prefixOf = (words: readonly string[]) => similarityPrefix(words, threshold);
    const byPrefixWord = new Map<string, number[]>();
    const answer = (reply: { message: AnalyzedMessage; substance: ReplySubstance }) => {
      const index = answeredReplies.length;
      answeredReplies.push(reply);
      for (const element of prefixOf(reply.substance.words)) {
        const list = byPrefixWord.get(element);
        if (list) list.push(index);
        else byPrefixWord.set(element, [index]);
      }
    };
    /**
     * Indexes into answeredReplies of the replies that may be similar enough, in order, each once:
     * the lists of the prefix words merged as they are read, so a caller that stops early pays
     * only for what it read.
     */
    function* candidatesFor(words: readonly string[]): Generator<number> {
      // Only the latest replies are compared: a conversation of thousands of similar replies (a bot
      // loop, a wrong --map that makes one conversation of a whole export) stays linear.
      const from = Math.max(0, answeredReplies.length - MAX_EARLIER_REPLIES);
      const lists = prefixOf(words).map((element) => byPrefixWord.get(element) ?? []);
      const at = lists.map((list) => countBefore(list, from));
      let last = from - 1;
      for (;;) {
        let next = -1;
        for (let i = 0; i < lists.length; i++) {
          while (at[i]! < lists[i]!.length && lists[i]![at[i]!]! <= last) at[i]!++;
          const candidate = lists[i]![at[i]!];
          if (candidate !== undefined && (next < 0 || candidate < next)) next = candidate;
        }
        if (next < 0) return;
        yield next;
        last = next;
      }
    }

    /** Content words of the customer messages that the reply at `seq` answers. */
    const questionBefore = (seq: number): string[] => {
      const asked: string[] = [];
      for (let i = seq - 1; i >= 0; i--) {
        const m = messages[i]!;
        if (isCustomerMessage(m.message)) asked.unshift(...customerWords(m));
        else if (asked.length > 0) break;
      }
      return asked;
    };

    const lastCustomerBefore = (seq: number): AnalyzedMessage | undefined => {
      for (let i = seq - 1; i >= 0; i--) if (isCustomerMessage(messages[i]!.message)) return messages[i];
      return undefined;
    };

    const customerGaveDataBetween = (from: number, to: number): boolean =>
      messages.slice(from + 1, to).some((m) => isCustomerMessage(m.message) && carriesData(m));

    return {
      customerMessage() {
        for (const reply of unansweredReplies) answer(reply);
        unansweredReplies = [];
      },
      agentMessage(message) {
        fallbackCount = 0; // a human has joined: the bot loop, if any, is broken
        const substance = substanceOf(message, courtesy, signoff);
        if (substance.words.length < minTokens) return;
        unansweredReplies.push({ message, substance });
        let best: { message: AnalyzedMessage; similarity: number } | undefined;
        let copies = 0;
        let saidNewBefore: number | undefined;
        for (const index of candidatesFor(substance.words)) {
          const earlier = answeredReplies[index]!;
          // The customer only repeated themselves since this reply ("在吗", the same link again): the
          // same answer is fair. Candidates come in order, so none after this one qualifies either.
          saidNewBefore ??= latestNewBefore(message.seq);
          if (earlier.message.seq >= saidNewBefore) break;
          const a = earlier.substance;
          const b = substance;
          if (!sameItems(a.data, b.data)) continue; // different order numbers, amounts or codes
          if (!sameItems(negationsOf(a.words), negationsOf(b.words))) continue;
          // A masked value may carry what the customer just gave ("补偿您[数字x]元" after the customer typed "[数字x]元").
          if ((a.hidesData || b.hidesData) && customerGaveDataBetween(earlier.message.seq, message.seq)) continue;
          const similarity = tokenSimilarity(a.words, b.words);
          if (similarity < threshold) continue;
          if (differingWords(a.words, b.words) > Math.floor((1 - threshold) * Math.min(a.words.length, b.words.length) + 1e-9)) continue;
          copies++;
          if (!best || similarity > best.similarity) best = { message: earlier.message, similarity };
          // Nothing later can be more similar than the same words, and enough copies are counted.
          if (best.similarity === 1 && (copies >= 2 || substance.words.length >= templateTokens)) break;
        }
        if (!best) return;
        if (substance.words.length < templateTokens && copies < 2) return;
        const questionNow = questionBefore(message.seq);
        const questionThen = questionBefore(best.message.seq);
        const distinct = questionNow.length > 0 && questionThen.length > 0 && tokenSimilarity(questionNow, questionThen) < distinctQuestionBelow;
        const trigger = lastCustomerBefore(message.seq);
        context.report({
          messageId: distinct ? 'templateForDistinctQuestions' : 'repeatedReply',
          data: { earlier: best.message.seq + 1, similarity: best.similarity.toFixed(2) },
          messageSeq: message.seq,
          normalizedRange: substance.span ?? [0, message.text.length],
          trigger: trigger ? { messageSeq: trigger.seq } : undefined,
        });
      },
      botMessage(message) {
        const hit = fallback.matchAll(message.text)[0];
        if (!hit) return;
        fallbackCount++;
        if (fallbackCount !== maxBotFallbacks) return; // report the loop once, when it forms
        const trigger = lastCustomerBefore(message.seq);
        context.report({
          messageId: 'botFallbackLoop',
          data: { count: fallbackCount },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
          trigger: trigger ? { messageSeq: trigger.seq } : undefined,
        });
      },
    };
  },
});
