import { t } from '../i18n/index.js';
import type { EventType, Message, MessageKind, Role, SourceLocation } from '../model/conversation.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, type Adapter, type AdapterOptions, type MessageDraft, type ReadEvent } from './adapter.js';
import { numbered, sortByTime } from './grouping.js';

/*
 * Zendesk Chat (formerly Zopim) chat objects.
 *
 * Field names follow Zendesk's Chat REST API reference, "Chats" — JSON format for chats and for
 * offline messages (https://developer.zendesk.com/api-reference/live-chat/chat-api/chats/):
 * `{id, type: "chat" | "offline_msg", visitor, history[], rating, comment, department_name,
 * missed, started_by, zendesk_ticket_id}`. A history entry carries `type` (chat.msg,
 * chat.memberjoin, chat.memberleave, chat.file, chat.rating, chat.comment, chat.request.rating,
 * chat.event …), `timestamp` (ISO 8601 UTC), `msg`, `msg_id`, and the sender. The sender is written
 * two ways: the Real Time Chat API and the Web/Apps SDKs use `nick` ("visitor", "visitor:1-12345",
 * "agent:<agent id>", "agent:trigger", "agent:system") plus `display_name` (see the Apps chat
 * sidebar events, https://developer.zendesk.com/api-reference/apps/apps-chat-api/chat_sidebar/);
 * REST exports also carry `name`, `sender_type` and `agent_id` (as in Singer's tap-zendesk-chat
 * `chat_history` schema). Both are read. Chat-level `rating` is "good" or "bad"; history entries
 * of type chat.rating / chat.comment carry `new_rating` / `new_comment`.
 *
 * Offline messages (`type: "offline_msg"`) have no history: a visitor left a message while no
 * agent was online, and it is answered by e-mail or a Support ticket (`zendesk_ticket_id`), not in
 * the chat. They are counted as records read and used, but make no conversation: there is no chat
 * to judge, and a lone customer message would read as an unanswered chat.
 */

interface Sender {
  role: Role;
  agentId?: string;
  name?: string;
}

const BOT_NICKS = new Set(['agent:trigger', 'agent:system', 'agent:bot', 'agent:answerbot']);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function configuredRole(value: string, options: AdapterOptions): Role | undefined {
  return options.roles[value] ?? options.roles[value.toLowerCase()];
}

/** Who wrote a history entry: `nick` first, then the REST `sender_type` / `agent_id` / `name`. */
function senderOf(entry: Record<string, unknown>, options: AdapterOptions): Sender | undefined {
  const name = (text(entry.display_name) ?? text(entry.name))?.trim() || undefined;
  const nick = text(entry.nick)?.trim();
  if (nick) {
    const configured = configuredRole(nick, options);
    if (configured) return { role: configured, name };
    const lowered = nick.toLowerCase();
    if (lowered === 'visitor' || lowered.startsWith('visitor:')) return { role: 'customer', name };
    if (BOT_NICKS.has(lowered)) return { role: 'bot', name };
    if (lowered.startsWith('agent:')) return { role: 'agent', agentId: nick.slice('agent:'.length) || undefined, name };
    return undefined;
  }
  const senderType = text(entry.sender_type)?.trim().toLowerCase();
  if (senderType) {
    const configured = configuredRole(senderType, options);
    if (configured) return { role: configured, name };
    if (senderType === 'visitor') return { role: 'customer', name };
    if (senderType === 'agent') return { role: 'agent', agentId: text(entry.agent_id), name };
    if (senderType === 'trigger' || senderType === 'system' || senderType === 'bot') return { role: 'bot', name };
    return undefined;
  }
  if (entry.agent_id !== undefined && entry.agent_id !== null) return { role: 'agent', agentId: text(entry.agent_id), name };
  if (name && /^visitor\b/i.test(name)) return { role: 'customer', name };
  return undefined;
}

function label(sender: Sender): string {
  // A visitor's display name is the customer's own name or nickname: an event line is message text,
  // which --redact masks but does not pseudonymise, so the name is left out of it.
  if (sender.role === 'customer') return '访客';
  if (sender.role === 'bot') return sender.name ? `机器人 ${sender.name}` : '机器人';
  const who = sender.name ?? (sender.agentId ? `#${sender.agentId}` : undefined);
  return who ? `客服 ${who}` : '客服';
}

const RATING_WORDS: Record<string, string> = { good: '好评', bad: '差评' };

/** History types that hold nothing to keep: typing indicators and read receipts. */
const IGNORED_TYPES = new Set(['typing', 'chat.typing', 'chat.last_read', 'chat.queue_position', 'chat.wait_queue']);

type EntryResult =
  | { kind: 'message'; message: MessageDraft; rating?: string | null; comment?: string }
  | { kind: 'ignored' }
  | { kind: 'unknown'; type: string }
  | { kind: 'problem'; reason: string };

