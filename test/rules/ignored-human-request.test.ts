import rule from '../../rules/ignored-human-request.js';
import { runRuleTests } from '../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'one request, then a human joins', code: ['客户: 转人工', '机器人: 正在为您转接', '客服: 您好，我是小林'] },
    {
      name: 'asked twice, and a human joins late: heard, however slowly',
      code: ['客户: 人工', '机器人: 请描述您的问题', '客户: 我要转人工', '机器人: 正在排队', '客服: 您好，久等了'],
    },
    {
      name: 'requests after a human joined are about that agent, not this rule',
      code: ['客户: 在吗', '客服: 您好，请问有什么可以帮您', '客户: 我要转人工', '客户: 人工客服！！！', '客户: 人工'],
    },
    { name: 'only one request (the default needs two)', code: ['客户: 转人工', '机器人: 请问您要咨询什么问题'] },
    {
      name: 'negated: the customer does not want a human',
      code: ['客户: 不用转人工，我自己看看', '机器人: 好的', '客户: 不需要人工客服了', '机器人: 好的'],
    },
    {
      name: 'questions about something else',
      code: ['客户: 安装的人工费多少钱', '机器人: 请稍候', '客户: 这个耳机有人工智能降噪吗', '机器人: 请稍候'],
    },
    {
      name: 'asking whether this is a human is not asking for one',
      code: ['客户: 你是真人吗', '机器人: 我是智能助手', '客户: 是人工吗', '机器人: 我是智能助手'],
    },
    {
      name: 'talk about a phone hotline',
      code: ['客户: 拨10086转人工一直占线', '机器人: 请问有什么可以帮您', '客户: 电话里按了半天人工服务也不通', '机器人: 请描述您的问题'],
    },
    {
      name: 'someone else\'s words',
      code: ['客户: 机器人让我转人工', '机器人: 请描述您的问题', '客户: 系统提示转人工要排队', '机器人: 请描述您的问题'],
    },
    {
      name: 'a conditional request',
      code: ['客户: 如果查不到就转人工', '机器人: 好的', '客户: 要是还不行再找人工', '机器人: 好的'],
    },
  ],
  invalid: [
    {
      name: 'asked twice, no human ever joined',
      code: ['客户: 人工', '机器人: 您好，请问有什么可以帮您', '客户: 我要转人工！', '机器人: 抱歉，我没听懂'],
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 2 次要求转人工（第 2 次：“转人工”），之后始终没有人工客服接入。', messageSeq: null, triggerSeq: 2 }],
    },
    {
      name: 'the request is highlighted in the customer\'s message',
      code: ['客户: 人工客服呢', '机器人: 请描述您的问题', '客户: 麻烦帮我转接人工客服', '机器人: 请描述您的问题', '客户: 人呢？？'],
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 3 次要求转人工（第 2 次：“转接人工客服”），之后始终没有人工客服接入。', triggerSeq: 2 }],
    },
    {
      name: 'other ways of asking',
      code: ['客户: 不要机器人回答', '机器人: 请问您想咨询什么', '客户: 有没有真人', '机器人: 请问您想咨询什么'],
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 2 次要求转人工（第 2 次：“有没有真人”），之后始终没有人工客服接入。' }],
    },
    {
      name: 'traditional input gets a traditional message; the quote keeps its characters',
      code: ['客戶: 轉人工', '機器人: 請問有什麼可以幫您', '客戶: 我要真人客服', '機器人: 請問有什麼可以幫您'],
      errors: [{ messageId: 'ignored', message: '轉人工受阻：客戶 2 次要求轉人工（第 2 次：“我要真人客服”），之後始終沒有人工客服接入。' }],
    },
    {
      name: 'full-width and mixed script',
      code: ['客户: ＲＥＡＬ PERSON 人工！！', '机器人: 请描述您的问题', '客户: 轉人工', '机器人: 请描述您的问题'],
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 2 次要求转人工（第 2 次：“轉人工”），之后始终没有人工客服接入。' }],
    },
    {
      name: 'the agent left, and the requests after that went unheard',
      code: ['客户: 在吗', '客服(小林): 您好', '系统: 客服小林已离开会话', '客户: 人工', '机器人: 请描述您的问题', '客户: 转人工', '机器人: 请描述您的问题'],
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 2 次要求转人工（第 2 次：“转人工”），之后始终没有人工客服接入。', triggerSeq: 5 }],
    },
    {
      name: 'times: 3 waits for a third request',
      code: ['客户: 人工', '机器人: 请描述您的问题', '客户: 人工', '机器人: 请描述您的问题', '客户: 人工服务', '机器人: 请描述您的问题'],
      options: { times: 3 },
      errors: [{ messageId: 'ignored', message: '转人工受阻：客户 3 次要求转人工（第 3 次：“人工服务”），之后始终没有人工客服接入。', triggerSeq: 4 }],
    },
  ],
});
