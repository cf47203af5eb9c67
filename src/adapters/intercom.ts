import { t } from '../i18n/index.js';
import type { EventType, Message, MessageKind, Role, SourceLocation } from '../model/conversation.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, valueKind, type Adapter, type AdapterOptions, type MessageDraft, type ReadEvent } from './adapter.js';
import { numbered, sortByTime } from './grouping.js';

/*
 * Intercom conversations, as "Retrieve a conversation" returns them (REST API 2.x) or a list of
 * them (`{"type": "conversation.list", "conversations": [...]}`, JSON array or JSONL).
 *
 * Field names follow Intercom's Conversation Part Model
 * (https://developers.intercom.com/docs/references/1.0/rest-api/conversations/conversation-part-model)
 * and the types generated from Intercom's API definition in the official intercom-client package
 * (v6–v7: Conversation, ConversationSource, ConversationPart, ConversationPartAuthor,
 * ConversationRating, ManageConversationPartsRequest):
 * - the opening message is `source` (`{type, id, delivered_as, body, author, attachments}`), not a
 *   part; its time is the conversation's `created_at`;
 * - the rest is `conversation_parts.conversation_parts[]`: `{id, part_type, body, created_at,
 *   author: {type, id, name}, assigned_to, attachments, redacted}`;
 * - `author.type` is user / lead / contact (the customer), admin or team (staff), or bot;
 *   `author.from_ai_agent` marks a part Fin wrote on an admin's behalf;
 * - times are epoch seconds; bodies are HTML;
 * - `conversation_rating`: `{rating: 1–5, remark, created_at, teammate}`.
 * The List endpoint leaves the parts out; such a conversation is read from its source alone, with
 * a warning.
 */

const AUTHOR_ROLES: Record<string, Role> = { user: 'customer', lead: 'customer', contact: 'customer', admin: 'agent', team: 'agent', bot: 'bot' };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', yen: '¥', copy: '©', reg: '®', times: '×', bull: '•',
};

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Intercom bodies are HTML. Paragraphs, list items and <br> become line breaks, images become
 * "[图片]", other tags go, and entities are decoded, so rules see what the customer saw.
 */
export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return decodeEntities(html);
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s*[\r\n]+\s*/g, ' ') // line breaks in HTML source are not line breaks on screen
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<img\b[^>]*>/gi, '[图片]')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr)\s*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

interface Author {
  role: Role;
  id?: string;
  name?: string;
}

function authorOf(raw: unknown, options: AdapterOptions): Author | { problem: string } {
  if (!raw || typeof raw !== 'object') return { problem: t('intercom.notAuthor', { value: describeValue(raw) }) };
  const author = raw as Record<string, unknown>;
  const type = text(author.type)?.trim() ?? '';
  const role = options.roles[type] ?? AUTHOR_ROLES[type.toLowerCase()];
  if (!role) return { problem: t('intercom.unknownAuthor', { value: describeValue(author.type) }) };
  const name = text(author.name)?.trim() || undefined;
  const id = text(author.id)?.trim() || undefined;
  // Fin answers on an admin's behalf; its parts are a bot's, not a person's.
  if (role === 'agent' && (author.from_ai_agent === true || author.is_ai_answer === true)) return { role: 'bot', id, name };
  return { role, id, name };
}

function speaker(author: Author): Pick<Message, 'role' | 'agentId' | 'agentName' | 'customerName'> {
  if (author.role === 'agent') return { role: 'agent', agentId: author.id, agentName: author.name };
  if (author.role === 'bot') return { role: 'bot', agentName: author.name };
  return author.role === 'customer' && author.name ? { role: author.role, customerName: author.name } : { role: author.role };
}

interface Attachment {
  name?: string;
  url?: string;
  contentType?: string;
}

function attachmentsOf(value: unknown): Attachment[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((a): a is Record<string, unknown> => !!a && typeof a === 'object')
    .map((a) => ({ name: text(a.name), url: text(a.url), contentType: text(a.content_type) }));
}

/** The visible content of a body plus attachments: text, or the attachments' names. */
function content(body: unknown, attachments: Attachment[]): { text: string; kind: MessageKind } | undefined {
  const bodyText = typeof body === 'string' ? htmlToText(body).trim() : '';
  // An image pasted into the Messenger arrives as an <img> in the body, not as an attachment.
  if (bodyText !== '') return { text: bodyText, kind: bodyText.replace(/\[图片\]|\s/g, '') === '' ? 'image' : 'text' };
  if (attachments.length === 0) return undefined;
  const kind: MessageKind = attachments.every((a) => a.contentType?.startsWith('image/')) ? 'image' : 'file';
  return { text: attachments.map((a) => a.name ?? a.url ?? '').filter(Boolean).join('\n'), kind };
}

/** A body that is there but is not HTML text: a damaged export, whose words are lost, so it is skipped with a reason. */
function bodyProblem(body: unknown): string | undefined {
  return body === undefined || body === null || typeof body === 'string' ? undefined : t('intercom.bodyNotText', { kind: valueKind(body) });
}

