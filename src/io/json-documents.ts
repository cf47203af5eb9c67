import chain from 'stream-chain';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { pick } from 'stream-json/filters/pick.js';
import type { SourceLocation } from '../model/conversation.js';
import { readLines, wholeText, type InputSource } from './input.js';
import { skipSpace, valueEnd } from './json-scan.js';
import { repeatedKey, repeatedKeyReason, repeatedKeyWatch } from './json-keys.js';
import { t } from '../i18n/index.js';

/**
 * Why a text is not JSON, without quoting it: the parser's message repeats the start of the line
 * ("Unexpected token '张', "张三 1381234"... is not valid JSON"), which can be a customer's name and
 * number, and skip reasons end up in CI logs.
 */
export function jsonSyntaxReason(error: unknown): string {
  const { kind, position } = jsonSyntaxError(error);
  return `不是合法的 JSON（${kind}${position === undefined ? '' : `，第 ${position + 1} 个字符处`}）`;
}

/** What kind of JSON syntax error JSON.parse threw, and at which character (0-based), without any of the text. */
export function jsonSyntaxError(error: unknown): { kind: string; position?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const kind = /Unexpected end/.test(message) ? '内容在中途结束' : /Unexpected token|Unexpected non-whitespace|Bad control character|Expected/.test(message) ? '有不合 JSON 语法的字符' : '无法解析';
  return { kind, position: position === undefined ? undefined : Number(position) };
}


export type JsonDocument =
  | { ok: true; value: unknown; location: SourceLocation }
  | { ok: false; reason: string; location: SourceLocation };

// msg_list: a saved 微信客服 kf/sync_msg response, {errcode, errmsg, next_cursor, has_more, msg_list: [...]}.
const CONTAINER_KEYS = ['conversations', 'dialogues', 'dialogs', 'chats', 'sessions', 'data', 'items', 'results', 'records', 'msg_list'];

export type JsonLayout = 'array' | 'lines' | 'document';

/** Records nested deeper than this are skipped: no export needs it, and recursive code could overflow the stack on it. */
export const MAX_JSON_DEPTH = 100;

/** Whether a parsed value nests arrays and objects deeper than `limit`. Iterative, so any depth is safe to ask about. */
export function nestedTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (!current || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export const TOO_DEEP_REASON = `嵌套超过 ${MAX_JSON_DEPTH} 层，已跳过这条记录，其余记录照常读取`;

/** A record parsed from `text`, or why it is skipped: nested too deep, or an object repeats a key. */
function parsedRecord(text: string, value: unknown, location: SourceLocation): JsonDocument {
  if (nestedTooDeep(value)) return { ok: false, reason: TOO_DEEP_REASON, location };
  const key = repeatedKey(text, value);
  return key === undefined ? { ok: true, value, location } : { ok: false, reason: repeatedKeyReason(key), location };
}

/** The first non-blank line of a sample, without a BOM; undefined when the sample is blank. */
function firstLine(head: string): string | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  let from = 0;
  while (from < text.length) {
    const end = text.indexOf('\n', from);
    const line = end < 0 ? text.slice(from) : text.slice(from, end);
    if (line.trim() !== '') return line;
    if (end < 0) break;
    from = end + 1;
  }
  return undefined;
}

/**
 * Several detectors ask about the same sample: the last answer is kept, so that a long first line
 * is parsed once, not once per detector.
 */
let lastLine: { head: string; value: Record<string, unknown> | undefined } | undefined;

/** The first non-blank line of a JSON-lines sample, when it is a JSON object. */
export function firstJsonLine(head: string): Record<string, unknown> | undefined {
  if (lastLine?.head === head) return lastLine.value;
  const line = firstLine(head);
  let value: Record<string, unknown> | undefined;
  // Only a line that opens an object can be one; a JSON array's line (often the whole file) is not parsed.
  if (line !== undefined && line.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(line);
      value = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      value = undefined;
    }
  }
  lastLine = { head, value };
  return value;
}

