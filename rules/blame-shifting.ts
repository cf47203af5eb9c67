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
// "…的话" only names the topic ("理赔的话您跟承运商说"), so it is not a condition here.
const CONDITION = /(如果|如若|假如|倘若|要是|万一|一旦|若|(?<![例比譬诸])如(?!方便|下|此|何|今|同|实)|有任何|到时)/;

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

// The following exceptions were found by an audit of the redirect hits on the Weibo and JD corpora
// (round 2: 14 of 36 hits were optional extras, official channels or side questions).

// Hand-offs that leave the customer no other way ("您只能联系售后", "需要您联系商家") or send them to
// a web search are the core case of the rule; the softening exceptions below never apply to them.
const INSISTENT = /(只能|需要您|需要你|您需要|你需要|您得|你得|请您|请你|请亲|麻烦|烦请|那您|您就|您还是|百度|网上搜|上网搜)/;

// "改签费用是航空公司定的规定" / "这个属于第三方商家": the message puts the matter on another party, so a
// hand-off to that party is blame plus redirect, however much else the message explains.
// "这件由商家自己发货" only says who ships, so 由 alone is not attribution.
const THIRD_PARTIES = '(航空公司|航司|第三方|三方|商家|卖家|店家|厂家|厂商|银行|运营商|快递|物流|承运商|代理商|供应商|平台)';
const ATTRIBUTION = new RegExp(
  `(属于|归)[^,.!?;:。、！？；\\s]{0,8}?${THIRD_PARTIES}|是${THIRD_PARTIES}[^,.!?;:。、！？；\\s]{0,16}?(规定|决定|问题|原因|责任)|${THIRD_PARTIES}[^,.!?;:。、！？；\\s]{0,4}?规定`,
);

// "这边没法帮您查明细" / "小编不太清楚": the agent hands off because it cannot answer, which is
// exactly what the rule is for, even after a long preamble.
const INABILITY = /(无法|不能|没法|没有?办法|不方便|不支持)[^,.!?;:。、！？；\s]{0,6}?(查|核|确认|处理|办理|转接|受理|提供|解答|答复|回答)|查不到|查询不到|(不太|不是很|不)(清楚|了解|确定)/;

// Greetings, apologies and thanks carry no answer; [数字x]-style placeholders in exports carry no words.
const FILLER = new RegExp(
  [
    '\\[[^\\]]*\\]',
    '您好|你好|亲爱的|亲亲|亲',
    '(非常|很|十分|真的)?(抱歉|不好意思|对不起)',
    '给您(带来|造成)[^,.!?;。！？]{0,10}?(不便|困扰|感[知受])',
    '(谢谢|感谢)[^,.!?;。！？]{0,12}',
    '关于[^,.!?;。！？]{0,8}?(问题|情况)',
    '我是[^,.!?;。！？]{0,16}?(客服|小编)',
    '已(关注|留意|知悉)[^,.!?;。！？]{0,10}',
    '小沃|小编|小u|小妹|小翼',
  ].join('|'),
  'g',
);

// An answer of this many Han characters before the hand-off ("过户要双方带证件办理", "网上暂时没有这个活动")
// means the hand-off is an extra for local details, not the whole reply. In the round-2 audit the
// shortest answer before an optional hand-off had 20 (greetings and apologies not counted), and the
// longest lead-in before a real hand-off that no other check here protects had 14 ("是的，这个要返厂").
const MIN_ANSWER_CHARS = 16;

function answeredBefore(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(FILLER, '');
  return (before.match(/\p{Script=Han}/gu) ?? []).length >= MIN_ANSWER_CHARS;
}

// "请您帮我催一下" / "告诉我本地的规定": the customer asked us to act or answer. A redirect in reply
// is then the refusal the rule names, even after an explanation.
const REQUEST_TO_US = /(帮我|给我|替我|告诉我|要你们|让你们|请你们|麻烦你们?|你们(去|来|帮|给)|(能不能|可不可以|可以)帮)/;
const CHASE_REQUEST = new RegExp(`${REQUEST_TO_US.source}|催`);

// "好的呢~" in reply to "帮我催一下": the agent agreed to do it, so a redirect after it is an extra.
const AGREED = /^(您好|你好|亲爱的|亲亲|亲)?[,.!~\s]*(好的|好滴|好哒|可以的?|没问题|收到|嗯嗯)(呢|哦|哒|的|啦|哈)?(?=[,.!~。！～\s]|$)/;

