import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');
const scratch = () => mkdtempSync(path.join(tmpdir(), 'supportlint-edges-'));

describe('command-line edges', () => {
  it('init --force refuses a folder where the configuration would go, with a message instead of a failure', async () => {
    const dir = scratch();
    mkdirSync(path.join(dir, '.supportlintrc.yaml'));
    const run = await runCli(['init', '--force'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('是文件夹或特殊文件');
    expect(run.stderr).not.toContain('意外失败');
  });

  it('reads holidays written as unquoted YAML dates', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nholidays: [2026-10-01, "2026-10-02"]\n');
    const config = await runCli(['lint', '--print-config'], { cwd: dir });
    expect(config.code).toBe(0);
    expect(config.stdout).toMatch(/2026-10-01[\s\S]*2026-10-02/u);
  });

  it('refuses a holiday the calendar does not have and a shift of no length, naming the key', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nholidays: ["2026-02-30"]\n');
    const holiday = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(holiday.code).toBe(2);
    expect(holiday.stderr).toContain('日历上没有这一天');
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nbusinessHours:\n  - days: [mon, tue]\n    open: "09:00"\n    close: "09:00"\n');
    const shift = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(shift.code).toBe(2);
    expect(shift.stderr).toContain('open 与 close 相同');
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nbusinessHours:\n  - days: [mon]\n    open: "00:00"\n    close: "24:00"\n  - days: [tue]\n    open: "09:00"\n    close: "24:30"\n');
    const late = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('businessHours.1.close: 应为一天中的时刻');
    expect(late.stderr).not.toContain('businessHours.0');
  });

  it('writes -o /dev/stdout to standard output', async () => {
    const run = await runCli(['lint', SAMPLE, '-f', 'json', '-o', '/dev/stdout']);
    expect(run.stderr).not.toContain('符号链接');
    expect(JSON.parse(run.stdout).summary.conversations).toBe(4);
  });

  it('writes -o /dev/stderr to standard error, also where standard error is redirected to a file', async () => {
    const run = await runCli(['lint', SAMPLE, '-f', 'json', '-o', '/dev/stderr']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('"conversations": 4');
    const xlsx = await runCli(['lint', SAMPLE, '-f', 'xlsx', '-o', '/dev/stderr']);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('只能写文本格式');
    // `2> file`: /dev/stderr is then a link to that file, which a file output would refuse.
    const dir = scratch();
    const errors = openSync(path.join(dir, 'err.txt'), 'w');
    try {
      const spawned = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'supportlint.js'), 'lint', SAMPLE, '-f', 'json', '-o', '/dev/stderr'], { stdio: ['ignore', 'pipe', errors], encoding: 'utf8' });
      expect(spawned.status).toBe(1);
    } finally {
      closeSync(errors);
    }
    const written = readFileSync(path.join(dir, 'err.txt'), 'utf8');
    expect(written).not.toContain('符号链接');
    expect(written).toContain('"conversations": 4');
  });
});

describe('a configuration that turns no rule on', () => {
  it('says that the run judges nothing', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'rules: {}\n');
    const run = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(run.stderr).toContain('没有开启任何规则');
    const usual = await runCli(['lint', SAMPLE]);
    expect(usual.stderr).not.toContain('没有开启任何规则');
  });
});
