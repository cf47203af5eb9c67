// The comparison benchmark: supportlint's default rules against textlint with textlint-rule-prh on
// the same text. The input is the STC-3 dev collection four times over (four copies of the file),
// and textlint reads the same messages as plain-text paragraphs, one file per copy.
//
//   npm run bench                          # 3 paired runs, alternating which tool goes first
//   npm run bench -- --runs 5
//   npm run bench -- --corpus path/to/stc3-dev.json
//
// The two tools do different work: supportlint reads a structured export, normalises scripts,
// segments and runs conversation rules; textlint with prh matches phrases in paragraphs. The ratio
// says what a user pays for supportlint over the cheapest phrase checker on the same text.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, mb, median } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
const runs = Number(option('--runs', '3'));
const copies = Number(option('--copies', '4'));
const corpus = path.resolve(option('--corpus', path.join(root, '..', 'shared', 'corpus', 'stc3-dev.json')));
const extra = option('--args', '').split(' ').filter(Boolean);

if (!existsSync(corpus)) {
  console.error(`The benchmark reads the STC-3 dev collection, and ${corpus} does not exist. Pass --corpus <stc3-dev.json>.`);
  process.exit(2);
}
const bin = path.join(root, 'bin', 'supportlint.js');
const textlintBin = path.join(root, 'node_modules', 'textlint', 'bin', 'textlint.js');
if (!existsSync(path.join(root, 'dist')) || !existsSync(textlintBin)) {
  console.error('Run `npm ci` first: the benchmark needs dist/ and textlint (a dev dependency).');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-compare-'));
try {
  const dialogues = JSON.parse(readFileSync(corpus, 'utf8'));
  const paragraphs = [];
  for (const dialogue of dialogues) for (const turn of dialogue.turns) for (const u of turn.utterances) if (u.trim()) paragraphs.push(u.replace(/\s*\n\s*/g, ' '));
  const jsonFiles = [];
  const textFiles = [];
  for (let i = 1; i <= copies; i++) {
    const json = path.join(dir, `stc3-${i}.json`);
    copyFileSync(corpus, json);
    jsonFiles.push(json);
    const text = path.join(dir, `stc3-${i}.txt`);
    writeFileSync(text, paragraphs.join('\n\n') + '\n');
    textFiles.push(text);
  }
  // Five phrase rules, the kind a team starts a prh dictionary with.
  writeFileSync(
    path.join(dir, 'prh.yml'),
    [
      'version: 1',
      'rules:',
      '  - expected: 请您稍等',
      '    pattern: 你等着',
      '  - expected: 我们来处理',
      '    pattern: /不归我们管|不关我们的事/',
      '  - expected: 马上为您查询',
      '    pattern: 自己去查',
      '  - expected: 我来为您说明',
      '    pattern: /你懂不懂|听不懂吗/',
      '  - expected: 请您放心',
      '    pattern: /爱买不买|不买拉倒/',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [path.join(dir, 'prh.yml')] } } }));

  const characters = paragraphs.reduce((n, p) => n + p.length, 0) * copies;
  console.log(`input: ${copies} × ${path.basename(corpus)} = ${dialogues.length * copies} dialogues, ${paragraphs.length * copies} messages, ${(characters / 1e6).toFixed(1)}M characters; ${availableParallelism()} cores`);
  const supportlint = () => measure(process.execPath, [bin, 'lint', ...jsonFiles, '--output', path.join(dir, 'out.txt'), ...extra], { cwd: dir });
  const textlint = () => measure(process.execPath, [textlintBin, '--config', path.join(dir, '.textlintrc.json'), '--output-file', path.join(dir, 'textlint.txt'), ...textFiles], { cwd: dir });

  const results = { supportlint: [], textlint: [] };
  for (let run = 0; run < runs; run++) {
    // Alternate which tool goes first, so that neither always meets a warm or a cold file cache.
    const order = run % 2 === 0 ? ['supportlint', 'textlint'] : ['textlint', 'supportlint'];
    for (const name of order) results[name].push(await (name === 'supportlint' ? supportlint() : textlint()));
    const s = results.supportlint.at(-1);
    const t = results.textlint.at(-1);
    console.log(`run ${run + 1}: supportlint ${s.seconds.toFixed(2)} s ${mb(s.peak)}  textlint ${t.seconds.toFixed(2)} s ${mb(t.peak)}  ratio ${(s.seconds / t.seconds).toFixed(2)}×`);
  }
  const ratios = results.supportlint.map((s, i) => s.seconds / results.textlint[i].seconds);
  const line = (name) => `${name.padEnd(12)} median ${median(results[name].map((r) => r.seconds)).toFixed(2)} s, peak ${mb(Math.max(...results[name].map((r) => r.peak)))}`;
  console.log(line('supportlint'));
  console.log(line('textlint'));
  console.log(`ratio (median of paired runs): ${median(ratios).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
