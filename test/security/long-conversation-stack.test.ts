import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { largest, smallest, append } from '../../src/arrays.js';
import { conversationSentiment } from '../../src/analysis/sentiment.js';
import type { AnalyzedMessage } from '../../src/engine/analysis.js';
import type { Sentiment } from '../../src/analysis/sentiment.js';
import { ROOT } from '../support/cli.js';

describe('a conversation with more messages than the stack has room for arguments', () => {
  it('is linted in the reading thread (--concurrency off), its times and sentiment measured without spreading them', () => {
    // 150,000 messages overflowed node's default stack where a list was spread into Math.min or
    // push. A stack of 100 KB (a tenth of the default) overflows the same way at 20,000, which
    // keeps the run short.
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-stack-'));
    try {
      const lines: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        const customer = i % 2 === 0;
        const time = new Date(Date.UTC(2026, 10, 2, 2, 0, i)).toISOString();
        lines.push(JSON.stringify({ conversation_id: 'long-1', time, role: customer ? 'customer' : 'agent', ...(customer ? {} : { agent: '小林' }), text: customer ? `在吗 ${i}` : `您好，请稍等 ${i}` }));
      }
      writeFileSync(path.join(dir, 'long.jsonl'), `${lines.join('\n')}\n`);
      const run = spawnSync(process.execPath, ['--stack-size=100', path.join(ROOT, 'bin/supportlint.js'), 'lint', 'long.jsonl', '--concurrency', 'off', '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(run.stderr).not.toContain('无法检查');
      const json = JSON.parse(run.stdout) as { results: Array<{ conversationId: string; messageCount: number; metrics?: { startedAt: number; endedAt: number } }>; summary: { ruleErrors: unknown[] } };
      expect(json.results.map((r) => [r.conversationId, r.messageCount])).toEqual([['long-1', 20_000]]);
      expect(json.results[0]!.metrics!.endedAt - json.results[0]!.metrics!.startedAt).toBe(19_999_000);
      expect(json.summary.ruleErrors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('takes the lowest sentiment of any number of customer messages', () => {
    const read = Array.from({ length: 300_000 }, (_, i) => ({ message: { seq: i } as AnalyzedMessage, sentiment: (i === 123_456 ? -2 : 0) as Sentiment }));
    expect(conversationSentiment(read, 0)).toEqual({ start: 0, end: -2, worst: -2 });
  });

  it('has list helpers that take any number of items', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect([smallest(many), largest(many), smallest([]), largest([])]).toEqual([0, 499_999, undefined, undefined]);
    expect(append([1], many).length).toBe(500_001);
  });
});