function readEntry(entry: unknown, index: number, location: SourceLocation, options: AdapterOptions): EntryResult {
  if (!entry || typeof entry !== 'object') return { kind: 'problem', reason: t('zendesk.notEntry', { index, value: describeValue(entry) }) };
  const record = entry as Record<string, unknown>;
  const type = text(record.type)?.trim() ?? '';
  if (IGNORED_TYPES.has(type)) return { kind: 'ignored' };
  const rawTime = record.timestamp;
  const time = parseInstant(rawTime, options.timezone);
  if (rawTime !== undefined && rawTime !== null && rawTime !== '' && time === undefined) {
    return { kind: 'problem', reason: t('zendesk.badTime', { index, value: describeValue(rawTime) }) };
  }
  const sourceId = text(record.msg_id)?.trim() || undefined;
  const base = { time, sourceId, internal: false, location };
  const eventMessage = (eventType: EventType, eventText: string): MessageDraft => ({ ...base, role: 'system', text: eventText, kind: 'event', event: eventType });
  const event = (eventType: EventType, eventText: string): EntryResult => ({ kind: 'message', message: eventMessage(eventType, eventText) });
  const sender = senderOf(record, options);
  const needSender = (): EntryResult | undefined => {
    if (sender) return undefined;
    const given = record.nick ?? record.sender_type;
    const what = given === undefined || given === null ? t('zendesk.noSender', { index, type }) : t('zendesk.unknownSender', { index, type, value: describeValue(given) });
    return { kind: 'problem', reason: t('zendesk.senderExpected', { what }) };
  };

  switch (type) {
    case 'chat.msg': {
      const missing = needSender();
      if (missing) return missing;
      const msg = text(record.msg);
      if (msg === undefined) return { kind: 'problem', reason: t('zendesk.msgNotText', { index, value: describeValue(record.msg) }) };
      return { kind: 'message', message: { ...base, ...speaker(sender!), text: msg, kind: 'text' } };
    }
    case 'chat.file': {
      const missing = needSender();
      if (missing) return missing;
      const attachment = (record.attachment && typeof record.attachment === 'object' ? record.attachment : {}) as Record<string, unknown>;
      const mime = text(attachment.mime_type) ?? '';
      const kind: MessageKind = mime.startsWith('image/') ? 'image' : 'file';
      const fileText = text(record.msg) || text(attachment.name) || text(attachment.url) || '';
      return { kind: 'message', message: { ...base, ...speaker(sender!), text: fileText, kind } };
    }
    case 'chat.memberjoin':
      return event('join', `${sender ? label(sender) : '成员'} 加入会话`);
    case 'chat.memberleave':
      return event('leave', `${sender ? label(sender) : '成员'} 离开会话`);
    case 'chat.rating': {
      const rating = record.new_rating === undefined ? record.rating : record.new_rating;
      const ratingText = typeof rating === 'string' ? RATING_WORDS[rating] ?? rating : undefined;
      return { kind: 'message', message: eventMessage('rating', ratingText ? `访客评价：${ratingText}` : '访客撤销了评价'), rating: typeof rating === 'string' ? rating : null };
    }
    case 'chat.comment': {
      const comment = text(record.new_comment) ?? text(record.comment) ?? '';
      return { kind: 'message', message: eventMessage('rating', `访客评价留言：${comment}`), comment };
    }
    case 'chat.request.rating':
      return event('other', `${sender ? label(sender) : '客服'} 邀请访客评价`);
    case 'chat.departmenttransfer':
    case 'chat.transfer':
      return event('transfer', text(record.msg) || `会话转接${text(record.department_name) ? `到 ${text(record.department_name)}` : ''}`);
    case 'chat.event':
    case 'chat.system':
      return event('other', text(record.msg) ?? type);
    default:
      return { kind: 'unknown', type: type || '(no type)' };
  }
}

function speaker(sender: Sender): Pick<Message, 'role' | 'agentId' | 'agentName' | 'customerName'> {
  if (sender.role === 'agent') return { role: 'agent', agentId: sender.agentId, agentName: sender.name };
  if (sender.role === 'bot') return { role: 'bot', agentName: sender.name };
  return sender.role === 'customer' && sender.name ? { role: sender.role, customerName: sender.name } : { role: sender.role };
}

function csatOf(chat: Record<string, unknown>, fromHistory: { rating?: string | null; comment?: string }): Record<string, unknown> | undefined {
  const rating = typeof chat.rating === 'string' ? chat.rating : fromHistory.rating ?? undefined;
  const comment = typeof chat.comment === 'string' && chat.comment !== '' ? chat.comment : fromHistory.comment || undefined;
  if (rating === undefined && comment === undefined) return undefined;
  return { score: rating ?? null, scale: 'good/bad', ...(comment !== undefined ? { comment } : {}) };
}

/**
 * The chats inside an API response page (`{"chats": [...], "count": …}`). A page saved as one
 * minified line, or pages appended one per line, read as JSONL whose items are pages; their
 * chats are read one by one, located by line and index.
 */
