#!/usr/bin/env node
// Builds bench/judgement/labels.jsonl from the readers' label files (kept outside the repository,
// because their notes may quote the conversations):
//   node bench/judgement/merge.mjs <label-dir>
// <label-dir>/index.json comes from prepare.mjs; <label-dir>/out/A-*.jsonl and B-*.jsonl are the two
// blind readers; <label-dir>/out/C-*.jsonl settle the disagreements (a line per conversation, with
// the third reader's labels for the disputed rules only). Without C files, it writes the
// disagreements to <label-dir>/disputes.jsonl for a third reading and stops.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS, READ_OPTIONS } from './collections.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
// --provisional: while the third reading is pending, a disputed label counts when either reader gave it.
const provisional = process.argv.includes('--provisional');
if (!dir) {
  console.error('用法：node bench/judgement/merge.mjs <标注目录>');
  process.exit(2);
}
const RULES = [
  'blame-shifting', 'missing-empathy', 'missing-next-step', 'robot-reply', 'vague-commitment', 'dismissive-emotion',
  'negative-wording', 'forbidden-phrase', 'review-manipulation', 'pii-exposure', 'crisis-not-escalated',
  'ignored-human-request', 'unanswered-customer', 'missing-greeting', 'missing-closing',
];
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const read = (reader) => {
  const labels = new Map();
  const out = join(dir, 'out');
  for (const file of readdirSync(out).filter((f) => f.startsWith(`${reader}-`) && f.endsWith('.jsonl')).sort()) {
    readFileSync(join(out, file), 'utf8').split('\n').filter((l) => l.trim()).forEach((line, n) => {
      const row = JSON.parse(line);
      for (const rule of Object.keys(row.labels ?? {})) {
        if (!RULES.includes(rule)) throw new Error(`${file}:${n + 1}: unknown rule ${rule}`);
      }
      labels.set(row.key, { labels: row.labels ?? {}, why: row.why ?? {} });
    });
  }
  return labels;
};
const a = read('A');
const b = read('B');
const c = new Map();
for (const file of readdirSync(join(dir, 'out')).filter((f) => f.startsWith('C-') && f.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(dir, 'out', file), 'utf8').split('\n').filter((l) => l.trim())) {
    const row = JSON.parse(line);
    c.set(`${row.key}\u0000${row.rule}`, row);
  }
}
const numbers = (list) => [...new Set((Array.isArray(list) ? list : []).filter((n) => Number.isInteger(n) && n > 0))].sort((x, y) => x - y);
const pick = (labels) => Object.fromEntries(Object.entries(labels).map(([rule, list]) => [rule, numbers(list)]));

const disputes = [];
const lines = [];
let unlabelled = 0;
for (const entry of index) {
  const la = a.get(entry.key);
  const lb = b.get(entry.key);
  if (!la || !lb) {
    unlabelled++;
    continue;
  }
  const final = {};
  for (const rule of RULES) {
    const inA = rule in la.labels;
    const inB = rule in lb.labels;
    if (inA && inB) final[rule] = numbers([...la.labels[rule], ...lb.labels[rule]]);
    else if (inA || inB) {
      const settled = c.get(`${entry.key}\u0000${rule}`);
      if (settled) {
        if (settled.verdict === true) final[rule] = numbers(settled.messages?.length ? settled.messages : (inA ? la : lb).labels[rule]);
      } else {
        if (provisional) final[rule] = numbers((inA ? la : lb).labels[rule]);
        disputes.push({ key: entry.key, rule, flaggedBy: inA ? 'A' : 'B', messages: numbers((inA ? la : lb).labels[rule]), why: (inA ? la : lb).why[rule] ?? '' });
      }
    }
  }
  lines.push({ collection: entry.collection, id: entry.id, half: entry.half, a: pick(la.labels), b: pick(lb.labels), final });
}
if (disputes.length > 0 && !provisional) {
  writeFileSync(join(dir, 'disputes.jsonl'), disputes.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(`${disputes.length} 处分歧写入 ${join(dir, 'disputes.jsonl')}，请第三位标注者裁定后再运行。`);
  process.exit(1);
}
const manifest = {
  benchmark: 'supportlint-judgement',
  version: 1,
  corpus: '../../../shared/corpus',
  rules: RULES,
  collections: Object.fromEntries(Object.entries(COLLECTIONS).map(([name, spec]) => [name, READ_OPTIONS[name] ? { file: spec.file, read: READ_OPTIONS[name] } : { file: spec.file }])),
};
const target = resolve(here, 'labels.jsonl');
writeFileSync(target, [manifest, ...lines].map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`${lines.length} 个会话写入 ${target}${unlabelled ? `；${unlabelled} 个还没有两位标注者的标注` : ''}`);
