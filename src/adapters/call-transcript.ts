import { t } from '../i18n/index.js';
import path from 'node:path';
import type { Message, Role, SourceLocation } from '../model/conversation.js';
import { jsonDocuments } from '../io/json-documents.js';
import { readLines, type InputSource } from '../io/input.js';
import { describeValue, type Adapter, type ReadEvent } from './adapter.js';
import { FIELD_ALIASES } from './fields.js';

/**
 * Call-centre transcripts from speech recognition (电话质检): one line per utterance, each opened
 * by the speaker, `坐席:您好…` / `客户：我想问…`. Read from a JSON array of calls (each an array of
 * lines, or `{id, lines: [...]}`), or from plain text where calls are separated by blank lines or
 * header lines (see `callHeader` and `opensCallUnderALine`).
 */

const PREFIX_ROLES: Record<string, Role> = { 坐席: 'agent', 客服: 'agent', 客户: 'customer', 用户: 'customer' };
const ROLE_PREFIX = /^\s*(坐席|客服|客户|用户)\s*[:：]\s*/;
/** A line that opens with a speaker and ends with a time is a chat-record sender line (千牛), not an utterance. */
const SENDER_WITH_TIME = /\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?\s*$/;
/** Keys of the line array in a call object. */
const LINE_KEYS = ['lines', 'transcript', 'utterances', ...FIELD_ALIASES.messages];

/** The speaker and text of a line, or undefined when the line opens with no known speaker. */
export function speakerLine(line: string): { role: Role; text: string } | undefined {
  const match = ROLE_PREFIX.exec(line);
  if (!match) return undefined;
  return { role: PREFIX_ROLES[match[1]!]!, text: line.slice(match[0].length).trim() };
}

