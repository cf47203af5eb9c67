#!/usr/bin/env node
// Answers --version before loading the linter, so it returns at once.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const cannotStart = (error) => {
    process.stderr.write(`supportlint: cannot start (${error.message.split('\n')[0]}).\nRun \`npm ci\` (or \`npm run build\`) in the supportlint folder first.\n`);
    process.exit(2);
  };
  // The work runs in a child node with a bounded heap (see src/cli/supervise.ts); this process
  // only waits for it, passes its exit code on and turns an out-of-memory abort into a message.
  let supervise;
  try {
    supervise = await import('../dist/src/cli/supervise.js');
  } catch (error) {
    cannotStart(error);
  }
  const { fileURLToPath } = await import('node:url');
  const plan = supervise.planChild(process.execArgv, process.env, Boolean(process.stderr.isTTY));
  if (plan) {
    process.exitCode = await supervise.runChild(plan, fileURLToPath(import.meta.url), args);
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
      cannotStart(error);
    }
    process.exitCode = await cli.run(args);
  }
}
