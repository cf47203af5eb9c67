import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { adapterByName, detectAdapter } from '../../src/adapters/index.js';
import type { GroupedEvent } from '../../src/adapters/grouping.js';
import { ROOT } from '../support/cli.js';
import { conversationsOf, fixtureFiles, ofType, OPTIONS, readAll as readEvents, textSource } from '../support/adapters.js';

const FORMAT = 'livechat';
const adapter = adapterByName(FORMAT)!;

function readAll(text: string, name = 'archives.json', options: AdapterOptions = OPTIONS): Promise<GroupedEvent[]> {
  return readEvents(FORMAT, textSource(name, text), options);
}

const conversations = conversationsOf;

/** Records as the summary counts them: read = used + skipped. */
function recordCount(events: GroupedEvent[]): { used: number; skipped: number } {
  let used = 0;
  let skipped = 0;
  for (const e of events) {
    if (e.type === 'conversation') used += e.records;
    else if (e.type === 'record') used += e.records ?? 1;
    else if (e.type === 'skipped') skipped++;
  }
  return { used, skipped };
}


const CUSTOMER = { id: 'b7eff798-f8df-4364-8059-649c35c9ed0c', type: 'customer', name: '刘女士' };
const AGENT = { id: 'xiaolin@shop.example.com', type: 'agent', name: '小林' };
const message = (id: string, author: string, text: string, at: string, extra: Record<string, unknown> = {}) =>
  ({ id, type: 'message', author_id: author, text, created_at: at, visibility: 'all', ...extra });
const chat = (id: string, threads: unknown[], users: unknown[] = [CUSTOMER, AGENT], extra: Record<string, unknown> = {}) => ({ id, users, threads, ...extra });

describe('livechat detection', () => {
  for (const { dir, file } of fixtureFiles()) {
    const head = readFileSync(path.join(ROOT, 'fixtures', dir, file), 'utf8').slice(0, 65536);
    if (dir === FORMAT) {
      it(`recognises fixtures/${dir}/${file}`, () => expect(detectAdapter(head, file)?.name).toBe(FORMAT));
    } else {
      it(`leaves fixtures/${dir}/${file} alone`, () => expect(adapter.detect(head, file)).toBe(0));
    }
  }

  it('recognises get_chat (thread), threads[], JSONL and a minified list_archives page', () => {
    const threads = [{ id: 't1', events: [message('e1', CUSTOMER.id, '你好', '2026-11-04T12:15:00.512000Z')] }];
    expect(detectAdapter(JSON.stringify({ id: 'A', users: [CUSTOMER, AGENT], thread: threads[0] }, null, 2), 'chat.json')?.name).toBe(FORMAT);
    expect(detectAdapter(JSON.stringify([chat('A', threads)]), 'chats.json')?.name).toBe(FORMAT);
    expect(detectAdapter(`${JSON.stringify(chat('A', threads))}\n`, 'chats.jsonl')?.name).toBe(FORMAT);
    expect(detectAdapter(JSON.stringify({ chats: [chat('A', threads)], found_chats: 1, next_page_id: null }), 'page.json')?.name).toBe(FORMAT);
  });
});

