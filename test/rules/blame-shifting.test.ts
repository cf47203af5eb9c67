import rule from '../../rules/blame-shifting.js';
import { runRuleTests } from '../support/rule-tester.js';

const PARTY = (phrase: string) => `推诿：把问题归咎于他方（“${phrase}”），却没有说明我方会如何跟进。`;
const CUSTOMER = (phrase: string) => `推诿：把责任归到客户身上（“${phrase}”）。先解决问题，再说明原因。`;
const DISOWN = (phrase: string) => `推诿：撇清责任（“${phrase}”）。客户只关心问题谁来解决。`;
const REDIRECT = (phrase: string) => `推诿：让客户自己去找别人（“${phrase}”），我方没有跟进。能查的先替客户查，需要转交就由我方转交。`;

runRuleTests(rule, {
  valid: [
    // Negation, questions and conditionals
    { name: 'negated: not the customer’s fault', code: '不是您的问题，我马上帮您处理' },
    { name: 'negated: not the courier’s fault either', code: '并不是快递的原因，订单还在仓库' },
    { name: 'asked, not asserted', code: '是不是快递的问题呢？我帮您查一下' },
    { name: 'redirect asked as a question', code: '您有没有联系过厂家呢？' },
    { name: 'conditional', code: '如果是快递的问题，我们来承担运费' },
    { name: 'conditional redirect is a closing offer', code: '款项已经原路退回，如还有疑问可以拨打热线咨询' },
    { name: 'conditional in the clause before', code: '如需开专票，建议您联系商家' },
    { name: '“有任何疑问” offer', code: '有任何疑问都可以致电服务热线了解' },
    { name: '“到时候” is later, not now', code: '到时候您可以联系配送员约个时间' },
    { name: 'traditional, negated', code: '不是您的問題，這邊馬上幫您處理' },
    // Ownership taken in the same message
    { name: 'explanation followed by ownership', code: '这是快递的问题，我马上帮您联系快递催一下' },
    { name: 'legitimate hand-over by us', code: '我已帮您转给售后，他们会在24小时内联系您' },
    { name: 'the agent contacts the party', code: '我这边联系一下厂家，稍后回复您' },
    { name: 'the agent offers to contact the party', code: '我们可以联系厂家确认型号' },
    { name: 'a DM to us is ownership', code: '请把订单号私信发给我们，另外建议您致电服务热线咨询' },
    { name: 'redirect beside our own follow-up', code: '建议您咨询当地营业厅，我们也会把情况反馈给同事跟进' },
    { name: 'an offer to report it ourselves', code: '您可以先拨打客服热线核实，有疑问小编可以帮您反馈' },
    // Explanations and diagnosis, not blame
    { code: '由于快递延误给您带来不便，非常抱歉' },
    { name: 'diagnosing which side is at fault', code: '麻烦您换张卡试一下，好分清是机器还是运营商那边的原因' },
    // Necessary instructions that are not hand-offs
    { name: 'near miss: 自行 for a setting, not a party', code: '您可以自行在设置里打开这个功能' },
    { name: 'near miss: going somewhere to get it done', code: '改套餐要机主本人拿证件去营业厅办' },
    { name: 'near miss: a phone number that performs the action', code: '您可以拨打热线取消这个功能' },
    { name: 'near miss: an automated self-service code', code: '积分余额可以拨打1001088核实' },
    { name: 'near miss: 百度 as a product name', code: '请您用百度地图搜一下最近的网点' },
    { name: 'near miss: 建议 as a noun', code: '我们会把这条建议反馈给相关部门' },
    { name: 'near miss: complaining to us', code: '您可以向我们反馈，我们一定改进' },
    // An optional extra after the message has already answered (round-2 audit, pattern A)
    {
      name: 'a hand-off for local details after a full answer',
      code: '网上商城这个月没有以旧换新的活动，线下活动各门店不一样，您可以到附近营业厅咨询一下',
    },
    {
      name: '“也可以” a shop after the delivery times were explained',
      code: ['客户: 我的货到底哪天能到', '客服: 您好，这单一般下单后两天内出库，出库后三到五天送达，物流进度可以在订单详情里看，也可以直接联系商家客服问问'],
    },
    // Our own channel is the answer to a how-to question (pattern B)
    { name: 'our hotline is where the change is made', code: '解除流量封顶要在系统里改，建议您联系客服热线咨询办理' },
    { name: 'a beta build’s own forum section and feedback tool', code: '这个显示问题请您反馈到论坛的内测版块，或者用手机自带的问题反馈app提交' },
    // The agent already worked the case (pattern C)
    { name: 'checked first, then the bank for the rest', code: '经过查询，您这笔充值只到账了一半，建议您联系银行核实扣款情况' },
    { name: 'the agent already asked the shop', code: '商家那边说查不到这个订单，这个需要您直接联系商家确认' },
    { name: 'traditional: checked first', code: '經過核實，您這筆充值只到賬一半，建議您聯繫銀行核實' },
    { name: '“好的” agrees to the customer’s request', code: ['客户: 帮我催一下他们发货', '客服: 好的呢，这个属于第三方商家，您也可以同时联系商家催一催'] },
    {
      name: 'a side question after we offered to file the repair',
      code: [
        '客户: 耳机左边没声音了',
        '客服: 这个可以申请售后，我帮您提交好吗',
        '客户: 好的，附近有维修点吗',
        '客服: 您可以拨打品牌售后电话查询附近的维修点',
      ],
    },
    // Role scope
    { name: 'customer blames the courier: only agents are judged', code: ['客户: 这是快递的问题吧', '客服: 我帮您查一下物流'] },
    { name: 'customer says they will ask the shop: only agents are judged', code: ['客户: 那我自己去联系商家吧', '客服: 好的，有需要随时找我'] },
  ],
  invalid: [
    {
      code: '这是快递的问题，您去问快递吧',
      errors: [{ messageId: 'blameParty', message: PARTY('是快递的问题'), messageSeq: 0, highlight: '是快递的问题', suggestion: true }],
    },
    {
      name: 'traditional input is quoted and answered in traditional',
      code: '這屬於廠家那邊的原因',
      errors: [{ messageId: 'blameParty', message: '推諉：把問題歸咎於他方（“屬於廠家那邊的原因”），卻沒有說明我方會如何跟進。', highlight: '屬於廠家那邊的原因' }],
    },
    {
      code: '是您自己操作不当造成的',
      errors: [{ messageId: 'blameCustomer', message: CUSTOMER('是您自己操作不当造成'), highlight: '是您自己操作不当造成' }],
    },
    {
      name: '“…的话” names the topic; the customer is still sent off',
      code: '包裹丢了的话需要您联系快递',
      errors: [{ messageId: 'redirect', message: REDIRECT('需要您联系快递') }],
    },
    { name: 'sent to the courier in person', code: '您直接去找物流那边吧', errors: [{ messageId: 'redirect', message: REDIRECT('您直接去找物流') }] },
    { name: 'only the maker knows', code: '这个得问厂家', errors: [{ messageId: 'redirect', message: REDIRECT('得问厂家') }] },
    { name: 'told to search the web', code: '建议您上网查一下', errors: [{ messageId: 'redirect', message: REDIRECT('建议您上网查') }] },
    { name: 'the local office has the last word', code: '各地政策不一，建议您以当地营业厅为准', errors: [{ messageId: 'redirect', message: REDIRECT('建议您以当地营业厅为准') }] },
    { name: 'the customer pressed the wrong button', code: '应该是您自己点错了', errors: [{ messageId: 'blameCustomer', message: CUSTOMER('应该是您自己点错') }] },
    { name: 'whoever it is, the customer is to chase them', code: '这个您还得找销售经理催下哦', errors: [{ messageId: 'redirect', message: REDIRECT('还得找销售经理催') }] },
    {
      name: 'ownership words in the hand-off’s own clause are the other party’s doing',
      code: '您可以直接联系商家为您处理一下',
      errors: [{ messageId: 'redirect', message: REDIRECT('您可以直接联系商家') }],
    },
    { name: 'not ours to handle', code: '这事不归我们负责', errors: [{ messageId: 'disown', message: DISOWN('不归我们负责') }] },
    {
      name: 'mixed script and full-width text',
      code: 'ＯＫ，这个不歸我們管',
      errors: [{ messageId: 'disown', message: DISOWN('不歸我們管'), highlight: '不歸我們管' }],
    },
    {
      name: 'an apology alone is not ownership by default',
      code: ['客户: 东西坏了', '客服: 抱歉，这是厂家的问题'],
      errors: [{ messageId: 'blameParty', message: PARTY('是厂家的问题'), messageSeq: 1 }],
    },
    { code: '跟我们没有关系', errors: [{ messageId: 'disown', message: DISOWN('跟我们没有关系') }] },
    { code: '您自己的问题', errors: [{ messageId: 'blameCustomer', message: CUSTOMER('您自己的问题') }] },
    // Hand-offs
    {
      name: 'sent to the manufacturer',
      code: ['客户: 耳机左边没声音了', '客服: 这个建议您联系厂家哦'],
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您联系厂家'), messageSeq: 1, highlight: '建议您联系厂家', suggestion: true }],
    },
    {
      name: 'sent to the courier',
      code: '那您自己去找快递吧',
      errors: [{ messageId: 'redirect', message: REDIRECT('那您自己去找快递'), highlight: '那您自己去找快递' }],
    },
    { name: '“得自己去找”', code: '这种情况您得自己去找厂家', errors: [{ messageId: 'redirect', message: REDIRECT('您得自己去找厂家') }] },
    { name: '“需要您联系”', code: '物流信息的事需要您联系快递', errors: [{ messageId: 'redirect', message: REDIRECT('需要您联系快递') }] },
    {
      name: '“只能” leaves no other way',
      code: '这边处理不了 您只能去联系售后',
      errors: [{ messageId: 'redirect', message: REDIRECT('您只能去联系售后') }],
    },
    {
      name: 'told to phone a hotline and ask',
      code: '抱歉，这边查不到明细，建议您拨打当地客服热线核实一下',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您拨打当地客服热线核实'), highlight: '建议您拨打当地客服热线核实' }],
    },
    {
      name: 'told to go to a shop and ask',
      code: '各地政策不一样，建议去就近的营业厅咨询',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议去就近的营业厅咨询') }],
    },
    {
      name: 'told to ask another account',
      code: '您可以把订单号@本地客服 反馈一下',
      errors: [{ messageId: 'redirect', message: REDIRECT('您可以把订单号@本地客服 反馈') }],
    },
    {
      name: 'told to search the web',
      code: '这个建议您百度一下',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您百度一下') }],
    },
    {
      name: 'traditional hand-off is answered in traditional',
      code: '這筆扣款建議您問問發卡行',
      errors: [{ messageId: 'redirect', message: '推諉：讓客戶自己去找別人（“建議您問問發卡行”），我方沒有跟進。能查的先替客戶查，需要轉交就由我方轉交。', highlight: '建議您問問發卡行' }],
    },
    {
      name: 'full-width and Latin mixed hand-off',
      code: 'ＯＫ，您可以致电ＶＩＰ热线咨询下',
      errors: [{ messageId: 'redirect', message: REDIRECT('您可以致电ＶＩＰ热线咨询'), highlight: '您可以致电ＶＩＰ热线咨询' }],
    },
    {
      name: '“如方便” is politeness, not a condition',
      code: '如方便，您可以直接联系商家询问',
      errors: [{ messageId: 'redirect', message: REDIRECT('您可以直接联系商家') }],
    },
    // Hand-offs the round-2 exceptions must not swallow
    {
      name: 'a long explanation that blames the airline keeps its hand-off',
      code: '改签手续费是航空公司按舱位定的规定，平台会监督代理按规定执行，您可以查看订单里的说明或者致电航空公司核实',
      errors: [{ messageId: 'redirect', message: REDIRECT('或者致电航空公司核实'), highlight: '或者致电航空公司核实' }],
    },
    {
      name: 'a hand-off because we cannot check, after a long preamble',
      code: '很抱歉，微博这边没有办法核实您这个月的账单明细和流量使用记录，建议您拨打当地热线核实',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您拨打当地热线核实') }],
    },
    {
      name: 'the customer asked us to act, so an explanation does not excuse the hand-off',
      code: ['客户: 你们去跟杀毒软件厂商沟通一下吧', '客服: 杀毒软件偶尔会误报，您可以先换一款软件扫描试试，另外这个情况您可以向杀毒软件厂商反馈'],
      errors: [{ messageId: 'redirect', message: REDIRECT('您可以向杀毒软件厂商反馈'), messageSeq: 1 }],
    },
    {
      name: '“只能” after an earlier offer still leaves no other way',
      code: ['客户: 屏幕裂了', '客服: 我帮您提交售后申请吧', '客户: 售后电话一直打不通', '客服: 这边处理不了，您只能去联系售后'],
      errors: [{ messageId: 'redirect', message: REDIRECT('您只能去联系售后'), messageSeq: 3 }],
    },
    {
      name: '“好的” with no request before it is not agreement to act',
      code: '好的，建议您联系厂家',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您联系厂家') }],
    },
    {
      name: '“也可以” alone does not make a short reply optional',
      code: '也可以联系厂家问问',
      errors: [{ messageId: 'redirect', message: REDIRECT('可以联系厂家') }],
    },
    {
      name: 'doing it at a third party is still a hand-off',
      code: '建议您联系厂家咨询办理退货',
      errors: [{ messageId: 'redirect', message: REDIRECT('建议您联系厂家') }],
    },
    {
      name: 'checking first does not excuse blame',
      code: '经核实，这是快递的问题',
      errors: [{ messageId: 'blameParty', message: PARTY('是快递的问题') }],
    },
    {
      name: 'traditional: a hand-off because we cannot check',
      code: '很抱歉，這邊沒有辦法查到您的扣費明細，建議您撥打當地熱線核實',
      errors: [{ messageId: 'redirect', message: '推諉：讓客戶自己去找別人（“建議您撥打當地熱線核實”），我方沒有跟進。能查的先替客戶查，需要轉交就由我方轉交。' }],
    },
    {
      name: 'blame wins over a hand-off in the same message',
      code: '这是物流那边的原因，建议您联系物流',
      errors: [{ messageId: 'blameParty', message: PARTY('是物流那边的原因') }],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'apologyCountsAsOwnership accepts an apology', code: '抱歉，这是厂家的问题', options: { apologyCountsAsOwnership: true } },
    { name: 'apologyCountsAsOwnership also covers a hand-off', code: '非常抱歉，建议您联系厂家', options: { apologyCountsAsOwnership: true } },
    { name: 'redirect: false leaves hand-offs alone', code: '建议您联系厂家', options: { redirect: false } },
  ],
  invalid: [
    {
      name: 'apologyCountsAsOwnership still flags blame without apology',
      code: '这是厂家的问题',
      options: { apologyCountsAsOwnership: true },
      errors: [{ messageId: 'blameParty', message: PARTY('是厂家的问题') }],
    },
    { code: '跟我们没有关系', options: { redirect: false }, errors: [{ messageId: 'disown', message: DISOWN('跟我们没有关系') }] },
    { code: '您自己的问题', options: { redirect: false }, errors: [{ messageId: 'blameCustomer', message: CUSTOMER('您自己的问题') }] },
    {
      name: 'apologyCountsAsOwnership still flags a hand-off without apology',
      code: '退换的事您只能去联系售后',
      options: { apologyCountsAsOwnership: true },
      errors: [{ messageId: 'redirect', message: REDIRECT('您只能去联系售后') }],
    },
  ],
});
