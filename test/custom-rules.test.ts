import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const TRANSCRIPT = [
  { conversation_id: 'a', role: 'customer', text: '我要退款，东西不想要了' },
  { conversation_id: 'a', role: 'agent', agent: '小林', text: '您别生气，这边可以加微信联系' },
  { conversation_id: 'a', role: 'agent', agent: '小林', text: '退款已经提交了' },
  { conversation_id: 'b', role: 'customer', text: '退款什么时候到' },
  { conversation_id: 'b', role: 'agent', agent: '阿青', text: '已为您提交，预计1到3个工作日原路到账' },
  { conversation_id: 'b', role: 'agent', agent: '阿青', text: '官方微信公众号也能查进度，但不要加私人微信哦' },
  { conversation_id: 'c', role: 'customer', text: '我想投訴' },
  { conversation_id: 'c', role: 'customer', text: '我要投訴你們' },
  { conversation_id: 'c', role: 'agent', agent: '小周', text: '您請說' },
];

function project(config: string): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-custom-'));
  writeFileSync(path.join(dir, '.supportlintrc.yaml'), config);
  const input = path.join(dir, 'chats.jsonl');
  writeFileSync(input, TRANSCRIPT.map((m) => JSON.stringify(m)).join('\n'));
  return { dir, input };
}

async function findings(config: string, options: { noRuleOn?: boolean } = {}) {
  const { dir, input } = project(config);
  const result = await runCli(['lint', input, '--format', 'json'], { cwd: dir });
  // A configuration that turns its only rule off is told that the run judges nothing.
  expect(result.stderr.includes('没有开启任何规则')).toBe(options.noRuleOn === true);
  expect(result.stderr.replace(/^.*没有开启任何规则.*\n/mu, '')).toBe('');
  const report = JSON.parse(result.stdout);
  return report.results.flatMap((r: { findings: Array<Record<string, unknown>> }) => r.findings) as Array<{
    ruleId: string; conversationId: string; messageSeq: number | null; message: string; severity: string; suggestion?: string; fix?: { range: [number, number]; text: string }; excerpt: string; range?: [number, number];
  }>;
}

