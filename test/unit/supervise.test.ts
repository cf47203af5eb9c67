import { describe, expect, it } from 'vitest';
import { CHILD_MARKER, STDERR_TTY_MARKER, HEAP_LIMIT_MB, planChild, StderrFilter } from '../../src/cli/supervise.js';

const OOM_REPORT = [
  '',
  '<--- Last few GCs --->',
  '',
  '[123:0x5]      301 ms: Mark-Compact 25.0 (33.8) -> 21.1 (39.3) MB, 58.01 / 0.00 ms  allocation failure',
  '',
  '<--- JS stacktrace --->',
  '',
  'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
  '----- Native stack trace -----',
  ' 1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]',
  '',
].join('\n');

describe('running the command line in a child with a bounded heap', () => {
  it('adds the heap limit after node options the user gave', () => {
    const plan = planChild(['--no-warnings'], { PATH: '/bin' })!;
    expect(plan.execArgv).toEqual(['--no-warnings', `--max-old-space-size=${HEAP_LIMIT_MB}`]);
    expect(plan.heapLimitMb).toBe(HEAP_LIMIT_MB);
    expect(plan.env).toEqual({ PATH: '/bin', [CHILD_MARKER]: '1' });
  });

  it('tells the child when standard error is a terminal, so that progress can still be shown', () => {
    expect(planChild([], {}, true)!.env[STDERR_TTY_MARKER]).toBe('1');
    expect(planChild([], {}, false)!.env[STDERR_TTY_MARKER]).toBeUndefined();
  });

  it('leaves the heap to a limit the user set, in NODE_OPTIONS or on the node command line, in either spelling', () => {
    for (const [execArgv, nodeOptions] of [
      [[], '--max-old-space-size=2048'],
      [[], '--trace-warnings --max_old_space_size=2048'],
      [['--max-old-space-size=2048'], undefined],
      [['--max-heap-size=2048'], ''],
    ] as const) {
      const plan = planChild(execArgv, { NODE_OPTIONS: nodeOptions })!;
      expect(plan.execArgv).toEqual(execArgv);
      expect(plan.heapLimitMb).toBeUndefined();
      expect(plan.env[CHILD_MARKER]).toBe('1');
    }
  });

  it('does not start a child from the child, nor under a debugger or profiler', () => {
    expect(planChild([], { [CHILD_MARKER]: '1' })).toBeUndefined();
    expect(planChild(['--inspect-brk'], {})).toBeUndefined();
    expect(planChild(['--cpu-prof'], {})).toBeUndefined();
  });
});

describe('the filter on the child’s standard error', () => {
  const run = (chunks: string[], died: boolean) => {
    let out = '';
    const filter = new StderrFilter((text) => (out += text));
    for (const chunk of chunks) filter.push(chunk);
    filter.end(died);
    return { out, sawOutOfMemory: filter.sawOutOfMemory };
  };

  it('passes ordinary messages through', () => {
    expect(run(['supportlint: error:\n', 'a.jsonl: no such file\n', 'FATAL in the middle of a line\n'], false)).toEqual({
      out: 'supportlint: error:\na.jsonl: no such file\nFATAL in the middle of a line\n',
      sawOutOfMemory: false,
    });
  });

  it('drops the out-of-memory report of a child that died, wherever the chunks split it', () => {
    const before = '已跳过 a.jsonl:3: not valid JSON\n';
    for (let split = 1; split < before.length + OOM_REPORT.length; split += 3) {
      const text = before + OOM_REPORT;
      expect(run([text.slice(0, split), text.slice(split)], true)).toEqual({ out: before, sawOutOfMemory: true });
    }
  });

  it('passes a line that only looks like the report on when the child ended normally', () => {
    const text = 'note:\nFATAL ERROR: quoted from a transcript\nmore\n';
    expect(run([text.slice(0, 8), text.slice(8)], false)).toEqual({ out: text, sawOutOfMemory: true });
  });
});
