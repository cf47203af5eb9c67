import rule from '../../rules/crisis-not-escalated.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'self-harm met with care and a hotline',
      code: ['客户: 钱都被骗光了，我真的不想活了', '客服: 听到您这么说我很担心您的安全，可以拨打心理援助热线12356，我也马上请主管跟进'],
    },
    {
      name: 'a legal threat met with escalation',
      code: ['客户: 再不退款我就找律师起诉你们', '客服: 我马上把您的情况转交给主管，今天内联系您'],
    },
    {
      name: 'a regulator threat met with an acknowledgement and a concrete step',
      code: ['客户: 明天就去12315投诉', '客服: 非常抱歉给您添麻烦了，我马上为您核实退款进度，两小时内给您回复'],
    },
    {
      name: 'the answer may come in a later reply within the window',
      code: ['客户: 再不处理我就报警了', '客服: 您好', '客服: 请问订单号是多少', '客服: 您的安全最重要，我已上报主管处理'],
    },
    {
      name: 'a safety matter met with a safety reply',
      code: ['客户: 快递员威胁我', '客服: 请注意安全，如有危险请立即报警，我们马上核实这位快递员'],
    },
    { name: 'hyperbole is not self-harm', code: ['客户: 笑死了，累死了，气死我了', '客服: 哈哈，辛苦您了'] },
    { name: 'exasperation is not self-harm', code: ['客户: 这种设计是想逼死谁啊', '客服: 请问是手机端吗'] },
    { name: 'a sale price', code: ['客户: 你们这个跳楼价是真的吗', '客服: 是的，活动到月底'] },
    { name: 'an alarm is not the police', code: ['客户: 冰箱一直报警，显示温度过高', '客服: 请您检查一下门是否关好'] },
    { name: 'someone else called the police', code: ['客户: 邻居接到诈骗电话后打了110', '客服: 请问您的号码也收到了吗'] },
    { name: 'advice from someone else is not a threat', code: ['客户: 营业厅让我去12315投诉', '客服: 请问营业厅怎么说的'] },
    { name: 'a hotline the agent gives', code: ['客户: 我的卡被盗刷了', '客服: 您也可以拨打12315咨询'] },
    { name: 'a regulator handle', code: ['客户: @北京12315 @某某客服 这个套餐怎么收费', '客服: 您好，月费三十元'] },
    { name: 'a topic tag', code: ['客户: #315曝光台# 宽带又断了', '客服: 请问宽带账号是多少'] },
    { name: 'history, not a threat', code: ['客户: 之前投诉到工信部以后才有人管', '客服: 请问这次是什么问题'] },
    { name: 'a regulator in a product context', code: ['客户: 这款手机要等工信部许可才能卖吗', '客服: 已经拿到入网许可了'] },
    { name: 'a meme, not a letter from a lawyer', code: ['客户: 律师函警告的表情包哪里有', '客服: 在表情商店搜索就有'] },
    { name: 'negated', code: ['客户: 我不会起诉你们的，只想早点解决', '客服: 好的，请提供订单号'] },
    { name: 'not answered at all: unanswered-customer\'s concern', code: ['客服: 您好', '客户: 再不退款我就起诉你们'] },
    { name: 'camera talk', code: ['客户: 夜景拍照会曝光过度吗', '客服: 可以开夜景模式'] },
    {
      name: 'traditional, escalated',
      code: ['客戶: 我要找律師起訴你們', '客服: 已為您升級處理，主管會在今天內聯繫您'],
    },
  ],
  invalid: [
    {
      name: 'self-harm met with business as usual',
      code: ['客户: 退款再不到我就去跳楼', '客服: 退款一般三到五个工作日到账'],
      errors: [{
        messageId: 'selfHarm',
        message: '危机未升级：客户流露轻生念头（“跳楼”），接下来 1 条回复没有关心客户安全、提供求助渠道或转交专人。',
        messageSeq: 1,
        triggerSeq: 0,
        suggestion: true,
      }],
    },
    {
      name: 'a police threat met with a template',
      code: ['客户: 再这样骚扰我就要报警了', '客服: 请您提供一下手机号', '客户: 13800000000', '客服: 好的，已记录'],
      errors: [{
        messageId: 'safety',
        message: '危机未升级：客户提到人身安全或报警（“我就要报警”），接下来 2 条回复没有安全提示、具体处理措施或转交专人。',
        messageSeq: 1,
      }],
    },
    {
      name: 'a concrete step without an acknowledgement does not de-escalate a legal threat',
      code: ['客户: 再不解决我就去12315投诉', '客服: 请私信提供您的订单号'],
      errors: [{ messageId: 'legal', message: '危机未升级：客户表示要走法律或监管途径（“去12315投诉”），接下来 1 条回复没有升级、转交或具体处理措施。' }],
    },
    {
      name: 'an apology alone does not either',
      code: ['客户: 我要找媒体曝光你们', '客服: 非常抱歉给您带来不便'],
      errors: [{ messageId: 'legal', message: '危机未升级：客户表示要走法律或监管途径（“找媒体”），接下来 1 条回复没有升级、转交或具体处理措施。' }],
    },
    {
      name: 'a conditional threat is still a threat',
      code: ['客户: 如果明天还不发货，法院见', '客服: 好的亲'],
      errors: [{ messageId: 'legal', message: '危机未升级：客户表示要走法律或监管途径（“法院见”），接下来 1 条回复没有升级、转交或具体处理措施。' }],
    },
    {
      name: 'a repeated threat before one reply is one episode',
      code: ['客户: 我要去消协投诉', '客户: 还要找律师', '客服: 请耐心等待'],
      errors: [{ messageId: 'legal', message: '危机未升级：客户表示要走法律或监管途径（“去消协投诉”），接下来 1 条回复没有升级、转交或具体处理措施。', triggerSeq: 0, messageSeq: 2 }],
    },
    {
      name: 'the window: an escalation in the third reply is too late with window 2',
      code: ['客户: 再不处理我就报警了', '客服: 您好', '客服: 请问订单号是多少', '客服: 您的安全最重要，我已上报主管处理'],
      options: { window: 2 },
      errors: [{ messageId: 'safety', message: '危机未升级：客户提到人身安全或报警（“我就报警”），接下来 2 条回复没有安全提示、具体处理措施或转交专人。' }],
    },
    {
      name: 'a bot answer is not an agent\'s',
      code: ['客户: 活着没意思', '机器人: 您可以拨打心理援助热线', '客服: 请问有什么可以帮您'],
      errors: [{ messageId: 'selfHarm', message: '危机未升级：客户流露轻生念头（“活着没意思”），接下来 1 条回复没有关心客户安全、提供求助渠道或转交专人。', messageSeq: 2 }],
    },
    {
      name: 'traditional input gets a traditional message; the quote keeps its characters',
      code: ['客戶: 你們再拖我就去消協投訴', '客服: 請耐心等待'],
      errors: [{ messageId: 'legal', message: '危機未升級：客戶表示要走法律或監管途徑（“去消協投訴”），接下來 1 條回覆沒有升級、轉交或具體處理措施。', highlight: undefined }],
    },
    {
      name: 'full-width digits',
      code: ['客户: 我要打１２３１５', '客服: 亲，别这样嘛'],
      errors: [{ messageId: 'legal', message: '危机未升级：客户表示要走法律或监管途径（“打１２３１５”），接下来 1 条回复没有升级、转交或具体处理措施。' }],
    },
  ],
});
