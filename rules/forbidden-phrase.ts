import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { clausePhrase, dropClause, nextClause, originalFix, replaceClause } from '../src/text/clause-rewrite.js';
import { isRepeatedSpeechAt } from '../src/text/quotation.js';

/**
 * Polite clauses by phrase family. The whole clause of a banned phrase is replaced, subject and
 * particles included ("你懂不懂啊" → "可能是我没有说清楚，我再为您说明一下"); phrases of one
 * family in a row ("爱买不买，不买拉倒") become one clause. Insults and impatience have nothing to
 * say instead and are dropped. Phrases added from configuration match no family and are dropped too.
 */
interface Family {
  name: string;
  pattern: RegExp;
  /** The polite clause; none means the clause is dropped. */
  polite?: string;
  /** Dropped rather than replaced when other words follow the family's clauses. */
  dropBeforeMore?: boolean;
}

/** Whether words other than more phrases of the family follow the clause that ends at `end`. */
function moreFollows(text: string, end: number, family: Family): boolean {
  for (let next = nextClause(text, end); next; next = nextClause(text, next.end)) {
    if (!family.pattern.test(text.slice(next.start, next.end))) return true;
  }
  return false;
}

const FAMILIES: readonly Family[] = [
  // When the message goes on ("爱买不买，这已经是最低价了"), the rest is the answer and the phrase is dropped.
  { name: 'take-it-or-leave-it', pattern: /爱买不买|不买拉倒|爱要不要|不要拉倒|爱咋咋地|爱怎么样|嫌贵|买不起|随便/, polite: '您可以再考虑一下，有任何疑问随时问我', dropBeforeMore: true },
  // "你懂不懂，说了多少遍了" is one offer to explain again: the two families say it once between them.
  { name: 'explain-again', pattern: /懂|识字|长眼|说不清/, polite: '可能是我没有说清楚，我再为您说明一下' },
  { name: 'explain-again', pattern: /(说|讲|告诉).*(过|了)|遍|次/, polite: '我再为您说明一下' },
  { name: 'not-my-job', pattern: /自己|问谁|关我|找别人|找谁/, polite: '我来帮您查一下' },
  { name: 'provoking', pattern: /投诉|告|到底|这么多|那么多|问这么多/, polite: '给您带来不好的体验，非常抱歉，我来帮您看看怎么解决' },
];

// "页面上写得很清楚" after "你懂不懂" rubs it in; it is said again as a pointer to where it is written.
const RUBBED_IN = /^(.{1,12}?)(上面|上|里面|里)?(已经|都)?(写|标|注|说|讲)(得|的)(很|非常|特别|十分)?(清楚|明白|清清楚楚|明明白白)(了)?(的)?(啊|呀|吧)?$/u;
const WRITTEN_PLACE = /(页面|详情|说明|公告|页|书|规则|条款|通知|短信|邮件|订单)/u;

const familyOf = (phrase: string): Family => FAMILIES.find((family) => family.pattern.test(phrase)) ?? { name: 'rude', pattern: /$^/ };

/** Written advice when the message cannot be rewritten unattended. */
function advice(family: Family): string {
  return family.polite
    ? `把这句话换成礼貌的说法，例如：“${family.polite}。”`
    : '删去这句话，回到客户的问题上，例如：“我来帮您看看还有什么办法。”';
}

/** The edit for one hit, given where the previous rewritten clause of the same family ended. */
function edit(message: AnalyzedMessage, hit: LexiconMatch, family: Family, previous: { family: string; to: number } | undefined): { start: number; end: number; text: string } | null {
  const text = message.text;
  const phrase = clausePhrase(text, hit.start, hit.end);
  // The next clause of one family in a row says it again: it goes with the punctuation before it.
  if (previous && previous.family === family.name && !phrase.wordsBefore && !phrase.wordsAfter && /^[\s,.!?;:。、！？；…~～]+$/u.test(text.slice(previous.to, phrase.from))) {
    return { start: previous.to, end: phrase.to, text: '' };
  }
  if (!family.polite || (family.dropBeforeMore && moreFollows(text, phrase.clauseEnd, family))) return dropClause(phrase);
  const replaced = replaceClause(text, phrase, family.polite);
  if (!replaced || !/懂|识字|长眼|说不清/.test(text.slice(hit.start, hit.end))) return replaced;
  const next = nextClause(text, phrase.clauseEnd);
  const rubbed = next ? RUBBED_IN.exec(text.slice(next.start, next.end)) : null;
  if (!next || !rubbed || !WRITTEN_PLACE.test(rubbed[1]!) || phrase.asked) return replaced;
  // The words kept are quoted from the original, in the script and width the agent typed.
  const place = message.originalSlice(next.start, next.start + rubbed[1]!.length + (rubbed[2]?.length ?? 0));
  // An offer to explain followed by nothing would be hollow: the pointer and an offer to go through it take its place.
  const apology = replaced.text.replace('，我再为您说明一下', '');
  return { start: replaced.start, end: next.end, text: `${apology}${message.originalSlice(phrase.clauseEnd, next.start)}${place}也有相关说明，哪里不清楚您随时告诉我，我为您逐条解释` };
}

export default defineRule({
  meta: {
    id: 'forbidden-phrase',
    title: '服务禁语',
    category: 'tone',
    defaultSeverity: 'error',
    scope: 'message',
    description: '客服使用服务禁语：轻蔑、不耐烦、挑衅或辱骂客户的说法（你懂不懂、我已经说过了、爱买不买）',
    messages: {
      forbidden: '服务禁语：“{phrase}”。任何情况下都不应对客户这样说。',
    },
    schema: z.strictObject({}),
    lexicons: ['forbidden-phrase'],
    hasSuggestions: true,
    fixable: true,
  },
  create(context) {
    const forbidden = context.lexicon('forbidden-phrase');
    return {
      agentMessage(message) {
        // Every phrase is reported: a message with two insults has two problems.
        const hits = assertedMatches(message, forbidden, { hypotheticals: true }).filter((m) => !isRepeatedSpeechAt(message.text, m.start));
        let previous: { family: string; to: number } | undefined;
        for (const hit of hits) {
          const family = familyOf(message.text.slice(hit.start, hit.end));
          const change = edit(message, hit, family, previous);
          previous = change ? { family: family.name, to: change.end } : undefined;
          context.report({
            messageId: 'forbidden',
            data: { phrase: message.originalSlice(hit.start, hit.end) },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: advice(family),
            fix: change ? originalFix(message.normalized, change.start, change.end, change.text) : undefined,
          });
        }
      },
    };
  },
});
