#!/usr/bin/env node
// Answers --version before loading the linter, so it returns at once.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // A reader that stops early (`supportlint lint … | head`) is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let cli;
  try {
    cli = await import('../dist/src/cli/index.js');
  } catch (error) {
    process.stderr.write(`supportlint: 无法启动（${error.message.split('\n')[0]}）。\n请先在 supportlint 目录里运行 \`npm ci\`（或 \`npm run build\`）。\n`);
    process.exit(2);
  }
  process.exitCode = await cli.run(args);
}
