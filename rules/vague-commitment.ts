import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { clauseBounds } from '../src/text/clauses.js';
import { isPhoneCall } from '../src/engine/conversation-shape.js';
import { originalFix } from '../src/text/clause-rewrite.js';

const SENTENCE_BREAK = /[.!?;。！？；\n\r]/u;

function sentenceBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return text.slice(start, index);
}

// "请您尽快寄回", "建议亲尽快修改密码", "希望能尽快解决", "稍后您可以再拨打查询": the customer is asked
// to act, or a wish is voiced. Neither is a promise from our side.
// "为您尽快" keeps the promise ours: 您 after 为/帮/给 is the beneficiary, not the subject.
const CUSTOMER_DIRECTED = /(请|建议|麻烦|烦请|劳烦|还请|希望|期待|需要|需|须|应|应该|务必|记得|(?<![为帮给替与和跟向])(您|你|亲))(您|你|亲)?(能|能够|可以|可|要|需要|需|也|也可以|务必|再|自己)?$/u;
const CUSTOMER_AFTER = /^(稍后|随后|晚点|晚些时候|待会儿?|回头)(您|你|亲|请)/u;
// "建议您挑好套餐后尽快下单": the customer was addressed earlier in the clause, and no promise of ours
// (我们/会/将) came between.
const CUSTOMER_CLAUSE = /(建议|请|麻烦|烦请|劳烦|还请|希望|需要)(您|你|亲)(?![^,.!?;。！？；]*(我|会|将))/u;
// "重启后随后再将数据恢复": a step of the customer's instructions.
const LATER_STEP = /^(随后|稍后|待会儿?|回头)再?(将|把|重新|打开|进入|点击|尝试|重启|设置)/u;
// "没能立刻帮您解决": the agent regrets, and promises nothing. jieba keeps 没能 as one word, which
// the shared negation check does not list.
const REGRET = /(没能|未能|无法|不能|没法|没有办法)$/u;

// "为了尽快为您核实，请私信提供号码": 尽快 states why we ask for the details, it promises nothing.
const PURPOSE = /(为了|为帮助您|为方便|以便|便于|有利于|有助于|以期|旨在|帮助您|协助您)[^,.!?;。！？；]{0,10}$/u;
// The purpose can run on over a comma ("为了避免输错，以及尽快记录"); it ends where we make a promise.
const PURPOSE_IN_SENTENCE = /(为了|以便|便于)(?![^。！？!?]*(会|将|我们|我|小编|小妹))[^。！？!?]*$/u;

// "您稍候，马上为您处理": after a hold notice, 马上 is the next minute of this chat.
const HOLD = /(稍等|稍候|请等一下|等我一下)/u;
const RIGHT_AWAY = /^(马上|立即|立刻|立马)/u;

// "如有别的情况，我们会尽快跟进" offers help for a later problem; a condition earlier in the sentence
// (as in blame-shifting) means the promise is not about this case. 如需/如有/如您 are conditions;
// 例如/比如 are not.
const CONDITION = /(如果|如若|假如|倘若|要是|万一|一旦|若|(?<![例比譬诸])如(?=有|需|您|亲|果|遇|仍|还|已|在)|的话)/u;

// "到货后第一时间通知您", "到货后立马发货": the promise waits on stock or delivery, which nobody can
// put a time on; it describes how the shop works. Our own steps (审核, 核实) are not such events.
const EXTERNAL_EVENT = /(到货|有货|补货|到达|到站|签收|上架)(后|之后|以后|了)[^,.!?;。！？；]{0,6}$/u;

// On a call, "稍后短信通知您" and "稍后给您发送一个语音提示" come minutes after the hang-up, from the system.
const CALL_NOTICE = /(短信|语音|提示|链接|验证码)/u;

// "我保证会跟进到底" promises the agent's own effort, which the agent can keep.
const OWN_EFFORT = /(跟进|跟到底|负责到底|尽力|尽全力|全力|认真|回复您|联系您|给您回复|给您答复|为您服务)/u;
const OUTCOME = /(解决|修好|搞定|到货|到账|收到|送到|送达|恢复|不会再|不再|再也不|没问题|没有问题|成功|满意|出现|发生)/u;

type MessageId = 'vagueTime' | 'absoluteGuarantee';