/** Part types that say something: the author's words, shown to the customer unless a note. */
const NOTE_TYPES = new Set(['note', 'note_and_reopen']);
const ASSIGN_TYPES = new Set(['assignment', 'default_assignment', 'away_mode_assignment', 'assign_and_reopen', 'assign_and_unsnooze', 'round_robin_assignment']);
const STATE_EVENTS: Record<string, { event: EventType; text: string }> = {
  open: { event: 'other', text: '重新打开会话' },
  close: { event: 'end', text: '关闭会话' },
  snoozed: { event: 'other', text: '暂停会话' },
  unsnoozed: { event: 'other', text: '恢复会话' },
  timer_unsnooze: { event: 'other', text: '会话到时自动恢复' },
  participant_added: { event: 'join', text: '添加了参与者' },
  participant_removed: { event: 'leave', text: '移除了参与者' },
  conversation_rating_changed: { event: 'rating', text: '客户更新了评分' },
  conversation_rating_remark_added: { event: 'rating', text: '客户添加了评价' },
};

function who(author: Author): string {
  if (author.role === 'customer') return author.name ? `客户 ${author.name}` : '客户';
  if (author.role === 'bot') return author.name ? `机器人 ${author.name}` : '机器人';
  return `客服 ${author.name ?? (author.id ? `#${author.id}` : '')}`.trim();
}

function assigneeLabel(assignedTo: unknown, names: Map<string, string>): string | undefined {
  if (!assignedTo || typeof assignedTo !== 'object') return undefined;
  const ref = assignedTo as Record<string, unknown>;
  const id = text(ref.id);
  if (ref.type === 'nobody_admin' || id === '0') return '无人';
  if (!id) return undefined;
  if (ref.type === 'team') return `团队 #${id}`;
  return `客服 ${names.get(id) ?? `#${id}`}`;
}

type PartResult = { messages: MessageDraft[] } | { problem: string };

function readPart(part: unknown, index: number, location: SourceLocation, options: AdapterOptions, adminNames: Map<string, string>): PartResult {
  if (!part || typeof part !== 'object') return { problem: t('intercom.notPart', { part: index, value: describeValue(part) }) };
  const record = part as Record<string, unknown>;
  const partType = text(record.part_type)?.trim() ?? '';
  const where = t('intercom.part', { part: text(record.id) ?? index, type: partType || t('intercom.noPartType') });
  const author = authorOf(record.author, options);
  if ('problem' in author) return { problem: t('intercom.at', { where, problem: author.problem }) };
  const time = parseInstant(record.created_at, options.timezone);
  if (time === undefined) return { problem: t('intercom.at', { where, problem: t('intercom.badTime', { value: describeValue(record.created_at) }) }) };
  const base = { time, sourceId: text(record.id), location };
  const badBody = bodyProblem(record.body);
  if (badBody) return { problem: t('intercom.at', { where, problem: badBody }) };
  const said = content(record.body, attachmentsOf(record.attachments));

  if (partType === 'comment' || partType === '' || NOTE_TYPES.has(partType)) {
    if (!said) return { messages: [] };
    return { messages: [{ ...base, ...speaker(author), ...said, internal: NOTE_TYPES.has(partType) }] };
  }
  const messages: MessageDraft[] = [];
  // When a part yields a message and an event, the message keeps the part's id.
  const event = (eventType: EventType, eventText: string) =>
    messages.push({ ...base, sourceId: messages.length > 0 ? undefined : base.sourceId, role: 'system', text: eventText, kind: 'event', event: eventType, internal: false });
  if (ASSIGN_TYPES.has(partType)) {
    // A body on an assignment is the teammate's note to the assignee, seen by staff only.
    if (said) messages.push({ ...base, ...speaker(author), ...said, internal: true });
    const assignee = assigneeLabel(record.assigned_to, adminNames);
    event('assign', assignee ? `${who(author)} 将会话分配给 ${assignee}` : `${who(author)} 分配了会话`);
    return { messages };
  }
  const state = STATE_EVENTS[partType];
  if (state) {
    // "Reply and close" and the like: a body here is a reply the customer sees.
    if (said) messages.push({ ...base, ...speaker(author), ...said, internal: false });
    event(state.event, `${who(author)} ${state.text}`);
    return { messages };
  }
  // Other part types (attribute updates, SLA, language detection, workflow steps) record state,
  // not speech; one that carries a body is kept as the author's message.
  if (said) return { messages: [{ ...base, ...speaker(author), ...said, internal: false }] };
  return { messages: [] };
}

/**
 * The conversations of a list response (`{"type": "conversation.list", "conversations": [...]}`)
 * saved as one minified line, or list pages appended one per line, located by line and index.
 */
function* conversationsOf(value: unknown, location: SourceLocation): Generator<{ conversation: unknown; location: SourceLocation }> {
  const page = value as Record<string, unknown> | null;
  if (page && typeof page === 'object' && !Array.isArray(page) && page.type !== 'conversation' && Array.isArray(page.conversations)) {
    for (const [index, conversation] of page.conversations.entries()) yield { conversation, location: { ...location, record: index } };
    return;
  }
  yield { conversation: value, location };
}

