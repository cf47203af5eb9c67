#!/usr/bin/env node
// Answers --version before loading the linter, so it returns at once.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // A reader that stops early (`supportlint lint … | head`) is not an error. Any other failure to
  // write standard output (a full disk: `> /dev/full`) loses the report: it says so, and exits 2,
  // never 1, which would read as findings.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`supportlint: 无法写入标准输出（${error.code ?? error.message}），报告不完整。请检查磁盘空间，或用 -o 写入文件。\n`);
    process.exit(2);
  });
  let cli;
  try {
    // The bundled build starts faster (scripts/bundle.mjs); dist/src is the same code, module by module.
    const { existsSync } = await import('node:fs');
    const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
    cli = await import(existsSync(bundled) ? bundled.href : '../dist/src/cli/index.js');
  } catch (error) {
    // Only a missing build is mended by installing; a limit of the machine is not.
    const advice =
      error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND'
        ? '请先在 supportlint 目录里运行 `npm ci`（或 `npm run build`）。'
        : error.code === 'EMFILE' || error.code === 'ENFILE'
          ? '可以同时打开的文件数不够：请调高上限（例如 `ulimit -n 4096`）后再运行。'
          : '请检查 Node.js 版本（需要 20 或更高）和安装是否完整；问题仍在时，运行 `npm ci` 重新安装。';
    process.stderr.write(`supportlint: 无法启动（${String(error.message).split('\n')[0]}）。\n${advice}\n`);
    process.exit(2);
  }
  // Temporary files of this run, its lint threads' included, go in a folder removed when it ends.
  cli.usePrivateTempFolder?.();
  process.exitCode = await cli.run(args);
}
