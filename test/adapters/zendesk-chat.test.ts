import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { adapterByName, detectAdapter } from '../../src/adapters/index.js';
import type { GroupedEvent } from '../../src/adapters/grouping.js';
import { ROOT } from '../support/cli.js';
import { conversationsOf, fixtureFiles, ofType, OPTIONS, readAll as readEvents, textSource } from '../support/adapters.js';

const FORMAT = 'zendesk-chat';
const adapter = adapterByName(FORMAT)!;

function readAll(text: string, name = 'chats.json', options: AdapterOptions = OPTIONS): Promise<GroupedEvent[]> {
  return readEvents(FORMAT, textSource(name, text), options);
}

const conversations = conversationsOf;


const chat = (history: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'c1', type: 'chat', visitor: { id: '1.1', name: '王女士' }, history, ...extra });
const msg = (nick: string, text: string, timestamp: string, extra: Record<string, unknown> = {}) => ({ type: 'chat.msg', nick, msg: text, timestamp, ...extra });

describe('zendesk-chat detection', () => {
  for (const { dir, file } of fixtureFiles()) {
    const head = readFileSync(path.join(ROOT, 'fixtures', dir, file), 'utf8').slice(0, 65536);
    if (dir === FORMAT) {
      it(`recognises fixtures/${dir}/${file}`, () => expect(detectAdapter(head, file)?.name).toBe(FORMAT));
    } else {
      it(`leaves fixtures/${dir}/${file} alone`, () => expect(adapter.detect(head, file)).toBe(0));
    }
  }

  it('recognises a JSON array, JSONL, and a lone offline message', () => {
    const one = chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')]);
    expect(detectAdapter(JSON.stringify([one]), 'x.json')?.name).toBe(FORMAT);
    expect(detectAdapter(`${JSON.stringify(one)}\n${JSON.stringify(one)}\n`, 'x.jsonl')?.name).toBe(FORMAT);
    expect(detectAdapter(JSON.stringify({ chats: [{ id: 'o', type: 'offline_msg', visitor: { name: '李' }, message: '在吗' }] }), 'x.json')?.name).toBe(FORMAT);
  });

  it('wins over the generic JSON reader, which also knows "history" and "msg"', () => {
    const head = JSON.stringify([chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')])]);
    expect(adapterByName('json')!.detect(head, 'x.json')).toBeGreaterThan(0);
    expect(adapter.detect(head, 'x.json')).toBeGreaterThan(adapterByName('json')!.detect(head, 'x.json'));
  });
});

describe('zendesk-chat reading', () => {
  it('reads the fixture: roles, agents, bot, events, UTC times and the rating', async () => {
    const events = await readAll(readFileSync(path.join(ROOT, 'fixtures/zendesk-chat/chats.json'), 'utf8'));
    const [first, second] = conversations(events);
    expect(first!.messages.map((m) => m.role)).toEqual(['system', 'customer', 'bot', 'customer', 'system', 'agent', 'customer', 'agent', 'system', 'system', 'system', 'system']);
    expect(first!.messages[1]!.time).toBe(Date.parse('2026-11-02T10:00:03+08:00'));
    expect(first!.messages[2]).toMatchObject({ role: 'bot', agentName: '智能助手', text: '您好，客服正在接入，请稍候。' });
    expect(first!.messages[4]).toMatchObject({ role: 'system', kind: 'event', event: 'join', text: '客服 小林 加入会话' });
    expect(first!.messages[5]).toMatchObject({ role: 'agent', agentId: '361245', agentName: '小林', sourceId: '1730512992.003' });
    expect(first!.messages[9]).toMatchObject({ kind: 'event', event: 'rating', text: '访客评价：差评' });
    expect(first!.meta.csat).toEqual({ score: 'bad', scale: 'good/bad', comment: '客服推卸责任，问题也没解决' });
    expect(first!.meta.department).toBe('售后服务');
    // The REST spelling of the sender: name, sender_type, agent_id.
    expect(second!.messages.find((m) => m.role === 'agent')).toMatchObject({ agentId: '361288', agentName: '阿青' });
    expect(second!.messages[2]).toMatchObject({ role: 'customer', kind: 'image', text: '破损照片.jpg' });
    expect(second!.meta.csat).toEqual({ score: 'good', scale: 'good/bad' });
    expect(ofType(events, 'warning')).toEqual([]);
  });

  it('counts an offline message as a record used, with no conversation', async () => {
    const page = { chats: [{ id: 'o1', type: 'offline_msg', visitor: { name: '李先生' }, message: '明天能发货吗', timestamp: '2026-11-02T15:12:35Z' }], count: 1 };
    expect(await readAll(JSON.stringify(page, null, 2))).toEqual([{ type: 'record', location: { file: 'chats.json', record: 0 } }]);
  });

  it('reads API response pages saved as one minified line each', async () => {
    const page = (ids: string[]) => JSON.stringify({ chats: ids.map((id) => chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')], { id })), count: ids.length, next_url: null });
    const events = await readAll(`${page(['a', 'b'])}\n${page(['c'])}\n`, 'pages.json');
    expect(conversations(events).map((c) => [c.id, c.messages[0]!.location])).toEqual([
      ['a', { file: 'pages.json', line: 1, record: 0 }],
      ['b', { file: 'pages.json', line: 1, record: 1 }],
      ['c', { file: 'pages.json', line: 2, record: 0 }],
    ]);
  });

  it('reads agent:system as a bot, and the Web SDK\'s epoch-millisecond timestamps', async () => {
    const text = JSON.stringify([chat([
      msg('visitor', '你好', 1793584800000 as unknown as string),
      msg('agent:system', '当前排队人数 3 人', 1793584801000 as unknown as string),
    ])]);
    const [conversation] = conversations(await readAll(text));
    expect(conversation!.messages.map((m) => [m.role, m.time])).toEqual([['customer', 1793584800000], ['bot', 1793584801000]]);
  });

  it('takes the rating from history when the chat carries none, and sorts history by time', async () => {
    const text = JSON.stringify([chat([
      msg('agent:7', '您好', '2026-11-02T02:00:10Z', { display_name: '小周' }),
      msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z'),
      { type: 'chat.rating', nick: 'visitor:1.1', new_rating: 'good', timestamp: '2026-11-02T02:01:00Z' },
      { type: 'chat.comment', nick: 'visitor:1.1', new_comment: '很好', timestamp: '2026-11-02T02:01:05Z' },
    ])]);
    const [conversation] = conversations(await readAll(text));
    expect(conversation!.messages.map((m) => m.text)).toEqual(['在吗', '您好', '访客评价：好评', '访客评价留言：很好']);
    expect(conversation!.meta.csat).toEqual({ score: 'good', scale: 'good/bad', comment: '很好' });
  });

  it('maps a nick it does not know through the configured roles', async () => {
    const text = JSON.stringify([chat([msg('helper:9', '您好', '2026-11-02T02:00:00Z')])]);
    const [conversation] = conversations(await readAll(text, 'c.json', { ...OPTIONS, roles: { 'helper:9': 'agent' } }));
    expect(conversation!.messages[0]!.role).toBe('agent');
  });
});

describe('zendesk-chat bad input', () => {
  it('skips a record that is not a chat, with its location and what was expected, and reads the rest', async () => {
    const text = JSON.stringify([{ id: 'x', messages: [] }, chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')])]);
    const events = await readAll(text);
    expect(ofType(events, 'skipped')).toEqual([{ type: 'skipped', location: { file: 'chats.json', record: 0 }, reason: expect.stringMatching(/应是带 "history" 数组的 Zendesk Chat 会话对象/) }]);
    expect(conversations(events)).toHaveLength(1);
  });

  it('leaves out history entries it cannot read, says why, and keeps the others', async () => {
    const text = JSON.stringify([chat([
      msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z'),
      msg('stranger', '？', '2026-11-02T02:00:01Z'),
      msg('agent:7', '您好', 'yesterday'),
      { type: 'chat.msg', timestamp: '2026-11-02T02:00:03Z', msg: '无人' },
      'garbage',
      { type: 'chat.custom_widget', nick: 'visitor:1.1', timestamp: '2026-11-02T02:00:04Z' },
      msg('agent:7', '请问有什么可以帮您', '2026-11-02T02:00:05Z'),
    ])]);
    const events = await readAll(text);
    // Each entry left out is a skipped record, counted in the summary; entry types it does not read are a note.
    const skipped = ofType(events, 'skipped').map((w) => w.reason);
    expect(skipped).toHaveLength(5);
    expect(skipped[0]).toMatch(/^会话 c1：history\[1\]（chat.msg）的发送者 "stranger" 不是 Zendesk Chat 的发送者：应有 "nick"/);
    expect(skipped[1]).toMatch(/^会话 c1：history\[2\] 的 timestamp "yesterday" 不是时间，应为 ISO 8601 时间/);
    expect(skipped[4]).toMatch(/chat.custom_widget/);
    expect(ofType(events, 'warning')).toEqual([]);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['在吗', '请问有什么可以帮您']);
  });

  it('reports a JSONL line that is not JSON by its line number', async () => {
    const good = JSON.stringify(chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')]));
    const events = await readAll(`${good}\n{"id": "c2", "history": [\n${good.replace('"c1"', '"c3"')}\n`, 'chats.jsonl');
    expect(ofType(events, 'skipped')).toEqual([{ type: 'skipped', location: { file: 'chats.jsonl', line: 2 }, reason: expect.stringContaining('不是合法的 JSON') }]);
    expect(conversations(events).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('keeps the chats before a truncated end', async () => {
    const full = JSON.stringify({ chats: [chat([msg('visitor:1.1', '在吗', '2026-11-02T02:00:00Z')]), chat([msg('visitor:1.1', '你好', '2026-11-02T03:00:00Z')], { id: 'c2' })] });
    const events = await readAll(full.slice(0, full.length - 60));
    expect(conversations(events).map((c) => c.id)).toEqual(['c1']);
    expect(ofType(events, 'skipped')[0]).toMatchObject({ location: { record: 1 }, reason: expect.stringMatching(/可能被截断/) });
  });
});
