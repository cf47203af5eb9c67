import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

describe('inputs the configuration ignores', () => {
  it('a file named on the command line that ignore hides is reported with the patterns, exit 2', async () => {
    const dir = sampleWorkspace({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nignore: ["**"]\n' });
    const run = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('c.jsonl：它指向的文件全部被配置项 ignore 排除了（"**"）');
  });

  it('a folder whose every file is ignored is reported; one with a file left is linted', async () => {
    const dir = sampleWorkspace({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nignore: ["exports/old/**"]\n' });
    mkdirSync(path.join(dir, 'exports', 'old'), { recursive: true });
    writeFileSync(path.join(dir, 'exports', 'old', 'a.jsonl'), '');
    const hidden = await runCli(['lint', 'exports/old'], { cwd: dir });
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toContain('exports/old：它指向的文件全部被配置项 ignore 排除了');
    const mixed = await runCli(['lint', 'exports/old', 'c.jsonl'], { cwd: dir });
    expect(mixed.stderr).toContain('exports/old：它指向的文件全部被配置项 ignore 排除了');
    expect(mixed.code).toBe(2);
  });

  it('ignore that hides some files of a glob leaves the rest to lint, without a message', async () => {
    const dir = sampleWorkspace({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nignore: ["skip-*.jsonl"]\n', 'skip-me.jsonl': '' });
    const run = await runCli(['lint', '*.jsonl'], { cwd: dir });
    expect(run.stderr).not.toContain('ignore 排除');
    expect(run.stdout).toContain('读取 20 = 使用 20');
  });
});
