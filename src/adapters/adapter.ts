import type { Conversation, Message, SourceLocation } from '../model/conversation.js';
import type { RoleMap } from '../model/roles.js';
import type { InputSource } from '../io/input.js';

export interface AdapterOptions {
  /** Zone for naive local times. */
  timezone: string;
  /** Configured role mappings, which win over the built-in aliases. */
  roles: RoleMap;
  /** Field names for generic JSON and table inputs, by canonical field. */
  fieldMap: Partial<Record<FieldName, string>>;
}

export const FIELD_NAMES = ['conversation', 'messages', 'time', 'role', 'agent', 'agentId', 'text', 'kind', 'internal', 'channel'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What an adapter yields while it reads: conversations, and records it could not use. */
export type ReadEvent =
  | { type: 'conversation'; conversation: Conversation; records: number }
  | { type: 'skipped'; location: SourceLocation; reason: string }
  | { type: 'warning'; location: SourceLocation; reason: string };

export interface Adapter {
  /** The name users pass to --format. */
  readonly name: string;
  readonly description: string;
  /** Confidence from 0 to 1 that the sample is this format. */
  detect(head: string, fileName: string): number;
  read(input: InputSource, options: AdapterOptions): AsyncIterable<ReadEvent>;
}

export type MessageDraft = Omit<Message, 'seq'>;

/**
 * Collects the messages of consecutive records that share a conversation id. Exports list a
 * conversation's messages together, so only one conversation is held in memory at a time.
 */
export class ConversationGrouper {
  private currentId: string | undefined;
  private messages: MessageDraft[] = [];
  private records = 0;
  private channel: string | undefined;
  private readonly finished = new Set<string>();

  constructor(private readonly file: string, private readonly format: string) {}

  /** Adds a message; returns the conversation it closed, if the id changed. */
  add(conversationId: string, message: MessageDraft, channel?: string): { closed?: ReadEvent; reopened: boolean } {
    let closed: ReadEvent | undefined;
    let reopened = false;
    if (this.currentId !== undefined && conversationId !== this.currentId) closed = this.flush();
    if (this.currentId === undefined) {
      reopened = this.finished.has(conversationId);
      this.currentId = conversationId;
      this.channel = channel;
    }
    this.messages.push(message);
    this.records++;
    return { closed, reopened };
  }

  /** Counts a record that belongs to the open conversation but holds no message. */
  countRecord(): void {
    this.records++;
  }

  flush(): ReadEvent | undefined {
    if (this.currentId === undefined) return undefined;
    const conversation: Conversation = {
      id: this.currentId,
      source: { file: this.file, format: this.format },
      channel: this.channel,
      messages: sortByTime(this.messages).map((m, seq) => ({ ...m, seq })),
      meta: {},
    };
    const event: ReadEvent = { type: 'conversation', conversation, records: this.records };
    this.finished.add(this.currentId);
    this.currentId = undefined;
    this.messages = [];
    this.records = 0;
    return event;
  }
}

/** Stable sort by time where every message has one; exports sometimes list a burst out of order. */
function sortByTime(messages: MessageDraft[]): MessageDraft[] {
  if (!messages.every((m) => m.time !== undefined)) return messages;
  return messages
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.time! - b.m.time! || a.index - b.index)
    .map(({ m }) => m);
}

/** Reads a field by its configured name, or by the first of its usual names that is present. */
export function pickField(record: Record<string, unknown>, field: FieldName, candidates: readonly string[], fieldMap: AdapterOptions['fieldMap']): unknown {
  const configured = fieldMap[field];
  if (configured !== undefined) return record[configured];
  for (const name of candidates) if (record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'nothing' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
