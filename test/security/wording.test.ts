import { execFileSync } from 'node:child_process';
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

  it('a key a baseline does not take is named, with no list that reads as "none"', async () => {
    const dir = workspace({ 'b.json': '{"version":1,"counts":{},"extra":1}' });
    const run = await runCli(['lint', 'c.jsonl', '--baseline', 'b.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('这里不能写 "extra"：请删掉它');
    expect(run.stderr).not.toContain('—');
  });

  it.each([
    ['.supportlintrc.yaml', 'rules:\n\tblame-shifting: error\n', /\.supportlintrc\.yaml 有 YAML 语法错误，在第 2 行第 1 列：用了制表符缩进，请改用空格（TAB_AS_INDENT）/],
    ['.supportlintrc.yaml', 'rules:\n  blame-shifting: [error\n', /\.supportlintrc\.yaml 有 YAML 语法错误，在第 \d+ 行第 \d+ 列：[^\n]*（[A-Z_]+）/],
    ['.supportlintrc.json', '{"rules": {\n', /\.supportlintrc\.json 有 JSON 语法错误/],
  ])('a syntax error in the configuration (%s) is told in words, with where it is', async (name, content, expected) => {
    const run = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ [name]: content }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toMatch(/YAML Error|JSON Error|tab characters|flow collection/);
  });

  it('a number that is .inf or .nan in YAML says a finite number is expected', async () => {
    const run = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ '.supportlintrc.yaml': 'input:\n  sessionGapMinutes: .inf\nrules:\n  slow-first-response: [warn, {threshold: .nan}]\n' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('input.sessionGapMinutes: 应为有限的数字，这里是 Infinity');
    expect(run.stderr).not.toContain('期望 数字，实际接收 数字');
  });

  it('extends naming a file that does not exist says so once, with the path it looked at', async () => {
    const dir = workspace({ '.supportlintrc.yaml': 'extends: "data:text/javascript,1"\n' });
    const run = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`（没有这个文件：${path.join(dir, 'data:text/javascript,1')}）`);
    expect(run.stderr).not.toContain('data:text/data:text');
    expect(run.stderr).not.toContain('ENOENT');
  });

  it.each([
    ['a FIFO', (dir: string) => execFileSync('mkfifo', [path.join(dir, 'in.jsonl')])],
    ['a link to a device', (dir: string) => symlinkSync('/dev/null', path.join(dir, 'in.jsonl'))],
  ])('an input that is %s is named as no regular file, as a missing one is', async (_name, make) => {
    const dir = workspace();
    make(dir);
    const run = await runCli(['lint', 'in.jsonl', 'c.jsonl', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('in.jsonl：不是普通文件（而是管道、设备或其他特殊文件），没有读取');
    expect(run.stderr).not.toContain('没有这个文件');
  });

  it('a key a custom rule of that type does not take is refused with the keys that type takes', async () => {
    const run = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ '.supportlintrc.yaml': 'customRules:\n  esc-msg:\n    type: phrase\n    phrases: [x]\n    message: m\n    suggestion: s\n' }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/customRules\.esc-msg: 没有配置项 "suggestion"。可用的配置项：type, message,[^—\n]*phrases/);
    expect(run.stderr).not.toMatch(/可用的配置项：[^\n]*suggestion/);
  });
});
