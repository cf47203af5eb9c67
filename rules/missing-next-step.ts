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

// "说会退还给我，但到现在还没退": a settlement someone else promised, which the customer then says did
// not happen. Only the resolved-list entries for such second-hand settlements are checked this way:
// after "我知道了" or "满格了" a "但是" starts a suggestion, not a relapse.
const SECONDHAND = /退还|扣分/;
const STILL_OPEN = /(不过|但是|可是|但|然而|却|还没|还是没|一直没|至今|到现在)/;

// An audit of the hits found replies judged against a message in which the customer only hands over
// details the agent had asked for, after the agent had already said what it would do with them
// ("请提供型号和版本，我们会转给测试部门复现" → the customer sends them). The process was given; the
// trigger is its input, not a new problem.
const DETAILS_REQUEST = /(提供|告知|告诉|发送|发一下|补充|描述|私信)[^.!;。！；]{0,16}?(型号|版本|订单|单号|号码|账号|帐号|信息|截图|照片|图片|情况|现象|地址|详情)|请问[^?]{0,30}?(型号|版本|号码|多少|哪)/;
const AGENT_PROCESS = /(会|将|帮您|为您|给您)[^,.!?;。！？]{0,8}?(反馈|提交|转交|上报|处理|核实|核查|查询|跟进|测试|复现|排查|登记|申请)/;
// How many agent replies before the trigger may hold that request and that process (one question
// for versions, then "收到，会反馈给测试部门" is two turns).
const PRIOR_PROCESS_LOOKBACK = 2;

// "目前只能在中文系统下使用" / "暂不支持" answers a wish with a definitive product limit: nothing is left
// for the agent to do. "目前只能等待" is the empty comfort the rule exists for, so it is not a limit.
const PRODUCT_LIMIT = /(只能在|只支持|仅支持|暂不支持|暂时不支持|目前不支持|目前只能(?!等|耐心|再等|继续|请您|麻烦))/;

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
        if (SECONDHAND.test(m.entry)) return !isReport || !STILL_OPEN.test(message.text.slice(m.end));
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
        const earlier = context.analysis.humanRepliesBefore(firstProblem.message.seq, PRIOR_PROCESS_LOOKBACK);
        if (earlier.some((r) => DETAILS_REQUEST.test(r.text)) && earlier.some((r) => AGENT_PROCESS.test(r.text))) return;
        if (replies.some((r) => PRODUCT_LIMIT.test(r.text))) return;
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
