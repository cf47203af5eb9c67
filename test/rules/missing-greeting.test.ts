import rule from '../../rules/missing-greeting.js';
import { runRuleTests } from '../support/rule-tester.js';
import { describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { transcript } from '../support/transcript.js';

const NO_GREETING = (window = 1) => `缺少欢迎语：客服开场的 ${window} 条回复里没有问候（如“您好，很高兴为您服务”）。`;

runRuleTests(rule, {
  valid: [
    { name: 'an export cut mid-conversation opens on the customer’s bare answer', code: ['客户: 对', '客户: 这个我之前买过', '客服: 嗯嗯好的呢'] },
    { name: 'an order card before the agent’s first words', code: ['客户: 屏幕失灵', '客服: [ORDERID_10018713]', '客服: 亲亲，您好，是这一单吗'] },
    // Phone calls: the recogniser swaps speakers in the first seconds; the company's opening counts
    // wherever it is in the first lines.
    { name: 'a call whose opening the recogniser gave to the customer', channel: 'phone', code: ['客户: 喂，你好，这边是某某证券，请问是王女士吗', '客服: 对，我想问一下开户', '客户: 好的'] },
    { name: 'a call-centre opening', channel: 'phone', code: ['客户: 喂', '客服: 某某证券很荣幸为您服务', '客户: 我想查一下账户'] },
    { name: '您好', code: ['客户: 我的快递到哪了', '客服: 您好，请提供一下订单号'] },
    { name: 'address with 亲', code: ['客户: 能开发票吗', '客服: 亲，可以的，请问开个人还是公司'] },
    { name: 'a sign of presence', code: ['客户: 在吗', '客服: 在的呢，请说'] },
    { name: 'the standard opener', code: ['客户: 人工', '客服: 有什么问题值班客服可以帮您看看呢?'] },
    { name: 'the opener for a returning customer', code: ['客户: 你好', '客服: 请问您是咨询上次的订单，还是新的问题呢?'] },
    { name: 'a welcome', code: ['客户: 想问下尺码', '客服: 欢迎光临，很高兴为您服务'] },
    { name: 'time-of-day greeting', code: ['客户: 退款呢', '客服: 下午好，我帮您看一下'] },
    { name: 'traditional greeting', code: ['客戶: 請問發票', '客服: 您好，這裡是售後服務'] },
    { name: 'full-width Latin greeting', code: ['客户: 在吗', '客服: Ｈｉ～请问有什么需要'] },
    { name: 'a greeting after a bot is still the agent’s greeting', code: ['机器人: 您好，我是智能助手', '客户: 转人工', '客服: 您好，我是人工客服小林'] },
    { name: 'a sticker-only first reply cannot be judged', code: ['客户: 在吗', '客服: #E-s[数字x]#E-s[数字x]', '客服: 请提供订单号'] },
    { name: 'an empty first reply (lost emoji) cannot be judged', code: ['客户: 在吗', '客服: ', '客服: 请提供订单号'] },
    { name: 'no human reply at all', code: ['客户: 在吗', '机器人: 请描述您的问题'] },
    { name: 'internal notes are not replies', code: ['客户: 在吗', '客服[internal]: 这单先查物流', '客服: 您好，我帮您查'] },
    { name: '别 before 亲 does not negate the greeting', code: ['客户: 气死了', '客服: 别着急亲，我马上查'] },
  ],
  invalid: [
    {
      name: 'after the card, the first words still need a greeting',
      code: ['客户: 屏幕失灵', '客服: [ORDERID_10018713]', '客服: 是这一单吗'],
      errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 2 }],
    },
    {
      name: 'on a call the customer’s own 你好 is not the agent’s greeting',
      channel: 'phone',
      code: ['客户: 你好，我想报装宽带', '客服: 好的，请问您的地址是哪里？'],
      errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 1 }],
    },
    {
      code: ['客户: 我的快递到哪了', '客服: 麻烦发一下订单编号', '客服: 您好，查到了'],
      errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 1, suggestion: true }],
    },
    { name: 'a hold notice is not a greeting', code: ['客户: 退款呢', '客服: 稍等片刻，这边正在查~'], errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 1 }] },
    { name: 'an order card pasted first', code: ['客户: 补开发票', '客服: [ORDERID_10001] 是这个订单吗'], errors: [{ messageId: 'noGreeting', message: NO_GREETING() }] },
    { name: '亲自 is not an address', code: ['客户: 能代办吗', '客服: 这个需要本人亲自办理'], errors: [{ messageId: 'noGreeting', message: NO_GREETING() }] },
    { name: 'an apology is not a greeting', code: ['客户: 又坏了', '客服: 实在不好意思，麻烦发一下订单编号'], errors: [{ messageId: 'noGreeting', message: NO_GREETING() }] },
    {
      name: 'traditional input is answered in traditional',
      code: ['客戶: 請問發票', '客服: 請提供訂單號'],
      errors: [{ messageId: 'noGreeting', message: '缺少歡迎語：客服開場的 1 條回覆裡沒有問候（如“您好，很高興為您服務”）。' }],
    },
    { name: 'an agent who opens the chat also greets', code: ['客服: 您的订单已发货', '客户: 好的'], errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 0 }] },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'window: 2 accepts a greeting in the second reply', code: ['客户: 退款呢', '客服: 稍等', '客服: 您好，查到了'], options: { window: 2 } },
    { name: 'eachAgent: false does not judge the second agent', code: ['客户: 退款呢', '客服(小林): 您好，我转给同事', '客服(小王): 查到了，已退款'] },
  ],
  invalid: [
    {
      name: 'window: 2 with no greeting in either',
      code: ['客户: 退款呢', '客服: 稍等', '客服: 查到了'],
      options: { window: 2 },
      errors: [{ messageId: 'noGreeting', message: NO_GREETING(2), messageSeq: 1 }],
    },
    {
      name: 'eachAgent: the agent who takes over must greet too',
      code: ['客户: 退款呢', '客服(小林): 您好，我转给财务同事', '客服(小王): 查到了，已退款'],
      options: { eachAgent: true },
      errors: [{ messageId: 'noGreeting', message: NO_GREETING(), messageSeq: 2 }],
    },
    {
      name: 'publicThreads: true changes nothing on a chat channel',
      code: ['客户: @客服 宽带又断了', '客服: 请私信您的账号'],
      options: { publicThreads: true },
      errors: [{ messageId: 'noGreeting', message: NO_GREETING() }],
    },
  ],
});

describe('missing-greeting on public threads', () => {
  const lint = (channel: string | undefined, format: string, options: Record<string, unknown> = {}) => {
    const conversation = transcript(['客户: @客服 宽带又断了', '客服: 请私信您的账号']);
    conversation.channel = channel;
    conversation.source.format = format;
    return lintConversation(conversation, {
      rules: [{ rule, severity: 'warn', options: rule.meta.schema.parse(options) }],
      lexicons: loadLexicons(),
      segmenter: jiebaSegmenter,
      calendar: { timezone: 'Asia/Shanghai' },
    });
  };

  it('is not applicable on a Weibo channel or the DCH collection by default', () => {
    for (const [channel, format] of [['weibo', 'jsonl'], ['微博', 'csv'], [undefined, 'dch']] as const) {
      const result = lint(channel, format);
      expect(result.findings).toEqual([]);
      expect(result.notApplicable).toEqual([{ ruleId: 'missing-greeting', reason: 'public-thread' }]);
    }
  });

  it('judges them when publicThreads is on', () => {
    expect(lint(undefined, 'dch', { publicThreads: true }).findings.map((f) => f.messageId)).toEqual(['noGreeting']);
  });
});
