import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { pickField, type Adapter, type AdapterOptions, type MessageDraft, type ReadEvent } from './adapter.js';
import { FIELD_ALIASES } from './fields.js';
import { numbered } from './grouping.js';
import { excelSerialNoter, isRoundedId, recordToMessage } from './record.js';
import { t } from '../i18n/index.js';

/** The array of message objects in a dialogue, by configured name or the usual ones. */
function messagesOf(dialogue: Record<string, unknown>, options: AdapterOptions): unknown[] | undefined {
  const configured = options.fieldMap.messages;
  if (configured) return Array.isArray(dialogue[configured]) ? (dialogue[configured] as unknown[]) : undefined;
  for (const name of FIELD_ALIASES.messages) if (Array.isArray(dialogue[name])) return dialogue[name] as unknown[];
  return undefined;
}

const SCALAR_META = /^(overall_)?(sat|satisfaction|csat|rating|score|channel|category|tags?)$/i;

/**
 * Generic JSON or JSONL dialogues: one object per dialogue with an id and an array of messages,
 * each with a role and a text (JDDC's `{dialogue_id, turns: [{role, text}]}` reads as is).
 * Field names can be set with `input.fieldMap` in configuration or `--map`.
 */
export const jsonDialoguesAdapter: Adapter = {
  name: 'json',
  description: 'generic JSON/JSONL dialogues with a field map ({id, messages: [{role, text, time}]})',
  layout: 'dialogues',
  detect(head) {
    const item = firstJsonItem(head);
    if (!item) return 0;
    const messages = FIELD_ALIASES.messages.map((name) => item[name]).find(Array.isArray) as unknown[] | undefined;
    if (!messages || messages.length === 0) return 0;
    // Messages that are bare strings ("坐席:您好") are call transcripts, not message objects.
    const first = messages.find((m): m is Record<string, unknown> => !!m && typeof m === 'object' && !Array.isArray(m));
    if (!first) return 0;
    const hasRole = FIELD_ALIASES.role.some((n) => n in first);
    const hasText = FIELD_ALIASES.text.some((n) => n in first);
    return hasRole && hasText ? 0.85 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const serialNote = excelSerialNoter(options.timezone);
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      const location = document.location;
      const dialogue = document.value as Record<string, unknown> | null;
      const items = dialogue && typeof dialogue === 'object' ? messagesOf(dialogue, options) : undefined;
      if (!dialogue || !items) {
        yield { type: 'skipped', location, reason: `应是一个带消息数组（${FIELD_ALIASES.messages.slice(0, 3).join('、')} …）的会话对象；如果你的字段名不同，请设置 input.fieldMap.messages` };
        continue;
      }
      const rawId = pickField(dialogue, 'conversation', FIELD_ALIASES.conversation, options.fieldMap);
      if (isRoundedId(rawId)) {
        yield { type: 'skipped', location, reason: t('record.idRounded', { value: String(rawId) }) };
        continue;
      }
      const id = rawId === undefined ? `${input.name}#${location.record ?? location.line}` : String(rawId);
      const messages: MessageDraft[] = [];
      const problems: string[] = [];
      const notes: ReadEvent[] = [];
      items.forEach((item, index) => {
        const result = item && typeof item === 'object'
          ? recordToMessage(item as Record<string, unknown>, options, location)
          : ({ ok: false, reason: '应是一个消息对象' } as const);
        const note = serialNote(result, location);
        if (note) notes.push(note);
        if (result.ok) messages.push(result.message);
        else problems.push(`第 ${index + 1} 条消息：${result.reason}`);
      });
      yield* notes;
      // Each message left out is a record skipped, so that the summary shows the loss and --strict fails on it.
      for (const problem of problems) yield { type: 'skipped', location, reason: `会话 ${id}：${problem}` };
      const meta = Object.fromEntries(Object.entries(dialogue).filter(([key, value]) => SCALAR_META.test(key) && (typeof value !== 'object' || value === null)));
      const channel = pickField(dialogue, 'channel', FIELD_ALIASES.channel, options.fieldMap);
      yield { type: 'conversation', records: 1, conversation: { id, source: { file: input.name, format: 'json' }, channel: typeof channel === 'string' ? channel : undefined, messages: numbered(messages), meta } };
    }
  },
};
