import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { adapterByName, detectAdapter } from '../../src/adapters/index.js';
import type { GroupedEvent } from '../../src/adapters/grouping.js';
import { htmlToText } from '../../src/adapters/intercom.js';
import { ROOT } from '../support/cli.js';
import { conversationsOf, fixtureFiles, ofType, OPTIONS, readAll as readEvents, textSource } from '../support/adapters.js';

const FORMAT = 'intercom';
const adapter = adapterByName(FORMAT)!;

function readAll(text: string, name = 'conversations.json', options: AdapterOptions = OPTIONS): Promise<GroupedEvent[]> {
  return readEvents(FORMAT, textSource(name, text), options);
}

const conversations = conversationsOf;


const T0 = 1793599200; // 2026-11-02 14:00:00 in Shanghai
const customer = { type: 'user', id: 'u1', name: '陈先生' };
const admin = { type: 'admin', id: '5017690', name: '小周' };
const part = (partType: string, author: unknown, body: string | null, at: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'conversation_part', id: `p${at}`, part_type: partType, body, created_at: T0 + at, author, attachments: [], redacted: false, ...extra });
const conversation = (parts: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'conversation',
  id: 'c1',
  created_at: T0,
  source: { type: 'conversation', id: 's1', delivered_as: 'customer_initiated', body: '<p>在吗</p>', author: customer, attachments: [] },
  conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
  ...extra,
});

describe('intercom detection', () => {
  for (const { dir, file } of fixtureFiles()) {
    const head = readFileSync(path.join(ROOT, 'fixtures', dir, file), 'utf8').slice(0, 65536);
    if (dir === FORMAT) {
      it(`recognises fixtures/${dir}/${file}`, () => expect(detectAdapter(head, file)?.name).toBe(FORMAT));
    } else {
      it(`leaves fixtures/${dir}/${file} alone`, () => expect(adapter.detect(head, file)).toBe(0));
    }
  }

  it('recognises one conversation, JSONL, a list response, and a minified list response', () => {
    const one = conversation([part('comment', admin, '<p>您好</p>', 10)]);
    expect(detectAdapter(JSON.stringify(one, null, 2), 'c.json')?.name).toBe(FORMAT);
    expect(detectAdapter(`${JSON.stringify(one)}\n`, 'c.jsonl')?.name).toBe(FORMAT);
    const list = { type: 'conversation.list', pages: { type: 'pages', page: 1 }, total_count: 1, conversations: [one] };
    expect(detectAdapter(JSON.stringify(list, null, 2), 'list.json')?.name).toBe(FORMAT);
    expect(detectAdapter(JSON.stringify(list), 'list.json')?.name).toBe(FORMAT);
  });
});

describe('intercom HTML bodies', () => {
  it('turns paragraphs and <br> into line breaks, drops tags and decodes entities', () => {
    expect(htmlToText('<p>第一段<br>第二行</p><p>第二段 &amp; <b>加粗</b></p>')).toBe('第一段\n第二行\n第二段 & 加粗');
    expect(htmlToText('<p>价格&nbsp;&yen;99，&#x4F60;&#22909; &lt;tag&gt; &quot;引号&quot; &unknown;</p>')).toBe('价格 ¥99，你好 <tag> "引号" &unknown;');
    expect(htmlToText('<p>\n  源码里的换行\n  不算换行\n</p>')).toBe('源码里的换行 不算换行');
    expect(htmlToText('<p>步骤：</p><ul><li>退货</li><li>退款</li></ul>')).toBe('步骤：\n• 退货\n• 退款');
    expect(htmlToText('<div class="intercom-container"><img src="https://x/y.png"></div>')).toBe('[图片]');
    expect(htmlToText('<p>a</p><p></p><p></p><p></p><p>b</p>')).toBe('a\n\nb');
    expect(htmlToText('没有标签的正文')).toBe('没有标签的正文');
  });
});

