import rule from '../../rules/blame-shifting.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'negated: not the customer’s fault', code: '不是您的问题，我马上帮您处理' },
    { name: 'asked, not asserted', code: '是不是快递的问题呢？我帮您查一下' },
    { name: 'explanation followed by ownership', code: '这是快递的问题，我马上帮您联系快递催一下' },
    { code: '由于快递延误给您带来不便，非常抱歉' },
    { name: 'conditional', code: '如果是快递的问题，我们来承担运费' },
    { name: 'traditional, negated', code: '不是您的問題，這邊馬上幫您處理' },
    { name: 'near miss: 自行 for a setting, not a party', code: '您可以自行在设置里打开这个功能' },
    { name: 'customer blames the courier: only agents are judged', code: ['客户: 这是快递的问题吧', '客服: 我帮您查一下物流'] },
  ],
  invalid: [
    {
      code: '这是快递的问题，您去问快递吧',
      errors: [{ messageId: 'blameParty', message: '推诿：把问题归咎于他方（“是快递的问题”），却没有说明我方会如何跟进。', messageSeq: 0, highlight: '是快递的问题', suggestion: true }],
    },
    {
      name: 'traditional input is quoted and answered in traditional',
      code: '這屬於廠家那邊的原因',
      errors: [{ messageId: 'blameParty', message: '推諉：把問題歸咎於他方（“屬於廠家那邊的原因”），卻沒有說明我方會如何跟進。', highlight: '屬於廠家那邊的原因' }],
    },
    {
      code: '是您自己操作不当造成的',
      errors: [{ messageId: 'blameCustomer', message: '推诿：把责任归到客户身上（“是您自己操作不当”）。先解决问题，再说明原因。', highlight: '是您自己操作不当' }],
    },
    {
      name: 'mixed script and full-width text',
      code: 'ＯＫ，这个不歸我們管',
      errors: [{ messageId: 'disown', message: '推诿：撇清责任（“不歸我們管”）。客户只关心问题谁来解决。', highlight: '不歸我們管' }],
    },
    {
      name: 'an apology alone is not ownership by default',
      code: ['客户: 东西坏了', '客服: 抱歉，这是厂家的问题'],
      errors: [{ messageId: 'blameParty', message: '推诿：把问题归咎于他方（“是厂家的问题”），却没有说明我方会如何跟进。', messageSeq: 1 }],
    },
  ],
});

runRuleTests(rule, {
  valid: [{ name: 'apologyCountsAsOwnership accepts an apology', code: '抱歉，这是厂家的问题', options: { apologyCountsAsOwnership: true } }],
  invalid: [
    {
      name: 'apologyCountsAsOwnership still flags blame without apology',
      code: '这是厂家的问题',
      options: { apologyCountsAsOwnership: true },
      errors: [{ messageId: 'blameParty', message: '推诿：把问题归咎于他方（“是厂家的问题”），却没有说明我方会如何跟进。' }],
    },
    { code: '跟我们没有关系', errors: [{ messageId: 'disown', message: '推诿：撇清责任（“跟我们没有关系”）。客户只关心问题谁来解决。' }] },
    { code: '您自己的问题', errors: [{ messageId: 'blameCustomer', message: '推诿：把责任归到客户身上（“您自己的问题”）。先解决问题，再说明原因。' }] },
  ],
});
