import { describe, expect, it } from 'vitest';
import rule from '../../rules/dismissive-emotion.js';
import { lintConversation } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { runRuleTests } from '../support/rule-tester.js';
import { transcript } from '../support/transcript.js';

const TELL = (phrase: string) => `否定情绪：要求客户收起情绪（“${phrase}”）。先承认客户的感受，例如“非常理解您的心情”。`;
const BELITTLE = (phrase: string) => `否定情绪：否定客户情绪的合理性（“${phrase}”）。客户的感受不需要客服评判，先表示理解再解决问题。`;

runRuleTests(rule, {
  valid: [
    // Reassurance about the outcome is not a verdict on the feeling
    { name: 'reassurance: 别担心 with an action', code: '别担心，我来处理，今天给您答复' },
    { name: 'reassurance: 不用着急 with a promise', code: '不用着急，我今天就帮您寄出' },
    { name: 'reassurance: 您放心', code: '您放心，资金不会丢失' },
    { name: 'encouragement: 别气馁', code: '别气馁，我们一起想办法' },
    // Acknowledging the feeling
    { name: 'anger called normal', code: '生气是正常的，换作是我也会着急' },
    { name: 'anger called reasonable', code: '您生气是应该的，这件事是我们没做好' },
    { code: '非常理解您的心情，我马上帮您催' },
    // Negation, conditions
    { name: 'negated: not asking the customer to calm down', code: '不是让您别生气，是想先帮您把问题解决' },
    { name: 'conditional', code: '如果您还在生气，我们换个方式补偿您' },
    // 冷静 and 不至于 outside feelings
    { name: 'anti-fraud advice uses 冷静', code: '接到陌生来电要冷静识别，不要转账' },
    { name: '不至于 about the product', code: '这个划痕不至于影响正常使用' },
    { name: '着急 in a question about timing', code: '您着急什么时候用呢？我帮您选最快的配送' },
    { name: 'the agent thought too much', code: '是我想多了，包裹已经签收了' },
    { name: 'small thing, no thanks needed', code: '这点小事不用客气' },
    // Repeating someone else's words
    { name: 'quoting a complaint in quotation marks', code: '您说的“冷静一下”是哪位同事说的？我们核实后严肃处理' },
    { name: 'reporting a colleague', code: '您反映客服让您冷静一下，非常抱歉，我们会严肃处理' },
    // Role scope
    { name: 'the customer calms themself down', code: ['客户: 我先冷静一下', '客服: 好的，有需要随时找我'] },
    { name: 'the customer says they are not angry', code: ['客户: 别激动，我就是问问', '客服: 好的，我帮您查一下'] },
    { name: 'traditional reassurance', code: '別擔心，這邊馬上幫您處理' },
    { name: 'banter with a delighted customer', code: ['客户: 哇，居然秒回！', '客服: 淡定~'] },
  ],
  invalid: [
    {
      code: ['客户: 三天了还没发货！', '客服: 请您先别生气，我帮您查一下'],
      output: '非常理解您的心情，我帮您查一下', errors: [{ messageId: 'tellHowToFeel', message: TELL('请您先别生气'), messageSeq: 1, highlight: '请您先别生气', suggestion: true }],
    },
    { code: '亲不要激动哈，订单还在', output: '非常理解您的心情，订单还在', errors: [{ messageId: 'tellHowToFeel', message: TELL('亲不要激动哈'), highlight: '亲不要激动哈' }] },
    { code: '您先消消气，这边马上核实', output: '非常理解您的心情，这边马上核实', errors: [{ messageId: 'tellHowToFeel', message: TELL('您先消消气') }] },
    { code: '息怒啊，我们会改进', output: '非常理解您的心情，我们会改进', errors: [{ messageId: 'tellHowToFeel', message: TELL('息怒啊') }] },
    { code: '麻烦您控制一下情绪', output: '非常理解您的心情', errors: [{ messageId: 'tellHowToFeel', message: TELL('麻烦您控制一下情绪') }] },
    {
      name: 'an acknowledgement beside it does not excuse it by default',
      code: '请您先别生气，我们能理解您的感受',
      output: '我们能理解您的感受', errors: [{ messageId: 'tellHowToFeel', message: TELL('请您先别生气') }],
    },
    { name: 'asked, still a command', code: '别生气了好吗？', output: '非常理解您的心情。', errors: [{ messageId: 'tellHowToFeel', message: TELL('别生气了') }] },
    {
      name: 'traditional input is quoted and answered in traditional',
      code: '請您冷靜一下，我幫您查',
      output: '非常理解您的心情，我幫您查', errors: [{ messageId: 'tellHowToFeel', message: '否定情緒：要求客戶收起情緒（“請您冷靜一下”）。先承認客戶的感受，例如“非常理解您的心情”。', highlight: '請您冷靜一下' }],
    },
    {
      name: 'mixed script and full-width text',
      code: 'ＯＫ，这个问题您先冷靜一下，这边马上处理',
      errors: [{ messageId: 'tellHowToFeel', message: TELL('您先冷靜一下'), highlight: '您先冷靜一下' }],
    },
    // Belittling
    { code: '没必要这么生气吧', output: '非常理解您的心情', errors: [{ messageId: 'belittle', message: BELITTLE('没必要这么生气'), suggestion: true }] },
    { code: '这有什么好急的，明天就到了', output: '非常理解您的心情，明天就到了', errors: [{ messageId: 'belittle', message: BELITTLE('有什么好急的'), highlight: '有什么好急的' }] },
    { code: '您想多了，我们不会泄露信息', output: '您的担心我能理解，我们不会泄露信息', errors: [{ messageId: 'belittle', message: BELITTLE('您想多了') }] },
    { code: '不至于吧，才晚了一天', output: '非常理解您的心情，让您多等了一天，真的很抱歉', errors: [{ messageId: 'belittle', message: BELITTLE('不至于吧') }] },
    { code: '急什么，又不是不给你发', output: '非常理解您的心情，我们会给您发货的', errors: [{ messageId: 'belittle', message: BELITTLE('急什么') }] },
    { code: '这点小事就要投诉？', output: '非常理解您的心情。', errors: [{ messageId: 'belittle', message: BELITTLE('这点小事就要投诉') }] },
    {
      name: 'belittling wins over a command in the same message',
      code: '别生气了，没必要发火',
      output: '非常理解您的心情', errors: [{ messageId: 'belittle', message: BELITTLE('没必要发火') }],
    },
    {
      name: 'traditional belittling',
      code: '您多慮了，帳戶是安全的',
      output: '您的擔心我能理解，帳戶是安全的', errors: [{ messageId: 'belittle', message: '否定情緒：否定客戶情緒的合理性（“您多慮了”）。客戶的感受不需要客服評判，先表示理解再解決問題。' }],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'acknowledgementExcuses accepts a command softened by understanding', code: '请您先别生气，我们能理解您的感受', options: { acknowledgementExcuses: true } },
  ],
  invalid: [
    {
      name: 'acknowledgementExcuses still flags a bare command',
      code: '您先别生气',
      options: { acknowledgementExcuses: true },
      output: '非常理解您的心情', errors: [{ messageId: 'tellHowToFeel', message: TELL('您先别生气') }],
    },
    {
      name: 'acknowledgementExcuses never excuses belittling',
      code: '理解您，但没必要生气',
      options: { acknowledgementExcuses: true },
      errors: [{ messageId: 'belittle', message: BELITTLE('没必要生气') }],
    },
  ],
});

describe('dismissive-emotion suggested rewrites', () => {
  const lexicons = loadLexicons();
  const suggestionFor = (text: string) => {
    const settings = {
      rules: [{ rule, severity: 'warn' as const, options: rule.meta.schema.parse({}) }],
      lexicons,
      segmenter: jiebaSegmenter,
      calendar: { timezone: 'Asia/Shanghai' },
    };
    return lintConversation(transcript([`客服: ${text}`]), settings).findings[0]?.suggestion;
  };

  it('replaces the command with an acknowledgement', () => {
    expect(suggestionFor('亲，您先不要生气，我们已经提交给仓库了')).toBe('亲，非常理解您的心情，我们已经提交给仓库了');
  });
  it('drops the command when the message already acknowledges the feeling', () => {
    expect(suggestionFor('让您久等了，实在抱歉，请您先消消气，物流这边我在催')).toBe('让您久等了，实在抱歉，物流这边我在催');
  });
  it('keeps traditional text traditional', () => {
    expect(suggestionFor('別激動，我幫您查')).toBe('非常理解您的心情，我幫您查');
  });
});
