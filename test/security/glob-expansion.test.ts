import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { braceExpansionSize, MAX_GLOB_EXPANSION } from '../../src/io/find-files.js';
import { ROOT, runCli } from '../support/cli.js';

describe('brace expansion is counted before a glob is expanded', () => {
  it('counts alternatives, groups in a row, nesting, ranges and escapes', () => {
    expect(braceExpansionSize('exports/*.csv')).toBe(1);
    expect(braceExpansionSize('{a,b}.jsonl')).toBe(2);
    expect(braceExpansionSize('{a,{b,c}}-{x,y}')).toBe(6);
    expect(braceExpansionSize('2026-{01..12}-{01..31}.csv')).toBe(372);
    expect(braceExpansionSize('x{1..100000}.jsonl')).toBe(100_000);
    expect(braceExpansionSize('{0..100..10}')).toBe(11);
    expect(braceExpansionSize('{a..z}')).toBe(26);
    expect(braceExpansionSize('{a,b}'.repeat(22))).toBe(2 ** 22);
    expect(braceExpansionSize('\\{a,b\\}'.repeat(30))).toBe(1);
    expect(braceExpansionSize(`${'{'.repeat(50_000)}a,b`)).toBeGreaterThanOrEqual(2);
    expect(braceExpansionSize('{a,b}'.repeat(2000))).toBe(Infinity);
  });
});

describe('a glob that would expand too far is refused with exit 2, and nothing hangs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-glob-'));
  copyFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), path.join(dir, 'a.jsonl'));
  copyFileSync(path.join(ROOT, 'fixtures/libraries/replies.yaml'), path.join(dir, 'a.yaml'));

  for (const pattern of [`${'{a,b}'.repeat(22)}.jsonl`, 'x{1..100000}.jsonl', `{a,b}${'{1..9}'.repeat(8)}.jsonl`]) {
    it(`lint and replies refuse ${pattern.slice(0, 30)}…`, async () => {
      for (const command of ['lint', 'replies']) {
        const started = Date.now();
        const result = await runCli([command, pattern, 'a.jsonl'], { cwd: dir });
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`超过上限 ${MAX_GLOB_EXPANSION}`);
        expect(result.stderr).not.toContain('unexpected failure');
      }
    });
  }

  it('a pattern fast-glob itself refuses is a clear error, not an unexpected failure', async () => {
    for (const pattern of [`*${'{'.repeat(5000)}a,b${'}'.repeat(5000)}.jsonl`, `${'*'.repeat(70_000)}a`]) {
      const result = await runCli(['lint', pattern], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('无法展开');
      expect(result.stderr).not.toContain('unexpected failure');
    }
  });

  it('a glob with a few braces is still expanded', async () => {
    const result = await runCli(['lint', '{a,b}.{jsonl,csv}', '-f', 'json'], { cwd: dir });
    expect(result.stderr).not.toContain('超过上限');
    expect(JSON.parse(result.stdout).summary.records.used).toBeGreaterThan(0);
  });
});