/** A JSON array of items, one JSON value per line, or one document. */
export function jsonLayout(head: string): JsonLayout | undefined {
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('[')) return 'array';
  if (!trimmed.startsWith('{')) return undefined;
  const lineEnd = trimmed.indexOf('\n');
  let first: unknown;
  try {
    first = JSON.parse(lineEnd < 0 ? trimmed : trimmed.slice(0, lineEnd));
  } catch {
    return 'document';
  }
  // A minified API response saved as one line ({"conversations": [ … ]}) is one document whose
  // array is streamed, not one record of a JSON-lines file.
  const onlyLine = lineEnd < 0 || !/\S/.test(trimmed.slice(lineEnd));
  const wrapsItems = CONTAINER_KEYS.some((key) => Array.isArray((first as Record<string, unknown>)?.[key]));
  return onlyLine && wrapsItems ? 'document' : 'lines';
}

/**
 * The key of the array that holds the items of a single JSON document, such as
 * `{"exported_at": …, "conversations": [ … ]}`, found in the detection sample.
 */
export function containerKey(head: string): string | undefined {
  const keys = CONTAINER_KEYS.join('|');
  return new RegExp(`^\\s*\\{[\\s\\S]*?"(${keys})"\\s*:\\s*\\[`).exec(head.replace(/^\ufeff/, ''))?.[1];
}

