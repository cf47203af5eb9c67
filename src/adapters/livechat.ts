import { list, t } from '../i18n/index.js';
import type { EventType, MessageKind, Role, SourceLocation } from '../model/conversation.js';
import { resolveRole } from '../model/roles.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, type Adapter, type AdapterOptions, type MessageDraft, type ReadEvent } from './adapter.js';

/*
 * LiveChat (text.com) chats from the Agent Chat API: `get_chat`, `list_archives` (`{"chats": [...]}`)
 * or one chat per line.
 *
 * Field names follow the Agent Chat API "Data structures" reference
 * (https://platform.text.com/docs/messaging/agent-chat-api/data-structures) and the system
 * message and default property references
 * (https://platform.text.com/docs/messaging/references/system-messages,
 * https://platform.text.com/docs/messaging/references/default-properties):
 * - a chat is `{id, users[], thread | threads[], properties}`; a user is `{id, type: customer |
 *   agent, name, email}` (agents' ids are their login e-mails);
 * - a thread is `{id, events[], properties, created_at}`; `properties.rating` holds the customer's
 *   rating, `score` 1 (good) or 0 (bad) and `comment`;
 * - an event is `{id, type, author_id, created_at, visibility: all | agents, …}` with type
 *   message (`text`), file (`name`, `url`, `content_type`), rich_message (`elements`),
 *   system_message (`text`, `system_message_type`, no author), filled_form or custom;
 * - `created_at` is RFC 3339 UTC with microseconds; `deleted` marks an event deleted later,
 *   which is left out like a recalled message.
 *
 * One chat spans several threads (each return of the customer opens one), and `list_archives`
 * may list the same chat once per thread. So this adapter yields one message per event, keyed by
 * the chat id, and leaves grouping and time order to grouping.ts: every thread of a chat becomes
 * one conversation wherever it appears in the file. Records are therefore counted per event.
 */

interface User {
  role: Role;
  name?: string;
}

const EVENT_TYPES_READ = ['message', 'file', 'rich_message', 'system_message', 'filled_form', 'custom'];

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * The chat's users by id. `agentNames` collects agents across the file: agent ids are license-wide
 * logins, so an agent missing from one chat's list may be named in another's.
 */
function usersOf(value: unknown, options: AdapterOptions, agentNames: Map<string, string>): Map<string, User> {
  const users = new Map<string, User>();
  if (!Array.isArray(value)) return users;
  for (const raw of value) {
    if (!raw || typeof raw !== 'object') continue;
    const user = raw as Record<string, unknown>;
    const id = text(user.id);
    const role = resolveRole(user.type, options.roles);
    const name = text(user.name)?.trim() || undefined;
    if (id && role) users.set(id, { role, name });
    if (id && role === 'agent' && name) agentNames.set(id, name);
  }
  return users;
}

/** What a system message marks, by its documented `system_message_type`. */
function systemEvent(type: string): EventType {
  if (/^(agent|customer)_(added|joined)$/.test(type)) return 'join';
  if (/^(agent|customer)_(left|removed)$/.test(type)) return 'leave';
  if (type.includes('transfer')) return 'transfer';
  if (type.startsWith('routing.assigned') || type.startsWith('routing.reassigned')) return 'assign';
  if (/(^|\.|_)archived/.test(type) || type === 'customer_banned') return 'end';
  if (type.startsWith('rating.')) return 'rating';
  return 'other';
}

/** Text of a rich message (cards, quick replies): titles, subtitles and button labels. */
function richText(elements: unknown): string {
  if (!Array.isArray(elements)) return '';
  const lines: string[] = [];
  for (const raw of elements) {
    if (!raw || typeof raw !== 'object') continue;
    const element = raw as Record<string, unknown>;
    for (const key of ['title', 'subtitle']) {
      const value = text(element[key])?.trim();
      if (value) lines.push(value);
    }
    if (Array.isArray(element.buttons)) {
      const labels = element.buttons.map((b) => text((b as Record<string, unknown> | null)?.text)?.trim()).filter(Boolean);
      if (labels.length > 0) lines.push(labels.map((l) => `[${l}]`).join(' '));
    }
  }
  return lines.join('\n');
}

