import rule from '../../rules/review-manipulation.js';
import { runRuleTests } from '../support/rule-tester.js';

const BEG = (phrase: string) => `求免差评：恳求客户不给差评或删改评价（“${phrase}”）。评价由客户自主作出，先把问题解决好。`;
const TRADE = (phrase: string) => `以补偿换评价：用补偿换取评价（“${phrase}”）。补偿只能针对问题本身，不能与好评或删改差评挂钩。`;
const POSITIVE = (phrase: string) => `索要好评：要求客户给出指定的评价结果（“${phrase}”）。邀请评价时不要指定分数或好评。`;

runRuleTests(rule, {
  valid: [
    // Neutral invitations to rate are good practice, not manipulation
    { name: 'neutral invitation to rate the service', code: '请您对本次服务进行评价' },
    { name: 'neutral invitation with a how-to', code: '麻烦您点一下对话框旁边的加号，为这次服务打个分' },
    { name: 'the satisfaction button is named, no result is asked', code: '麻烦可以在满意度里给这次服务评个分，谢谢' },
    { name: 'a conditional invitation that names no result', code: '如果您方便的话，给我一个评价吧' },
    { name: 'thanks for a review already given', code: '感谢您的好评，欢迎再次光临' },
    // Explaining how reviews work is not asking for anything
    { name: 'explaining deletion rules', code: '只有售后全额退款的订单，评价才会被系统删除' },
    { name: 'reviews cannot be edited', code: '已发布的评价改不了，不过可以追评' },
    { name: 'the customer wants to improve their own review', code: ['客户: 我想把评价改好一点，怎么弄', '客服: 评价发出后改不了，您再补一条追加好评就可以了'] },
    { name: 'taking a bad review seriously', code: '收到您的差评我们很重视，马上为您处理' },
    // Third parties and rules
    { name: 'describing a seller’s offer in a complaint', code: '关于您说的卖家答应好评返现5元，我们会核实' },
    { name: 'stating the prohibition', code: '平台禁止好评返现，如遇到可以举报' },
    { name: 'negated', code: '我们不会要求您给五星好评，如实评价就好' },
    // Compensation for the problem itself
    { name: 'compensation for the problem, not for a review', code: '已为您补偿10元优惠券，给您添麻烦了' },
    { name: 'the customer threatens a bad review', code: ['客户: 再不处理我就给差评', '客服: 非常抱歉，我马上帮您加急处理'] },
  ],
  invalid: [
    // Begging
    {
      code: '求求您别给差评，我马上给您处理',
      errors: [{ messageId: 'begForReview', message: BEG('别给差评'), highlight: '别给差评', suggestion: true }],
    },
    { code: '麻烦不要给中差评哦', errors: [{ messageId: 'begForReview', message: BEG('不要给中差评') }] },
    { name: 'begging in the form of a question', code: '亲，能不能改成好评呀？', errors: [{ messageId: 'begForReview', message: BEG('能不能改成好评') }] },
    { code: '麻烦您把差评删了吧', errors: [{ messageId: 'begForReview', message: BEG('麻烦您把差评删') }] },
    { code: '能否帮忙撤销一下评价', errors: [{ messageId: 'begForReview', message: BEG('能否帮忙撤销一下评价') }] },
    { name: 'a pity plea', code: '您给差评的话我会被扣工资的', errors: [{ messageId: 'begForReview', message: BEG('差评的话我会被扣工资') }] },
    {
      name: 'traditional input is answered in traditional',
      code: '拜託您千萬別給差評',
      errors: [{ messageId: 'begForReview', message: '求免差評：懇求客戶不給差評或刪改評價（“千萬別給差評”）。評價由客戶自主作出，先把問題解決好。', highlight: '千萬別給差評' }],
    },
    // Trading
    { code: '好评返现五元哦', errors: [{ messageId: 'compensationForReview', message: TRADE('好评返现'), highlight: '好评返现' }] },
    { code: '给个五星好评就返您10元', errors: [{ messageId: 'compensationForReview', message: TRADE('好评就返您10元') }] },
    { code: '删除差评后补偿您20元', errors: [{ messageId: 'compensationForReview', message: TRADE('删除差评后补偿您') }] },
    { code: '给您返5元，麻烦修改一下评价', errors: [{ messageId: 'compensationForReview', message: TRADE('给您返5元，麻烦修改一下评价') }] },
    { name: 'full-width digits and punctuation', code: '给您返５元，麻烦修改一下评价', errors: [{ messageId: 'compensationForReview', message: TRADE('给您返５元，麻烦修改一下评价') }] },
    {
      name: 'begging and trading in one message',
      code: '求您别给差评，修改评价的话小妹给您发个红包',
      errors: [
        { messageId: 'begForReview', message: BEG('别给差评') },
        { messageId: 'compensationForReview', message: TRADE('修改评价的话小妹给您发个红包') },
      ],
    },
    // Naming the result
    { code: '亲，满意的话给个五星好评哦', errors: [{ messageId: 'demandPositive', message: POSITIVE('给个五星好评'), highlight: '给个五星好评' }] },
    { code: '记得给小妹好评呀', errors: [{ messageId: 'demandPositive', message: POSITIVE('记得给小妹好评') }] },
    { code: '评价的时候选一下非常满意哦', errors: [{ messageId: 'demandPositive', message: POSITIVE('选一下非常满意') }] },
  ],
});

runRuleTests(rule, {
  valid: [{ name: 'positiveRequests: false leaves plain requests for 好评 alone', code: '记得给小妹好评呀', options: { positiveRequests: false } }],
  invalid: [
    { code: '麻烦不要给差评', options: { positiveRequests: false }, errors: [{ messageId: 'begForReview', message: BEG('不要给差评') }] },
    { code: '好评返现哦', options: { positiveRequests: false }, errors: [{ messageId: 'compensationForReview', message: TRADE('好评返现') }] },
    { code: '给个好评吧', options: { positiveRequests: true }, errors: [{ messageId: 'demandPositive', message: POSITIVE('给个好评') }] },
  ],
});
