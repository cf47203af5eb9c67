import type { Adapter } from './adapter.js';
import { callTranscriptAdapter } from './call-transcript.js';
import { dchAdapter } from './dch.js';
import { intercomAdapter } from './intercom.js';
import { jsonDialoguesAdapter } from './json-dialogues.js';
import { jddcChatAdapter } from './jddc-chat.js';
import { jsonlAdapter } from './jsonl.js';
import { livechatAdapter } from './livechat.js';
import { qianniuAdapter } from './qianniu.js';
import { qiyuAdapter } from './qiyu.js';
import { tableAdapter } from './table.js';
import { wecomArchiveAdapter } from './wecom-archive.js';
import { wecomKfAdapter } from './wecom-kf.js';
import { xlsxAdapter } from './xlsx.js';
import { zendeskChatAdapter } from './zendesk-chat.js';

/** Every input format, by the name --input-format takes. */
export const ADAPTERS: readonly Adapter[] = [
  jsonlAdapter,
  dchAdapter,
  jsonDialoguesAdapter,
  tableAdapter,
  jddcChatAdapter,
  xlsxAdapter,
  zendeskChatAdapter,
  intercomAdapter,
  livechatAdapter,
  wecomArchiveAdapter,
  wecomKfAdapter,
  qiyuAdapter,
  qianniuAdapter,
  callTranscriptAdapter,
];

export function adapterByName(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

/** Formats that read tables, and so honour `header: false`. */
const TABLE_FORMATS = new Set([tableAdapter.name, xlsxAdapter.name, jddcChatAdapter.name]);

/**
 * The most confident adapter for a sample, or undefined when none recognises it. A detector that
 * throws on an odd sample (a null where it expects an object) only means "not this format". A table
 * without a header row has nothing to recognise it by but its shape: when the user says there is
 * none (`--no-header`), a sample that no table format claims is read as CSV/TSV.
 */
export function detectAdapter(head: string, fileName: string, options: { header?: boolean } = {}): Adapter | undefined {
  let best: { adapter: Adapter; score: number } | undefined;
  for (const adapter of ADAPTERS) {
    let score: number;
    try {
      score = adapter.detect(head, fileName);
    } catch {
      score = 0;
    }
    if (score > 0 && (!best || score > best.score)) best = { adapter, score };
  }
  if (options.header === false && (!best || !TABLE_FORMATS.has(best.adapter.name))) return tableAdapter;
  return best?.adapter;
}
