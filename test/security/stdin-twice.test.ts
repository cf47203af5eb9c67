import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputFiles } from '../../src/io/find-files.js';
import { ROOT } from '../support/cli.js';

const SAMPLE = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'));

describe('standard input named twice', () => {
  it('is read once, as a file given twice is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-stdin-twice-'));
    writeFileSync(path.join(dir, 'c.jsonl'), SAMPLE);
    const found = await findInputFiles(['-', 'c.jsonl', '-', './c.jsonl'], { cwd: dir, ignore: [] });
    expect(found.files).toEqual(['-', 'c.jsonl']);
  });

  it('`lint - -` lints standard input and reports no empty second input', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/supportlint.js'), 'lint', '-', '-'], { input: SAMPLE, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(run.stderr).not.toContain('无法读取');
    expect(run.stdout).toContain('文件 1 ·');
    expect(run.stdout).toContain('读取 20 = 使用 20 + 跳过 0');
  });
});
