import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { detectAdapter } from '../../src/adapters/index.js';
import { readConversations, type GroupedEvent } from '../../src/adapters/grouping.js';
import { wecomKfAdapter } from '../../src/adapters/wecom-kf.js';
import type { InputSource } from '../../src/io/input.js';
import { ROOT } from '../support/cli.js';
import { fixtureInputs } from '../support/adapters.js';

const OPTIONS: AdapterOptions = { timezone: 'Asia/Shanghai', roles: {}, fieldMap: {}, internalIds: [], sessionGapMinutes: 30 };

function source(name: string, text: string): InputSource {
  return { name, encoding: 'utf8', head: text.slice(0, 65536), text: () => Readable.from([text]) };
}

async function readAll(text: string, options: Partial<AdapterOptions> = {}, name = 'sync_msg.json'): Promise<GroupedEvent[]> {
  const events: GroupedEvent[] = [];
  for await (const event of readConversations(wecomKfAdapter, source(name, text), { ...OPTIONS, ...options })) events.push(event);
  return events;
}

const conversations = (events: GroupedEvent[]) => events.flatMap((e) => (e.type === 'conversation' ? [e.conversation] : []));
const ofType = <T extends GroupedEvent['type']>(events: GroupedEvent[], type: T) => events.filter((e): e is Extract<GroupedEvent, { type: T }> => e.type === type);
const recordsRead = (events: GroupedEvent[]) =>
  events.reduce((sum, e) => sum + (e.type === 'conversation' ? e.records : e.type === 'record' ? (e.records ?? 1) : e.type === 'skipped' ? 1 : 0), 0);

const KF = 'wkNcA7DgAAb4Xr9uJm2sQe7TfPz1Ka5W';
const CUSTOMER = 'wmNcA7DgAAh5Ve0pLc8nRy2MgUk4Bd9S';
const OTHER = 'wmNcA7DgAAs1Gq6wHj3fZo9KtYe7Cx2N';
const T0 = Date.parse('2026-11-04T07:00:00Z') / 1000; // 15:00 in Shanghai, epoch seconds

let counter = 0;
function customer(minutes: number, content: string, user = CUSTOMER) {
  return { msgid: `from_${++counter}`, open_kfid: KF, external_userid: user, send_time: T0 + minutes * 60, origin: 3, msgtype: 'text', text: { content } };
}
function servicer(minutes: number, userid: string, content: string, user = CUSTOMER) {
  return { msgid: `servicer_${++counter}`, open_kfid: KF, external_userid: user, send_time: T0 + minutes * 60, origin: 5, servicer_userid: userid, msgtype: 'text', text: { content } };
}
function event(minutes: number, body: Record<string, unknown>, user: string | undefined = CUSTOMER) {
  return { msgid: `event_${++counter}`, send_time: T0 + minutes * 60, origin: 4, msgtype: 'event', event: { open_kfid: KF, ...(user ? { external_userid: user } : {}), ...body } };
}
const change = (minutes: number, changeType: number, servicers: { old?: string; new?: string }, user = CUSTOMER) =>
  event(minutes, { event_type: 'session_status_change', change_type: changeType, old_servicer_userid: servicers.old, new_servicer_userid: servicers.new }, user);
const response = (msgList: unknown[], extra: Record<string, unknown> = {}) => ({ errcode: 0, errmsg: 'ok', next_cursor: 'c1', has_more: 0, msg_list: msgList, ...extra });
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('wecom-kf detection', () => {
  const fixtureFiles = fixtureInputs().filter((file) => !file.startsWith('fixtures/broken/'));

  for (const file of fixtureFiles) {
    const expected = file.startsWith('fixtures/wecom-kf/');
    it(`${file} ${expected ? 'is' : 'is not'} a 微信客服 sync_msg file`, () => {
      const head = readFileSync(path.join(ROOT, file), 'utf8').slice(0, 65536);
      if (expected) expect(detectAdapter(head, path.basename(file))?.name).toBe('wecom-kf');
      else expect(wecomKfAdapter.detect(head, path.basename(file))).toBe(0);
    });
  }

  it('recognises one response (pretty or on one line), an array of responses, JSONL of responses, and bare messages', () => {
    const one = response([customer(0, '你好')]);
    for (const text of [pretty(one), JSON.stringify(one), pretty([one, one]), `${JSON.stringify(one)}\n${JSON.stringify(one)}\n`, pretty([customer(0, '你好')])]) {
      expect(detectAdapter(text, 'x.json')?.name).toBe('wecom-kf');
    }
  });
});

