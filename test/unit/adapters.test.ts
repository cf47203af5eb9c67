import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { readConversations, type GroupedEvent } from '../../src/adapters/grouping.js';
import type { InputSource } from '../../src/io/input.js';
import { ROOT } from '../support/cli.js';

const OPTIONS: AdapterOptions = { timezone: 'Asia/Shanghai', roles: {}, fieldMap: {}, internalIds: [], sessionGapMinutes: 30 };

function source(name: string, text: string): InputSource {
  return { name, encoding: 'utf8', head: text.slice(0, 65536), text: () => Readable.from([text]) };
}

async function readAll(format: string, name: string, text: string, options: AdapterOptions = OPTIONS): Promise<GroupedEvent[]> {
  const events: GroupedEvent[] = [];
  for await (const event of readConversations(adapterByName(format)!, source(name, text), options)) events.push(event);
  return events;
}

const conversations = (events: GroupedEvent[]) => events.flatMap((e) => (e.type === 'conversation' ? [e.conversation] : []));

describe('format detection', () => {
  const cases: Array<[string, string]> = [
    ['fixtures/jsonl/transcripts.jsonl', 'jsonl'],
    ['fixtures/csv/transcripts.csv', 'csv'],
    ['fixtures/csv/transcripts.tsv', 'csv'],
    ['fixtures/dch/helpdesk.json', 'dch'],
    ['fixtures/json/dialogues.jsonl', 'json'],
    ['fixtures/json/conversations.json', 'json'],
    ['fixtures/jddc-chat/chat-log.tsv', 'jddc-chat'],
    ['fixtures/call-transcript/calls.json', 'call-transcript'],
    ['fixtures/call-transcript/calls.txt', 'call-transcript'],
  ];
  for (const [file, format] of cases) {
    it(`${file} is ${format}`, () => {
      const head = readFileSync(path.join(ROOT, file), 'utf8');
      expect(detectAdapter(head, path.basename(file))?.name).toBe(format);
    });
  }

  it('recognises nothing in plain notes', () => {
    expect(detectAdapter('just some notes\n', 'notes.txt')).toBeUndefined();
  });
});

describe('canonical JSONL', () => {
  it('reads Chinese role values and naive local times', async () => {
    const text = [
      '{"conversation_id":"a","time":"2026-11-02 10:00:00","role":"买家","text":"在吗"}',
      '{"conversation_id":"a","time":"2026-11-02 10:00:30","role":"客服","agent":"小林","text":"在的"}',
      '{"conversation_id":"a","time":"2026-11-02 10:00:31","role":"机器人","text":"请稍候"}',
    ].join('\n');
    const [conversation] = conversations(await readAll('jsonl', 't.jsonl', text));
    expect(conversation!.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'bot']);
    expect(conversation!.messages[0]!.time).toBe(Date.parse('2026-11-02T02:00:00Z'));
    expect(conversation!.messages[1]!.agentName).toBe('小林');
    expect(conversation!.messages[1]!.location).toEqual({ file: 't.jsonl', line: 2 });
  });

  it('maps custom role values from configuration', async () => {
    const text = '{"conversation_id":"a","role":"店小二","text":"亲，在的"}';
    const events = await readAll('jsonl', 't.jsonl', text, { ...OPTIONS, roles: { 店小二: 'agent' } });
    expect(conversations(events)[0]!.messages[0]!.role).toBe('agent');
  });

  it('groups input that is not sorted by conversation, and hands each on after its last record', async () => {
    const text = [
      '{"conversation_id":"a","role":"customer","text":"1"}',
      '{"conversation_id":"b","role":"customer","text":"2"}',
      '{"conversation_id":"a","role":"agent","text":"3"}',
      '{"conversation_id":"b","role":"agent","text":"4"}',
      '{"conversation_id":"c","role":"customer","text":"5"}',
    ].join('\n');
    const events = await readAll('jsonl', 't.jsonl', text);
    expect(events.map((e) => (e.type === 'conversation' ? `${e.conversation.id}:${e.conversation.messages.map((m) => m.text).join('')}/${e.records}` : e.type))).toEqual(['a:13/2', 'b:24/2', 'c:5/1']);
  });

  it('keeps the grouping right for thousands of interleaved conversations, past the first table size', async () => {
    // Three rounds over 3,000 ids: the table that notes each last record grows twice on the way.
    const ids = Array.from({ length: 3000 }, (_, i) => `conv-${(i * 7919) % 3000}`);
    const lines = [0, 1, 2].flatMap((round) => ids.map((id) => JSON.stringify({ conversation_id: id, role: round === 1 ? 'agent' : 'customer', text: `${id}/${round}` })));
    const built = conversations(await readAll('jsonl', 't.jsonl', lines.join('\n')));
    expect(built.map((c) => c.id)).toEqual(ids);
    for (const conversation of built) expect(conversation.messages.map((m) => m.text)).toEqual([0, 1, 2].map((round) => `${conversation.id}/${round}`));
  });
});

describe('CSV', () => {
  it('maps unusual headers with a field map', async () => {
    const text = '编号,发送方,聊天内容\nx1,客户,你好\nx1,客服,您好\n';
    const events = await readAll('csv', 't.csv', text, { ...OPTIONS, fieldMap: { conversation: '编号', role: '发送方', text: '聊天内容' } });
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['你好', '您好']);
  });

  it('names the missing column when the header has no text column', async () => {
    const events = await readAll('csv', 't.csv', '编号,发送方\nx1,客户\n');
    expect(events[0]).toMatchObject({ type: 'skipped', location: { line: 1 } });
    expect((events[0] as { reason: string }).reason).toMatch(/没有 text（内容）列；.*--map text=/);
  });

  it('keeps quoted commas and line breaks inside a cell', async () => {
    const text = 'conversation_id,role,text\nc,customer,"第一行,\n第二行"\nc,agent,好的\n';
    const [conversation] = conversations(await readAll('csv', 't.csv', text));
    expect(conversation!.messages[0]!.text).toBe('第一行,\n第二行');
  });
});

describe('generic JSON dialogues', () => {
  it('reads a minified document whose conversations array is on one line', async () => {
    const text = JSON.stringify({ exported_at: 'x', conversations: [{ id: 'm1', messages: [{ role: 'customer', text: '在吗' }] }, { id: 'm2', messages: [{ role: 'agent', text: '您好' }] }] });
    expect(detectAdapter(text, 'export.json')?.name).toBe('json');
    expect(conversations(await readAll('json', 'export.json', text)).map((c) => c.id)).toEqual(['m1', 'm2']);
  });
});

describe('STC-3 dialogues', () => {
  it('turns each utterance into a message and keeps the mean quality labels', async () => {
    const text = JSON.stringify([{ id: 7, turns: [{ sender: 'customer', utterances: ['a', ''] }, { sender: 'helpdesk', utterances: ['b'] }], annotations: [{ quality: { A: 1, S: -1, E: 0 } }, { quality: { A: 0, S: 1, E: 2 } }] }]);
    const [conversation] = conversations(await readAll('dch', 'd.json', text));
    expect(conversation!.id).toBe('7');
    expect(conversation!.messages.map((m) => [m.role, m.text])).toEqual([['customer', 'a'], ['customer', ''], ['agent', 'b']]);
    expect(conversation!.meta.quality).toEqual({ A: 0.5, S: 0, E: 1 });
  });
});
