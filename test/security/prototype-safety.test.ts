import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveRole } from '../../src/model/roles.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const BLAME = '这个是快递那边的问题，您去问一下快递吧';
const line = (conversation: string, role: string, text: string) => JSON.stringify({ conversation_id: conversation, role, agent: role === 'agent' ? '小林' : undefined, text });

function dir(): string {
  return mkdtempSync(path.join(tmpdir(), 'supportlint-proto-'));
}

afterEach(() => {
  // Nothing a run reads may end up on Object.prototype.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>)['blame-shifting']).toBeUndefined();
});

describe('keys that come from the data', () => {
  it('a conversation called __proto__ is baselined like any other, and new errors elsewhere still count', async () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 'a.jsonl'), `${[line('__proto__', 'customer', '快递没到'), line('__proto__', 'agent', BLAME)].join('\n')}\n`);
    const update = await runCli(['lint', '-c', REPO_CONFIG, 'a.jsonl', '--baseline', 'b.json', '--update-baseline'], { cwd });
    expect(update.code).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(cwd, 'b.json'), 'utf8'));
    expect(Object.hasOwn(baseline.counts, '__proto__')).toBe(true);
    expect(baseline.counts.__proto__['blame-shifting']).toBe(1);

    // The known finding is suppressed; a new one in another conversation is reported.
    const known = await runCli(['lint', '-c', REPO_CONFIG, 'a.jsonl', '--baseline', 'b.json', '-f', 'json'], { cwd });
    expect(JSON.parse(known.stdout).summary.errors).toBe(0);
    writeFileSync(path.join(cwd, 'a.jsonl'), `${[line('__proto__', 'customer', '快递没到'), line('__proto__', 'agent', BLAME), line('c2', 'customer', '快递没到'), line('c2', 'agent', BLAME)].join('\n')}\n`);
    const fresh = await runCli(['lint', '-c', REPO_CONFIG, 'a.jsonl', '--baseline', 'b.json', '-f', 'json'], { cwd });
    expect(fresh.code).toBe(1);
    const report = JSON.parse(fresh.stdout);
    expect(report.results.find((r: { conversationId: string }) => r.conversationId === 'c2').findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blame-shifting');
    expect(report.results.find((r: { conversationId: string }) => r.conversationId === '__proto__').findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('blame-shifting');
  });

  it('role values constructor, __proto__ and toString are unknown roles: skipped with a reason', async () => {
    for (const value of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(resolveRole(value)).toBeUndefined();
    expect(resolveRole('constructor', { 客服: 'agent' })).toBeUndefined();
    const cwd = dir();
    writeFileSync(path.join(cwd, 'r.jsonl'), `${[line('x', 'constructor', '你好'), line('x', '__proto__', '你好'), line('x', 'customer', '你好')].join('\n')}\n`);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'r.jsonl', '-f', 'json'], { cwd });
    const summary = JSON.parse(result.stdout).summary;
    expect(summary.records).toEqual({ read: 3, used: 1, skipped: 2 });
    expect(summary.skipped.map((s: { reason: string }) => s.reason)).toEqual([expect.stringContaining('未知的角色 "constructor"'), expect.stringContaining('未知的角色 "__proto__"')]);
  });

  it('a CSV column called __proto__ is an ordinary column', async () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 't.csv'), `conversation_id,role,text,__proto__\nc1,customer,快递没到,x\nc1,agent,${BLAME},y\n`);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 't.csv', '-f', 'json'], { cwd });
    expect(JSON.parse(result.stdout).summary.records).toEqual({ read: 2, used: 2, skipped: 0 });
  });

  it('--update-baseline with an unreadable input keeps the old baseline and exits 2', async () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 'a.jsonl'), `${[line('c1', 'customer', '快递没到'), line('c1', 'agent', BLAME)].join('\n')}\n`);
    expect((await runCli(['lint', '-c', REPO_CONFIG, 'a.jsonl', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, 'b.json'), 'utf8');
    writeFileSync(path.join(cwd, 'junk.txt'), 'not an export at all');
    for (const inputs of [['a.jsonl', 'junk.txt'], ['junk.txt'], ['missing.jsonl', 'a.jsonl']]) {
      const result = await runCli(['lint', '-c', REPO_CONFIG, ...inputs, '--baseline', 'b.json', '--update-baseline'], { cwd });
      expect(result.code).toBe(2);
      // A path that matches nothing stops the run before anything is read, as in ESLint.
      expect(result.stderr).toContain(inputs.includes('missing.jsonl') ? 'missing.jsonl：没有这个文件' : '未更新基线');
      expect(readFileSync(path.join(cwd, 'b.json'), 'utf8')).toBe(before);
    }
  });

  it('a --baseline that is a folder is a clear error, not an unexpected failure', async () => {
    const cwd = dir();
    mkdirSync(path.join(cwd, 'base'));
    writeFileSync(path.join(cwd, 'a.jsonl'), `${line('c1', 'customer', '快递没到')}\n`);
    for (const extra of [[], ['--update-baseline']]) {
      const result = await runCli(['lint', '-c', REPO_CONFIG, 'a.jsonl', '--baseline', 'base', ...extra], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('这是一个文件夹');
      expect(result.stderr).not.toContain('意外失败');
    }
  });
});

describe('scores of merged lint JSON', () => {
  it('a finding whose rule id is "constructor" costs the points of its severity', async () => {
    const { pointsFor } = await import('../../src/report/score.js');
    const { DEFAULT_SCORECARD } = await import('../../src/report/scoring-config.js');
    expect(pointsFor({ ruleId: 'constructor', severity: 'error' }, DEFAULT_SCORECARD)).toBe(DEFAULT_SCORECARD.points.error);
    expect(pointsFor({ ruleId: '__proto__', severity: 'warn' }, DEFAULT_SCORECARD)).toBe(DEFAULT_SCORECARD.points.warn);
  });
});

describe('the HTML report with an agent named after a prototype key', () => {
  it('draws the charts without leaking Object.prototype into them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-proto-report-'));
    for (const week of ['week-45', 'week-46']) writeFileSync(path.join(dir, `${week}.jsonl`), readFileSync(path.join(ROOT, 'fixtures/report', `${week}.jsonl`), 'utf8').replaceAll('小林', '__proto__'));
    const result = await runCli(['report', 'week-45.jsonl', 'week-46.jsonl', '-c', path.join(ROOT, 'fixtures/report/.supportlintrc.yaml'), '-f', 'html', '-o', 'r.html'], { cwd: dir });
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('__proto__');
    expect(html).not.toContain('[object Object]');
  });
});
