import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, sampleWorkspace } from '../support/cli.js';

describe('extends: diamonds, cycles and very long chains', () => {
  it('two team files extending one base (a diamond) load, and the later file wins', async () => {
    const dir = sampleWorkspace({
      '.supportlintrc.yaml': 'extends: [./team-a.yaml, ./team-b.yaml]\n',
      'team-a.yaml': 'extends: ./base.yaml\nrules:\n  missing-greeting: "off"\n',
      'team-b.yaml': 'extends: ./base.yaml\nrules:\n  blame-shifting: warn\n',
      'base.yaml': 'extends: supportlint:recommended\nrules:\n  blame-shifting: "off"\n',
    });
    const run = await runCli(['lint', 'c.jsonl', '--print-config'], { cwd: dir });
    expect(run.stderr).not.toContain('循环');
    expect(run.code).toBe(0);
    const printed = parse(run.stdout) as { rules: Record<string, unknown> };
    expect(JSON.stringify(printed.rules['blame-shifting'])).toContain('warn');
    // team-b extends base again after team-a turned missing-greeting off: base does not touch it.
    expect(JSON.stringify(printed.rules['missing-greeting'])).toContain('off');
  });

  it('a file extending its own ancestor is still a cycle', async () => {
    const dir = sampleWorkspace({
      '.supportlintrc.yaml': 'extends: ./a.yaml\n',
      'a.yaml': 'extends: ./b.yaml\n',
      'b.yaml': 'extends: ./a.yaml\n',
    });
    const run = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('extends "./a.yaml" 形成了循环引用');
  });

  it('diamonds stacked twenty deep stop at the file budget instead of reading 2^20 files', async () => {
    const files: Record<string, string> = { '.supportlintrc.yaml': 'extends: [./l0.yaml, ./l0.yaml]\n' };
    for (let level = 0; level < 20; level++) files[`l${level}.yaml`] = `extends: [./l${level + 1}.yaml, ./l${level + 1}.yaml]\n`;
    files['l20.yaml'] = 'rules: {}\n';
    const dir = sampleWorkspace(files);
    const started = Date.now();
    const run = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/读取的配置文件总数超过 64 个/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
