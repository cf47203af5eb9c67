// Bundles the command line and the lint thread, each into one file under dist/bundle/, after the
// TypeScript build. Node reads, resolves and links every ES module separately: unbundled, a lint
// run spends about half a second of CPU loading some two hundred of supportlint's modules and its
// libraries', once in the main thread and again in every lint thread. One file per entry is read
// and compiled in one go. bin/supportlint.js runs the bundle, or dist/src/ when there is none.
//
// Left outside the bundles, and loaded from node_modules when used: nodejs-jieba (a native module
// that finds its dictionaries beside itself), opencc-js (dictionary data, loaded once), exceljs and
// echarts (large, and only loaded for XLSX and charts), typescript (configuration loading can ask
// for it, supportlint never does).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = path.join(root, 'dist', 'bundle');

await build({
  absWorkingDir: root,
  entryPoints: {
    // The names matter: the command line starts its lint threads from lint-worker.js beside itself
    // (see workerScript in src/runner/worker-pool.ts).
    cli: 'dist/src/cli/index.js',
    'lint-worker': 'dist/src/runner/lint-worker.js',
  },
  outdir: BUNDLE_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['nodejs-jieba', 'opencc-js', 'exceljs', 'echarts', 'typescript', 'pinyin-pro'],
  // Libraries written as CommonJS call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as supportlintCreateRequire } from 'node:module'; const require = supportlintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`supportlint: wrote ${path.relative(root, BUNDLE_DIR)}/cli.js and lint-worker.js`);
