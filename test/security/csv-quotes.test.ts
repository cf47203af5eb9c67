import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/adapters/csv-rows.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

async function rows(text: string): Promise<Array<[number | undefined, string[] | 'skipped']>> {
  const items: Array<[number | undefined, string[] | 'skipped']> = [];
  for await (const item of csvRows(Readable.from([text]), 'f.csv', ',')) items.push([item.location.line, 'type' in item ? 'skipped' : item.cells]);
  return items;
}

describe('an unclosed quote costs one row, not the rest of the file', () => {
  it('a quote open at the end of the file: its row is skipped and the rows after it are read again, on their own lines', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['a,b,c', '1,2,3', '', '4,"5,6', '7,8,9', '', '10,11,12', ''].join(eol);
      expect(await rows(text)).toEqual([[1, ['a', 'b', 'c']], [2, ['1', '2', '3']], [4, 'skipped'], [5, ['7', '8', '9']], [7, ['10', '11', '12']]]);
    }
  });

  it('a quote that a later quote closes: the swallowed rows are found by their shape and read again', async () => {
    // The field runs from row 3 to the quote that opens a field of row 5: three columns all the same.
    const text = 'a,b,c\n1,2,3\n4,5,"x\n7,8,9\n10,11,"y"\n13,14,15\n';
    expect(await rows(text)).toEqual([[1, ['a', 'b', 'c']], [2, ['1', '2', '3']], [3, 'skipped'], [4, ['7', '8', '9']], [5, ['10', '11', 'y']], [6, ['13', '14', '15']]]);
    // A different number of cells tells it too.
    expect(await rows('a,b,c\n1,"x\n2,"y\n3,4,5\n')).toEqual([[1, ['a', 'b', 'c']], [2, 'skipped'], [3, 'skipped'], [4, ['3', '4', '5']]]);
  });

  it('a quoted field that spans lines on purpose is one cell, as before', async () => {
    expect(await rows('a,b,c\r\n1,"第一行\r\n第二行，还有逗号, 一个",4\r\n5,6,7\r\n')).toEqual([[1, ['a', 'b', 'c']], [3, ['1', '第一行\r\n第二行，还有逗号, 一个', '4']], [4, ['5', '6', '7']]]);
  });

  it('lint: the summary accounts for every row, the reason is in Chinese with the line, and --strict exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-csv-quote-'));
    const lines = readFileSync(path.join(ROOT, 'fixtures/csv/transcripts.csv'), 'utf8').split('\n');
    const dataRows = lines.slice(1).filter((line) => line.trim() !== '').length;
    lines[2] = lines[2]!.replace(/,customer,,/, ',customer,,"');
    writeFileSync(path.join(dir, 'quote.csv'), lines.join('\n'));
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'quote.csv', '-f', 'json'], { cwd: dir });
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records).toEqual({ read: dataRows, used: dataRows - 1, skipped: 1 });
    expect(summary.skipped).toEqual([{ location: { file: 'quote.csv', line: 3 }, reason: expect.stringContaining('英文双引号一直没有闭合') }]);
    expect(result.stderr).toContain('quote.csv:3:');
    const strict = await runCli(['lint', '-c', REPO_CONFIG, 'quote.csv', '--strict', '-f', 'json'], { cwd: dir });
    expect(strict.code).toBe(2);
  });

  it('a quote opened on every line: nothing is lost, and the re-reading stays bounded', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-csv-quote-'));
    const body = Array.from({ length: 4000 }, (_, i) => `c${i % 50},2026-11-02 10:00:00,customer,,"还是没有收到货，麻烦看一下 ${i}`);
    writeFileSync(path.join(dir, 'quotes.csv'), ['conversation_id,time,role,agent,text', ...body, ''].join('\n'));
    const started = Date.now();
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'quotes.csv', '-f', 'json'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records.read).toBe(4000);
    expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
  }, 60_000);
});

describe('a reply library with an unclosed quote', () => {
  it('loses the one reply: the others are linted, the problem has its line, and the run exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-csv-quote-'));
    const source = readFileSync(path.join(ROOT, 'fixtures/libraries/replies.csv'), 'utf8');
    const expected = JSON.parse((await runCli(['replies', '-c', REPO_CONFIG, path.join(ROOT, 'fixtures/libraries/replies.csv'), '-f', 'json'])).stdout);
    const lines = source.split('\n');
    const cells = lines[2]!.split(',');
    cells[3] = `"${cells[3]}`;
    lines[2] = cells.join(',');
    writeFileSync(path.join(dir, 'replies.csv'), lines.join('\n'));
    const result = await runCli(['replies', '-c', REPO_CONFIG, 'replies.csv', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('replies.csv:3: 这一行有一个英文双引号一直没有闭合');
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records).toEqual({ read: expected.summary.records.read, used: expected.summary.records.used - 1, skipped: 1 });
  });
});

describe('the reason for an unclosed quote under --redact', () => {
  it('keeps its own words: it quotes no quote mark that the pseudonyms could pair with', async () => {
    const { runCli, sampleWorkspace } = await import('../support/cli.js');
    const dir = sampleWorkspace({ 'uq.csv': 'conversation_id,time,role,text\nc1,2026-11-02 10:00:00,customer,"abc\nc1,2026-11-02 10:00:05,agent,ok\n' });
    const run = await runCli(['lint', 'uq.csv', '--redact'], { cwd: dir, env: { SUPPORTLINT_REDACT_KEY: 'csv-quotes-test-key' } });
    expect(run.stderr).toContain('这一行有一个英文双引号一直没有闭合');
    expect(run.stderr).toContain('字段里的英文双引号要连写两个来表示');
    expect(run.stderr).not.toContain('值-');
  });
});

describe('a table read as CSV whose header lacks a needed column', () => {
  it('counts every row under the header as skipped, so the summary accounts for them and --strict fails', async () => {
    const { runCli, sampleWorkspace } = await import('../support/cli.js');
    const rows = Array.from({ length: 20 }, (_, i) => `c${i},2026-11-02 10:00:${String(i).padStart(2, '0')},customer,,在吗`);
    const dir = sampleWorkspace({ 'nohdr.csv': `conversation_id,time,role,agent,msg_body\n${rows.join('\n')}\n`, 'clean.csv': 'conversation_id,time,role,agent,text\nc1,2026-11-02 10:00:00,customer,,在吗\n' });
    const run = await runCli(['lint', '--input-format', 'csv', 'nohdr.csv', 'clean.csv'], { cwd: dir });
    expect(run.stdout).toContain('读取 22 = 使用 1 + 跳过 21');
    expect(run.stderr).toContain('它下面的 20 行都没有读取');
    expect((await runCli(['lint', '--input-format', 'csv', 'nohdr.csv', 'clean.csv', '--strict'], { cwd: dir })).code).toBe(2);
  });
});
