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

  it('counts a conversation recorded under both its id and its pseudonym once, so a new finding still fails', async () => {
    await lint('--baseline', 'ids.json', '--update-baseline');
    await lint('--redact', '--baseline', 'pseudonyms.json', '--update-baseline');
    const ids = JSON.parse(readFileSync(path.join(dir, 'ids.json'), 'utf8')) as { version: 1; counts: Record<string, Record<string, number>> };
    const pseudonyms = JSON.parse(readFileSync(path.join(dir, 'pseudonyms.json'), 'utf8')) as typeof ids;
    // Two baselines merged: each conversation twice, once by id and once by pseudonym.
    writeFileSync(path.join(dir, 'both.json'), JSON.stringify({ version: 1, counts: { ...ids.counts, ...pseudonyms.counts } }));
    // One more blame-shifting reply in the first conversation: a new finding.
    const extra = JSON.stringify({ conversation_id: '13812345678', time: '2026-11-02T10:30:00+08:00', role: 'agent', agent: '小林', text: '这个不归我们管，您去找快递吧' });
    writeFileSync(path.join(dir, 'more.jsonl'), `${readFileSync(path.join(dir, 'in.jsonl'), 'utf8').trimEnd()}\n${extra}\n`);
    const more = (...args: string[]) => runCli(['lint', 'more.jsonl', '-c', REPO_CONFIG, ...args], { cwd: dir, env });
    expect((await more('--redact', '--baseline', 'pseudonyms.json')).code).toBe(1);
    expect((await more('--redact', '--baseline', 'both.json')).code).toBe(1);
    expect((await more('--redact', '--baseline', 'both.json', '--rule', 'blame-shifting')).stdout).toContain('blame-shifting');
  });
});