const FENCE = /^\s*(?:={3,}|-{3,}|#{3,})\s*(.*?)\s*(?:={3,}|-{3,}|#{3,})?\s*$/;
const KEYWORD_HEADER = /^\s*(?:通话|会话|电话|录音|call|session)\s*(?:id|编号|号)?\s*[:：#]?\s*([A-Za-z0-9][\w\-.:/#]*)?\s*$/i;

/**
 * Whether a text line opens a call, and the call's id when it gives one. A header is
 * - a keyword line: 通话, 会话, 电话, 录音, call or session, optionally followed by ID/编号/号, a
 *   colon or #, and an id of Latin letters, digits and `_-.:/#` (`通话 12345`, `会话ID: a-1`,
 *   `Call #7`); a line such as `通话质量不好` is not one;
 * - a fence: a line that starts with `===`, `---` or `###`, with an optional title (`=== 通话 12345 ===`,
 *   `--- 7月3日下午 ---`, `=====`). A title that is a keyword line gives that line's id; any other
 *   title is the id itself.
 */
export function callHeader(line: string): { id?: string } | undefined {
  if (speakerLine(line)) return undefined;
  const keyword = KEYWORD_HEADER.exec(line);
  if (keyword) return { id: keyword[1] };
  const fence = FENCE.exec(line);
  if (!fence) return undefined;
  const title = fence[1]!.trim();
  if (title === '') return {};
  const inner = KEYWORD_HEADER.exec(title);
  return { id: inner ? inner[1] : title };
}

/** A mainland mobile or landline number, as a recogniser writes one that a caller dictates. */
const PHONE_NUMBER = /^(?:(?:00)?86-?)?(?:1[3-9]\d(?:-?\d{4}){2}|0\d{2,3}-?\d{7,8})$/;

/**
 * Whether a header found right under a line of a call, with no blank line between, opens a new
 * call. A fence does. A keyword line does only when it gives an id that is not a phone number: a
 * caller dictating a number comes out of the recogniser as `电话 13812345678`, or as `电话` alone
 * when the digits go onto the next line.
 */
function opensCallUnderALine(line: string): boolean {
  const keyword = KEYWORD_HEADER.exec(line);
  if (!keyword) return true;
  const id = keyword[1];
  return id !== undefined && !PHONE_NUMBER.test(id);
}

/** Builds one call's messages line by line; a line with no speaker continues the message before it. */
class CallBuilder {
  readonly messages: Message[] = [];

  /** Adds a line; returns why it could not be used, if it could not. */
  add(line: string, location: SourceLocation): string | undefined {
    const spoken = speakerLine(line);
    if (spoken) {
      this.messages.push({ seq: this.messages.length, role: spoken.role, text: spoken.text, kind: 'text', internal: false, location });
      return undefined;
    }
    const previous = this.messages.at(-1);
    if (!previous) return t('call.noSpeaker', { value: describeValue(line) });
    // Recognisers break long turns over several lines; the break is kept.
    previous.text = `${previous.text}\n${line.trim()}`;
    return undefined;
  }
}

/** What a JSON value is, for a reason: `a number: 42`. */
function kindOf(value: unknown): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  if (value === null) return kind;
  return `${kind}: ${typeof value === 'string' ? describeValue(value) : (JSON.stringify(value) ?? String(value)).slice(0, 40)}`;
}

/** `calls.json#3`: the 1-based position of a call without an id, under the file's base name, whatever path was given. */
function positionalId(input: InputSource, index: number): string {
  return `${path.basename(input.name)}#${index}`;
}

function conversationEvent(input: InputSource, id: string, messages: Message[]): ReadEvent {
  return { type: 'conversation', records: 1, conversation: { id, source: { file: input.name, format: 'call-transcript' }, messages, meta: {} } };
}

async function* readJsonCalls(input: InputSource): AsyncGenerator<ReadEvent> {
  for await (const document of jsonDocuments(input)) {
    if (!document.ok) {
      yield { type: 'skipped', location: document.location, reason: document.reason };
      continue;
    }
    const location = document.location;
    const index = (location.record ?? 0) + 1;
    const call = document.value;
    let lines: unknown[] | undefined;
    let id = positionalId(input, index);
    if (Array.isArray(call)) lines = call;
    else if (call && typeof call === 'object') {
      const object = call as Record<string, unknown>;
      lines = LINE_KEYS.map((key) => object[key]).find(Array.isArray) as unknown[] | undefined;
      const given = FIELD_ALIASES.conversation.map((key) => object[key]).find((value) => typeof value === 'string' || typeof value === 'number');
      if (given !== undefined && String(given).trim() !== '') id = String(given).trim();
    }
    // Locations count items from 0, as for every JSON array; the name says which call in words.
    const callName = id === positionalId(input, index) ? t('call.positional', { index, id }) : t('call.named', { id });
    if (!lines) {
      yield { type: 'skipped', location, reason: t('call.notCall', { call: callName, found: kindOf(call) }) };
      continue;
    }
    const builder = new CallBuilder();
    for (const [lineIndex, line] of lines.entries()) {
      const problem = typeof line === 'string'
        ? line.trim() === '' ? undefined : builder.add(line, location)
        : t('call.lineNotString', { found: kindOf(line) });
      if (problem) yield { type: 'skipped', location, reason: t('call.lineProblem', { call: callName, line: lineIndex + 1, problem }) };
    }
    // A call with no usable line was still read and understood: it holds no message.
    yield builder.messages.length > 0 ? conversationEvent(input, id, builder.messages) : { type: 'record', location };
  }
}

async function* readTextCalls(input: InputSource): AsyncGenerator<ReadEvent> {
  let calls = 0;
  let builder = new CallBuilder();
  let headerId: string | undefined;
  let headerLocation: SourceLocation | undefined;
  function* finish(): Generator<ReadEvent> {
    if (builder.messages.length > 0) {
      calls++;
      yield conversationEvent(input, headerId ?? positionalId(input, calls), builder.messages);
    } else if (headerLocation) {
      yield { type: 'warning', location: headerLocation, reason: t('call.emptyHeader', { id: headerId ? ` ${headerId} ` : '' }) };
    }
    builder = new CallBuilder();
    headerId = undefined;
    headerLocation = undefined;
  }
  for await (const { line, lineNumber } of readLines(input.text())) {
    const location = { file: input.name, line: lineNumber };
    if (line.trim() === '') {
      // A blank line between a header and its first line does not end the call.
      if (builder.messages.length > 0) yield* finish();
      continue;
    }
    const header = callHeader(line);
    // builder holds messages only when no blank line has come since its last line.
    if (header && (builder.messages.length === 0 || opensCallUnderALine(line))) {
      yield* finish();
      headerId = header.id;
      headerLocation = location;
      continue;
    }
    const problem = builder.add(line, location);
    if (problem) yield { type: 'skipped', location, reason: problem };
  }
  yield* finish();
}

export const callTranscriptAdapter: Adapter = {
  name: 'call-transcript',
  description: 'call transcripts with speaker prefixes (坐席:/客服: agent, 客户:/用户: customer): a JSON array of calls, or text with calls separated by blank or header lines',
  layout: 'dialogues',
  detect(head) {
    const sample = head.replace(/^\ufeff/, '');
    if (/^\s*\[\s*\[\s*"\s*(坐席|客服|客户|用户)\s*[:：]/.test(sample)) return 0.9;
    if (/^\s*\[\s*\{/.test(sample)) {
      // [{"id": …, "lines": ["坐席:…", …]}]: the first line array opens with a speaker.
      const firstLines = new RegExp(`^\\s*\\[\\s*\\{[^\\[\\]]*?"(?:${LINE_KEYS.join('|')})"\\s*:\\s*\\[\\s*"\\s*(坐席|客服|客户|用户)\\s*[:：]`).test(sample);
      return firstLines ? 0.9 : 0;
    }
    if (/^\s*[[{]/.test(sample)) return 0;
    const lines = sample.split('\n', 200).map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '' && !callHeader(line));
    const spoken = lines.filter((line) => speakerLine(line) && !SENDER_WITH_TIME.test(line));
    if (spoken.length < 2) return 0;
    return spoken.length / lines.length >= 0.6 ? 0.8 : 0;
  },
  read(input): AsyncIterable<ReadEvent> {
    return /^\s*[[{]/.test(input.head.replace(/^\ufeff/, '')) ? readJsonCalls(input) : readTextCalls(input);
  },
};
