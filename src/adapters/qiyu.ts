import type { EventType, MessageKind, Role } from '../model/conversation.js';
import { readLines } from '../io/input.js';
import { firstJsonLine, jsonSyntaxReason } from '../io/json-documents.js';
import { t } from '../i18n/index.js';
import { repeatedKey, repeatedKeyReason } from '../io/json-keys.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, type Adapter, type MessageDraft, type ReadEvent } from './adapter.js';

/*
 * 网易七鱼 (NetEase Qiyu) message export: the `message.txt` of an online-session export, one JSON
 * object per line, one line per message.
 *
 * Sources for the field names and values:
 * - The brief that asked for this reader: `sessionId`, `from` (0 staff, 1 visitor), `staffId`
 *   (a robot when <= 0), `staffName`, `time` (epoch ms), `msg`/`content`, `msgType`/`type`.
 * - 七鱼's API documentation (https://apifox.com/apidoc/docs-site/605287, 数据导出 › 消息接口,
 *   doc-437055, and 获取会话记录, doc-437028) lists the export, but the stored copies searched for
 *   this reader held only its table of contents: the field list itself could not be checked there.
 * - 七鱼's own console message component, as copied in a public repository
 *   (github.com/danhuanhe/AllInOne, WEB-CRM/source/lib/qiyu/Components/MsgList: MsgFactory.js and
 *   __mock__/*.js): a message is `{id, sessionId, type, content, time, fromUser, msgIdClient,
 *   withdrawStatus, ...}` with `fromUser` 1 for the visitor and 0 for the staff side, `time` in epoch
 *   milliseconds, `withdrawStatus` 1 for a recalled message, and the types text, image, audio,
 *   video, file, richtext (HTML), qa (robot answer), workflow and card (robot templates), and the
 *   system notices tip, cnotify, ainvalid, sys and transkefu (转人工/转接).
 * - NetEase's own websocket mock (github.com/NSFI/qiyu-wsMock, src/config/msgType.js) writes the
 *   same fields in lower case (`sessionid`, `staffid`, `staffname`, `fromUser`, `autoreply`), gives
 *   the robot the staff id "QIYU_ROBOT", and starts a new session id on a transfer (`old_sessionid`).
 *
 * Where these are silent the reader is tolerant: it takes the camelCase, lower-case and snake_case
 * spellings of every field, `from` or `fromUser`, and `msg`, `content` or `text`.
 *
 * Each sessionId is one conversation. A transfer to another agent starts a new sessionId, so the
 * parts before and after a transfer are separate conversations, as 七鱼 counts them.
 */

type QiyuRecord = Record<string, unknown>;

function field(record: QiyuRecord, names: readonly string[]): unknown {
  for (const name of names) if (record[name] !== undefined && record[name] !== null) return record[name];
  return undefined;
}

const SESSION_FIELDS = ['sessionId', 'sessionid', 'session_id'];
const FROM_FIELDS = ['from', 'fromUser', 'fromuser', 'from_user'];
const STAFF_ID_FIELDS = ['staffId', 'staffid', 'staff_id'];
const STAFF_NAME_FIELDS = ['staffName', 'staffname', 'staff_name'];
const TIME_FIELDS = ['time', 'createTime', 'sendTime', 'timestamp'];
const TEXT_FIELDS = ['msg', 'content', 'text'];
const TYPE_FIELDS = ['msgType', 'msgtype', 'mType', 'type'];
const ID_FIELDS = ['id', 'msgId', 'msgid', 'msgIdClient', 'msgidClient'];
const AUTO_REPLY_FIELDS = ['autoReply', 'autoreply', 'auto_reply'];
const WITHDRAWN_FIELDS = ['withdrawStatus', 'withdraw', 'withdrawn'];
const CHANNEL_FIELDS = ['fromType', 'fromtype', 'channel'];

/** System notices of the console (MsgFactory.js): not said by anyone, kept as events. */
const EVENT_TYPES: Record<string, EventType> = {
  transkefu: 'transfer',
  transfer: 'transfer',
  tip: 'other',
  cnotify: 'other',
  ainvalid: 'other',
  sys: 'other',
  system: 'other',
  notify: 'other',
  receiptinfo: 'other',
};

const FILE_TYPES = new Set(['file', 'audio', 'video', 'voice']);
const IMAGE_TYPES = new Set(['image', 'picture', 'img']);

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isTruthyFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return value === '1' || value.toLowerCase() === 'true';
  return false;
}

