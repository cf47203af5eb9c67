import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const BIN = path.join(ROOT, 'bin', 'supportlint.js');
const SAMPLE = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'));

/** Files and folders under a folder, recursively, as relative paths. */
const everything = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String);

/**
 * Runs `lint -` with its own TMPDIR, feeds standard input, and either closes it (a normal run) or
 * leaves it open until the copy exists and then sends `signal` to the process group.
 */
async function runOnStdin(signal?: NodeJS.Signals, tmp = mkdtempSync(path.join(tmpdir(), 'supportlint-tmpdir-'))): Promise<{ tmp: string; seenCopy: boolean; code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [BIN, 'lint', '-'], { env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' }, stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  child.stdin.write(SAMPLE);
  let seenCopy = false;
  if (!signal) {
    child.stdin.end();
  } else {
    const deadline = Date.now() + 20_000;
    while (!(seenCopy = everything(tmp).some((f) => f.endsWith(`${path.sep}stdin`))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // The copy exists and is still being written: the run is mid-way.
    process.kill(-child.pid!, signal);
  }
  const outcome = await exited;
  return { tmp, seenCopy, ...outcome };
}

describe('standard input is copied to a temporary file that never outlives the run', () => {
  it('removed after a normal run', async () => {
    const run = await runOnStdin();
    expect(run.code).toBe(1);
    expect(everything(run.tmp)).toEqual([]);
  }, 30_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`removed when the run is stopped by ${signal}`, async () => {
      const run = await runOnStdin(signal);
      expect(run.seenCopy).toBe(true);
      expect(run.signal ?? run.code).not.toBe(0);
      expect(everything(run.tmp)).toEqual([]);
    }, 30_000);
  }

  it('left by a run that was killed (SIGKILL), and removed by the next run, which leaves other runs\' folders alone', async () => {
    const killed = await runOnStdin('SIGKILL');
    expect(killed.seenCopy).toBe(true);
    // Nothing runs on SIGKILL: the copy of every message stays behind.
    expect(everything(killed.tmp).some((f) => f.endsWith(`${path.sep}stdin`))).toBe(true);
    // A folder of a run still going (this process), and one that names no owner, are not touched.
    const live = path.join(killed.tmp, 'supportlint-run-live00');
    mkdirSync(live);
    writeFileSync(path.join(live, 'owner'), `${process.pid} ${hostname()}\n`);
    mkdirSync(path.join(killed.tmp, 'supportlint-run-noowner'));
    const next = await runOnStdin(undefined, killed.tmp);
    expect(next.code).toBe(1);
    expect(everything(killed.tmp).sort()).toEqual(['supportlint-run-live00', path.join('supportlint-run-live00', 'owner'), 'supportlint-run-noowner']);
  }, 60_000);

  it('a TMPDIR that does not exist is named as the fault, not the input', () => {
    const run = spawnSync(process.execPath, [BIN, 'lint', '-'], { input: SAMPLE, env: { ...process.env, TMPDIR: path.join(tmpdir(), 'supportlint-no-such-folder'), NO_COLOR: '1' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('临时目录');
    expect(run.stderr).toContain('请把 TMPDIR 设为一个存在且可写的目录');
  });
});
