import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const KEY = { SUPPORTLINT_REDACT_KEY: 'rule-messages-key-2026' };

// A rule's message quotes the words it matched ("{phrase}"). A bare name there is personal data
// only the excerpt's context shows ("我叫【王建国】"): the message must be masked as the excerpt is.
describe('--redact masks in a finding\'s message what it masks in the excerpt', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-rule-messages-'));
    writeFileSync(
      path.join(dir, '.supportlintrc.yaml'),
      ['customRules:', '  bare-name:', '    type: phrase', '    role: any', "    patterns: ['[王李][\\x{4e00}-\\x{9fa5}]{1,2}']", '    message: 不要在聊天里写个人信息：“{phrase}”', ''].join('\n'),
    );
    const line = (role: string, text: string) => JSON.stringify({ conversation_id: 'n1', time: '2026-11-02T10:00:00+08:00', role, text, ...(role === 'agent' ? { agent: '小林' } : {}) });
    writeFileSync(path.join(dir, 'names.jsonl'), `${[line('customer', '我叫【王建国】，收件人：李娜'), line('agent', '好的')].join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in every format of lint, and in report', async () => {
    const runs = [
      ...['json', 'stylish', 'sarif', 'csv', 'junit', 'markdown', 'github'].map((format) => ['lint', 'names.jsonl', '--redact', '--no-collapse', '-f', format]),
      ['report', 'names.jsonl', '--redact', '-f', 'markdown'],
      ['report', 'names.jsonl', '--redact', '-f', 'json'],
    ];
    for (const args of runs) {
      const run = await runCli(args, { cwd: dir, env: KEY });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBeLessThan(2);
      expect(run.stdout + run.stderr, args.join(' ')).not.toContain('建国');
      expect(run.stdout + run.stderr, args.join(' ')).not.toContain('李娜');
    }
    // The finding is there, its message masked as its excerpt is.
    const json = JSON.parse((await runCli(['lint', 'names.jsonl', '--redact', '--no-collapse', '-f', 'json'], { cwd: dir, env: KEY })).stdout) as {
      results: Array<{ findings: Array<{ ruleId: string; message: string }> }>;
    };
    expect(json.results[0]!.findings.filter((f) => f.ruleId === 'bare-name').map((f) => f.message)).toContain('不要在聊天里写个人信息：“王**”');
    // Without --redact the message quotes the words as matched.
    expect((await runCli(['lint', 'names.jsonl', '--no-collapse'], { cwd: dir })).stdout).toContain('“王建国”');
  });
});
