import type { AnalyzedMessage } from '../engine/analysis.js';
import type { Lexicon, LexiconMatch } from '../lexicon/lexicon.js';
import type { Message } from '../model/conversation.js';
import { isNegatedAt } from '../text/clauses.js';
import { isHypotheticalAt } from '../engine/matching.js';

const CLAUSE = /[^,.!?;:。、！？；…~～\s\n\r]+/g;
const SENTENCE_END = /[.!?;。！？；\n\r]/;

// "拨10086转人工一直占线" and "拨了三次人工服务" tell what happened on the phone: the customer is
// complaining about a hotline, not asking this chat for a person.
const PHONE = /(打|拨|致电|电话|热线|来电|按键|接听|接通|占线|按[0-9零一二三四五六七八九]|(?<![0-9])(10[0-9]{3,}|400|95[0-9]{3})(?![0-9]))/;

// Someone else's words: "机器人让我转人工", "客服说转人工要排队".
const NOT_A_REQUEST_NOW = /(让我|叫我|要我|(客服|他|她|机器人|系统|你们?)(说|告诉|让|提示))/;

/** An agent who left, or a conversation passed on: whoever was there is no longer answering. */
export function humanLeft(message: Message): boolean {
  if (message.role !== 'system' || message.kind !== 'event') return false;
  if (message.event !== undefined) return message.event === 'leave' || message.event === 'transfer';
  return /(离开|退出|转接|转交|下线)/.test(message.text);
}

/**
 * Finds a request for a human in a customer message, clause by clause, leaving out phone talk,
 * someone else's words, negations and hypotheticals. Shared with the report's human-request counts.
 */
export function humanRequestFinder(requestList: Lexicon): (message: AnalyzedMessage) => LexiconMatch | undefined {
  return (message) => {
    const text = message.text;
    if (!requestList.mayMatchWithin(text)) return undefined;
    for (const clause of text.matchAll(CLAUSE)) {
      const offset = clause.index!;
      for (const hit of requestList.matchAll(clause[0])) {
        const start = offset + hit.start;
        // The phone talk can sit a few words back, past a space: "拨10086查询失败 转人工 一直排队".
        const sentenceBefore = text.slice(0, start).split(SENTENCE_END).at(-1)!;
        if (PHONE.test(sentenceBefore) || PHONE.test(clause[0]) || NOT_A_REQUEST_NOW.test(clause[0])) continue;
        if (isNegatedAt(text, () => message.tokens, start) || isHypotheticalAt(text, start)) continue;
        return { entry: hit.entry, start, end: offset + hit.end };
      }
    }
    return undefined;
  };
}
