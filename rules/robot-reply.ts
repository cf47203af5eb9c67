import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import { isCustomerMessage } from '../src/model/conversation.js';
import { contentTokens, tokenSimilarity } from '../src/text/similarity.js';

export default defineRule({
  meta: {
    id: 'robot-reply',
    title: '机械回复',
    category: 'tone',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '同一会话里重复同一句话、用同一模板回答不同问题，或机器人兜底回复循环',
    messages: {
      repeatedReply: '机械回复：与第 {earlier} 条回复几乎相同（相似度 {similarity}）。换一种说法，或直接推进问题。',
      templateForDistinctQuestions: '机械回复：客户问的是不同的问题，却得到与第 {earlier} 条相同的模板回复（相似度 {similarity}）。',
      botFallbackLoop: '机器人兜底循环：机器人第 {count} 次没听懂客户，仍未转人工。',
    },
    schema: z.strictObject({
      /** Token similarity (Dice, 0–1) at or above which two replies count as the same. */
      threshold: z.number().min(0.5).max(1).default(0.9),
      /** Replies with fewer content tokens ("好的", "稍等") are too short to call robotic. */
      minTokens: z.number().int().min(1).default(6),
      /** Customer questions less similar than this are distinct questions. */
      distinctQuestionBelow: z.number().min(0).max(1).default(0.5),
      /** Bot fallbacks ("没听懂，换个说法") in one conversation before it counts as a loop. */
      maxBotFallbacks: z.number().int().min(2).default(2),
    }),
    lexicons: ['robot-reply.fallback'],
    hasSuggestions: false,
  },
  create(context) {
    const { threshold, minTokens, distinctQuestionBelow, maxBotFallbacks } = context.options;
    const fallback = context.lexicon('robot-reply.fallback');
    const earlierReplies: Array<{ message: AnalyzedMessage; tokens: string[] }> = [];
    let fallbackCount = 0;

    /** Content tokens of the customer messages that the reply at `seq` answers. */
    const questionBefore = (seq: number): string[] => {
      const asked: string[] = [];
      for (let i = seq - 1; i >= 0; i--) {
        const m = context.analysis.messages[i]!;
        if (isCustomerMessage(m.message)) asked.unshift(...contentTokens(m.tokens));
        else if (asked.length > 0) break;
      }
      return asked;
    };

    return {
      agentMessage(message) {
        const tokens = contentTokens(message.tokens);
        if (tokens.length < minTokens) return;
        let best: { message: AnalyzedMessage; similarity: number } | undefined;
        for (const earlier of earlierReplies) {
          const similarity = tokenSimilarity(earlier.tokens, tokens);
          if (similarity >= threshold && (!best || similarity > best.similarity)) best = { message: earlier.message, similarity };
        }
        earlierReplies.push({ message, tokens });
        if (!best) return;
        const questionNow = questionBefore(message.seq);
        const questionThen = questionBefore(best.message.seq);
        const distinct = questionNow.length > 0 && questionThen.length > 0 && tokenSimilarity(questionNow, questionThen) < distinctQuestionBelow;
        context.report({
          messageId: distinct ? 'templateForDistinctQuestions' : 'repeatedReply',
          data: { earlier: best.message.seq + 1, similarity: best.similarity.toFixed(2) },
          messageSeq: message.seq,
          normalizedRange: [0, message.text.length],
        });
      },
      botMessage(message) {
        const hit = fallback.matchAll(message.text)[0];
        if (!hit) return;
        fallbackCount++;
        if (fallbackCount !== maxBotFallbacks) return; // report the loop once, when it forms
        context.report({
          messageId: 'botFallbackLoop',
          data: { count: fallbackCount },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
        });
      },
    };
  },
});
