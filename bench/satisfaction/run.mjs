// The satisfaction benchmark: predicted satisfaction, IQS and the customer-sentiment detector of
// supportlint against the human labels of ../shared/corpus (see README.md beside this file).
//
//   npm run bench:satisfaction              figures for both halves
//   npm run bench:satisfaction -- --tune    also fits the prediction's weights on the tuning half
//                                           (least squares) and prints them with their figures
//
// It runs the built code (dist/): run `npm run build` after a change to src/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { halfOf, corpusDir } from '../judgement/collections.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = process.env.SUPPORTLINT_CORPUS ?? corpusDir(root);
if (!existsSync(corpus)) {
  console.error(`The corpus folder ${corpus} is absent: nothing to measure.`);
  process.exit(1);
}
const { loadConfig } = await import(path.join(root, 'dist/src/config/load.js'));
const { collectBench, figuresFor } = await import(path.join(root, 'dist/src/evaluation/satisfaction.js'));
const { SATISFACTION_WEIGHTS } = await import(path.join(root, 'dist/src/analysis/satisfaction.js'));

const config = await loadConfig({ cwd: root });
const started = Date.now();
const data = await collectBench(corpus, config, halfOf);
console.log(`read ${data.conversations.length} labelled conversations and ${data.turns.length} rated customer turns in ${((Date.now() - started) / 1000).toFixed(0)} s`);

function show(weights, label, halves) {
  console.log(`\n== ${label}`);
  for (const half of halves) {
    const f = figuresFor(data, half, config.scoring, weights);
    console.log(`${half.padEnd(5)}  STC-3 ${f.stc3}, JDDC ${f.jddc} conversations`);
    console.log(`       ρ(predictedSatisfaction, STC-3 mean S)    ${f.predictedVsS}`);
    console.log(`       ρ(predictedSatisfaction, JDDC overall_sat) ${f.predictedVsOverallSat}`);
    console.log(`       ρ(IQS, STC-3 mean S)                       ${f.iqsVsS}`);
    const d = f.detector;
    console.log(`       detector on JDDC sat-0 turns: precision ${d.precision}, recall ${d.recall} (${d.flagged} flagged, ${d.dissatisfied} dissatisfied of ${d.turns} rated turns)`);
    const q = f.iqs;
    console.log(`       IQS (${q.scored} scored): at 100 ${(q.shareAt100 * 100).toFixed(1)}%, Q1 ${q.q1}, median ${q.median}, Q3 ${q.q3}, mean ${q.mean}`);
  }
}

/**
 * Coordinate ascent from the least-squares weights on what the benchmark is judged by: the sum of
 * the two rank correlations on the tuning half (JDDC's counts as much as STC-3's, though it has a
 * tenth of the dialogues). Steps of 0.05; stops when no single step helps.
 */
function search(start) {
  const objective = (w) => {
    const f = figuresFor(data, 'tune', config.scoring, w);
    return (f.predictedVsS ?? 0) + (f.predictedVsOverallSat ?? 0);
  };
  let best = { ...start };
  let bestValue = objective(best);
  for (let round = 0; round < 20; round++) {
    let improved = false;
    for (const key of Object.keys(best)) {
      for (const step of [0.05, -0.05, 0.2, -0.2]) {
        const candidate = { ...best, [key]: Math.round((best[key] + step) * 100) / 100 };
        const value = objective(candidate);
        if (value > bestValue + 1e-4) {
          best = candidate;
          bestValue = value;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

/** Least squares (with a little ridge) of the label on the features, over the tuning half. */
function fit() {
  const keys = Object.keys(SATISFACTION_WEIGHTS).filter((k) => k !== 'intercept');
  const rows = [];
  for (const c of data.conversations) {
    if (c.half !== 'tune' || !c.features) continue;
    // Both labels onto 1–5: STC-3's S (−2…2) + 3; JDDC's overall_sat 0/1/2 → 1/3/5. JDDC has a tenth
    // of STC-3's dialogues, so each counts five times.
    const target = c.collection === 'stc3' ? c.label + 3 : 1 + 2 * c.label;
    const repeat = c.collection === 'stc3' ? 1 : 5;
    for (let i = 0; i < repeat; i++) rows.push({ x: [1, ...keys.map((k) => c.features[k])], y: target });
  }
  const n = keys.length + 1;
  const a = Array.from({ length: n }, () => new Array(n + 1).fill(0));
  for (const { x, y } of rows) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i][j] += x[i] * x[j];
      a[i][n] += x[i] * y;
    }
  }
  for (let i = 1; i < n; i++) a[i][i] += 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || a[col][col] === 0) continue;
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
    }
  }
  const solution = a.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
  const weights = { intercept: Math.round(solution[0] * 100) / 100 };
  keys.forEach((k, i) => (weights[k] = Math.round(solution[i + 1] * 100) / 100));
  return weights;
}

if (process.argv.includes('--tune')) {
  // Tuning reads the tuning half only: the check half is read with the weights committed in src/.
  show(SATISFACTION_WEIGHTS, 'weights in src/analysis/satisfaction.ts', ['tune']);
  const weights = fit();
  console.log(`\nfitted on the tuning half: ${JSON.stringify(weights)}`);
  show(weights, 'fitted weights', ['tune']);
  const searched = search(weights);
  console.log(`\nsearched on the tuning half: ${JSON.stringify(searched)}`);
  show(searched, 'searched weights', ['tune']);
} else {
  show(SATISFACTION_WEIGHTS, 'weights in src/analysis/satisfaction.ts', ['tune', 'check']);
}
