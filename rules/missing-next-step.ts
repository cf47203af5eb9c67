import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import { agentLabel } from '../src/model/conversation.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';

export default defineRule({
  meta: {
    id: 'missing-next-step',
    title: '缺少下一步',
    category: 'resolution',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户提出了问题，客服始终没有给出具体的下一步：谁做什么、何时完成、或可选方案',
    messages: {
      noNextStep: '缺少下一步：客户提出了问题（“{phrase}”），之后 {replies} 条回复都没有给出具体的处理动作、时间或方案。',
    },
    schema: z.strictObject({
      /** Replies shorter than this many characters ("好的", "嗯") are too thin to judge the rule on alone. */
      minReplyChars: z.number().int().min(0).default(4),
    }),
    lexicons: ['missing-next-step.problem', 'missing-next-step.step'],
    hasSuggestions: true,
  },
  create(context) {
    const problem = context.lexicon('missing-next-step.problem');
    const step = context.lexicon('missing-next-step.step');
    let firstProblem: { message: AnalyzedMessage; start: number; end: number } | undefined;
    return {
      customerMessage(message) {
        if (firstProblem) return;
        const hit = assertedMatches(message, problem)[0];
        if (hit) firstProblem = { message, start: hit.start, end: hit.end };
      },
      conversationEnd() {
        if (!firstProblem) return;
        const replies = context.analysis.humanRepliesAfter(firstProblem.message.seq);
        const substantive = replies.filter((r) => r.text.trim().length >= context.options.minReplyChars);
        if (substantive.length === 0) return; // no real answer: unanswered-customer's concern
        if (replies.some((r) => step.test(r.text))) return;
        const last = replies[replies.length - 1]!;
        context.report({
          messageId: 'noNextStep',
          data: { phrase: firstProblem.message.originalSlice(firstProblem.start, firstProblem.end), replies: replies.length },
          messageSeq: null,
          agent: agentLabel(last.message),
          trigger: { messageSeq: firstProblem.message.seq, normalizedRange: [firstProblem.start, firstProblem.end] },
          suggestion: '说清楚下一步：谁来做、做什么、什么时候有结果，例如：“我已为您提交补发申请，明天 18 点前会有短信通知。”',
        });
      },
    };
  },
});
