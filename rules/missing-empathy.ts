import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { isHumanReply } from '../src/model/conversation.js';
import { isNegatedAt } from '../src/text/clauses.js';

// Weibo threads address accounts with "@名称" up to the next space or punctuation; a distress
// word inside a handle ("@某某投诉平台", "@12315…") names an account, it does not complain.
const MENTION_END = /[\s,.!?;:。、！？；…~～#@]/;

/** True when `index` falls inside an "@handle". */
function insideMention(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === '@') return true;
    if (MENTION_END.test(char)) return false;
  }
  return false;
}

// JD exports write emoji as codes such as "#E-委屈": a face, not a sentence about the service.
const EMOJI_CODE = /#e-$/;

// A run of "!!!" is only a signal of anger by its company: "谢谢，问题解决了！！！" is delight.
const EXCLAMATION_RUN = /^[!！]+$/;
const GRATITUDE = /(谢谢|感谢|多谢|点赞|赞一个|好评|支持你们|解决了|已经好了|恢复了|开心|哈哈)/;

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
    lexicons: ['missing-empathy.distress', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
  },
  create(context) {
    const distress = context.lexicon('missing-empathy.distress');
    const acknowledgement = context.lexicon('missing-empathy.acknowledgement');
    const { window } = context.options;
    const acknowledges = (m: AnalyzedMessage) => assertedMatches(m, acknowledgement).length > 0;

    /** The distress the customer asserts: not negated, not conditional, not a handle, not joy. */
    const distressIn = (message: AnalyzedMessage): LexiconMatch | undefined => {
      const text = message.text;
      const grateful = GRATITUDE.test(text);
      // Negation is checked here rather than in assertedMatches: in "怎么还没发货！！！" the 没
      // negates the delivery, not the exclamation marks.
      return assertedMatches(message, distress, { negation: false, hypotheticals: true }).find((hit) => {
        if (insideMention(text, hit.start)) return false;
        if (EMOJI_CODE.test(text.slice(0, hit.start))) return false;
        if (EXCLAMATION_RUN.test(text.slice(hit.start, hit.end))) return !grateful;
        return !isNegatedAt(text, message.tokens, hit.start);
      });
    };

    // One finding per stretch of replies: several upset messages before one reply are one episode.
    const judgedReplies = new Set<number>();
    return {
      customerMessage(message) {
        const hit = distressIn(message);
        if (!hit) return;
        const replies = context.analysis.humanRepliesAfter(message.seq).slice(0, window);
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
        const previousReply = context.analysis.messages.filter((m) => m.seq < message.seq && isHumanReply(m.message)).at(-1);
        if (previousReply && acknowledges(previousReply)) return;
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
