import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches, isHypotheticalAt } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import { clauseBounds } from '../src/text/clauses.js';
import { findAccounts, findPersonalNumbers, maskPersonalNumber, type PiiKind, type PiiMatch } from '../src/text/pii.js';

// A long number that a label calls an order, tracking, ticket or product number is that, even when
// its digits happen to pass a check. The label sits in the same clause, before the number.
const NOT_PERSONAL_LABEL = /(订单|单号|运单|快递|物流|工单|服务单|编号|流水|交易号|商品|sku|条码|序列号|imei|批次|发票|票号|账单|型号|id)[^,.!?;。！？；\s]{0,6}$/u;

// Hotlines in mobile format exist (an operator's roaming line): a number called a hotline or a
// customer-service line is published for everyone, not a person's.
const HOTLINE_BEFORE = /(热线|客服电话|服务电话|客服号码|服务号码)[:\s]?$/u;
const HOTLINE_AFTER = /^\s?(国际客服|客服热线|热线|服务热线)/u;

// "例如：把来电转到 138…" shows how to type a number; it is nobody's number.
const EXAMPLE = /(例如|比如|譬如|举例|示例|例:|例子|如下格式|格式为|格式如)/u;
const SENTENCE_BREAK = /[。！？!?;；\n\r]/u;

// Links carry long digit runs (item ids, timestamps) that are not numbers anyone typed. A host name
// is read from where its run of letters starts: tried from every letter, a long run would cost quadratic time.
const URL = /(?:https?:\/\/|www\.)[^\s,，。；;！!？?）)】\]"“”]+|(?<![a-z0-9-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|html?)(?:\/[^\s,，。；;！!？?）)】\]"“”]*)?/giu;

// "请勿私下转账", "不要加陌生人微信": the agent warns against leaving the platform.
const FORBIDDING = /(不要|不能|不可以|不可|不会|不用|不必|无需|勿|别|禁止|严禁|切勿|谨防|防止|警惕|小心|谨慎|避免|以免|拒绝|不支持|不建议|不允许|不得)[^,.!?;。！？；]{0,8}$/u;

// A bare account number after "…客服咨询：电话…；QQ：…" is the company's support line, named as such
// earlier in the sentence; "加我微信" stays a personal invitation whoever says it.
const OFFICIAL_CHANNEL = /(客服|热线|官方|企业|公众号|服务号)/u;
const DIGIT = /[0-9]/u;

// A WeChat or QQ id that the agent asks the customer to add, or gives as their own: the words just
// before its label invite ("加我", "加个", "联系我", "添加一下小妹的") or own it ("我的", "本人私人"). The
// spellings of the label (威❤, 薇 信, V X, 微芯, 卫星 after 加 …) are the ones redaction masks the id after
// (src/text/pii.ts). An id after "您的微信" is the customer's, read back, and no invitation.
const INVITES_OR_OWNS = /(?:(?:加|添加|联系|私聊|私信|找)(?:一下|下|个)?(?:我|小妹|本人)?|我|小妹|本人)(?:的)?(?:个人|私人)?[ \t]*$/u;

function sentenceBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return text.slice(start, index);
}

/** The text before `index` back to the end of the last full sentence; a ";" list of contacts stays together. */
function listBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/[。！？!?\n\r]/u.test(text[start - 1]!)) start--;
  return text.slice(start, index);
}

function urlSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(URL)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** Whether a number found in the text is a person's number that the agent exposes. */
function isExposed(text: string, hit: PiiMatch, urls: ReadonlyArray<[number, number]>): boolean {
  if (urls.some(([s, e]) => hit.start < e && hit.end > s)) return false;
  const [clauseStart] = clauseBounds(text, hit.start);
  if (NOT_PERSONAL_LABEL.test(text.slice(clauseStart, hit.start))) return false;
  if (hit.kind === 'mobile') {
    if (HOTLINE_BEFORE.test(text.slice(Math.max(0, hit.start - 8), hit.start))) return false;
    if (HOTLINE_AFTER.test(text.slice(hit.end, hit.end + 6))) return false;
  }
  return !EXAMPLE.test(sentenceBefore(text, hit.start));
}

