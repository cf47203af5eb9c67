import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

/**
 * Real exports from ../shared/corpus/ (research data that is never copied into this repository).
 * These check that every conversation is read and accounted for, not just that nothing crashed.
 */
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus checks skipped: ${CORPUS} is absent`);

describe.skipIf(!present)('real corpus', () => {
  it('reads all 2,958 STC-3 Weibo dialogues, every record accounted for', async () => {
    const file = path.join(CORPUS, 'stc3-dev.json');
    const result = await runCli(['lint', file, '--format', 'json']);
    const { summary } = JSON.parse(result.stdout);
    expect(summary.conversations).toBe(2958);
    expect(summary.records).toEqual({ read: 2958, used: 2958, skipped: 0 });
    const utterances = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ turns: Array<{ utterances: string[] }> }>)
      .reduce((n, d) => n + d.turns.reduce((m, t) => m + t.utterances.length, 0), 0);
    expect(summary.messages).toBe(utterances);
    expect(summary.notApplicable['slow-first-response']).toEqual({ 'no-timestamps': 2958 });
    expect([0, 1]).toContain(result.code);
  }, 120_000);

  it('reads all 330 JDDC dialogues with masked tokens and emoji codes', async () => {
    const file = path.join(CORPUS, 'jddc-dev.jsonl');
    const result = await runCli(['lint', file, '--format', 'json']);
    const { summary } = JSON.parse(result.stdout);
    expect(summary.conversations).toBe(330);
    expect(summary.records).toEqual({ read: 330, used: 330, skipped: 0 });
    const turns = readFileSync(file, 'utf8').trim().split('\n').reduce((n, line) => n + (JSON.parse(line) as { turns: unknown[] }).turns.length, 0);
    expect(summary.messages).toBe(turns);
    expect(result.stderr).toBe('');
  }, 120_000);
});
