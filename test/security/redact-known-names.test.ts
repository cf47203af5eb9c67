import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const KEY = { SUPPORTLINT_REDACT_KEY: 'known-names-key-2026' };

describe('--redact replaces the names the export itself gives, wherever they are written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-known-names-'));
    // Zendesk: the visitor's display name, written by the agent in a reply.
    const { chats } = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/zendesk-chat/chats.json'), 'utf8')) as { chats: Array<Record<string, any>> };
    const chat = JSON.parse(JSON.stringify(chats[0]).replaceAll('王女士', '小鹿爱吃糖')) as Record<string, any>;
    // The chat's visitor.name can differ from the display name of the visitor's messages.
    chat.visitor.name = '鹿鹿糖糖';

    for (const entry of chat.history as Array<Record<string, any>>) {
      if (entry.type === 'chat.msg' && String(entry.nick).startsWith('agent:') && entry.nick !== 'agent:trigger') entry.msg = `小鹿爱吃糖您好，鹿鹿糖糖，${entry.msg}`;
    }
    writeFileSync(path.join(dir, 'zd.json'), JSON.stringify({ chats: [chat], count: 1, next_url: null }));
    // Two conversations: the second names the first one's agent.
    const line = (id: string, time: string, role: string, text: string, agent?: string) => JSON.stringify({ conversation_id: id, time, role, text, ...(agent ? { agent } : {}) });
    writeFileSync(
      path.join(dir, 'agents.jsonl'),
      [
        line('x1', '2026-11-02T10:00:00+08:00', 'customer', '在吗'),
        line('x1', '2026-11-02T10:05:00+08:00', 'agent', '您好，这是快递的问题，您去问快递吧', '林晓'),
        line('x2', '2026-11-02T11:00:00+08:00', 'customer', '之前林晓说给我退款，结果没退'),
        line('x2', '2026-11-02T11:05:00+08:00', 'agent', '林晓今天休息，这个是仓库那边的问题，您等通知吧', '周芸'),
      ].join('\n') + '\n',
    );
    // The second ticket cites the first by its id.
    writeFileSync(
      path.join(dir, 'tickets.jsonl'),
      [
        line('TK-2026-88123', '2026-11-02T10:00:00+08:00', 'customer', '快递还没到'),
        line('TK-2026-88124', '2026-11-03T10:00:00+08:00', 'customer', '接上一个工单TK-2026-88123，还没处理'),
        line('TK-2026-88124', '2026-11-03T10:05:00+08:00', 'agent', '好的，TK-2026-88124和TK-2026-88123.我一起看', '周芸'),
      ].join('\n') + '\n',
    );
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), `extends: ${REPO_CONFIG}\ncustomRules:\n  every-message: { type: phrase, role: any, patterns: ['^[\\s\\S]'], message: 全部 }\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the customer display name of a Zendesk chat becomes the customer pseudonym in every quote', async () => {
    for (const format of ['json', 'stylish', 'csv', 'sarif']) {
      const run = await runCli(['lint', 'zd.json', '--redact', '--rule', 'every-message', '-f', format], { cwd: dir, env: KEY });
      if (format !== 'sarif') expect(run.stdout, format).toMatch(/客户-[0-9a-f]{10}您好/);
      expect(run.stdout + run.stderr, format).not.toContain('小鹿爱吃糖');
      expect(run.stdout + run.stderr, format).not.toContain('鹿鹿糖糖');
    }
    const report = await runCli(['report', 'zd.json', '--redact', '-f', 'json'], { cwd: dir, env: KEY });
    expect(report.stdout).not.toContain('小鹿爱吃糖');
    // Without --redact the display name is not printed as a field of its own.
    const plain = JSON.parse((await runCli(['lint', 'zd.json', '-f', 'json'], { cwd: dir })).stdout);
    expect(plain.results[0]).not.toHaveProperty('customers');
  });

  it('a ticket id cited in another conversation becomes that conversation\'s pseudonym', async () => {
    const run = await runCli(['lint', 'tickets.jsonl', '--redact', '--rule', 'every-message', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY });
    const json = JSON.parse(run.stdout) as { results: Array<{ conversationId: string; findings: Array<{ excerpt: string }> }> };
    const [first, second] = json.results;
    expect(second!.findings.map((f) => f.excerpt)).toEqual([`接上一个工单${first!.conversationId}，还没处理`, `好的，${second!.conversationId}和${first!.conversationId}.我一起看`]);
    expect(run.stdout).not.toContain('TK-2026');
  });

  it('an agent of one conversation named in another becomes that agent\'s pseudonym there too', async () => {
    const run = await runCli(['lint', 'agents.jsonl', '--redact', '--rule', 'every-message', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY });
    const json = JSON.parse(run.stdout) as { results: Array<{ agents: string[]; findings: Array<{ excerpt: string }> }> };
    const linXiao = json.results[0]!.agents[0]!;
    expect(linXiao).toMatch(/^客服-[0-9a-f]{10}$/);
    const second = json.results[1]!.findings.map((f) => f.excerpt);
    expect(second).toEqual([`之前${linXiao}说给我退款，结果没退`, `${linXiao}今天休息，这个是仓库那边的问题，您等通知吧`]);
    expect(run.stdout).not.toContain('林晓');
    // Kept agents stay readable.
    const kept = await runCli(['lint', 'agents.jsonl', '--redact', '--redact-keep-agents', '--rule', 'every-message', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY });
    expect(kept.stdout).toContain('之前林晓说给我退款');
  });
});
