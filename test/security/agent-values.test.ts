import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/**
 * An agent field that holds an object or a list is treated as a role of the wrong type is: the
 * record is skipped with the reason (and --strict fails), rather than read as a message of no agent.
 */
function workspace(lines: unknown[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-agent-'));
  writeFileSync(path.join(dir, 'c.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return dir;
}

const customer = { conversation_id: 'c1', time: '2026-11-03T10:00:00+08:00', role: 'customer', text: '快递三天没动了' };
const reply = { conversation_id: 'c1', time: '2026-11-03T10:01:00+08:00', role: 'agent', text: '这是快递那边的问题，您去问快递吧' };

interface Lint {
  results: Array<{ agents: string[] }>;
  summary: { records: { read: number; used: number; skipped: number }; skipped: Array<{ location: { line?: number }; reason: string }> };
}

describe('an agent that is not text', () => {
  it.each([
    ['an object', { name: '张小林' }],
    ['a list', ['张小林']],
  ])('%s skips the record with the reason, as an object role does; --strict exits 2', async (_label, agent) => {
    const dir = workspace([customer, { ...reply, agent }]);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout) as Lint;
    expect(report.summary.records).toEqual({ read: 2, used: 1, skipped: 1 });
    expect(report.summary.skipped).toEqual([{ location: { file: 'c.jsonl', line: 2 }, reason: expect.stringContaining('agent（客服）是') }]);
    expect(report.summary.skipped[0]!.reason).toContain('张小林');
    const role = workspace([customer, { ...reply, role: { name: 'agent' }, agent: '张小林' }]);
    const roleReport = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '-f', 'json'], { cwd: role })).stdout) as Lint;
    expect(roleReport.summary.records).toEqual(report.summary.records);
    expect((await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '--strict'], { cwd: dir })).code).toBe(2);
  });

  it('a text or number agent is read as before, and a customer line with an object agent is not judged by it', async () => {
    const dir = workspace([{ ...customer, agent: { name: 'x' } }, { ...reply, agent: '张小林' }, { ...reply, time: '2026-11-03T10:02:00+08:00', agent: 1001, text: '好的' }]);
    const report = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '-f', 'json'], { cwd: dir })).stdout) as Lint;
    expect(report.summary.records).toEqual({ read: 3, used: 3, skipped: 0 });
    expect(report.results[0]!.agents).toEqual(['张小林', '1001']);
  });
});