const MESSAGE_BY_KIND: Record<PiiKind, 'phoneNumber' | 'idNumber' | 'bankCard'> = {
  mobile: 'phoneNumber',
  residentId: 'idNumber',
  bankCard: 'bankCard',
};

export default defineRule({
  meta: {
    id: 'pii-exposure',
    title: '隐私泄露',
    category: 'compliance',
    defaultSeverity: 'error',
    scope: 'message',
    description: '客服发出完整的手机号、身份证号（校验位正确）、银行卡号（通过 Luhn 校验），或把客户引到平台外（加个人微信/QQ、私下转账）',
    messages: {
      phoneNumber: '隐私泄露：消息里有完整的手机号（{masked}）。核对号码时只说后四位，或使用掩码。',
      idNumber: '隐私泄露：消息里有完整的身份证号（{masked}）。不要在会话里发出完整证件号。',
      bankCard: '隐私泄露：消息里有完整的银行卡号（{masked}）。核对卡号时只说后四位。',
      offPlatform: '隐私泄露：把客户引到平台之外（“{phrase}”）。请留在平台内沟通和付款，不要交换个人微信、QQ 或私下转账。',
    },
    schema: z.strictObject({
      /** Which kinds of numbers to report. A team whose replies must read back full card numbers can drop `bankCard`. */
      numbers: z.array(z.enum(['mobile', 'residentId', 'bankCard'])).default(['mobile', 'residentId', 'bankCard']),
      /** Report invitations to personal WeChat/QQ and private payments. */
      offPlatform: z.boolean().default(true),
    }),
    lexicons: ['pii-exposure.off-platform'],
    hasSuggestions: true,
  },
  create(context) {
    const offPlatform = context.lexicon('pii-exposure.off-platform');
    const kinds = new Set(context.options.numbers);

    /** Whether an invitation at [start, end) is asserted: not forbidden, not a condition, not an official channel. */
    function isAsserted(text: string, start: number, end: number, officialMatters: boolean): boolean {
      const [clauseStart] = clauseBounds(text, start);
      if (FORBIDDING.test(text.slice(clauseStart, start))) return false;
      if (officialMatters && OFFICIAL_CHANNEL.test(listBefore(text, start))) return false;
      // "如果有人让您加微信私下转账，请勿相信": a warning about others, stated as a condition.
      return !isHypotheticalAt(text, start) && !/(如果|若|假如|万一|一旦)[^。！？!?]*$/u.test(sentenceBefore(text, start));
    }

    function offPlatformHit(message: AnalyzedMessage): { start: number; end: number } | undefined {
      if (!context.options.offPlatform) return undefined;
      const text = message.text;
      const listed = assertedMatches(message, offPlatform).find((m) => isAsserted(text, m.start, m.end, DIGIT.test(text.slice(m.start, m.end))));
      if (listed) return listed;
      // An id after a label spelt to get past a filter ("加我威❤ kk_10007"): the invitation and the label are the phrase, the id is left out.
      for (const account of findAccounts(text, 'certain')) {
        const invitation = INVITES_OR_OWNS.exec(sentenceBefore(text, account.label.start));
        if (!invitation) continue;
        const start = account.label.start - (invitation[0].length);
        if (isAsserted(text, start, account.end, true)) return { start, end: account.label.end };
      }
      return undefined;
    }

    return {
      agentMessage(message) {
        const text = message.text;
        const urls = urlSpans(text);
        for (const hit of findPersonalNumbers(text, { spellings: 'any' })) {
          if (!kinds.has(hit.kind) || !isExposed(text, hit, urls)) continue;
          const masked = maskPersonalNumber(hit);
          context.report({
            messageId: MESSAGE_BY_KIND[hit.kind],
            data: { masked },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: `用掩码代替完整号码：${masked}`,
          });
        }
        const hit = offPlatformHit(message);
        if (hit) {
          context.report({
            messageId: 'offPlatform',
            data: { phrase: message.originalSlice(hit.start, hit.end) },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: '留在平台内沟通，例如：“您可以直接在这里留言，我会一直跟进到处理完毕。”',
          });
        }
      },
    };
  },
});
