import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { formatDuration } from '../src/time/instant.js';

export default defineRule({
  meta: {
    id: 'slow-first-response',
    title: '首响慢',
    category: 'responsiveness',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '从客户第一条消息到第一条人工回复的时间超过限制（机器人消息不算回复，营业时间外不计时）',
    messages: {
      slow: '首响慢：客户等了 {wait} 才收到第一条人工回复，超过 {limit} 的要求。',
    },
    schema: z.strictObject({
      /** Seconds. Chat teams commonly promise a first human reply within a minute. */
      threshold: z.number().positive().default(60),
    }),
    lexicons: [],
    hasSuggestions: false,
    needsTimestamps: true,
  },
  create(context) {
    return {
      conversationEnd() {
        const { analysis } = context;
        const first = analysis.firstCustomerMessage;
        const reply = analysis.firstHumanReply;
        if (!first || !reply) return; // no human reply at all: unanswered-customer's concern
        const wait = analysis.secondsBetween(first, reply);
        if (wait === undefined || wait <= context.options.threshold) return;
        context.report({
          messageId: 'slow',
          data: { wait: formatDuration(wait), limit: formatDuration(context.options.threshold), waitSeconds: Math.round(wait) },
          messageSeq: reply.seq,
          trigger: { messageSeq: first.seq },
        });
      },
    };
  },
});
