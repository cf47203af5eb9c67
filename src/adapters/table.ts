import type { SourceLocation } from '../model/conversation.js';
import type { Adapter, AdapterOptions, FieldName, ReadEvent } from './adapter.js';
import { csvRows } from './csv-rows.js';
import { FIELD_ALIASES } from './fields.js';
import { list, t } from '../i18n/index.js';
import { excelSerialNoter, recordToMessage } from './record.js';

function firstLine(head: string): string {
  const end = head.indexOf('\n');
  return (end < 0 ? head : head.slice(0, end)).replace(/^\ufeff/, '').replace(/\r$/, '');
}

/**
 * The delimiter a first line `sep=,` names (Excel writes it, also `sep=;` and `sep=<tab>`, and
 * reads `sep=\t` alike); such a line is not a row, and the header is on the line after it.
 */
function excelSeparator(head: string): string | undefined {
  const match = /^sep=(\\t|.)$/i.exec(firstLine(head));
  return match ? (match[1] === '\\t' ? '\t' : match[1]) : undefined;
}

/** The header line and the delimiter of a table's sample. */
function headerOf(head: string, fileName: string): { header: string; delimiter: string; separatorLine: boolean } {
  const separator = excelSeparator(head);
  if (separator === undefined) {
    const header = firstLine(head);
    return { header, delimiter: guessDelimiter(header, fileName), separatorLine: false };
  }
  const end = head.indexOf('\n');
  return { header: end < 0 ? '' : firstLine(head.slice(end + 1)), delimiter: separator, separatorLine: true };
}

/** The rows after the `sep=` line, which csv-parse reads as a row of its own at line 1. */
async function* afterSeparatorLine(rows: AsyncGenerator<TableItem>): AsyncGenerator<TableItem> {
  let first = true;
  for await (const item of rows) {
    const isSeparator = first && !('type' in item) && item.location.line === 1;
    first = false;
    if (!isSeparator) yield item;
  }
}

function guessDelimiter(header: string, fileName: string): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const counts = [',', '\t', ';', '|'].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

function normalizeHeader(name: string): string {
  return name.trim().replace(/^"|"$/g, '').trim();
}

/** A field map value that names a column by its 1-based number ("7"), not by its header. */
export function columnNumber(column: string): number | undefined {
  return /^[1-9]\d*$/.test(column.trim()) ? Number(column.trim()) : undefined;
}

/** Which canonical field a header names, by configured map or alias. */
function fieldOfHeader(header: string, fieldMap: AdapterOptions['fieldMap']): FieldName | undefined {
  for (const [field, column] of Object.entries(fieldMap)) if (column === header) return field as FieldName;
  const lowered = header.toLowerCase();
  for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
    if (field === 'messages') continue;
    if (aliases.some((a) => a.toLowerCase() === lowered)) return field as FieldName;
  }
  return undefined;
}

/**
 * Fields mapped to a column number that no header is named after (`--map text=7`), as
 * [field, 1-based column]. A header that is literally named "7" wins over the 7th column.
 */
function columnsByNumber(headers: readonly string[], fieldMap: AdapterOptions['fieldMap']): Array<[FieldName, number]> {
  const byNumber: Array<[FieldName, number]> = [];
  for (const [field, column] of Object.entries(fieldMap)) {
    const number = columnNumber(column);
    if (number !== undefined && !headers.includes(column)) byNumber.push([field as FieldName, number]);
  }
  return byNumber;
}

/**
 * Where the messages of a cell end: the parts of a text joined with the configured separator
 * (JDDC joins an agent's consecutive replies with "!@@@!"), in order. `NULL`, the way SQL dumps
 * write a missing value (JDDC: no reply), and empty parts between separators are no message.
 */
export function messageTexts(text: string, separator: string | undefined): string[] {
  if (text.trim() === 'NULL') return [];
  if (!separator || !text.includes(separator)) return [text];
  return text.split(separator).map((part) => part.trim()).filter((part) => part !== '' && part !== 'NULL');
}

/** A cell (0-based) that a merged range filled with the value of the range's top row (`fromLine`). */
export interface CellFill {
  cell: number;
  fromLine: number;
}

/**
 * One row of a table, as cell texts, or a row the table parser could not read. `fills`: the cells
 * an XLSX merge filled in, which are left empty when the merge starts on or above the header row.
 */
