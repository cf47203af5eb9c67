import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { binarySource, conversationsOf, problemsOf, readAll, textSource } from '../support/adapters.js';

const CSV = ['会话ID,角色,内容,内容', 'c-1,客户,第一列的话,第二列的话', 'c-1,客服,您好,别的'].join('\n');

describe('a header that repeats a column name', () => {
  it('reads the first column of that name and warns once, in Chinese, naming the column', async () => {
    const events = await readAll('csv', textSource('dup.csv', CSV));
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['第一列的话', '您好']);
    const warnings = problemsOf(events, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location).toEqual({ file: 'dup.csv', line: 1 });
    expect(warnings[0]!.reason).toContain('“内容”出现了 2 次（第 3、4 列）：只读第一个（第 3 列）');
  });

  it('the command line reports it with the file and line, and lints the first column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-dup-'));
    writeFileSync(path.join(dir, 'dup.csv'), CSV);
    const result = await runCli(['convert', 'dup.csv', '--to', 'jsonl'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('dup.csv:1: 表头里的列名“内容”出现了 2 次');
    expect(result.stdout).toContain('第一列的话');
    expect(result.stdout).not.toContain('第二列的话');
  });

  it('an XLSX sheet follows the same rule', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('聊天');
    for (const row of [['会话ID', '角色', '内容', '内容'], ['c-1', '客户', '第一列的话', '第二列的话']]) sheet.addRow(row);
    const events = await readAll('xlsx', binarySource('dup.xlsx', Buffer.from(await book.xlsx.writeBuffer())));
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['第一列的话']);
    expect(problemsOf(events, 'warning').map((w) => w.reason)).toEqual([expect.stringContaining('“内容”出现了 2 次')]);
  });
});
