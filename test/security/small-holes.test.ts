import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWaivers } from '../../src/runner/waivers.js';
import { redactionSettings } from '../../src/runner/redaction.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-holes-'));
  writeFileSync(path.join(dir, 'c.jsonl'), readFileSync(SAMPLE));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('small holes a reviewer found', () => {
  it('a report written over an existing file keeps that file’s permissions', async () => {
    const dir = workspace({ 'out.json': '{}', 'report.html': '' });
    chmodSync(path.join(dir, 'out.json'), 0o600);
    chmodSync(path.join(dir, 'report.html'), 0o600);
    await runCli(['lint', 'c.jsonl', '-f', 'json', '-o', 'out.json'], { cwd: dir });
    await runCli(['report', 'c.jsonl', '-o', 'report.html'], { cwd: dir });
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'))).toHaveProperty('results');
    expect(statSync(path.join(dir, 'out.json')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'report.html')).mode & 0o777).toBe(0o600);
  });

  it('the HTML report writes control characters and bidi overrides from the data as visible escapes', async () => {
    const line = (role: string, text: string, extra = '') => JSON.stringify({ conversation_id: 'x', time: '2026-11-02T10:00:00+08:00', role, text, ...(extra ? { agent: extra } : {}) });
    const dir = workspace({ 'esc.jsonl': `${line('customer', '快递怎么还没到')}\n${line('agent', '这个是快递那边的问题\u001b]8;;http://evil\u0007点这里\u001b[2J', '小\u001b[1m林\u202e')}\n` });
    await runCli(['report', '-c', REPO_CONFIG, 'esc.jsonl', '-o', 'r.html'], { cwd: dir });
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
    expect(html).toContain('\\x1b');
  });

  it('a waiver whose reason or author is only zero-width characters is refused', async () => {
    const dir = workspace({
      'w.yaml': 'waivers:\n  - conversation: c-1001\n    rule: blame-shifting\n    message: 3\n    reason: "\u200b"\n    author: "\u200b\u200b"\n',
    });
    await expect(loadWaivers(path.join(dir, 'w.yaml'), 'w.yaml', () => true)).rejects.toThrow(/reason/);
  });

  it('a redaction key of blanks is no key: the default-key warning is given', () => {
    expect(redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: ' ' }).warning).toBeDefined();
    expect(redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: '\u200b' }).warning).toBeDefined();
    expect(redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: 'team-key-2026-q4' }).warning).toBeUndefined();
  });

  it('a redaction key of a few characters is used, with a warning that it can be found by trying', () => {
    const short = redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: 'a' });
    expect(short.settings.key).toBe('a');
    expect(short.warning).toContain('只有 1 个字符');
    expect(redactionSettings({ key: 'k1' }, {}).warning).toContain('只有 2 个字符');
    expect(redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: '12345678901' }).warning).toContain('只有 11 个字符');
    expect(redactionSettings(undefined, { SUPPORTLINT_REDACT_KEY: '123456789012' }).warning).toBeUndefined();
  });

  it('--max-warnings takes digits only', async () => {
    for (const value of ['0x10', '1e3', '0b1']) {
      const result = await runCli(['lint', SAMPLE, '--max-warnings', value]);
      expect(result.code, value).toBe(2);
    }
    expect((await runCli(['lint', SAMPLE, '--max-warnings', '100'])).code).toBeLessThan(2);
  });

  it('an empty output file name is refused before anything is written', async () => {
    for (const args of [['-o', ''], ['-f', 'sarif:']]) {
      const result = await runCli(['lint', SAMPLE, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('输出文件名是空的');
    }
  });

  it('a baseline saved with a byte-order mark is read', async () => {
    const dir = workspace();
    await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '--baseline', 'bl.json', '--update-baseline'], { cwd: dir });
    writeFileSync(path.join(dir, 'bl.json'), `\ufeff${readFileSync(path.join(dir, 'bl.json'), 'utf8')}`);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '--baseline', 'bl.json'], { cwd: dir });
    expect(result.code).toBe(0);
  });
});