export type TableItem = { cells: string[]; location: SourceLocation; fills?: readonly CellFill[] } | Extract<ReadEvent, { type: 'skipped' | 'warning' }>;

export interface TableReadOptions {
  /** The conversation id of every row when the table has no conversation column. */
  fallbackConversationId: string;
  /** Rows must have as many cells as the header (CSV: a different count means a broken row). */
  exactColumns: boolean;
  /** Rows of at most one filled cell above the header (an export's title) are passed over: they hold no record. */
  titleRowsAllowed: number;
  /** Rows with no filled cell hold nothing and are passed over (XLSX keeps formatted empty rows). */
  ignoreBlankRows: boolean;
}

/** How a table ended: read, or stopped at a header it could not use, with the rows under it left unread. */
export type TableOutcome = { ok: true; headerFound: boolean } | { ok: false; problem: Extract<ReadEvent, { type: 'skipped' }>; rowsLeft: number };

/** The data rows after a header that could not be used: none is read, but each is a record the summary must count. */
async function rowsLeftIn(rows: AsyncIterator<TableItem>, ignoreBlankRows: boolean): Promise<number> {
  let count = 0;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const row = next.value;
    if ('type' in row) continue;
    if (ignoreBlankRows && row.cells.every((cell) => cell.trim() === '')) continue;
    count++;
  }
  return count;
}

/**
 * Turns the rows of a table into message events. Shared by the CSV/TSV reader and the XLSX reader,
 * which differ only in how they get rows. With a header row (the default) columns are found by
 * name, or by number for a field mapped to one (`--map text=7`); with `header: false` every row
 * is data and the field map names columns by number. When the columns cannot be found, reading
 * stops and the problem is returned for the caller to report.
 */
