import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import { clauseBounds } from '../src/text/clauses.js';
import { agentLabel } from '../src/model/conversation.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';

// A yes/no or either-or question about a problem ("这款有问题的话是寄回厂家修吗", "会不会是坏了") asks for
// information; the agent's answer is the resolution. Open "为什么还没到?" stays a complaint, so
// a bare question mark is not enough, unlike isQuestionAt.
const ENQUIRY_MARKERS = /(是不是|是否|会不会|有没有|能不能|可不可以|可以不|能否|难道)/;
// "能开发票不" is the A-not-A question form; "还不", "也不" end a statement.
const ENQUIRY_ENDING = /([吗么嘛]|[^还也都就]不)$/;

function isEnquiryAt(text: string, match: LexiconMatch): boolean {
  const [clauseStart, clauseEnd] = clauseBounds(text, match.start);
  const clause = text.slice(clauseStart, Math.max(clauseEnd, match.end));
  return ENQUIRY_MARKERS.test(clause) || ENQUIRY_ENDING.test(clause.replace(/[呢啊呀哦哈的]+$/, ''));
}

// A condition or an example often opens a sentence a few clauses before the problem word:
// "要是周五还没到货，就给我退款吧", "比如退货的话运费谁出", "如套餐到期停机，…".
// isHypotheticalAt only sees the word's own clause, so look back to the start of the sentence.
const SENTENCE_BREAK = /[.!?;。！？；\n]/;

/** A full stop ends a sentence, but the dot in "9.30" or "5.0" does not. */
function isSentenceBreak(text: string, index: number): boolean {
  const char = text[index]!;
  if (!SENTENCE_BREAK.test(char)) return false;
  return !(char === '.' && /[0-9]/.test(text[index - 1] ?? '') && /[0-9]/.test(text[index + 1] ?? ''));
}
const SUPPOSITION = /(如果|若是|假如|要是|万一|如若|倘若|即使|就算|比如|例如|假设)|(^|[,\s])如(?![何此今同实意])/;

function isSuppositionAt(text: string, match: LexiconMatch): boolean {
  let start = match.start;
  while (start > 0 && !isSentenceBreak(text, start - 1)) start--;
  return SUPPOSITION.test(text.slice(start, match.start));
}

// "退押金为什么要等这么久", "凭什么收我月租": the customer asks why. When the agent answers with
// the reason, that is an information exchange about a rule, not a case left without a next step.
const WHY = /(为什么|凭什么|为何|干嘛要)/;
const BECAUSE = /(由于|因|所以|故(?!障))/;

function isWhyQuestionAt(text: string, match: LexiconMatch): boolean {
  let start = match.start;
  while (start > 0 && !isSentenceBreak(text, start - 1)) start--;
  let end = match.end;
  while (end < text.length && !isSentenceBreak(text, end)) end++;
  return WHY.test(text.slice(start, end));
}

// Thanks inside the report itself is politeness ("望解答，谢谢"); only a later thanks closes the matter.
// "谢谢，但是…" keeps the complaint open.
const THANKS_ENTRIES = new Set(['谢谢', '多谢', '感谢', '3q']);
const CONTRAST = /(不过|但是|可是|但|然而|只是)/;

export default defineRule({
  meta: {
    id: 'missing-next-step',
    title: '缺少下一步',
    category: 'resolution',
    defaultSeverity: 'warn',
    scope: 'conversation',
    description: '客户提出了需要处理的问题，客服始终没有给出具体的下一步：谁做什么、何时完成、可选方案，或为处理而询问情况',
    messages: {
      noNextStep: '缺少下一步：客户提出了问题（“{phrase}”），之后 {replies} 条回复都没有给出具体的处理动作、时间或方案。',
    },
    schema: z.strictObject({
      /** Replies shorter than this many characters ("好的", "嗯") are too thin to judge the rule on alone. */
      minReplyChars: z.number().int().min(0).default(4),
      /**
       * Only flag when some reply acknowledges the problem without acting (apology, thanks, "we will
       * keep improving"). Replies that only explain or chat are left alone, because on the Weibo and
       * JD corpora most of them were the answer itself. Set false for a stricter audit.
       */
      requireHollowReply: z.boolean().default(true),
    }),
    lexicons: ['missing-next-step.problem', 'missing-next-step.step', 'missing-next-step.resolved', 'missing-next-step.hollow'],
    hasSuggestions: true,
  },
  create(context) {
    const problem = context.lexicon('missing-next-step.problem');
    const step = context.lexicon('missing-next-step.step');
    const resolved = context.lexicon('missing-next-step.resolved');
    const hollow = context.lexicon('missing-next-step.hollow');
    let firstProblem: { message: AnalyzedMessage; start: number; end: number; asksWhy: boolean } | undefined;
    let settledByCustomer = false;

    // Not assertedMatches' question filter: its "是不" marker also fires on "真是不错".
    const saysResolved = (message: AnalyzedMessage, isReport: boolean) =>
      assertedMatches(message, resolved, { hypotheticals: true }).some((m) => {
        if (isEnquiryAt(message.text, m) || message.text[clauseBounds(message.text, m.start)[1]] === '?') return false;
        if (!THANKS_ENTRIES.has(m.entry)) return true;
        return !isReport && !CONTRAST.test(message.text.slice(m.end));
      });

    return {
      customerMessage(message) {
        if (firstProblem) {
          if (saysResolved(message, false)) settledByCustomer = true;
          return;
        }
        const hit = assertedMatches(message, problem, { hypotheticals: true }).find(
          (m) => !isEnquiryAt(message.text, m) && !isSuppositionAt(message.text, m),
        );
        if (!hit) return;
        firstProblem = { message, start: hit.start, end: hit.end, asksWhy: isWhyQuestionAt(message.text, hit) };
        // "我知道了，是授权失败" settles it as much as a later "好了" does.
        settledByCustomer = saysResolved(message, true);
      },
      conversationEnd() {
        if (!firstProblem || settledByCustomer) return;
        const replies = context.analysis.humanRepliesAfter(firstProblem.message.seq);
        const substantive = replies.filter((r) => r.text.trim().length >= context.options.minReplyChars);
        if (substantive.length === 0) return; // no real answer: unanswered-customer's concern
        // "我们不会为您退款" names an action only to refuse it.
        if (replies.some((r) => assertedMatches(r, step).length > 0)) return;
        if (firstProblem.asksWhy && replies.some((r) => BECAUSE.test(r.text))) return;
        if (context.options.requireHollowReply && !replies.some((r) => assertedMatches(r, hollow).length > 0)) return;
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
