import rule from '../../rules/unanswered-customer.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'a call is answered while it lasts', channel: 'phone', code: ['客户: 怎么转账', '客服: 在软件里点银证转账就行，祝您投资顺利，再见', '客户: 那我明天开户的时候还要带什么证件呢？'] },
    { name: 'no, nothing else', code: ['客户: 发票开好了吗', '客服: 已经开好了，请问还有其他可以帮您的吗?', '客户: 没有'] },
    { name: 'the agent has the last word', code: ['客户: 快递到哪了', '客服: 已经到本市了，明天送达'] },
    { name: 'thanks need no answer', code: ['客户: 快递到哪了', '客服: 已经到本市了，明天送达', '客户: 好的，谢谢'] },
    { name: 'a bare acknowledgement', code: ['客户: 能开发票吗', '客服: 可以，下单时填写抬头就行', '客户: 嗯嗯'] },
    { name: 'a goodbye after "anything else?"', code: ['客户: 能开发票吗', '客服: 可以的，还有其他问题吗', '客户: 没有了，拜拜'] },
    { name: 'a sticker code', code: ['客户: 收到了', '客服: 好的亲', '客户: #E-s[数字x]'] },
    { name: 'an emoji', code: ['客户: 收到了', '客服: 好的亲', '客户: 👌'] },
    { name: 'an empty message (a picture or emoji the export did not keep)', code: ['客户: 收到了', '客服: 好的亲', '客户: '] },
    { name: 'a kaomoji', code: ['客户: 收到了', '客服: 好的亲', '客户: (⊙o⊙)…'] },
    { name: 'the problem went away', code: ['客户: 手机一直卡', '客服: 请重启后再试试', '客户: 刚才还是卡，重启以后又好了'] },
    { name: 'the customer will try it and come back', code: ['客户: 怎么改密码', '客服: 在设置里点账号安全', '客户: 好的，我再试试，以后有问题再联系你们'] },
    { name: 'the customer waits for the promised call', code: ['客户: 退款还没到', '客服: 我已经催财务了，今天会给您回电', '客户: 好，那我等你们电话'] },
    { name: 'praise', code: ['客户: 谢谢你', '客服: 不客气', '客户: 赞，服务很好'] },
    { name: 'a later closing settles an unanswered question', code: ['客户: 快递到哪了', '客服: 已经到本市了', '客户: 为什么这么慢', '客户: 算了，好吧，谢谢'] },
    {
      name: 'thanks before a "but" that it answers: the clause ends on the thanks',
      code: ['客户: 怎么升级系统', '客服: 在设置里检查更新', '客户: 虽然没弄明白原因，不过重装以后就修好了'],
    },
    { name: 'traditional thanks', code: ['客戶: 請問幾天到', '客服: 兩天左右', '客戶: 好的，謝謝'] },
    { name: 'full-width OK', code: ['客户: 几天到', '客服: 两天左右', '客户: ＯＫ！'] },
    {
      name: 'handed to another queue: the answer comes from there',
      code: ['客户: 我想换货', '客服: 这个需要售后处理，我帮您转接', '客户: 好，那换货要多久', '系统: 会话已转接至售后组'],
    },
    {
      name: 'a remark after an answer is not a new question',
      code: ['客户: 这个杯子能用洗碗机洗吗', '客服: 可以的，放上层就行', '客户: 我家那台洗碗机还挺大的'],
    },
    { name: 'a "never mind"', code: ['客户: 可以改地址吗', '客服: 我看一下', '客户: 不用了，已经解决了'] },
  ],
  invalid: [
    {
      name: 'in a chat, the same question after the goodbye waits for an answer',
      code: ['客户: 怎么转账', '客服: 在软件里点银证转账就行，祝您投资顺利，再见', '客户: 那我明天开户的时候还要带什么证件呢？'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“那我明天开户的时候还要带什么证件呢？”），会话就结束了。' }],
    },
    {
      name: 'a new question after the closing check still waits',
      code: ['客户: 发票开好了吗', '客服: 已经开好了，请问还有其他可以帮您的吗?', '客户: 没有发票抬头怎么改'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“没有发票抬头怎么改”），会话就结束了。' }],
    },
    {
      name: 'in a chat the same fragment waits for an answer',
      code: ['客户: 怎么转账', '客服: 在软件里点银证转账就行', '客户: 要不？'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“要不？”），会话就结束了。' }],
    },
    {
      name: 'a question that nobody answered',
      code: ['客户: 快递到哪了', '客服: 已经到本市了', '客户: 那今天能送到吗'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“那今天能送到吗”），会话就结束了。', messageSeq: null, triggerSeq: 2 }],
    },
    {
      name: 'a bot reply is not an answer',
      code: ['客户: 快递到哪了', '客服: 已经到本市了', '客户: 那今天能送到吗', '机器人: 人工客服已下班，请留言'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“那今天能送到吗”），会话就结束了。', triggerSeq: 2 }],
    },
    {
      name: 'several unanswered messages are one finding that counts them',
      code: ['客户: 在吗', '客服: 您好', '客户: 我的退款呢', '客户: ？？？', '客户: 人呢'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 3 条消息没有得到任何人工回复（“我的退款呢”），会话就结束了。', triggerSeq: 2 }],
    },
    {
      name: 'thanks in advance do not close a request',
      code: ['客户: 在吗', '客服: 您好', '客户: 麻烦帮我查下物流，谢谢'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“麻烦帮我查下物流，谢谢”），会话就结束了。' }],
    },
    {
      name: 'a "but" after the thanks keeps it open',
      code: ['客户: 怎么连wifi', '客服: 在设置里打开无线网络', '客户: 谢谢，但是还是连不上'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“谢谢，但是还是连不上”），会话就结束了。' }],
    },
    {
      name: 'data the agent asked for is waiting for the agent',
      code: ['客户: 订单没收到', '客服: 请提供一下订单号', '客户: 2026110212345 谢谢'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“2026110212345 谢谢”），会话就结束了。' }],
    },
    {
      name: 'an acknowledgement does not settle a question that follows it',
      code: ['客户: 几天到', '客服: 两天左右', '客户: 好的', '客户: 那能开发票吗'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“那能开发票吗”），会话就结束了。', triggerSeq: 3 }],
    },
    {
      name: 'a statement that answers the agent\'s question waits for the next step',
      code: ['客户: 这个能换吗', '客服: 请问您买的是哪个颜色？', '客户: 黑色那款'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“黑色那款”），会话就结束了。' }],
    },
    {
      name: 'a statement of anger waits for an answer',
      code: ['客户: 为什么不能退', '客服: 定制商品不支持退货', '客户: 你们这样太过分了'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“你们这样太过分了”），会话就结束了。' }],
    },
    {
      name: 'negated satisfaction is a complaint',
      code: ['客户: 退款怎么只退了一半', '客服: 运费不退', '客户: 不满意'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“不满意”），会话就结束了。' }],
    },
    {
      name: 'an end event does not excuse the silence',
      code: ['客户: 在吗', '客服: 您好', '客户: 我要退货', '系统: 会话已结束'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“我要退货”），会话就结束了。', triggerSeq: 2 }],
    },
    {
      name: 'no human ever answered',
      code: ['客户: 在吗', '机器人: 您好，我是智能助手', '客户: 我要改地址'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 2 条消息没有得到任何人工回复（“在吗”），会话就结束了。', triggerSeq: 0 }],
    },
    {
      name: 'a long message is quoted in part',
      code: ['客户: 在吗', '客服: 您好', '客户: 我上周买的洗衣机到现在都没有人来安装，打了好几次电话都说在排队，到底还要等多久才能有师傅上门啊'],
      errors: [{ messageId: 'unanswered', message: '客户未获回复：客户最后的 1 条消息没有得到任何人工回复（“我上周买的洗衣机到现在都没有人来安装，打了好几次电话都说在排队，到底还要等多久才…”），会话就结束了。' }],
    },
    {
      name: 'traditional input gets a traditional message and a traditional quote',
      code: ['客戶: 請問幾天到', '客服: 兩天左右', '客戶: 可以寄順豐嗎'],
      errors: [{ messageId: 'unanswered', message: '客戶未獲回覆：客戶最後的 1 條消息沒有得到任何人工回覆（“可以寄順豐嗎”），會話就結束了。' }],
    },
  ],
});
