import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('outputs never write through a folder of the checkout that is a link', () => {
  it('refuses a report, a baseline and a report file under a linked folder, and leaves the target folder as it was', async () => {
    const dir = workspace();
    const outside = mkdtempSync(path.join(tmpdir(), 'supportlint-outside-'));
    writeFileSync(path.join(outside, 'outside.txt'), 'PRECIOUS\n');
    writeFileSync(path.join(outside, 'base.json'), '{"v":1}\n');
    symlinkSync(outside, path.join(dir, 'reports'));
    for (const args of [
      ['lint', 'c.jsonl', '-f', 'json', '-o', 'reports/outside.txt'],
      ['lint', 'c.jsonl', '--baseline', 'reports/base.json', '--update-baseline'],
      ['report', 'c.jsonl', '-o', 'reports/report.html'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('符号链接');
    }
    expect(readFileSync(path.join(outside, 'outside.txt'), 'utf8')).toBe('PRECIOUS\n');
    expect(readFileSync(path.join(outside, 'base.json'), 'utf8')).toBe('{"v":1}\n');
    expect(existsSync(path.join(outside, 'report.html'))).toBe(false);
  });

  it('still writes under a real folder, and to a path outside the working folder the operator names', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'reports'));
    expect((await runCli(['lint', 'c.jsonl', '-f', 'json', '-o', 'reports/out.json'], { cwd: dir })).code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', 'out.json'), 'utf8'))).toHaveProperty('results');
    const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), 'supportlint-elsewhere-')), 'out.json');
    expect((await runCli(['lint', 'c.jsonl', '-f', 'json', '-o', elsewhere], { cwd: dir })).code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toHaveProperty('results');
  });

  it('replies --fix refuses a library folder that is a link, and leaves the files it points to', async () => {
    const dir = workspace();
    const outside = mkdtempSync(path.join(tmpdir(), 'supportlint-victimlib-'));
    writeFileSync(path.join(outside, 'r.yaml'), '- 您别激动，这个问题不大。\n');
    symlinkSync(outside, path.join(dir, 'replies'));
    const result = await runCli(['replies', 'replies', '--fix'], { cwd: dir });
    expect(result.stdout + result.stderr).toContain('符号链接');
    expect(readFileSync(path.join(outside, 'r.yaml'), 'utf8')).toBe('- 您别激动，这个问题不大。\n');
  });
});

describe('a linked folder reached from a subfolder or by an absolute path', () => {
  it('is refused too, and the folder it points to is left as it was', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'sub'));
    const outside = mkdtempSync(path.join(tmpdir(), 'supportlint-outside-'));
    symlinkSync(outside, path.join(dir, 'outdir'));
    for (const args of [
      ['lint', '../c.jsonl', '-f', 'json', '-o', '../outdir/x.json'],
      ['lint', '../c.jsonl', '-f', 'json', '-o', path.join(dir, 'outdir', 'y.json')],
      ['convert', '../c.jsonl', '-o', '../outdir/z.jsonl'],
    ]) {
      const result = await runCli(args, { cwd: path.join(dir, 'sub') });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('符号链接');
    }
    expect(readdirSync(outside)).toEqual([]);
  });
});
