import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches, isHypotheticalAt } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { Lexicon, LexiconMatch } from '../src/lexicon/lexicon.js';
import { clauseBounds } from '../src/text/clauses.js';

const SENTENCE_BREAK = /[。！？!?\n\r]/u;

function sentenceBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return text.slice(start, index);
}

// "卖家答应您好评就返还5元" reports what someone else offered; "平台禁止好评返现" states the rule. Only
// the agent's own request or offer is manipulation.
const THIRD_PARTY = /(卖家|商家|店家|店铺|对方|他们|她们|他|她|有人|别人|其他人|骗子|不法分子|第三方)[^,.!?;。！？；]{0,10}$/u;
const RULE_STATEMENT = /(禁止|严禁|不允许|不得|违规|违反|不支持|不存在|举报|投诉|属于|虚假|诱导|骗局|谨防|警惕)/u;

type MessageId = 'begForReview' | 'compensationForReview' | 'demandPositive';

export default defineRule({
  meta: {
    id: 'review-manipulation',
    title: '索要好评/求免差评',
    category: 'compliance',
    defaultSeverity: 'warn',
    scope: 'message',
    description: '客服恳求客户不给差评、删改差评，用补偿换取评价（好评返现），或要求客户给指定的好评',
    messages: {
      begForReview: '求免差评：恳求客户不给差评或删改评价（“{phrase}”）。评价由客户自主作出，先把问题解决好。',
      compensationForReview: '以补偿换评价：用补偿换取评价（“{phrase}”）。补偿只能针对问题本身，不能与好评或删改差评挂钩。',
      demandPositive: '索要好评：要求客户给出指定的评价结果（“{phrase}”）。邀请评价时不要指定分数或好评。',
    },
    schema: z.strictObject({
      /**
       * Also report requests for a particular rating ("给个五星好评哦") with no plea and no reward.
       * Some shops accept these; begging and trading for reviews are reported either way.
       */
      positiveRequests: z.boolean().default(true),
    }),
    lexicons: ['review-manipulation.beg', 'review-manipulation.compensation', 'review-manipulation.positive'],
    hasSuggestions: true,
  },
  create(context) {
    const beg = context.lexicon('review-manipulation.beg');
    const compensation = context.lexicon('review-manipulation.compensation');
    const positive = context.lexicon('review-manipulation.positive');

    /**
     * Matches the agent asserts as its own request. Questions are kept on purpose: "能不能改成好评"
     * begs in the form of a question. Negation is left to the lists for begging, whose phrases
     * start with the negation ("别给差评").
     */
    function ownRequests(message: AnalyzedMessage, lexicon: Lexicon, negation: boolean): LexiconMatch[] {
      const text = message.text;
      return assertedMatches(message, lexicon, { negation, hypotheticals: false }).filter((m) => {
        const before = sentenceBefore(text, m.start);
        if (THIRD_PARTY.test(before)) return false;
        const [clauseStart, clauseEnd] = clauseBounds(text, m.start);
        if (RULE_STATEMENT.test(text.slice(clauseStart, Math.max(clauseEnd, m.end)))) return false;
        // "如果您对服务满意，记得好评" still asks; but "如果有人说好评返现" reports a rumour.
        return !(isHypotheticalAt(text, m.start) && /(有人|别人|卖家|商家)/u.test(before));
      });
    }

    return {
      agentMessage(message) {
        const found: Array<[MessageId, LexiconMatch]> = [];
        const traded = ownRequests(message, compensation, true)[0];
        if (traded) found.push(['compensationForReview', traded]);
        const begged = ownRequests(message, beg, false)[0];
        if (begged && !found.some(([, m]) => m.start < begged.end && m.end > begged.start)) found.push(['begForReview', begged]);
        if (found.length === 0 && context.options.positiveRequests) {
          const asked = ownRequests(message, positive, true)[0];
          if (asked) found.push(['demandPositive', asked]);
        }
        for (const [messageId, hit] of found) {
          context.report({
            messageId,
            data: { phrase: message.originalSlice(hit.start, hit.end) },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: '中立地邀请评价，不提分数、不附条件，例如：“麻烦您对本次服务进行评价，您的反馈能帮我们做得更好。”',
          });
        }
      },
    };
  },
});
