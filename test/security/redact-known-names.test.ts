import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const KEY = { SUPPORTLINT_REDACT_KEY: 'known-names-key-2026' };

/** One canonical JSONL message. */
const line = (id: string, time: string, role: string, text: string, agent?: string) => JSON.stringify({ conversation_id: id, time, role, text, ...(agent ? { agent } : {}) });

describe('--redact replaces the names the export itself gives, wherever they are written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-known-names-'));
    // Zendesk: the visitor's display name, written by the agent in a reply.
    const { chats } = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/zendesk-chat/chats.json'), 'utf8')) as { chats: Array<Record<string, any>> };
    /** The sample chat with the visitor's display name `name`, and `reply` before each agent's message. */
    const chatWith = (name: string, reply: string) => {
      const chat = JSON.parse(JSON.stringify(chats[0]).replaceAll('王女士', name)) as Record<string, any>;
      for (const entry of chat.history as Array<Record<string, any>>) {
        if (entry.type === 'chat.msg' && String(entry.nick).startsWith('agent:') && entry.nick !== 'agent:trigger') entry.msg = `${reply}${entry.msg}`;
      }
      return chat;
    };
    const writeChat = (file: string, chat: Record<string, any>) => writeFileSync(path.join(dir, file), JSON.stringify({ chats: [chat], count: 1, next_url: null }));
    const chat = chatWith('小鹿爱吃糖', '小鹿爱吃糖您好，鹿鹿糖糖，');
    // The chat's visitor.name can differ from the display name of the visitor's messages.
    chat.visitor.name = '鹿鹿糖糖';
    writeChat('zd.json', chat);
    // Two conversations: the second names the first one's agent.
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
    // Display names an agent writes back in other spellings: a given name alone, a Latin name in
    // another case or run together, a shop nickname without its platform's prefix.
    for (const [file, name, reply] of [
      ['zd-han.json', '陈晓梅', '晓梅您好，晓梅姐，陈晓梅女士，Xiaomei Chen 您好，xiaomei 你好，CHEN Xiao-mei，'],
      ['zd-latin.json', 'Lucky Star', 'Hi Lucky, LuckyStar and lucky star, '],
    ] as const) {
      writeChat(file, chatWith(name, reply));
    }
    writeFileSync(
      path.join(dir, 'qianniu.txt'),
      ['与 tb_晴天娃娃1990 的聊天记录', 'tb_晴天娃娃1990 2026-11-04 09:30:12', '在吗，东西坏了', '青禾家居旗舰店:小林 2026-11-04 09:31:00', '晴天娃娃1990您好，这个是厂家的问题'].join('\n') + '\n',
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

  it('the display name is also replaced where the agent writes its given name, another case, or the nickname without its platform prefix', async () => {
    for (const [file, leaks] of [
      ['zd-han.json', ['晓梅', '陈晓梅', 'Xiaomei', 'xiaomei', 'CHEN', 'Xiao-mei']],
      ['zd-latin.json', ['Lucky', 'lucky', 'LuckyStar']],
      ['qianniu.txt', ['晴天娃娃']],
    ] as const) {
      for (const command of [['lint', file, '--rule', 'every-message', '--no-collapse', '-f', 'json'], ['report', file, '-f', 'markdown']]) {
        const run = await runCli([...command, '--redact'], { cwd: dir, env: KEY });
        expect(run.code, `${command.join(' ')}: ${run.stderr}`).toBeLessThan(2);
        for (const leak of leaks) expect(run.stdout + run.stderr, `${command.join(' ')} ${leak}`).not.toContain(leak);
      }
      // Something was quoted, so the test looked at the agent's reply.
      const quoted = await runCli(['lint', file, '--redact', '--rule', 'every-message', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY });
      expect(quoted.stdout, file).toMatch(/客户-[0-9a-f]{10}(您好|,|，)/);
    }
  });

  it('a converted copy keeps the display name, so that --redact replaces it there too', async () => {
    expect((await runCli(['convert', 'zd-han.json', '-o', 'zd-han.jsonl'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'zd-han.jsonl'), 'utf8')).toContain('"customer":"陈晓梅"');
    const run = await runCli(['lint', 'zd-han.jsonl', '--redact', '--rule', 'every-message', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY });
    expect(run.stdout).toMatch(/客户-[0-9a-f]{10}您好/);
    expect(run.stdout).not.toContain('晓梅');
  });

  it('report --redact also replaces an agent name or a ticket id quoted before the run met that agent or ticket', async () => {
    // The complaint comes first in the input; the agent it names, and the ticket it cites, after.
    writeFileSync(
      path.join(dir, 'early.jsonl'),
      [
        line('TK-2026-99001', '2026-11-02T09:00:00+08:00', 'customer', '上次客服周明轩说不关他们的事，工单TK-2026-99002也没人管'),
        line('TK-2026-99001', '2026-11-02T09:05:00+08:00', 'agent', '这个不归我们管，您去找快递吧', '林晓'),
        line('TK-2026-99002', '2026-11-03T10:00:00+08:00', 'customer', '在吗'),
        line('TK-2026-99002', '2026-11-03T10:05:00+08:00', 'agent', '这不是我们的问题，您自己联系厂家', '周明轩'),
      ].join('\n') + '\n',
    );
    for (const format of ['json', 'markdown', 'html', 'csv']) {
      const run = await runCli(['report', 'early.jsonl', '--redact', '-f', format], { cwd: dir, env: KEY });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout, format).not.toContain('周明轩');
      expect(run.stdout, format).not.toContain('TK-2026-9900');
    }
    // The quote is there, with the pseudonyms in it.
    expect((await runCli(['report', 'early.jsonl', '--redact', '-f', 'json'], { cwd: dir, env: KEY })).stdout).toMatch(/上次客服客服-[0-9a-f]{10}说不关他们的事/);
  });

  it('a value the customer gives as the bare answer to a question for it is replaced wherever it is quoted', async () => {
    writeFileSync(
      path.join(dir, 'answers.jsonl'),
      [
        line('q1', '2026-11-02T09:00:00+08:00', 'agent', '您好，请问机主姓名是？', '林晓'),
        line('q1', '2026-11-02T09:00:10+08:00', 'customer', '王建国。'),
        line('q1', '2026-11-02T09:00:20+08:00', 'agent', '请问收货地址是哪里？', '林晓'),
        line('q1', '2026-11-02T09:00:30+08:00', 'customer', '望京西园三区123号楼4单元501'),
        line('q1', '2026-11-02T09:00:40+08:00', 'agent', '好的王建国先生，寄到望京西园三区123号楼4单元501对吧', '林晓'),
      ].join('\n') + '\n',
    );
    for (const args of [['lint', 'answers.jsonl', '--rule', 'every-message', '--no-collapse', '-f', 'json'], ['report', 'answers.jsonl', '-f', 'markdown']]) {
      const run = await runCli([...args, '--redact'], { cwd: dir, env: KEY });
      expect(run.code, run.stderr).toBeLessThan(2);
      for (const leak of ['建国', '西园三区', '4单元501']) expect(run.stdout + run.stderr, `${args[0]} ${leak}`).not.toContain(leak);
    }
  });

  it('a folder or file named after a person is masked in every path printed', async () => {
    const folder = path.join(dir, 'paths', '王建国');
    mkdirSync(folder, { recursive: true });
    const sample = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), 'utf8');
    writeFileSync(path.join(folder, 'chat.jsonl'), sample);
    writeFileSync(path.join(dir, 'paths', '李秀英.jsonl'), sample);
    for (const format of ['stylish', 'json', 'sarif', 'csv']) {
      const run = await runCli(['lint', 'paths', '--redact', '-f', format], { cwd: dir, env: KEY });
      expect(run.code, run.stderr).toBeLessThan(2);
      const printed = run.stdout + run.stderr;
      // SARIF writes paths as URIs, percent-encoded.
      for (const leak of ['建国', '秀英']) {
        expect(printed, `${format} ${leak}`).not.toContain(leak);
        expect(printed, `${format} ${leak}`).not.toContain(encodeURIComponent(leak));
      }
      expect(printed.includes('王**') || printed.includes(encodeURI('王**')), format).toBe(true);
    }
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