describe('wecom-kf messages', () => {
  it('reads origin 3 as the customer and origin 5 as the 接待人员 named by servicer_userid, with send_time in seconds', async () => {
    const events = await readAll(pretty(response([customer(0, '耳机没声音'), servicer(1, 'chenjing', '您好，我马上帮您登记换新')])));
    const [conversation] = conversations(events);
    expect(conversation!.id).toBe(`${KF}/${CUSTOMER}#1`);
    expect(conversation!.meta).toEqual({ openKfId: KF, externalUserId: CUSTOMER });
    expect(conversation!.messages.map((m) => [m.role, m.agentId, m.text, m.time])).toEqual([
      ['customer', undefined, '耳机没声音', T0 * 1000],
      ['agent', 'chenjing', '您好，我马上帮您登记换新', (T0 + 60) * 1000],
    ]);
    // A single response is streamed item by item: each message has its msg_list index.
    expect(conversation!.messages.map((m) => m.location)).toEqual([{ file: 'sync_msg.json', record: 0 }, { file: 'sync_msg.json', record: 1 }]);
  });

  it('reads several responses, as a JSON array or one per line, and groups a conversation that spans pages', async () => {
    const pages = [response([customer(0, '退货地址是哪里')], { has_more: 1 }), response([servicer(1, 'chenjing', '地址已发您'), customer(2, '好的')])];
    for (const [text, name] of [[pretty(pages), 'pages.json'], [pages.map((p) => JSON.stringify(p)).join('\n'), 'pages.jsonl']] as const) {
      const [conversation, ...rest] = conversations(await readAll(text, {}, name));
      expect(rest).toEqual([]);
      expect(conversation!.messages.map((m) => m.text)).toEqual(['退货地址是哪里', '地址已发您', '好的']);
      expect(conversation!.messages.map((m) => m.location.record ?? m.location.line)).toEqual(name.endsWith('.jsonl') ? [1, 2, 2] : [0, 1, 1]);
    }
  });

  it('turns session_status_change into join, transfer and end events, and enter_session into an event with its scene', async () => {
    const events = await readAll(pretty(response([
      event(0, { event_type: 'enter_session', scene: 'order_detail', welcome_code: 'w' }),
      customer(0.2, '在吗'),
      change(1, 1, { new: 'chenjing' }),
      change(2, 2, { old: 'chenjing', new: 'wangpeng' }),
      servicer(2.5, 'wangpeng', '您好，我来帮您处理'),
      change(3, 3, { old: 'wangpeng' }),
    ])));
    const [conversation] = conversations(events);
    expect(conversation!.messages.map((m) => [m.role, m.kind, m.event, m.text])).toEqual([
      ['system', 'event', 'other', '客户进入会话（场景 order_detail）'],
      ['customer', 'text', undefined, '在吗'],
      ['system', 'event', 'join', '接待人员 chenjing 接入会话'],
      ['system', 'event', 'transfer', '会话由 chenjing 转接给 wangpeng'],
      ['agent', 'text', undefined, '您好，我来帮您处理'],
      ['system', 'event', 'end', '接待人员 wangpeng 结束会话'],
    ]);
    expect(conversation!.meta.scene).toBe('order_detail');
  });

  it('starts a new conversation after 结束会话 and after a silence longer than sessionGapMinutes', async () => {
    const records = [
      customer(0, '第一次'),
      change(1, 3, { old: 'chenjing' }),
      customer(5, '结束后又问'),
      change(6, 4, { new: 'chenjing' }),
      servicer(7, 'chenjing', '好的'),
      customer(60, '一小时后再问'),
      customer(0, '另一位客户', OTHER),
    ];
    const events = await readAll(pretty(response(records)));
    expect(conversations(events).map((c) => `${c.id.split('/')[1]}:${c.messages.map((m) => m.text).join('|')}`)).toEqual([
      `${CUSTOMER}#1:第一次|接待人员 chenjing 结束会话`,
      `${CUSTOMER}#2:结束后又问|接待人员 chenjing 重新接入会话|好的`,
      `${CUSTOMER}#3:一小时后再问`,
      `${OTHER}#1:另一位客户`,
    ]);
    expect(conversations(await readAll(pretty(response(records)), { sessionGapMinutes: 90 })).map((c) => c.id.split('/')[1])).toEqual([`${CUSTOMER}#1`, `${CUSTOMER}#2`, `${OTHER}#1`]);
  });

  it('keeps a reply that comes after a silence in the conversation of the customer messages it answers', async () => {
    const records = [customer(0, '在吗'), servicer(50, 'chenjing', '抱歉久等了'), customer(51, '好的'), customer(200, '又有个问题')];
    expect(conversations(await readAll(pretty(response(records)))).map((c) => c.messages.map((m) => m.text))).toEqual([['在吗', '抱歉久等了', '好的'], ['又有个问题']]);
  });

  it('withdraws messages recalled by the customer or the 接待人员', async () => {
    const oops = customer(1, '算了');
    const early = servicer(2, 'wangpeng', '亲，请稍等');
    const events = await readAll(pretty(response([
      customer(0, '耳机坏了'),
      oops,
      event(1.1, { event_type: 'user_recall_msg', recall_msgid: oops.msgid }),
      early,
      event(2.1, { event_type: 'servicer_recall_msg', recall_msgid: early.msgid, servicer_userid: 'wangpeng' }),
      servicer(3, 'wangpeng', '非常抱歉，马上给您换新'),
    ])));
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['耳机坏了', '非常抱歉，马上给您换新']);
    expect(recordsRead(events)).toBe(6);
  });

  it('counts servicer status changes, failed sends and empty pages as records without messages', async () => {
    const events = await readAll([
      JSON.stringify(response([event(0, { event_type: 'servicer_status_change', servicer_userid: 'chenjing', status: 2 }, undefined), customer(0.5, '你好')])),
      JSON.stringify(response([event(1, { event_type: 'msg_send_fail', fail_msgid: 'x', fail_type: 10 })])),
      JSON.stringify(response([])),
    ].join('\n'), {}, 'pages.jsonl');
    expect(ofType(events, 'record').map((r) => r.location.line)).toEqual([1, 2, 3]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['你好']);
    expect(recordsRead(events)).toBe(4);
  });

  it('turns media and menus into messages with the preview WeCom shows', async () => {
    const base = (msgtype: string, body: Record<string, unknown>) => ({ ...customer(0, ''), msgtype, text: undefined, ...body });
    const events = await readAll(pretty(response([
      base('image', { image: { media_id: 'm' } }),
      base('location', { location: { latitude: 1, longitude: 2, name: '退货仓', address: '杭州市余杭区' } }),
      { ...servicer(0, 'chenjing', ''), msgtype: 'msgmenu', text: undefined, msgmenu: { head_content: '请选择', list: [{ type: 'click', click: { id: '1', content: '查物流' } }, { type: 'view', view: { url: 'https://x', content: '退换货' } }], tail_content: '谢谢' } },
      base('channels_shop_order', { channels_shop_order: { order_id: '1' } }),
    ])));
    expect(conversations(events)[0]!.messages.map((m) => [m.kind, m.text])).toEqual([
      ['image', '[图片]'],
      ['file', '[位置] 退货仓 杭州市余杭区'],
      ['text', '请选择\n查物流\n退换货\n谢谢'],
      ['file', '[视频号订单]'],
    ]);
  });
});