// Doing something at our own hotline or shop ("拨打热线咨询开通", "去营业厅咨询解除限速") answers a
// how-to question; the lexicon already skips "拨打热线取消", and this covers 咨询 + the action.
const DO_THERE = /(办理|取消|开通|关闭|退订|变更|解除|注销|激活|补卡|换卡|过户)/;
const OTHER_PARTY = /(厂家|厂商|生产商|制造商|品牌|商家|卖家|店家|第三方|快递|物流|配送|派送|承运商|银行|发卡行|航空公司|运营商|专业人|部门|售后|@)/;
// A beta build's own forum section or in-phone feedback tool is where its bugs are filed.
const BETA_CHANNEL = /(内测|公测)(版块|板块|区|论坛)|论坛[^,.!?;。！？]{0,4}(内测|公测)|(问题|意见)反馈(app|应用|工具)/;

// How many earlier agent turns may hold the offer that makes a later redirect a side question.
const OFFER_LOOKBACK = 3;
const OFFER = /(为|帮|替)(您|你|亲)(去)?(申请|提交|登记|催|催促|联系|反馈|处理|核实|核查|查询|查看|补发|退款|退货|换货|办理|转接|备注|加急|安排)/;

function sentenceEnd(text: string, index: number): number {
  let end = index;
  while (end < text.length && !/[.!?;。！？；\n\r]/.test(text[end]!)) end++;
  return end;
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
    lexicons: ['blame-shifting', 'blame-shifting.redirect', 'blame-shifting.ownership', 'blame-shifting.worked', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
  },
  create(context) {
    const blame = context.lexicon('blame-shifting');
    const redirect = context.lexicon('blame-shifting.redirect');
    const ownership = context.lexicon('blame-shifting.ownership');
    const worked = context.lexicon('blame-shifting.worked');
    const apology = context.lexicon('missing-empathy.acknowledgement');

    // Conversation context exists in transcripts; a canned reply is judged on its own words.
    function previousCustomerMessage(message: AnalyzedMessage): AnalyzedMessage | undefined {
      return context.analysis.customerMessageBefore(message.seq);
    }

    function offeredEarlier(message: AnalyzedMessage): boolean {
      return context.analysis
        .humanRepliesBefore(message.seq, OFFER_LOOKBACK)
        .some((m) => OFFER.test(m.text) || assertedMatches(m, ownership).length > 0);
    }

    /** The agent already worked the case in this message: it checked, or it asked the other party. */
    function alreadyWorked(message: AnalyzedMessage): boolean {
      return assertedMatches(message, worked, { hypotheticals: true }).length > 0;
    }

    /** A hand-off that is really an answer, an extra, or a side question, not the refusal the rule names. */
    function isIncidental(message: AnalyzedMessage, hit: LexiconMatch): boolean {
      const text = message.text;
      const phrase = text.slice(hit.start, hit.end);
      const rest = text.slice(hit.start, sentenceEnd(text, hit.end));
      if (!OTHER_PARTY.test(phrase) && DO_THERE.test(rest)) return true;
      if (BETA_CHANNEL.test(rest)) return true;
      if (INSISTENT.test(phrase)) return false;
      const request = previousCustomerMessage(message);
      if (AGREED.test(text) && request !== undefined && CHASE_REQUEST.test(request.text)) return true;
      if (INABILITY.test(text) || ATTRIBUTION.test(text)) return false;
      if (offeredEarlier(message)) return true;
      if (request !== undefined && REQUEST_TO_US.test(request.text)) return false;
      return answeredBefore(text, hit.start);
    }

    function blameHits(message: AnalyzedMessage): LexiconMatch[] {
      return assertedMatches(message, blame, { questions: true, hypotheticals: true })
        .filter((m) => !isConditional(message.text, m.start) && !isDiagnosis(message.text, m.start));
    }

    function redirectHits(message: AnalyzedMessage): LexiconMatch[] {
      if (!context.options.redirect) return [];
      return assertedMatches(message, redirect, { questions: true, hypotheticals: true })
        .filter((m) => !isConditional(message.text, m.start) && !hasAgentSubject(message.text, m.start))
        .filter((m) => !isIncidental(message, m));
    }

    return {
      agentMessage(message) {
        const blamed = blameHits(message);
        const redirected = blamed.length > 0 || alreadyWorked(message) ? [] : redirectHits(message);
        if (blamed.length === 0 && redirected.length === 0) return;
        // "联系商家为您处理": ownership words in the hand-off's own clause are the other party's doing.
        const othersDoing = (o: LexiconMatch) => redirected.some((r) => o.start >= r.start && o.start < clauseBounds(message.text, r.end - 1)[1]);
        if (assertedMatches(message, ownership).some((o) => !othersDoing(o))) return;
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