/** A property value, written bare (`"score": 1`) or wrapped (`"score": {"value": 1}`). */
function propertyValue(value: unknown): unknown {
  return value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
}

function csatOf(properties: unknown): Record<string, unknown> | undefined {
  const rating = (properties as Record<string, unknown> | null | undefined)?.rating as Record<string, unknown> | undefined;
  if (!rating || typeof rating !== 'object') return undefined;
  const score = propertyValue(rating.score);
  const comment = propertyValue(rating.comment);
  if ((score === undefined || score === null) && (typeof comment !== 'string' || comment === '')) return undefined;
  return { score: typeof score === 'number' ? score : null, scale: 'good=1/bad=0', ...(typeof comment === 'string' && comment !== '' ? { comment } : {}) };
}

type EventResult =
  | { kind: 'message'; message: MessageDraft; deleted: boolean }
  | { kind: 'record' }
  | { kind: 'skipped'; reason: string };

function readEvent(raw: unknown, where: string, users: Map<string, User>, agentNames: Map<string, string>, location: SourceLocation, options: AdapterOptions): EventResult {
  if (!raw || typeof raw !== 'object') return { kind: 'skipped', reason: t('livechat.notEvent', { where, value: describeValue(raw) }) };
  const event = raw as Record<string, unknown>;
  const type = text(event.type) ?? '';
  const at = t('livechat.event', { where, event: text(event.id) ?? t('livechat.noEventId') });
  if (!EVENT_TYPES_READ.includes(type)) {
    return { kind: 'skipped', reason: t('livechat.unknownType', { where: at, value: describeValue(event.type), types: list(EVENT_TYPES_READ) }) };
  }
  // Forms (pre-chat, post-chat) and custom events are application data, not conversation.
  if (type === 'filled_form' || type === 'custom') return { kind: 'record' };
  const time = parseInstant(event.created_at, options.timezone);
  if (time === undefined) {
    return { kind: 'skipped', reason: t('livechat.badTime', { where: at, value: describeValue(event.created_at) }) };
  }
  const base = { time, sourceId: text(event.id), internal: event.visibility === 'agents', location };
  const deleted = event.deleted === true;

  if (type === 'system_message') {
    const systemType = text(event.system_message_type) ?? '';
    const eventText = text(event.text)?.trim() || systemType || '系统消息';
    return { kind: 'message', deleted, message: { ...base, role: 'system', text: eventText, kind: 'event', event: systemEvent(systemType) } };
  }

  const authorId = text(event.author_id);
  let author = authorId ? users.get(authorId) : undefined;
  // Agents who left a chat can drop out of `users`; their ids are their login e-mails.
  if (!author && authorId?.includes('@')) author = { role: 'agent', name: agentNames.get(authorId) };
  if (!author) {
    return { kind: 'skipped', reason: t('livechat.unknownAuthor', { where: at, value: describeValue(event.author_id) }) };
  }
  const who = author.role === 'agent'
    ? { role: 'agent' as const, agentId: authorId, agentName: author.name }
    : author.role === 'bot'
      ? { role: 'bot' as const, agentName: author.name }
      : author.role === 'customer' && author.name
        ? { role: author.role, customerName: author.name }
        : { role: author.role };

  if (type === 'message') {
    const messageText = text(event.text);
    if (messageText === undefined) return { kind: 'skipped', reason: t('livechat.textNotString', { where: at, value: describeValue(event.text) }) };
    return { kind: 'message', deleted, message: { ...base, ...who, text: messageText, kind: 'text' } };
  }
  if (type === 'file') {
    const kind: MessageKind = text(event.content_type)?.startsWith('image/') ? 'image' : 'file';
    return { kind: 'message', deleted, message: { ...base, ...who, text: text(event.name) ?? text(event.url) ?? '', kind } };
  }
  return { kind: 'message', deleted, message: { ...base, ...who, text: richText(event.elements), kind: 'text' } };
}

