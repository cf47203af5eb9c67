import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../src/config/presets.js';
import { loadConfig } from '../src/config/load.js';
import { evaluateLabels, type LabelEvalResult } from '../src/cli/eval-labels.js';
import { parseLabels } from '../src/evaluation/labels.js';
import { cohensKappa, recommendedVerdict, scoreLabels, type ScoreRow } from '../src/evaluation/score.js';
import { ROOT } from './support/cli.js';
// The benchmark's own sampling code decides the halves; the test checks the labels follow it.
// @ts-expect-error a plain ES module without type declarations
import { halfOf } from '../bench/judgement/collections.mjs';

const LABELS = path.join(ROOT, 'bench', 'judgement', 'labels.jsonl');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`judgement benchmark skipped: the corpus ${CORPUS} is absent, so the labelled conversations cannot be linted`);

describe('the judgement benchmark’s labels', () => {
  const { manifest, lines } = parseLabels(readFileSync(LABELS, 'utf8'));

  it('hold at least 600 conversations from the four Chinese collections, in both halves', () => {
    expect(lines.length).toBeGreaterThanOrEqual(600);
    for (const collection of ['stc3', 'jddc', 'jddc2019', 'zys']) {
      const mine = lines.filter((l) => l.collection === collection);
      expect(mine.length, collection).toBeGreaterThanOrEqual(100);
      expect(mine.some((l) => l.half === 'tune') && mine.some((l) => l.half === 'check'), collection).toBe(true);
    }
    expect(new Set(lines.map((l) => `${l.collection}/${l.id}`)).size).toBe(lines.length);
  });

  it('split each conversation by the hash of its id, never by hand', () => {
    for (const line of lines) expect(line.half, `${line.collection}/${line.id}`).toBe(halfOf(line.collection, line.id));
  });

  it('store ids, rule ids and message numbers only, and a settled label wherever both readers agreed', () => {
    for (const line of lines) {
      for (const rule of manifest.rules) {
        const a = rule in line.a;
        const b = rule in line.b;
        if (a && b) expect(rule in line.final, `${line.id} ${rule}`).toBe(true);
        if (!a && !b) expect(rule in line.final, `${line.id} ${rule}`).toBe(false);
      }
    }
    expect(readFileSync(LABELS, 'utf8')).not.toMatch(/"(text|why|content)"/);
  });

  it('were labelled by two readers who mostly agree on the rules they flagged often', () => {
    for (const rule of ['missing-empathy', 'vague-commitment', 'missing-greeting', 'unanswered-customer']) {
      expect(cohensKappa(lines, rule).kappa!, rule).toBeGreaterThan(0.6);
    }
  });
});

describe('the scoring', () => {
  const line = (collection: string, id: string, half: 'tune' | 'check', final: Record<string, number[]>) => ({ collection, id, half, a: final, b: final, final });

  it('counts precision and recall per rule, collection and half', () => {
    const lines = [line('x', '1', 'check', { r: [1] }), line('x', '2', 'check', { r: [2] }), line('x', '3', 'check', {}), line('x', '4', 'tune', { r: [1] })];
    const rows = scoreLabels(lines, ['r'], new Map([['x/1', new Set(['r'])], ['x/3', new Set(['r'])]]));
    const check = rows.find((r) => r.half === 'check')!;
    expect(check).toMatchObject({ positives: 2, flagged: 2, both: 1, precision: 0.5, recall: 0.5 });
    expect(rows.find((r) => r.half === 'tune')).toMatchObject({ positives: 1, flagged: 0, recall: 0 });
  });

  it('keeps a rule in recommended only when every collection with 10 positives clears the bar', () => {
    const row = (collection: string, positives: number, flagged: number, both: number): ScoreRow => ({
      rule: 'r', collection, half: 'check', conversations: 100, positives, flagged, both,
      precision: flagged ? both / flagged : null, recall: positives ? both / positives : null, f1: null,
    });
    expect(recommendedVerdict([row('a', 20, 16, 15), row('b', 3, 0, 0)], 'r').keep).toBe(true);
    expect(recommendedVerdict([row('a', 20, 16, 15), row('b', 12, 12, 8)], 'r').keep).toBe(false);
    // Small collections are pooled, so a rule cannot stay silent everywhere.
    expect(recommendedVerdict([row('a', 7, 1, 1), row('b', 6, 0, 0)], 'r')).toMatchObject({ keep: false, basis: 'pooled' });
    expect(recommendedVerdict([row('a', 2, 0, 0)], 'r')).toMatchObject({ keep: true, basis: 'few-positives' });
    expect(recommendedVerdict([row('a', 2, 4, 1)], 'r')).toMatchObject({ keep: false, basis: 'few-positives' });
  });
});

describe.skipIf(!present)('the benchmark on the corpus (check half)', () => {
  let result: LabelEvalResult;
  const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {}, stdoutIsTTY: false };

  it('reads every labelled conversation from the corpus', async () => {
    // The rules' default options, as `npm run eval -- --labels bench/judgement/labels.jsonl` uses them.
    const config = await loadConfig({ cwd: ROOT });
    result = await evaluateLabels({ labels: LABELS, half: 'check' }, config, io);
    expect(result.missing).toEqual([]);
    expect(result.rows.length).toBeGreaterThan(0);
  }, 120_000);

  it('every rule in supportlint:recommended clears the bar on the conversations no rule was tuned on', () => {
    const recommended = Object.keys(PRESETS['supportlint:recommended']!().rules ?? {});
    const labelled = new Set(result.verdicts.map((v) => v.rule));
    for (const rule of recommended.filter((r) => labelled.has(r))) {
      const verdict = result.verdicts.find((v) => v.rule === rule)!;
      expect(verdict.keep, `${rule}: ${verdict.reason}`).toBe(true);
    }
  });
});