describe('livechat reading', () => {
  it('reads the fixture: users looked up, whispers internal, system messages as events, threads merged', async () => {
    const events = await readAll(readFileSync(path.join(ROOT, 'fixtures/livechat/archives.json'), 'utf8'));
    const byId = Object.fromEntries(conversations(events).map((c) => [c.id, c]));
    const a = byId.S2K7QF3W1A!;
    // Two list_archives items of one chat, with chat B between them, become one conversation.
    expect(conversations(events).map((c) => c.id)).toEqual(['S2K8AB4C2D', 'S2K7QF3W1A']);
    expect(a.messages.map((m) => m.sourceId!.split('_')[0])).toEqual([...Array(6).fill('S2K7QF3W1B'), ...Array(8).fill('S2LB0Y6E9C')]);
    expect(a.messages[0]).toMatchObject({ role: 'customer', text: '你好，在吗', time: Date.parse('2026-11-04T20:15:00.512+08:00') });
    expect(a.messages[2]).toMatchObject({ role: 'agent', agentId: 'xiaolin@shop.example.com', agentName: '小林' });
    expect(a.messages[3]).toMatchObject({ role: 'agent', internal: true, text: '其实是仓库的问题，这批发错了批次，先别跟客户说' });
    expect(a.messages[5]).toMatchObject({ role: 'system', kind: 'event', event: 'end', text: '小林 archived the chat' });
    // 小林 is not among the second item's users; his name comes from the first.
    expect(a.messages[7]).toMatchObject({ role: 'agent', agentName: '小林', internal: true });
    expect(a.messages[8]).toMatchObject({ event: 'transfer' });
    expect(a.messages[10]).toMatchObject({ role: 'customer', kind: 'image', text: '订单截图.jpg' });
    // The deleted event is gone.
    expect(a.messages.some((m) => m.text === '这个不归我们管')).toBe(false);
    expect(a.meta.csat).toEqual({ score: 0, scale: 'good=1/bad=0', comment: '第一次的客服态度很差' });
    expect(byId.S2K8AB4C2D!.meta.csat).toEqual({ score: 1, scale: 'good=1/bad=0', comment: '回答很清楚' });
    // Every event is a record: 6 + 6 + 9, the form and the deleted message included.
    expect(recordCount(events)).toEqual({ used: 21, skipped: 0 });
    expect(ofType(events, 'warning')).toEqual([]);
  });

  it('merges threads[] of one chat in time order, whatever order they are listed in', async () => {
    const text = JSON.stringify([chat('A', [
      { id: 't2', events: [message('e3', CUSTOMER.id, '第二次', '2026-11-05T01:00:00.000000Z'), message('e4', AGENT.id, '您好', '2026-11-05T01:00:10.000000Z')] },
      { id: 't1', events: [message('e1', CUSTOMER.id, '第一次', '2026-11-04T12:15:00.000000Z'), message('e2', AGENT.id, '收到', '2026-11-04T12:15:20.000000Z')] },
    ])]);
    const [read] = conversations(await readAll(text));
    expect(read!.messages.map((m) => m.text)).toEqual(['第一次', '收到', '第二次', '您好']);
  });

  it('maps system message types to events', async () => {
    const system = (id: string, type: string, at: string) => ({ id, type: 'system_message', system_message_type: type, text: type, created_at: at });
    const text = JSON.stringify([chat('A', [{ id: 't', events: [
      system('s1', 'agent_joined', '2026-11-04T12:00:01Z'), system('s2', 'agent_removed', '2026-11-04T12:00:02Z'),
      system('s3', 'routing.assigned_from_queue', '2026-11-04T12:00:03Z'), system('s4', 'routing.archived_inactive', '2026-11-04T12:00:04Z'),
      system('s5', 'customer_updated', '2026-11-04T12:00:05Z'), { id: 's6', type: 'system_message', created_at: '2026-11-04T12:00:06Z' },
    ] }])]);
    const [read] = conversations(await readAll(text));
    expect(read!.messages.map((m) => [m.role, m.event, m.text])).toEqual([
      ['system', 'join', 'agent_joined'], ['system', 'leave', 'agent_removed'], ['system', 'assign', 'routing.assigned_from_queue'],
      ['system', 'end', 'routing.archived_inactive'], ['system', 'other', 'customer_updated'], ['system', 'other', '系统消息'],
    ]);
  });

  it('reads bot users as bots and rich messages as their visible text', async () => {
    const bot = { id: 'bot-1', type: 'bot', name: 'ChatBot' };
    const rich = { id: 'r1', type: 'rich_message', author_id: 'bot-1', created_at: '2026-11-04T12:00:00Z', template_id: 'quick_replies', elements: [{ title: '请选择问题类型', buttons: [{ text: '物流' }, { text: '退款' }] }] };
    const [read] = conversations(await readAll(JSON.stringify([chat('A', [{ id: 't', events: [rich] }], [CUSTOMER, bot])])));
    expect(read!.messages[0]).toMatchObject({ role: 'bot', agentName: 'ChatBot', text: '请选择问题类型\n[物流] [退款]' });
  });
});

