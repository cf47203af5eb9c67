import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { agentLabel, isCustomerMessage, isHumanReply } from '../src/model/conversation.js';
import { humanLeft, humanRequestFinder } from '../src/analysis/human-request.js';


export default defineRule({
  meta: {
    id: 'ignored-human-request',
    title: '转人工受阻',
    category: 'escalation',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户多次要求转人工，之后始终没有人工客服接入（人工已接入后的要求不计）',
    messages: {
      ignored: '转人工受阻：客户 {count} 次要求转人工（第 {times} 次：“{phrase}”），之后始终没有人工客服接入。',
    },
    schema: z.strictObject({
      /** How many requests, with no human in the conversation, make a finding. One request may simply be waiting in the queue. */
      times: z.number().int().min(1).max(10).default(2),
    }),
    lexicons: ['ignored-human-request'],
    hasSuggestions: false,
  },
  create(context) {
    const requestList = context.lexicon('ignored-human-request');
    const { times } = context.options;

    const requestIn = humanRequestFinder(requestList);

    return {
      conversationEnd() {
        const { messages } = context.analysis;
        let humanPresent = false;
        let lastHuman: AnalyzedMessage | undefined;
        let requests: Array<{ message: AnalyzedMessage; hit: LexiconMatch }> = [];
        for (const m of messages) {
          if (isHumanReply(m.message)) {
            // A person answered: the requests so far were heard, however late.
            humanPresent = true;
            lastHuman = m;
            requests = [];
          } else if (humanLeft(m.message)) {
            humanPresent = false;
          } else if (isCustomerMessage(m.message) && !humanPresent) {
            // Asking for "人工" while talking to one is a complaint about that agent, not this rule.
            const hit = requestIn(m);
            if (hit) requests.push({ message: m, hit });
          }
        }
        if (requests.length < times) return;
        const nth = requests[times - 1]!;
        context.report({
          messageId: 'ignored',
          data: { count: requests.length, times, phrase: nth.message.originalSlice(nth.hit.start, nth.hit.end) },
          messageSeq: null,
          trigger: { messageSeq: nth.message.seq, normalizedRange: [nth.hit.start, nth.hit.end] },
          agent: lastHuman ? agentLabel(lastHuman.message) : undefined,
        });
      },
    };
  },
});
