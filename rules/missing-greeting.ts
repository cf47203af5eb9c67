import { hasWords, isPhoneCall, isPublicThread } from '../src/engine/conversation-shape.js';
import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import { agentLabel, isCustomerMessage, isHumanReply } from '../src/model/conversation.js';

// Weibo and other public threads: every reply is a public post under the customer's, addressed with
// "@名称" or an apology, and the thread has no session to open. The NTCIR DCH collection (format
// `dch`) is Weibo helpdesk threads.
// A reply without words cannot be judged: a welcome sticker the export dropped could be the greeting.

// A bare answer: the customer replies to a question that came before the export begins.
const CUT_OPENING = /^(对|对的|是|是的|是啊|嗯|嗯嗯|恩|好|好的|行|可以|没有|不是|不用|有的)[。.!！~～]*$/u;
// A card: only bracketed tokens, order ids or links.
const CARD = /^(\[[^\]]+\]|https?:\/\/\S+|\s)+$/u;

// How many lines of a call transcript may hold the greeting, whoever the recogniser says spoke them.
const CALL_OPENING_LINES = 4;
// An opening only the company says, so a line that carries it was the agent's whatever the speaker
// label; a customer's own "你好" is not the agent's greeting.
const COMPANY_OPENING = /(这里是|这边是|我是|荣幸为您|为您服务|请问(您)?是[^,.!?;。！？；]{1,8}(先生|女士|小姐))/;

export default defineRule({
  meta: {
    id: 'missing-greeting',
    title: '欢迎语',
    category: 'tone',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客服的第一条回复没有问候或欢迎语（您好、亲、欢迎、很高兴为您服务、请问有什么可以帮您…）',
    messages: {
      noGreeting: '缺少欢迎语：客服开场的 {window} 条回复里没有问候（如“您好，很高兴为您服务”）。',
    },
    schema: z.strictObject({
      /** How many of the agent's first replies may hold the greeting. */
      window: z.number().int().min(1).max(5).default(1),
      /** Also judge the first replies of every other agent who joins the conversation (transfers). */
      eachAgent: z.boolean().default(false),
      /** Judge public threads (Weibo, the DCH collection) too; by default they are not applicable. */
      publicThreads: z.boolean().default(false),
    }),
    lexicons: ['missing-greeting.greeting'],
    hasSuggestions: true,
  },
  create(context) {
    const greeting = context.lexicon('missing-greeting.greeting');
    const { window, eachAgent, publicThreads } = context.options;
    // No negation check: in "别着急亲" the 别 belongs to 着急, and a greeting is never negated.
    const greets = (m: AnalyzedMessage) => greeting.test(m.text);

    function judge(opening: AnalyzedMessage[]): void {
      if (opening.length === 0) return;
      if (opening.some((m) => !hasWords(m))) return;
      if (opening.some(greets)) return;
      context.report({
        messageId: 'noGreeting',
        data: { window: opening.length },
        messageSeq: opening[0]!.seq,
        suggestion: '以问候开场，例如：“您好，很高兴为您服务，请问有什么可以帮您？”',
      });
    }

    return {
      conversationEnd() {
        const { analysis } = context;
        if (!publicThreads && isPublicThread(analysis.conversation)) {
          context.notApplicable('public-thread');
          return;
        }
        // "对" / "是的" as the first message answers something the export did not keep: the
        // conversation was cut, and its opening is not in the file.
        const first = analysis.messages.find((m) => m.message.kind !== 'event');
        if (first && isCustomerMessage(first.message) && CUT_OPENING.test(first.text.trim())) {
          context.notApplicable('cut-opening');
          return;
        }
        // A product or order card sent first ("[ORDERID_…]", a link) is not where the agent speaks.
        const replies = analysis.messages.filter((m) => isHumanReply(m.message) && !CARD.test(m.text.trim()));
        // A call transcript's first seconds are where the recogniser loses words and swaps the
        // speakers ("客户：您好，这里是某某证券"): the greeting counts wherever it is in the first lines.
        if (isPhoneCall(analysis.conversation) && analysis.messages.slice(0, CALL_OPENING_LINES).some((m) => (isHumanReply(m.message) ? greets(m) : COMPANY_OPENING.test(m.text)))) return;
        if (!eachAgent) {
          judge(replies.slice(0, window));
          return;
        }
        // Unnamed agents are one agent: without names a transfer cannot be told from the same person.
        const byAgent = new Map<string, AnalyzedMessage[]>();
        for (const reply of replies) {
          const agent = agentLabel(reply.message) ?? '';
          const list = byAgent.get(agent) ?? byAgent.set(agent, []).get(agent)!;
          if (list.length < window) list.push(reply);
        }
        for (const opening of byAgent.values()) judge(opening);
      },
    };
  },
});