function looksLikeConversation(item: Record<string, unknown>): boolean {
  const parts = item.conversation_parts as Record<string, unknown> | undefined;
  if (parts && typeof parts === 'object' && Array.isArray(parts.conversation_parts)) return true;
  const source = item.source as Record<string, unknown> | undefined;
  return item.type === 'conversation' && !!source && typeof source === 'object' && typeof source.author === 'object';
}

/** Intercom's source.type; "conversation" is a chat started in the Messenger. */
function channelOf(source: Record<string, unknown>): string | undefined {
  const type = text(source.type);
  if (!type) return undefined;
  return type === 'conversation' ? 'messenger' : type;
}

export const intercomAdapter: Adapter = {
  name: 'intercom',
  description: 'Intercom conversations (source + conversation_parts with part_type and author.type; HTML bodies)',
  layout: 'dialogues',
  detect(head) {
    const item = firstJsonItem(head);
    const first = item && item.type !== 'conversation' && Array.isArray(item.conversations) ? (item.conversations[0] as Record<string, unknown> | undefined) : item;
    if (first && typeof first === 'object' && looksLikeConversation(first)) return 0.95;
    return /"conversation_parts"\s*:/.test(head) && /"part_type"\s*:/.test(head) ? 0.9 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      for (const item of conversationsOf(document.value, document.location)) yield* readConversation(item.conversation, item.location, input.name, options);
    }
  },
};

function* readConversation(value: unknown, location: SourceLocation, file: string, options: AdapterOptions): Generator<ReadEvent> {
  const conversation = value as Record<string, unknown> | null;
  const partsList = conversation && typeof conversation === 'object' ? (conversation.conversation_parts as Record<string, unknown> | undefined) : undefined;
  const parts = partsList && typeof partsList === 'object' && Array.isArray(partsList.conversation_parts) ? (partsList.conversation_parts as unknown[]) : undefined;
  const source = conversation && typeof conversation === 'object' && conversation.source && typeof conversation.source === 'object' ? (conversation.source as Record<string, unknown>) : undefined;
  if (!conversation || typeof conversation !== 'object' || (!parts && !source)) {
    yield { type: 'skipped', location, reason: t('intercom.notConversation') };
    return;
  }
  const id = text(conversation.id)?.trim() || `${file}#${location.record ?? location.line}`;
  const problems: string[] = [];
  const messages: MessageDraft[] = [];

  // Assignment parts name the assignee by id only; the names come from the admins' own parts.
  const adminNames = new Map<string, string>();
  for (const part of parts ?? []) {
    const author = (part as Record<string, unknown> | null)?.author as Record<string, unknown> | undefined;
    const authorId = text(author?.id);
    if (author?.type === 'admin' && authorId && typeof author.name === 'string' && author.name) adminNames.set(authorId, author.name);
  }

  if (source) {
    const author = authorOf(source.author, options);
    const said = content(source.body, attachmentsOf(source.attachments));
    const rawTime = source.created_at ?? conversation.created_at;
    const time = parseInstant(rawTime, options.timezone);
    const badBody = bodyProblem(source.body);
    if ('problem' in author) problems.push(t('intercom.at', { where: t('intercom.source'), problem: author.problem }));
    else if (badBody) problems.push(t('intercom.at', { where: t('intercom.source'), problem: badBody }));
    else if (rawTime !== undefined && rawTime !== null && time === undefined) problems.push(t('intercom.at', { where: t('intercom.source'), problem: t('intercom.badTime', { value: describeValue(rawTime) }) }));
    else if (said) messages.push({ time, sourceId: text(source.id), location, ...speaker(author), ...said, internal: false });
  }
  (parts ?? []).forEach((part, index) => {
    const result = readPart(part, index, location, options, adminNames);
    if ('problem' in result) problems.push(result.problem);
    else messages.push(...result.messages);
  });
  // Each part left out is a record skipped, so that the summary shows the loss and --strict fails on it.
  for (const problem of problems) yield { type: 'skipped', location, reason: t('intercom.inConversation', { id, problem }) };
  if (!parts) {
    yield { type: 'warning', location, reason: t('intercom.noParts', { id }) };
  }

  const meta: Record<string, unknown> = {};
  const rating = conversation.conversation_rating as Record<string, unknown> | null | undefined;
  if (rating && typeof rating === 'object' && (typeof rating.rating === 'number' || typeof rating.remark === 'string')) {
    meta.csat = {
      score: typeof rating.rating === 'number' ? rating.rating : null,
      scale: 5,
      ...(typeof rating.remark === 'string' && rating.remark !== '' ? { comment: rating.remark } : {}),
    };
  }
  if (typeof conversation.state === 'string') meta.state = conversation.state;
  if (typeof conversation.title === 'string' && conversation.title !== '') meta.title = conversation.title;

  yield {
    type: 'conversation',
    records: 1,
    conversation: {
      id,
      source: { file, format: 'intercom' },
      channel: source ? channelOf(source) : undefined,
      messages: numbered(sortByTime(messages)),
      meta,
    },
  };
}
