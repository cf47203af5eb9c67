import { Readable } from 'node:stream';
import { csvRows } from '../adapters/csv-rows.js';
import { parseDirective, textHash, type CannedReply, type Library, type LibraryProblem } from './reply.js';

const COLUMNS = {
  id: ['id', 'key', '编号', 'ID'],
  group: ['group', 'category', '分组', '分类'],
  title: ['title', 'name', 'shortcut', '标题', '名称', '快捷语'],
  text: ['text', 'content', 'reply', '内容', '回复', '话术', '回复内容'],
  disable: ['supportlint-disable'],
} as const;

/**
 * A CSV or TSV library with a header row (分组, 标题, 内容 or group, title, text). A
 * `supportlint-disable` column holds directives for its row: "robot-reply -- 固定开场白".
 * Rows are read as transcripts' are (src/adapters/csv-rows.ts): a row with an unclosed quote is a
 * problem at its line, and the replies after it are still read.
 */
export async function readTableLibrary(file: string, source: string): Promise<Library> {
  const firstLine = source.slice(0, source.indexOf('\n') >= 0 ? source.indexOf('\n') : undefined);
  const delimiter = /\.tsv$/i.test(file) || (firstLine.split('\t').length > firstLine.split(',').length) ? '\t' : ',';
  const rows: Array<{ cells: string[]; line: number }> = [];
  const unreadable: LibraryProblem[] = [];
  for await (const item of csvRows(Readable.from([source]), file, delimiter)) {
    if ('type' in item) unreadable.push({ line: item.location.line, reason: item.reason });
    else rows.push({ cells: item.cells, line: item.location.line ?? 0 });
  }
  const read = readTableRows(file, 'csv', source, rows);
  const library = { ...read, problems: [...unreadable, ...read.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  placeCells(library, source, delimiter, rows.map((row) => row.cells));
  return library;
}

/** One cell of a CSV as written: [start, end) of its text inside any quotes, and its value. */
interface CellSpan {
  start: number;
  end: number;
  value: string;
}

/** The records of a CSV with where each cell's text stands, for --fix. Empty lines are no record, as csv-parse reads them. */
function cellSpans(source: string, delimiter: string): CellSpan[][] {
  const records: CellSpan[][] = [];
  let fields: CellSpan[] = [];
  let at = 0;
  while (at <= source.length) {
    let cell: CellSpan;
    if (source[at] === '"') {
      const start = at + 1;
      let value = '';
      at++;
      while (at < source.length && !(source[at] === '"' && source[at + 1] !== '"')) {
        value += source[at];
        at += source[at] === '"' ? 2 : 1;
      }
      cell = { start, end: at, value };
      at++;
      while (at < source.length && source[at] !== delimiter && source[at] !== '\n' && source[at] !== '\r') at++;
    } else {
      const start = at;
      while (at < source.length && source[at] !== delimiter && source[at] !== '\n' && source[at] !== '\r') at++;
      cell = { start, end: at, value: source.slice(start, at) };
    }
    fields.push(cell);
    if (source[at] === delimiter) {
      at++;
      continue;
    }
    if (source[at] === '\r') at++;
    if (source[at] === '\n') at++;
    if (!(fields.length === 1 && fields[0]!.value === '' && fields[0]!.end === fields[0]!.start)) records.push(fields);
    fields = [];
    if (at >= source.length) break;
  }
  return records;
}

/**
 * Gives each reply of a CSV library the source range of its text cell, so --fix can edit it in
 * place. The cells are found by a scan of the file and used only where the scan reads every
 * record exactly as the CSV parser did.
 */
function placeCells(library: Library, source: string, delimiter: string, parsed: readonly string[][]): void {
  const spans = cellSpans(source, delimiter);
  if (spans.length !== parsed.length || !spans.every((record, index) => record.length === parsed[index]!.length && record.every((cell, column) => cell.value === parsed[index]![column]))) return;
  const header = parsed[0]!.map((name) => name.trim().toLowerCase());
  const textColumn = header.findIndex((name) => COLUMNS.text.some((alias) => alias.toLowerCase() === name));
  // Replies are the data rows with text, in order; rows with empty text were reported, not kept.
  const rows = spans.slice(1).filter((record) => (record[textColumn]?.value ?? '').trim() !== '');
  if (rows.length !== library.replies.length) return;
  rows.forEach((record, index) => {
    const cell = record[textColumn]!;
    library.replies[index]!.sourceRange = [cell.start, cell.end];
  });
}

/** A table of rows from a CSV or a worksheet: a header row, then one reply per row. */
export function readTableRows(file: string, kind: 'csv' | 'xlsx', source: string, rows: ReadonlyArray<{ cells: string[]; line: number }>): Library {
  const problems: LibraryProblem[] = [];
  const [header, ...body] = rows;
  if (!header) return { file, kind, source, replies: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const names = header.cells.map((h) => h.trim());
  const column = (aliases: readonly string[]) => names.findIndex((name) => aliases.some((alias) => alias.toLowerCase() === name.toLowerCase()));
  const at = { id: column(COLUMNS.id), group: column(COLUMNS.group), title: column(COLUMNS.title), text: column(COLUMNS.text), disable: column(COLUMNS.disable) };
  if (at.text < 0) {
    return { file, kind, source, replies: [], problems: [{ line: header.line, reason: `the header row has no reply text column (内容, 话术, text); found ${names.join(', ')}` }] };
  }
  const replies: CannedReply[] = [];
  for (const { cells: record, line } of body) {
    const info = { lines: line };
    const cell = (index: number) => (index >= 0 ? record[index]?.trim() || undefined : undefined);
    const text = record[at.text] ?? '';
    if (text.trim() === '') {
      problems.push({ line: info.lines, column: at.text + 1, reason: 'the reply text is empty' });
      continue;
    }
    const id = cell(at.id);
    const group = cell(at.group);
    const title = cell(at.title);
    const directive = cell(at.disable);
    const suppression = directive ? parseDirective(`supportlint-disable-next-line ${directive}`, info.lines, at.disable + 1) : undefined;
    replies.push({
      id: id ?? (title ? [group, title].filter(Boolean).join('/') : textHash(text)),
      baselineKey: id ?? textHash(text),
      group,
      title,
      text,
      line: info.lines,
      column: at.text + 1,
      suppressions: suppression ? [suppression] : [],
    });
  }
  return { file, kind, source, replies, problems };
}
