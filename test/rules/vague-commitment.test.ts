import rule from '../../rules/vague-commitment.js';
import { runRuleTests } from '../support/rule-tester.js';

const VAGUE = (phrase: string) => `模糊承诺：“${phrase}”没有给出时间，也没有具体动作。告诉客户谁在什么时间前做什么，例如“今天18点前给您回电”。`;
const GUARANTEE = (phrase: string) => `模糊承诺：绝对化保证（“${phrase}”）无法确保兑现。说明我方会做什么、何时有结果，不要担保结果。`;

runRuleTests(rule, {
  valid: [
    // A time in the same message
    { name: '尽快 with a time', code: '尽快，今天18点前给您答复' },
    { name: 'a time frame', code: '我们会尽快处理，预计3个工作日内完成' },
    { name: 'a masked time in an export', code: '会在[时间x]前尽快给您回电' },
    { name: 'a named day and part of it', code: '稍后会有专人联系您，明天上午前一定打给您' },
    // A concrete action, now or done
    { name: '马上 + a lookup is the action itself, now', code: '您稍等，我马上帮您查一下' },
    { name: 'a hold notice makes 马上 this minute', code: '您稍候，马上为您处理' },
    // A time the agent gave in the reply just before still holds.
    { name: 'a time in the previous reply', code: ['客户: 什么时候回电', '客服: 24小时内会有同事联系您', '客户: 好的', '客服: 核实清楚尽快给您回电'] },
    // Not a promise of ours
    { name: 'the customer is asked to hurry', code: '请您尽快寄回商品' },
    { name: 'advice to the customer', code: '建议您挑好套餐后尽快下单' },
    { name: 'a purpose, not a promise', code: '为了尽快帮您核对，请私信发一下账号' },
    { name: 'a purpose that runs over a comma', code: '为了防止填错，以及尽快登记，麻烦您把抬头复制给我' },
    { name: 'a wish', code: '我们也希望能尽早修好' },
    { name: '稍后 for the customer', code: '稍后您可以再登录网厅看看' },
    { name: 'a later step of the customer’s instructions', code: '先导出照片，随后再将相册恢复' },
    { name: 'a regret, not a promise', code: '抱歉这次没能立刻帮您解决' },
    { name: 'a noun after 的', code: '我们懂您的尽快需求' },
    { name: 'a condition earlier in the sentence', code: '如有别的情况，我们会尽快跟进' },
    { name: 'conditional in the same clause', code: '如果是突发故障我们会尽快处理' },
    { name: '审核通过 is not 过会', code: '申请已提交，审核通过会上门取件' },
    { name: 'the courier will call: information, not our promise', code: '配送员会联系您约时间' },
    // Guarantees that are fine
    { name: 'a promise about our own effort', code: '我保证会跟进到底' },
    { name: '保证 as a purpose', code: '为保证账户安全，请私信提供号码' },
    { name: '保证 as an instruction', code: '测试时保证路由器通电一定时间' },
    { name: 'saying what cannot be guaranteed', code: '到货的具体日子没法跟您保证' },
    { name: 'customer messages are not judged', code: ['客户: 你们保证明天到吗？尽快啊', '客服: 订单明天18点前送达'] },
  ],
  invalid: [
    {
      code: '这件事我们尽快帮您弄好',
      errors: [{ messageId: 'vagueTime', message: VAGUE('尽快'), highlight: '尽快', suggestion: true }],
    },
    {
      name: 'after receiving the customer’s details is still no time',
      code: '把电话私信给我们，收到以后尽快给您答复',
      errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }],
    },
    { name: '为您尽快: the customer benefits, we promise', code: '我们会为您尽快处理', errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    { code: '稍后给您回复', errors: [{ messageId: 'vagueTime', message: VAGUE('稍后给您回复'), highlight: '稍后给您回复' }] },
    { code: '登记好以后会有专人与您联系', errors: [{ messageId: 'vagueTime', message: VAGUE('会有专人与您联系') }] },
    { code: '售后的工作人员会联系您的', errors: [{ messageId: 'vagueTime', message: VAGUE('工作人员会联系您') }] },
    { name: '马上 with an outcome that takes time', code: '您的退款马上就到账了', errors: [{ messageId: 'vagueTime', message: VAGUE('马上就到账') }] },
    { name: 'a question is still a promise', code: '我们尽快给您一个答复，好吗？', errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    {
      name: 'traditional input is answered in traditional',
      code: '我們會盡快幫您處理',
      errors: [{ messageId: 'vagueTime', message: '模糊承諾：“盡快”沒有給出時間，也沒有具體動作。告訴客戶誰在什麼時間前做什麼，例如“今天18點前給您回電”。', highlight: '盡快' }],
    },
    { name: 'full-width punctuation', code: 'ＯＫ，稍后给您回电！', errors: [{ messageId: 'vagueTime', message: VAGUE('稍后给您回电') }] },
    // With the time the team can keep, the promise is rewritten to name it.
    { name: 'promiseTime: 会尽快 takes 在', code: '我们会尽快给您处理。', options: { promiseTime: '24小时内' }, output: '我们会在24小时内给您处理。', errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    { name: 'promiseTime: 尽快 with no auxiliary', code: '这件事我们尽快帮您弄好', options: { promiseTime: '今天18点前' }, output: '这件事我们今天18点前帮您弄好', errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    { name: 'promiseTime: 稍后 gives way to the time', code: '稍后给您回复', options: { promiseTime: '24小时内' }, output: '24小时内给您回复', errors: [{ messageId: 'vagueTime', message: VAGUE('稍后给您回复') }] },
    { name: 'promiseTime: an outcome is expected by then', code: '您的退款马上就到账了', options: { promiseTime: '24小时内' }, output: '您的退款预计24小时内到账', errors: [{ messageId: 'vagueTime', message: VAGUE('马上就到账') }] },
    { name: 'promiseTime: the time goes before the contact', code: '登记好以后会有专人与您联系', options: { promiseTime: '24小时内' }, output: '登记好以后会有专人在24小时内与您联系', errors: [{ messageId: 'vagueTime', message: VAGUE('会有专人与您联系') }] },
    { name: 'promiseTime: traditional', code: '我們會盡快幫您處理', options: { promiseTime: '24小时内' }, output: '我們會在24小時內幫您處理', errors: [{ messageId: 'vagueTime', message: '模糊承諾：“盡快”沒有給出時間，也沒有具體動作。告訴客戶誰在什麼時間前做什麼，例如“今天18點前給您回電”。' }] },
    { name: 'promiseTime: 尽快 with no verb after it is left for a person', code: '我们也会尽快的', options: { promiseTime: '24小时内' }, output: null, errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    { name: 'promiseTime: a guarantee is not rewritten', code: '我保证明天一定到货', options: { promiseTime: '24小时内' }, output: null, errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('保证明天一定到货') }] },
    // Guarantees
    { code: '我保证明天一定到货', errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('保证明天一定到货'), highlight: '保证明天一定到货', suggestion: true }] },
    { code: '放心，百分百没问题', errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('百分百没问题') }] },
    { code: '以后绝对不会再出现这种情况', errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('绝对不会') }] },
    { code: '这种情况一定不会再出现了', errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('一定不会再出现') }] },
    { name: 'guaranteeing an outcome, not an effort', code: '跟您保证可以办好', errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('保证可以办好') }] },
    {
      name: 'both in one message',
      code: '保证不会再出现，我们会尽快处理',
      errors: [
        { messageId: 'absoluteGuarantee', message: GUARANTEE('保证不会再出现') },
        { messageId: 'vagueTime', message: VAGUE('尽快') },
      ],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'guarantees: false', code: '放心，百分百没问题', options: { guarantees: false } },
    // actionCounts: true lets an action in the same message clear the promise, as before.
    { name: 'actionCounts: an action already taken', code: '已为您提交加急，同事会尽快给您回电', options: { actionCounts: true } },
    { name: 'actionCounts: a ticket to quote', code: '工单号：20261103001234，我们会尽快处理', options: { actionCounts: true } },
    { name: 'actionCounts: an action taken on the case now', code: '这边在服务单上帮您备注一下，尽快再联系您', options: { actionCounts: true } },
  ],
  invalid: [
    {
      name: 'by default an action beside the promise does not give the customer a time',
      code: '已为您提交加急，同事会尽快给您回电',
      errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }],
    },
    {
      name: 'a promise tied to our own check, with no time',
      code: '收到地址了，我们核查信号覆盖情况后与您联系',
      errors: [{ messageId: 'vagueTime', message: VAGUE('核查信号覆盖情况后与您联系') }],
    },
    {
      name: 'someone will call, with no time',
      code: '您反映的问题已收悉，会有具体处理人员和您联系处理',
      errors: [{ messageId: 'vagueTime', message: VAGUE('会有具体处理人员和您联系处理') }],
    },
    {
      name: 'a time two replies back does not cover a new promise',
      code: ['客户: 什么时候到', '客服: 3天内发货', '客户: 好', '客服: 已经帮您备注了', '客户: 嗯', '客服: 稍后为您提交'],
      errors: [{ messageId: 'vagueTime', message: VAGUE('稍后为您提交'), messageSeq: 5 }],
    },
    { code: '我们会尽快处理', options: { guarantees: false }, errors: [{ messageId: 'vagueTime', message: VAGUE('尽快') }] },
    { code: '绝对没问题', options: { actionCounts: false }, errors: [{ messageId: 'absoluteGuarantee', message: GUARANTEE('绝对没问题') }] },
  ],
});
