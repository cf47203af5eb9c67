import { describe, expect, it } from 'vitest';
import rule from '../../rules/negative-wording.js';
import { lintConversation } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { runRuleTests } from '../support/rule-tester.js';
import { transcript } from '../support/transcript.js';

const REFUSAL = (phrase: string) => `消极措辞：只说做不到（“${phrase}”），没有给出替代方案。说明我方能做什么，或客户还可以怎么办。`;
const COMMAND = (phrase: string) => `消极措辞：命令式的“${phrase}”。改用“请您…”或“麻烦您…”。`;

runRuleTests(rule, {
  valid: [
    // A refusal with an alternative in the same message
    { name: 'contrast and an offer', code: '这个退不了，不过可以帮您换一个新的' },
    { name: 'a suggestion', code: '积分没办法直接兑现金，建议您用来抵扣运费' },
    { name: 'the customer can do something else', code: '这个功能做不到，您可以换个浏览器试试' },
    { name: 'we report back later', code: '这类单据没办法截图，开好后会短信通知您' },
    { name: 'an invitation to a channel that can help', code: '微博这边无法为您查询账单，欢迎随时私信我们' },
    { name: 'an offer asked as a question', code: '这个颜色没法调货了，要不帮您换成黑色？' },
    { name: 'already fixed', code: '之前页面出错所以没办法下单，现在已经修复了' },
    // Questions, conditions, negations
    { name: 'asking whether there is a way', code: '有没有办法让您先用着备用机呢？' },
    { name: 'asked, not asserted', code: '还是没法登录吗？' },
    { name: 'a condition', code: '如果重启后还是不行，再联系我' },
    { name: 'a condition in the clause before', code: '如合约未到期，是不能办理降档的哦' },
    { name: 'a consequence of a missing step', code: '麻烦把订单号发我一下，否则没法查询' },
    { name: 'information the customer has not given yet', code: '由于您还没提供订单号，暂时无法为您核实' },
    { name: 'negated', code: '不是没办法，是需要等审核结果' },
    // Not refusals at all
    { name: 'not known yet', code: '到货时间现在还没办法确定，有消息第一时间告诉您' },
    { name: 'cannot confirm is not a refusal', code: '没看到实物的话，没法确认是哪个批次' },
    { name: 'reassurance with 不可能', code: '我们绝不可能泄露您的个人信息' },
    { name: 'a closing formula is not an alternative, but nothing is refused here', code: '请问还有什么可以帮到您的吗？' },
    { name: 'a product capability', code: '这款耳机不支持无线充电' },
    { name: '不行 inside a description', code: '用书签打开的不行，直接输入网址就可以' },
    // Polite instructions are not commands
    { name: 'polite 您需要', code: '您需要先在设置里打开定位' },
    { name: '你需要 as a question', code: '你需要什么颜色？' },
    { name: '你需要 embedded in a question', code: '麻烦讲讲你需要处理哪一单，我马上看' },
    { name: 'a conditional 你需要', code: '如果你需要发票，可以在订单页申请' },
    { name: '你要 meaning want', code: '你要的那款明天到货' },
    { name: '你得 as a verb', code: '你得到的优惠券已经放进账户了' },
    { name: 'describing what the customer sent', code: '你给我发的截图我收到了' },
    // Role scope and repeated speech
    { name: 'the customer says 没办法', code: ['客户: 我也没办法，只能等了', '客服: 我帮您催一下仓库'] },
    { name: 'reporting what a colleague said', code: '您反映工作人员说“办不了”，我们核实后给您回复' },
    { name: 'traditional, with an alternative', code: '這個退不了，不過可以幫您換貨' },
  ],
  invalid: [
    {
      code: ['客户: 能便宜点吗', '客服: 抱歉，这个真的没办法'],
      errors: [{ messageId: 'refusal', message: REFUSAL('没办法'), messageSeq: 1, highlight: '没办法', suggestion: true }],
    },
    { name: 'a bare “不行”', code: ['客户: 让家人代办可以吗？', '客服: 不行的。'], errors: [{ messageId: 'refusal', message: REFUSAL('不行的'), messageSeq: 1 }] },
    { code: '亲，这个不可以的呢', errors: [{ messageId: 'refusal', message: REFUSAL('这个不可以的呢') }] },
    { code: '这个我们做不到', errors: [{ messageId: 'refusal', message: REFUSAL('做不到') }] },
    { code: '这个地址我无法为您修改', errors: [{ messageId: 'refusal', message: REFUSAL('无法为您') }] },
    { code: '这个不可能', errors: [{ messageId: 'refusal', message: REFUSAL('这个不可能') }] },
    { code: '这已经是底价，没法再便宜了', errors: [{ messageId: 'refusal', message: REFUSAL('没法') }] },
    {
      name: 'an apology is not an alternative',
      code: '超过时限了，退款确实没有办法，请您谅解',
      errors: [{ messageId: 'refusal', message: REFUSAL('没有办法'), highlight: '没有办法' }],
    },
    {
      name: 'the refused action is not an offer',
      code: '这单我没办法帮您取消',
      errors: [{ messageId: 'refusal', message: REFUSAL('没办法') }],
    },
    {
      name: 'a closing formula is not an alternative',
      code: '这边确实无能为力，还有什么可以帮到您的吗？',
      errors: [{ messageId: 'refusal', message: REFUSAL('无能为力') }],
    },
    {
      name: 'traditional input is quoted and answered in traditional',
      code: '這個真的沒辦法',
      errors: [{ messageId: 'refusal', message: '消極措辭：只說做不到（“沒辦法”），沒有給出替代方案。說明我方能做什麼，或客戶還可以怎麼辦。', highlight: '沒辦法' }],
    },
    {
      name: 'mixed script and full-width text',
      code: 'ＯＫ，这个型号真的辦不了',
      errors: [{ messageId: 'refusal', message: REFUSAL('辦不了'), highlight: '辦不了' }],
    },
    // Commands
    {
      code: '你需要先把订单号发过来',
      output: '麻烦您先把订单号发过来', errors: [{ messageId: 'command', message: COMMAND('你需要'), highlight: '你需要', suggestion: true }],
    },
    { code: '你必须本人带身份证来', output: '请您本人带身份证来', errors: [{ messageId: 'command', message: COMMAND('你必须') }] },
    { code: '你要把照片拍清楚', output: '请您把照片拍清楚', errors: [{ messageId: 'command', message: COMMAND('你要') }] },
    { code: '你得自己去网点', output: '请您自己去网点', errors: [{ messageId: 'command', message: COMMAND('你得') }] },
    { name: '您必须 still commands', code: '您必须提供购买凭证', output: '请您提供购买凭证', errors: [{ messageId: 'command', message: COMMAND('您必须') }] },
    {
      name: 'traditional command',
      code: '你必須先寄回來',
      output: '請您先寄回來', errors: [{ messageId: 'command', message: '消極措辭：命令式的“你必須”。改用“請您…”或“麻煩您…”。', highlight: '你必須' }],
    },
    {
      name: 'a refusal and a command in one message',
      code: '没办法，你必须等审核',
      errors: [
        { messageId: 'refusal', message: REFUSAL('没办法') },
        { messageId: 'command', message: COMMAND('你必须') },
      ],
    },
  ],
});

