import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { LintSettings } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import type { Conversation } from '../../src/model/conversation.js';
import { autoThreads, parseConcurrency, SharedLinter, sharesWork, SMALL_INPUT_BYTES, type LintOutcome } from '../../src/runner/linter.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { transcript } from '../support/transcript.js';

const MB = 1024 * 1024;

describe('--concurrency auto', () => {
  it('lints small inputs in the calling thread', () => {
    expect(autoThreads({ total: SMALL_INPUT_BYTES - 1, streamed: SMALL_INPUT_BYTES - 1 }, 8, 16_000)).toBe(0);
  });

  it('uses one thread per core beyond the first, as free memory allows', () => {
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 8, 16_000)).toBe(7);
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 8, 500)).toBe(2);
    expect(autoThreads({ total: 100 * MB, streamed: 100 * MB }, 1, 16_000)).toBe(1);
  });

  it('lets the calling thread help only where most of the input is read whole', () => {
    expect(sharesWork({ total: 30 * MB, streamed: 0 })).toBe(true);
    expect(sharesWork({ total: 30 * MB, streamed: 25 * MB })).toBe(false);
    expect(sharesWork({ total: Number.POSITIVE_INFINITY, streamed: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('on two cores, uses a thread for a streamed export and none for input read whole', () => {
    expect(autoThreads({ total: 30 * MB, streamed: 0 }, 2, 16_000)).toBe(0);
    expect(autoThreads({ total: 30 * MB, streamed: 25 * MB }, 2, 16_000)).toBe(1);
    // More cores: threads for both.
    expect(autoThreads({ total: 30 * MB, streamed: 0 }, 4, 16_000)).toBe(3);
  });

  it('parses auto, off and a positive whole number (cut to the cores by the command), and nothing else', () => {
    expect(['auto', 'off', '1', '64', '999'].map(parseConcurrency)).toEqual(['auto', 'off', 1, 64, 999]);
    expect(['0', '-1', '2.5', 'two', '', '1e3', '0x10', '07'].map(parseConcurrency)).toEqual(Array(8).fill(undefined));
    // Any count is more threads than cores, and is cut to them: even one too long to hold exactly.
    expect(['9999999999', '99999999999999999999'].map(parseConcurrency)).toEqual([9999999999, Number.MAX_SAFE_INTEGER]);
  });
});

describe('the calling thread lending a hand', () => {
  const settings: LintSettings = {
    rules: [{ rule: BUILTIN_RULES.get('blame-shifting')!, severity: 'error', options: BUILTIN_RULES.get('blame-shifting')!.meta.schema.parse({}) }],
    lexicons: loadLexicons(),
    segmenter: jiebaSegmenter,
    calendar: { timezone: 'Asia/Shanghai' },
  };
  const pool = (saturated: boolean) => {
    const sent: string[] = [];
    return {
      sent,
      capacity: 128,
      saturated: () => saturated,
      lint: (conversation: Conversation) => {
        sent.push(conversation.id);
        return Promise.resolve<LintOutcome>({ failure: 'sent to a thread' });
      },
      flush() {},
      close: () => Promise.resolve(),
    };
  };
  const short = transcript(['客户: 快递三天没动了', '客服: 这是快递那边的问题，您自己去问'], { id: 'short' });
  const long = transcript(Array.from({ length: 2001 }, (_, i) => (i % 2 ? '客服: 好的' : '客户: 在吗')), { id: 'long' });

  it('lints here only while every thread is busy, and never a long conversation', async () => {
    const idle = pool(false);
    expect(await new SharedLinter(idle, settings).lint(short)).toEqual({ failure: 'sent to a thread' });
    const busy = pool(true);
    const here = await new SharedLinter(busy, settings).lint(short);
    expect('result' in here && here.result.findings.map((f) => f.ruleId)).toEqual(['blame-shifting']);
    expect(await new SharedLinter(busy, settings).lint(long)).toEqual({ failure: 'sent to a thread' });
    expect([idle.sent, busy.sent]).toEqual([['short'], ['long']]);
  });

  it('stops for the event loop every couple of milliseconds, so replies from the threads are heard', async () => {
    const linter = new SharedLinter(pool(true), settings);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const pause = linter.pause();
    expect(pause).toBeInstanceOf(Promise);
    // Right after one pause there is no other: asked in the same moment, not after an await, whose
    // turn can take longer than the interval on a loaded machine.
    expect(linter.pause()).toBeUndefined();
    await pause;
    // Results linted here can wait for their turn behind many conversations still at a thread.
    expect(linter.capacity).toBeGreaterThan(128);
  });
});
