import type { Adapter } from './adapter.js';
import { dchAdapter } from './dch.js';
import { jsonDialoguesAdapter } from './json-dialogues.js';
import { jsonlAdapter } from './jsonl.js';
import { qianniuAdapter } from './qianniu.js';
import { qiyuAdapter } from './qiyu.js';
import { tableAdapter } from './table.js';
import { xlsxAdapter } from './xlsx.js';

/** Every input format, by the name --format takes. */
export const ADAPTERS: readonly Adapter[] = [jsonlAdapter, dchAdapter, jsonDialoguesAdapter, tableAdapter, xlsxAdapter, qiyuAdapter, qianniuAdapter];

export function adapterByName(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

/** The most confident adapter for a sample, or undefined when none recognises it. */
export function detectAdapter(head: string, fileName: string): Adapter | undefined {
  let best: { adapter: Adapter; score: number } | undefined;
  for (const adapter of ADAPTERS) {
    const score = adapter.detect(head, fileName);
    if (score > 0 && (!best || score > best.score)) best = { adapter, score };
  }
  return best?.adapter;
}
