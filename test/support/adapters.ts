import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DEFAULT_SESSION_GAP_MINUTES, type AdapterOptions } from '../../src/adapters/adapter.js';
import { readConversations, type GroupedEvent } from '../../src/adapters/grouping.js';
import { adapterByName } from '../../src/adapters/index.js';
import type { InputSource } from '../../src/io/input.js';
import type { Conversation } from '../../src/model/conversation.js';
import { ROOT } from './cli.js';

export const OPTIONS: AdapterOptions = { timezone: 'Asia/Shanghai', roles: {}, fieldMap: {}, internalIds: [], sessionGapMinutes: DEFAULT_SESSION_GAP_MINUTES };

/** An in-memory input, as openFile would give it; `bytes` only for binary formats. */
export function textSource(name: string, text: string): InputSource {
  return { name, encoding: 'utf8', head: text.slice(0, 65536), text: () => Readable.from([text]) };
}

export function binarySource(name: string, bytes: Buffer): InputSource {
  return { name, encoding: 'gb18030', head: bytes.subarray(0, 65536).toString('latin1'), text: () => Readable.from([bytes.toString('latin1')]), bytes: () => Readable.from([bytes]) };
}

export async function readAll(format: string, input: InputSource, options: AdapterOptions = OPTIONS): Promise<GroupedEvent[]> {
  const events: GroupedEvent[] = [];
  for await (const event of readConversations(adapterByName(format)!, input, options)) events.push(event);
  return events;
}

export const conversationsOf = (events: GroupedEvent[]): Conversation[] => events.flatMap((e) => (e.type === 'conversation' ? [e.conversation] : []));

/** The events of one type, typed. */
export const ofType = <T extends GroupedEvent['type']>(events: GroupedEvent[], type: T) =>
  events.filter((e): e is Extract<GroupedEvent, { type: T }> => e.type === type);

export const problemsOf = (events: GroupedEvent[], type: 'skipped' | 'warning') =>
  events.flatMap((e) => (e.type === type ? [{ location: e.location, reason: e.reason }] : []));

/** Records read, as the runner counts them: conversations' records, other records, and skips. */
export function recordsRead(events: GroupedEvent[]): number {
  return events.reduce((sum, e) => sum + (e.type === 'conversation' ? e.records : e.type === 'record' ? (e.records ?? 1) : e.type === 'skipped' ? (e.records ?? 1) : 0), 0);
}

/** Every golden fixture input, as its format folder and file name. */
export function fixtureFiles(): Array<{ dir: string; file: string }> {
  return fixtureInputs().map((input) => ({ dir: input.split('/')[1]!, file: input.split('/').slice(2).join('/') }));
}

/** Every golden fixture input (fixtures/<format>/<file>), relative to the repository root. */
export function fixtureInputs(): string[] {
  return readdirSync(path.join(ROOT, 'fixtures'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(ROOT, 'fixtures', dir.name), { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `fixtures/${dir.name}/${entry.name}`),
    )
    .filter((file) => !/\.expected\.jsonl?$/.test(file) && !file.endsWith('.md'));
}