// How a promise takes a time, by the words that make it vague. 尽快 and 及时 give way to the time
// ("会尽快处理" → "会在24小时内处理"); a 稍后 or 马上 that opens the promise is the time's place
// ("稍后给您回复" → "24小时内给您回复"); a promise that someone will get in touch gets the time
// before the contact ("会有专人与您联系" → "会有专人在24小时内与您联系").
const SOON = /尽快|尽早|尽量快|尽可能快|及时/u;
const OPENING = /^(稍后|随后|晚点|晚些时候|待会儿?|回头|马上|立即|立刻|立马)(就)?/u;
const CONTACT = /(与您|和您|跟您|给您|为您|帮您|联系|回复|回电|致电|跟进|处理|上门|答复|反馈|关注|留意)/u;
const AFTER_AUXILIARY = /(会|将|能|要|可以|就)$/u;

/** The edit that writes the team's time into a vague promise, in the original text. */
function timedPromise(message: AnalyzedMessage, hit: LexiconMatch, time: string): { range: [number, number]; text: string } | undefined {
  const text = message.text;
  const phrase = text.slice(hit.start, hit.end);
  const soon = SOON.exec(phrase);
  if (soon) {
    const start = hit.start + soon.index;
    const end = start + soon[0].length;
    // "我们也会尽快的" has no verb after 尽快 for the time to stand before: left for a person.
    if (/^([的了哦呢啊呀哈吧嘛]|[\s,.!?;:。、！？；…~～#]|$)/u.test(text.slice(end))) return undefined;
    // "会尽快" takes 在: "会在24小时内"; at the head of a clause the time stands alone.
    const said = AFTER_AUXILIARY.test(text.slice(0, start)) ? `在${time}` : time;
    return originalFix(message.normalized, start, end, said);
  }
  const opening = OPENING.exec(phrase);
  if (opening) {
    // "马上就到账了" promised a moment; with a time it no longer ends in 了.
    const end = hit.start + opening[0].length;
    const closing = /^了(?=$|[,.!?;。！？；\s])/u.test(text.slice(hit.end)) ? 1 : 0;
    // "退款马上到账" promises an outcome, not something we do for the customer: it is expected by then.
    const outcome = !/(为您|给您|帮您|与您|和您|跟您|我|我们)/u.test(text.slice(hit.start, hit.end));
    return originalFix(message.normalized, hit.start, hit.end + closing, (outcome ? '预计' : '') + time + message.originalSlice(end, hit.end));
  }
  const contact = CONTACT.exec(phrase);
  if (!contact || contact.index === 0) return undefined;
  const at = hit.start + contact.index;
  return originalFix(message.normalized, at, at, `在${time}`);
}

// How many earlier agent replies may hold the time that a later 尽快 refers to.
const EARLIER_TIME_LOOKBACK = 1;

export default defineRule({
  meta: {
    id: 'vague-commitment',
    title: '模糊承诺',
    category: 'resolution',
    defaultSeverity: 'warn',
    scope: 'message',
    description: '承诺“尽快、稍后、马上处理、会有人联系您”却没有时间或具体动作，或对结果作绝对化保证（保证、百分百、绝对、一定不会再出现）',
    messages: {
      vagueTime: '模糊承诺：“{phrase}”没有给出时间，也没有具体动作。告诉客户谁在什么时间前做什么，例如“今天18点前给您回电”。',
      absoluteGuarantee: '模糊承诺：绝对化保证（“{phrase}”）无法确保兑现。说明我方会做什么、何时有结果，不要担保结果。',
    },
    schema: z.strictObject({
      /** Report absolute guarantees as well as promises without a time. */
      guarantees: z.boolean().default(true),
      /**
       * Whether an action in the same message (happening now, as "马上为您查询", already done, as
       * "已为您提交加急", or a ticket number) makes a 尽快 acceptable. When false, only a time does.
       */
      actionCounts: z.boolean().default(false),
      /**
       * The time the team can promise, such as "24小时内" or "今天18点前". When set, `replies --fix`
       * writes it into a promise that has none ("我们会尽快处理" → "我们会在24小时内处理"). Unset,
       * nothing is fixed: only the team knows which time it can keep.
       */
      promiseTime: z.string().min(1).max(20).optional(),
    }),
    lexicons: ['vague-commitment.vague', 'vague-commitment.time', 'vague-commitment.action', 'vague-commitment.guarantee'],
    hasSuggestions: true,
    fixable: true,
  },
  create(context) {
    const vague = context.lexicon('vague-commitment.vague');
    const time = context.lexicon('vague-commitment.time');
    const action = context.lexicon('vague-commitment.action');
    const guarantee = context.lexicon('vague-commitment.guarantee');
    const { guarantees, actionCounts, promiseTime } = context.options;

    /** True when the message names a time, or (if actions count) a concrete action or ticket. */
    function isConcrete(message: AnalyzedMessage): boolean {
      if (assertedMatches(message, time).length > 0) return true;
      return actionCounts && assertedMatches(message, action).length > 0;
    }

    /**
     * A time the agent gave a few replies earlier still holds for the same case: "[数字x]小时内给您回电"
     * and later "核实清楚尽快给您回电" is one promise.
     */
    function timeGivenBefore(message: AnalyzedMessage): boolean {
      return context.analysis
        .humanRepliesBefore(message.seq, EARLIER_TIME_LOOKBACK)
        .some((m) => assertedMatches(m, time).length > 0);
    }

    function vaguePromise(message: AnalyzedMessage): LexiconMatch | undefined {
      const text = message.text;
      return assertedMatches(message, vague, { questions: true, hypotheticals: true }).find((m) => {
        const [clauseStart] = clauseBounds(text, m.start);
        const before = text.slice(clauseStart, m.start);
        if (CUSTOMER_DIRECTED.test(before) || PURPOSE.test(before)) return false;
        // "我们懂您的尽快需求": 尽快 used as a noun after 的, not a promise.
        if (before.endsWith('的') && /^尽/u.test(text.slice(m.start, m.end))) return false;
        if (PURPOSE_IN_SENTENCE.test(sentenceBefore(text, m.start))) return false;
        if (CUSTOMER_CLAUSE.test(before) || REGRET.test(before)) return false;
        const phrase = text.slice(m.start, m.end);
        if (CUSTOMER_AFTER.test(phrase) || LATER_STEP.test(phrase)) return false;
        if (RIGHT_AWAY.test(phrase) && HOLD.test(text)) return false;
        if (EXTERNAL_EVENT.test(sentenceBefore(text, m.start))) return false;
        if (isPhoneCall(context.analysis.conversation) && CALL_NOTICE.test(text.slice(clauseStart, clauseBounds(text, m.end)[1]))) return false;
        return !CONDITION.test(sentenceBefore(text, m.start));
      });
    }

    function guaranteeHit(message: AnalyzedMessage): LexiconMatch | undefined {
      if (!guarantees) return undefined;
      const text = message.text;
      return assertedMatches(message, guarantee, { questions: true, hypotheticals: true }).find((m) => {
        const [, clauseEnd] = clauseBounds(text, m.start);
        const promised = text.slice(m.start, Math.max(clauseEnd, m.end));
        return !(OWN_EFFORT.test(promised) && !OUTCOME.test(promised));
      });
    }

    return {
      agentMessage(message) {
        const found: Array<[MessageId, LexiconMatch]> = [];
        const guaranteed = guaranteeHit(message);
        if (guaranteed) found.push(['absoluteGuarantee', guaranteed]);
        const promised = vaguePromise(message);
        if (promised && !isConcrete(message) && !timeGivenBefore(message) && !(guaranteed && promised.start < guaranteed.end && promised.end > guaranteed.start)) {
          found.push(['vagueTime', promised]);
        }
        found.sort((a, b) => a[1].start - b[1].start);
        for (const [messageId, hit] of found) {
          context.report({
            messageId,
            data: { phrase: message.originalSlice(hit.start, hit.end) },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: messageId === 'vagueTime'
              ? '给出时间或具体动作，例如：“我已提交加急，今天18点前给您回电告知结果。”'
              : '只承诺我方能做到的，例如：“我会全程跟进，明天中午前把处理结果告诉您。”',
            fix: messageId === 'vagueTime' && promiseTime ? timedPromise(message, hit, promiseTime) : undefined,
          });
        }
      },
    };
  },
});

