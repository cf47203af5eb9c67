import rule from '../../rules/slow-response.js';
import { runRuleTests } from '../support/rule-tester.js';

const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri'>, open: '09:00', close: '18:00' }];
// A night team whose shift starts at 20:00 and runs past midnight to 02:00, every day.
const nightShift = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>, open: '20:00', close: '02:00' }];

// The first burst belongs to slow-first-response; every case opens with a quick first exchange
// so that the burst under test is a later one.
const opening = ['10:00:00 客户: 在吗', '10:00:20 客服: 您好，请问有什么可以帮您'];

runRuleTests(rule, {
  valid: [
    { name: 'answered within three minutes', code: [...opening, '10:01:00 客户: 我的快递到哪了', '10:02:30 客服: 我帮您查一下，已经到本市了'] },
    { name: 'exactly at the limit', code: [...opening, '10:01:00 客户: 能开发票吗', '10:04:00 客服: 可以的'] },
    { name: 'no timestamps: not applicable', code: ['客户: 在吗', '客服: 您好', '客户: 快递到哪了', '客服: 已经到本市了'] },
    {
      name: 'a slow first response is left to slow-first-response',
      code: ['10:00:00 客户: 在吗，想改地址', '10:10:00 客服: 您好，可以改的'],
    },
    {
      name: 'a burst that is never answered is left to unanswered-customer',
      code: [...opening, '10:01:00 客户: 那什么时候发货', '10:20:00 机器人: 人工客服正忙，请稍候'],
    },
    {
      name: 'thanks need no answer, so a late goodbye is not a slow reply',
      code: [...opening, '10:01:00 客户: 好的，谢谢', '10:15:00 客服: 不客气，祝您生活愉快'],
    },
    {
      name: 'a sticker and an acknowledgement do not start the clock',
      code: [...opening, '10:01:00 客户: 嗯嗯', '10:01:05 客户: 👌', '10:10:00 客户: 那大概几天能到', '10:11:30 客服: 一般两天'],
    },
    {
      name: 'business hours across midnight: only the shift counts',
      // 01:59 → 02:00 is one minute of the shift, 20:00 → 20:02 two more: three minutes in all.
      code: ['2026-11-02T01:58:00 客户: 在吗', '2026-11-02T01:58:20 客服: 您好', '2026-11-02T01:59:00 客户: 退款到哪一步了', '2026-11-02T20:02:00 客服: 已经退回原账户了'],
      businessHours: nightShift,
    },
    {
      name: 'a weekend is not business time',
      // Friday 17:58 → 18:00 (2 min) and Monday 09:00 → 09:01 (1 min).
      code: ['2026-10-30T17:57:00 客户: 在吗', '2026-10-30T17:57:30 客服: 您好', '2026-10-30T17:58:00 客户: 可以改发货地址吗', '2026-11-02T09:01:00 客服: 可以，请把新地址发我'],
      businessHours: weekdays,
    },
    {
      name: 'a holiday is not business time',
      code: ['2026-11-02T17:57:00 客户: 在吗', '2026-11-02T17:57:30 客服: 您好', '2026-11-02T17:58:00 客户: 发票开好了吗', '2026-11-04T09:00:30 客服: 开好了'],
      businessHours: weekdays,
      holidays: ['2026-11-03'],
    },
    { name: 'an empty message (a sticker the export did not keep) does not start the clock', code: [...opening, '10:01:00 客户: ', '10:09:00 客服: 还有其他问题吗'] },
    { name: 'a larger threshold', code: [...opening, '10:01:00 客户: 能换颜色吗', '10:05:00 客服: 可以换'], options: { threshold: 300 } },
    { name: 'traditional, answered in time', code: ['10:00:00 客戶: 在嗎', '10:00:20 客服: 您好', '10:01:00 客戶: 請問還有貨嗎', '10:02:00 客服: 有的'] },
  ],
  invalid: [
    {
      name: 'a later burst waits too long',
      code: [...opening, '10:01:00 客户: 我的快递三天没动了', '10:01:30 客户: 能帮我催一下吗', '10:06:10 客服: 好的，我马上联系快递'],
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 5分10秒 才收到人工回复，超过 3分钟 的要求。', messageSeq: 4, triggerSeq: 2 }],
    },
    {
      name: 'a bot reply does not stop the clock',
      code: [...opening, '10:01:00 客户: 退款什么时候到账', '10:01:02 机器人: 您好，人工客服正在赶来', '10:05:00 客服: 一般三个工作日'],
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 4分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 4, triggerSeq: 2 }],
    },
    {
      name: 'the clock starts at the question, not at the "好的" before it',
      code: [...opening, '10:01:00 客户: 好的', '10:03:00 客户: 那运费谁出', '10:07:00 客服: 运费我们出'],
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 4分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 4, triggerSeq: 3 }],
    },
    {
      name: 'one finding per slow burst',
      code: [...opening, '10:01:00 客户: 尺码偏大吗', '10:05:00 客服: 偏大一码', '10:05:30 客户: 那我拍M码可以吗', '10:10:30 客服: 可以'],
      errors: [
        { messageId: 'slow', message: '回复慢：客户等了 4分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 3 },
        { messageId: 'slow', message: '回复慢：客户等了 5分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 5 },
      ],
    },
    {
      name: 'a transfer between agents does not stop the clock; the finding goes to the agent who replied',
      code: [...opening, '10:01:00 客户: 我想退货', '10:01:30 系统: 会话已转接给售后组', '10:06:00 客服(阿青): 您好，我是售后，请问退货原因是什么'],
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 5分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 4, triggerSeq: 2 }],
    },
    {
      name: 'business hours across midnight: past the limit',
      code: ['2026-11-02T01:58:00 客户: 在吗', '2026-11-02T01:58:20 客服: 您好', '2026-11-02T01:59:00 客户: 退款到哪一步了', '2026-11-02T20:02:30 客服: 已经退回原账户了'],
      businessHours: nightShift,
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 3分30秒 才收到人工回复，超过 3分钟 的要求。', messageSeq: 3 }],
    },
    {
      name: 'a weekend: past the limit on Monday morning',
      code: ['2026-10-30T17:57:00 客户: 在吗', '2026-10-30T17:57:30 客服: 您好', '2026-10-30T17:58:00 客户: 可以改发货地址吗', '2026-11-02T09:02:00 客服: 可以，请把新地址发我'],
      businessHours: weekdays,
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 4分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 3 }],
    },
    {
      name: 'without business hours the whole weekend counts',
      code: ['2026-10-30T17:57:00 客户: 在吗', '2026-10-30T17:57:30 客服: 您好', '2026-10-30T17:58:00 客户: 可以改发货地址吗', '2026-11-02T09:02:00 客服: 可以'],
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 63小时4分 才收到人工回复，超过 3分钟 的要求。', messageSeq: 3 }],
    },
    {
      name: 'includeFirstBurst reports the first wait too',
      code: ['10:00:00 客户: 在吗，想改地址', '10:10:00 客服: 您好，可以改的'],
      options: { includeFirstBurst: true },
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 10分钟 才收到人工回复，超过 3分钟 的要求。', messageSeq: 1, triggerSeq: 0 }],
    },
    {
      name: 'a stricter threshold',
      code: [...opening, '10:01:00 客户: 能换颜色吗', '10:02:30 客服: 可以换'],
      options: { threshold: 60 },
      errors: [{ messageId: 'slow', message: '回复慢：客户等了 1分30秒 才收到人工回复，超过 1分钟 的要求。' }],
    },
    {
      name: 'traditional input gets a traditional message',
      code: ['10:00:00 客戶: 在嗎', '10:00:20 客服: 您好', '10:01:00 客戶: 請問訂單什麼時候出貨', '10:06:00 客服: 明天出貨'],
      errors: [{ messageId: 'slow', message: '回覆慢：客戶等了 5分鐘 才收到人工回覆，超過 3分鐘 的要求。' }],
    },
  ],
});