export async function* tableEvents(rows: AsyncIterable<TableItem>, options: AdapterOptions, table: TableReadOptions): AsyncGenerator<ReadEvent, TableOutcome> {
  const headerless = options.header === false;
  let headers: string[] | undefined;
  // The header's line: a merged cell that starts there (or above) holds a column name, not data.
  let headerLine = 0;
  let byNumber: Array<[FieldName, number]> = [];
  let conversationColumn = false;
  let titleRows = 0;
  let lastTitle: SourceLocation | undefined;
  /**
   * A title block may hold rows of several cells ("导出人：…", "导出时间：…"). The first such row is
   * kept as the problem to report, with the rows passed over since, until a header shows up within
   * the title rows allowed: then they were titles. If none does, reading stops at that first row as
   * if no row had been passed over, and every row after it is counted as left unread.
   */
  let firstWideTitle: { problem: Extract<ReadEvent, { type: 'skipped' }>; rowsAfter: number } | undefined;
  /** A header row without a conversation column, noted with the first row read under it. */
  let unnamedConversations: Extract<ReadEvent, { type: 'warning' }> | undefined;
  const serialNote = excelSerialNoter(options.timezone);
  // Iterated by hand: when the header cannot be used, the rows under it are still counted (rowsLeftIn).
  const iterator = rows[Symbol.asyncIterator]();
  const stop = async (problem: Extract<ReadEvent, { type: 'skipped' }>): Promise<TableOutcome> => ({ ok: false, problem, rowsLeft: await rowsLeftIn(iterator, table.ignoreBlankRows) });
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const row = next.value;
    if ('type' in row) {
      yield row;
      continue;
    }
    const location = row.location;
    if (!headers && headerless) {
      if (table.ignoreBlankRows && row.cells.every((cell) => cell.trim() === '')) continue;
      const problem = headerlessProblem(options.fieldMap, row.cells.length);
      if (problem) return stop({ type: 'skipped', location, reason: problem });
      // The first row sets the width every row must have, as a header row would.
      headers = row.cells.map((_, i) => String(i + 1));
      conversationColumn = options.fieldMap.conversation !== undefined;
    } else if (!headers) {
      const candidate = row.cells.map(normalizeHeader);
      const numbered = columnsByNumber(candidate, options.fieldMap);
      const fields = new Set([...candidate.map((h) => fieldOfHeader(h, options.fieldMap)), ...numbered.map(([field]) => field)]);
      const outside = numbered.find(([, number]) => number > candidate.length);
      if (outside && (fields.has('text') || fields.has('role'))) {
        return stop({ type: 'skipped', location, reason: t('table.mapOutside', { field: outside[0]!, column: outside[1]!, count: candidate.length }) });
      }
      if (fields.has('text') && fields.has('role')) {
        firstWideTitle = undefined;
        headers = candidate;
        headerLine = location.line ?? 0;
        byNumber = numbered;
        conversationColumn = fields.has('conversation');
        if (!conversationColumn) unnamedConversations = noConversationColumnWarning(candidate, location, table.fallbackConversationId);
        for (const warning of duplicateHeaderWarnings(candidate, location)) yield warning;
        continue;
      }
      const filled = candidate.filter((h) => h !== '').length;
      const problem: Extract<ReadEvent, { type: 'skipped' }> = {
        type: 'skipped',
        location,
        // Name the field that is missing, and the --map that supplies it.
        reason: t('table.headerMissing', {
          field: !fields.has('text') ? 'text' : 'role',
          label: !fields.has('text') ? t('table.field.text') : t('table.field.role'),
          // Each in quotes: a headerless file's first row is data, and --redact replaces quoted values.
          found: candidate.filter((h) => h !== '').map((h) => `"${h.replace(/"/gu, '＂')}"`).join(', '),
        }),
      };
      if (firstWideTitle && filled > 0) firstWideTitle.rowsAfter++;
      if (titleRows < table.titleRowsAllowed) {
        if (filled === 0) continue;
        titleRows++;
        lastTitle = location;
        if (filled > 1) firstWideTitle ??= { problem, rowsAfter: 0 };
        continue;
      }
      if (firstWideTitle) {
        const { problem: first, rowsAfter } = firstWideTitle;
        return { ok: false, problem: first, rowsLeft: rowsAfter + (await rowsLeftIn(iterator, table.ignoreBlankRows)) };
      }
      return stop(problem);
    }
    const cells = row.fills?.some((fill) => fill.fromLine <= headerLine)
      ? row.cells.map((cell, i) => (row.fills!.some((fill) => fill.cell === i && fill.fromLine <= headerLine) ? '' : cell))
      : row.cells;
    if (table.ignoreBlankRows && cells.every((cell) => cell.trim() === '')) continue;
    if (unnamedConversations) {
      yield unnamedConversations;
      unnamedConversations = undefined;
    }
    if (table.exactColumns && cells.length !== headers.length) {
      yield { type: 'skipped', location, reason: t(headerless ? 'table.columnsFirstRow' : 'table.columnsHeader', { expected: headers.length, found: cells.length }) };
      continue;
    }
    // A header called "__proto__" must be a column like any other, not the record's prototype.
    const record: Record<string, string> = Object.create(null);
    if (headerless) cells.forEach((cell, i) => (record[String(i + 1)] = cell));
    else {
      // A column name the header repeats reads its first column (see duplicateHeaderWarnings).
      headers.forEach((h, i) => {
        if (h !== '' && !(h in record)) record[h] = cells[i] ?? '';
      });
      for (const [, number] of byNumber) record[String(number)] = cells[number - 1] ?? '';
    }
    const result = recordToMessage(record, options, location);
    if (!result.ok) {
      yield { type: 'skipped', location, reason: result.reason };
      continue;
    }
    const conversationId = conversationColumn ? result.conversationId : table.fallbackConversationId;
    if (!conversationId) {
      yield { type: 'skipped', location, reason: t('table.emptyConversation') };
      continue;
    }
    const note = serialNote(result, location);
    if (note) yield note;
    const texts = messageTexts(result.message.text, options.splitMessages);
    if (texts.length === 0) {
      // Understood, and holds no message (NULL: JDDC's "no reply").
      yield { type: 'record', location };
      continue;
    }
    for (const [index, text] of texts.entries()) {
      const message = texts.length === 1 ? result.message : { ...result.message, text };
      yield { type: 'message', conversationId, message, channel: result.channel, records: index === 0 ? 1 : 0 };
    }
  }
  if (!headers && firstWideTitle) return { ok: false, problem: firstWideTitle.problem, rowsLeft: firstWideTitle.rowsAfter };
  if (!headers && lastTitle) {
    return { ok: false, problem: { type: 'skipped', location: lastTitle, reason: t('table.noHeaderUnderTitle') }, rowsLeft: 0 };
  }
  return { ok: true, headerFound: headers !== undefined };
}

/**
 * A header that names two columns alike (two 内容 columns) is read by the first rule: the first
 * column of that name is the one read, and the later ones are ignored. Each repeated name is
 * warned about once, with its column numbers and how to read another of them.
 */
