import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repeatedKey } from '../../src/io/json-keys.js';
import { conversationsOf, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';
import { runCli } from '../support/cli.js';

const keyOf = (text: string) => repeatedKey(text, JSON.parse(text));

describe('a key repeated in one JSON object', () => {
  it('is found at any depth, escapes decoded, and only within one object', () => {
    expect(keyOf('{"role":"agent","text":"a","role":"customer"}')).toBe('role');
    expect(keyOf('{"turns":[{"speaker":"a","text":"x"},{"speaker":"b","text":"y","text":"z"}]}')).toBe('text');
    expect(keyOf('{"rol\\u0065":"agent","role":"customer"}')).toBe('role');
    expect(keyOf('{"a" : 1, "a"\n: 2}')).toBe('a');
    // The same key in sibling objects, and `":` inside a value, are not repeats.
    expect(keyOf('[{"role":"agent"},{"role":"customer"}]')).toBeUndefined();
    expect(keyOf('{"text":"他说\\"role\\":\\"x\\" 和 \\"text\\":","role":"agent"}')).toBeUndefined();
    expect(keyOf('{"a":{"a":{"a":1}}}')).toBeUndefined();
  });

  it('skips the JSONL record with the key named, so a blame-shift cannot become a customer’s 好的', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-dupkeys-'));
    const lines = [
      '{"conversation_id":"c1","role":"customer","text":"快递三天没动了"}',
      '{"conversation_id":"c1","role":"agent","role":"customer","text":"这个是快递那边的问题，您去问快递","text":"好的"}',
    ];
    writeFileSync(path.join(dir, 'c.jsonl'), `${lines.join('\n')}\n`);
    const plain = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(plain.stderr).toContain('c.jsonl:2: 同一个对象里键 "role" 出现了两次');
    expect(plain.stdout).toContain('读取 2 = 使用 1 + 跳过 1');
    expect((await runCli(['lint', '--strict', 'c.jsonl'], { cwd: dir })).code).toBe(2);
  });

  const dialogues = '[{"id":"d1","turns":[{"sender":"helpdesk","sender":"customer","utterances":["好的"]}]},{"id":"d2","turns":[{"sender":"customer","utterances":["你好"]}]}]';
  it.each([
    ['read whole', dialogues, Buffer.byteLength(dialogues)],
    ['streamed', dialogues, undefined],
    ['streamed from a container', `{"exported":"2026-11","dialogues":${dialogues}}`, undefined],
  ])('skips one dialogue of a JSON array (%s) whose turn repeats a key; the others are read', async (_how, text, size) => {
    const events = await readAll('dch', { ...textSource('helpdesk.json', text), size });
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['d2']);
    expect(problemsOf(events, 'skipped')).toEqual([{ location: { file: 'helpdesk.json', record: 0 }, reason: expect.stringContaining('键 "sender" 出现了两次') }]);
    expect(recordsRead(events)).toBe(2);
  });

  it('skips a JSON-lines dialogue (one dialogue per line) that repeats a key', async () => {
    const events = await readAll(
      'json',
      textSource(
        'dialogues.jsonl',
        [
          '{"dialogue_id":"a","turns":[{"role":"customer","text":"发票呢"},{"role":"agent","text":"马上开","role":"customer"}]}',
          '{"dialogue_id":"b","turns":[{"role":"customer","text":"你好"}]}',
        ].join('\n'),
      ),
    );
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['b']);
    expect(problemsOf(events, 'skipped')).toEqual([{ location: { file: 'dialogues.jsonl', line: 1 }, reason: expect.stringContaining('键 "role" 出现了两次') }]);
  });
});
