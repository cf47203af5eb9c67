import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { handWrittenXlsx, inlineCell } from '../support/zip.js';

const row = (n: number, cells: string[]) => `<row r="${n}">${cells.join('')}</row>`;
const header = row(1, [inlineCell('A1', ['会话ID']), inlineCell('B1', ['时间']), inlineCell('C1', ['发送者']), inlineCell('D1', ['内容'])]);
const timed = (n: number, time: string, text: string) =>
  row(n, [inlineCell(`A${n}`, ['c1']), `<c r="B${n}" s="1"><v>${time}</v></c>`, inlineCell(`C${n}`, [n % 2 ? '客服' : '客户']), inlineCell(`D${n}`, [text])]);

async function convert(sheet: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-xlsx-cells-'));
  writeFileSync(path.join(dir, 'chat.xlsx'), handWrittenXlsx(sheet, undefined, { dateStyle: true }));
  const run = await runCli(['convert', 'chat.xlsx', '--to', 'jsonl'], { cwd: dir });
  return { ...run, messages: run.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { time?: string; text: string }) };
}

describe('workbook cells whose value cannot be read are named, not dropped silently', () => {
  it.each(['1e308', 'NaN'])('a date cell holding %s skips its row with the cell reference, as a time out of range does in JSONL', async (value) => {
    const run = await convert([header, timed(2, '46328.5', '快递三天没动了'), timed(3, value, '好的'), timed(4, '46328.6', '您好')].join(''));
    expect(run.messages.map((m) => m.text)).toEqual(['快递三天没动了', '您好']);
    expect(run.messages.every((m) => m.time !== undefined)).toBe(true);
    expect(run.stderr).toMatch(/chat\.xlsx:3: .*B3.*不是 1970 年到 2099 年之间的时间/);
  });

  it('an error cell (#REF!) is read as empty, with a note naming the cell and the error', async () => {
    const error = row(3, [inlineCell('A3', ['c1']), '<c r="B3" s="1"><v>46328.55</v></c>', inlineCell('C3', ['客服']), '<c r="D3" t="e"><v>#REF!</v></c>']);
    const run = await convert([header, timed(2, '46328.5', '在吗'), error].join(''));
    expect(run.stderr).toMatch(/chat\.xlsx:3: .*D3.*#REF!/);
  });

  it('a formula saved without its result (a workbook a program wrote) is read as empty, with a note naming the cell', async () => {
    const formula = row(3, [inlineCell('A3', ['c1']), '<c r="B3" s="1"><v>46328.55</v></c>', inlineCell('C3', ['客服']), '<c r="D3"><f>CONCATENATE("您好","在的")</f></c>']);
    const computed = row(4, [inlineCell('A4', ['c1']), '<c r="B4" s="1"><v>46328.56</v></c>', inlineCell('C4', ['客户']), '<c r="D4" t="str"><f>CONCATENATE("好","的")</f><v>好的</v></c>']);
    const run = await convert([header, timed(2, '46328.5', '在吗'), formula, computed].join(''));
    expect(run.stderr).toMatch(/chat\.xlsx:3: .*D3.*公式.*没有存它的计算结果/);
    expect(run.stderr).not.toContain('D4');
    expect(run.messages.map((m) => m.text)).toEqual(['在吗', '', '好的']);
  });
});
