import rule from '../../rules/missing-empathy.js';
import { runRuleTests } from '../support/rule-tester.js';

const missing = (phrase: string, window = 2) =>
  `缺少共情：客户表达了情绪（“${phrase}”），接下来 ${window} 条回复都没有致歉或表示理解。`;

runRuleTests(rule, {
  valid: [
    { name: 'apology in the first reply', code: ['客户: 等了三天还没到，太过分了', '客服: 非常抱歉让您久等了，我马上帮您催'] },
    { name: 'acknowledgement in the second reply, inside the window', code: ['客户: 你们也太坑人了', '客服: 请提供一下订单号', '客服: 给您带来困扰了，实在对不起'] },
    { name: 'understanding in other words', code: ['客户: 我真的很失望', '客服: 我理解您现在的感受，这边马上为您处理'] },
    { name: 'taking the complaint seriously', code: ['客户: 你们这服务太差了', '客服: 您说的情况我们会认真对待，已经安排专人跟进'] },
    { name: 'thanks for the patience', code: ['客户: 到现在都没人处理', '客服: 感谢您的耐心，工单已经加急'] },
    { name: 'asking forgiveness', code: ['客户: 视频一直卡，受不了了', '客服: 求原谅，技术同事正在修'] },
    { name: 'negated distress', code: ['客户: 我没有生气，就是问问进度', '客服: 好的，我帮您查一下'] },
    { name: 'asking how to complain is an enquiry', code: ['客户: 请问怎么投诉快递员？', '客服: 您可以在订单页面点击投诉入口'] },
    { name: 'junk files are a noun, not an insult', code: ['客户: 手机里垃圾文件太多了，怎么清理', '客服: 设置里有清理功能'] },
    { name: 'a bad review as the topic', code: ['客户: 有个买家给我店里一个差评，能删掉吗', '客服: 评价删除需要买家本人操作'] },
    { name: 'a distress word inside an @handle', code: ['客户: @某某投诉平台 请问发票什么时候开', '客服: 订单完成后自动开具'] },
    { name: 'conditional disappointment', code: ['客户: 如果这次还不行我会很失望的', '客服: 这次换了新配件，您放一百个心'] },
    { name: 'a shrug, not a grievance', code: ['客户: 颜色和图片不太一样，有点小失望', '客服: 您可以对比一下实物'] },
    { name: 'exclamation marks of delight', code: ['客户: 谢谢，问题解决了！！！', '客服: 不客气'] },
    { name: 'exclamation marks with nothing to complain about', code: ['客户: 新款出了我立马下单！！！', '客服: 上市时间请关注官网'] },
    { name: 'an emoji code is a face, not a sentence', code: ['客户: 地址填错了，我改一下#E-委屈', '客服: 好的，改好了告诉我'] },
    { name: 'family, not swearing', code: ['客户: 把我妈的电话也留上', '客服: 已经备注了'] },
    { name: 'still upset right after an apology', code: ['客户: 东西坏了', '客服: 非常抱歉给您添麻烦了', '客户: 真是太让人失望了', '客服: 我马上给您补发'] },
    { name: 'an empty reply may have been an emoji the export lost', code: ['客户: 太过分了', '客服: ', '客服: 请提供订单号'] },
    { name: 'no reply at all is unanswered-customer’s concern', code: ['客户: 太过分了'] },
    { name: 'a bot reply is not a human reply', code: ['客户: 太过分了', '机器人: 您好，请描述您的问题', '客服: 非常抱歉，我来处理'] },
    { name: 'traditional apology', code: ['客戶: 你們的服務太差了', '客服: 非常抱歉給您帶來不好的體驗'] },
    { name: 'full-width apology', code: ['客户: 等了３天了', '客服: ＳＯＲＲＹ，马上处理'] },
  ],
  invalid: [
    {
      name: 'a complaint met with a bare request for details',
      code: ['客户: 你们太过分了，到现在都没人处理', '客服: 请提供订单号', '客服: 收到'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('太过分'), messageSeq: 1, triggerSeq: 0, suggestion: true }],
    },
    {
      name: 'negated understanding is not empathy',
      code: ['客户: 你们也太离谱了', '客服: 我不理解您为什么这么激动，规定就是这样'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('离谱', 1), messageSeq: 1 }],
    },
    {
      name: 'sarcastic praise',
      code: ['客户: 真是太好了，又等了三天', '客服: 请提供订单号'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('真是太好了，又', 1), triggerSeq: 0 }],
    },
    {
      name: 'a threat to complain',
      code: ['客户: 再不处理我就去投诉', '客服: 您的工单在处理中'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('投诉', 1) }],
    },
    {
      name: 'a rhetorical question still carries the anger',
      code: ['客户: 有你们这么坑爹的吗？', '客服: 请问是哪个订单'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('坑爹', 1) }],
    },
    {
      name: 'exclamation marks on a complaint',
      code: ['客户: 怎么还没发货！！！', '客服: 仓库在排单'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('！！！', 1) }],
    },
    {
      name: 'a bad review given as a verdict',
      code: ['客户: 质量太次，必须给你们差评', '客服: 请问是哪里有问题'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('给你们差评', 1) }],
    },
    {
      name: 'two upset messages before one reply are one episode',
      code: ['客户: 气死我了', '客户: 东西又坏了', '客户: 你们就是忽悠人', '客服: 请寄回检测'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('气死', 1), messageSeq: 3, triggerSeq: 0 }],
    },
    {
      name: 'a new episode after the agent answered',
      code: ['客户: 太坑人了', '客服: 抱歉，我来看看', '客户: 好', '客服: 已经补发', '客户: 补发的也是坏的，太失望了', '客服: 请拍照'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('失望', 1), messageSeq: 5, triggerSeq: 4 }],
    },
    {
      name: 'traditional input is answered in traditional',
      code: ['客戶: 真的非常生氣', '客服: 請提供訂單號'],
      errors: [{ messageId: 'noAcknowledgement', message: '缺少共情：客戶表達了情緒（“生氣”），接下來 1 條回覆都沒有致歉或表示理解。' }],
    },
    {
      name: 'mixed script: a traditional reply makes the finding traditional, full-width digits are quoted as written',
      code: ['客户: ＯＫ，已经等了３天了', '客服: 系統顯示已發貨'],
      errors: [{ messageId: 'noAcknowledgement', message: '缺少共情：客戶表達了情緒（“等了３天”），接下來 1 條回覆都沒有致歉或表示理解。' }],
    },
    {
      name: 'full-width text in a simplified conversation',
      code: ['客户: ＷＴＦ，等了３天了！！！', '客服: 已发货'],
      errors: [{ messageId: 'noAcknowledgement', message: missing('等了３天', 1) }],
    },
  ],
});

runRuleTests(rule, {
  valid: [{ name: 'window 3 reaches the third reply', code: ['客户: 太坑人了', '客服: 稍等', '客服: 查到了', '客服: 给您添麻烦了'], options: { window: 3 } }],
  invalid: [
    {
      name: 'window 1 does not wait for the second reply',
      code: ['客户: 太坑人了', '客服: 请提供订单号', '客服: 抱歉让您久等'],
      options: { window: 1 },
      errors: [{ messageId: 'noAcknowledgement', message: missing('坑人', 1), messageSeq: 1 }],
    },
  ],
});
