import { describe, expect, it } from 'vitest';
import { MARKDOWN_CONVERSATION_LIMIT, renderMarkdown } from '../../src/report/formats/markdown.js';
import type { ReportData } from '../../src/report/model.js';
import { sampleConversationReport, sampleReport } from './sample-report.js';

/** Cells of a table row, split on the pipes GFM reads as cell borders (not the escaped ones). */
const cellsOf = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());

/** Every table in the text, as its lines. */
function tables(text: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length) {
      found.push(current);
      current = [];
    }
  }
  if (current.length) found.push(current);
  return found;
}

/** The table whose header row starts with `first`, as rows of cells (the header and rule dropped). */
function tableBody(text: string, first: string, second?: string): string[][] {
  const table = tables(text).find((lines) => cellsOf(lines[0]!)[0] === first && (second === undefined || cellsOf(lines[0]!)[1] === second));
  if (!table) throw new Error(`no table starting with ${first}`);
  return table.slice(2).map(cellsOf);
}

describe('markdown report', () => {
  it('keeps every table row as wide as its header, whatever the cells hold', () => {
    for (const data of [sampleReport(), sampleConversationReport()]) {
      const text = renderMarkdown(data);
      for (const table of tables(text)) {
        const width = cellsOf(table[0]!).length;
        expect(table[1]).toMatch(/^\|(-{3,}:?\|)+$/);
        for (const row of table) expect(cellsOf(row)).toHaveLength(width);
      }
    }
  });

  it('escapes pipes, markup and line breaks in cells', () => {
    const text = renderMarkdown(sampleReport());
    const examples = tables(text).find((table) => cellsOf(table[0]!).includes('客户原话'))!;
    const empathy = examples.map(cellsOf).find((cells) => cells[0] === '缺少共情')!;
    expect(empathy[1]).toBe('你们网页弹出 \\<script\\>alert\\("xss"\\)\\</script\\> 是什么鬼？我都快气死了');
    expect(empathy[2]).toBe('请刷新页面 \\| 或者换个浏览器试试');
    expect(text).not.toContain('<script>');

    const data = sampleReport();
    data.groups[0]!.key = '小林\n| 二号';
    const renamed = renderMarkdown(data);
    expect(renamed).toContain('| 小林<br>\\| 二号 | 售后一组 |');
  });

  it('writes the headline with the previous value, the change and which way is better', () => {
    const rows = tableBody(renderMarkdown(sampleReport()), '指标');
    const row = (label: string) => rows.find((cells) => cells[0] === label);
    expect(row('IQS')).toEqual(['IQS', '83.6', '81.6', '🟢▲ 2.0', '越高越好']);
    expect(row('首响中位数')).toEqual(['首响中位数', '1分1秒', '1分12秒', '🟢▼ 11秒', '越短越好']);
    expect(row('首响 P90')).toEqual(['首响 P90', '4分55秒', '4分20秒', '🔴▲ 35秒', '越短越好']);
    expect(row('SLA 达成率（3分钟内）')).toEqual(['SLA 达成率（3分钟内）', '84.5%', '85.6%', '🔴▼ 1.0 个百分点', '越高越好']);
    expect(row('会话数')).toEqual(['会话数', '106', '85', '▲ 21', '']);
  });

  it('lists the groups with changes, dashes where nothing was measured', () => {
    const rows = tableBody(renderMarkdown(sampleReport()), '客服', '小组');
    expect(rows[0]![0]).toBe('**全部**');
    expect(rows[1]).toEqual(['小林', '售后一组', '72.4 🔴▼ 5.7', '38 ▲ 3', '1 🔴▲ 1', '1分35秒 🔴▲ 15秒', '6分50秒 🔴▲ 1分50秒', '2分22秒 🔴▲ 22秒', '73.8% 🔴▼ 6.3 个百分点', '3 🔴▲ 2', '5 / 3 / 2 🔴▲ 2', '66.7% 🔴▼ 3.3 个百分点']);
    expect(rows[2]![11]).toBe('—');
    expect(rows[3]).toEqual(['王强（上期无数据）', '售前组', '91.3', '27', '0', '—', '—', '—', '—', '0', '0 / 0 / 0', '100.0%']);
  });

  it('tells who to coach on what, with their own worst quote, and lists the conversations to review', () => {
    const data = sampleReport();
    const xiaolin = data.groups.find((g) => g.key === '小林')!;
    xiaolin.metrics.mostFailed = 'ownership';
    data.review = [
      { conversationId: 'qy-1', file: 'f', agents: ['小林'], score: 20, predictedSatisfaction: 1.8, outcome: 'unresolved', reasons: ['low-score', 'negative-ending'], worst: { ruleId: 'blame-shifting', conversationId: 'qy-1', agent: '小林', text: '这是快递的问题', message: '推诿' } },
    ];
    const text = renderMarkdown(data);
    const coaching = tableBody(text, '客服', 'IQS');
    const row = coaching.find((cells) => cells[0] === '小林')!;
    expect(row[3]).toMatch(/^担当（扣分最多：推诿/);
    expect(row[4]).toContain(xiaolin.metrics.topRules[0]!.examples[0]!.message);
    const review = tableBody(text, '会话', '客服');
    expect(review[0]).toEqual(['qy-1', '小林', '20.0', '1.8', '未解决', '得分低、客户不满结束', '这是快递的问题 —— 推诿']);
  });

  it('writes the rules, their example quotes and the topics as tables', () => {
    const text = renderMarkdown(sampleReport());
    expect(tableBody(text, '规则')[0]).toEqual(['推诿', 'blame-shifting', '担当', '90', '9', '8']);
    expect(tableBody(text, '规则')[4]![0]).toBe('危机未升级（一票否决）');
    expect(tableBody(text, '关键词')).toEqual([
      ['退款', '31', '22', '▲ 9'],
      ['物流', '27', '30', '▼ 3'],
      ['发票（新出现）', '9', '0', '▲ 9'],
      ['优惠券', '7', '7', '持平'],
    ]);
  });

  it('with --by conversation, lists conversations lowest first and caps the list', () => {
    const text = renderMarkdown(sampleConversationReport());
    const rows = tableBody(text, '会话');
    expect(rows.map((cells) => cells[0])).toEqual(['qy-20261114-0005', 'qy-20261110-0042', 'qy-20261111-0031', 'wx-0009']);
    expect(rows[0]![4]).toBe('0.0（一票否决）');
    expect(rows[0]![6]).toBe('crisis-not-escalated −10（一票否决）：客户提到“投诉到12315”，回复没有升级处理<br>slow-response −5：客户等了 4分30秒 \\| 才得到回复');
    expect(rows[3]!.slice(4)).toEqual(['不适用', '—', '无扣分']);

    const template = sampleConversationReport().conversations![0]!;
    const many: ReportData = {
      ...sampleConversationReport(),
      conversations: Array.from({ length: MARKDOWN_CONVERSATION_LIMIT + 20 }, (_, index) => ({ ...template, conversationId: `c-${index}`, score: index % 100 })),
    };
    const capped = renderMarkdown(many);
    expect(tableBody(capped, '会话')).toHaveLength(MARKDOWN_CONVERSATION_LIMIT);
    expect(capped).toContain(`共 ${MARKDOWN_CONVERSATION_LIMIT + 20} 个会话，这里只列出得分最低的 ${MARKDOWN_CONVERSATION_LIMIT} 个`);
  });
});
