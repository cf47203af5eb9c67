import type { Conversation, Message } from '../model/conversation.js';
import type { InputSource } from '../io/input.js';
import type { Adapter, AdapterOptions, MessageDraft, ReadEvent } from './adapter.js';
import { t } from '../i18n/index.js';

/** What the runner receives: whole conversations, and the records that are not part of one. */
export type GroupedEvent = Extract<ReadEvent, { type: 'conversation' | 'record' | 'skipped' | 'warning' }>;

/** 32-bit FNV-1a. Pass one keys conversations by this hash to keep its table small. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Pass one's note of where each conversation ends: id hash → ordinal of its last record. An
 * open-addressing table over typed arrays, outside V8's heap: 12 bytes a slot, and at most 4 slots
 * for every 3 conversations (12 MB for the 690,000 conversations of a 1 GB export). A Map of
 * numbers held some 50 bytes a conversation in the heap (33 MB live for those 690,000), and more
 * while it rehashed.
 */
class LastRecordTable {
  private hashes = new Uint32Array(1024);
  /** Ordinal + 1; 0 marks a free slot. */
  private ordinals = new Float64Array(1024);
  private count = 0;

  set(hash: number, ordinal: number): void {
    if ((this.count + 1) * 4 > this.hashes.length * 3) this.grow();
    const slot = this.slotOf(hash);
    if (this.ordinals[slot] === 0) {
      this.hashes[slot] = hash;
      this.count++;
    }
    this.ordinals[slot] = ordinal + 1;
  }

  get(hash: number): number | undefined {
    const slot = this.slotOf(hash);
    return this.ordinals[slot] === 0 ? undefined : this.ordinals[slot]! - 1;
  }

  /** The slot that holds `hash`, or the free slot where it would go (linear probing). */
  private slotOf(hash: number): number {
    const mask = this.hashes.length - 1;
    // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
    let slot = Math.imul(hash, 0x9e3779b1) >>> Math.clz32(mask);
    while (this.ordinals[slot] !== 0 && this.hashes[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hashes, ordinals } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.ordinals = new Float64Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      if (ordinals[i] === 0) continue;
      const slot = this.slotOf(hashes[i]!);
      this.hashes[slot] = hashes[i]!;
      this.ordinals[slot] = ordinals[i]!;
    }
  }
}

/**
 * Numbers messages in conversation order. Object.assign rather than a spread: the V8 of Node 20 gives
 * every object a spread clones its own hidden class, some 350 bytes more a message, which a long
 * conversation holds until it is linted.
 */
export function numbered(messages: readonly MessageDraft[]): Message[] {
  return messages.map((m, seq) => Object.assign({}, m, { seq }));
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
 * conversations that are open at one point of the file (one, for the usual sorted export), plus 16
 * to 32 bytes per conversation id in a typed-array table.
 */
export async function* readConversations(adapter: Adapter, input: InputSource, options: AdapterOptions): AsyncGenerator<GroupedEvent> {
  // The decoder dropped NUL bytes (padding, damage) from the text the adapter reads: say so once.
  if (input.nulBytes) {
    yield { type: 'warning', location: { file: input.name, line: input.nulBytes.firstLine }, reason: t('input.nulRemoved', { count: input.nulBytes.count }) };
  }
  if (adapter.layout === 'dialogues') {
    for await (const event of adapter.read(input, options)) {
      if (event.type === 'message' || event.type === 'recall') throw new Error(`adapter ${adapter.name} yielded a ${event.type} event, but reads whole dialogues`);
      yield event;
    }
    return;
  }

  // Pass one. A hash collision only makes a conversation wait for the other's last record.
  const lastRecord = new LastRecordTable();
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
      messages: numbered(sortByTime(conversation.messages)),
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
        conversation.records += event.records ?? 1;
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
