import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { applyFixes, composeMessageFix } from '../../src/engine/fix.js';
import { lintConversation, type LintSettings } from '../../src/engine/lint.js';
import { defineRule } from '../../src/engine/rule.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { transcript } from '../support/transcript.js';
import { z } from 'zod';

const lexicons = loadLexicons();

/** Every rule that judges one message, as `replies` runs them, with a time the team can promise. */
function messageRules(): LintSettings {
  const rules = [...BUILTIN_RULES.values()]
    .filter((rule) => rule.meta.scope === 'message')
    .map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.meta.schema.parse(rule.meta.id === 'vague-commitment' ? { promiseTime: '24小时内' } : {}) }));
  return { rules, lexicons, segmenter: jiebaSegmenter, calendar: { timezone: 'Asia/Shanghai' } };
}

const lintReply = (text: string, settings = messageRules()) => lintConversation(transcript([`客服: ${text}`]), settings);

describe('applyFixes', () => {
  it('applies fixes in range order, whatever order they come in', () => {
    const fixes = [{ range: [4, 6] as [number, number], text: 'D' }, { range: [0, 1] as [number, number], text: 'A' }];
    expect(applyFixes('abcdefg', fixes)).toEqual({ output: 'AbcdDg', applied: [fixes[1], fixes[0]], skipped: 0 });
  });

  it('drops a fix that overlaps one before it, for this pass', () => {
    const result = applyFixes('abcdefg', [{ range: [1, 4], text: 'X' }, { range: [3, 5], text: 'Y' }]);
    expect(result.output).toBe('aXefg');
    expect(result.skipped).toBe(1);
  });

  it('keeps fixes that only touch, but not two insertions at one point', () => {
    expect(applyFixes('abcd', [{ range: [0, 2], text: 'X' }, { range: [2, 4], text: 'Y' }]).output).toBe('XY');
    const twice = applyFixes('abcd', [{ range: [2, 2], text: 'X' }, { range: [2, 2], text: 'Y' }]);
    expect(twice.output).toBe('abXcd');
    expect(twice.skipped).toBe(1);
  });

  it('applies the same fix reported twice once', () => {
    expect(applyFixes('abcd', [{ range: [1, 2], text: 'X' }, { range: [1, 2], text: 'X' }]).output).toBe('aXcd');
  });

  it('refuses a range outside the text', () => {
    expect(applyFixes('ab', [{ range: [1, 5], text: 'X' }]).skipped).toBe(1);
  });
});

describe('composeMessageFix', () => {
  const finding = (ruleId: string, range: [number, number], text: string): Finding => ({
    ruleId, category: 'tone', severity: 'warn', messageId: 'm', message: '', conversationId: 'c', messageSeq: 0, excerpt: '', location: { file: 'f' }, fix: { range, text },
  });

  it('runs a dropped fix in the next pass and gives edits of the original text', () => {
    // Rule "x" flags every "x"; its fix replaces the character with "y". A relint that still
    // finds an "x" offers the fix again, so the overlapped one is made in the second pass.
    const relint = (text: string) => [...text.matchAll(/x/g)].map((m) => finding('x', [m.index!, m.index! + 1], 'y'));
    const fix = composeMessageFix(0, 'axxb', [finding('x', [1, 3], 'yy'), finding('x', [2, 3], 'y')], relint);
    expect(fix?.output).toBe('ayyb');
    const twoPasses = composeMessageFix(0, 'axbx', [finding('x', [1, 2], 'Y'), finding('x', [1, 4], 'Z')], relint);
    // The second fix overlaps the first and is dropped; the relint of "aYbx" offers the last x again.
    expect(twoPasses?.output).toBe('aYby');
    let rebuilt = 'axbx';
    for (const edit of [...twoPasses!.edits].reverse()) rebuilt = rebuilt.slice(0, edit.range[0]) + edit.text + rebuilt.slice(edit.range[1]);
    expect(rebuilt).toBe('aYby');
  });

  it('rejects a rewrite that leaves a problem of the rule that fixed it', () => {
    const relint = (text: string) => (text.includes('bad') ? [finding('r', [0, 3], 'bad')] : []);
    expect(composeMessageFix(0, 'bad!', [finding('r', [0, 3], 'bad')], relint)).toBeUndefined();
  });

  it('rejects a rewrite that makes a new problem for another rule', () => {
    const relint = (text: string) => (text.includes('new') ? [{ ...finding('other', [0, 3], 'x'), fix: undefined }] : []);
    expect(composeMessageFix(0, 'old', [finding('r', [0, 3], 'new')], relint)).toBeUndefined();
  });

  it('stops after ten passes when fixes keep making work', () => {
    let passes = 0;
    const relint = (text: string) => {
      passes++;
      return [finding('grow', [text.length, text.length], 'a')];
    };
    expect(composeMessageFix(0, 'a', [finding('grow', [1, 1], 'a')], relint)).toBeUndefined();
    // Ten passes, then the original once for the comparison that is never reached.
    expect(passes).toBe(10);
  });
});

