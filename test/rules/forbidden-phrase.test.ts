import { describe, expect, it } from 'vitest';
import rule from '../../rules/forbidden-phrase.js';
import { lintConversation } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { runRuleTests } from '../support/rule-tester.js';
import { transcript } from '../support/transcript.js';

const FORBIDDEN = (phrase: string) => `服务禁语：“${phrase}”。任何情况下都不应对客户这样说。`;

runRuleTests(rule, {
  valid: [
    // Polite near-misses
    { name: 'explaining again politely', code: '我再说明一下，订单明天发出' },
    { name: '“您看一下” points the customer to something', code: '您看一下页面上的提示' },
    { name: 'self-service offered politely', code: '您可以自己查看订单详情' },
    { name: 'the customer had told us', code: '您有跟我们说过了，我们正在处理' },
    { name: 'referring back to an earlier offer', code: '我之前跟您说过的方案还有效' },
    { name: 'the customer repeated themselves: our fault', code: '您说了好几次，确实是我们的疏忽' },
    { name: 'the agent chased for the customer', code: '我帮您问了好几次厂家，还在等回复' },
    { name: 'offering to explain what is unclear', code: '是哪里看不懂呢？我一步步教您' },
    { name: 'the agent will look it up', code: '那我自己找吧，您稍等' },
    { name: 'a fact about the system', code: '系统不会自己去扣费的' },
    { name: '有病毒 is not an insult', code: '手机可能有病毒，建议先杀毒' },
    { name: '随便您挑 is an offer', code: '随便您挑，都有现货' },
    { name: 'telling the customer how to complain', code: '您可以向我们投诉，我们一定改进' },
    { name: '滚 in a product name', code: '滚筒洗衣机明天送到' },
    { name: 'empathising with a nuisance', code: '这种情况真是让人烦心，我来帮您处理' },
    // Repeated speech
    { name: 'quoting the customer’s complaint', code: '您说客服回了句“爱买不买”，我们会严肃处理' },
    { name: 'reporting a colleague without quotation marks', code: '您反映客服说爱买不买，非常抱歉' },
    { name: 'quoting in traditional', code: '您說的「你懂不懂」是哪位同事說的？' },
    // Negation and role scope
    { name: 'negated', code: '我们绝不是说您不懂，是我没讲清楚' },
    { name: 'a rude customer is not judged', code: ['客户: 你懂不懂啊', '客服: 非常抱歉，我再为您说明一下'] },
  ],
  invalid: [
    {
      code: ['客户: 还是不明白', '客服: 你懂不懂啊'],
      output: '可能是我没有说清楚，我再为您说明一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('懂不懂'), messageSeq: 1, highlight: '懂不懂', suggestion: true }],
    },
    { code: '我已经说过了，明天发货', output: '我再为您说明一下，明天发货', errors: [{ messageId: 'forbidden', message: FORBIDDEN('我已经说过了'), highlight: '我已经说过了' }] },
    { code: '我都跟你讲过了', output: '我再为您说明一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('我都跟你讲过了') }] },
    { code: '我不是说了吗？', output: '我再为您说明一下。', errors: [{ messageId: 'forbidden', message: FORBIDDEN('我不是说了吗') }] },
    { code: '跟您说了好几遍了，不能退', errors: [{ messageId: 'forbidden', message: FORBIDDEN('说了好几遍了') }] },
    { code: '你自己看吧', output: '我来帮您查一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('你自己看吧') }] },
    { code: '不会自己查一下吗', output: '我来帮您查一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('不会自己查一下吗') }] },
    { code: '你听不懂吗', output: '可能是我没有说清楚，我再为您说明一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('你听不懂') }] },
    { code: '爱买不买', output: '您可以再考虑一下，有任何疑问随时问我', errors: [{ messageId: 'forbidden', message: FORBIDDEN('爱买不买') }] },
    { code: '嫌贵别买', output: '您可以再考虑一下，有任何疑问随时问我', errors: [{ messageId: 'forbidden', message: FORBIDDEN('嫌贵别买') }] },
    { code: '你问我我问谁', output: '我来帮您查一下', errors: [{ messageId: 'forbidden', message: FORBIDDEN('你问我我问谁') }] },
    { code: '你是不是有病', errors: [{ messageId: 'forbidden', message: FORBIDDEN('你是不是有病') }] },
    { code: '你烦不烦', errors: [{ messageId: 'forbidden', message: FORBIDDEN('烦不烦') }] },
    { code: '你去投诉吧，投诉也没用', output: '给您带来不好的体验，非常抱歉，我来帮您看看怎么解决', errors: [{ messageId: 'forbidden', message: FORBIDDEN('你去投诉吧') }, { messageId: 'forbidden', message: FORBIDDEN('投诉也没用') }] },
    { name: 'a rhetorical question is not spared', code: '关我什么事？', output: '我来帮您查一下。', errors: [{ messageId: 'forbidden', message: FORBIDDEN('关我什么事') }] },
    {
      name: 'traditional input is quoted and answered in traditional',
      code: '我已經說過了',
      output: '我再為您說明一下', errors: [{ messageId: 'forbidden', message: '服務禁語：“我已經說過了”。任何情況下都不應對客戶這樣說。', highlight: '我已經說過了' }],
    },
    {
      name: 'mixed script and full-width text',
      code: 'ＯＫ，这个你自己查去！',
      errors: [{ messageId: 'forbidden', message: FORBIDDEN('你自己查去'), highlight: '你自己查去' }],
    },
  ],
});

describe('forbidden-phrase suggested rewrites', () => {
  const lexicons = loadLexicons();
  const suggestionFor = (text: string, changes = lexicons) => {
    const settings = {
      rules: [{ rule, severity: 'error' as const, options: rule.meta.schema.parse({}) }],
      lexicons: changes,
      segmenter: jiebaSegmenter,
      calendar: { timezone: 'Asia/Shanghai' },
    };
    return lintConversation(transcript([`客服: ${text}`]), settings).findings.map((f) => f.suggestion);
  };

  it('offers to explain again instead of “I already said”', () => {
    expect(suggestionFor('我已经说过了，明天发货')).toEqual(['我再为您说明一下，明天发货']);
  });
  it('offers to look it up instead of pushing the customer away', () => {
    expect(suggestionFor('你自己看吧')).toEqual(['我来帮您查一下']);
  });
  it('drops a provocation that has no polite form', () => {
    expect(suggestionFor('爱买不买，这已经是最低价了')).toEqual(['这已经是最低价了']);
  });

  it('reads banned words added from configuration, and forgets removed ones', () => {
    const configured = loadLexicons({ 'forbidden-phrase': { add: ['问那么多干啥'], addPatterns: [], remove: ['爱买不买'] } });
    expect(suggestionFor('问那么多干啥', configured)).toHaveLength(1);
    expect(suggestionFor('爱买不买', configured)).toHaveLength(0);
  });
});
