import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { ACT_LEXICONS } from '../src/analysis/acts.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';

export default defineRule({
  meta: {
    id: 'missing-empathy',
    title: '缺少共情',
    category: 'empathy',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户表达不满、失望或愤怒后，客服接下来的几条回复里没有任何致歉或理解',
    messages: {
      noAcknowledgement: '缺少共情：客户表达了情绪（“{phrase}”），接下来 {window} 条回复都没有致歉或表示理解。',
    },
    schema: z.strictObject({
      /** How many human replies after the customer's message may hold the acknowledgement. */
      window: z.number().int().min(1).max(10).default(2),
    }),
    lexicons: [ACT_LEXICONS.distress, ACT_LEXICONS.complaint, ACT_LEXICONS.acknowledgement, ACT_LEXICONS.apology],
    hasSuggestions: true,
  },
  create(context) {
    const { window } = context.options;
    const acts = context.analysis.acts;
    const acknowledges = (m: AnalyzedMessage) => acts.acknowledges(m);

    // One finding per stretch of replies: several upset messages before one reply are one episode.
    const judgedReplies = new Set<number>();
    return {
      customerMessage(message) {
        const hit = acts.distress(message);
        if (!hit) return;
        const replies = context.analysis.humanRepliesAfter(message.seq, window);
        if (replies.length === 0) return; // nobody answered: unanswered-customer's concern
        const first = replies[0]!;
        if (judgedReplies.has(first.seq)) return;
        judgedReplies.add(first.seq);
        // An empty reply is an emoji or picture the export did not keep: it may have been the
        // acknowledgement, so the episode cannot be judged.
        if (replies.some((reply) => reply.text.trim() === '')) return;
        if (replies.some(acknowledges)) return;
        // The customer is still upset right after an apology: the agent already met the emotion
        // in this episode, and asking for a fresh apology on every reply would cry wolf.
        const previousReply = context.analysis.humanReplyBefore(message.seq);
        if (previousReply && acts.apologizes(previousReply)) return;
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