function threadsOf(chat: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(chat.threads)) return chat.threads;
  if (chat.thread && typeof chat.thread === 'object') return [chat.thread];
  return undefined;
}

/**
 * The chats of a `list_archives` / `list_chats` response (`{"chats": [...], "next_page_id": …}`)
 * saved as one minified line, or pages appended one per line, located by line and index.
 */
function* chatsOf(value: unknown, location: SourceLocation): Generator<{ chat: unknown; location: SourceLocation }> {
  const page = value as Record<string, unknown> | null;
  if (page && typeof page === 'object' && !Array.isArray(page) && !('users' in page) && Array.isArray(page.chats)) {
    for (const [index, chat] of page.chats.entries()) yield { chat, location: { ...location, record: index } };
    return;
  }
  yield { chat: value, location };
}

function looksLikeChat(item: Record<string, unknown>): boolean {
  const threads = threadsOf(item);
  if (!threads || !Array.isArray(item.users)) return false;
  const hasEvents = threads.some((t) => t && typeof t === 'object' && Array.isArray((t as Record<string, unknown>).events));
  const typedUsers = (item.users as unknown[]).some((u) => u && typeof u === 'object' && ['customer', 'agent'].includes(String((u as Record<string, unknown>).type)));
  return hasEvents && typedUsers;
}

export const livechatAdapter: Adapter = {
  name: 'livechat',
  description: 'LiveChat Agent Chat API chats and archives (users[] plus thread.events[] or threads[].events[])',
  layout: 'messages',
  detect(head) {
    const item = firstJsonItem(head);
    const first = item && !('users' in item) && Array.isArray(item.chats) ? (item.chats[0] as Record<string, unknown> | undefined) : item;
    if (first && typeof first === 'object' && looksLikeChat(first)) return 0.95;
    return /"threads?"\s*:/.test(head) && /"events"\s*:\s*\[/.test(head) && /"author_id"\s*:/.test(head) && /"users"\s*:\s*\[/.test(head) ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const agentNames = new Map<string, string>();
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      for (const item of chatsOf(document.value, document.location)) yield* readChat(item.chat, item.location, input.name, agentNames, options);
    }
  },
};

function* readChat(value: unknown, location: SourceLocation, file: string, agentNames: Map<string, string>, options: AdapterOptions): Generator<ReadEvent> {
  const chat = value as Record<string, unknown> | null;
  const threads = chat && typeof chat === 'object' ? threadsOf(chat) : undefined;
  if (!chat || !threads || !Array.isArray(chat.users)) {
    yield { type: 'skipped', location, reason: t('livechat.notChat') };
    return;
  }
  const chatId = text(chat.id)?.trim() || `${file}#${location.record ?? location.line}`;
  const users = usersOf(chat.users, options, agentNames);
  const chatCsat = csatOf(chat.properties);
  let records = 0;
  for (const [index, rawThread] of threads.entries()) {
    const thread = rawThread as Record<string, unknown> | null;
    // A thread is named by its id, or by its place (1-based) when it has none.
    const where = text(thread?.id) ? t('livechat.thread', { chat: chatId, thread: text(thread?.id)! }) : t('livechat.threadAt', { chat: chatId, index: index + 1 });
    if (!thread || typeof thread !== 'object' || !Array.isArray(thread.events)) {
      records++;
      yield { type: 'skipped', location, reason: t('livechat.notThread', { where }) };
      continue;
    }
    const csat = csatOf(thread.properties) ?? chatCsat;
    for (const rawEvent of thread.events) {
      records++;
      const result = readEvent(rawEvent, where, users, agentNames, location, options);
      if (result.kind === 'skipped') yield { type: 'skipped', location, reason: result.reason };
      else if (result.kind === 'record') yield { type: 'record', location };
      // A deleted event is withdrawn, like a recalled message: read, but not part of the chat.
      else if (result.deleted) yield { type: 'record', location };
      else yield { type: 'message', conversationId: chatId, message: result.message, meta: csat ? { csat } : undefined };
    }
  }
  if (records === 0) yield { type: 'record', location };
}
