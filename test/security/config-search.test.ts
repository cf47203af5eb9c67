import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

describe('the configuration search', () => {
  it('stops at a repository root (.git): a configuration above the checkout gates nothing in it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'supportlint-search-'));
    writeFileSync(path.join(outside, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nignore: ["**"]\n');
    const repo = path.join(outside, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'sub'));
    const run = await runCli(['lint', SAMPLE, '--print-config'], { cwd: path.join(repo, 'sub') });
    expect(run.code).toBe(0);
    expect((parse(run.stdout) as { sources: string[] }).sources).toEqual(['supportlint:recommended']);
    // Outside any repository or package the search still goes up, as before.
    const plain = path.join(outside, 'plain');
    mkdirSync(plain);
    const above = await runCli(['lint', SAMPLE, '--print-config'], { cwd: plain });
    expect((parse(above.stdout) as { sources: string[] }).sources).toContain(path.join(outside, '.supportlintrc.yaml'));
  });

  it('notes a second configuration in the folder of the one in use (a supportlint key in package.json hides .supportlintrc.yaml)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-two-configs-'));
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nrules:\n  blame-shifting: error\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","supportlint":{"extends":"supportlint:recommended"}}');
    const run = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(run.stderr).toContain('在用的配置是 package.json；同一文件夹里的 .supportlintrc.yaml 没有读取');
    const given = await runCli(['lint', SAMPLE, '-c', '.supportlintrc.yaml'], { cwd: dir });
    expect(given.stderr).not.toContain('没有读取');
  });
});