runRuleTests(rule, {
  valid: [{ name: 'commands: false leaves commands alone', code: '你需要先把订单号发过来', options: { commands: false } }],
  invalid: [
    {
      name: 'commands: false still reports refusals',
      code: '这个办不了',
      options: { commands: false },
      errors: [{ messageId: 'refusal', message: REFUSAL('办不了') }],
    },
    { name: 'commands are reported by default', code: '你需要先把订单号发过来', output: '麻烦您先把订单号发过来', errors: [{ messageId: 'command', message: COMMAND('你需要') }] },
  ],
});

describe('negative-wording suggested rewrites', () => {
  const lexicons = loadLexicons();
  const suggestionFor = (text: string) => {
    const settings = {
      rules: [{ rule, severity: 'warn' as const, options: rule.meta.schema.parse({}) }],
      lexicons,
      segmenter: jiebaSegmenter,
      calendar: { timezone: 'Asia/Shanghai' },
    };
    return lintConversation(transcript([`客服: ${text}`]), settings).findings.find((f) => f.messageId === 'command')?.suggestion;
  };

  it('asks instead of ordering', () => {
    expect(suggestionFor('你需要先把订单号发过来')).toBe('麻烦您先把订单号发过来');
    expect(suggestionFor('你必须本人到场')).toBe('请您本人到场');
    expect(suggestionFor('你要把照片拍清楚')).toBe('请您把照片拍清楚');
  });
  it('keeps traditional text traditional', () => {
    expect(suggestionFor('你必須先寄回來')).toBe('請您先寄回來');
  });
});
