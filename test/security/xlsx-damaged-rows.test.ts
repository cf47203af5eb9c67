import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsChecked } from '../../src/adapters/xlsx-rows.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';
import { handWrittenXlsx, inlineCell } from '../support/zip.js';

const row = (n: number, cells: string[]) => `<row r="${n}">${cells.join('')}</row>`;
const header = row(1, [inlineCell('A1', ['会话ID']), inlineCell('B1', ['发送者']), inlineCell('C1', ['内容'])]);
const goodRow = (n: number) => row(n, [inlineCell(`A${n}`, ['c1']), inlineCell(`B${n}`, [n % 2 ? '客服' : '客户']), inlineCell(`C${n}`, [`第${n}行`])]);

/** 10 good rows (2–11), row 12 as given, then 4 good rows (13–16). */
function sheetAround(badRow: string): string {
  const rows = [header];
  for (let n = 2; n <= 11; n++) rows.push(goodRow(n));
  rows.push(badRow);
  for (let n = 13; n <= 16; n++) rows.push(goodRow(n));
  return rows.join('');
}

async function lintBeside(workbook: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-xlsx-rows-'));
  writeFileSync(path.join(dir, 'bad.xlsx'), workbook);
  copyFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), path.join(dir, 'good.jsonl'));
  const alone = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'good.jsonl', '-f', 'json'], { cwd: dir })).stdout);
  const both = await runCli(['lint', '-c', REPO_CONFIG, 'bad.xlsx', 'good.jsonl', '-f', 'json'], { cwd: dir });
  const converted = await runCli(['convert', 'bad.xlsx', '--to', 'jsonl'], { cwd: dir });
  return { alone: alone.summary, both: JSON.parse(both.stdout).summary, converted };
}

describe('a damaged row of a workbook is skipped with its number, and the other rows are read', () => {
  it('a cell reference beyond column XFD', async () => {
    const bad = row(12, [inlineCell('A12', ['c1']), inlineCell('B12', ['客户']), inlineCell('ZZZZZZZ12', ['坏'])]);
    const { alone, both, converted } = await lintBeside(handWrittenXlsx(sheetAround(bad)));
    expect(both.skipped).toEqual([{ location: { file: 'bad.xlsx', line: 12 }, reason: expect.stringContaining('单元格位置 "ZZZZZZZ12" 无效') }]);
    expect(both.records.read).toBe(alone.records.read + 15);
    expect(both.records.used).toBe(alone.records.used + 14);
    expect(both.records.read).toBe(both.records.used + both.records.skipped);
    const lines = converted.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((m) => m.text)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16].map((n) => `第${n}行`));
    expect(converted.stderr).toContain('bad.xlsx:12');
  });

  it('a shared-string index beyond the table', async () => {
    const bad = row(12, [inlineCell('A12', ['c1']), inlineCell('B12', ['客户']), '<c r="C12" t="s"><v>99999</v></c>']);
    const good = row(12, [inlineCell('A12', ['c1']), inlineCell('B12', ['客户']), '<c r="C12" t="s"><v>1</v></c>']);
    const { both } = await lintBeside(handWrittenXlsx(sheetAround(bad), ['甲', '乙']));
    expect(both.skipped).toEqual([{ location: { file: 'bad.xlsx', line: 12 }, reason: expect.stringMatching(/共享字符串编号 99999 不存在.*只有 2 个/) }]);
    expect(both.records.read).toBe(both.records.used + both.records.skipped);
    const withTable = await lintBeside(handWrittenXlsx(sheetAround(good), ['甲', '乙']));
    expect(withTable.both.skipped).toEqual([]);
    expect(withTable.converted.stdout).toContain('"text":"乙"');
    // A workbook without a shared-string table cannot resolve any index.
    const withoutTable = await lintBeside(handWrittenXlsx(sheetAround(good)));
    expect(withoutTable.both.skipped).toEqual([{ location: { file: 'bad.xlsx', line: 12 }, reason: expect.stringContaining('只有 0 个') }]);
  });

  it('cells and rows without a reference are placed after the one before, as Excel reads them', async () => {
    const unnumbered = '<row><c t="inlineStr"><is><t>c1</t></is></c><c t="inlineStr"><is><t>客户</t></is></c><c t="inlineStr"><is><t>没有位置</t></is></c></row>';
    const { both, converted } = await lintBeside(handWrittenXlsx(sheetAround(unnumbered)));
    expect(both.skipped).toEqual([]);
    expect(converted.stdout).toContain('"text":"没有位置","source":"bad.xlsx:12"');
  });

  it('a row cut by a chunk boundary anywhere is checked whole', async () => {
    const xml = `<sheetData>${goodRow(2)}${row(3, ['<c r="AAAA3"><v>1</v></c>'])}<row r="4"/>${goodRow(5)}</sheetData><rowBreaks/>`;
    for (let cut = 1; cut < xml.length; cut += 5) {
      const damaged: number[] = [];
      let out = '';
      const chunks = (async function* () {
        yield Buffer.from(xml.slice(0, cut));
        yield Buffer.from(xml.slice(cut));
      })();
      for await (const chunk of rowsChecked(chunks, () => 0, (bad) => damaged.push(bad.row))) out += chunk.toString('utf8');
      expect(damaged, `cut at ${cut}`).toEqual([3]);
      expect(out, `cut at ${cut}`).toBe(`<sheetData>${goodRow(2)}<row r="4"/>${goodRow(5)}</sheetData><rowBreaks/>`);
    }
  });
});
