import { EVENT_TYPES, MESSAGE_KINDS, type EventType, type MessageKind, type Role, type SourceLocation } from '../model/conversation.js';
import { KNOWN_ROLE_VALUES_HINT, resolveRole } from '../model/roles.js';
import { excelSerialOf, excelSerialWallClock, formatLocalTime, INSTANT_RANGE, instantOutOfRange, parseInstant } from '../time/instant.js';
import { describeValue, pickField as pickRawField, type AdapterOptions, type FieldName, type MessageDraft, type ReadEvent } from './adapter.js';
import { t } from '../i18n/index.js';
import { FIELD_ALIASES } from './fields.js';

export type RecordResult =
  /** `excelSerial`: the time was written as an Excel day serial (see excelSerialOf), as it was written. */
  | { ok: true; conversationId?: string; channel?: string; message: MessageDraft; excelSerial?: string }
  | { ok: false; reason: string };

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * An id written as a JSON number beyond 2^53 has lost digits when it was parsed: 8001234567890123456
 * and …457 both read as 8001234567890124000, and two conversations would become one.
 */
export function isRoundedId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

function asBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return ['true', '1', 'yes', 'y', '是', 'internal'].includes(value.trim().toLowerCase());
  return false;
}

/** A field's value, after the configured value map (`--map-values role=0:customer,1:agent`). */
function pickField(record: Record<string, unknown>, field: FieldName, candidates: readonly string[], options: AdapterOptions): unknown {
  const raw = pickRawField(record, field, candidates, options.fieldMap);
  const values = options.valueMap?.[field];
  if (!values || raw === undefined || raw === null || typeof raw === 'object') return raw;
  // Own keys only: a raw value "constructor" must not find the object's prototype.
  const key = String(raw).trim();
  return Object.hasOwn(values, key) ? values[key] : raw;
}

/**
 * Turns one flat record (a JSONL line, a CSV row, a message object) into a message. A record
 * that cannot be a message gets a reason that says what was expected.
 */
export function recordToMessage(
  record: Record<string, unknown>,
  options: AdapterOptions,
  location: SourceLocation,
  defaults: { role?: Role } = {},
): RecordResult {
  const rawRole = pickField(record, 'role', FIELD_ALIASES.role, options);
  const role = rawRole === undefined || rawRole === '' ? defaults.role : resolveRole(rawRole, options.roles);
  if (!role) {
    return rawRole === undefined || rawRole === ''
      ? { ok: false, reason: t('record.noRole') }
      : { ok: false, reason: t('record.unknownRole', { value: describeValue(rawRole), known: KNOWN_ROLE_VALUES_HINT }) };
  }
  const rawText = pickField(record, 'text', FIELD_ALIASES.text, options);
  const text = asText(rawText);
  if (text === undefined) {
    return { ok: false, reason: rawText === undefined ? t('record.noText') : t('record.textNotString', { value: describeValue(rawText) }) };
  }
  const rawTime = pickField(record, 'time', FIELD_ALIASES.time, options);
  const serial = excelSerialOf(rawTime);
  const timeValue = serial === undefined ? rawTime : excelSerialWallClock(serial);
  const time = parseInstant(timeValue, options.timezone);
  if (rawTime !== undefined && rawTime !== '' && rawTime !== null && time === undefined) {
    const reason = instantOutOfRange(timeValue, options.timezone)
      ? t('record.timeOutOfRange', { value: describeValue(rawTime), from: INSTANT_RANGE.fromYear, until: INSTANT_RANGE.untilYear })
      : t('record.badTime', { value: describeValue(rawTime) });
    return { ok: false, reason };
  }
  const rawConversation = pickField(record, 'conversation', FIELD_ALIASES.conversation, options);
  if (isRoundedId(rawConversation)) return { ok: false, reason: t('record.idRounded', { value: String(rawConversation) }) };
  const rawKind = asText(pickField(record, 'kind', FIELD_ALIASES.kind, options))?.toLowerCase();
  const kind: MessageKind = rawKind && (MESSAGE_KINDS as readonly string[]).includes(rawKind) ? (rawKind as MessageKind) : role === 'system' ? 'event' : 'text';
  const rawAgent = role === 'agent' || role === 'bot' ? pickField(record, 'agent', FIELD_ALIASES.agent, options) : undefined;
  const rawAgentId = role === 'agent' ? pickField(record, 'agentId', FIELD_ALIASES.agentId, options) : undefined;
  // An agent given as an object or a list (`{"name": "张小林"}`) is not read as no agent: the
  // record is skipped, as a role or a text of the wrong type is, so the loss shows.
  for (const [field, value] of [['agent', rawAgent], ['agentId', rawAgentId]] as const) {
    if (value !== undefined && value !== null && asText(value) === undefined) return { ok: false, reason: t('record.agentNotText', { field, value: describeValue(value) }) };
  }
  const agentName = asText(rawAgent)?.trim() || undefined;
  const agentId = asText(rawAgentId)?.trim() || undefined;
  const customerName = role === 'customer' ? asText(pickField(record, 'customer', FIELD_ALIASES.customer, options))?.trim() || undefined : undefined;
  return {
    ok: true,
    excelSerial: serial === undefined ? undefined : String(rawTime).trim(),
    conversationId: asText(rawConversation)?.trim() || undefined,
    channel: asText(pickField(record, 'channel', FIELD_ALIASES.channel, options)) || undefined,
    message: {
      time,
      role,
      agentName,
      agentId,
      ...(customerName ? { customerName } : {}),
      text,
      kind,
      event: kind === 'event' && typeof record.event === 'string' && (EVENT_TYPES as readonly string[]).includes(record.event) ? (record.event as EventType) : undefined,
      sourceId: asText(record.message_id)?.trim() || undefined,
      internal: asBoolean(pickField(record, 'internal', FIELD_ALIASES.internal, options)),
      location,
    },
  };
}

/**
 * The note, once per file, that times were read as Excel day serials: a reader makes one noter per
 * file and hands it each record it reads. The note shows the first such time and what it was read as.
 */
export function excelSerialNoter(timezone: string): (result: RecordResult, location: SourceLocation) => Extract<ReadEvent, { type: 'warning' }> | undefined {
  let noted = false;
  return (result, location) => {
    if (noted || !result.ok || result.excelSerial === undefined || result.message.time === undefined) return undefined;
    noted = true;
    return { type: 'warning', location, reason: t('record.excelSerial', { value: result.excelSerial, time: formatLocalTime(result.message.time, timezone), timezone }) };
  };
}
