import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { zipEntries, type ZipSource } from '../io/zip-entries.js';
import type { SourceLocation } from '../model/conversation.js';
import type { Adapter, ReadEvent } from './adapter.js';
import { t } from '../i18n/index.js';
import { tableEvents, withRowsLeft, type CellFill, type TableItem } from './table.js';
import { columnLetters, rowsChecked, type DamagedRow } from './xlsx-rows.js';
import { INSTANT_RANGE, wallClockText } from '../time/instant.js';
import { workbookInOrder, type ListedSheet, type MergedRange } from './xlsx-workbook.js';

/** A zip archive starts with a local file header, "PK\3\4"; an .xlsx is one (ECMA-376 Part 2, OPC). */
const ZIP_SIGNATURE = 'PK\u0003\u0004';

/** Title rows above the header that a console export may carry ("会话记录导出 2026-11-01 至 2026-11-07"). */
const TITLE_ROWS_ALLOWED = 5;

const MB = 1024 * 1024;

/**
 * How large a workbook's parts may be once inflated. A zip can declare, and hold, a part a thousand
 * times its compressed size: a 1.5 MB file that inflates to a 1.5 GB sheet used up all memory and
 * ended the run. The shared strings are held in memory whole (the format needs them for every
 * row); a worksheet is streamed, but one row of it is held whole. An export beyond these limits
 * reads better as CSV, which is streamed line by line.
 */
export const WORKBOOK_LIMITS = { worksheet: 512 * MB, sharedStrings: 128 * MB, workbook: 1024 * MB, row: 16 * MB };

