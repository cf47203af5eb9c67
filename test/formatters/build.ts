import type { Finding } from '../../src/engine/finding.js';
import type { ConversationResult } from '../../src/engine/lint.js';
import type { Formatter, FormatterContext, RuleSummary } from '../../src/formatters/formatter.js';
import { addResult, emptySummary, type LintSummary } from '../../src/runner/summary.js';

/** Results built by hand, so a formatter test names every field it depends on. */

export const RULES: RuleSummary[] = [
  {
    id: 'blame-shifting', title: '推诿', description: '客服把问题推给他方', category: 'ownership', severity: 'error', scope: 'message',
    helpUri: 'https://github.com/supportlint/supportlint/blob/main/docs/rules/blame-shifting.md', custom: false,
  },
  {
    id: 'slow-first-response', title: '首响慢', description: '首次人工回复太慢', category: 'responsiveness', severity: 'warn', scope: 'conversation',
    helpUri: 'https://github.com/supportlint/supportlint/blob/main/docs/rules/slow-first-response.md', custom: false,
  },
  { id: 'no-wechat', title: '引导加微信', description: '自定义规则', category: 'compliance', severity: 'warn', scope: 'message', custom: true },
];

export function context(overrides: Partial<FormatterContext> = {}): FormatterContext {
  return { toolVersion: '0.1.0', rules: RULES, command: 'lint', color: false, timezone: 'Asia/Shanghai', cwd: '/work/repo', ...overrides };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'blame-shifting',
    category: 'ownership',
    severity: 'error',
    messageId: 'blameParty',
    message: '推诿：把问题归咎于他方（“是快递那边的问题”），却没有说明我方会如何跟进。',
    conversationId: 'c-1001',
    messageSeq: 2,
    role: 'agent',
    agent: '小林',
    excerpt: '您好，这个是快递那边的问题，您去问一下快递吧',
    range: [5, 13],
    suggestion: '给您添麻烦了，我这边马上帮您联系处理。',
    location: { file: '/work/repo/exports/transcripts.jsonl', line: 3 },
    ...overrides,
  };
}

export function result(findings: Finding[], overrides: Partial<ConversationResult> = {}): ConversationResult {
  return {
    conversationId: findings[0]?.conversationId ?? 'c-1001',
    file: findings[0]?.location.file ?? '/work/repo/exports/transcripts.jsonl',
    format: 'jsonl',
    messageCount: 5,
    agents: ['小林'],
    locale: 'zh-Hans',
    findings,
    notApplicable: [],
    ...overrides,
  };
}

/** Drives a formatter as the CLI does, and returns everything it wrote. */
export function render(formatter: Formatter, results: ConversationResult[], ctx = context(), summary?: LintSummary): string {
  const totals = summary ?? emptySummary();
  if (!summary) {
    totals.files = new Set(results.map((r) => r.file)).size;
    for (const r of results) addResult(totals, r);
  }
  let out = formatter.start?.(ctx) ?? '';
  for (const r of results) out += formatter.result(r, ctx);
  return out + formatter.end(totals, ctx);
}
