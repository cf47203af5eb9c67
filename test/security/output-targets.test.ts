import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-targets-'));
  writeFileSync(path.join(dir, 'c.jsonl'), readFileSync(SAMPLE));
  return dir;
}

describe('outputs never write through a link or over what the run reads', () => {
  it('refuses a report path that is a symbolic link to a file outside, and leaves that file as it was', async () => {
    const dir = workspace();
    const victim = path.join(mkdtempSync(path.join(tmpdir(), 'supportlint-victim-')), 'ci.sh');
    writeFileSync(victim, 'ORIGINAL\n');
    chmodSync(victim, 0o755);
    symlinkSync(victim, path.join(dir, 'report.sarif'));
    symlinkSync(victim, path.join(dir, 'baseline.json'));
    for (const args of [['-f', 'sarif:report.sarif'], ['--baseline', 'baseline.json', '--update-baseline']]) {
      const result = await runCli(['lint', 'c.jsonl', ...args], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('符号链接');
      expect(readFileSync(victim, 'utf8')).toBe('ORIGINAL\n');
      expect(statSync(victim).mode & 0o777).toBe(0o755);
    }
  });

  it('still writes to a link to a device, as -o /dev/stdout does', async () => {
    const dir = workspace();
    symlinkSync('/dev/null', path.join(dir, 'null-link'));
    const result = await runCli(['lint', 'c.jsonl', '-o', 'null-link'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('符号链接');
  });

  it('refuses a report over the baseline, the waivers or the configuration, and two reports in one file', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\n');
    writeFileSync(path.join(dir, 'w.yaml'), 'waivers: []\n');
    expect((await runCli(['lint', 'c.jsonl', '--baseline', 'bl.json', '--update-baseline'], { cwd: dir })).code).toBe(0);
    const baseline = readFileSync(path.join(dir, 'bl.json'), 'utf8');
    for (const args of [
      ['--baseline', 'bl.json', '-f', 'json:bl.json'],
      ['--waivers', 'w.yaml', '-f', 'json:w.yaml'],
      ['-f', 'json:.supportlintrc.yaml'],
      ['--baseline', 'c.jsonl', '--update-baseline'],
      ['-f', 'json:out.json', '-f', 'sarif:out.json'],
    ]) {
      const result = await runCli(['lint', 'c.jsonl', ...args], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
    }
    expect(readFileSync(path.join(dir, 'bl.json'), 'utf8')).toBe(baseline);
    expect(readFileSync(path.join(dir, 'w.yaml'), 'utf8')).toBe('waivers: []\n');
    expect(readFileSync(path.join(dir, '.supportlintrc.yaml'), 'utf8')).toBe('extends: supportlint:recommended\n');
    expect(readFileSync(path.join(dir, 'c.jsonl'))).toEqual(readFileSync(SAMPLE));
  });
});
