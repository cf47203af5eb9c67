import ExcelJS from 'exceljs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { openFile } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { inlineRunsJoined, phoneticsRemoved } from '../../src/adapters/xlsx.js';
import { handWrittenXlsx, inlineCell, storedZip, workbookParts } from '../support/zip.js';
import { binarySource, conversationsOf, fixtureInputs, OPTIONS, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const FIXTURE = 'fixtures/xlsx/meiqia-chats.xlsx';
const xlsx = adapterByName('xlsx')!;
const HEADER = ['会话ID', '时间', '发送者', '客服', '内容'];

/** Excel holds wall-clock times; exceljs writes a Date by its UTC fields. */
const wallClock = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

async function workbook(sheets: Record<string, unknown[][]>, dateColumn = 2): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.getColumn(dateColumn).numFmt = 'yyyy-mm-dd hh:mm:ss';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const read = async (sheets: Record<string, unknown[][]>, options = OPTIONS, dateColumn = 2) => readAll('xlsx', binarySource('chats.xlsx', await workbook(sheets, dateColumn)), options);

describe('xlsx detection', () => {
  it('recognises the fixture by its zip signature and name, and no other reader claims it', async () => {
    const input = await openFile(path.join(ROOT, FIXTURE));
    expect(detectAdapter(input.head, path.basename(FIXTURE))?.name).toBe('xlsx');
    for (const adapter of ADAPTERS) if (adapter !== xlsx) expect(adapter.detect(input.head, path.basename(FIXTURE)), adapter.name).toBe(0);
  });

  it('recognises a workbook read from standard input by its part names', async () => {
    const input = await openFile(path.join(ROOT, FIXTURE));
    expect(xlsx.detect(input.head, '<stdin>')).toBeGreaterThan(0.8);
    expect(xlsx.detect('PK\u0003\u0004word/document.xml', 'letter.docx')).toBe(0);
  });

  it('claims none of the other fixtures', async () => {
    for (const file of fixtureInputs().filter((f) => !f.endsWith('.xlsx'))) {
      const input = await openFile(path.join(ROOT, file));
      expect(xlsx.detect(input.head, path.basename(file)), file).toBe(0);
    }
  });
});

describe('xlsx cells', () => {
  it('reads date cells as wall-clock times in the configured timezone, and text times too', async () => {
    const sheets = {
      Sheet1: [HEADER, ['c1', wallClock('2026-11-07 09:12:05'), '访客', '', '在吗'], ['c1', '2026-11-07 09:12:30', '客服', '小吴', '在的']],
    };
    const shanghai = conversationsOf(await read(sheets))[0]!.messages.map((m) => m.time);
    expect(shanghai).toEqual([Date.parse('2026-11-07T01:12:05Z'), Date.parse('2026-11-07T01:12:30Z')]);
    const utc = conversationsOf(await read(sheets, { ...OPTIONS, timezone: 'UTC' }))[0]!.messages.map((m) => m.time);
    expect(utc).toEqual([Date.parse('2026-11-07T09:12:05Z'), Date.parse('2026-11-07T09:12:30Z')]);
  });

  it('reads rich text, line breaks, formula results, numbers and epoch times', async () => {
    const sheets = {
      Sheet1: [
        HEADER,
        [20261107, 1793584800000, '访客', '', { richText: [{ text: '第一段' }, { text: '加粗', font: { bold: true } }] }],
        [20261107, 1793584810000, '客服', '小吴', '第一行\n第二行'],
        [20261107, 1793584820000, '客服', '小吴', { formula: '"已"&"处理"', result: '已处理' }],
      ],
    };
    // No date format on the time column: the numbers are epoch milliseconds, not day serials.
    const [conversation] = conversationsOf(await read(sheets, OPTIONS, 9));
    expect(conversation!.id).toBe('20261107');
    expect(conversation!.messages.map((m) => m.text)).toEqual(['第一段加粗', '第一行\n第二行', '已处理']);
    expect(conversation!.messages[0]!.time).toBe(1793584800000);
  });

  it('passes over title rows above the header and blank rows, and locates rows by their row number', async () => {
    const events = await read({ 导出: [['会话记录导出（2026-11-07）'], [], HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗'], [], ['c1', '2026-11-07 09:00:20', '客服', '小吴', '在的']] });
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(problemsOf(events, 'warning')).toEqual([]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.location)).toEqual([
      { file: 'chats.xlsx', line: 4 },
      { file: 'chats.xlsx', line: 6 },
    ]);
  });
});

describe('xlsx title blocks', () => {
  const rows = [['c1', '2026-11-07 09:00:00', '访客', '', '在吗'], ['c1', '2026-11-07 09:00:20', '客服', '小吴', '在的']];

  it('passes over title rows of several cells (导出人, 导出时间) above the header', async () => {
    const events = await read({ 导出: [['客服聊天记录', '导出人：质检组', '导出时间：2026-11-08'], ['内容说明：以下为全部会话'], [], HEADER, ...rows] });
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.location.line)).toEqual([5, 6]);
    expect(recordsRead(events)).toBe(2);
  });

  it('reports the first such row, and counts every row under it, when no header follows', async () => {
    // Data without a header: the first row is named as the problem, and no row is lost from the count.
    const events = await read({ 导出: [...rows, ...rows, ...rows, ...rows] });
    const [skipped] = problemsOf(events, 'skipped');
    expect(skipped!.location.line).toBe(1);
    expect(skipped!.reason).toContain('表头行里没有');
    expect(skipped!.reason).toContain('它下面的 7 行都没有读取');
    const short = await read({ 导出: rows });
    expect(problemsOf(short, 'skipped')[0]!.reason).toContain('它下面的 1 行都没有读取');
  });
});

describe('xlsx merged cells', () => {
  it('reads every cell of a merged range as its top-left value, as consoles merge a conversation\'s id and agent', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('聊天记录');
    sheet.addRow(HEADER);
    sheet.addRow(['c1', '2026-11-07 09:00:00', '访客', '', '快递三天没动了']);
    sheet.addRow(['', '2026-11-07 09:00:20', '客服', '小吴', '这是快递的问题，您去问快递吧']);
    sheet.addRow(['', '2026-11-07 09:01:00', '客服', '', '还有别的问题吗']);
    sheet.addRow(['c2', '2026-11-07 10:00:00', '访客', '', '在吗']);
    sheet.addRow(['', '2026-11-07 10:00:30', '客服', '小林', '在的']);
    sheet.mergeCells('A2:A4');
    sheet.mergeCells('D3:D4');
    sheet.mergeCells('A5:A6');
    const events = await readAll('xlsx', binarySource('merged.xlsx', Buffer.from(await book.xlsx.writeBuffer())), OPTIONS);
    expect(problemsOf(events, 'skipped')).toEqual([]);
    const conversations = conversationsOf(events);
    expect(conversations.map((c) => [c.id, c.messages.length])).toEqual([
      ['c1', 3],
      ['c2', 2],
    ]);
    expect(conversations[0]!.messages.map((m) => m.agentName ?? null)).toEqual([null, '小吴', '小吴']);
  });

  it('fills nothing from a title merged across the columns above the header', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('聊天记录');
    sheet.addRow(['会话记录导出（2026-11-07）']);
    sheet.addRow(HEADER);
    sheet.addRow(['c1', '2026-11-07 09:00:00', '访客', '', '在吗']);
    sheet.addRow(['', '2026-11-07 09:00:20', '客服', '小吴', '在的']);
    sheet.mergeCells('A1:E1');
    sheet.mergeCells('A3:A4');
    const events = await readAll('xlsx', binarySource('titled.xlsx', Buffer.from(await book.xlsx.writeBuffer())), OPTIONS);
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(problemsOf(events, 'warning')).toEqual([]);
    expect(conversationsOf(events).map((c) => [c.id, c.messages.length])).toEqual([['c1', 2]]);
  });

  it('fills nothing from a cell merged down from the header row: the column name is not data', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('聊天记录');
    sheet.addRow(HEADER);
    sheet.addRow(['', '2026-11-07 09:00:00', '访客', '', '在吗']);
    sheet.addRow(['', '2026-11-07 09:00:20', '客服', '', '在的']);
    sheet.addRow(['c2', '2026-11-07 10:00:00', '访客', '', '发货了吗']);
    sheet.mergeCells('A1:A3');
    sheet.mergeCells('D1:D3');
    const events = await readAll('xlsx', binarySource('merged-header.xlsx', Buffer.from(await book.xlsx.writeBuffer())), OPTIONS);
    const conversations = conversationsOf(events);
    expect(conversations.map((c) => c.id)).toEqual(['c2']);
    expect(conversations.flatMap((c) => c.messages.map((m) => m.agentName ?? null))).toEqual([null]);
    // Rows 2 and 3 have no conversation id of their own: each is skipped with its line, not read as "会话ID".
    expect(problemsOf(events, 'skipped').map((p) => p.location.line)).toEqual([2, 3]);
    expect(recordsRead(events)).toBe(3);
  });

  it('leaves an empty cell empty where nothing is merged', async () => {
    const events = await read({ 聊天记录: [HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗'], ['', '2026-11-07 09:00:20', '客服', '小吴', '在的']] });
    expect(problemsOf(events, 'skipped')).toHaveLength(1);
    expect(recordsRead(events)).toBe(2);
  });
});

describe('xlsx sheets', () => {
  it('reads a conversation that goes on in the next sheet, and names that sheet in locations', async () => {
    const events = await read({
      聊天记录: [HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗']],
      '聊天记录(2)': [HEADER, ['c1', '2026-11-07 09:00:20', '客服', '小吴', '在的']],
    });
    const [conversation] = conversationsOf(events);
    expect(conversation!.messages.map((m) => `${m.location.file}:${m.location.line}`)).toEqual(['chats.xlsx:2', 'chats.xlsx[聊天记录(2)]:2']);
  });

  it('warns of a sheet without message columns when another sheet was read', async () => {
    const events = await read({ 会话列表: [['会话ID', '访客', '满意度'], ['c1', '访客1', '满意']], 消息: [HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗']] });
    expect(conversationsOf(events)).toHaveLength(1);
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(problemsOf(events, 'warning')[0]!.reason).toMatch(/^工作表 "会话列表"：表头行里没有 text（内容）列.*这个工作表没有读取$/);
  });

  it('skips a workbook none of whose sheets has message columns, saying why, and counts the rows under the header', async () => {
    const events = await read({ 会话列表: [['会话ID', '访客', '满意度'], ['c1', '访客1', '满意'], ['c2', '访客2', '一般']] });
    expect(problemsOf(events, 'skipped')).toEqual([
      { location: { file: 'chats.xlsx', line: 1 }, reason: expect.stringMatching(/^工作表 "会话列表"：表头行里没有 text（内容）列；找到的列："会话ID", "访客", "满意度".*它下面的 2 行都没有读取/) },
    ]);
    // The header row and the two rows under it: 3 records read, 3 skipped.
    expect(recordsRead(events)).toBe(3);
  });
});

describe('xlsx part order', () => {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const monthSheet = (name: string, agent: string, reply: string) => ({
    name,
    sheetData:
      `<row r="1">${['会话ID', '发送者', '客服', '内容'].map((text, i) => inline(`${'ABCD'[i]}1`, text)).join('')}</row>` +
      `<row r="2">${inline('A2', `${name}-1`)}${inline('B2', '客户')}${inline('C2', '')}${shared('D2', 0)}</row>` +
      `<row r="3">${inline('A3', `${name}-1`)}${inline('B3', '客服')}${inline('C3', agent)}${inline('D3', reply)}</row>`,
  });
  const sheets = [monthSheet('9月', '小吴', '您好'), monthSheet('10月', '小林', '在的'), monthSheet('11月', '小周', '马上查')];
  /** The parts stored with these first, in this order, and the others after them as they come. */
  const storedFirst = (parts: Record<string, string>, first: string[]) =>
    storedZip(Object.fromEntries([...first.map((name) => [name, parts[name]!] as const), ...Object.entries(parts).filter(([name]) => !first.includes(name))]));

  it('reads every sheet whatever order the zip stores the workbook, its relationships, shared strings and sheets in', async () => {
    const parts = workbookParts(sheets, ['在吗']);
    const sheetParts = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'];
    const orders = {
      'workbook last, as Excel and exceljs store it': ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', ...sheetParts, 'xl/workbook.xml'],
      'shared strings and relationships first': ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', ...sheetParts],
      'sheets first, in reverse': [...sheetParts].reverse(),
    };
    for (const [order, first] of Object.entries(orders)) {
      const events = await readAll('xlsx', binarySource('months.xlsx', storedFirst(parts, first)));
      expect(problemsOf(events, 'skipped'), order).toEqual([]);
      expect(
        conversationsOf(events).map((c) => [c.id, c.messages.map((m) => `${m.location.file}:${m.location.line} ${m.agentName ?? ''}${m.text}`)]),
        order,
      ).toEqual([
        ['9月-1', ['months.xlsx:2 在吗', 'months.xlsx:3 小吴您好']],
        ['10月-1', ['months.xlsx[10月]:2 在吗', 'months.xlsx[10月]:3 小林在的']],
        ['11月-1', ['months.xlsx[11月]:2 在吗', 'months.xlsx[11月]:3 小周马上查']],
      ]);
    }
  });

  it('reads both sheets of a workbook without shared strings, and no part the workbook does not list', async () => {
    const parts = workbookParts([
      { name: '小吴', sheetData: monthSheet('9月', '小吴', '您好').sheetData.replace(shared('D2', 0), inline('D2', '在吗')) },
      { name: '小林', sheetData: monthSheet('10月', '小林', '滚，爱买不买').sheetData.replace(shared('D2', 0), inline('D2', '在吗')) },
    ]);
    const orphan = monthSheet('旧', '老王', '不在').sheetData.replace(shared('D2', 0), inline('D2', '在吗'));
    const bytes = storedZip({ ...parts, 'xl/worksheets/sheet3.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${orphan}</sheetData></worksheet>` });
    const events = await readAll('xlsx', binarySource('agents.xlsx', bytes));
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(conversationsOf(events).map((c) => [c.id, c.messages.map((m) => `${m.location.file}:${m.location.line} ${m.text}`)])).toEqual([
      ['9月-1', ['agents.xlsx:2 在吗', 'agents.xlsx:3 您好']],
      ['10月-1', ['agents.xlsx[小林]:2 在吗', 'agents.xlsx[小林]:3 滚，爱买不买']],
    ]);
    expect(recordsRead(events)).toBe(4);
  });

  it('skips a sheet the workbook lists but the file lacks, naming it, and reads the others', async () => {
    const parts = workbookParts(sheets, ['在吗']);
    delete parts['xl/worksheets/sheet2.xml'];
    const events = await readAll('xlsx', binarySource('months.xlsx', storedZip(parts)));
    expect(problemsOf(events, 'skipped')).toEqual([
      { location: { file: 'months.xlsx[10月]' }, reason: expect.stringMatching(/^工作簿列出了工作表 "10月"，但文件里没有它的内容（xl\/worksheets\/sheet2\.xml）；这个工作表没有读取/) },
    ]);
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['9月-1', '11月-1']);
    expect(recordsRead(events)).toBe(5);
  });

  it('reads an ExcelJS workbook of four sheets from its file', async () => {
    const book = new ExcelJS.Workbook();
    for (const month of ['8月', '9月', '10月', '11月']) {
      const sheet = book.addWorksheet(month);
      sheet.addRow(HEADER);
      sheet.addRow([`${month}-1`, '2026-11-07 09:00:00', '访客', '', '在吗']);
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'supportlint-xlsx-'));
    const file = path.join(dir, 'months.xlsx');
    await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
    const events = await readAll('xlsx', await openFile(file));
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['8月-1', '9月-1', '10月-1', '11月-1']);
  });
});

describe('xlsx bad input', () => {
  it('skips a row it cannot use, with its row number and why, and reads the others', async () => {
    const events = await read({
      Sheet1: [HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗'], ['c1', '2026-11-07 09:00:10', '客服主管', '老周', '我看看'], ['c1', '昨天', '客服', '小吴', '在的'], ['c1', '2026-11-07 09:00:30', '客服', '小吴', '您好']],
    });
    expect(problemsOf(events, 'skipped').map((p) => [p.location.line, p.reason.split('：')[0]])).toEqual([
      [3, '未知的角色 "客服主管"'],
      [4, '时间 "昨天" 无法识别'],
    ]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['在吗', '您好']);
    expect(recordsRead(events)).toBe(4);
  });

  it('reports a damaged workbook as one skipped record, without throwing', async () => {
    const whole = await workbook({ Sheet1: [HEADER, ['c1', '2026-11-07 09:00:00', '访客', '', '在吗']] });
    for (const bytes of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('PK\u0003\u0004 not really a zip')]) {
      const events = await readAll('xlsx', binarySource('broken.xlsx', bytes));
      expect(problemsOf(events, 'skipped')).toEqual([{ location: { file: 'broken.xlsx' }, reason: expect.stringMatching(/^不是可读取的 XLSX 工作簿/) }]);
    }
  });

  it('says so when the input has no bytes to read a workbook from', async () => {
    const events = await readAll('xlsx', textSource('chats.xlsx', 'PK\u0003\u0004'));
    expect(problemsOf(events, 'skipped')[0]!.reason).toMatch(/要从文件读取/);
  });

  it('the command line reports a truncated workbook and exits 2 when nothing else was read', async () => {
    const result = await runCli(['lint', 'fixtures/broken/truncated.xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fixtures/broken/truncated.xlsx: 不是可读取的 XLSX 工作簿');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('xlsx inline rich text', () => {
  const row = (n: number, cells: string[][]) => `<row r="${n}">${cells.map((runs, i) => inlineCell(`${String.fromCharCode(65 + i)}${n}`, runs)).join('')}</row>`;

  it('keeps every run of an inline string, in order, and leaves out phonetic guides', async () => {
    const sheet =
      row(1, [['会话ID'], ['发送者'], ['内容']]) +
      row(2, [['c-1'], ['客户'], ['我的快递', '三天', '都没动了']]) +
      row(3, [['c-1'], ['客服'], ['实在抱歉，', '我马上帮您查 &amp; 催一下']]) +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>c-1</t></is></c><c r="B4" t="inlineStr"><is><t>客户</t></is></c>' +
      '<c r="C4" t="inlineStr"><is><r><t>好的</t></r><rPh sb="0" eb="2"><t>ハオ</t></rPh><r><t>，谢谢</t></r></is></c></row>';
    const events = await readAll('xlsx', binarySource('rich.xlsx', handWrittenXlsx(sheet)));
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['我的快递三天都没动了', '实在抱歉，我马上帮您查 & 催一下', '好的，谢谢']);
  });

  it('reads a shared string with a phonetic guide as its text, without the guide', async () => {
    const guided = (text: string, guide: string) => `<t>${text}</t><rPh sb="5" eb="7"><t>${guide}</t></rPh><phoneticPr fontId="1" type="noConversion"/>`;
    const sheet = row(1, [['会话ID'], ['发送者'], ['内容']]) + '<row r="2"><c r="A2" t="inlineStr"><is><t>c-1</t></is></c><c r="B2" t="inlineStr"><is><t>客服</t></is></c><c r="C2" t="s"><v>0</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>c-1</t></is></c><c r="B3" t="inlineStr"><is><t>客服</t></is></c><c r="C3" t="s"><v>1</v></c></row>';
    const events = await readAll('xlsx', binarySource('guides.xlsx', handWrittenXlsx(sheet, [guided('这是运营商的问题', 'wen ti'), '<r><t>您</t></r><r><t>换个网络</t></r><rPh sb="0" eb="1"><t>nin</t></rPh>'])));
    expect(problemsOf(events, 'skipped')).toEqual([]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['这是运营商的问题', '您换个网络']);
  });

  it('reads ISO 8601 date cells (t="d") as times in the configured timezone, as text times are', async () => {
    const dated = (n: number, time: string, role: string, text: string) =>
      `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>c-1</t></is></c><c r="B${n}" t="d"><v>${time}</v></c><c r="C${n}" t="inlineStr"><is><t>${role}</t></is></c><c r="D${n}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
    const sheet = row(1, [['会话ID'], ['时间'], ['发送者'], ['内容']]) + dated(2, '2026-11-03T10:00:00', '客户', '在吗') + dated(3, '2026-11-03T10:05:00', '客服', '在的');
    const bytes = handWrittenXlsx(sheet);
    for (const timezone of ['Asia/Shanghai', 'UTC']) {
      const events = await readAll('xlsx', binarySource('dates.xlsx', bytes), { ...OPTIONS, timezone });
      expect(problemsOf(events, 'skipped')).toEqual([]);
      const offset = timezone === 'UTC' ? 'Z' : '+08:00';
      expect(conversationsOf(events)[0]!.messages.map((m) => m.time)).toEqual([Date.parse(`2026-11-03T10:00:00${offset}`), Date.parse(`2026-11-03T10:05:00${offset}`)]);
    }
  });

  it('leaves out phonetic guides that a chunk boundary cuts', async () => {
    const xml = '<sst><si><t>问题</t><rPh sb="0" eb="2"><t>wen ti</t></rPh><phoneticPr fontId="1"/></si><si><t>好</t></si></sst>';
    for (let cut = 1; cut < xml.length; cut += 5) {
      const chunks = [xml.slice(0, cut), xml.slice(cut)];
      let out = '';
      for await (const chunk of phoneticsRemoved((async function* () { yield* chunks; })())) out += chunk.toString('utf8');
      expect(out, `cut at ${cut}`).toBe('<sst><si><t>问题</t></si><si><t>好</t></si></sst>');
    }
  });

  it('joins runs that a chunk boundary cuts, and leaves other XML as it was', async () => {
    const xml = '<row r="1"><c r="A1" t="inlineStr"><is><r><t>前半</t></r><r><t>后半</t></r></is></c><c r="B1"><v>3</v></c></row>';
    for (let cut = 1; cut < xml.length; cut += 7) {
      const bytes = Buffer.from(xml, 'utf8');
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
      let out = '';
      for await (const chunk of inlineRunsJoined((async function* () { yield* chunks; })())) out += chunk.toString('utf8');
      expect(out, `cut at ${cut}`).toBe('<row r="1"><c r="A1" t="inlineStr"><is><t>前半后半</t></is></c><c r="B1"><v>3</v></c></row>');
    }
  });
});