describe('livechat bad input', () => {
  it('skips an event whose author is unknown, says why, and reads the rest of the chat', async () => {
    const text = JSON.stringify([chat('A', [{ id: 't1', events: [
      message('e1', CUSTOMER.id, '你好', '2026-11-04T12:00:00Z'),
      message('e2', 'f00-unknown', '谁？', '2026-11-04T12:00:01Z'),
      message('e3', AGENT.id, '您好', 'yesterday'),
      { id: 'e4', type: 'sticker', author_id: CUSTOMER.id, created_at: '2026-11-04T12:00:03Z' },
      message('e5', AGENT.id, '在的', '2026-11-04T12:00:04Z'),
    ] }])]);
    const events = await readAll(text);
    expect(ofType(events, 'skipped').map((s) => [s.location, s.reason])).toEqual([
      [{ file: 'archives.json', record: 0 }, '会话 A 的 thread t1 的事件 e2：author_id "f00-unknown" 不在这个会话的 users 里，无法判断发送者'],
      [{ file: 'archives.json', record: 0 }, expect.stringMatching(/^会话 A 的 thread t1 的事件 e3：created_at "yesterday" 不是时间/)],
      [{ file: 'archives.json', record: 0 }, expect.stringMatching(/^会话 A 的 thread t1 的事件 e4：type "sticker" 不是 supportlint 读取的类型，应为 message、file/)],
    ]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['你好', '在的']);
    expect(recordCount(events)).toEqual({ used: 2, skipped: 3 });
  });

  it('skips a record that is not a chat, and a thread without events, and reads the rest', async () => {
    const good = chat('B', [{ id: 't', events: [message('e1', CUSTOMER.id, '你好', '2026-11-04T12:00:00Z')] }]);
    const text = JSON.stringify([{ id: 'A', users: [] }, chat('C', [{ id: 'tx' }]), good, chat('D', [])]);
    const events = await readAll(text);
    expect(ofType(events, 'skipped').map((s) => [s.location.record, s.reason])).toEqual([
      [0, expect.stringMatching(/应是带 "users" 和 "thread".*的 LiveChat 会话对象/)],
      [1, '会话 C 的 thread tx：应为带 "events" 数组的 thread 对象'],
    ]);
    expect(conversations(events).map((c) => c.id)).toEqual(['B']);
    // A chat with no threads at all is read and used, and makes no conversation.
    expect(recordCount(events)).toEqual({ used: 2, skipped: 2 });
  });

  it('keeps the chats before a truncated end, and reports a bad JSONL line by number', async () => {
    const one = (id: string) => chat(id, [{ id: 't', events: [message(`${id}1`, CUSTOMER.id, '你好', '2026-11-04T12:00:00Z')] }]);
    const full = JSON.stringify({ chats: [one('A'), one('B')], found_chats: 2 }, null, 2);
    const truncated = await readAll(full.slice(0, full.indexOf('"B"') + 10));
    expect(conversations(truncated).map((c) => c.id)).toEqual(['A']);
    expect(ofType(truncated, 'skipped')[0]).toMatchObject({ location: { record: 1 }, reason: expect.stringMatching(/可能被截断/) });
    const lines = await readAll(`${JSON.stringify(one('A'))}\n{"id": "X", "users": [\n${JSON.stringify(one('B'))}\n`, 'chats.jsonl');
    expect(ofType(lines, 'skipped')).toEqual([{ type: 'skipped', location: { file: 'chats.jsonl', line: 2 }, reason: expect.stringContaining('不是合法的 JSON') }]);
    expect(conversations(lines).map((c) => c.id)).toEqual(['A', 'B']);
  });
});
