import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { clauseBounds } from '../src/text/clauses.js';

// A sentence ends at 。!? ; or a line break; JDDC exports also separate sentences with spaces.
const SENTENCE_BREAK = /[.!?;。！？；\n\r\s]/;

// "如有疑问，可拨打热线咨询" offers a channel for later; it does not refuse the case now. The shared
// hypothetical check only looks inside one clause, and here the 如 sits in the clause before.
// 例如/比如/譬如 and 如方便 ("if convenient", a politeness formula) are not conditions.
// "有任何疑问可以拨打…" and "到时候您可以联系配送员" are the same kind of offer for later;
// "…的话" closes a condition that opened without a marker ("丢件的话需要您联系快递").
const CONDITION = /(如果|如若|假如|倘若|要是|万一|一旦|若|(?<![例比譬诸])如(?!方便|下|此|何|今|同|实)|有任何|到时|的话)/;

// "好分清是机器还是运营商那边的原因" and "判断一下是不是快递的原因" diagnose; they do not assign blame.
const DIAGNOSIS = /(还是|排查|判断|区分|确定|确认|检测|测试|核实|核查|看看|看下|看一下|查看|查一下|查下)/;

// "我们可以联系厂家" is the agent offering to act, the opposite of a hand-off.
const AGENT_SUBJECT = /(我|我们|我司|咱们|这边|小编|小妹|妹子|团长|客服)(这边|那边)?(也|会|来|就|再|先|可以|可)*$/;

function sentenceStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return start;
}

function isConditional(text: string, start: number): boolean {
  return CONDITION.test(text.slice(sentenceStart(text, start), start));
}

function isDiagnosis(text: string, start: number): boolean {
  const [clauseStart] = clauseBounds(text, start);
  // One character past the start, so that 还 before a match that begins with 是 reads as 还是.
  return DIAGNOSIS.test(text.slice(clauseStart, start + 1));
}

function hasAgentSubject(text: string, start: number): boolean {
  const [clauseStart] = clauseBounds(text, start);
  return AGENT_SUBJECT.test(text.slice(clauseStart, start));
}

type MessageId = 'blameParty' | 'blameCustomer' | 'disown' | 'redirect';

function classifyBlame(phrase: string): MessageId {
  if (/(不归|不是|不属于|无关|没有?关|管不了|不在|无权|没有?权限)/.test(phrase)) return 'disown';
  if (/您|你/.test(phrase) && !/我们|我司|本店|客服|咱们|我这边/.test(phrase)) return 'blameCustomer';
  return 'blameParty';
}

export default defineRule({
  meta: {
    id: 'blame-shifting',
    title: '推诿',
    category: 'ownership',
    defaultSeverity: 'error',
    scope: 'message',
    description: '客服把问题推给快递、厂家、平台、其他部门或客户本人，或让客户自己去找别人询问，且没有承担跟进',
    messages: {
      blameParty: '推诿：把问题归咎于他方（“{phrase}”），却没有说明我方会如何跟进。',
      blameCustomer: '推诿：把责任归到客户身上（“{phrase}”）。先解决问题，再说明原因。',
      disown: '推诿：撇清责任（“{phrase}”）。客户只关心问题谁来解决。',
      redirect: '推诿：让客户自己去找别人（“{phrase}”），我方没有跟进。能查的先替客户查，需要转交就由我方转交。',
    },
    schema: z.strictObject({
      /** Accept an apology in the same message as ownership. Off by default: an apology alone does not solve anything. */
      apologyCountsAsOwnership: z.boolean().default(false),
      /** Report hand-offs ("建议您联系厂家") as well as blame. Teams whose channel cannot act (a Weibo account that must send people to a hotline) can turn this off. */
      redirect: z.boolean().default(true),
    }),
    lexicons: ['blame-shifting', 'blame-shifting.redirect', 'blame-shifting.ownership', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
  },
  create(context) {
    const blame = context.lexicon('blame-shifting');
    const redirect = context.lexicon('blame-shifting.redirect');
    const ownership = context.lexicon('blame-shifting.ownership');
    const apology = context.lexicon('missing-empathy.acknowledgement');

    function blameHits(message: AnalyzedMessage): LexiconMatch[] {
      return assertedMatches(message, blame, { questions: true, hypotheticals: true })
        .filter((m) => !isConditional(message.text, m.start) && !isDiagnosis(message.text, m.start));
    }

    function redirectHits(message: AnalyzedMessage): LexiconMatch[] {
      if (!context.options.redirect) return [];
      return assertedMatches(message, redirect, { questions: true, hypotheticals: true })
        .filter((m) => !isConditional(message.text, m.start) && !hasAgentSubject(message.text, m.start));
    }

    return {
      agentMessage(message) {
        const blamed = blameHits(message);
        const redirected = blamed.length > 0 ? [] : redirectHits(message);
        if (blamed.length === 0 && redirected.length === 0) return;
        if (assertedMatches(message, ownership).length > 0) return;
        if (context.options.apologyCountsAsOwnership && assertedMatches(message, apology).length > 0) return;
        const hit = blamed[0] ?? redirected[0]!;
        const phrase = message.text.slice(hit.start, hit.end);
        const messageId: MessageId = blamed.length > 0 ? classifyBlame(phrase) : 'redirect';
        context.report({
          messageId,
          data: { phrase: message.originalSlice(hit.start, hit.end) },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
          suggestion: messageId === 'redirect'
            ? '由我方去查或转交，并说明时限，例如：“这个我来帮您问厂家，今天下班前给您回复。”'
            : '先致歉并说明我方会怎么跟进，例如：“给您添麻烦了，我这边马上帮您联系处理，有结果第一时间告诉您。”',
        });
      },
    };
  },
});