/** A workbook part that inflates beyond WORKBOOK_LIMITS; the message is the reason shown to users. */
export class WorkbookTooLargeError extends Error {}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString('en-US')} MB`;
}

/**
 * Why a workbook is refused before it is opened, from the sizes its zip directory declares, or
 * undefined. An archive without a readable directory is left to exceljs to report.
 */
export async function workbookSizeProblem(file: string, limits = WORKBOOK_LIMITS): Promise<string | undefined> {
  const entries = await zipEntries(file).catch(() => undefined);
  if (!entries) return undefined;
  const advice = '没有读取这个工作簿。请改为导出 CSV（CSV 逐行读取，没有大小上限），或把工作簿拆成几个小的';
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const limit = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name) ? limits.worksheet : /^xl\/sharedStrings\.xml$/i.test(entry.name) ? limits.sharedStrings : undefined;
    if (limit !== undefined && entry.uncompressedSize > limit) {
      return `工作簿里的 ${entry.name} 解压后有 ${megabytes(entry.uncompressedSize)}（压缩时 ${megabytes(entry.compressedSize)}），超过上限 ${megabytes(limit)}；${advice}。`;
    }
  }
  if (total > limits.workbook) return `工作簿解压后共有 ${megabytes(total)}，超过上限 ${megabytes(limits.workbook)}；${advice}。`;
  return undefined;
}

/**
 * A worksheet part's XML passed on as it is, but refused once it grows beyond the worksheet limit,
 * or one row beyond the row limit, whatever the zip directory declared: a directory can lie.
 */
export async function* boundedPart(chunks: AsyncIterable<Buffer | string>, limits = WORKBOOK_LIMITS): AsyncGenerator<Buffer | string> {
  let total = 0;
  let sinceRowEnd = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const rowEnd = text.lastIndexOf('</row>');
    sinceRowEnd = rowEnd < 0 ? sinceRowEnd + chunk.length : chunk.length - rowEnd;
    if (total > limits.worksheet) throw new WorkbookTooLargeError(`工作表解压后超过 ${megabytes(limits.worksheet)} 的上限，没有读完。请改为导出 CSV，或把工作簿拆成几个小的。`);
    if (sinceRowEnd > limits.row) throw new WorkbookTooLargeError(`工作表中有一行解压后超过 ${megabytes(limits.row)}，没有读完。请检查这一行（多半是文件损坏或被刻意做大），或改为导出 CSV。`);
    yield chunk;
  }
}

/** The subset of exceljs's streaming worksheet reader this adapter uses. */
interface SheetReader extends AsyncIterable<{ number: number; values: unknown[] }> {
  name: string;
  /** The worksheet part's XML, as exceljs will read it once the rows are asked for. */
  iterator?: AsyncIterable<Buffer | string>;
}

/** An inline string element, `<is>…</is>` (ECMA-376 Part 1, 18.3.1.53), from its start tag to its end tag. */
const INLINE_STRING = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/g;
/** Where an inline string that a chunk cuts off begins, so that it is finished with the next chunk. */
const INLINE_STRING_START = /<is(?:[\s>]|$)|<i?$/;
/** An inline string longer than this is passed on as it is: a damaged part must not be held whole. */
const MAX_INLINE_STRING = 1 << 20;
const PHONETIC_RUN = /<rPh\b[\s\S]*?<\/rPh>/g;
const TEXT_ELEMENT = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

/**
 * An inline string as one text element: the texts of its runs (`<r><t>…</t></r>`), in order, without
 * the phonetic guides (`<rPh>`). exceljs's streaming reader keeps only the last `<t>` of an `<is>`,
 * so a cell written as several runs (bold words, a coloured part) lost all but its last run. The
 * text stays escaped as it was written, for exceljs to decode.
 */
export function joinInlineRuns(xml: string): string {
  return xml.replace(INLINE_STRING, (_whole, inner: string) => {
    const texts = [...inner.replace(PHONETIC_RUN, '').matchAll(TEXT_ELEMENT)].map((m) => m[1]!);
    return `<is><t>${texts.join('')}</t></is>`;
  });
}

/**
 * A part's XML passed on chunk by chunk through `edit`, with the text from `holdFrom(text)` on held
 * back until the next chunk completes it (an element that `edit` must see whole).
 */
async function* editedInChunks(chunks: AsyncIterable<Buffer | string>, holdFrom: (text: string) => number, edit: (xml: string) => string): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const cut = holdFrom(text);
    carry = text.slice(cut);
    const ready = text.slice(0, cut);
    if (ready !== '') yield Buffer.from(edit(ready), 'utf8');
  }
  const rest = carry + decoder.end();
  if (rest !== '') yield Buffer.from(edit(rest), 'utf8');
}

/** A worksheet part's XML with each inline string's runs joined (see joinInlineRuns), chunk by chunk. */
export function inlineRunsJoined(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  // Hold back an inline string that is not closed yet (or a tag cut short before its name).
  const holdFrom = (text: string) => {
    let cut = text.length;
    const lastOpen = text.lastIndexOf('<is');
    if (lastOpen >= 0 && text.length - lastOpen <= MAX_INLINE_STRING && text.indexOf('</is>', lastOpen) < 0 && INLINE_STRING_START.test(text.slice(lastOpen, lastOpen + 4))) cut = lastOpen;
    const tail = /<i?$/.exec(text);
    if (tail && tail.index < cut) cut = tail.index;
    return cut;
  };
  return editedInChunks(chunks, holdFrom, joinInlineRuns);
}

/** A phonetic guide (`<rPh>`, 18.4.6) or its settings (`<phoneticPr>`, 18.4.3) in a string item. */
const PHONETICS = /<rPh\b[\s\S]*?<\/rPh>|<phoneticPr\b[^>]*?(?:\/>|>[\s\S]*?<\/phoneticPr>)/g;

/**
 * The shared-string part's XML without phonetic guides, chunk by chunk. exceljs takes the text of
 * every `<t>` in a string item, and the guide's (拼音指南, furigana) came last: "这是运营商的问题"
 * with a guide over 问题 was read as the guide's "wen ti". A guide longer than MAX_INLINE_STRING is
 * passed on as it is: a damaged part must not be held whole.
 */
export function phoneticsRemoved(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  // Hold back a guide that is not closed yet, and a tag cut short.
  const holdFrom = (text: string) => {
    let cut = text.length;
    const lastGuide = Math.max(text.lastIndexOf('<rPh'), text.lastIndexOf('<phoneticPr'));
    if (lastGuide >= 0 && text.length - lastGuide <= MAX_INLINE_STRING && !/<\/rPh>|\/>|<\/phoneticPr>/.test(text.slice(lastGuide))) cut = lastGuide;
    const openTag = text.lastIndexOf('<');
    if (openTag >= 0 && openTag < cut && text.indexOf('>', openTag) < 0) cut = openTag;
    return cut;
  };
  return editedInChunks(chunks, holdFrom, (xml) => xml.replace(PHONETICS, ''));
}

/**
 * exceljs's workbook reader, made to read the shared strings without their phonetic guides (see
 * phoneticsRemoved). It reads that part in a method of its own, which is wrapped here.
 */
function withoutPhoneticGuides(workbook: object): void {
  const reader = workbook as { _parseSharedStrings?: (entry: Readable) => AsyncGenerator<unknown> };
  const parseSharedStrings = reader._parseSharedStrings;
  if (typeof parseSharedStrings !== 'function') return;
  reader._parseSharedStrings = function (this: unknown, entry: Readable) {
    return parseSharedStrings.call(this, Readable.from(phoneticsRemoved(entry), { objectMode: false }));
  };
}

/**
 * A cell's value as text. exceljs gives strings, numbers, booleans, Dates (for cells with a date
 * format), rich text `{richText: [{text}]}`, formulas `{formula, result}`, hyperlinks `{text}` and
 * errors `{error}`. A date cell holds a wall-clock time with no zone (Excel stores a day serial, and
 * exceljs reads it as if it were UTC), so it is written back as a naive local time for the
 * configured timezone to place.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : wallClockText(value.getTime());
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text?: string }>; result?: unknown; text?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
  }
  return '';
}

/** A date-formatted cell whose number is no date at all (1e308, NaN): exceljs gives an invalid Date. */
function unreadableCell(values: readonly unknown[], rowNumber: number): { kind: 'date'; cell: string } | undefined {
  for (let column = 1; column < values.length; column++) {
    const value = values[column];
    const date = value && typeof value === 'object' && 'result' in value ? (value as { result?: unknown }).result : value;
    if (date instanceof Date && Number.isNaN(date.getTime())) return { kind: 'date', cell: `${columnLetters(column)}${rowNumber}` };
  }
  return undefined;
}

/** Error cells (#REF!, #N/A, a formula whose result is one): read as empty, and each named. */
function cellErrors(values: readonly unknown[], rowNumber: number): Array<{ cell: string; error: string }> {
  const errors: Array<{ cell: string; error: string }> = [];
  for (let column = 1; column < values.length; column++) {
    const value = values[column] as { error?: unknown; result?: { error?: unknown } } | null | undefined;
    if (!value || typeof value !== 'object') continue;
    const error = value.error ?? (value.result && typeof value.result === 'object' ? value.result.error : undefined);
    if (typeof error === 'string') errors.push({ cell: `${columnLetters(column)}${rowNumber}`, error: error.slice(0, 16) });
  }
  return errors;
}

/**
 * Formula cells saved without their result: a workbook written by a program rather than by Excel
 * (which stores every result) holds only the formula, and the cell reads as empty.
 */
function uncomputedFormulas(values: readonly unknown[], rowNumber: number): string[] {
  const cells: string[] = [];
  for (let column = 1; column < values.length; column++) {
    const value = values[column] as { formula?: unknown; sharedFormula?: unknown; result?: unknown } | null | undefined;
    if (!value || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) continue;
    if (value.result === undefined || value.result === null) cells.push(`${columnLetters(column)}${rowNumber}`);
  }
  return cells;
}

/**
 * Waits for the next item of exceljs's reader, but gives up when it stalls. Some damaged archives
 * make the streaming unzip wait for data that never comes, without an error: the promise would
 * simply never settle. A stall is told from slow work by the process's own CPU time: after the
 * file has been read to its end, three seconds in which the process does next to no work mean that
 * nothing is left to wait for. A busy machine only slows the work down; it does not trip this.
 */
async function* unstalled<T>(items: AsyncIterable<T>, source: Readable): AsyncGenerator<T> {
  // A source can end before a sheet's rows are asked for (a small workbook is read ahead whole).
  let sourceEnded = source.readableEnded || source.destroyed;
  const markEnd = () => (sourceEnded = true);
  source.once('end', markEnd);
  source.once('close', markEnd);
  const iterator = items[Symbol.asyncIterator]();
  const WINDOW_MS = 3000;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_resolve, reject) => {
      let windowStart = Date.now();
      let cpuAtWindowStart = process.cpuUsage();
      timer = setInterval(() => {
        const elapsed = Date.now() - windowStart;
        if (elapsed < WINDOW_MS) return;
        const used = process.cpuUsage(cpuAtWindowStart);
        const busyMs = (used.user + used.system) / 1000;
        if (sourceEnded && busyMs < elapsed * 0.02) reject(new Error('the archive stops in the middle of a part: the file is damaged or cut short'));
        windowStart = Date.now();
        cpuAtWindowStart = process.cpuUsage();
      }, 250);
    });
    try {
      const next = await Promise.race([iterator.next(), stalled]);
      if (next.done) return;
      yield next.value;
    } finally {
      clearInterval(timer);
    }
  }
}

/**
 * Cells merged down a column read as the top one: consoles that export 聊天记录 for people merge the
 * 会话ID (and time, agent) cell over the rows of one conversation, and leave the cells it covers
 * empty in the file. A merge across columns only (a title row over the table) fills nothing: a
 * title copied into every column would read as a header.
 */
class MergedCells {
  private next = 0;
  /** Ranges the rows have reached, with their top-left value once its row was read. */
  private active: Array<{ range: MergedRange; value: unknown }> = [];

  constructor(private readonly ranges: readonly MergedRange[]) {}

  /**
   * The row's values (1-based, sparse) with the empty cells of merged ranges filled in, and which
   * cells were filled from which row: a range that starts on the header row must fill nothing, and
   * only the table reader knows which row that is.
   */
  filled(row: number, values: readonly unknown[]): { values: unknown[]; fills?: CellFill[] } {
    this.active = this.active.filter(({ range }) => range.bottom >= row);
    while (this.next < this.ranges.length && this.ranges[this.next]!.top <= row) {
      const range = this.ranges[this.next++]!;
      if (range.bottom >= row) this.active.push({ range, value: range.top === row ? values[range.left] : undefined });
    }
    if (this.active.length === 0) return { values: values as unknown[] };
    const out = [...values];
    const fills: CellFill[] = [];
    for (const { range, value } of this.active) {
      const column = range.left;
      if (row === range.top || value === undefined || value === null) continue;
      if (out[column] === undefined || out[column] === null || out[column] === '') {
        out[column] = value;
        fills.push({ cell: column - 1, fromLine: range.top });
      }
    }
    return fills.length > 0 ? { values: out, fills } : { values: out };
  }
}

/**
 * The sheet's rows as cell texts, in order, with the rows that rowsChecked took out of the XML put
 * back in their place as skipped records: `damaged` fills while exceljs reads ahead of this loop.
 */
async function* sheetRows(sheet: SheetReader, file: string, source: Readable, damaged: DamagedRow[], merges: readonly MergedRange[] = []): AsyncGenerator<TableItem> {
  const merged = new MergedCells(merges);
  const skippedBefore = function* (row: number): Generator<TableItem> {
    while (damaged.length > 0 && damaged[0]!.row < row) {
      const bad = damaged.shift()!;
      yield { type: 'skipped', location: { file, line: bad.row }, reason: bad.reason };
    }
  };
  for await (const row of unstalled(sheet, source)) {
    yield* skippedBefore(row.number);
    // row.values is 1-based and sparse: index 0 is always empty, and so are blank cells.
    const { values, fills } = merged.filled(row.number, Array.isArray(row.values) ? row.values : []);
    const location = { file, line: row.number };
    const problem = unreadableCell(values, row.number);
    if (problem?.kind === 'date') {
      yield { type: 'skipped', location, reason: t('xlsx.badDateCell', { cell: problem.cell, from: INSTANT_RANGE.fromYear, until: INSTANT_RANGE.untilYear }) };
      continue;
    }
    for (const error of cellErrors(values, row.number)) yield { type: 'warning', location, reason: t('xlsx.errorCell', error) };
    for (const cell of uncomputedFormulas(values, row.number)) yield { type: 'warning', location, reason: t('xlsx.uncomputedFormula', { cell }) };
    const cells: string[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
    yield fills ? { cells, location, fills } : { cells, location };
  }
  yield* skippedBefore(Infinity);
}

/**
 * XLSX workbooks exported by support consoles (七鱼, 美洽, Udesk, 智齿 all offer 聊天记录 as
 * .xlsx): each worksheet is a table with a header row, read exactly as the CSV reader reads one
 * (src/adapters/table.ts), with the same column names (会话ID, 时间, 发送者/角色, 客服, 内容 …).
 *
 * An .xlsx is a zip, so the decoded `head` is useless beyond its first bytes: detection looks for
 * the zip signature and the .xlsx name or the workbook's part names, and reading takes the raw
 * bytes from `InputSource.bytes()`. The workbook is streamed by exceljs's WorkbookReader, one row
 * at a time; its shared-string table (every distinct cell text) is held in memory, as the format
 * requires. exceljs is loaded only when a workbook is read, so it costs the other formats nothing.
 *
 * Every worksheet whose header names a text and a role column is read; rows of the second and later
 * sheets are located as `file[sheet name]:row`. A sheet without such a header (a summary sheet, a
 * 会话列表) is reported as a warning when another sheet was read, and as a skipped record when none
 * was. Dates in date-formatted cells are naive local times; text times go through parseInstant.
 */
export const xlsxAdapter: Adapter = {
  name: 'xlsx',
  description: 'XLSX workbook with a header row per sheet (会话ID, 时间, 发送者/角色, 客服, 内容), as 七鱼/美洽/Udesk/智齿 consoles export',
  layout: 'messages',
  detect(head, fileName) {
    if (!head.startsWith(ZIP_SIGNATURE)) return 0;
    if (/\.xls[xm]$/i.test(fileName)) return 0.95;
    return head.includes('xl/workbook.xml') || head.includes('xl/worksheets/') ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const whole: SourceLocation = { file: input.name };
    if (!input.bytes) {
      yield { type: 'skipped', location: whole, reason: t('xlsx.textOnly') };
      return;
    }
    const tooLarge = input.path ? await workbookSizeProblem(input.path) : undefined;
    if (tooLarge) {
      yield { type: 'skipped', location: whole, reason: tooLarge };
      return;
    }
    const problems: Array<{ skipped: Extract<ReadEvent, { type: 'skipped' }>; note: string }> = [];
    let sheetsRead = 0;
    let sheetIndex = 0;
    // Whether anything of the workbook reached the caller before it broke: only then were rows read.
    let eventsRead = 0;
    let bytes: Readable | undefined;
    let missingSheets: Array<ListedSheet & { part: string }>;
    try {
      const ordered = await workbookInOrder(input.path ?? (await wholeBytes(input.bytes())));
      bytes = ordered?.bytes ?? input.bytes();
      const listed: ListedSheet[] | undefined = ordered?.sheets;
      missingSheets = ordered?.missing ?? [];
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
      // Without a shared-string table, exceljs puts every worksheet aside in a temporary file and
      // reads them after the archive's end, where it lost all but the first: an empty table (which
      // the workbook's own table replaces) makes it read each worksheet as it comes.
      if (ordered) (workbook as unknown as { sharedStrings?: unknown[] }).sharedStrings = [];
      withoutPhoneticGuides(workbook);
      for await (const worksheet of unstalled(workbook as AsyncIterable<unknown>, bytes)) {
        const sheet = worksheet as unknown as SheetReader;
        const damaged: DamagedRow[] = [];
        const sharedStrings = () => (workbook as unknown as { sharedStrings?: unknown[] }).sharedStrings?.length ?? 0;
        if (sheet.iterator) sheet.iterator = rowsChecked(inlineRunsJoined(boundedPart(sheet.iterator)), sharedStrings, (row) => damaged.push(row));
        // The parts were renamed in the workbook's order, so exceljs's own sheet names may not match them.
        if (listed) sheet.name = listed[sheetIndex]?.name ?? sheet.name;
        const file = sheetIndex++ === 0 ? input.name : `${input.name}[${sheet.name}]`;
        const outcome = yield* counted(
          tableEvents(sheetRows(sheet, file, bytes, damaged, listed?.[sheetIndex - 1]?.merges), options, {
            fallbackConversationId: file,
            exactColumns: false,
            titleRowsAllowed: TITLE_ROWS_ALLOWED,
            ignoreBlankRows: true,
          }),
          () => eventsRead++,
        );
        if (!outcome.ok) {
          // Its rows count as skipped when no sheet is read; beside a sheet that is, it is a note.
          const skipped = withRowsLeft(outcome);
          problems.push({
            skipped: { ...skipped, reason: t('xlsx.sheet', { sheet: sheet.name, reason: skipped.reason }) },
            note: t('xlsx.sheet', { sheet: sheet.name, reason: outcome.problem.reason }),
          });
        }
        else if (outcome.headerFound) sheetsRead++;
      }
    } catch (error) {
      bytes?.destroy();
      if (error instanceof WorkbookTooLargeError) {
        yield { type: 'skipped', location: whole, reason: `${error.message}${eventsRead > 0 ? '此前的行已经读取。' : ''}` };
        return;
      }
      const readSoFar = eventsRead > 0 ? t('xlsx.readSoFar') : '';
      yield { type: 'skipped', location: whole, reason: t('xlsx.unreadable', { reason: (error as Error).message, readSoFar }) };
      return;
    }
    for (const sheet of missingSheets) {
      yield { type: 'skipped', location: { file: `${input.name}[${sheet.name}]` }, reason: t('xlsx.sheetMissing', { sheet: sheet.name, part: sheet.part || '?' }) };
    }
    for (const { skipped, note } of problems) {
      if (sheetsRead > 0) yield { type: 'warning', location: skipped.location, reason: t('xlsx.sheetNotRead', { reason: note }) };
      else yield skipped;
    }
    if (sheetIndex === 0 && missingSheets.length === 0) yield { type: 'skipped', location: whole, reason: t('xlsx.noSheets') };
  },
};

/** An input's bytes held whole, for an input that is not a file the zip directory can be read from. */
async function wholeBytes(stream: Readable): Promise<ZipSource> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** Passes a generator's events on, calling `onEvent` for each, and returns what it returns. */
async function* counted<T, R>(source: AsyncGenerator<T, R>, onEvent: () => void): AsyncGenerator<T, R> {
  for (;;) {
    const step = await source.next();
    if (step.done) return step.value;
    onEvent();
    yield step.value;
  }
}
