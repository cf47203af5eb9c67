import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/index.js';

function io(stderrIsTTY: boolean, sink: string[]): CliIO {
  return { stdout: () => {}, stderr: (t) => void sink.push(t), cwd: '/', env: {}, stdoutIsTTY: false, stderrIsTTY };
}

describe('startProgress', () => {
  it('stays silent for quick work and on a pipe', () => {
    const out: string[] = [];
    let clock = 0;
    const quick = startProgress(io(true, out), '检查中', () => clock);
    for (let i = 0; i < 100; i++) quick.tick();
    quick.done();
    clock = 10_000;
    const piped = startProgress(io(false, out), '检查中', () => clock);
    clock = 20_000;
    piped.tick();
    piped.done();
    expect(out).toEqual([]);
  });

  it('counts after two seconds, at most twice a second, and erases the line at the end', () => {
    const out: string[] = [];
    let clock = 0;
    const progress = startProgress(io(true, out), '检查中', () => clock);
    for (let ms = 0; ms <= 3000; ms += 100) {
      clock = ms;
      progress.tick();
    }
    progress.done();
    // Ticks at 2000 and 2500 and 3000 ms draw; the rest are throttled.
    expect(out.filter((t) => t.includes('个会话'))).toHaveLength(3);
    expect(out.at(-2)).toContain('检查中 31 个会话 · 3 秒');
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
});
