import { parse } from 'csv-parse';
import type { SourceLocation } from '../model/conversation.js';
import type { Adapter, AdapterOptions, FieldName, ReadEvent } from './adapter.js';
import { FIELD_ALIASES } from './fields.js';
import { recordToMessage } from './record.js';

function firstLine(head: string): string {
  const end = head.indexOf('\n');
  return (end < 0 ? head : head.slice(0, end)).replace(/^\ufeff/, '').replace(/\r$/, '');
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

/** One row of a table, as cell texts, or a row the table parser could not read. */
export type TableItem = { cells: string[]; location: SourceLocation } | Extract<ReadEvent, { type: 'skipped' }>;

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

export type TableOutcome = { ok: true; headerFound: boolean } | { ok: false; problem: Extract<ReadEvent, { type: 'skipped' }> };

/**
 * Turns the rows of a table with a header row into message events. Shared by the CSV/TSV reader
 * and the XLSX reader, which differ only in how they get rows. When the table has no usable
 * header row, reading stops and the problem is returned for the caller to report.
 */
export async function* tableEvents(rows: AsyncIterable<TableItem>, options: AdapterOptions, table: TableReadOptions): AsyncGenerator<ReadEvent, TableOutcome> {
  let headers: string[] | undefined;
  let conversationColumn = false;
  let titleRows = 0;
  let lastTitle: SourceLocation | undefined;
  for await (const row of rows) {
    if ('type' in row) {
      yield row;
      continue;
    }
    const location = row.location;
    if (!headers) {
      const candidate = row.cells.map(normalizeHeader);
      const fields = new Set(candidate.map((h) => fieldOfHeader(h, options.fieldMap)));
      if (fields.has('text') && fields.has('role')) {
        headers = candidate;
        conversationColumn = fields.has('conversation');
        continue;
      }
      const filled = candidate.filter((h) => h !== '').length;
      if (filled <= 1 && titleRows < table.titleRowsAllowed) {
        if (filled === 1) {
          titleRows++;
          lastTitle = location;
        }
        continue;
      }
      return {
        ok: false,
        problem: {
          type: 'skipped',
          location,
          reason: `the header row has no ${!fields.has('text') ? 'text (内容)' : 'role (角色)'} column; found ${candidate.filter((h) => h !== '').join(', ')}. Name the columns, or map them with --map text=<column>`,
        },
      };
    }
    if (table.ignoreBlankRows && row.cells.every((cell) => cell.trim() === '')) continue;
    if (table.exactColumns && row.cells.length !== headers.length) {
      yield { type: 'skipped', location, reason: `expected ${headers.length} columns as in the header, found ${row.cells.length}; check for an unquoted delimiter or line break` };
      continue;
    }
    // A header called "__proto__" must be a column like any other, not the record's prototype.
    const record: Record<string, string> = Object.create(null);
    headers.forEach((h, i) => {
      if (h !== '') record[h] = row.cells[i] ?? '';
    });
    const result = recordToMessage(record, options, location);
    if (!result.ok) {
      yield { type: 'skipped', location, reason: result.reason };
      continue;
    }
    const conversationId = conversationColumn ? result.conversationId : table.fallbackConversationId;
    if (!conversationId) {
      yield { type: 'skipped', location, reason: 'the conversation id cell is empty' };
      continue;
    }
    yield { type: 'message', conversationId, message: result.message, channel: result.channel };
  }
  if (!headers && lastTitle) {
    return { ok: false, problem: { type: 'skipped', location: lastTitle, reason: 'no header row with text (内容) and role (角色) columns under the title row(s)' } };
  }
  return { ok: true, headerFound: headers !== undefined };
}

/** Generic CSV/TSV with English or Chinese headers: one message per row. */
export const tableAdapter: Adapter = {
  name: 'csv',
  description: 'CSV/TSV with a header row (会话ID, 时间, 角色, 客服, 内容 or conversation_id, time, role, agent, text)',
  layout: 'messages',
  detect(head, fileName) {
    const header = firstLine(head);
    if (header.startsWith('{') || header.startsWith('[')) return 0;
    const delimiter = guessDelimiter(header, fileName);
    const fields = header.split(delimiter).map(normalizeHeader).map((h) => fieldOfHeader(h, {}));
    const known = new Set(fields.filter(Boolean));
    if (known.has('text') && (known.has('role') || known.has('conversation'))) return /\.(csv|tsv|txt)$/i.test(fileName) ? 0.9 : 0.7;
    return 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const delimiter = guessDelimiter(firstLine(input.head), input.name);
    const outcome = yield* tableEvents(csvRows(input.text(), input.name, delimiter), options, {
      fallbackConversationId: input.name,
      exactColumns: true,
      titleRowsAllowed: 0,
      ignoreBlankRows: false,
    });
    if (!outcome.ok) yield outcome.problem;
  },
};

/** The rows of a CSV text stream; rows csv-parse cannot read come as skips, in file order. */
async function* csvRows(text: NodeJS.ReadableStream, file: string, delimiter: string): AsyncGenerator<TableItem> {
  const parser = text.pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true, skip_records_with_error: true }),
  );
  const pendingSkips: TableItem[] = [];
  parser.on('skip', (error: Error & { lines?: number }) => {
    pendingSkips.push({ type: 'skipped', location: { file, line: error.lines }, reason: `unreadable CSV row (${error.message})` });
  });
  for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield* pendingSkips.splice(0);
    yield { cells: row.record, location: { file, line: row.info.lines } };
  }
  yield* pendingSkips.splice(0);
}
