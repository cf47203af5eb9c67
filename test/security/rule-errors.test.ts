import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { RuleContext, RuleVisitors } from '../../src/engine/rule.js';
import { runCli } from '../support/cli.js';

const SAMPLE = 'fixtures/jsonl/transcripts.jsonl';

/** Makes a built-in rule throw on one conversation, at creation or in a visitor. */
function breakRule(id: string, where: 'create' | 'visitor', conversationId = 'c-1001') {
  const rule = BUILTIN_RULES.get(id)!;
  const original = rule.create.bind(rule);
  return vi.spyOn(rule, 'create').mockImplementation((context: RuleContext<any>): RuleVisitors => {
    const isTarget = context.analysis.conversation.id === conversationId;
    if (isTarget && where === 'create') throw new Error('boom in create');
    const visitors = original(context);
    if (!isTarget) return visitors;
    return { ...visitors, conversationEnd: () => { throw new Error('boom in visitor'); } };
  });
}

afterEach(() => vi.restoreAllMocks());

describe('a rule that throws', () => {
  for (const where of ['create', 'visitor'] as const) {
    it(`(in ${where}) is reported with rule and conversation, the rest still runs, and the run exits 2`, async () => {
      breakRule('blame-shifting', where);
      const result = await runCli(['lint', SAMPLE, '--format', 'json']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`规则 blame-shifting 在会话 c-1001（${SAMPLE}）上运行出错：boom in ${where}`);
      expect(result.stderr).not.toContain('意外失败');
      expect(result.stderr).not.toContain('无法读取');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const report = JSON.parse(result.stdout);
      // Every conversation was linted, and the other rules still found what they find.
      expect(report.summary.conversations).toBe(4);
      expect(report.summary.records).toEqual({ read: 20, used: 20, skipped: 0 });
      expect(report.summary.ruleErrors).toEqual([{ ruleId: 'blame-shifting', conversationId: 'c-1001', file: SAMPLE, message: `boom in ${where}` }]);
      const c1001 = report.results.find((r: { conversationId: string }) => r.conversationId === 'c-1001');
      expect(c1001.findings.some((f: { ruleId: string }) => f.ruleId !== 'blame-shifting')).toBe(true);
    });
  }

  it('is reported by report and eval too', async () => {
    breakRule('blame-shifting', 'visitor');
    const report = await runCli(['report', SAMPLE]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('规则 blame-shifting 在会话 c-1001');
    const evaluation = await runCli(['eval', SAMPLE]);
    expect(evaluation.code).toBe(2);
    expect(evaluation.stderr).toContain('规则 blame-shifting 在会话 c-1001');
  });
});
