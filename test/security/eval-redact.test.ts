import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/**
 * `supportlint eval` prints a sample of hits with the messages around them, for people to read and
 * judge; with --redact those messages, the conversation ids and the agents' names are shown as
 * `lint --redact` shows them.
 */

const DIR = mkdtempSync(path.join(tmpdir(), 'supportlint-eval-redact-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const FILE = path.join(DIR, 'eval.jsonl');
const ENV = { SUPPORTLINT_REDACT_KEY: 'eval-test-key' };

// What must not come out, each said in a message before, at or after a hit.
const SECRETS = ['o4729', 'lilei', '文三路', 'kk_10013', '乔峰', '13900001111', '王小林'];

beforeAll(() => {
  const id = '13900001111';
  const records = [
    { role: 'customer', text: '我叫乔峰，电话 138 o4729 1056' },
    { role: 'customer', text: '太过分了，一直没人管！邮箱 lilei圈163.com' },
    { role: 'agent', agent: '王小林', text: '这个不归我们管，您找快递吧' },
    { role: 'customer', text: '王小林你别推，我家在杭州市西湖区文三路90号，加个卫星 kk_10013' },
  ].map((r, i) => ({ conversation_id: id, time: `2026-11-02 10:0${i}:00`, ...r }));
  writeFileSync(FILE, records.map((r) => JSON.stringify(r)).join('\n'));
});

const EVAL = ['eval', FILE, '-c', REPO_CONFIG, '--rule', 'blame-shifting', '--rule', 'missing-empathy', '--context', '5'];

describe('eval --redact', () => {
  it('without --redact the sample quotes every one of them (the check below could fail)', async () => {
    const result = await runCli(EVAL);
    expect(result.code).toBe(0);
    for (const secret of SECRETS) expect(result.stdout, secret).toContain(secret);
  });

  it('with --redact the sample names no one, and still shows the hits and the words around them', async () => {
    const result = await runCli([...EVAL, '--redact'], { env: ENV });
    expect(result.code).toBe(0);
    const said = result.stdout + result.stderr;
    for (const secret of SECRETS) expect(said, secret).not.toContain(secret);
    expect(result.stdout).toContain('不归我们管');
    expect(result.stdout).toContain('太过分了');
    expect(result.stdout).toMatch(/会话 会话-[0-9a-f]{10}/u);
    expect(result.stdout).toContain('138*****1056');
    expect(result.stdout).toContain('杭州市西湖区');
    expect(result.stdout).toMatch(/客服-[0-9a-f]{10}你别推/u);
    expect(result.stderr).toBe('');
  });

  it('--redact-keep-agents keeps the agent’s name', async () => {
    const result = await runCli([...EVAL, '--redact', '--redact-keep-agents'], { env: ENV });
    expect(result.stdout).toContain('王小林');
    expect(result.stdout).not.toContain('lilei');
  });

  it('warns when no key is set, as lint --redact does', async () => {
    const result = await runCli([...EVAL, '--redact']);
    expect(result.stderr).toContain('SUPPORTLINT_REDACT_KEY');
    expect(result.stdout).not.toContain('lilei');
  });
});

describe('a Zendesk visitor display name', () => {
  it('is not written into the join and leave lines, so eval --redact cannot print it', async () => {
    const file = path.join(DIR, 'zendesk.json');
    const chat = {
      id: 'z-1', type: 'chat', timestamp: '2026-11-02T02:00:00Z',
      visitor: { name: '王建国', email: '' },
      history: [
        { type: 'chat.memberjoin', nick: 'visitor', display_name: '王建国', timestamp: '2026-11-02T02:00:00Z' },
        { type: 'chat.msg', nick: 'visitor', display_name: '王建国', msg: '我的快递三天没动了', timestamp: '2026-11-02T02:00:05Z' },
        { type: 'chat.memberjoin', nick: 'agent:1', display_name: '小林', timestamp: '2026-11-02T02:00:10Z' },
        { type: 'chat.msg', nick: 'agent:1', display_name: '小林', msg: '这个不归我们管，您找快递吧', timestamp: '2026-11-02T02:00:20Z' },
        { type: 'chat.memberleave', nick: 'visitor', display_name: '王建国', timestamp: '2026-11-02T02:01:00Z' },
      ],
    };
    writeFileSync(file, JSON.stringify([chat]));
    const result = await runCli(['eval', file, '-c', REPO_CONFIG, '--rule', 'blame-shifting', '--all', '--context', '5', '--redact'], { env: ENV });
    expect(result.stdout).toContain('访客 加入会话');
    expect(result.stdout).not.toContain('王建国');
  });
});