function* chatsOf(value: unknown, location: SourceLocation): Generator<{ chat: unknown; location: SourceLocation }> {
  const page = value as Record<string, unknown> | null;
  if (page && typeof page === 'object' && !Array.isArray(page) && !('history' in page) && page.type === undefined && Array.isArray(page.chats)) {
    for (const [index, chat] of page.chats.entries()) yield { chat, location: { ...location, record: index } };
    return;
  }
  yield { chat: value, location };
}

/** A chat whose first history entry is a chat.* entry with a sender, or an offline message. */
function looksLikeChat(item: Record<string, unknown>): boolean {
  const hasVisitor = typeof item.visitor === 'object' && item.visitor !== null;
  if (Array.isArray(item.history)) {
    const first = item.history.find((entry) => entry && typeof entry === 'object') as Record<string, unknown> | undefined;
    if (!first) return item.type === 'chat' && hasVisitor;
    return typeof first.type === 'string' && first.type.startsWith('chat.') && ['nick', 'sender_type', 'display_name', 'name'].some((key) => key in first);
  }
  return item.type === 'offline_msg' && hasVisitor;
}

export const zendeskChatAdapter: Adapter = {
  name: 'zendesk-chat',
  description: 'Zendesk Chat chats (REST API / Real Time Chat API: history[] with chat.msg, nick, display_name)',
  layout: 'dialogues',
  detect(head) {
    const item = firstJsonItem(head);
    const first = item && Array.isArray(item.chats) && !('history' in item) ? (item.chats[0] as Record<string, unknown> | undefined) : item;
    if (first && typeof first === 'object' && looksLikeChat(first)) return 0.95;
    return /"history"\s*:\s*\[/.test(head) && /"type"\s*:\s*"chat\.(msg|memberjoin)"/.test(head) ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      for (const item of chatsOf(document.value, document.location)) yield* readChat(item.chat, item.location, input.name, options);
    }
  },
};

function* readChat(value: unknown, location: SourceLocation, file: string, options: AdapterOptions): Generator<ReadEvent> {
  const chat = value as Record<string, unknown> | null;
  if (chat && typeof chat === 'object' && chat.type === 'offline_msg') {
    // An offline message: read and understood, but no chat to judge (see the note at the top).
    yield { type: 'record', location };
    return;
  }
  if (!chat || typeof chat !== 'object' || !Array.isArray(chat.history)) {
    yield { type: 'skipped', location, reason: t('zendesk.notChat') };
    return;
  }
  const id = text(chat.id)?.trim() || `${file}#${location.record ?? location.line}`;
  const messages: MessageDraft[] = [];
  const problems: string[] = [];
  const unknownTypes = new Map<string, number>();
  const fromHistory: { rating?: string | null; comment?: string } = {};
  chat.history.forEach((entry, index) => {
    const result = readEntry(entry, index, location, options);
    if (result.kind === 'message') {
      messages.push(result.message);
      if (result.rating !== undefined) fromHistory.rating = result.rating;
      if (result.comment !== undefined) fromHistory.comment = result.comment;
    } else if (result.kind === 'problem') problems.push(result.reason);
    else if (result.kind === 'unknown') unknownTypes.set(result.type, (unknownTypes.get(result.type) ?? 0) + 1);
  });
  // Each entry left out is a record skipped, so that the summary shows the loss and --strict fails on it.
  for (const problem of problems) yield { type: 'skipped', location, reason: t('zendesk.inChat', { id, problem }) };
  // An entry of a type supportlint does not read may be a message under another name
  // (chat.message): each is a record skipped, so the loss shows in the summary and fails --strict.
  for (const [type, count] of unknownTypes) {
    for (let i = 0; i < count; i++) yield { type: 'skipped', location, reason: t('zendesk.inChat', { id, problem: `history 中类型为 "${type}" 的记录 supportlint 不读取，已跳过` }) };
  }
  const meta: Record<string, unknown> = {};
  const csat = csatOf(chat, fromHistory);
  if (csat) meta.csat = csat;
  if (typeof chat.department_name === 'string') meta.department = chat.department_name;
  if (typeof chat.missed === 'boolean') meta.missed = chat.missed;
  if (typeof chat.started_by === 'string') meta.startedBy = chat.started_by;
  if (typeof chat.zendesk_ticket_id === 'number' || typeof chat.zendesk_ticket_id === 'string') meta.ticketId = String(chat.zendesk_ticket_id);
  // The visitor's name on the chat, which may differ from the display name in its messages.
  const visitorName = typeof chat.visitor === 'object' && chat.visitor !== null ? text((chat.visitor as Record<string, unknown>).name)?.trim() : undefined;
  if (visitorName) meta.customerNames = [visitorName];
  yield {
    type: 'conversation',
    records: 1,
    conversation: {
      id,
      source: { file, format: 'zendesk-chat' },
      messages: numbered(sortByTime(messages)),
      meta,
    },
  };
}
