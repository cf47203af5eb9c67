import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { lintConversation, type ConversationResult, type LintSettings, type Locale } from '../../src/engine/lint.js';
import type { RuleDefinition } from '../../src/engine/rule.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import type { Conversation } from '../../src/model/conversation.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import type { BusinessHours } from '../../src/time/business-hours.js';
import { transcript } from './transcript.js';

export interface ValidCase {
  /** Shown in the test name; defaults to the first line of the transcript. */
  name?: string;
  /** Transcript lines (see transcript()), or for message-scope rules a single agent reply. */
  code: readonly string[] | string;
  options?: Record<string, unknown>;
  locale?: Locale;
  businessHours?: BusinessHours;
  holidays?: string[];
  timezone?: string;
  /** The conversation's channel, e.g. 'phone' for a call transcript. */
  channel?: string;
}

export interface ExpectedFinding {
  messageId: string;
  /** The rendered message, exactly. */
  message: string;
  /** 0-based seq of the offending message; null for conversation-level findings. */
  messageSeq?: number | null;
  /** The original text of the highlighted range. */
  highlight?: string;
  /** The seq of the customer message that set the rule off. */
  triggerSeq?: number;
  /** Whether a suggested rewrite is offered. */
  suggestion?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedFinding[];
  /**
   * The offending message after all its fixes were applied and accepted, as ESLint's `output`;
   * null when the message must not be rewritten. Required when the rule rewrites the message.
   */
  output?: string | null;
}

const lexicons = loadLexicons();

function conversationOf(code: ValidCase['code'], channel?: string): Conversation {
  const conversation = transcript(typeof code === 'string' ? [`客服: ${code}`] : code);
  return channel === undefined ? conversation : { ...conversation, channel };
}

function lint(rule: RuleDefinition<any>, testCase: ValidCase): ConversationResult {
  const parsed = rule.meta.schema.safeParse(testCase.options ?? {});
  if (!parsed.success) throw new Error(`options of this case do not fit ${rule.meta.id}'s schema: ${parsed.error.message}`);
  const settings: LintSettings = {
    rules: [{ rule, severity: rule.meta.defaultSeverity, options: parsed.data }],
    lexicons,
    segmenter: jiebaSegmenter,
    calendar: { timezone: testCase.timezone ?? 'Asia/Shanghai', hours: testCase.businessHours, holidays: testCase.holidays },
    locale: testCase.locale,
  };
  return lintConversation(conversationOf(testCase.code, testCase.channel), settings);
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  [${f.messageId}] seq ${f.messageSeq}: ${f.message}`).join('\n') || '  (none)';
}

function caseName(testCase: ValidCase): string {
  if (testCase.name) return testCase.name;
  const first = typeof testCase.code === 'string' ? testCase.code : testCase.code.join(' / ');
  return first.length > 70 ? `${first.slice(0, 70)}…` : first;
}

/**
 * Runs valid and invalid cases for one rule, as strictly as ESLint's RuleTester: a valid case
 * fails on any finding, an invalid case must name each finding's messageId and message, and a
 * case that asserts nothing is an error. Every messageId of the rule must be exercised.
 */
export function runRuleTests(rule: RuleDefinition<any>, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has valid and invalid cases for every messageId', () => {
      expect(cases.valid.length, 'valid cases').toBeGreaterThan(0);
      expect(cases.invalid.length, 'invalid cases').toBeGreaterThan(0);
      const covered = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      for (const messageId of Object.keys(rule.meta.messages)) expect(covered, `messageId ${messageId} has no invalid case`).toContain(messageId);
    });

    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(caseName(testCase), () => {
          const { findings } = lint(rule, testCase);
          expect(findings, `expected no findings, got:\n${describeFindings(findings)}`).toHaveLength(0);
        });
      }
    });

    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(caseName(testCase), () => {
          if (testCase.errors.length === 0) throw new Error('an invalid case must list the findings it expects');
          const result = lint(rule, testCase);
          const findings = result.findings;
          expect(findings.length, `expected ${testCase.errors.length} finding(s), got:\n${describeFindings(findings)}`).toBe(testCase.errors.length);
          testCase.errors.forEach((expected, index) => {
            const actual = findings[index]!;
            expect(actual.messageId).toBe(expected.messageId);
            expect(actual.message).toBe(expected.message);
            if (expected.messageSeq !== undefined) expect(actual.messageSeq).toBe(expected.messageSeq);
            if (expected.highlight !== undefined) {
              expect(actual.range, 'finding has no highlighted range').toBeDefined();
              expect(actual.excerpt.slice(actual.range![0], actual.range![1])).toBe(expected.highlight);
            }
            if (expected.triggerSeq !== undefined) expect(actual.trigger?.messageSeq).toBe(expected.triggerSeq);
            if (expected.suggestion !== undefined) expect(actual.suggestion !== undefined).toBe(expected.suggestion);
          });
          const rewrites = result.fixes ?? [];
          if (rewrites.length > 0 && !rule.meta.fixable) throw new Error(`${rule.meta.id} rewrote a message but its meta has no fixable`);
          if (testCase.output === undefined) {
            if (rewrites.length > 0) throw new Error(`the rule rewrote the message as "${rewrites[0]!.output}": assert it with output (or output: null if it must not)`);
            return;
          }
          if (testCase.output === null) {
            expect(rewrites.map((r) => r.output), 'expected no rewrite').toEqual([]);
            return;
          }
          expect(rewrites, 'expected the message to be rewritten').toHaveLength(1);
          const rewrite = rewrites[0]!;
          expect(rewrite.output).toBe(testCase.output);
          // The edits, applied to the original, give the output: ranges are in the original text.
          const original = result.findings.find((f) => f.messageSeq === rewrite.messageSeq)!.excerpt;
          let rebuilt = original;
          for (const edit of [...rewrite.edits].reverse()) rebuilt = rebuilt.slice(0, edit.range[0]) + edit.text + rebuilt.slice(edit.range[1]);
          expect(rebuilt).toBe(testCase.output);
        });
      }
    });
  });
}
