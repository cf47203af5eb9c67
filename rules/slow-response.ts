import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { formatDuration } from '../src/time/instant.js';
import { ANSWER_NEED_LEXICONS, answerNeedFrom } from '../src/analysis/answer-need.js';

export default defineRule({
  meta: {
    id: 'slow-response',
    title: '回复慢',
    category: 'responsiveness',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户连续发出的一组消息等待人工回复的时间超过限制（默认 3 分钟；机器人消息不算回复，营业时间外不计时）',
    messages: {
      slow: '回复慢：客户等了 {wait} 才收到人工回复，超过 {limit} 的要求。',
    },
    schema: z.strictObject({
      /**
       * Seconds. Taobao/Tmall rate shops on their 3分钟响应率, the share of customer messages a
       * human answers within 3 minutes; 180 seconds is that line.
       */
      threshold: z.number().positive().default(180),
      /**
       * The first burst's wait is the first-response time, which slow-first-response judges with its
       * own (stricter) limit. Reporting it here as well would count one wait twice; teams that turn
       * slow-first-response off can turn this on.
       */
      includeFirstBurst: z.boolean().default(false),
    }),
    lexicons: [...ANSWER_NEED_LEXICONS],
    hasSuggestions: false,
    needsTimestamps: true,
  },
  create(context) {
    const need = answerNeedFrom((id) => context.lexicon(id));
    const { threshold, includeFirstBurst } = context.options;
    return {
      conversationEnd() {
        const { analysis } = context;
        analysis.customerBursts.forEach((burst, index) => {
          if (index === 0 && !includeFirstBurst) return;
          // Never answered: unanswered-customer's concern, whatever the wait.
          if (burst.replySeq === undefined) return;
          const first = need.waitStart(analysis, burst);
          if (!first) return;
          const reply = analysis.messages[burst.replySeq]!;
          const wait = analysis.secondsBetween(first, reply);
          if (wait === undefined || wait <= threshold) return;
          context.report({
            messageId: 'slow',
            data: { wait: formatDuration(wait), limit: formatDuration(threshold), waitSeconds: Math.round(wait) },
            messageSeq: reply.seq,
            trigger: { messageSeq: first.seq },
          });
        });
      },
    };
  },
});
