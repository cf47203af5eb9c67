import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const SAMPLE = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), 'utf8');

describe('--redact with a baseline', () => {
  // The sample's conversations, with ids that are a phone number and an e-mail address.
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-redact-baseline-'));
  writeFileSync(path.join(dir, 'in.jsonl'), SAMPLE.replaceAll('"c-1001"', '"13812345678"').replaceAll('"c-1002"', '"lilei@163.com"'));
  const env = { SUPPORTLINT_REDACT_KEY: 'team-key' };
  const lint = (...args: string[]) => runCli(['lint', 'in.jsonl', '-c', REPO_CONFIG, ...args], { cwd: dir, env });

  it('writes pseudonyms, not conversation ids, into the baseline, and knows its findings again', async () => {
    const plain = await lint();
    expect(plain.code).toBe(1);
    const written = await lint('--redact', '--baseline', 'b.json', '--update-baseline');
    expect(written.code).toBe(0);
    const baseline = readFileSync(path.join(dir, 'b.json'), 'utf8');
    expect(baseline).not.toContain('13812345678');
    expect(baseline).not.toContain('lilei');
    expect(baseline).toContain('会话-');
    const again = await lint('--redact', '--baseline', 'b.json');
    expect(again.code).toBe(0);
  });

  it('still knows a baseline written without --redact', async () => {
    expect((await lint('--baseline', 'raw.json', '--update-baseline')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'raw.json'), 'utf8')).toContain('13812345678');
    expect((await lint('--redact', '--baseline', 'raw.json')).code).toBe(0);
  });
});
