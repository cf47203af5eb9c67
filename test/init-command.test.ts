import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

/** A project folder (with its own package.json, so the search stops here). */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-init-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"shop-qa"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Which preset the merged configuration of a run in `dir` turns blame-shifting to. */
async function blameShifting(dir: string): Promise<string> {
  const printed = await runCli(['lint', '--print-config'], { cwd: dir });
  expect(printed.code).toBe(0);
  return /blame-shifting: "?(\w+)"?/.exec(printed.stdout)?.[1] ?? '';
}

describe('init does not write a file that another configuration file would hide, or that would hide one', () => {
  for (const [name, text] of [
    ['.supportlintrc.json', '{"rules":{"blame-shifting":"error"}}'],
    ['.supportlintrc', 'rules:\n  blame-shifting: error\n'],
    ['package.json', '{"name":"shop-qa","supportlint":{"rules":{"blame-shifting":"error"}}}'],
    ['.supportlintrc.yml', 'rules:\n  blame-shifting: error\n'],
  ] as const) {
    it(`${name} in the folder: init refuses, even with --force, names the file in effect and writes nothing`, async () => {
      const dir = project({ [name]: text });
      expect(await blameShifting(dir)).toBe('error');
      for (const args of [['init'], ['init', '--force']]) {
        const result = await runCli(args, { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(name);
        expect(result.stderr).toContain('生效');
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(existsSync(path.join(dir, '.supportlintrc.yaml'))).toBe(false);
      }
      expect(await blameShifting(dir)).toBe('error');
    });
  }

  it('a package.json without a "supportlint" key is no configuration: init writes the starter file', async () => {
    const dir = project();
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, '.supportlintrc.yaml'), 'utf8')).toContain('extends: supportlint:recommended');
  });

  it('a configuration in a parent folder: init writes here, and says that the parent file no longer applies here', async () => {
    const dir = project({ '.supportlintrc.json': '{"rules":{"blame-shifting":"error"}}' });
    const child = path.join(dir, 'exports');
    mkdirSync(child);
    expect(await blameShifting(child)).toBe('error');
    const result = await runCli(['init'], { cwd: child });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(path.join(dir, '.supportlintrc.json'));
    expect(await blameShifting(child)).not.toBe('error');
  });
});
