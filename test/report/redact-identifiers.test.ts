import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_CONFIG, runCli } from '../support/cli.js';

const DIR = mkdtempSync(path.join(tmpdir(), 'supportlint-ids-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const line = (id: string, time: string, role: string, text: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ conversation_id: id, time, role, channel: 'wangwu的小店', text, ...extra });
const TRANSCRIPT = [
  line('13912345678', '2026-11-02 10:00:00', 'customer', '我的快递还没到，邮箱 wangwu@qq.com'),
  line('13912345678', '2026-11-02 10:03:00', 'agent', '这个不归我们管', { agent: '李大庆' }),
  line('zhaoliu@163.com', '2026-11-03 10:00:00', 'customer', '退款什么时候到'),
  line('zhaoliu@163.com', '2026-11-03 10:04:00', 'agent', '这个不归我们管', { agent: '李大庆' }),
].join('\n');
const FILE = path.join(DIR, 'chats.jsonl');
writeFileSync(FILE, `${TRANSCRIPT}\n`);
const SECRETS = ['13912345678', 'zhaoliu', 'wangwu', '李大庆'];
const KEY = { SUPPORTLINT_REDACT_KEY: 'team-secret' };

describe('--redact and identifiers', () => {
  for (const format of ['html', 'markdown', 'csv', 'json']) {
    for (const by of ['agent', 'channel', 'conversation']) {
      it(`report -f ${format} --by ${by}: no conversation id, nickname, agent or channel in the clear`, async () => {
        const result = await runCli(['report', FILE, '-c', REPO_CONFIG, '-f', format, '--by', by, '--redact'], { env: KEY });
        expect(result.code).toBe(0);
        for (const secret of SECRETS) expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain('默认密钥');
      });
    }
  }

  it('lint --redact: pseudonyms with readable prefixes, stable for one key and different for another', async () => {
    const a = await runCli(['lint', FILE, '-c', REPO_CONFIG, '-f', 'json', '--redact'], { env: KEY });
    const b = await runCli(['lint', FILE, '-c', REPO_CONFIG, '-f', 'json', '--redact'], { env: KEY });
    const c = await runCli(['lint', FILE, '-c', REPO_CONFIG, '-f', 'json', '--redact'], { env: { SUPPORTLINT_REDACT_KEY: 'other' } });
    const ids = (out: string) => (JSON.parse(out) as { results: Array<{ conversationId: string; agents: string[] }> }).results.map((r) => [r.conversationId, ...r.agents]);
    expect(ids(a.stdout)).toEqual(ids(b.stdout));
    expect(ids(a.stdout)).not.toEqual(ids(c.stdout));
    for (const [id, agent] of ids(a.stdout)) {
      expect(id).toMatch(/^会话-[0-9a-f]{10}$/);
      expect(agent).toMatch(/^客服-[0-9a-f]{10}$/);
    }
    for (const secret of SECRETS) expect(a.stdout).not.toContain(secret);
  });

  it('without a key, warns that pseudonyms can be guessed', async () => {
    const result = await runCli(['lint', FILE, '-c', REPO_CONFIG, '--redact']);
    expect(result.stderr).toContain('默认密钥');
  });

  it('--redact-keep-agents shows agent names', async () => {
    const result = await runCli(['lint', FILE, '-c', REPO_CONFIG, '--redact', '--redact-keep-agents'], { env: KEY });
    expect(result.stdout).toContain('李大庆');
    expect(result.stdout).not.toContain('13912345678');
  });

  it('shards redacted with the same key merge in report: the same conversation counts once', async () => {
    const shard = await runCli(['lint', FILE, '-c', REPO_CONFIG, '-f', 'json', '--redact'], { env: KEY });
    const shardFile = path.join(DIR, 'shard.json');
    writeFileSync(shardFile, shard.stdout);
    const merged = await runCli(['report', shardFile, FILE, '-c', REPO_CONFIG, '-f', 'json', '--redact', '--by', 'agent'], { env: KEY });
    const data = JSON.parse(merged.stdout) as { inputs: { duplicates: number }; groups: Array<{ key: string }> };
    expect(data.inputs.duplicates).toBe(2);
    expect(data.groups.map((g) => g.key)).toEqual([expect.stringMatching(/^客服-[0-9a-f]{10}$/)]);
  });
});

describe('--print-config', () => {
  it('hides the pseudonym key, which would let anyone reverse the pseudonyms', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-printkey-'));
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'redact:\n  key: supersecret123\n');
    const result = await runCli(['lint', '--print-config'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('redact:');
    expect(result.stdout).not.toContain('supersecret123');
  });
});
