import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { openFile } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { conversationsOf, fixtureInputs, OPTIONS, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const FIXTURE = 'fixtures/jddc-chat/chat-log.tsv';
const GOLDEN = `${FIXTURE}.expected.jsonl`;
const jddc = adapterByName('jddc-chat')!;
const row = (...cells: string[]) => cells.join('\t');

/** The canonical JSONL of a convert run, with the summary line from standard error. */
async function convert(args: string[]) {
  const result = await runCli(['convert', ...args]);
  return { ...result, summary: result.stderr.trim().split('\n').at(-1) };
}

describe('JDDC 2019 chat log detection', () => {
  it('recognises the headerless seven-column TSV, and no other reader claims it', async () => {
    const input = await openFile(path.join(ROOT, FIXTURE));
    expect(detectAdapter(input.head, 'chat-log.tsv')?.name).toBe('jddc-chat');
    for (const adapter of ADAPTERS) if (adapter !== jddc) expect(adapter.detect(input.head, 'chat-log.tsv'), adapter.name).toBe(0);
  });

  it('claims none of the other fixtures', async () => {
    for (const file of fixtureInputs().filter((f) => !f.startsWith('fixtures/jddc-chat/'))) {
      const input = await openFile(path.join(ROOT, file));
      expect(jddc.detect(input.head, path.basename(file)), file).toBe(0);
    }
  });

  it('wants 0/1 in the sender and flag columns, and seven columns', () => {
    expect(jddc.detect(`${row('s1', 'u1', '0', '0', '0', 'nan', '在吗')}\n`, 'x.tsv')).toBeGreaterThan(0.8);
    expect(jddc.detect(`${row('s1', 'u1', '2', '0', '0', 'nan', '在吗')}\n`, 'x.tsv')).toBe(0);
    expect(jddc.detect(`${row('s1', 'u1', '0', '0', '0', '在吗')}\n`, 'x.tsv')).toBe(0);
    expect(jddc.detect(`${row('session_id', 'user_id', 'waiter_send', 'is_transfer', 'is_repeat', 'sku', 'content')}\n${row('s1', 'u1', '0', '0', '0', 'nan', '在吗')}\n`, 'x.tsv')).toBe(0);
  });
});

describe('JDDC 2019 chat log reading', () => {
  it('reads the fixture without flags: one message per row, !@@@! parts in order, NULL is no message', async () => {
    const result = await convert([FIXTURE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, GOLDEN), 'utf8'));
    // Ten rows: s-001's NULL row and s-003 (only NULL) are records without a message.
    expect(result.summary).toBe('文件 1 · 会话 2 · 消息 11 · 记录 读取 10 = 使用 10 + 跳过 0');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { conversation_id: string; seq: number; role: string; text: string; source: string });
    expect(lines.filter((l) => l.source.endsWith(':3')).map((l) => [l.seq, l.role, l.text])).toEqual([
      [2, 'agent', '订单已经在打包了'],
      [3, 'agent', '预计今天下午六点前发出'],
      [4, 'agent', '发出后会有短信通知您'],
    ]);
    // A cell that starts with a quote mark is text: the raw export never quotes.
    expect(lines.find((l) => l.source.endsWith(':8'))!.text).toBe('"降噪"模式在哪里打开');
  });

  it('reads the same with the mapping spelt out, as a generic headerless table', async () => {
    const flags = ['--no-header', '--map', 'conversation=1', '--map', 'role=3', '--map', 'text=7', '--map-values', 'role=0:customer,1:agent'];
    const golden = readFileSync(path.join(ROOT, GOLDEN), 'utf8');
    expect((await convert([FIXTURE, ...flags])).stdout).toBe(golden);
    const generic = await convert([FIXTURE, '--input-format', 'csv', ...flags, '--split-messages', '!@@@!']);
    expect(generic.stdout).toBe(golden);
    expect(generic.summary).toBe('文件 1 · 会话 2 · 消息 11 · 记录 读取 10 = 使用 10 + 跳过 0');
    // Without the separator each cell is one message.
    const unsplit = await convert([FIXTURE, '--input-format', 'csv', ...flags]);
    expect(unsplit.summary).toBe('文件 1 · 会话 2 · 消息 8 · 记录 读取 10 = 使用 10 + 跳过 0');
  });

  it('puts a tab inside a message back into the message', async () => {
    const text = [row('s1', 'u1', '0', '0', '0', 'nan', '第一句'), `${row('s1', 'u1', '1', '0', '0', 'nan', '前半句')}\t后半句`].join('\n');
    const events = await readAll('jddc-chat', textSource('chat.tsv', `${text}\n`));
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['第一句', '前半句\t后半句']);
    expect(recordsRead(events)).toBe(2);
  });

  it('skips a row with an unknown sender value, with its line, and reads the rest', async () => {
    const text = [row('s1', 'u1', '0', '0', '0', 'nan', '你好'), row('s1', 'u1', '1', '0', '0', 'nan', '您好'), row('s1', 'u1', '0', '0', '0', 'nan', '在吗')].join('\n');
    const events = await readAll('jddc-chat', textSource('chat.tsv', `${text}\n`), { ...OPTIONS, valueMap: { role: { 1: '监工' } } });
    expect(problemsOf(events, 'skipped')).toEqual([{ location: { file: 'chat.tsv', line: 2 }, reason: expect.stringContaining('未知的角色 "监工"') }]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['你好', '在吗']);
    expect(recordsRead(events)).toBe(3);
  });
});

