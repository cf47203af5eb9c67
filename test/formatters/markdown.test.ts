import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell, GITHUB_COMMENT_LIMIT, markdownFormatter } from '../../src/formatters/markdown.js';
import { emptySummary } from '../../src/runner/summary.js';
import { runCli } from '../support/cli.js';
import { context, finding, render, result } from './build.js';

/** Cells of a table row, split on the pipes GFM reads as cell borders (not the escaped ones). */
const cellsOf = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
const tableRows = (text: string) => text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|  | 规则'));

describe('markdown formatter', () => {
  it('escapes what would break a table cell or render as markup', () => {
    expect(escapeMarkdownCell('a|b')).toBe('a\\|b');
    expect(escapeMarkdownCell('第一行\n第二行\r\n第三行')).toBe('第一行<br>第二行<br>第三行');
    expect(escapeMarkdownCell('<script>alert(1)</script>')).toBe('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(escapeMarkdownCell('**粗** _斜_ `码` [链](x) ~删~ \\')).toBe('\\*\\*粗\\*\\* \\_斜\\_ \\`码\\` \\[链\\]\\(x\\) \\~删\\~ \\\\');
    expect(escapeMarkdownCell('&amp; $x$')).toBe('\\&amp; \\$x\\$');
    // A quoted @name must not notify anyone on GitHub.
    expect(escapeMarkdownCell('找 @octocat 处理')).toBe('找 @\u2060octocat 处理');
  });

  it('writes a heading with the counts and a table per file, the match in bold', () => {
    const nasty = '客户说：价格 | 运费\n**太贵** <b>了</b>';
    const text = render(markdownFormatter(), [
      result([finding(), finding({ severity: 'warn', ruleId: 'slow-first-response', messageId: 'slow', message: nasty, excerpt: nasty, range: [4, 6], suggestion: undefined })]),
      result([finding({ conversationId: 'k-1', location: { file: '/work/repo/exports/d.json', record: 2 } })], { file: '/work/repo/exports/d.json' }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('<!-- supportlint -->');
    expect(lines[1]).toBe('## ❌ supportlint：3 个问题（2 个错误，1 个警告）');
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(['### exports/transcripts.jsonl', '### exports/d.json']);
    const rows = tableRows(text);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(cellsOf(row)).toHaveLength(6);
    const [icon, rule, where, message, quote, suggestion] = cellsOf(rows[0]!);
    expect(icon).toBe('❌');
    expect(rule).toBe('[blame-shifting](https://github.com/supportlint/supportlint/blob/main/docs/rules/blame-shifting.md)<br>推诿');
    expect(where).toBe('L3<br>会话 c-1001<br>第3条<br>小林');
    expect(message).toBe(escapeMarkdownCell(finding().message));
    expect(quote).toBe('您好，这个<b>是快递那边的问题</b>，您去问一下快递吧');
    expect(suggestion).toBe('给您添麻烦了，我这边马上帮您联系处理。');
    const nastyRow = cellsOf(rows[1]!);
    expect(nastyRow[0]).toBe('⚠️');
    expect(nastyRow[3]).toBe('客户说：价格 \\| 运费<br>\\*\\*太贵\\*\\* \\<b\\>了\\</b\\>');
    expect(nastyRow[4]).toBe('客户说：<b>价格</b> \\| 运费 ⏎ \\*\\*太贵\\*\\* \\<b\\>了\\</b\\>');
    expect(cellsOf(rows[2]!)[2]).toBe('\\#2<br>会话 k-1<br>第3条<br>小林');
  });

  it('stays under GitHub\'s comment limit and says how many findings were left out', () => {
    const long = '这是一条很长的回复，'.repeat(40);
    const results = Array.from({ length: 2000 }, (_, i) => result([finding({ conversationId: `c-${i}`, message: long, excerpt: long, range: [10, 20], suggestion: long })]));
    const text = render(markdownFormatter(), results);
    expect(text.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const listed = tableRows(text).length;
    expect(listed).toBeGreaterThan(10);
    expect(listed).toBeLessThan(2000);
    expect(text).toContain(`…以及另外 ${2000 - listed} 个问题未列出`);
    expect(text).toContain('## ❌ supportlint：2000 个问题（2000 个错误，0 个警告）');
  });

  it('says so when nothing was found, and names unreadable files, without a tick for a run that could not read everything', () => {
    const summary = emptySummary();
    summary.files = 2;
    summary.unreadableFiles = [{ location: { file: '/work/repo/notes|x.txt' }, reason: 'not a recognised export' }];
    const text = render(markdownFormatter(), [], context(), summary);
    expect(text).toContain('## ⚠️ supportlint：没有发现问题');
    expect(text).not.toContain('✅');
    expect(text).toContain('- notes\\|x.txt：not a recognised export');
    expect(text).not.toContain('| 规则 |');
  });

  it('is what the CLI writes with -f markdown', async () => {
    const run = await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('## ❌ supportlint：6 个问题（1 个错误，5 个警告）');
    expect(tableRows(run.stdout)).toHaveLength(6);
  });
});
