import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/io/input.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const record = (conversation: string, role: string, text: string) => JSON.stringify({ conversation_id: conversation, role, agent: role === 'agent' ? '小林' : undefined, text });
const CONVERSATION = [record('c1', 'customer', '快递三天没动了'), record('c1', 'agent', '这个是快递那边的问题，您去问一下快递吧')];

async function lines(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const { line } of readLines(Readable.from(chunks))) out.push(line);
  return out;
}

async function lint(name: string, content: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-lines-'));
  writeFileSync(path.join(dir, name), content);
  const result = await runCli(['lint', '-c', REPO_CONFIG, name, '-f', 'json'], { cwd: dir });
  return { result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('readLines', () => {
  it('splits on LF, CRLF and CR alone, also when a CRLF or a line is cut between chunks', async () => {
    expect(await lines(['a\nb\r\nc\rd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(await lines(['a\r', '\nb\r', 'c\n', '\n', 'd'])).toEqual(['a', 'b', 'c', '', 'd']);
    expect(await lines(['ab', 'cd', 'e\nf', 'g'])).toEqual(['abcde', 'fg']);
    expect(await lines(['a\n'])).toEqual(['a']);
  });

  it('takes linear time on a 20 MB line and on many short lines', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let started = performance.now();
    const long = await lines([...Array.from({ length: 320 }, () => chunk), '\nend']);
    expect(long.map((l) => l.length)).toEqual([320 * chunk.length, 3]);
    expect(performance.now() - started).toBeLessThan(3000);
    const short = 'ab\n'.repeat(20_000);
    started = performance.now();
    expect((await lines(Array.from({ length: 100 }, () => short))).length).toBe(2_000_000);
    expect(performance.now() - started).toBeLessThan(8000);
  });
});

describe('detection looks past long first lines and blank lines', () => {
  it('a JSONL file whose first line is longer than 64 KB is recognised', async () => {
    const first = record('c0', 'customer', '长'.repeat(40_000));
    const { report } = await lint('long.jsonl', `${[first, ...CONVERSATION].join('\n')}\n`);
    expect(report.summary.unreadableFiles).toEqual([]);
    expect(report.summary.records).toEqual({ read: 3, used: 3, skipped: 0 });
  });

  it('a JSONL file whose first line is longer than the 8 MB sample is recognised by its start and name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-lines-'));
    const first = record('c0', 'customer', 'x'.repeat(20 * 1024 * 1024));
    writeFileSync(path.join(dir, 'big20.jsonl'), `${[first, ...CONVERSATION].join('\n')}\n`);
    copyFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), path.join(dir, 'good.jsonl'));
    const result = await runCli(['convert', 'big20.jsonl', 'good.jsonl', '-o', 'out.jsonl'], { cwd: dir });
    expect(result.stderr).not.toContain('无法读取');
    expect(result.code).toBe(0);
    const converted = readFileSync(path.join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(converted.filter((m) => m.conversation_id === 'c0').map((m) => m.text.length)).toEqual([20 * 1024 * 1024]);
    expect(converted.filter((m) => m.conversation_id === 'c1')).toHaveLength(2);
    // The same line in a file named otherwise is not guessed at: the run fails, it does not pass by it.
    writeFileSync(path.join(dir, 'big20.txt'), `${[first, ...CONVERSATION].join('\n')}\n`);
    const unnamed = await runCli(['convert', 'big20.txt', 'good.jsonl', '-o', 'out2.jsonl'], { cwd: dir });
    expect(unnamed.stderr).toContain('big20.txt: 不是能识别的导出格式');
    expect(unnamed.code).toBe(2);
  });

  it('a file that starts with 70,000 blank lines is not empty', async () => {
    const { report } = await lint('blank.jsonl', `${'\n'.repeat(70_000)}${CONVERSATION.join('\n')}\n`);
    expect(report.summary.unreadableFiles).toEqual([]);
    expect(report.summary.records.used).toBe(2);
    expect(report.results[0].findings[0].location.line).toBe(70_002);
  });

  it('a JSONL file with CR-only line ends is recognised and read line by line', async () => {
    const { report } = await lint('cr.jsonl', `${CONVERSATION.join('\r')}\r`);
    expect(report.summary.unreadableFiles).toEqual([]);
    expect(report.summary.records).toEqual({ read: 2, used: 2, skipped: 0 });
  });

  it('a deeply nested value skips its record, not the file', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const bad = `{"conversation_id":"c9","role":"customer","text":${deep}}`;
    const { result, report } = await lint('deep.jsonl', `${[CONVERSATION[0], bad, CONVERSATION[1]].join('\n')}\n`);
    expect(result.stderr).not.toContain('Maximum call stack');
    expect(report.summary.records).toEqual({ read: 3, used: 2, skipped: 1 });
    expect(report.summary.skipped[0]).toMatchObject({ location: { line: 2 }, reason: expect.stringContaining('嵌套超过') });
    // In a JSON array export too.
    const array = await lint('deep.json', JSON.stringify([{ id: 'd1', turns: [{ sender: 'customer', utterances: ['你好'] }] }]).replace(/\]$/, `,{"id":"d2","turns":${deep}}]`));
    expect(array.report.summary.records).toEqual({ read: 2, used: 1, skipped: 1 });
  });
});

describe('long runs of spaces or letters in one message', () => {
  // Each pattern below was once retried from every character of such a run, in quadratic time:
  // 300,000 letters took minutes. Linear, each conversation takes a second or two.
  it.each([
    ['spaces', ' '],
    ['one letter', 'a'],
    ['letters and spaces', 'ab '],
  ])('a message padded with %s is linted by every rule in linear time', async (_name, unit) => {
    const pad = unit.repeat(Math.ceil(200_000 / unit.length));
    const content = [
      JSON.stringify({ conversation_id: 'p1', time: '2026-11-02T10:00:00+08:00', role: 'customer', text: `请问我的订单什么时候发货${pad}` }),
      JSON.stringify({ conversation_id: 'p1', time: '2026-11-02T10:01:00+08:00', role: 'agent', agent: '小林', text: `您好${pad}` }),
    ].join('\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-lines-'));
    writeFileSync(path.join(dir, 'pad.jsonl'), `${content}\n`);
    writeFileSync(path.join(dir, 'strict.yaml'), 'extends: supportlint:strict\n');
    const started = performance.now();
    const result = await runCli(['lint', '-c', 'strict.yaml', 'pad.jsonl'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.stderr).not.toContain('无法读取');
    expect(result.stdout).toContain('记录 读取 2 = 使用 2 + 跳过 0');
  }, 60_000);
});