describe('a file forced to jddc-chat that is not in its layout', () => {
  it('is skipped whole as not this format, without naming a --map the user never gave', async () => {
    const text = '会话ID,时间,角色,客服,内容\nm1,2026-11-02 10:00,客户,,在吗\nm1,2026-11-02 10:01,客服,小林,您好\n';
    const events = await readAll('jddc-chat', textSource('five.csv', text), OPTIONS);
    const skipped = problemsOf(events, 'skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toContain('不是 JDDC 2019 聊天记录（jddc-chat）的格式：应为没有表头、以制表符分隔的 7 列');
    expect(skipped[0]!.reason).not.toContain('--map');
    expect(recordsRead(events)).toBe(3);
    // With a --map of the user's own, the column problem is the table's.
    const mapped = await readAll('jddc-chat', textSource('five.csv', text), { ...OPTIONS, fieldMap: { text: '9' } });
    expect(problemsOf(mapped, 'skipped')[0]!.reason).toContain('第一行只有 1 列');
  });
});

describe('headerless tables', () => {
  const csv = ['c-1,客户,快递到哪了', 'c-1,客服,我马上帮您查', 'c-2,1,退款到账了吗'].join('\n');

  it('name columns by number, and map raw values', async () => {
    const events = await readAll('csv', textSource('t.csv', csv), { ...OPTIONS, header: false, fieldMap: { conversation: '1', role: '2', text: '3' }, valueMap: { role: { 1: 'customer' } } });
    expect(conversationsOf(events).map((c) => [c.id, c.messages.map((m) => `${m.role}:${m.text}`)])).toEqual([
      ['c-1', ['customer:快递到哪了', 'agent:我马上帮您查']],
      ['c-2', ['customer:退款到账了吗']],
    ]);
  });

  it('say which columns are missing, or named instead of numbered', async () => {
    const missing = problemsOf(await readAll('csv', textSource('t.csv', csv), { ...OPTIONS, header: false, fieldMap: { text: '3' } }), 'skipped');
    expect(missing).toEqual([{ location: { file: 't.csv', line: 1 }, reason: expect.stringContaining('--map role=<n>') }]);
    const named = problemsOf(await readAll('csv', textSource('t.csv', csv), { ...OPTIONS, header: false, fieldMap: { text: '内容', role: '2' } }), 'skipped');
    expect(named[0]!.reason).toContain('按列号指定列');
    const outside = problemsOf(await readAll('csv', textSource('t.csv', csv), { ...OPTIONS, header: false, fieldMap: { text: '9', role: '2' } }), 'skipped');
    expect(outside[0]!.reason).toContain('第一行只有 3 列');
  });

  it('with a header row, a column number still picks a column', async () => {
    const events = await readAll('csv', textSource('t.csv', `会话,发送方,正文\n${csv}`), { ...OPTIONS, fieldMap: { conversation: '1', role: '发送方', text: '3' } });
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['快递到哪了', '我马上帮您查']);
  });

  it('are read as CSV under --no-header when no format claims them, and take the mapping from configuration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-headerless-'));
    writeFileSync(path.join(dir, 'chats.csv'), `${csv}\nc-2,0,NULL\nc-2,0,好的||谢谢\n`);
    writeFileSync(
      path.join(dir, '.supportlintrc.yaml'),
      'input:\n  header: false\n  fieldMap: { conversation: 1, role: 2, text: 3 }\n  valueMap: { role: { "0": agent, "1": customer } }\n  splitMessages: "||"\n',
    );
    const fromConfig = await runCli(['convert', 'chats.csv'], { cwd: dir });
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['快递到哪了', '我马上帮您查', '退款到账了吗', '好的', '谢谢']);
    expect(fromConfig.stderr.trim()).toBe('文件 1 · 会话 2 · 消息 5 · 记录 读取 5 = 使用 5 + 跳过 0');
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'input:\n  header: no\n');
    expect((await runCli(['convert', 'chats.csv'], { cwd: dir })).stderr).toMatch(/input\.header: .*boolean/);
  });

  it('reject a malformed --map-values', async () => {
    const result = await runCli(['convert', FIXTURE, '--map-values', 'role=0-customer']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--map-values role=0-customer：应为 字段=原始值:值');
  });
});
