import type { Adapter, AdapterOptions, FieldName, ReadEvent } from './adapter.js';
import { csvRows } from './csv-rows.js';
import { columnNumber, tableEvents, withRowsLeft, type TableItem } from './table.js';
import { t } from '../i18n/index.js';

/**
 * The JD Dialog Challenge 2019 raw chat log (京东 JDDC 2019 `chat.txt`): TSV with no header row and
 * seven columns, `session_id, user_id, waiter_send, is_transfer, is_repeat, sku, content`.
 * `waiter_send` is 0 for the customer and 1 for the agent; an agent cell may join several replies
 * with `!@@@!`; `NULL` is no reply.
 */
const COLUMNS = 7;
const SENDER_COLUMN = 3;
const FLAG_COLUMNS = [3, 4, 5];

/** The layout as a field map, value map and separator: what `--no-header --map … --map-values … --split-messages` would say. */
export const JDDC_CHAT_LAYOUT = {
  fieldMap: { conversation: '1', role: String(SENDER_COLUMN), text: '7' } as Partial<Record<FieldName, string>>,
  valueMap: { role: { 0: 'customer', 1: 'agent' } } as NonNullable<AdapterOptions['valueMap']>,
  splitMessages: '!@@@!',
};

/** Complete lines of a sample: the last one is dropped when the sample cuts it off. */
function sampleLines(head: string): string[] {
  const lines = head.replace(/^\ufeff/, '').split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.length > 1) lines.pop();
  return lines.filter((line) => line.trim() !== '').slice(0, 200);
}

function looksLikeChatRow(cells: readonly string[]): boolean {
  // A cell of the content may hold a tab; the first six columns never do.
  if (cells.length < COLUMNS) return false;
  if (!/^\S+$/.test(cells[0]!)) return false;
  return FLAG_COLUMNS.every((column) => cells[column - 1] === '0' || cells[column - 1] === '1');
}

/**
 * The user's field map and value map still win, so that a different column can be chosen; a
 * field map entry that names a column by header (from a configuration written for other
 * exports) means nothing in a file without one, and is left out.
 */
function layoutOptions(options: AdapterOptions): AdapterOptions {
  const numbered = Object.entries(options.fieldMap).filter(([, column]) => columnNumber(column) !== undefined);
  return {
    ...options,
    header: false,
    fieldMap: { ...JDDC_CHAT_LAYOUT.fieldMap, ...Object.fromEntries(numbered) },
    valueMap: { ...JDDC_CHAT_LAYOUT.valueMap, ...options.valueMap, role: { ...JDDC_CHAT_LAYOUT.valueMap.role, ...options.valueMap?.role } },
    splitMessages: options.splitMessages ?? JDDC_CHAT_LAYOUT.splitMessages,
  };
}

/** A tab inside a message splits the last column: it is put back, since content is the last column. */
async function* withContentRejoined(rows: AsyncIterable<TableItem>): AsyncGenerator<TableItem> {
  for await (const row of rows) {
    if (!('type' in row) && row.cells.length > COLUMNS) yield { ...row, cells: [...row.cells.slice(0, COLUMNS - 1), row.cells.slice(COLUMNS - 1).join('\t')] };
    else yield row;
  }
}

export const jddcChatAdapter: Adapter = {
  name: 'jddc-chat',
  description: 'JD Dialog Challenge 2019 raw chat log: headerless TSV (session_id, user_id, waiter_send 0/1, is_transfer, is_repeat, sku, content)',
  layout: 'messages',
  detect(head) {
    const lines = sampleLines(head);
    if (lines.length === 0) return 0;
    const rows = lines.map((line) => line.split('\t'));
    if (!rows.every(looksLikeChatRow)) return 0;
    // Most rows have exactly seven cells; a tab inside a message adds one now and then.
    const exact = rows.filter((cells) => cells.length === COLUMNS).length;
    return exact / rows.length >= 0.9 ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const outcome = yield* tableEvents(withContentRejoined(csvRows(input.text(), input.name, '\t', false)), layoutOptions(options), {
      fallbackConversationId: input.name,
      exactColumns: true,
      titleRowsAllowed: 0,
      ignoreBlankRows: true,
    });
    if (!outcome.ok) {
      // The layout's own column numbers are not the user's: without a --map of theirs, the file is
      // not in this format, and the problem says so rather than name a --map nobody gave.
      const userMapped = Object.values(options.fieldMap).some((column) => columnNumber(column) !== undefined);
      yield withRowsLeft(userMapped ? outcome : { ...outcome, problem: { ...outcome.problem, reason: t('jddcChat.notThisLayout', { columns: COLUMNS }) } });
    }
  },
};
