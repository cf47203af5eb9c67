import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { readFileSync } from 'node:fs';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-links-'));
  writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\n');
  mkdirSync(path.join(dir, 'replies'));
  mkdirSync(path.join(dir, 'shared'));
  mkdirSync(path.join(dir, 'exports'));
  writeFileSync(path.join(dir, 'replies', 'a.yaml'), '- 您好，很高兴为您服务\n');
  writeFileSync(path.join(dir, 'shared', 'common.yaml'), '- 爱买不买，不买拉倒。\n');
  symlinkSync('../shared/common.yaml', path.join(dir, 'replies', 'common.yaml'));
  writeFileSync(path.join(dir, 'shared', 'day.jsonl'), readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl')));
  writeFileSync(path.join(dir, 'exports', 'a.jsonl'), readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl')));
  symlinkSync('../shared/day.jsonl', path.join(dir, 'exports', 'b.jsonl'));
  return dir;
}

describe.skipIf(process.platform === 'win32')('a symbolic link a folder matches is not followed, and every command says so', () => {
  it('replies <folder> reports the linked library as unread and does not pass', async () => {
    const dir = workspace();
    const run = await runCli(['replies', 'replies'], { cwd: dir });
    expect(run.stderr).toContain('replies/common.yaml: 是符号链接');
    expect(run.code).toBe(2);
  });

  it('report <folder> names the link among the inputs it could not read', async () => {
    const dir = workspace();
    const run = await runCli(['report', 'exports', '-f', 'markdown'], { cwd: dir });
    expect(run.stderr).toContain('exports/b.jsonl');
    expect(run.stderr).toContain('符号链接');
  });
});
