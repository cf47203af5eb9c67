import rule from '../../rules/slow-first-response.js';
import { runRuleTests } from '../support/rule-tester.js';

const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, open: '09:00', close: '18:00' }].map((h) => ({ ...h, days: [...h.days] }));

runRuleTests(rule, {
  valid: [
    { name: 'answered within a minute', code: ['10:00:00 客户: 在吗', '10:00:40 客服: 您好，请问有什么可以帮您'] },
    { name: 'exactly at the threshold', code: ['10:00:00 客户: 在吗', '10:01:00 客服: 您好'] },
    { name: 'no timestamps: not applicable, no finding', code: ['客户: 在吗', '客服: 您好'] },
    { name: 'never answered by a human: not this rule', code: ['10:00:00 客户: 在吗', '10:00:02 机器人: 您好，请稍候'] },
    {
      name: 'the wait falls outside business hours',
      // Sunday 2026-11-01 22:00 → Monday 09:00:30: only 30 business seconds.
      code: ['2026-11-01T22:00:00 客户: 想问下能不能改地址', '2026-11-02T09:00:30 客服: 您好，可以的'],
      businessHours: weekdays,
    },
    {
      name: 'a holiday is not business time',
      // Monday 17:59:30–18:00 (30 s), Tuesday a holiday, Wednesday 09:00–09:00:10 (10 s).
      code: ['2026-11-02T17:59:30 客户: 在吗', '2026-11-04T09:00:10 客服: 您好'],
      businessHours: weekdays,
      holidays: ['2026-11-03'],
    },
    { name: 'a larger threshold', code: ['10:00:00 客户: 在吗', '10:04:00 客服: 您好'], options: { threshold: 300 } },
    { name: 'traditional text, quick reply', code: ['10:00:00 客戶: 請問還有貨嗎', '10:00:20 客服: 您好，有的'] },
  ],
  invalid: [
    {
      name: 'a bot greeting does not stop the clock',
      code: ['10:00:03 客户: 我的快递三天都没动了', '10:00:05 机器人: 您好，正在为您转接人工', '10:03:12 客服: 您好，请问有什么可以帮您'],
      errors: [{ messageId: 'slow', message: '首响慢：客户等了 3分9秒 才收到第一条人工回复，超过 1分钟 的要求。', messageSeq: 2, triggerSeq: 0 }],
    },
    {
      name: 'an internal note does not count as a reply',
      code: ['10:00:00 客户: 在吗', '10:00:30 客服[internal]: 这个客户我来接', '10:02:00 客服: 您好'],
      errors: [{ messageId: 'slow', message: '首响慢：客户等了 2分钟 才收到第一条人工回复，超过 1分钟 的要求。', messageSeq: 2 }],
    },
    {
      name: 'traditional input gets a traditional message',
      code: ['10:00:00 客戶: 請問訂單什麼時候出貨', '10:05:00 客服: 您好，明天出貨'],
      errors: [{ messageId: 'slow', message: '首響慢：客戶等了 5分鐘 才收到第一條人工回覆，超過 1分鐘 的要求。' }],
    },
    {
      name: 'business hours: the clock runs from the opening',
      // Monday 2026-11-02 08:30 → 09:02: the team opens at 09:00, so the wait is 2 minutes.
      code: ['08:30:00 客户: 发票怎么开', '09:02:00 客服: 您好'],
      businessHours: weekdays,
      errors: [{ messageId: 'slow', message: '首响慢：客户等了 2分钟 才收到第一条人工回复，超过 1分钟 的要求。' }],
    },
    {
      name: 'without the holiday, the working Tuesday counts',
      code: ['2026-11-02T17:59:30 客户: 在吗', '2026-11-04T09:00:10 客服: 您好'],
      businessHours: weekdays,
      errors: [{ messageId: 'slow', message: '首响慢：客户等了 9小时 才收到第一条人工回复，超过 1分钟 的要求。' }],
    },
  ],
});