/** Cuts the first complete object that starts at or after `from` out of `text`, by bracket depth. */
function firstObjectFrom(text: string, from: number): Record<string, unknown> | undefined {
  const start = text.indexOf('{', from);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The last sample's first item: every JSON detector asks for it. */
let lastItem: { head: string; value: Record<string, unknown> | undefined } | undefined;

/** The first item of the input, taken from the detection sample, for format detection. */
export function firstJsonItem(head: string): Record<string, unknown> | undefined {
  if (lastItem?.head === head) return lastItem.value;
  const value = findFirstJsonItem(head);
  lastItem = { head, value };
  return value;
}

function findFirstJsonItem(head: string): Record<string, unknown> | undefined {
  const layout = jsonLayout(head);
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (layout === 'lines') {
    try {
      return JSON.parse(trimmed.split('\n', 1)[0]!) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  if (layout === 'array') return firstObjectFrom(trimmed, 1);
  if (layout !== 'document') return undefined;
  const key = containerKey(trimmed);
  if (key) {
    const arrayStart = new RegExp(`"${key}"\\s*:\\s*\\[`).exec(trimmed)!;
    return firstObjectFrom(trimmed, arrayStart.index + arrayStart[0].length);
  }
  try {
    return JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A JSON array up to this size is read whole and cut into items by a bracket scan; a larger one is streamed. */
export const WHOLE_ARRAY_BYTES = 16 * 1024 * 1024;

/**
 * The items of a JSON array held whole: a bracket scan finds each item, and JSON.parse reads it,
 * which is several times faster than a streaming parser. An item that is not valid JSON is skipped
 * with its reason and the rest are read; where the array itself breaks off, reading stops there.
 */
export function* arrayItems(text: string, file: string): Generator<JsonDocument> {
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== 0x5b) return;
  at = skipSpace(text, at + 1);
  let index = 0;
  const brokenAfter = (reason: string): JsonDocument => ({
    ok: false,
    reason: t('json.brokeOff', { index, reason }),
    location: { file, record: index },
  });
  if (text.charCodeAt(at) === 0x5d) return;
  const nesting = { depth: 0 };
  const nextItem = itemStarts(text, at);
  for (;;) {
    const end = valueEnd(text, at, nesting);
    if (end < 0 || end === at) {
      // A string left open swallows the rest of the file: read on from the next item, if one shows.
      const resume = end < 0 ? nextItem(at + 1, text.length) : -1;
      if (resume < 0) {
        yield brokenAfter(end < 0 ? '内容在中途结束' : '缺少一项');
        return;
      }
      yield { ok: false, reason: t('json.itemUnclosed'), location: { file, record: index } };
      index++;
      at = resume;
      continue;
    }
    const location = { file, record: index };
    // The scan measured the nesting: an item whose brackets nest deeper than the limit is not parsed.
    let document: JsonDocument;
    if (nesting.depth > MAX_JSON_DEPTH) document = { ok: false, reason: TOO_DEEP_REASON, location };
    else {
      const itemText = text.slice(at, end);
      try {
        const value: unknown = JSON.parse(itemText);
        const key = repeatedKey(itemText, value);
        document = key === undefined ? { ok: true, value, location } : { ok: false, reason: repeatedKeyReason(key), location };
      } catch (error) {
        // An item that does not parse may have run on into the next ones (a quote left open):
        // the rest are read from where the next item starts inside it.
        const resume = nextItem(at + 1, end);
        if (resume >= 0) {
          yield { ok: false, reason: t('json.itemUnclosed'), location };
          index++;
          at = resume;
          continue;
        }
        document = { ok: false, reason: jsonSyntaxReason(error), location };
      }
    }
    yield document;
    index++;
    at = skipSpace(text, end);
    const next = text.charCodeAt(at);
    if (next === 0x5d) {
      if (skipSpace(text, at + 1) < text.length) yield brokenAfter('数组结束后还有内容');
      return;
    }
    if (next !== 0x2c) {
      yield brokenAfter(at >= text.length ? '内容在中途结束' : '项与项之间缺少逗号');
      return;
    }
    at = skipSpace(text, at + 1);
  }
}

/**
 * Finds where an item of a whole JSON array starts, after a damaged one: `}` and `,` before an
 * object that opens with the same key as the array's first item (`{"annotations":`, `{"id":`).
 * Objects nested in an item rarely open with the key of the items themselves. Returns the index of
 * the `{`, or -1 when no item starts in [from, until).
 */
function itemStarts(text: string, first: number): (from: number, until: number) => number {
  const key = text.charCodeAt(first) === 0x7b ? /^\{\s*("(?:[^"\\\n]|\\.){1,200}")\s*:/.exec(text.slice(first, first + 256))?.[1] : undefined;
  if (key === undefined) return () => -1;
  const opening = new RegExp(`\\}\\s*,\\s*(\\{\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:)`, 'g');
  // The last search: an item starts at `start` (-1: none) and none before it from `searchedFrom`.
  // Searches only move forward, so together they read the text once.
  let searchedFrom = Infinity;
  let start = -1;
  return (from, until) => {
    if (from < searchedFrom || (start >= 0 && from > start)) {
      opening.lastIndex = from;
      const found = opening.exec(text);
      searchedFrom = from;
      start = found ? found.index + found[0].length - found[1]!.length : -1;
    }
    return start >= 0 && start < until ? start : -1;
  };
}

/**
 * Streams the items of a JSON input one at a time, so memory holds one item, not the file.
 * Items that cannot be parsed are yielded as failures with their line or record number.
 */
export async function* jsonDocuments(input: InputSource): AsyncGenerator<JsonDocument> {
  const layout = jsonLayout(input.head);
  if (layout === 'lines') {
    for await (const { line, lineNumber } of readLines(input.text())) {
      if (line.trim() === '') continue;
      const location = { file: input.name, line: lineNumber };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        yield { ok: false, reason: `${jsonSyntaxReason(error)}；每行应是一个 JSON 对象`, location };
        continue;
      }
      yield parsedRecord(line, value, location);
    }
    return;
  }
  const key = layout === 'document' ? containerKey(input.head) : undefined;
  if (layout === 'array' && input.size !== undefined && input.size <= WHOLE_ARRAY_BYTES) {
    yield* arrayItems(await wholeText(input), input.name);
    return;
  }
  if (layout === 'array' || key) {
    // Items are parsed one at a time; memory holds one conversation, not the file.
    let index = 0;
    const watch = repeatedKeyWatch();
    const stages = key ? [input.text(), parser(), pick({ filter: key }), watch.stage, streamArray()] : [input.text(), parser(), watch.stage, streamArray()];
    const pipeline = chain(stages as never);
    try {
      for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
        index = item.key + 1;
        const location = { file: input.name, record: item.key };
        const repeated = watch.repeatedIn.get(item.key);
        if (nestedTooDeep(item.value)) yield { ok: false, reason: TOO_DEEP_REASON, location };
        else yield repeated === undefined ? { ok: true, value: item.value, location } : { ok: false, reason: repeatedKeyReason(repeated), location };
      }
    } catch (error) {
      yield {
        ok: false,
        reason: t('json.brokeOff', { index, reason: (error as Error).message }),
        location: { file: input.name, record: index },
      };
    }
    return;
  }
  const text = await wholeText(input);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    yield { ok: false, reason: jsonSyntaxReason(error), location: { file: input.name, line: 1 } };
    return;
  }
  yield parsedRecord(text, document, { file: input.name, record: 0 });
}
