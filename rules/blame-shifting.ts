import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';

export default defineRule({
  meta: {
    id: 'blame-shifting',
    title: '推诿',
    category: 'ownership',
    defaultSeverity: 'error',
    scope: 'message',
    description: '客服把问题推给快递、厂家、平台、其他部门或客户本人，且没有承担跟进',
    messages: {
      blameParty: '推诿：把问题归咎于他方（“{phrase}”），却没有说明我方会如何跟进。',
      blameCustomer: '推诿：把责任归到客户身上（“{phrase}”）。先解决问题，再说明原因。',
      disown: '推诿：撇清责任（“{phrase}”）。客户只关心问题谁来解决。',
    },
    schema: z.strictObject({
      /** Accept an apology in the same message as ownership. Off by default: an apology alone does not solve anything. */
      apologyCountsAsOwnership: z.boolean().default(false),
    }),
    lexicons: ['blame-shifting', 'blame-shifting.ownership', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
  },
  create(context) {
    const blame = context.lexicon('blame-shifting');
    const ownership = context.lexicon('blame-shifting.ownership');
    const apology = context.lexicon('missing-empathy.acknowledgement');
    return {
      agentMessage(message) {
        const hits = assertedMatches(message, blame, { questions: true, hypotheticals: true });
        if (hits.length === 0) return;
        if (assertedMatches(message, ownership).length > 0) return;
        if (context.options.apologyCountsAsOwnership && assertedMatches(message, apology).length > 0) return;
        const hit = hits[0]!;
        const phrase = message.text.slice(hit.start, hit.end);
        const messageId = /您|你/.test(phrase) && !/我们|我司|本店|客服|咱们|我这边/.test(phrase)
          ? 'blameCustomer'
          : /(不归|不是|不属于|无关|没有?关|管不了|不在)/.test(phrase) ? 'disown' : 'blameParty';
        context.report({
          messageId,
          data: { phrase: message.originalSlice(hit.start, hit.end) },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
          suggestion: '先致歉并说明我方会怎么跟进，例如：“给您添麻烦了，我这边马上帮您联系处理，有结果第一时间告诉您。”',
        });
      },
    };
  },
});
