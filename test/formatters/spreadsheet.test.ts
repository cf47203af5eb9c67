import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFormatter } from '../../src/formatters/csv.js';
import { FINDING_COLUMNS } from '../../src/formatters/finding-table.js';
import { xlsxFormatter } from '../../src/formatters/xlsx.js';
import type { Formatter } from '../../src/formatters/formatter.js';
import type { ConversationResult } from '../../src/engine/lint.js';
import { addResult, emptySummary } from '../../src/runner/summary.js';
import { context, finding, render, result } from './build.js';

const REQUIRED = ['会话ID', '时间', '客服', '规则', '级别', '原文', '触发词', '建议', '文件位置'];

const csvRows = (text: string) => parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;

async function renderBinary(formatter: Formatter, results: ConversationResult[], ctx = context()): Promise<Buffer> {
  const summary = emptySummary();
  for (const r of results) addResult(summary, r);
  expect(formatter.start?.(ctx) ?? '').toBe('');
  for (const r of results) expect(formatter.result(r, ctx)).toBe('');
  const out = await formatter.end(summary, ctx);
  expect(typeof out).not.toBe('string');
  return Buffer.from(out as Uint8Array);
}

async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

const twoConversations = () => [
  result([
    finding({ time: Date.UTC(2026, 10, 2, 2, 3, 12) }),
    finding({ ruleId: 'slow-first-response', severity: 'warn', messageSeq: null, range: undefined, suggestion: undefined, excerpt: '我的快递三天都没动了', trigger: { messageSeq: 0, role: 'customer', text: '我的快递三天都没动了', range: [4, 9] }, message: '首响慢：客户等了 3分9秒。' }),
  ]),
  result([finding({ conversationId: 'c-1002', agent: '小张', count: 3, message: '推诿：……（本会话共 3 处）' })], { conversationId: 'c-1002' }),
];

describe('csv findings', () => {
  it('starts with a BOM and the Chinese headers, ends records with CRLF, and has one row per finding', () => {
    const text = render(csvFormatter(), twoConversations());
    expect(text.startsWith('\uFEFF会话ID,时间,客服,规则,级别,原文,触发词,建议,文件位置,')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const rows = csvRows(text);
    expect(Object.keys(rows[0]!).slice(0, 9)).toEqual(REQUIRED);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      会话ID: 'c-1001', 时间: '2026-11-02 10:03:12', 客服: '小林', 规则: 'blame-shifting', 级别: '错误',
      原文: '您好，这个是快递那边的问题，您去问一下快递吧', 触发词: '是快递那边的问题', 建议: '给您添麻烦了，我这边马上帮您联系处理。',
      文件位置: 'exports/transcripts.jsonl:3', 第几条: '3', 处数: '1', 豁免: '',
    });
    // A finding about the whole conversation: its matched words are in the message that set it off.
    expect(rows[1]).toMatchObject({ 规则: 'slow-first-response', 级别: '警告', 触发词: '三天都没动', 第几条: '1', 建议: '' });
    expect(rows[2]).toMatchObject({ 会话ID: 'c-1002', 客服: '小张', 处数: '3' });
  });

  it('guards every cell from the data that starts like a formula, and quotes commas, quotes and line breaks', () => {
    const text = render(csvFormatter(), [
      result([finding({ conversationId: '=cmd|calc', agent: '@admin', excerpt: '-1，"好"\n第二行', range: undefined, suggestion: '+86 138', location: { file: '/work/repo/a,b.csv', line: 2 } })]),
    ]);
    const row = csvRows(text)[0]!;
    expect(row).toMatchObject({ 会话ID: "'=cmd|calc", 客服: "'@admin", 原文: '\'-1，"好"\n第二行', 建议: "'+86 138", 文件位置: 'a,b.csv:2' });
    expect(text).toContain('"\'-1，""好""\n第二行"');
  });

  it('lists waived findings after the others, marked with the reason and author', () => {
    const waived = { ...finding({ ruleId: 'slow-first-response', severity: 'warn' }), waiver: { reason: '客户要求稍后联系', author: '王质检', source: 'w.yaml:3' } };
    const rows = csvRows(render(csvFormatter(), [result([finding()], { waived: [waived] })]));
    expect(rows.map((r) => [r.规则, r.豁免])).toEqual([['blame-shifting', ''], ['slow-first-response', '已豁免：客户要求稍后联系（王质检）']]);
  });

  it('names the first column for replies in a library', () => {
    expect(render(csvFormatter(), [], context({ command: 'replies' })).startsWith('\uFEFF话术ID,')).toBe(true);
  });
});

describe('xlsx findings', () => {
  it('reads back with exceljs: one sheet, the Chinese headers, one row per finding, times as dates in the zone', async () => {
    const sheet = await readSheet(await renderBinary(xlsxFormatter(), twoConversations()));
    expect(sheet.name).toBe('问题');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...FINDING_COLUMNS]);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('c-1001');
    // 02:03:12 UTC is 10:03:12 in Asia/Shanghai: Excel shows the local wall-clock time.
    expect((first.getCell(2).value as Date).toISOString()).toBe('2026-11-02T10:03:12.000Z');
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(7).value).toBe('是快递那边的问题');
    expect(first.getCell(10).value).toBe(3);
    expect(sheet.getRow(4).getCell(12).value).toBe(3);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps text that starts like a formula as text, and drops characters XML cannot hold', async () => {
    const sheet = await readSheet(await renderBinary(xlsxFormatter(), [result([finding({ conversationId: '=HYPERLINK("http://x","y")', excerpt: '好\u0000的\u001b[31m', range: undefined })])]));
    const id = sheet.getRow(2).getCell(1);
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.getRow(2).getCell(6).value).toBe('好\ufffd的\ufffd[31m');
  });

  it('writes the header row alone when nothing was found', async () => {
    const sheet = await readSheet(await renderBinary(xlsxFormatter(), [result([])]));
    expect(sheet.rowCount).toBe(1);
  });
});
