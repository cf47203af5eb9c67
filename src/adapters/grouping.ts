import type { Conversation } from '../model/conversation.js';
import type { InputSource } from '../io/input.js';
import type { Adapter, AdapterOptions, MessageDraft, ReadEvent } from './adapter.js';

/** What the runner receives: whole conversations, and the records that are not part of one. */
export type GroupedEvent = Extract<ReadEvent, { type: 'conversation' | 'record' | 'skipped' | 'warning' }>;

/** 32-bit FNV-1a. Pass one keys conversations by this hash to keep its map small. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Stable sort by time where every message has one; exports sometimes list a burst out of order. */
export function sortByTime(messages: MessageDraft[]): MessageDraft[] {
  if (!messages.every((m) => m.time !== undefined)) return messages;
  return messages
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.time! - b.m.time! || a.index - b.index)
    .map(({ m }) => m);
}

interface OpenConversation {
  id: string;
  messages: MessageDraft[];
  records: number;
  channel?: string;
  meta: Record<string, unknown>;
}

/**
 * Reads one input into conversations.
 *
 * Dialogue formats already yield conversations. Message formats (one record per message) are read
 * twice: the first pass notes where each conversation's last record is and which messages were
 * recalled; the second builds each conversation and hands it on as soon as its last record is read.
 * So input that is not sorted by conversation is still grouped correctly, and memory holds only the
 * conversations that are open at one point of the file (one, for the usual sorted export), plus a
 * number per conversation id.
 */
export async function* readConversations(adapter: Adapter, input: InputSource, options: AdapterOptions): AsyncGenerator<GroupedEvent> {
  if (adapter.layout === 'dialogues') {
    for await (const event of adapter.read(input, options)) {
      if (event.type === 'message' || event.type === 'recall') throw new Error(`adapter ${adapter.name} yielded a ${event.type} event, but reads whole dialogues`);
      yield event;
    }
    return;
  }

  // Pass one. A hash collision only makes a conversation wait for the other's last record.
  const lastRecord = new Map<number, number>();
  const recalled = new Set<string>();
  let ordinal = 0;
  for await (const event of adapter.read(input, options)) {
    if (event.type === 'message') lastRecord.set(hashId(event.conversationId), ordinal++);
    else if (event.type === 'recall') recalled.add(event.sourceId);
  }

  // Pass two.
  const open = new Map<string, OpenConversation>();
  const finish = (conversation: OpenConversation): GroupedEvent => {
    if (conversation.messages.length === 0) return { type: 'record', location: { file: input.name }, records: conversation.records };
    const built: Conversation = {
      id: conversation.id,
      source: { file: input.name, format: adapter.name },
      channel: conversation.channel,
      messages: sortByTime(conversation.messages).map((m, seq) => ({ ...m, seq })),
      meta: conversation.meta,
    };
    return { type: 'conversation', conversation: built, records: conversation.records };
  };
  ordinal = 0;
  for await (const event of adapter.read(input, options)) {
    switch (event.type) {
      case 'message': {
        const current = ordinal++;
        let conversation = open.get(event.conversationId);
        if (!conversation) {
          conversation = { id: event.conversationId, messages: [], records: 0, meta: {} };
          open.set(event.conversationId, conversation);
        }
        conversation.records++;
        if (event.message.sourceId === undefined || !recalled.has(event.message.sourceId)) conversation.messages.push(event.message);
        conversation.channel ??= event.channel;
        if (event.meta) Object.assign(conversation.meta, event.meta);
        if (lastRecord.get(hashId(event.conversationId)) === current) {
          open.delete(event.conversationId);
          yield finish(conversation);
        }
        break;
      }
      case 'recall':
        yield { type: 'record', location: event.location };
        break;
      case 'conversation':
        throw new Error(`adapter ${adapter.name} yielded a whole conversation, but reads one message per record`);
      default:
        yield event;
    }
  }
  for (const conversation of open.values()) yield finish(conversation);
}
