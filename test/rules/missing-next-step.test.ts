import rule from '../../rules/missing-next-step.js';
import { runRuleTests } from '../support/rule-tester.js';

const message = (phrase: string, replies: number) =>
  `缺少下一步：客户提出了问题（“${phrase}”），之后 ${replies} 条回复都没有给出具体的处理动作、时间或方案。`;

runRuleTests(rule, {
  valid: [
    { name: 'asking for the order number is a next step', code: ['客户: 新买的水壶收到就坏了', '客服: 非常抱歉，麻烦您提供一下订单号，我帮您登记换货'] },
    { name: 'a private-message request with the details to send', code: ['客户: 家里宽带一直掉线', '客服: 抱歉给您添麻烦了，请通过私信把宽带账号和联系电话发给我们'] },
    { name: 'troubleshooting instructions', code: ['客户: 手机更新以后总是闪退', '客服: 您好，可以长按电源键十秒强制重启，再看看是否还会闪退'] },
    { name: 'a diagnostic question is the agent working the case', code: ['客户: 耳机连不上手机了', '客服: 不好意思，请问您的手机是什么型号的呢？'] },
    { name: 'forwarded to a named team with a time', code: ['客户: 一打开相机就闪退', '客服: 抱歉，已将问题转给技术同事排查，明天下午给您回复'] },
    { name: 'someone will call back', code: ['客户: 退款一直没到账', '客服: 非常抱歉，稍后会有专人和您联系'] },
    { name: 'a yes/no question about a hypothetical fault is an enquiry', code: ['客户: 这款有问题的话是寄回厂家修吗', '客服: 抱歉哦，这款是就近网点修的'] },
    { name: 'a condition earlier in the sentence', code: ['客户: 如果5.1以后还没交月费，就会停机，这说不过去吧', '客服: 抱歉，这是目前的统一规定'] },
    { name: 'a why-question answered with the reason', code: ['客户: 凭什么会员卡退款要等四十天？', '客服: 抱歉，因为财务每月只集中结算一次'] },
    { name: 'the customer says it is solved', code: ['客户: 网络连不上了', '客服: 抱歉给您带来不便', '客户: 重启路由器以后已经好了，谢谢'] },
    { name: 'a past fault the customer praises us for fixing', code: ['客户: 路由器故障，师傅上午就来修好了，点赞', '客服: 感谢您的认可，我们会继续努力'] },
    { name: 'the customer only wants to vent', code: ['客户: 网速慢得离谱，我就发发牢骚而已', '客服: 抱歉给您带来不便'] },
    { name: 'idiom: 乐坏了 is joy, not a broken product', code: ['客户: 抢到优惠券大家都乐坏了', '客服: 感谢您的支持'] },
    { name: 'idiom: 操碎了心', code: ['客户: 为了选礼物真是操碎了心', '客服: 感谢您的关注与支持'] },
    { name: 'rhetorical 你们该怎么办 is not a request for help', code: ['客户: 别家都降价了，你们该怎么办', '客服: 感谢您的建议，我们会不断改进'] },
    { name: 'negated problem word', code: ['客户: 手机不是坏了，我想问问怎么换铃声', '客服: 感谢您的关注'] },
    { name: 'a plain explanation is not judged by default', code: ['客户: 手表连不上蓝牙', '客服: 这款只能连接安卓手机的'] },
    { name: 'traditional script with a next step', code: ['客戶: 我的快遞還沒到', '客服: 很抱歉，麻煩您提供訂單號，我幫您查詢'] },
    { name: 'full-width letters with a next step', code: ['客户: ＷＩＦＩ连不上了', '客服: 抱歉，请您先重启一下路由器试试'] },
    // Round-2 audit: nothing left for the agent to do
    {
      name: 'the customer reports the complaint was already settled elsewhere',
      code: ['客户: 昨天投诉以后店长来电话了，说那个店员已经被处分，多收的钱下周退还给我', '客服: 好的，感谢您的反馈'],
    },
    {
      name: 'the customer sends the details the agent asked for, after the agent said what it would do',
      code: [
        '客户: 新版桌面有点毛病',
        '客服: 麻烦提供一下手机型号和系统版本，我们会转给测试同事复现',
        '客户: 型号X2，系统8.1，一点图标就闪退',
        '客服: 收到，感谢您的反馈',
      ],
    },
    {
      name: 'a definitive product limit answers a wish',
      code: ['客户: 我不想用简体中文界面怎么办', '客服: 很遗憾，这个功能目前只支持简体中文界面'],
    },
    { name: 'traditional: settled elsewhere', code: ['客戶: 投訴之後經理打電話來了，說那位店員已經被處分', '客服: 好的，感謝您的回饋'] },
    { name: 'no customer problem at all', code: ['客户: 这款有红色的吗', '客服: 抱歉，目前只有黑色'] },
    { name: 'only a too-short reply is left to unanswered-customer', code: ['客户: 快递还没到', '客服: 嗯'] },
  ],
  invalid: [
    {
      name: 'apology and a promise to improve, nothing else',
      code: ['客户: 手机充不进电，已经第二次了', '客服: 非常抱歉给您带来不便，我们会不断改进产品质量'],
      errors: [{ messageId: 'noNextStep', message: message('充不进', 1), messageSeq: null, triggerSeq: 0, suggestion: true }],
    },
    {
      name: 'traditional input is answered in traditional',
      code: ['客戶: 寬頻又斷線了，一直連不上', '客服: 很抱歉給您帶來不便，感謝您的理解與支持'],
      errors: [{ messageId: 'noNextStep', message: '缺少下一步：客戶提出了問題（“連不上”），之後 1 條回覆都沒有給出具體的處理動作、時間或方案。', triggerSeq: 0 }],
    },
    {
      name: 'full-width letters around the problem word',
      code: ['客户: ＡＰＰ打不开了', '客服: 抱歉抱歉，请您耐心等待'],
      errors: [{ messageId: 'noNextStep', message: message('打不开', 1) }],
    },
    {
      name: 'a generic invitation to contact us is not a next step',
      code: ['客户: 宽带故障三天了', '客服: 抱歉给您带来不便，如有疑问欢迎随时联系我们'],
      errors: [{ messageId: 'noNextStep', message: message('故障', 1) }],
    },
    {
      name: 'a refused action is not a next step',
      code: ['客户: 我要退货', '客服: 抱歉，我们不会为您退款的'],
      errors: [{ messageId: 'noNextStep', message: message('退货', 1) }],
    },
    {
      name: 'thanks followed by 不过 keeps the complaint open',
      code: ['客户: 话费被扣了两次', '客服: 很抱歉给您带来不便', '客户: 谢谢回复，不过钱什么时候退', '客服: 感谢您的理解与支持'],
      errors: [{ messageId: 'noNextStep', message: message('被扣', 2), triggerSeq: 0 }],
    },
    {
      name: 'an open why-question that gets no reason and no step',
      code: ['客户: 为什么还没发货?', '客服: 亲，请您耐心等待哦'],
      errors: [{ messageId: 'noNextStep', message: message('还没发货', 1) }],
    },
    {
      name: 'a promised refund that the customer says never came',
      code: ['客户: 客服说会把多扣的钱退还给我，但是到现在还没退', '客服: 非常抱歉给您带来不便'],
      errors: [{ messageId: 'noNextStep', message: message('多扣', 1), triggerSeq: 0 }],
    },
    {
      name: 'a demand for the money back is not a settlement',
      code: ['客户: 乱扣的话费必须退还给我', '客服: 抱歉，我们会不断改进'],
      errors: [{ messageId: 'noNextStep', message: message('乱扣', 1) }],
    },
    {
      name: 'details were asked for, but no process was ever named',
      code: ['客户: 在吗', '客服: 请提供一下订单号', '客户: 123456，收到的杯子碎了', '客服: 非常抱歉'],
      errors: [{ messageId: 'noNextStep', message: message('碎了', 1), triggerSeq: 2 }],
    },
    {
      name: '“目前只能等待” is empty comfort, not a product limit',
      code: ['客户: 宽带故障好几天了', '客服: 抱歉，目前只能等待'],
      errors: [{ messageId: 'noNextStep', message: message('故障', 1) }],
    },
    {
      name: 'the first problem is judged over all later replies',
      code: ['客户: 在吗', '客服: 您好', '客户: 收到的杯子碎了', '客服: 真不好意思', '客户: 那怎么处理', '客服: 给您带来不便深表歉意'],
      errors: [{ messageId: 'noNextStep', message: message('碎了', 2), triggerSeq: 2 }],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'requireHollowReply: false still accepts a real next step', code: ['客户: 手表连不上蓝牙', '客服: 请您先在设置里关闭蓝牙再打开试试'], options: { requireHollowReply: false } },
  ],
  invalid: [
    {
      name: 'requireHollowReply: false flags an explanation without a next step',
      code: ['客户: 手表连不上蓝牙', '客服: 这款只能连接安卓手机的'],
      options: { requireHollowReply: false },
      errors: [{ messageId: 'noNextStep', message: message('连不上', 1) }],
    },
  ],
});
