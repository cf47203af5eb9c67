import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-side-files-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);
  symlinkSync('/dev/zero', path.join(dir, 'zero'));
  return dir;
}

/** Runs the CLI in `dir`, failing the test (not hanging it) if the run waits on a pipe or reads for ever. */
async function run(dir: string, args: string[]) {
  const result = await Promise.race([
    runCli(args, { cwd: dir }),
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the run hung')), 15_000)),
  ]);
  expect(result.stderr).not.toMatch(/\n\s+at |Invalid string length|bad_alloc/);
  return result;
}

describe.skipIf(process.platform === 'win32')('a baseline, waivers or labels file that is a pipe or a device', () => {
  it.each([
    ['--baseline', ['lint', SAMPLE, '--baseline'], '--baseline'],
    ['--waivers', ['lint', SAMPLE, '--waivers'], ''],
    ['eval --labels', ['eval', '--labels'], '--labels'],
  ])('%s is refused at once, for a FIFO and for a link to /dev/zero', async (_name, args, shown) => {
    const dir = folder();
    for (const special of ['fifo', 'zero']) {
      const result = await run(dir, [...args, special]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${special} 不是普通文件`);
      if (shown) expect(result.stderr).toContain(shown);
    }
  }, 40_000);
});
