import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const BIN = path.join(ROOT, 'bin', 'supportlint.js');
const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

/** "Billion laughs": nine levels of mappings, each repeating the one before nine times (9^9 leaves). */
function aliasBomb(indent: string): string {
  const lines = [`${indent}a: &a {k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol, k9: lol}`];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${indent}${name}: &${name} {${Array.from({ length: 9 }, (_, i) => `k${i + 1}: *${previous}`).join(', ')}}`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

describe('YAML alias bombs', () => {
  it('a configuration file with one is refused as a configuration problem, naming the file, with exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bomb-'));
    writeFileSync(path.join(dir, 'bomb.yaml'), `scoring:\n${aliasBomb('  ')}`);
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'lint', SAMPLE, '-c', 'bomb.yaml'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('配置有误');
    expect(result.stderr).toContain('bomb.yaml：这个配置文件里的 YAML 别名');
    expect(result.stderr).not.toContain('out of memory');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 70_000);

  it('so is one in a file that extends names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bomb-'));
    writeFileSync(path.join(dir, 'base.yml'), `scoring:\n${aliasBomb('  ')}`);
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: ./base.yml\n');
    const result = await runCli(['lint', SAMPLE], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('base.yml：这个配置文件里的 YAML 别名');
  });

  it('a reply library with one is a broken library: its file and the first alias, exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bomb-'));
    writeFileSync(path.join(dir, 'replies.yaml'), aliasBomb(''));
    const result = await runCli(['replies', 'replies.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/replies\.yaml:2:\d+: 这个话术库里的 YAML 别名/);
  });

  it('a few ordinary aliases are still read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bomb-'));
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nrules:\n  slow-first-response: &slow [warn, { threshold: 120 }]\n  slow-response: *slow\n');
    const result = await runCli(['lint', SAMPLE, '--print-config'], { cwd: dir });
    expect(result.code).toBe(0);
    writeFileSync(path.join(dir, 'replies.yaml'), '- &hello 您好，请问有什么可以帮您\n- 好的，马上为您处理\n- *hello\n');
    expect((await runCli(['replies', 'replies.yaml'], { cwd: dir })).code).toBe(0);
  });
});