describe('wecom-kf bad input', () => {
  it('reports unusable messages with their place in msg_list and what was expected, and reads the rest', async () => {
    const events = await readAll(pretty([
      response([
        customer(0, '第一条'),
        { ...customer(0.1, 'x'), origin: 9 },
        { ...customer(0.2, 'x'), external_userid: undefined },
        { ...customer(0.3, 'x'), send_time: '下午三点' },
        { ...customer(0.4, 'x'), text: { menu_id: '1' } },
        event(0.5, { change_type: 1 }),
        event(0.6, { event_type: 'session_status_change', change_type: 7 }),
        event(0.7, { event_type: 'user_recall_msg' }),
        'not a message',
      ]),
      { errcode: 95018, errmsg: 'send_time invalid' },
      response([servicer(1, 'chenjing', '最后一条')]),
    ]), {}, 'pages.json');
    const skipped = ofType(events, 'skipped');
    expect(skipped.map((s) => s.location)).toEqual([...Array(8).fill({ file: 'pages.json', record: 0 }), { file: 'pages.json', record: 1 }]);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^msg_list\[1\]: origin 9 无法识别：应为 3（微信客户）、4（系统事件）或 5（接待人员）/),
      expect.stringMatching(/^msg_list\[2\]: 没有 external_userid/),
      expect.stringMatching(/^msg_list\[3\]: send_time "下午三点" 不是时间：应为以秒计的时间戳/),
      expect.stringMatching(/^msg_list\[4\]: 文本消息没有 text.content/),
      expect.stringMatching(/^msg_list\[5\]: 事件没有 event.event_type/),
      expect.stringMatching(/^msg_list\[6\]: session_status_change 的 change_type 是 7/),
      expect.stringMatching(/^msg_list\[7\]: user_recall_msg 事件没有 recall_msgid/),
      expect.stringMatching(/^msg_list\[8\]: 应为一条消息/),
      expect.stringMatching(/一次失败的 sync_msg 调用（errcode 95018，errmsg "send_time invalid"）/),
    ]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['第一条', '最后一条']);
    expect(recordsRead(events)).toBe(11);
  });

  it('reports a broken line of JSONL and reads the other responses', async () => {
    const text = [JSON.stringify(response([customer(0, '一')])), '{"errcode":0,"msg_list":[{"msgid"', JSON.stringify(response([servicer(1, 'chenjing', '二')]))].join('\n');
    const events = await readAll(text, {}, 'pages.jsonl');
    expect(ofType(events, 'skipped')).toEqual([expect.objectContaining({ location: { file: 'pages.jsonl', line: 2 }, reason: expect.stringMatching(/不是合法的 JSON/) })]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['一', '二']);
  });

  it('reads a truncated single response up to the break', async () => {
    const whole = pretty(response([customer(0, '一'), servicer(1, 'chenjing', '二'), customer(2, '三')]));
    const events = await readAll(whole.slice(0, whole.lastIndexOf('三') - 10));
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['一', '二']);
    expect(ofType(events, 'skipped')).toEqual([expect.objectContaining({ location: { file: 'sync_msg.json', record: 2 }, reason: expect.stringMatching(/第 2 项之后中断/) })]);
  });

  it('warns once when a customer’s messages go back in time past the gap', async () => {
    const events = await readAll(pretty(response([customer(0, '现在'), customer(-120, '两小时前'), customer(-240, '四小时前')])));
    expect(conversations(events)).toHaveLength(3);
    const warnings = ofType(events, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location).toEqual({ file: 'sync_msg.json', record: 1 });
  });
});
