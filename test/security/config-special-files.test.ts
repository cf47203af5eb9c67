import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-config-files-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  return dir;
}

/** Runs lint in `dir`, failing the test (not hanging it) if the run waits on a pipe. */
async function lintIn(dir: string, args: string[] = []) {
  const result = await Promise.race([
    runCli(['lint', SAMPLE, ...args], { cwd: dir }),
    new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the run hung')), 10_000)),
  ]);
  expect(result.stderr).not.toMatch(/\n\s+at |Invalid string length/);
  return result;
}

describe('a configuration file must be a regular file of at most 1 MB', () => {
  it.skipIf(process.platform === 'win32')('extends: a FIFO is refused at once, not waited on', async () => {
    const dir = project();
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: ./fifo.yaml\n');
    const result = await lintIn(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('extends "./fifo.yaml" 不是普通文件');
  });

  it.skipIf(process.platform === 'win32')('a link to /dev/zero, in extends, as -c, or as the file the search finds', async () => {
    const dir = project();
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    writeFileSync(path.join(dir, 'base.yaml'), 'extends: ./zero.yaml\n');
    const extended = await lintIn(dir, ['-c', 'base.yaml']);
    expect(extended.code).toBe(2);
    expect(extended.stderr).toContain('不是普通文件');
    const direct = await lintIn(dir, ['-c', 'zero.yaml']);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain('zero.yaml 不是普通文件');
    symlinkSync('/dev/zero', path.join(dir, '.supportlintrc.yaml'));
    const searched = await lintIn(dir);
    expect(searched.code).toBe(2);
    expect(searched.stderr).toContain('.supportlintrc.yaml 不是普通文件');
  });

  it('a configuration file over 1 MB is refused with its size', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'big.yaml'), `# ${'x'.repeat(1024 * 1024)}\nrules: {}\n`);
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: ./big.yaml\n');
    const result = await lintIn(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/big\.yaml" 有 1,025 KB，超过配置文件的上限 1024 KB/);
    // A configuration of ordinary size is still read.
    writeFileSync(path.join(dir, 'big.yaml'), 'rules: {}\n');
    expect((await lintIn(dir, ['-f', 'json'])).code).not.toBe(2);
  });
});
