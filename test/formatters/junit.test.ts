import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, junitFormatter } from '../../src/formatters/junit.js';
import { emptySummary } from '../../src/runner/summary.js';
import { runCli } from '../support/cli.js';
import { parseXml, type XmlElement } from '../support/xml.js';
import { context, finding, render, result } from './build.js';

const all = (node: XmlElement, name: string): XmlElement[] =>
  node.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);

describe('the XML check used by these tests', () => {
  it('accepts well-formed XML and rejects what a real parser rejects', () => {
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2"><b/>t&lt;<!-- c --></a>\n').attributes.x).toBe('1 & 2');
    for (const bad of ['<a>&</a>', '<a><b></a></b>', '<a x="<"/>', '<a x=1/>', '<a>\u0001</a>', '<a>&nbsp;</a>', '<a/><b/>', '<a x="1" x="2"/>', '<a>&#1;</a>', '<a>\uD800</a>', '<a>]]></a>']) {
      expect(() => parseXml(bad), bad).toThrow(/not well-formed/);
    }
  });
});

describe('junit formatter', () => {
  it('escapes markup and removes characters XML 1.0 forbids', () => {
    expect(escapeXmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXmlText('x\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800y\tz\n')).toBe('xy\tz\n');
    expect(escapeXmlText('表情😀保留')).toBe('表情😀保留');
    expect(escapeXmlAttribute('第一行\n第二行\t"引号"')).toBe('第一行&#10;第二行&#9;&quot;引号&quot;');
  });

  it('writes a suite per file, a case per conversation and a failure per finding, all well-formed', () => {
    const nasty = '客户说 <b>"退款" & \'投诉\'</b>\u0007 ]]> 完';
    const text = render(junitFormatter(), [
      result([finding(), finding({ ruleId: 'slow-first-response', severity: 'warn', messageId: 'slow', message: nasty, excerpt: nasty, range: undefined })]),
      result([], { conversationId: 'c-1002' }),
      result([finding({ conversationId: 'k-1', location: { file: '/work/repo/exports/dialogues.json', record: 0 } })], { file: '/work/repo/exports/dialogues.json' }),
    ]);
    const root = parseXml(text);
    expect(root.name).toBe('testsuites');
    const suites = all(root, 'testsuite');
    expect(suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors])).toEqual([
      ['exports/transcripts.jsonl', '2', '1', '0'],
      ['exports/dialogues.json', '1', '1', '0'],
    ]);
    const cases = all(root, 'testcase');
    expect(cases.map((c) => [c.attributes.name, c.attributes.classname, all(c, 'failure').length])).toEqual([
      ['c-1001', 'exports/transcripts.jsonl', 2],
      ['c-1002', 'exports/transcripts.jsonl', 0],
      ['k-1', 'exports/dialogues.json', 1],
    ]);
    const [blame, slow] = all(cases[0]!, 'failure');
    expect(blame!.attributes).toEqual({ message: finding().message, type: 'blame-shifting' });
    expect(blame!.text).toContain('error blame-shifting（推诿）');
    expect(blame!.text).toContain('位置：exports/transcripts.jsonl:3 · 会话 c-1001 · 第3条 · 客服 小林');
    expect(blame!.text).toContain('原文：您好，这个【是快递那边的问题】，您去问一下快递吧');
    expect(blame!.text).toContain('建议：给您添麻烦了');
    // What a parser reads back is the message, minus the control character XML cannot carry.
    const clean = nasty.replace('\u0007', '');
    expect(slow!.attributes.message).toBe(clean);
    expect(slow!.text).toContain(`原文：${clean}`);
    expect(all(cases[2]!, 'failure')[0]!.text).toContain('exports/dialogues.json#0');
  });

  it('reports unreadable inputs as errors and lists skipped records', () => {
    const summary = emptySummary();
    summary.unreadableFiles = [{ location: { file: '/work/repo/notes.txt' }, reason: 'not a recognised export <txt>' }];
    summary.records = { read: 3, used: 1, skipped: 2 };
    summary.skipped = [{ location: { file: '/work/repo/a.jsonl', line: 2 }, reason: 'not JSON' }];
    const root = parseXml(render(junitFormatter(), [result([])], context(), summary));
    const input = all(root, 'testsuite').find((s) => s.attributes.name === 'supportlint input')!;
    expect(input.attributes).toMatchObject({ tests: '1', errors: '1', failures: '0' });
    expect(all(input, 'error')[0]!.attributes.message).toBe('not a recognised export <txt>');
    expect(all(input, 'system-err')[0]!.text).toContain('a.jsonl:2: not JSON');
    expect(all(input, 'system-err')[0]!.text).toContain('…以及另外 1 条');
  });

  it('makes a test case per reply for a canned-reply library', () => {
    const replies = context({ command: 'replies' });
    const library = '/work/repo/话术库.yaml';
    const text = render(
      junitFormatter(),
      [
        // A result holding one reply is one case.
        result([finding({ conversationId: '退款-1', messageSeq: 0, location: { file: library, line: 4 } })], { file: library, messageCount: 1 }),
        result([], { conversationId: '退款-2', file: library, messageCount: 1 }),
        // A result holding several replies gets a case per reply.
        result([finding({ conversationId: '售后', messageSeq: 1, location: { file: library, line: 12 } })], { conversationId: '售后', file: library, messageCount: 3 }),
      ],
      replies,
    );
    const root = parseXml(text);
    const cases = all(root, 'testcase');
    expect(cases.map((c) => [c.attributes.name, all(c, 'failure').length])).toEqual([
      ['退款-1', 1],
      ['退款-2', 0],
      ['售后 #1', 0],
      ['售后 #2', 1],
      ['售后 #3', 0],
    ]);
    expect(all(root, 'testsuite')[0]!.attributes).toMatchObject({ name: '话术库.yaml', tests: '5', failures: '2' });
  });

  it('is the JUnit the CLI writes for the sample: well-formed, counts add up', async () => {
    const junit = await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'junit']);
    const json = JSON.parse((await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'json'])).stdout);
    expect(junit.code).toBe(1);
    const root = parseXml(junit.stdout);
    const [suite] = all(root, 'testsuite');
    const failing = json.results.filter((r: { findings: unknown[] }) => r.findings.length > 0).length;
    expect(suite!.attributes).toMatchObject({ name: 'fixtures/jsonl/transcripts.jsonl', tests: String(json.results.length), failures: String(failing) });
    expect(all(root, 'failure')).toHaveLength(json.summary.errors + json.summary.warnings);
  });
});
