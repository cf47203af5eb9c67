import { hasWords, isPhoneCall, isPublicThread, STICKER_OR_MASK } from '../src/engine/conversation-shape.js';
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import { isCustomerMessage, isHumanReply } from '../src/model/conversation.js';

// Weibo and other public threads have no session to close: the thread just stops. The NTCIR DCH
// collection (format `dch`) is Weibo helpdesk threads.
// A reply without words cannot be judged: a goodbye sticker the export dropped could be the closing.

// "正在为您转接售后专员" hands the chat on; the next agent closes it.
const TRANSFER = /(转接|转给|转到|转至|转交给)[^,.!?;。！？；]{0,12}(客服|专员|同事|人工|售后|部门|组)|为您转接/u;

// The agent's last reply waits for the customer: a question ("您是什么意思呢?") or a hold ("稍等哦",
// "正在为您查询"). The customer went quiet, or the export stops mid-task; the agent did not end the
// chat. (幺: see missing-closing.closing.yaml.)
const AWAITING = /([?？]|[吗么幺嘛][~～!！。.\s]*)$|稍等|稍候|正在(为您)?(查|核实|确认|处理)|请您?等/u;

// How many lines at the end of a call transcript may hold the closing, whoever spoke them.
const CALL_CLOSING_LINES = 4;

export default defineRule({
  meta: {
    id: 'missing-closing',
    title: '结束语',
    category: 'tone',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '由客服收尾的会话，客服最后几条回复里没有结束语（还有其他问题吗、感谢、祝福、再见、邀请评价…）',
    messages: {
      noClosing: '缺少结束语：会话由客服收尾，但最后 {window} 条回复里没有结束语（如“请问还有其他问题吗”“感谢您的耐心，再见”）。',
    },
    schema: z.strictObject({
      /** How many of the agent's last replies may hold the closing. */
      window: z.number().int().min(1).max(5).default(2),
      /** Conversations with fewer human replies are not judged: a one-reply answer has no session to close. */
      minAgentMessages: z.number().int().min(1).default(2),
      /** Judge public threads (Weibo, the DCH collection) too; by default they are not applicable. */
      publicThreads: z.boolean().default(false),
    }),
    lexicons: ['missing-closing.closing'],
    hasSuggestions: true,
  },
  create(context) {
    const closing = context.lexicon('missing-closing.closing');
    const { window, minAgentMessages, publicThreads } = context.options;
    // No negation check: "别忘了给个评价" closes the chat although 别 comes first.
    const closes = (m: AnalyzedMessage) => closing.test(m.text);

    return {
      conversationEnd() {
        const { analysis } = context;
        if (!publicThreads && isPublicThread(analysis.conversation)) {
          context.notApplicable('public-thread');
          return;
        }
        const replies = analysis.messages.filter((m) => isHumanReply(m.message));
        if (replies.length < minAgentMessages) return;
        // The customer spoke last: the customer left, or is waiting (unanswered-customer's concern).
        const lastCustomer = analysis.messages.filter((m) => isCustomerMessage(m.message)).at(-1);
        const lastReply = replies.at(-1)!;
        if (lastCustomer && lastCustomer.seq > lastReply.seq) return;
        const ending = replies.slice(-window);
        if (ending.some((m) => !hasWords(m))) return;
        if (ending.some(closes)) return;
        // A call transcript's last seconds are cut by the hang-up and garbled, and its speakers swapped:
        // a goodbye anywhere in the last lines counts.
        if (isPhoneCall(analysis.conversation) && analysis.messages.slice(-CALL_CLOSING_LINES).some(closes)) return;
        if (TRANSFER.test(lastReply.text) || AWAITING.test(lastReply.text.replace(STICKER_OR_MASK, '').trim())) return;
        context.report({
          messageId: 'noClosing',
          data: { window: ending.length },
          messageSeq: lastReply.seq,
          suggestion: '结束前确认并道别，例如：“请问还有其他问题吗？感谢您的耐心，祝您生活愉快，再见！”',
        });
      },
    };
  },
});
