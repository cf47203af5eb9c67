import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

const workspace = (files: Record<string, string> = {}) => sampleWorkspace(files);

describe('messages say what the thing is', () => {
  it('an output path that is a dangling link names where the link points', async () => {
    const dir = workspace();
    const target = path.join(dir, 'nowhere', 'out.json');
    symlinkSync(target, path.join(dir, 'dangling.json'));
    const run = await runCli(['lint', 'c.jsonl', '-f', 'json', '-o', 'dangling.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`是指向 ${target} 的符号链接`);
  });

  it('extends naming a folder says it is a folder', async () => {
    const run = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ '.supportlintrc.yaml': 'extends: .\n' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('extends "." 是文件夹，不是配置文件');
    expect(run.stderr).not.toContain('管道');
  });

  it('a baseline count too large for a number says what a count should be', async () => {
    const dir = workspace({ 'b.json': '{"version":1,"counts":{"c1":{"blame-shifting":1e400}}}' });
    const run = await runCli(['lint', 'c.jsonl', '--baseline', 'b.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('counts.c1.blame-shifting');
    expect(run.stderr).toContain('应为正整数');
    expect(run.stderr).not.toContain('实际接收 数字');
  });
});
