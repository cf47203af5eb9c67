import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const CONFIG = ['-c', 'fixtures/report/.supportlintrc.yaml'];
const FILES = ['fixtures/report/week-45.jsonl', 'fixtures/report/week-46.jsonl'];
const FORMATS = ['html', 'markdown', 'csv', 'json'];

/** Every mobile and ID number in the fixtures, found in the fixtures themselves rather than listed by hand. */
function personalNumbers(): string[] {
  const text = FILES.map((file) => readFileSync(path.join(ROOT, file), 'utf8')).join('\n');
  const numbers = new Set([...text.matchAll(/(?<![0-9])(1[3-9][0-9]{9}|[0-9]{17}[0-9xX])(?![0-9])/g)].map((m) => m[1]!));
  return [...numbers];
}

describe('report --redact', () => {
  const numbers = personalNumbers();

  it('the fixtures hold a mobile number and an ID number, which unredacted reports quote', async () => {
    expect(numbers.some((n) => n.length === 11)).toBe(true);
    expect(numbers.some((n) => n.length === 18)).toBe(true);
    // Without --redact the quotes carry them: the checks below could fail.
    for (const by of ['agent', 'conversation']) {
      const plain = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', '--by', by]);
      for (const n of numbers) expect(plain.stdout).toContain(n);
    }
  });

  for (const format of FORMATS) {
    for (const by of ['agent', 'conversation']) {
      it(`leaves no phone or ID number in the ${format} report by ${by}`, async () => {
        const result = await runCli(['report', ...FILES, ...CONFIG, '-f', format, '--by', by, '--redact']);
        expect(result.code).toBe(0);
        expect(result.stdout.length).toBeGreaterThan(200);
        for (const n of numbers) expect(result.stdout).not.toContain(n);
        // Digits may be split by markup or escapes; no 11-digit run survives either way.
        expect(result.stdout.replace(/<[^>]*>|\\u[0-9a-f]{4}/g, '')).not.toMatch(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/);
      });
    }
  }

  it('says in the report that it is redacted', async () => {
    const result = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', '--redact']);
    expect(JSON.parse(result.stdout).options.redacted).toBe(true);
  });
});