describe('intercom reading', () => {
  it('reads the fixture: opening message from source, bot, assignment, note, replies, close, rating', async () => {
    const events = await readAll(readFileSync(path.join(ROOT, 'fixtures/intercom/conversations.json'), 'utf8'));
    const [first, second] = conversations(events);
    expect(first!.channel).toBe('messenger');
    expect(first!.messages.map((m) => [m.role, m.kind, m.internal])).toEqual([
      ['customer', 'text', false], ['bot', 'text', false], ['system', 'event', false], ['agent', 'text', true],
      ['agent', 'text', false], ['customer', 'text', false], ['agent', 'text', false], ['system', 'event', false],
    ]);
    expect(first!.messages[0]).toMatchObject({ text: '退款申请提交一周了还没到账', time: T0 * 1000, sourceId: '1982345601' });
    expect(first!.messages[1]).toMatchObject({ agentName: 'Fin' });
    expect(first!.messages[2]).toMatchObject({ event: 'assign', text: '机器人 Fin 将会话分配给 客服 小周' });
    expect(first!.messages[3]).toMatchObject({ agentId: '5017690', agentName: '小周', internal: true });
    expect(first!.messages[5]!.text).toBe('那发票能不能重新开一张？\n抬头写错了');
    expect(first!.messages[7]).toMatchObject({ event: 'end', text: '客服 小周 关闭会话' });
    expect(first!.meta.csat).toEqual({ score: 2, scale: 5, comment: '一直让我等，问题没有解决' });
    // The attribute update carries nothing said and is left out without a fuss.
    expect(ofType(events, 'warning')).toEqual([]);
    expect(second!.messages[0]!.text).toBe('你好，我想改一下收货地址 & 电话\n订单号 88120455');
    expect(second!.messages[2]).toMatchObject({ role: 'customer', kind: 'image', text: '新地址截图.png' });
    // "Reply and close": the body is a reply the customer sees, then the conversation ends.
    expect(second!.messages.slice(-2).map((m) => [m.role, m.text, m.event])).toEqual([['agent', '不客气，有问题随时找我们 😊', undefined], ['system', '客服 阿青 关闭会话', 'end']]);
  });

  it('reads lead and contact as the customer, team as staff, and Fin-on-behalf-of-an-admin as a bot', async () => {
    const text = JSON.stringify([conversation([
      part('comment', { type: 'lead', id: 'l1' }, '<p>你好</p>', 1),
      part('comment', { type: 'contact', id: 'l1' }, '<p>在吗</p>', 2),
      part('comment', { type: 'admin', id: '9', name: 'Fin', from_ai_agent: true }, '<p>我是 AI 助手</p>', 3),
      part('comment', { type: 'team', id: '77', name: '售后组' }, '<p>售后组为您服务</p>', 4),
    ])]);
    const [read] = conversations(await readAll(text));
    expect(read!.messages.map((m) => [m.role, m.agentName ?? null])).toEqual([['customer', null], ['customer', null], ['customer', null], ['bot', 'Fin'], ['agent', '售后组']]);
  });

  it('keeps an assignment body as a staff-only note, and names the assignee from other parts', async () => {
    const text = JSON.stringify([conversation([
      part('assignment', { type: 'admin', id: '1', name: '主管' }, '<p>这个客户比较急，优先处理</p>', 5, { assigned_to: { type: 'admin', id: '5017690' } }),
      part('comment', admin, '<p>您好</p>', 20),
      part('assignment', admin, null, 30, { assigned_to: { type: 'team', id: '42' } }),
      part('snoozed', admin, null, 40),
    ])]);
    const [read] = conversations(await readAll(text));
    expect(read!.messages.slice(1).map((m) => [m.role, m.text, m.internal, m.event ?? null])).toEqual([
      ['agent', '这个客户比较急，优先处理', true, null],
      ['system', '客服 主管 将会话分配给 客服 小周', false, 'assign'],
      ['agent', '您好', false, null],
      ['system', '客服 小周 将会话分配给 团队 #42', false, 'assign'],
      ['system', '客服 小周 暂停会话', false, 'other'],
    ]);
  });

  it('reads a conversation from the List endpoint (no parts) from its source, with a warning', async () => {
    const text = JSON.stringify({ type: 'conversation.list', conversations: [{ ...conversation([]), conversation_parts: undefined }] });
    const events = await readAll(text);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['在吗']);
    expect(ofType(events, 'warning')[0]!.reason).toMatch(/会话 c1 没有 "conversation_parts".*只读取了开头的一条消息/);
  });
});

describe('intercom bad input', () => {
  it('skips a record that is not a conversation, with its location, and reads the rest', async () => {
    const text = JSON.stringify([conversation([]), { id: 'x', messages: [] }, 42]);
    const events = await readAll(text);
    expect(ofType(events, 'skipped').map((s) => [s.location.record, s.reason])).toEqual([
      [1, expect.stringMatching(/应是带 "source" 和 "conversation_parts" 的 Intercom 会话对象/)],
      [2, expect.stringMatching(/应是带 .* 的 Intercom 会话对象/)],
    ]);
    expect(conversations(events)).toHaveLength(1);
  });

  it('leaves out parts it cannot read, says which and why, and keeps the others', async () => {
    const text = JSON.stringify([conversation([
      part('comment', { type: 'visitor', id: 'v' }, '<p>?</p>', 1),
      part('comment', admin, '<p>您好</p>', 2),
      { ...part('comment', admin, '<p>时间坏了</p>', 3), created_at: 'soon' },
      null,
    ])]);
    const events = await readAll(text);
    // Each part left out is a skipped record, counted in the summary.
    const skipped = ofType(events, 'skipped').map((w) => w.reason);
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toMatch(/^会话 c1：第 p\d+ 部分（comment）：author.type "visitor" 无法识别，应为 user、lead、contact、admin、team 或 bot/);
    expect(skipped[1]).toMatch(/^会话 c1：第 p\d+ 部分（comment）：created_at "soon" 不是时间，应为以秒计的 Unix 时间戳/);
    expect(skipped[2]).toBe('会话 c1：第 3 部分是 "null"，应为 conversation_part 对象');
    expect(ofType(events, 'warning')).toEqual([]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['在吗', '您好']);
  });

  it('a body that is not HTML text (an object, a number) skips its part, or the opening message, with a reason that does not quote it', async () => {
    const text = JSON.stringify([conversation([
      { ...part('comment', admin, null, 2), body: { html: '<p>是快递那边的问题 王建国</p>' } },
      part('comment', admin, '<p>您好</p>', 3),
    ], { source: { type: 'conversation', id: 's1', body: 12345, author: customer, attachments: [] } })]);
    const events = await readAll(text);
    const skipped = ofType(events, 'skipped').map((w) => w.reason);
    expect(skipped).toEqual([
      '会话 c1：开头消息（source）：body 是一个数字，应为 HTML 文本；这一部分没有读取',
      '会话 c1：第 p2 部分（comment）：body 是一个对象，应为 HTML 文本；这一部分没有读取',
    ]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['您好']);
  });

  it('reports a JSONL line that is not JSON by its line number and reads the other lines', async () => {
    const good = JSON.stringify(conversation([part('comment', admin, '<p>您好</p>', 10)]));
    const events = await readAll(`${good}\n{"type": "conversation", "id": \n${good.replace('"c1"', '"c2"')}\n`, 'c.jsonl');
    expect(ofType(events, 'skipped')).toEqual([{ type: 'skipped', location: { file: 'c.jsonl', line: 2 }, reason: expect.stringContaining('不是合法的 JSON') }]);
    expect(conversations(events).map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
