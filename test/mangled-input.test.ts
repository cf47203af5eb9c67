import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

/**
 * Property: whatever damage an export suffers (cut short, lines lost, doubled or swapped, bytes
 * overwritten), supportlint never crashes or prints a stack trace, and its summary still accounts
 * for every record it read: read = used + skipped.
 */
const fixtures = readdirSync(path.join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'broken' && entry.name !== 'libraries')
  .flatMap((entry) =>
    readdirSync(path.join(ROOT, 'fixtures', entry.name))
      .filter((f) => !/\.expected\.jsonl?$/.test(f) && !f.endsWith('.md'))
      .map((f) => path.join('fixtures', entry.name, f)),
  );

type Mangle =
  | { kind: 'truncate'; at: number }
  | { kind: 'dropLine'; line: number }
  | { kind: 'doubleLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'overwrite'; at: number; bytes: number[] };

const mangleArbitrary: fc.Arbitrary<Mangle[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('doubleLine' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({
      kind: fc.constant('overwrite' as const),
      at: fc.nat(),
      bytes: fc.array(fc.oneof(fc.constantFrom(0x22, 0x7b, 0x7d, 0x5b, 0x2c, 0x0a, 0x0d, 0x00, 0xff, 0xe4), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
    }),
  ),
  { minLength: 1, maxLength: 3 },
);

function mangle(original: Buffer, steps: readonly Mangle[]): Buffer {
  let bytes = Buffer.from(original);
  for (const step of steps) {
    if (step.kind === 'truncate') {
      bytes = bytes.subarray(0, Math.floor(bytes.length * step.at));
    } else if (step.kind === 'overwrite') {
      if (bytes.length === 0) continue;
      const copy = Buffer.from(bytes);
      step.bytes.forEach((b, i) => (copy[(step.at + i) % copy.length] = b));
      bytes = copy;
    } else {
      const lines = bytes.toString('latin1').split('\n');
      const pick = (n: number) => n % lines.length;
      if (step.kind === 'dropLine') lines.splice(pick(step.line), 1);
      else if (step.kind === 'doubleLine') lines.splice(pick(step.line), 0, lines[pick(step.line)]!);
      else [lines[pick(step.a)], lines[pick(step.b)]] = [lines[pick(step.b)]!, lines[pick(step.a)]!];
      bytes = Buffer.from(lines.join('\n'), 'latin1');
    }
  }
  return bytes;
}

describe('mangled exports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-mangled-'));

  for (const fixture of fixtures) {
    it(`${fixture}: never crashes, and every record is accounted for`, async () => {
      const original = readFileSync(path.join(ROOT, fixture));
      const target = path.join(dir, path.basename(fixture));
      await fc.assert(
        fc.asyncProperty(mangleArbitrary, async (steps) => {
          writeFileSync(target, mangle(original, steps));
          const result = await runCli(['lint', target, '--format', 'json']);
          expect([0, 1, 2]).toContain(result.code);
          expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
          expect(result.stderr).not.toContain('意外失败');
          const { summary } = JSON.parse(result.stdout);
          expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
          if (result.code === 2) expect(summary.records.used).toBe(0);
        }),
        { numRuns: 15, seed: 20261126 },
      );
    }, 120_000);
  }
});

describe('times outside 1970–2099 skip their record with a reason', () => {
  it('lint and convert, for epoch numbers and ISO text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-times-'));
    const lines = [
      { conversation_id: 'c1', role: 'customer', text: '你好', time: '2026-11-02T10:00:00+08:00' },
      { conversation_id: 'c1', role: 'agent', text: '您好', time: 1e20 },
      { conversation_id: 'c1', role: 'agent', text: '您好', time: -1e20 },
      { conversation_id: 'c1', role: 'agent', text: '您好', time: 1e308 },
      { conversation_id: 'c1', role: 'agent', text: '您好', time: '5138-11-16T09:46:40Z' },
      { conversation_id: 'c1', role: 'agent', text: '您好，请问有什么可以帮您', time: '2026-11-02T10:00:30+08:00' },
    ];
    writeFileSync(path.join(dir, 'times.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const lint = await runCli(['lint', 'times.jsonl', '-f', 'json'], { cwd: dir });
    const { summary } = JSON.parse(lint.stdout);
    expect(summary.records).toEqual({ read: 6, used: 2, skipped: 4 });
    expect(summary.skipped.map((p: { location: { line: number } }) => p.location.line)).toEqual([2, 3, 4, 5]);
    for (const problem of summary.skipped) expect(problem.reason).toMatch(/不在 1970 年到 2099 年之间/);
    const convert = await runCli(['convert', 'times.jsonl', '--to', 'jsonl'], { cwd: dir });
    const times = convert.stdout.trim().split('\n').map((line) => JSON.parse(line).time);
    expect(times).toEqual(['2026-11-02T10:00:00+08:00', '2026-11-02T10:00:30+08:00']);
  });
});
