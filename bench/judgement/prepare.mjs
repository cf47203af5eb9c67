#!/usr/bin/env node
// Writes the benchmark's conversations as numbered transcripts for blind labelling, in batches, to a
// folder outside the repository: node bench/judgement/prepare.mjs <out-dir> [batches]
// The transcripts hold corpus text, so they must never be committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS, corpusDir, hashOf, halfOf, sampleCollection } from './collections.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [outDir, batchArg] = process.argv.slice(2);
if (!outDir || resolve(outDir).startsWith(root)) {
  console.error('用法：node bench/judgement/prepare.mjs <仓库之外的输出目录> [批数]');
  process.exit(2);
}
const batches = Number(batchArg ?? 8);
const ROLE = { customer: '客户', agent: '客服' };
const all = [];
for (const collection of Object.keys(COLLECTIONS)) {
  const sample = sampleCollection(corpusDir(root), collection);
  if (!sample) {
    console.error(`找不到语料：${COLLECTIONS[collection].file}`);
    process.exit(2);
  }
  for (const c of sample) all.push({ collection, ...c });
}
// Mixed collections in every batch, in an order no reader can infer anything from.
all.sort((a, b) => (hashOf(`order:${a.collection}:${a.id}`) < hashOf(`order:${b.collection}:${b.id}`) ? -1 : 1));
const size = (c) => c.messages.reduce((n, m) => n + m.text.length + 8, 0);
const total = all.reduce((n, c) => n + size(c), 0);
mkdirSync(outDir, { recursive: true });
let batch = 0;
let filled = 0;
const texts = Array.from({ length: batches }, () => []);
const index = [];
for (const c of all) {
  if (filled > ((batch + 1) * total) / batches && batch < batches - 1) batch++;
  filled += size(c);
  const key = `${c.collection}/${c.id}`;
  index.push({ key, collection: c.collection, id: c.id, half: halfOf(c.collection, c.id), batch: batch + 1, messages: c.messages.length });
  const lines = [`=== 会话 ${key} ===`];
  c.messages.forEach((m, i) => lines.push(`[${i + 1}] ${ROLE[m.role]}：${m.text.trim() === '' ? '（空：表情或图片）' : m.text.replace(/\s*\n\s*/g, ' ')}`));
  texts[batch].push(lines.join('\n'));
}
texts.forEach((t, i) => writeFileSync(join(outDir, `batch-${String(i + 1).padStart(2, '0')}.txt`), `${t.join('\n\n')}\n`));
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
console.log(`${all.length} 个会话，${batches} 批，写入 ${outDir}`);
