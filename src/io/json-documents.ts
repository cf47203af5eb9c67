import chain from 'stream-chain';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { SourceLocation } from '../model/conversation.js';
import { readLines, type InputSource } from './input.js';

export type JsonDocument =
  | { ok: true; value: unknown; location: SourceLocation }
  | { ok: false; reason: string; location: SourceLocation };

const CONTAINER_KEYS = ['conversations', 'dialogues', 'dialogs', 'chats', 'sessions', 'data', 'items', 'results', 'records'];

export type JsonLayout = 'array' | 'lines' | 'document';

/** A JSON array of items, one JSON value per line, or one document. */
export function jsonLayout(head: string): JsonLayout | undefined {
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('[')) return 'array';
  if (!trimmed.startsWith('{')) return undefined;
  const firstLine = trimmed.split('\n', 1)[0]!;
  try {
    JSON.parse(firstLine);
    return 'lines';
  } catch {
    return 'document';
  }
}

/** The first item of the input, parsed from the detection sample where it is complete. */
export function firstJsonItem(head: string): Record<string, unknown> | undefined {
  const layout = jsonLayout(head);
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  try {
    if (layout === 'lines') return JSON.parse(trimmed.split('\n', 1)[0]!) as Record<string, unknown>;
    if (layout === 'document') return JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (layout !== 'array') return undefined;
  // Cut the first element out of the array by bracket depth, respecting strings.
  let depth = 0;
  let inString = false;
  let escaped = false;
  const start = trimmed.indexOf('{');
  if (start < 0) return undefined;
  for (let i = start; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(trimmed.slice(start, i + 1)) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
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
      try {
        yield { ok: true, value: JSON.parse(line), location };
      } catch (error) {
        yield { ok: false, reason: `not valid JSON (${(error as Error).message}); expected one JSON object per line`, location };
      }
    }
    return;
  }
  if (layout === 'array') {
    let index = 0;
    const pipeline = chain([input.text(), parser(), streamArray()]);
    try {
      for await (const item of pipeline as AsyncIterable<{ key: number; value: unknown }>) {
        index = item.key + 1;
        yield { ok: true, value: item.value, location: { file: input.name, record: item.key } };
      }
    } catch (error) {
      yield {
        ok: false,
        reason: `the JSON array breaks off after item ${index} (${(error as Error).message}); the file looks truncated or damaged. The items before it were read`,
        location: { file: input.name, record: index },
      };
    }
    return;
  }
  let text = '';
  for await (const chunk of input.text()) text += chunk;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    yield { ok: false, reason: `not valid JSON (${(error as Error).message})`, location: { file: input.name, line: 1 } };
    return;
  }
  const record = document as Record<string, unknown>;
  const container = CONTAINER_KEYS.find((key) => Array.isArray(record?.[key]));
  if (container) {
    const items = record[container] as unknown[];
    for (let i = 0; i < items.length; i++) yield { ok: true, value: items[i], location: { file: input.name, record: i } };
  } else {
    yield { ok: true, value: document, location: { file: input.name, record: 0 } };
  }
}