/** A message body that is itself JSON (images, files, robot answers and cards), parsed. */
function jsonBody(body: unknown): Record<string, unknown> | undefined {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Rich-text (HTML) messages as plain text, keeping their line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The readable part of a message body: the text itself, or the answer, name or link of a JSON body. */
function bodyText(body: unknown, kind: MessageKind): string | undefined {
  const json = jsonBody(body);
  if (json) {
    const keys = kind === 'image' ? ['url', 'name'] : kind === 'file' ? ['name', 'url'] : ['answer', 'text', 'content', 'label', 'title', 'name', 'url'];
    for (const key of keys) {
      const value = json[key];
      if (typeof value === 'string' && value !== '') return value;
    }
    return typeof body === 'string' ? body : JSON.stringify(body);
  }
  return asText(body);
}

type Parsed = { ok: true; event: ReadEvent } | { ok: false; reason: string };

function parseRecord(record: QiyuRecord, timezone: string, location: { file: string; line: number }): Parsed {
  const sessionId = asText(field(record, SESSION_FIELDS))?.trim();
  if (!sessionId) return { ok: false, reason: t('qiyu.noSession') };

  const rawTime = field(record, TIME_FIELDS);
  const time = parseInstant(rawTime, timezone);
  if (rawTime !== undefined && rawTime !== '' && time === undefined) {
    return { ok: false, reason: t('qiyu.badTime', { value: describeValue(rawTime) }) };
  }

  if (isTruthyFlag(field(record, WITHDRAWN_FIELDS))) {
    // The export keeps a recalled message with its withdraw flag; the customer no longer sees it.
    return { ok: true, event: { type: 'record', location } };
  }

  const type = asText(field(record, TYPE_FIELDS))?.trim().toLowerCase() ?? 'text';
  const body = field(record, TEXT_FIELDS);
  const sourceId = asText(field(record, ID_FIELDS))?.trim() || undefined;
  const channel = asText(field(record, CHANNEL_FIELDS))?.trim() || undefined;
  const base = { time, sourceId, internal: false, location };

  const eventType = EVENT_TYPES[type];
  if (eventType) {
    const text = bodyText(body, 'event') ?? '';
    const message: MessageDraft = { ...base, role: 'system', kind: 'event', event: eventType, text: text || (eventType === 'transfer' ? '会话转接' : type) };
    return { ok: true, event: { type: 'message', conversationId: sessionId, message, channel } };
  }

  const from = asText(field(record, FROM_FIELDS))?.trim();
  let role: Role;
  let agentId: string | undefined;
  let agentName: string | undefined;
  if (from === '1') role = 'customer';
  else if (from === '0') {
    const staffId = asText(field(record, STAFF_ID_FIELDS))?.trim();
    agentName = asText(field(record, STAFF_NAME_FIELDS))?.trim() || undefined;
    const numericStaff = staffId !== undefined && /^-?\d+$/.test(staffId) ? Number(staffId) : undefined;
    // Robot answers carry a staff id of 0 or below (or "QIYU_ROBOT"); auto-replies are sent by the
    // system in the agent's name. Neither is a human reply.
    const robot = (numericStaff !== undefined && numericStaff <= 0) || /robot/i.test(staffId ?? '') || isTruthyFlag(field(record, AUTO_REPLY_FIELDS));
    role = robot ? 'bot' : 'agent';
    agentId = robot ? undefined : staffId || undefined;
    if (!robot && !agentId && !agentName) return { ok: false, reason: t('qiyu.staffUnknown') };
  } else {
    return { ok: false, reason: t('qiyu.badFrom', { value: describeValue(field(record, FROM_FIELDS)) }) };
  }

  const kind: MessageKind = IMAGE_TYPES.has(type) ? 'image' : FILE_TYPES.has(type) ? 'file' : 'text';
  let text = bodyText(body, kind);
  if (text === undefined) return { ok: false, reason: body === undefined ? t('qiyu.noText') : t('qiyu.textNotString', { value: describeValue(body) }) };
  if (type === 'richtext' || type === 'rich' || (kind === 'text' && /<(br|p|div|span|a|img|ul|li|b|strong)\b[^>]*>/i.test(text))) text = htmlToText(text);
  const message: MessageDraft = { ...base, role, agentId, agentName, kind, text };
  return { ok: true, event: { type: 'message', conversationId: sessionId, message, channel } };
}

export const qiyuAdapter: Adapter = {
  name: 'qiyu',
  description: '网易七鱼 message export (message.txt: one JSON message per line with sessionId, from, staffId)',
  layout: 'messages',
  detect(head) {
    const record = firstJsonLine(head) as QiyuRecord | undefined;
    if (!record) return 0;
    const has = (names: readonly string[]) => names.some((n) => n in record);
    if (!has(SESSION_FIELDS) || !has(FROM_FIELDS)) return 0;
    if (has(STAFF_ID_FIELDS)) return 0.95;
    return has(TIME_FIELDS) && has(TEXT_FIELDS) ? 0.8 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    for await (const { line, lineNumber } of readLines(input.text())) {
      if (line.trim() === '') continue;
      const location = { file: input.name, line: lineNumber };
      let record: unknown;
      try {
        record = JSON.parse(lineNumber === 1 ? line.replace(/^\ufeff/, '') : line);
      } catch (error) {
        yield {
          type: 'skipped',
          location,
          // The parser's message quotes the line, which holds a customer's words: only the kind and place are told.
          reason: t('qiyu.notJson', { reason: jsonSyntaxReason(error) }),
        };
        continue;
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        yield { type: 'skipped', location, reason: t('qiyu.notObject', { value: describeValue(record) }) };
        continue;
      }
      const repeated = repeatedKey(line, record);
      if (repeated !== undefined) {
        yield { type: 'skipped', location, reason: repeatedKeyReason(repeated) };
        continue;
      }
      const parsed = parseRecord(record as QiyuRecord, options.timezone, location);
      yield parsed.ok ? parsed.event : { type: 'skipped', location, reason: parsed.reason };
    }
  },
};
