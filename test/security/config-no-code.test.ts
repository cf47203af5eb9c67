import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');
const BIN = path.join(ROOT, 'bin', 'supportlint.js');

/** A folder with a package.json (the end of the configuration search) and a script that leaves a mark when run. */
function project(): { dir: string; marker: string; script: (name: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-sec-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  const marker = path.join(dir, 'PWNED');
  const script = (name: string) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    const body = name.endsWith('.mjs') || name.endsWith('.ts')
      ? `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'x'); export default {};`
      : `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};`;
    writeFileSync(file, body);
    return file;
  };
  return { dir, marker, script };
}

describe('configuration never runs code', () => {
  for (const ext of ['cjs', 'js', 'mjs', 'ts']) {
    it(`refuses extends: ./evil.${ext}`, async () => {
      const p = project();
      p.script(`evil.${ext}`);
      writeFileSync(path.join(p.dir, '.supportlintrc.yaml'), `extends: ./evil.${ext}\n`);
      const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('不是 YAML 或 JSON 文件');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(p.marker)).toBe(false);
    });

    it(`refuses -c evil.${ext}`, async () => {
      const p = project();
      p.script(`evil.${ext}`);
      const result = await runCli(['lint', SAMPLE, '-c', `evil.${ext}`], { cwd: p.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('从不执行代码');
      expect(existsSync(p.marker)).toBe(false);
    });
  }

  it('refuses an absolute path and a ../ path in extends, in a list too', async () => {
    const p = project();
    const evil = p.script('outside/evil.cjs');
    mkdirSync(path.join(p.dir, 'sub'));
    writeFileSync(path.join(p.dir, 'sub', 'package.json'), '{}');
    for (const target of [evil, '../outside/evil.cjs']) {
      writeFileSync(path.join(p.dir, 'sub', '.supportlintrc.yaml'), `extends: [supportlint:recommended, ${JSON.stringify(target)}]\n`);
      const result = await runCli(['lint', SAMPLE], { cwd: path.join(p.dir, 'sub') });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('不是 YAML 或 JSON 文件');
    }
    expect(existsSync(p.marker)).toBe(false);
  });

  it('refuses extends of a script from the supportlint key of package.json', async () => {
    const p = project();
    p.script('evil.cjs');
    writeFileSync(path.join(p.dir, 'package.json'), JSON.stringify({ name: 'p', supportlint: { extends: './evil.cjs' } }));
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    expect(result.code).toBe(2);
    expect(existsSync(p.marker)).toBe(false);
  });

  it('refuses extends of a script reached through a YAML file it extends', async () => {
    const p = project();
    p.script('evil.js');
    writeFileSync(path.join(p.dir, 'base.yaml'), 'extends: ./evil.js\n');
    writeFileSync(path.join(p.dir, '.supportlintrc.json'), '{"extends": "./base.yaml"}');
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    expect(result.code).toBe(2);
    expect(existsSync(p.marker)).toBe(false);
  });

  it("refuses cosmiconfig's $import", async () => {
    const p = project();
    p.script('evil.cjs');
    writeFileSync(path.join(p.dir, '.supportlintrc.yaml'), '$import: ./evil.cjs\n');
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('$import');
    expect(existsSync(p.marker)).toBe(false);
  });

  it('refuses $import under the supportlint key of package.json', async () => {
    const p = project();
    writeFileSync(path.join(p.dir, 'other.yml'), 'rules:\n  slow-first-response: "off"\n');
    writeFileSync(path.join(p.dir, 'package.json'), JSON.stringify({ name: 'x', supportlint: { $import: './other.yml' } }));
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('$import');
  });

  it('never looks for .supportlintrc.js or .supportlintrc.cjs', async () => {
    const p = project();
    p.script('.supportlintrc.js');
    p.script('.supportlintrc.cjs');
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    // The recommended rules ran (the sample's slow first replies are warnings, so exit 0).
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('slow-first-response');
    expect(existsSync(p.marker)).toBe(false);
    // …and says so, rather than running the recommended rules without a word.
    expect(result.stderr).toContain('没有读取 .supportlintrc.js：配置从不执行代码，只读 YAML 和 JSON 文件（这次用的是 supportlint:recommended）');
    expect(result.stderr).toContain('没有读取 .supportlintrc.cjs');
  });

  it('notes a supportlint.config.mjs beside the YAML configuration in use, and never runs it', async () => {
    const p = project();
    p.script('supportlint.config.mjs');
    writeFileSync(path.join(p.dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\n');
    const result = await runCli(['lint', SAMPLE], { cwd: p.dir });
    expect(result.stderr).toContain('没有读取 supportlint.config.mjs');
    expect(result.stderr).toContain('（这次用的是 .supportlintrc.yaml）');
    expect(existsSync(p.marker)).toBe(false);
    const given = await runCli(['lint', SAMPLE, '-c', '.supportlintrc.yaml'], { cwd: p.dir });
    expect(given.stderr).not.toContain('没有读取');
  });

  it('still reads YAML and JSON files named in extends', async () => {
    const p = project();
    writeFileSync(path.join(p.dir, 'base.yml'), 'rules:\n  blame-shifting: error\n  slow-first-response: off\n');
    writeFileSync(path.join(p.dir, '.supportlintrc.yaml'), 'extends: [supportlint:recommended, ./base.yml]\n');
    const result = await runCli(['lint', SAMPLE, '--format', 'json'], { cwd: p.dir });
    const ids = JSON.parse(result.stdout).results.flatMap((r: { findings: Array<{ ruleId: string }> }) => r.findings.map((f) => f.ruleId));
    expect(ids).toContain('blame-shifting');
    expect(ids).not.toContain('slow-first-response');
  });

  it('ignores cosmiconfig meta configuration (.config/config.cjs) in the working folder', () => {
    const p = project();
    p.script('.config/config.cjs');
    const result = spawnSync(process.execPath, [BIN, 'lint', SAMPLE], { cwd: p.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('slow-first-response');
    expect(existsSync(p.marker)).toBe(false);
  });
});
