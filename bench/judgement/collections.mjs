// The four Chinese collections of ../shared/corpus that the judgement benchmark samples, read the
// way supportlint's adapters number their messages: one message per utterance (STC-3), per turn
// (JDDC), per non-NULL row with `!@@@!` cells split (JDDC 2019), and per line (brokerage calls).
// Nothing here is copied into the repository: the benchmark stores ids, rule ids and numbers only.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';

export const COLLECTIONS = {
  stc3: { file: 'stc3-dev.json', sample: 170 },
  jddc: { file: 'jddc-dev.jsonl', sample: 150 },
  jddc2019: { file: 'jddc2019/chat-dev.tsv', sample: 150 },
  zys: { file: 'zys-calls/calls-dev.json', sample: 130 },
};

/** Read options a collection needs beyond detection, as the command line's options would set them. */
export const READ_OPTIONS = {
  jddc2019: { noHeader: true, map: ['conversation=1', 'role=3', 'text=7'], mapValues: ['role=0:customer,1:agent'] },
};

export function hashOf(text) {
  return createHash('sha1').update(text).digest('hex');
}

/** Fixed split: the tuning half and the check half, by a hash of the conversation's key. */
export function halfOf(collection, id) {
  return parseInt(hashOf(`half:${collection}:${id}`).slice(0, 2), 16) % 2 === 0 ? 'tune' : 'check';
}

export function corpusDir(root) {
  return join(root, '..', 'shared', 'corpus');
}

/** Conversations of one collection as {id, messages: [{role, text}]}. */
export function readCollection(corpus, collection) {
  const path = join(corpus, COLLECTIONS[collection].file);
  if (!existsSync(path)) return undefined;
  const raw = readFileSync(path, 'utf8');
  if (collection === 'stc3') {
    return JSON.parse(raw).map((d) => ({
      id: String(d.id),
      messages: d.turns.flatMap((t) => t.utterances.map((u) => ({ role: t.sender === 'customer' ? 'customer' : 'agent', text: u }))),
    }));
  }
  if (collection === 'jddc') {
    return raw.split('\n').filter(Boolean).map((line) => JSON.parse(line)).map((d) => ({
      id: String(d.dialogue_id),
      messages: d.turns.map((t) => ({ role: t.role, text: t.text })),
    }));
  }
  if (collection === 'jddc2019') {
    const sessions = new Map();
    for (const line of raw.split('\n')) {
      if (!line) continue;
      const cells = line.split('\t');
      const [id, , sender] = cells;
      const content = cells.slice(6).join('\t');
      if (!sessions.has(id)) sessions.set(id, []);
      if (content === 'NULL') continue;
      for (const text of content.split('!@@@!')) sessions.get(id).push({ role: sender === '1' ? 'agent' : 'customer', text });
    }
    return [...sessions].map(([id, messages]) => ({ id, messages }));
  }
  const name = basename(path);
  return JSON.parse(raw).map((call, index) => ({
    id: `${name}#${index + 1}`,
    messages: call.map((line) => {
      const m = /^\s*(坐席|客服|客户|用户)\s*[:：]\s*/.exec(line);
      return { role: m && (m[1] === '坐席' || m[1] === '客服') ? 'agent' : 'customer', text: m ? line.slice(m[0].length).trim() : line.trim() };
    }),
  }));
}

/** The benchmark's conversations of one collection: those with both sides, lowest sample hash first. */
export function sampleCollection(corpus, collection) {
  const all = readCollection(corpus, collection);
  if (!all) return undefined;
  const usable = all.filter((c) => c.messages.some((m) => m.role === 'agent') && c.messages.some((m) => m.role === 'customer'));
  return usable
    .map((c) => ({ ...c, order: hashOf(`sample:${collection}:${c.id}`) }))
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .slice(0, COLLECTIONS[collection].sample);
}
