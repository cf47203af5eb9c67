import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import type { TableItem } from './table.js';

/**
 * Text re-read after an unclosed quote may reach this many characters plus the size of the file:
 * a file with a few broken quotes is read whole again, and one with a broken quote on every line
 * cannot make the reading quadratic.
 */
const RECOVERY_ALLOWANCE = 8 * 1024 * 1024;
/** Lines of a swallowed field that are compared with the header's width. */
const INNER_LINES_CHECKED = 50;

const LINE_BREAK = /\r\n|\r|\n/g;

/** What csv-parse attaches to a record it skips (`skip_records_with_error`, `raw`). */
interface CsvSkip extends Error {
  code?: string;
  lines?: number;
  records?: number;
  raw?: string;
}

interface CsvReading {
  readonly file: string;
  readonly delimiter: string;
  readonly quoted: boolean;
  /** Cells in the first row (the header): a record that spans lines and differs was swallowed. */
  width?: number;
  /** Characters that may still be re-read (see RECOVERY_ALLOWANCE). */
  allowance: number;
}

function lineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** A record's raw text without the line break that ends it. */
function withoutRecordEnd(raw: string): string {
  return raw.replace(/(?:\r\n|\r|\n)$/, '');
}

/**
 * Whether a record that spans several lines holds rows that an unclosed quote swallowed: its cell
 * count differs from the header's, or a line inside it splits into as many cells as the header
 * has, as a row of the file would. The last line also holds the cells after the field, which a
 * field that spans lines on purpose has there too, so they are not counted.
 */
function swallowed(cells: readonly string[], body: string, reading: CsvReading): boolean {
  const width = reading.width;
  if (width === undefined) return false;
  if (cells.length !== width) return true;
  if (width < 2) return false;
  const lines = withoutRecordEnd(body).split(LINE_BREAK);
  const inner = lines.slice(1, -1).slice(0, INNER_LINES_CHECKED);
  if (inner.some((line) => line.split(reading.delimiter).length === width)) return true;
  const field = cells.findIndex((cell) => /[\r\n]/.test(cell));
  const after = field < 0 ? 0 : cells.length - 1 - field;
  return lines[lines.length - 1]!.split(reading.delimiter).length - after >= width;
}

/**
 * The rows of a CSV text stream; rows csv-parse cannot read come as skips, in file order.
 * `quoted: false` is for exports that never quote (JDDC's raw TSV), where a cell that starts with
 * a quote mark is text, not the start of a quoted cell.
 *
 * An opening quote that is never closed makes the rest of the file, or the rows up to the next
 * stray quote, one field. Such a record is skipped at its first line, with the reason, and the
 * lines after it are read again as rows, so that one broken quote costs one record.
 */
export async function* csvRows(text: NodeJS.ReadableStream, file: string, delimiter: string, quoted = true): AsyncGenerator<TableItem> {
  yield* parseRows(text, 0, { file, delimiter, quoted, allowance: RECOVERY_ALLOWANCE }, true);
}

async function* parseRows(source: NodeJS.ReadableStream | string, lineOffset: number, reading: CsvReading, whole: boolean): AsyncGenerator<TableItem> {
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  const parser = input.pipe(
    parse({ delimiter: reading.delimiter, quote: reading.quoted ? '"' : false, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true, raw: true, skip_records_with_error: true }),
  );
  // csv-parse reports a skipped record at once, ahead of the records still buffered before it.
  const skips: CsvSkip[] = [];
  parser.on('skip', (error: CsvSkip) => skips.push(error));
  // Lines are counted here, from the records' raw text: csv-parse counts CR and LF apart inside a
  // quoted field, which puts every later line of a CRLF file off by one.
  const position = { records: 0, lines: lineOffset };
  for await (const row of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    while (skips.length > 0 && (skips[0]!.records ?? 0) <= position.records) yield* skipped(skips.shift()!, position, reading);
    position.records++;
    if (whole) reading.allowance += row.raw.length;
    const { line, body, inner } = placed(row.raw, position);
    if (inner > 0 && swallowed(row.record, body, reading)) {
      const reason = `这条记录从这一行起跨了 ${inner + 1} 行，有 ${row.record.length} 列（表头有 ${reading.width} 列），而且里面的行本身就像一行记录：多半是这一行有一个没有闭合的英文双引号，把后面的行读进了同一个字段。`;
      yield* recover(body, line, reason, reading);
      continue;
    }
    reading.width ??= row.record.length;
    yield { cells: row.record, location: { file: reading.file, line: line + inner } };
  }
  for (const skip of skips) yield* skipped(skip, position, reading);
}

/**
 * Where a record's raw text starts (its first non-blank line), the text from there, and the line
 * breaks inside it; moves the position past it.
 */
function placed(raw: string, position: { lines: number }): { line: number; body: string; inner: number } {
  const body = raw.replace(/^(?:\r\n|\r|\n)+/, '');
  const line = position.lines + 1 + lineBreaks(raw.slice(0, raw.length - body.length));
  position.lines += lineBreaks(raw);
  return { line, body, inner: lineBreaks(withoutRecordEnd(body)) };
}

/** A record csv-parse gave up on. A quote still open at the end of the text is recovered from. */
async function* skipped(error: CsvSkip, position: { lines: number }, reading: CsvReading): AsyncGenerator<TableItem> {
  if (typeof error.raw === 'string') {
    const { line, body, inner } = placed(error.raw, position);
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const reason = inner > 0
        ? `这一行有一个英文双引号一直没有闭合，后面 ${inner} 行直到文件末尾都被读进了同一个字段。`
        : '这一行有一个英文双引号一直没有闭合，到文件末尾也没有找到配对的引号。';
      yield* recover(body, line, reason, reading);
      return;
    }
    yield { type: 'skipped', location: { file: reading.file, line }, reason: `这一行无法按 CSV 读取（${error.message}）。请检查这一行的引号和分隔符。` };
    return;
  }
  yield { type: 'skipped', location: { file: reading.file }, reason: `有一行无法按 CSV 读取（${error.message}）。请检查引号和分隔符。` };
}

/**
 * Skips the first line of a swallowed record and reads the lines after it again, as rows. Beyond
 * the allowance each of those lines is counted as a skipped record instead, so that none is lost.
 */
async function* recover(body: string, line: number, why: string, reading: CsvReading): AsyncGenerator<TableItem> {
  const firstBreak = body.search(/\r\n|\r|\n/);
  const rest = firstBreak < 0 ? '' : body.slice(firstBreak + (body.startsWith('\r\n', firstBreak) ? 2 : 1));
  const reread = rest.trim() !== '' && rest.length <= reading.allowance;
  yield {
    type: 'skipped',
    location: { file: reading.file, line },
    reason: `${why}这一行已跳过${reread ? '，后面的行已逐行重新读取' : ''}。请检查这一行：字段里的英文双引号要连写两个来表示，或者整个字段不加引号。`,
  };
  if (rest.trim() === '') return;
  if (reread) {
    reading.allowance -= rest.length;
    yield* parseRows(rest, line, reading, false);
    return;
  }
  const lines = withoutRecordEnd(rest).split(LINE_BREAK);
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '') continue;
    yield {
      type: 'skipped',
      location: { file: reading.file, line: line + 1 + index },
      reason: `第 ${line} 行有一个英文双引号没有闭合，这一行被读进了那一行的字段；文件里没有闭合的引号太多，这一行没有重新读取。请修正第 ${line} 行的引号后再读。`,
    };
  }
}
