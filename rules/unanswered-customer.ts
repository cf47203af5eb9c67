import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { agentLabel } from '../src/model/conversation.js';
import { isPhoneCall } from '../src/engine/conversation-shape.js';
import { ACT_LEXICONS } from '../src/analysis/acts.js';
import { ANSWER_NEED_LEXICONS, answerNeedFrom, unansweredTail } from '../src/analysis/answer-need.js';

const QUOTE_LENGTH = 40;

export default defineRule({
  meta: {
    id: 'unanswered-customer',
    title: '客户未获回复',
    category: 'responsiveness',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '会话以客户消息结束，这些消息没有得到任何人工回复（客户只是道谢、告别、应答或发表情时不算）',
    messages: {
      unanswered: '客户未获回复：客户最后的 {count} 条消息没有得到任何人工回复（“{quote}”），会话就结束了。',
    },
    schema: z.strictObject({}),
    lexicons: [...ANSWER_NEED_LEXICONS, ACT_LEXICONS.distress, ACT_LEXICONS.complaint],
    hasSuggestions: false,
  },
  create(context) {
    const need = answerNeedFrom((id) => context.lexicon(id));
    return {
      conversationEnd() {
        if (isPhoneCall(context.analysis.conversation)) {
          context.notApplicable('phone-call');
          return;
        }
        const tail = unansweredTail(context.analysis, need);
        if (!tail) return;
        const { first, count, lastHuman } = tail;
        // By code point, so that an emoji is never cut in half.
        const original = [...first.message.text.trim()];
        context.report({
          messageId: 'unanswered',
          data: { count, quote: original.length > QUOTE_LENGTH ? `${original.slice(0, QUOTE_LENGTH).join('')}…` : original.join('') },
          messageSeq: null,
          trigger: { messageSeq: first.seq },
          agent: lastHuman ? agentLabel(lastHuman.message) : undefined,
        });
      },
    };
  },
});
