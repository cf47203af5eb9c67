import type { Conversation, Message, SourceLocation } from '../model/conversation.js';
import type { RoleMap } from '../model/roles.js';
import type { InputSource } from '../io/input.js';
import { t } from '../i18n/index.js';

export interface AdapterOptions {
  /** Zone for naive local times. */
  timezone: string;
  /** Configured role mappings, which win over the built-in aliases. */
  roles: RoleMap;
  /** Field names for generic JSON and table inputs, by canonical field. */
  fieldMap: Partial<Record<FieldName, string>>;
  /** Sender ids that belong to the company's own staff (企业微信 archives carry no role field). */
  internalIds: readonly string[];
  /**
   * A sender name that matches this is an agent (千牛 records); overrides the built-in shop:sub-account
   * rule. The user's pattern, compiled for the linear-time engine (src/lexicon/user-regex.ts).
   */
  agentPattern?: { test(text: string): boolean };
  /** Formats without session ids split a contact's messages into conversations at gaps this long. */
  sessionGapMinutes: number;
  /**
   * Table inputs (CSV/TSV/XLSX) start with a header row, the default. When false every row is data,
   * and `fieldMap` names columns by their 1-based number ("7").
   */
  header?: boolean;
  /** Raw values of a field to the values supportlint reads, e.g. role: {"0": "customer", "1": "agent"}. */
  valueMap?: Partial<Record<FieldName, Record<string, string>>>;
  /** A table cell whose text joins several messages with this separator becomes several messages (JDDC: "!@@@!"). */
  splitMessages?: string;
}

export const DEFAULT_SESSION_GAP_MINUTES = 30;

export const FIELD_NAMES = ['conversation', 'messages', 'time', 'role', 'agent', 'agentId', 'customer', 'text', 'kind', 'internal', 'channel'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export type MessageDraft = Omit<Message, 'seq'>;

/**
 * What an adapter yields while it reads. Dialogue formats yield whole conversations; message
 * formats yield one message per record and leave grouping to src/adapters/grouping.ts, which
 * copes with input that is not sorted by conversation and applies recalls.
 */
export type ReadEvent =
  /** A whole conversation, built from `records` records (dialogue formats). */
  | { type: 'conversation'; conversation: Conversation; records: number }
  /** One record holding one message of a conversation (message formats). */
  | {
    type: 'message';
    conversationId: string;
    message: MessageDraft;
    channel?: string;
    meta?: Record<string, unknown>;
    /** Records this event stands for: 1 by default; 0 for the later messages split out of one record. */
    records?: number;
  }
  /** A record that withdraws an earlier message, by the export's message id (撤回). */
  | { type: 'recall'; sourceId: string; location: SourceLocation }
  /** A record that was read and understood but holds no message: read receipts, switch records. */
  | { type: 'record'; location: SourceLocation; records?: number }
  /** A record that could not be used, and why; `records` when one reason stands for several (default 1). */
  | { type: 'skipped'; location: SourceLocation; reason: string; records?: number }
  /** Something read with a caveat. */
  | { type: 'warning'; location: SourceLocation; reason: string };

export interface Adapter {
  /** The name users pass to --input-format. */
  readonly name: string;
  readonly description: string;
  /** `dialogues`: yields whole conversations. `messages`: yields one message per record. */
  readonly layout: 'dialogues' | 'messages';
  /** Confidence from 0 to 1 that the sample is this format. */
  detect(head: string, fileName: string): number;
  /** Reads the input. Message formats are read twice (see grouping.ts), so this must be repeatable. */
  read(input: InputSource, options: AdapterOptions): AsyncIterable<ReadEvent>;
}

/** Reads a field by its configured name, or by the first of its usual names that is present. */
export function pickField(record: Record<string, unknown>, field: FieldName, candidates: readonly string[], fieldMap: AdapterOptions['fieldMap']): unknown {
  const configured = fieldMap[field];
  // Own properties only: a field named "constructor" or "__proto__" reads nothing from the prototype.
  if (configured !== undefined) return Object.hasOwn(record, configured) ? record[configured] : undefined;
  for (const name of candidates) if (Object.hasOwn(record, name) && record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

/**
 * What kind of value stands where text was expected, in the user's language ("一个对象"), for a
 * reason that must not quote the value: an object could hold anything, personal data included.
 */
export function valueKind(value: unknown): string {
  if (value === null || value === undefined) return t('value.null');
  if (Array.isArray(value)) return t('value.array');
  if (typeof value === 'object') return t('value.object');
  if (typeof value === 'number') return t('value.number');
  return t(typeof value === 'boolean' ? 'value.boolean' : 'value.other');
}

export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'nothing' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
