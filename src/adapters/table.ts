import { parse } from 'csv-parse';
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
    const parser = input.text().pipe(
      parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true, skip_records_with_error: true }),
    );
    const pendingSkips: ReadEvent[] = [];
    parser.on('skip', (error: Error & { lines?: number }) => {
      pendingSkips.push({ type: 'skipped', location: { file: input.name, line: error.lines }, reason: `unreadable CSV row (${error.message})` });
    });
    let headers: string[] | undefined;
    let conversationColumn = false;
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* pendingSkips.splice(0);
      const lineNumber = row.info.lines;
      if (!headers) {
        headers = row.record.map(normalizeHeader);
        const fields = new Set(headers.map((h) => fieldOfHeader(h, options.fieldMap)));
        if (!fields.has('text') || !fields.has('role')) {
          yield {
            type: 'skipped',
            location: { file: input.name, line: lineNumber },
            reason: `the header row has no ${!fields.has('text') ? 'text (内容)' : 'role (角色)'} column; found ${headers.join(', ')}. Name the columns, or map them with --map text=<column>`,
          };
          return;
        }
        conversationColumn = fields.has('conversation');
        continue;
      }
      const location = { file: input.name, line: lineNumber };
      if (row.record.length !== headers.length) {
        yield { type: 'skipped', location, reason: `expected ${headers.length} columns as in the header, found ${row.record.length}; check for an unquoted delimiter or line break` };
        continue;
      }
      const record: Record<string, string> = {};
      headers.forEach((h, i) => (record[h] = row.record[i]!));
      const result = recordToMessage(record, options, location);
      if (!result.ok) {
        yield { type: 'skipped', location, reason: result.reason };
        continue;
      }
      const conversationId = conversationColumn ? result.conversationId : input.name;
      if (!conversationId) {
        yield { type: 'skipped', location, reason: 'the conversation id cell is empty' };
        continue;
      }
      yield { type: 'message', conversationId, message: result.message, channel: result.channel };
    }
    yield* pendingSkips.splice(0);
  },
};