describe('custom rules from configuration', () => {
  it('match phrases and patterns written with full-width punctuation, capitals or traditional characters', async () => {
    const config = [
      'customRules:',
      '  asked:',
      '    type: phrase',
      '    role: customer',
      "    phrases: ['我要投訴你們', '我要退款，東西']",
      '    message: 客户投诉',
      '  wechat:',
      '    type: phrase',
      "    patterns: ['加微信聯繫', '[A-Z]{2}信']",
      '    message: 站外',
      '  eta:',
      '    type: require-after',
      "    when: { role: customer, phrases: ['退款什麼時候'] }",
      "    then: { role: agent, phrases: ['今天之内'], within: 1 }",
      '    message: 没说时间',
      '',
    ].join('\n');
    const found = await findings(config);
    const by = (id: string) => found.filter((f) => f.ruleId === id).map((f) => f.conversationId);
    expect(by('asked')).toEqual(['a', 'c']);
    expect(by('wechat')).toEqual(['a']);
    expect(by('eta')).toEqual(['b']);
  });

  it('phrase: role scope and exceptions', async () => {
    const found = await findings(`rules: {}
customRules:
  no-wechat:
    type: phrase
    phrases: [加微信]
    patterns: ['加(私人)?微信']
    unless: [公众号]
    severity: error
    category: compliance
    message: 不要把客户引到微信上：“{phrase}”
`);
    const hits = found.filter((f) => f.ruleId === 'no-wechat');
    expect(hits.map((f) => [f.conversationId, f.messageSeq])).toEqual([['a', 1]]);
    expect(hits[0]!.message).toBe('不要把客户引到微信上：“加微信”');
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.excerpt.slice(...hits[0]!.range!)).toBe('加微信');
  });

  it('phrase: position scope and a minimum count', async () => {
    const found = await findings(`customRules:
  repeated-complaint:
    type: phrase
    role: customer
    phrases: [投诉]
    minCount: 2
    message: 客户 {count} 次提到投诉
  opening-refund:
    type: phrase
    role: customer
    position: { first: 1 }
    phrases: [退款]
`);
    expect(found.filter((f) => f.ruleId === 'repeated-complaint').map((f) => [f.conversationId, f.messageSeq, f.message])).toEqual([['c', 1, '客戶 2 次提到投訴']]);
    expect(found.filter((f) => f.ruleId === 'opening-refund').map((f) => f.conversationId)).toEqual(['a', 'b']);
  });

  it('require-after: a reply within N turns must say what is required', async () => {
    const found = await findings(`customRules:
  refund-eta:
    type: require-after
    when: { role: customer, phrases: [退款] }
    then: { role: agent, phrases: [到账, 工作日], within: 2 }
    message: 客户问到“{phrase}”，{within} 条回复内要说明到账时间
`);
    const hits = found.filter((f) => f.ruleId === 'refund-eta');
    expect(hits.map((f) => [f.conversationId, f.messageSeq])).toEqual([['a', 2]]);
    expect(hits[0]!.message).toBe('客户问到“退款”，2 条回复内要说明到账时间');
  });

  it('substitution: the suggested wording appears in the output, and can be turned off in rules', async () => {
    const config = `customRules:
  say-understand:
    type: substitution
    phrase: [您别生气, 你别生气]
    suggestion: 非常理解您的心情
`;
    const hit = (await findings(config)).find((f) => f.ruleId === 'say-understand')!;
    expect(hit.message).toBe('建议把“您别生气”换成“非常理解您的心情”。');
    // The fix is the phrase's range and its replacement; the suggestion is the whole message rewritten.
    expect(hit.fix).toEqual({ range: [0, 4], text: '非常理解您的心情' });
    expect(hit.suggestion).toBe('非常理解您的心情，这边可以加微信联系');
    const { dir, input } = project(config);
    const stylish = await runCli(['lint', input, '--rule', 'say-understand'], { cwd: dir });
    expect(stylish.stdout).toContain('建议：非常理解您的心情，这边可以加微信联系');
    expect((await findings(`${config}rules:\n  say-understand: "off"\n`, { noRuleOn: true })).some((f) => f.ruleId === 'say-understand')).toBe(false);
  });

  it('renders custom messages in traditional for traditional input', async () => {
    const found = await findings(`customRules:
  please-say:
    type: phrase
    phrases: [请说]
    message: 请用完整的句子回复客户
`);
    expect(found.find((f) => f.ruleId === 'please-say')!.message).toBe('請用完整的句子回覆客戶');
  });
});

describe('broken custom rules', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an invalid regular expression', 'bad:\n    type: phrase\n    patterns: ["加(微信"]', /customRules\.bad: 加\(微信：正则表达式 "加\(微信" 无法使用/],
    ['a regex with a backreference, which the linear-time matcher cannot run', 'slow:\n    type: phrase\n    patterns: ["(a+)\\\\1"]', /customRules\.slow: \(a\+\)\\1：正则表达式 .* 无法使用.*不支持反向引用/],
    ['an unknown role', 'who:\n    type: phrase\n    role: manager\n    phrases: [x]', /customRules\.who\.role/],
    ['an unknown type', 'what:\n    type: regex\n    phrases: [x]', /customRules\.what.*应为自定义规则，type 为 "phrase"、"require-after" 或 "substitution"/],
    ['nothing to match', 'empty:\n    type: phrase', /customRules\.empty：phrases 或 patterns 中至少要有一项/],
    ['a built-in id', 'blame-shifting:\n    type: phrase\n    phrases: [x]', /customRules\.blame-shifting："blame-shifting" 是内置规则/],
  ];
  for (const [name, yaml, expected] of cases) {
    it(`${name} exits 2 with the key path and the reason`, async () => {
      const { dir, input } = project(`customRules:\n  ${yaml}\n`);
      const result = await runCli(['lint', input], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
