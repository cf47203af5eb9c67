import rule from '../../rules/robot-reply.js';
import { runRuleTests } from '../support/rule-tester.js';

// A pasted template of the kind helpdesks send: long enough (15+ content words) to count on its first repeat.
const TEMPLATE = '麻烦您把下单时用的手机号码、收货人姓名和完整的收货地址私信发给我们，核对清楚以后我们会安排专人在当天给您回电话';
const TEMPLATE_TRADITIONAL = '麻煩您把下單時用的手機號碼、收貨人姓名和完整的收貨地址私信發給我們，核對清楚以後我們會安排專人在當天給您回電話';

runRuleTests(rule, {
  valid: [
    {
      name: 'the standard "anything else?" asked again after a second question',
      code: [
        '客户: 这个耳机支持降噪吗',
        '客服: 支持的，开启后在地铁里也很安静',
        '客户: 好的',
        '客服: 请问您还有其他需要帮忙的吗？',
        '客户: 还有，保修多久呀',
        '客服: 整机保修一年，耳塞套不在保修范围',
        '客户: 明白了',
        '客服: 请问您还有其他需要帮忙的吗？',
      ],
    },
    {
      name: 'the farewell sent again when the chat reopens after a goodbye',
      code: [
        '客户: 没有了，谢谢',
        '客服: 谢谢您对小店的信任，祝您一切顺利，再见！以后有需要欢迎随时进线咨询，辛苦您顺手给个评价',
        '客户: 对了，发票能开公司抬头吗',
        '客服: 可以的，下单时在发票信息里选择单位并填写税号就行',
        '客户: 好的',
        '客服: 谢谢您对小店的信任，祝您一切顺利，再见！以后有需要欢迎随时进线咨询，辛苦您顺手给个评价',
      ],
    },
    {
      name: 'a hold notice for each new lookup',
      code: ['客户: 帮我看下这单到哪了', '客服: 好的，您稍等，我马上为您查看一下', '客户: 另一单呢', '客服: 好的，您稍等，我马上为您查看一下'],
    },
    {
      name: 'sticker-only replies are masks, not words',
      code: ['客户: 收到了', '客服: #E-s[数字x]#E-s[数字x]', '客户: 可以改地址吗', '客服: #E-s[数字x]#E-s[数字x]'],
    },
    {
      name: 'same wording, different amounts: different replies',
      code: [
        '客户: 第一单什么时候退款',
        '客服: 已经为您提交了退款申请，金额 128 元，审核通过后会按原支付方式退回到您的账户里，请您留意短信通知',
        '客户: 第二单呢',
        '客服: 已经为您提交了退款申请，金额 59 元，审核通过后会按原支付方式退回到您的账户里，请您留意短信通知',
      ],
    },
    {
      name: 'same wording, different masked order ids: different replies',
      code: [
        '客户: [ORDERID_1001] 这单到哪了',
        '客服: 您的订单[ORDERID_1001]已经从仓库发出，快递员正在派送途中，预计今天晚上送到您填写的收货地址，请您保持电话畅通',
        '客户: [ORDERID_1002] 这单呢',
        '客服: 您的订单[ORDERID_1002]已经从仓库发出，快递员正在派送途中，预计今天晚上送到您填写的收货地址，请您保持电话畅通',
      ],
    },
    {
      name: 'a masked value may carry the number the customer just gave',
      code: [
        '客户: 运费谁出',
        '客服: 这次的运费由我们来承担，我这边给您补偿[数字x]个京豆到您的账户里，您看这样处理可以接受吗',
        '客户: 运费花了[数字x]块',
        '客服: 这次的运费由我们来承担，我这边给您补偿[数字x]个京豆到您的账户里，您看这样处理可以接受吗',
      ],
    },
    {
      name: 'a double send with no customer message between is not a robot answering',
      code: ['客户: 我的快递一直没有更新', `客服: ${TEMPLATE}`, `客服: ${TEMPLATE}`],
    },
    {
      name: 'the customer only repeated the same message',
      code: ['客户: 快递一直不动怎么回事', `客服: ${TEMPLATE}`, '客户: 快递一直不动怎么回事', `客服: ${TEMPLATE}`],
    },
    {
      name: 'a short question asked again after an unclear answer',
      code: ['客户: 我想换货', '客服: 请问您收到的商品还在身边吗', '客户: 放在老家了，下周才回去', '客服: 请问您收到的商品还在身边吗'],
    },
    {
      name: 'one changed word makes a short reply a different question',
      code: [
        '客户: 帮我查下订单',
        '客服: 麻烦告诉我您下单用的手机号码好吗',
        '客户: 我记不清用的哪个了',
        '客服: 麻烦告诉我您下单用的手机号码好吗',
        '客户: [数字x]',
        '客服: 麻烦告诉我您以前下单用的手机号码好吗',
      ],
    },
    {
      name: 'negation: the same sentence with 不 says the opposite',
      code: [
        '客户: 这款拆封了能退吗',
        '客服: 这款商品在签收后七天内拆封也支持无理由退货，您在订单详情里点申请售后就可以提交',
        '客户: 那款定制的呢',
        '客服: 这款商品在签收后七天内拆封也不支持无理由退货，您在订单详情里点申请售后就可以提交',
      ],
    },
    {
      name: 'traditional, mixed width: the standard closing twice',
      code: ['顧客: 謝謝', '客服: 請問您還有其他需要幫忙的嗎？', '顧客: 還有一個問題，ＡＰＰ打不開', '客服: 您先更新到最新版本再試試', '顧客: 好了', '客服: 請問您還有其他需要幫忙的嗎？'],
    },
    {
      name: 'one bot fallback is not a loop',
      code: ['客户: 我要改地址', '机器人: 抱歉，我没有理解您的意思，请换个说法', '客户: 修改收货地址', '机器人: 您可以在订单详情里修改收货地址'],
    },
    {
      name: 'a human joining between two fallbacks breaks the loop',
      code: [
        '客户: 发票',
        '机器人: 抱歉，我没有理解您的意思，请换个说法',
        '客户: 转人工',
        '客服: 您好，我是人工客服，请问发票有什么问题',
        '客户: 其实我想问积分',
        '机器人: 小助手还在学习中，暂时无法回答这个问题',
      ],
    },
    {
      name: 'a fallback phrase from a human agent is not a bot loop',
      code: ['客户: 那个', '客服: 不好意思，我没太明白您的意思，能换个说法吗', '客户: 就是那个', '客服: 抱歉，还是没理解您的意思，您能换个说法吗'],
    },
  ],
  invalid: [
    {
      name: 'one template pasted to two different questions',
      code: ['客户: 我的快递三天没更新了', `客服: ${TEMPLATE}`, '客户: 还有，你们的会员积分为什么突然清零了', `客服: ${TEMPLATE}`],
      errors: [
        {
          messageId: 'templateForDistinctQuestions',
          message: '机械回复：客户问的是不同的问题，却得到与第 2 条相同的模板回复（相似度 1.00）。',
          messageSeq: 3,
          triggerSeq: 2,
          highlight: TEMPLATE,
        },
      ],
    },
    {
      name: 'the same template when the customer comes back on the same problem',
      code: ['客户: 宽带又断网了，怎么回事', `客服: ${TEMPLATE}`, '客户: 宽带又断网了，怎么回事，都第三次了', `客服: ${TEMPLATE}`],
      errors: [{ messageId: 'repeatedReply', message: '机械回复：与第 2 条回复几乎相同（相似度 1.00）。换一种说法，或直接推进问题。', messageSeq: 3 }],
    },
    {
      name: 'courtesy, filler and stickers around the template do not hide it',
      code: [
        '客户: 我的快递三天没更新了',
        `客服: 您好，${TEMPLATE}，请问还有其他可以帮您的吗？`,
        '客户: 你们是不是机器人？问的是积分清零的事',
        `客服: 嗯嗯 亲亲 #E-s[数字x]${TEMPLATE}#E-s[数字x]`,
      ],
      errors: [
        {
          messageId: 'templateForDistinctQuestions',
          message: '机械回复：客户问的是不同的问题，却得到与第 2 条相同的模板回复（相似度 1.00）。',
          messageSeq: 3,
          highlight: TEMPLATE,
        },
      ],
    },
    {
      name: 'traditional input is answered in traditional',
      code: ['顧客: 我的快遞三天沒更新了', `客服: ${TEMPLATE_TRADITIONAL}`, '顧客: 還有，你們的會員積分為什麼突然清零了', `客服: ${TEMPLATE_TRADITIONAL}`],
      errors: [{ messageId: 'templateForDistinctQuestions', message: '機械回覆：客戶問的是不同的問題，卻得到與第 2 條相同的模板回覆（相似度 1.00）。', messageSeq: 3 }],
    },
    {
      name: 'mixed script and full-width: a simplified template sent again in traditional',
      code: [
        '客户: ＡＰＰ登录不上',
        '客服: 请您先在ＡＰＰ里退出账号，清除缓存后重新登录，如果还是不行，请把报错页面截图通过私信发给我们，我们转给技术同事排查',
        '顧客: 會員積分為什麼清零了',
        '客服: 請您先在APP裡退出賬號，清除緩存後重新登錄，如果還是不行，請把報錯頁面截圖通過私信發給我們，我們轉給技術同事排查',
      ],
      // OpenCC reads 截圖 as 截屏, so one word differs: near-same, not identical.
      errors: [{ messageId: 'templateForDistinctQuestions', message: '機械回覆：客戶問的是不同的問題，卻得到與第 2 條相同的模板回覆（相似度 0.97）。', messageSeq: 3 }],
    },
    {
      name: 'a short reply sent a third time to new questions',
      code: [
        '客户: 优惠券怎么没用上',
        '客服: 您把订单编号发我一下，我来帮您看看',
        '客户: 下单时我明明勾选了',
        '客服: 您把订单编号发我一下，我来帮您看看',
        '客户: 你直接说为什么没抵扣',
        '客服: 您把订单编号发我一下，我来帮您看看',
      ],
      errors: [{ messageId: 'templateForDistinctQuestions', message: '机械回复：客户问的是不同的问题，却得到与第 2 条相同的模板回复（相似度 1.00）。', messageSeq: 5 }],
    },
    {
      name: 'bot fallback loop',
      code: ['客户: 我的包裹呢', '机器人: 抱歉，我没有理解您的意思，请换个说法', '客户: 包裹在哪', '机器人: 抱歉，我没有理解您的意思，请换个说法'],
      errors: [
        {
          messageId: 'botFallbackLoop',
          message: '机器人兜底循环：机器人第 2 次没听懂客户，仍未转人工。',
          messageSeq: 3,
          triggerSeq: 2,
          highlight: '没有理解您的意思',
        },
      ],
    },
    {
      name: 'bot fallback loop in traditional, with different fallback wordings',
      code: ['顧客: 我的包裹呢', '機器人: 小助手還在學習中，您可以換個說法嗎', '顧客: 包裹在哪', '機器人: 抱歉，沒聽懂您的問題'],
      errors: [{ messageId: 'botFallbackLoop', message: '機器人兜底循環：機器人第 2 次沒聽懂客戶，仍未轉人工。', messageSeq: 3, highlight: '沒聽懂' }],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    {
      name: 'maxBotFallbacks: 3 tolerates two fallbacks',
      options: { maxBotFallbacks: 3 },
      code: ['客户: 包裹', '机器人: 抱歉，我没听懂', '客户: 包裹在哪', '机器人: 抱歉，我没听懂，请换个说法'],
    },
    {
      name: 'by default, a changed clause (5 differing words in 30) is more than a near-same copy allows',
      code: [
        '客户: 我的快递三天没更新了',
        `客服: ${TEMPLATE}`,
        '客户: 还有，你们的会员积分为什么突然清零了',
        '客服: 麻烦您把下单时用的手机号码、收货人姓名和完整的收货地址私信发给我们，核对清楚以后我们会安排同事在明天上午给您回电话',
      ],
    },
    {
      name: 'templateTokens: 40 treats a 30-word reply as short',
      options: { templateTokens: 40 },
      code: ['客户: 我的快递三天没更新了', `客服: ${TEMPLATE}`, '客户: 还有，你们的会员积分为什么突然清零了', `客服: ${TEMPLATE}`],
    },
  ],
  invalid: [
    {
      name: 'maxBotFallbacks: 3 reports the third fallback, once',
      options: { maxBotFallbacks: 3 },
      code: ['客户: 包裹', '机器人: 抱歉，我没听懂', '客户: 包裹在哪', '机器人: 抱歉，我没听懂', '客户: 快递', '机器人: 抱歉，我没听懂', '客户: 人工', '机器人: 抱歉，我没听懂'],
      errors: [{ messageId: 'botFallbackLoop', message: '机器人兜底循环：机器人第 3 次没听懂客户，仍未转人工。', messageSeq: 5 }],
    },
    {
      name: 'distinctQuestionBelow: 0 never calls questions distinct',
      options: { distinctQuestionBelow: 0 },
      code: ['客户: 我的快递三天没更新了', `客服: ${TEMPLATE}`, '客户: 还有，你们的会员积分为什么突然清零了', `客服: ${TEMPLATE}`],
      errors: [{ messageId: 'repeatedReply', message: '机械回复：与第 2 条回复几乎相同（相似度 1.00）。换一种说法，或直接推进问题。', messageSeq: 3 }],
    },
    {
      name: 'threshold: 0.8 accepts a template with a changed clause',
      options: { threshold: 0.8 },
      code: [
        '客户: 我的快递三天没更新了',
        `客服: ${TEMPLATE}`,
        '客户: 还有，你们的会员积分为什么突然清零了',
        '客服: 麻烦您把下单时用的手机号码、收货人姓名和完整的收货地址私信发给我们，核对清楚以后我们会安排同事在明天上午给您回电话',
      ],
      errors: [{ messageId: 'templateForDistinctQuestions', message: '机械回复：客户问的是不同的问题，却得到与第 2 条相同的模板回复（相似度 0.92）。', messageSeq: 3 }],
    },
    {
      name: 'templateTokens: 6 lets a short reply count on its first repeat',
      options: { templateTokens: 6 },
      code: ['客户: 优惠券怎么没用上', '客服: 您把订单编号发我一下，我来帮您看看', '客户: 下单时我明明勾选了', '客服: 您把订单编号发我一下，我来帮您看看'],
      errors: [{ messageId: 'templateForDistinctQuestions', message: '机械回复：客户问的是不同的问题，却得到与第 2 条相同的模板回复（相似度 1.00）。', messageSeq: 3 }],
    },
  ],
});
