// Duplicate keys in a JSON object: JSON.parse keeps the last one silently, so
// {"role":"agent","role":"customer"} would turn an agent's message into a customer's. A record
// with a duplicate key is skipped with the key named.

import { isSpace, stringEnd } from './json-scan.js';
import { t } from '../i18n/index.js';

/**
 * How many `"…":` marks the text holds: one per key, and more when a string value contains `":`.
 * Counted from the colons, which are fewer than the quotes.
 */
function keyMarks(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    while (isSpace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === 0x22) count++;
  }
  return count;
}

/** How many keys the parsed value's objects hold, at every depth (JSON.parse makes plain objects, own keys only). */
function parsedKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const child of current) if (child && typeof child === 'object') stack.push(child);
      continue;
    }
    for (const key in current) {
      count++;
      const child = (current as Record<string, unknown>)[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/** The first key that an object of the (valid) JSON text repeats, by a token scan. */
function firstRepeatedKey(text: string): string | undefined {
  const objects: Array<Set<string> | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b) objects.push(new Set());
    else if (code === 0x5b) objects.push(undefined);
    else if (code === 0x7d || code === 0x5d) objects.pop();
    else if (code === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      let next = end;
      while (isSpace(text.charCodeAt(next))) next++;
      const keys = objects.at(-1);
      if (keys && text.charCodeAt(next) === 0x3a) {
        // Escapes are decoded: "rol\u0065" and "role" are the same key.
        const key = JSON.parse(text.slice(i, end)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      i = end - 1;
    }
  }
  return undefined;
}

/**
 * A key that some object of `text` holds twice, given `value`, what JSON.parse made of the text.
 * The cheap test first: when the text has no more `"…":` marks than the parsed objects have keys,
 * no key was lost; only otherwise is the text scanned token by token.
 */
export function repeatedKey(text: string, value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return keyMarks(text) > parsedKeys(value) ? firstRepeatedKey(text) : undefined;
}

/** Why a record with a repeated key is skipped, naming the key (cut short: keys come from data). */
export function repeatedKeyReason(key: string): string {
  return t('json.repeatedKey', { key: JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key) });
}

interface JsonToken {
  name: string;
  value?: unknown;
}

const SCALAR_VALUES = new Set(['stringValue', 'numberValue', 'trueValue', 'falseValue', 'nullValue']);

/**
 * For a streamed JSON array (stream-json tokens, the array's own `startArray` first): a pass-through
 * stage that notes which items repeat a key in one of their objects, by item index. Each item's
 * tokens pass before the item is assembled, so its entry is there when the item arrives.
 */
export function repeatedKeyWatch(): { stage: (token: JsonToken) => JsonToken; repeatedIn: Map<number, string> } {
  const repeatedIn = new Map<number, string>();
  const open: Array<Set<string> | undefined> = [];
  let item = 0;
  const stage = (token: JsonToken): JsonToken => {
    switch (token.name) {
      case 'startObject':
        open.push(new Set());
        break;
      case 'startArray':
        open.push(undefined);
        break;
      case 'endObject':
      case 'endArray':
        open.pop();
        if (open.length === 1) item++;
        break;
      case 'keyValue': {
        const keys = open.at(-1);
        const key = String(token.value);
        if (keys?.has(key) && !repeatedIn.has(item)) repeatedIn.set(item, key);
        keys?.add(key);
        break;
      }
      default:
        if (open.length === 1 && SCALAR_VALUES.has(token.name)) item++;
    }
    return token;
  };
  return { stage, repeatedIn };
}