function duplicateHeaderWarnings(headers: readonly string[], location: SourceLocation): Array<Extract<ReadEvent, { type: 'warning' }>> {
  const columns = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h !== '') columns.set(h, [...(columns.get(h) ?? []), i + 1]);
  });
  const warnings: Array<Extract<ReadEvent, { type: 'warning' }>> = [];
  for (const [name, numbers] of columns) {
    if (numbers.length < 2) continue;
    const others = numbers.slice(1).map((n) => `第 ${n} 列`).join('、');
    warnings.push({
      type: 'warning',
      location,
      reason: `表头里的列名“${name}”出现了 ${numbers.length} 次（第 ${numbers.join('、')} 列）：只读第一个（第 ${numbers[0]} 列），${others}被忽略。请给这些列改成不同的名字，或用 --map <字段>=<列号> 按列号指定要读的列（例如 --map text=${numbers[1]}）。`,
    });
  }
  return warnings;
}

/** The usual names of a conversation id column, as a note shows them. */
const CONVERSATION_COLUMN_EXAMPLES = ['conversation_id', 'session_id', 'chat_id', '会话ID', '会话编号', '工单号'];

/**
 * Every row of a table without a conversation column is one conversation, named by the file: a
 * note says so, with the columns the header has and the names a conversation column goes by, since
 * a file of many conversations (a column named in a way no alias knows) is then read as one.
 */
function noConversationColumnWarning(headers: readonly string[], location: SourceLocation, id: string): Extract<ReadEvent, { type: 'warning' }> {
  return {
    type: 'warning',
    location,
    reason: t('table.noConversationColumn', {
      found: headers.filter((h) => h !== '').map((h) => `"${h.replace(/"/gu, '＂')}"`).join(', '),
      expected: list(CONVERSATION_COLUMN_EXAMPLES),
      id,
    }),
  };
}

/** Why a table without a header row cannot be read with this field map, if it cannot. */
function headerlessProblem(fieldMap: AdapterOptions['fieldMap'], width: number): string | undefined {
  for (const [field, column] of Object.entries(fieldMap)) {
    const number = columnNumber(column);
    if (number === undefined) return t('table.headerlessByName', { field, column });
    if (number > width) return t('table.headerlessBeyond', { field, column, width });
  }
  const missing = (['text', 'role'] as const).filter((field) => fieldMap[field] === undefined);
  if (missing.length > 0) return t('table.headerlessMissing', { fields: list(missing), maps: missing.map((f) => `--map ${f}=<n>`).join(' ') });
  return undefined;
}

/** Generic CSV/TSV with English or Chinese headers: one message per row. */
export const tableAdapter: Adapter = {
  name: 'csv',
  description: 'CSV/TSV with a header row (会话ID, 时间, 角色, 客服, 内容 or conversation_id, time, role, agent, text)',
  layout: 'messages',
  detect(head, fileName) {
    const { header, delimiter } = headerOf(head, fileName);
    if (header.startsWith('{') || header.startsWith('[')) return 0;
    const fields = header.split(delimiter).map(normalizeHeader).map((h) => fieldOfHeader(h, {}));
    const known = new Set(fields.filter(Boolean));
    if (known.has('text') && (known.has('role') || known.has('conversation'))) return /\.(csv|tsv|txt)$/i.test(fileName) ? 0.9 : 0.7;
    return 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const { delimiter, separatorLine } = headerOf(input.head, input.name);
    const rows = csvRows(input.text(), input.name, delimiter);
    const outcome = yield* tableEvents(separatorLine ? afterSeparatorLine(rows) : rows, options, {
      fallbackConversationId: input.name,
      exactColumns: true,
      titleRowsAllowed: 0,
      ignoreBlankRows: false,
    });
    if (!outcome.ok) yield withRowsLeft(outcome);
  },
};

/**
 * The skip that stands for a table whose header could not be used: the header row and every row
 * under it, so that 读取 = 使用 + 跳过 counts them all and --strict fails on them.
 */
export function withRowsLeft(outcome: Extract<TableOutcome, { ok: false }>): Extract<ReadEvent, { type: 'skipped' }> {
  if (outcome.rowsLeft === 0) return outcome.problem;
  return { ...outcome.problem, records: 1 + outcome.rowsLeft, reason: `${outcome.problem.reason}${t('table.rowsLeft', { count: outcome.rowsLeft })}` };
}