describe('fixes in the engine', () => {
  it('refuses a fix from a rule whose meta is not fixable, and reports it as that rule failing', () => {
    const sneaky = defineRule({
      meta: { id: 'sneaky', title: 't', category: 'tone', defaultSeverity: 'warn', scope: 'message', description: 'd', messages: { m: 'm' }, schema: z.strictObject({}), lexicons: [], hasSuggestions: false },
      create: (context) => ({ agentMessage: (message) => context.report({ messageId: 'm', messageSeq: message.seq, fix: { range: [0, 1], text: 'x' } }) }),
    });
    const result = lintReply('您好', { ...messageRules(), rules: [{ rule: sneaky, severity: 'warn', options: {} }] });
    expect(result.ruleErrors?.[0]?.message).toMatch(/fixable/);
    expect(result.fixes).toBeUndefined();
  });

  it('without an accepted rewrite, findings keep the written advice and no fix', () => {
    // "这个问题您先冷静一下" has words before the command: there is no clause of its own to rewrite.
    const result = lintReply('这个问题您先冷静一下');
    expect(result.fixes).toBeUndefined();
    const finding = result.findings.find((f) => f.ruleId === 'dismissive-emotion')!;
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestion).toMatch(/^先承认客户的感受/);
  });
});

describe('rewrites of the issue’s examples, with every message rule on', () => {
  const examples: Array<[string, string]> = [
    ['爱买不买，不买拉倒。', '您可以再考虑一下，有任何疑问随时问我。'],
    ['你懂不懂啊，页面上写得很清楚。', '可能是我没有说清楚，页面上也有相关说明，哪里不清楚您随时告诉我，我为您逐条解释。'],
    ['您别激动，这个问题不大。', '非常理解您的心情，这个问题我来帮您处理。'],
  ];
  for (const [before, after] of examples) {
    it(`${before} → ${after}`, () => {
      const result = lintReply(before);
      expect(result.fixes?.map((f) => f.output)).toEqual([after]);
      // The suggestion a person reads is the whole rewritten reply.
      for (const finding of result.findings) expect(finding.suggestion).toBe(after);
      expect(lintReply(after).findings).toEqual([]);
    });
  }

  it('composes the fixes of several rules in one message', () => {
    const result = lintReply('您别生气，你需要提供订单号，我们会尽快处理。');
    expect(result.fixes?.[0]?.output).toBe('非常理解您的心情，麻烦您提供订单号，我们会在24小时内处理。');
    expect(result.fixes?.[0]?.ruleIds).toEqual(['dismissive-emotion', 'negative-wording', 'vague-commitment']);
    expect(lintReply(result.fixes![0]!.output).findings).toEqual([]);
  });

  it('writes no time into a vague promise unless the team set one', () => {
    const settings = messageRules();
    const withoutTime = { ...settings, rules: settings.rules.map((r) => (r.rule.meta.id === 'vague-commitment' ? { ...r, options: r.rule.meta.schema.parse({}) } : r)) };
    const result = lintReply('我们会尽快给您处理。', withoutTime);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['vague-commitment']);
    expect(result.fixes).toBeUndefined();
  });
});
