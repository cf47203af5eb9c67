import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { callHeader, speakerLine } from '../../src/adapters/call-transcript.js';
import { openFile } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { conversationsOf, fixtureInputs, ofType, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const calls = adapterByName('call-transcript')!;
const OWN_FILES = ['fixtures/call-transcript/calls.json', 'fixtures/call-transcript/calls.txt', 'fixtures/broken/calls-bad.json', 'fixtures/broken/calls-bad.txt'];

async function convert(file: string) {
  const result = await runCli(['convert', file]);
  return { ...result, summary: result.stderr.trim().split('\n').at(-1), problems: result.stderr.trim().split('\n').slice(0, -1) };
}

describe('call transcript detection', () => {
  it('recognises the JSON and text fixtures, and no other reader claims them', async () => {
    for (const file of OWN_FILES) {
      const input = await openFile(path.join(ROOT, file));
      expect(detectAdapter(input.head, path.basename(file))?.name, file).toBe('call-transcript');
      for (const adapter of ADAPTERS) if (adapter !== calls) expect(adapter.detect(input.head, path.basename(file)), `${adapter.name} on ${file}`).toBe(0);
    }
  });

  it('claims none of the other fixtures', async () => {
    for (const file of fixtureInputs().filter((f) => !OWN_FILES.includes(f) && !f.endsWith('.xlsx'))) {
      const input = await openFile(path.join(ROOT, file));
      expect(calls.detect(input.head, path.basename(file)), file).toBe(0);
    }
  });

  it('wants speaker prefixes on most lines', () => {
    expect(calls.detect('[["坐席:您好"]]', 'a.json')).toBeGreaterThan(0.8);
    expect(calls.detect('[{"id": "c1", "lines": ["客户：在吗"]}]', 'a.json')).toBeGreaterThan(0.8);
    expect(calls.detect('[["你好", "坐席:您好"]]', 'a.json')).toBe(0);
    expect(calls.detect('客户：在吗\n坐席：您好\n', 'a.txt')).toBeGreaterThan(0.5);
    expect(calls.detect('会议纪要\n客户：在吗\n今天讨论了三件事\n第一件\n第二件\n', 'a.txt')).toBe(0);
  });
});

describe('speaker prefixes and headers', () => {
  it('reads 坐席 and 客服 as agent, 客户 and 用户 as customer, with either colon and spaces', () => {
    expect(speakerLine('坐席:您好')).toEqual({ role: 'agent', text: '您好' });
    expect(speakerLine(' 客服 ： 请稍等 ')).toEqual({ role: 'agent', text: '请稍等' });
    expect(speakerLine('客户：在吗')).toEqual({ role: 'customer', text: '在吗' });
    expect(speakerLine('用户:好的')).toEqual({ role: 'customer', text: '好的' });
    expect(speakerLine('客户说他没收到')).toBeUndefined();
  });

  it('takes keyword lines and fences as headers, with their ids', () => {
    expect(callHeader('通话 12345')).toEqual({ id: '12345' });
    expect(callHeader('会话ID: a-1')).toEqual({ id: 'a-1' });
    expect(callHeader('通话编号：C2026/11/03#7')).toEqual({ id: 'C2026/11/03#7' });
    expect(callHeader('Call #7')).toEqual({ id: '7' });
    expect(callHeader('=== 通话 88 ===')).toEqual({ id: '88' });
    expect(callHeader('--- 回访-0703 ---')).toEqual({ id: '回访-0703' });
    expect(callHeader('=====')).toEqual({});
    expect(callHeader('通话质量不好')).toBeUndefined();
    expect(callHeader('客户：通话 12345')).toBeUndefined();
  });
});

describe('call transcripts', () => {
  it('read a JSON array of calls: positional ids from the base name, one message per line, continuations joined', async () => {
    const result = await convert('fixtures/call-transcript/calls.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'fixtures/call-transcript/calls.json.expected.jsonl'), 'utf8'));
    expect(result.summary).toBe('文件 1 · 会话 3 · 消息 13 · 记录 读取 3 = 使用 3 + 跳过 0');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { conversation_id: string; text: string });
    expect([...new Set(lines.map((l) => l.conversation_id))]).toEqual(['calls.json#1', 'call-20261103-07', 'calls.json#3']);
    expect(lines[2]!.text).toBe('非常抱歉给您添麻烦了，我先帮您查一下线路。\n请问您的宽带账号是多少？');
  });

  it('read text calls separated by blank lines and headers, with the header ids', async () => {
    const result = await convert('fixtures/call-transcript/calls.txt');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'fixtures/call-transcript/calls.txt.expected.jsonl'), 'utf8'));
    expect(result.summary).toBe('文件 1 · 会话 5 · 消息 12 · 记录 读取 5 = 使用 5 + 跳过 0');
    const ids = [...new Set(result.stdout.trim().split('\n').map((l) => JSON.parse(l).conversation_id))];
    expect(ids).toEqual(['20261102-001', 'B-77', 'calls.txt#3', '回访-0703', 'calls.txt#5']);
  });

  it('name positional calls by the base name, whatever path is given', async () => {
    const events = await readAll('call-transcript', textSource('/some/where/exports/calls.json', '[["客户:在吗"], ["坐席:您好"]]'));
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['calls.json#1', 'calls.json#2']);
  });

  it('skip a call that is not an array and a line that is not a string, with file, record and reason, and read the rest', async () => {
    const result = await convert('fixtures/broken/calls-bad.json');
    expect(result.code).toBe(0);
    expect(result.problems).toEqual([
      '已跳过 fixtures/broken/calls-bad.json#1: 第 2 通电话（calls-bad.json#2）：应为一组行，例如 "坐席:您好"，或 {"id": …, "lines": [...]}；实际是 a string: "这一通不是数组"',
      '已跳过 fixtures/broken/calls-bad.json#2: 第 3 通电话（calls-bad.json#3），第 2 行：应为文本，例如 "坐席:您好"，实际是 a number: 42',
      '已跳过 fixtures/broken/calls-bad.json#3: 第 4 通电话（calls-bad.json#4），第 1 行：这一行 "那个……我还没说完" 没有说话人（应以 坐席:、客服:、客户: 或 用户: 开头），前面也没有可以接续的消息',
    ]);
    // Five calls (the empty one holds no message) and two lines of their own that could not be used.
    expect(result.summary).toBe('文件 1 · 会话 3 · 消息 5 · 记录 读取 7 = 使用 4 + 跳过 3');
    const texts = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { conversation_id: string; text: string });
    expect(texts.map((l) => `${l.conversation_id} ${l.text}`)).toEqual([
      'calls-bad.json#1 你好，我想停机保号',
      'calls-bad.json#1 好的，我帮您办理',
      'calls-bad.json#3 喂，你好',
      'calls-bad.json#3 您好，请讲\n呃，刚才信号不好',
      'calls-bad.json#4 算了，我回头再打',
    ]);
  });

  it('skip a text line with no speaker and nothing before it to continue', async () => {
    const result = await convert('fixtures/broken/calls-bad.txt');
    expect(result.problems).toEqual([
      expect.stringMatching(/^已跳过 fixtures\/broken\/calls-bad\.txt:1: 这一行 "这一行前面没有说话人" 没有说话人/),
      expect.stringMatching(/^已跳过 fixtures\/broken\/calls-bad\.txt:6: /),
    ]);
    expect(result.summary).toBe('文件 1 · 会话 2 · 消息 3 · 记录 读取 4 = 使用 2 + 跳过 2');
    expect((await runCli(['lint', 'fixtures/broken/calls-bad.txt', '--strict'])).code).toBe(2);
  });

  it('warn about a header with no line under it', async () => {
    const events = await readAll('call-transcript', textSource('c.txt', '通话 1\n客户：在吗\n坐席：您好\n通话 2\n\n通话 3\n客户：你好\n'));
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['1', '3']);
    expect(problemsOf(events, 'warning')).toEqual([{ location: { file: 'c.txt', line: 4 }, reason: '电话标题 2 下面没有任何一行' }]);
    expect(recordsRead(events)).toBe(2);
    expect(ofType(events, 'skipped')).toEqual([]);
  });

  it('read a dictated phone number right under a line of the call as part of that line, not as a new call', async () => {
    for (const dictated of ['电话 13812345678', '电话：138-1234-5678', '电话号：+8613812345678', '电话 010-62345678', '电话']) {
      const text = ['通话 A-1', '坐席：您好，这里是客服中心，请问有什么可以帮您', '客户：我要改一下收货电话，新的号码是', dictated, '坐席：好的，已经帮您改好了', '客户：谢谢'].join('\n');
      const events = await readAll('call-transcript', textSource('c.txt', text));
      expect(conversationsOf(events).map((c) => [c.id, c.messages.map((m) => m.text)]), dictated).toEqual([
        ['A-1', ['您好，这里是客服中心，请问有什么可以帮您', `我要改一下收货电话，新的号码是\n${dictated}`, '好的，已经帮您改好了', '谢谢']],
      ]);
      expect(problemsOf(events, 'warning'), dictated).toEqual([]);
    }
  });

  it('take a keyword line with another id as a header even right under a line, and a phone id after a blank line', async () => {
    const text = ['通话 1', '客户：在吗', '通话 20261102-002', '客户：你好', '', '电话 13812345678', '坐席：您好'].join('\n');
    const events = await readAll('call-transcript', textSource('c.txt', text));
    expect(conversationsOf(events).map((c) => [c.id, c.messages.length])).toEqual([['1', 1], ['20261102-002', 1], ['13812345678', 1]]);
  });

  it('are read under --input-format call-transcript too', async () => {
    const result = await runCli(['convert', 'fixtures/call-transcript/calls.txt', '--input-format', 'call-transcript']);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'fixtures/call-transcript/calls.txt.expected.jsonl'), 'utf8'));
  });
});
