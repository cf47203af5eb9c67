import { jsonSyntaxReason } from '../io/json-documents.js';
import { readLines } from '../io/input.js';
import { firstJsonLine, nestedTooDeep, TOO_DEEP_REASON } from '../io/json-documents.js';
import type { Adapter, ReadEvent } from './adapter.js';
import { t } from '../i18n/index.js';
import { excelSerialNoter, recordToMessage } from './record.js';
import { repeatedKey, repeatedKeyReason } from '../io/json-keys.js';

/**
 * Whether the sample ends inside a first line that opens a JSON object: a line longer than the
 * sample (8 MB, src/io/input.ts) cannot be parsed to see its fields, so its start and the file's
 * name decide. Each line is still parsed, and checked, when the file is read.
 */
function firstLineCutShort(head: string): boolean {
  const start = head.search(/[^\s\ufeff]/);
  return start >= 0 && head[start] === '{' && !head.includes('\n', start);
}

/** The canonical interchange format: one message per line, as `supportlint convert` writes it. */
export const jsonlAdapter: Adapter = {
  name: 'jsonl',
  description: 'supportlint canonical JSONL (one message per line)',
  layout: 'messages',
  detect(head, fileName) {
    const record = firstJsonLine(head);
    if (!record) return firstLineCutShort(head) && /\.(?:jsonl|ndjson)$/i.test(fileName) ? 0.5 : 0;
    const hasId = 'conversation_id' in record || 'conversationId' in record;
    return hasId && 'role' in record && ('text' in record || 'content' in record) ? 0.95 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const serialNote = excelSerialNoter(options.timezone);
    for await (const { line, lineNumber } of readLines(input.text())) {
      if (line.trim() === '') continue;
      const location = { file: input.name, line: lineNumber };
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        yield { type: 'skipped', location, reason: `${jsonSyntaxReason(error)}；每行应是一个 JSON 对象` };
        continue;
      }
      if (nestedTooDeep(record)) {
        yield { type: 'skipped', location, reason: TOO_DEEP_REASON };
        continue;
      }
      const repeated = repeatedKey(line, record);
      if (repeated !== undefined) {
        yield { type: 'skipped', location, reason: repeatedKeyReason(repeated) };
        continue;
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        yield { type: 'skipped', location, reason: t('jsonl.notObject') };
        continue;
      }
      const result = recordToMessage(record as Record<string, unknown>, options, location);
      if (!result.ok) {
        yield { type: 'skipped', location, reason: result.reason };
        continue;
      }
      if (!result.conversationId) {
        yield { type: 'skipped', location, reason: t('jsonl.noConversation') };
        continue;
      }
      const note = serialNote(result, location);
      if (note) yield note;
      yield { type: 'message', conversationId: result.conversationId, message: result.message, channel: result.channel };
    }
  },
};
