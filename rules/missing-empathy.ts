import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';

export default defineRule({
  meta: {
    id: 'missing-empathy',
    title: '缺少共情',
    category: 'empathy',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户表达不满、着急或失望后，客服接下来的回复没有任何致歉或理解',
    messages: {
      noAcknowledgement: '缺少共情：客户表达了情绪（“{phrase}”），接下来 {window} 条回复都没有致歉或表示理解。',
    },
    schema: z.strictObject({
      /** How many human replies after the customer's message may hold the acknowledgement. */
      window: z.number().int().min(1).max(10).default(2),
    }),
    lexicons: ['missing-empathy.distress', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
  },
  create(context) {
    const distress = context.lexicon('missing-empathy.distress');
    const acknowledgement = context.lexicon('missing-empathy.acknowledgement');
    const { window } = context.options;
    const acknowledges = (m: AnalyzedMessage) => assertedMatches(m, acknowledgement).length > 0;
    // One finding per stretch of replies: several upset messages before one reply are one episode.
    const judgedReplies = new Set<number>();
    return {
      customerMessage(message) {
        const hit = assertedMatches(message, distress)[0];
        if (!hit) return;
        const replies = context.analysis.humanRepliesAfter(message.seq).slice(0, window);
        if (replies.length === 0) return; // nobody answered: unanswered-customer's concern
        const first = replies[0]!;
        if (judgedReplies.has(first.seq)) return;
        judgedReplies.add(first.seq);
        if (replies.some(acknowledges)) return;
        context.report({
          messageId: 'noAcknowledgement',
          data: { phrase: message.originalSlice(hit.start, hit.end), window: replies.length },
          messageSeq: first.seq,
          trigger: { messageSeq: message.seq, normalizedRange: [hit.start, hit.end] },
          suggestion: '先回应情绪再处理问题，例如：“让您着急了，真的很抱歉，我马上帮您查。”',
        });
      },
    };
  },
});
