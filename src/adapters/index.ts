import type { Adapter } from './adapter.js';
import { dchAdapter } from './dch.js';
import { intercomAdapter } from './intercom.js';
import { jsonDialoguesAdapter } from './json-dialogues.js';
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
  xlsxAdapter,
  zendeskChatAdapter,
  intercomAdapter,
  livechatAdapter,
  wecomArchiveAdapter,
  wecomKfAdapter,
  qiyuAdapter,
  qianniuAdapter,
];

export function adapterByName(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

/**
 * The most confident adapter for a sample, or undefined when none recognises it. A detector that
 * throws on an odd sample (a null where it expects an object) only means "not this format".
 */
export function detectAdapter(head: string, fileName: string): Adapter | undefined {
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
  return best?.adapter;
}
