import { describe, expect, it } from 'vitest';
import { escapeHtml, HTML_CONVERSATION_LIMIT, renderHtml } from '../../src/report/formats/html.js';
import type { ConversationScore, ReportData } from '../../src/report/model.js';
import { NASTY_TRIGGER, PIPE_QUOTE, sampleConversationReport, sampleReport } from './sample-report.js';

/** The table row whose row header starts with `name`. */
function rowOf(html: string, name: string): string {
  const row = html.split(/<tr\b/).find((part) => part.includes(`<th scope="row">${name}`));
  if (!row) throw new Error(`no row for ${name}`);
  return row.slice(0, row.indexOf('</tr>'));
}

/** The cells of a row: [value, delta html] pairs in column order. */
const cellsOf = (row: string) => [...row.matchAll(/<td class="num"><span class="value">([^<]*)<\/span>(<span class="delta[^"]*"[^>]*>[^<]*<\/span>)?<\/td>/g)].map((m) => [m[1], m[2] ?? '']);

const delta = (tone: string, text: string) => expect.stringMatching(new RegExp(`^<span class="delta ${tone}"[^>]*>${text}</span>$`));

function manyConversations(count: number): ConversationScore[] {
  const template = sampleConversationReport().conversations![0]!;
  return Array.from({ length: count }, (_, index) => ({ ...template, conversationId: `c-${String(index).padStart(4, '0')}`, score: (index * 37) % 101 }));
}

describe('html report', () => {
  it('escapes text for elements and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('renders customer text as text: no markup from the data reaches the page', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('你们网页弹出 &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; 是什么鬼？我都快气死了');
    expect(html).not.toContain(NASTY_TRIGGER);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(escapeHtml(PIPE_QUOTE));

    const data = sampleReport();
    data.groups[0]!.key = '<img src=x onerror=alert(1)>';
    data.groups[0]!.team = '"><b>';
    data.topics[0]!.word = '</td><td>';
    data.inputs.files = ['<iframe>.csv'];
    const hostile = renderHtml(data);
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toContain('<iframe');
    expect(hostile).not.toContain('"><b>');
    expect(hostile).not.toContain('</td><td></th>');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is self-contained: inline styles and charts, nothing to fetch, no scripts', () => {
    const html = renderHtml(sampleReport());
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<link\b|<script\b|@import|\bsrc=|url\(\s*['"]?(https?:|\/\/)/i);
    // The only URLs are the SVG namespaces, which browsers never fetch.
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect((html.match(/<svg\b/g) ?? []).length).toBe(5);
    expect(html).toContain('@media print');
  });

  it('states the period, the zone, the scope, the time made, redaction and the input accounting', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<title>客服质检报告 · 2026-W46</title>');
    expect(html).toContain('<dt>统计周期</dt><dd>2026-W46（2026-11-09 至 2026-11-15）</dd>');
    expect(html).toContain('<dt>对比周期</dt><dd>2026-W45（2026-11-02 至 2026-11-08）</dd>');
    expect(html).toContain('<dt>时区</dt><dd>Asia/Shanghai</dd>');
    expect(html).toContain('<dt>分组</dt><dd>按客服</dd>');
    expect(html).toContain('<dt>日期范围</dt><dd>2026-11-02 至 2026-11-15</dd>');
    expect(html).toContain('<dt>生成时间</dt><dd>2026-11-16 09:30:00（Asia/Shanghai）</dd>');
    expect(html).toContain('<strong>未脱敏</strong>');
    expect(html).toContain('会话 203 个（日期范围外 9，无时间 3）· 记录 读取 4187 = 使用 4180 + 跳过 7');
    const redacted = sampleReport();
    redacted.options.redacted = true;
    expect(renderHtml(redacted)).toContain('<dt>引用</dt><dd>已脱敏');
  });

  it('shows the headline numbers with their change, coloured by what better means', () => {
    const html = renderHtml(sampleReport());
    const headline = html.slice(html.indexOf('<section id="headline">'), html.indexOf('</section>', html.indexOf('<section id="headline">')));
    const card = (label: string) => headline.split(/<div class="card(?: card-main)?">/).find((part) => part.includes(`<div class="card-label">${label}</div>`))!;
    expect(card('IQS')).toContain('<div class="card-value">83.6</div>');
    expect(card('IQS')).toMatch(/<span class="delta better"[^>]*>▲ 2\.0<\/span><span class="was">上期 81\.6<\/span>/);
    expect(card('首响中位数')).toContain('<div class="card-value">1分1秒</div>');
    expect(card('首响中位数')).toMatch(/<span class="delta better"[^>]*>▼ 11秒<\/span>/);
    expect(card('首响中位数')).toContain('越短越好');
    expect(card('首响 P90')).toMatch(/<span class="delta worse"[^>]*>▲ 35秒<\/span>/);
    expect(card('SLA 达成率（3分钟内）')).toMatch(/<span class="delta worse"[^>]*>▼ 1\.0 个百分点<\/span>/);
    expect(card('会话数')).toMatch(/<span class="delta neutral">▲ 21<\/span>/);
    expect(card('满意率')).toContain('17 / 21 条评价');
    expect(headline).toContain('首响、平均响应等时间越短越好');
  });

  it('lists each group with its metrics and changes, dashes for what was not measured', () => {
    const html = renderHtml(sampleReport());
    const xiaolin = cellsOf(rowOf(html, '小林'));
    expect(rowOf(html, '小林')).toContain('<td class="team">售后一组</td>');
    expect(xiaolin).toEqual([
      ['72.4', delta('worse', '▼ 5.7')],
      ['38', delta('neutral', '▲ 3')],
      ['1', delta('worse', '▲ 1')],
      ['1分35秒', delta('worse', '▲ 15秒')],
      ['6分50秒', delta('worse', '▲ 1分50秒')],
      ['2分22秒', delta('worse', '▲ 22秒')],
      ['73.8%', delta('worse', '▼ 6.3 个百分点')],
      ['3', delta('worse', '▲ 2')],
      ['5 / 3 / 2', delta('worse', '▲ 2')],
      ['66.7%', delta('worse', '▼ 3.3 个百分点')],
    ]);
    const amei = cellsOf(rowOf(html, '阿美'));
    expect(amei[0]).toEqual(['88.9', delta('better', '▲ 4.6')]);
    expect(amei[2]).toEqual(['0', delta('same', '持平')]);
    expect(amei[3]).toEqual(['42秒', delta('better', '▼ 23秒')]);
    // No ratings at all: a dash, and no change to show.
    expect(amei[9]).toEqual(['—', '']);
    // New this week, no timestamps: dashes, and nothing to compare with.
    const wang = rowOf(html, '王强');
    expect(wang).toContain('<span class="tag">上期无数据</span>');
    expect(wang).not.toContain('class="delta');
    expect(cellsOf(wang).map(([value]) => value)).toEqual(['91.3', '27', '0', '—', '—', '—', '—', '0', '0 / 0 / 0', '100.0%']);
    // The overall row comes first.
    expect(html.indexOf('<tr class="overall"><th scope="row">全部')).toBeLessThan(html.indexOf('<th scope="row">小林'));
  });

  it('quotes up to three examples per rule with the agent, the finding and the customer trigger', () => {
    const data = sampleReport();
    const blame = data.overall.metrics.topRules[0]!;
    blame.examples = [...blame.examples, ...blame.examples];
    const html = renderHtml(data);
    const article = html.slice(html.indexOf('<h3>推诿'), html.indexOf('</article>', html.indexOf('<h3>推诿')));
    expect((article.match(/<li class="example">/g) ?? []).length).toBe(3);
    expect(article).toContain('扣 <strong>90</strong> 分 · 9 次 · 8 个会话');
    expect(article).toContain('<span class="who">客户：</span>快递三天没动了，到底怎么回事？');
    expect(article).toContain('<span class="who">客服：</span>这个是快递那边的问题，您去问一下快递吧');
    expect(article).toContain('<p class="finding">把问题推给了快递，没有说明由谁跟进</p>');
    expect(article).toContain('客服 小林 · 会话 qy-20261110-0042 · 2026-11-10 14:03:22');
    expect(html).toMatch(/<h3>危机未升级 <code>crisis-not-escalated<\/code> <span class="tag">升级<\/span><span class="tag fatal">一票否决<\/span><\/h3>/);
  });

  it('lists the customer topics with their change, new ones marked', () => {
    const html = renderHtml(sampleReport());
    expect(rowOf(html, '退款')).toContain('<span class="delta neutral">▲ 9</span>');
    expect(rowOf(html, '物流')).toContain('<span class="delta neutral">▼ 3</span>');
    expect(rowOf(html, '发票')).toContain('<span class="tag">新出现</span>');
    expect(rowOf(html, '优惠券')).toContain('持平');
  });

  it('says so when there is no previous period, and shows no changes', () => {
    const data = sampleReport();
    data.previous = null;
    data.overall.previous = undefined;
    data.overall.change = undefined;
    for (const group of data.groups) {
      group.previous = undefined;
      group.change = undefined;
    }
    data.topics = data.topics.map(({ word, conversations }) => ({ word, conversations }));
    const html = renderHtml(data);
    expect(html).toContain('没有上一周期的数据，无法比较变化。');
    expect(html).toContain('<dt>对比周期</dt><dd>无（没有上一周期的数据）</dd>');
    expect(html).not.toMatch(/class="delta (better|worse|neutral|same)"/);
  });

  it('with --by conversation, lists conversations lowest score first with their deductions', () => {
    const html = renderHtml(sampleConversationReport());
    expect(html).not.toContain('<section id="groups">');
    const section = html.slice(html.indexOf('<section id="conversations">'));
    const order = [...section.matchAll(/<th scope="row"><code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(order).toEqual(['qy-20261114-0005', 'qy-20261110-0042', 'qy-20261111-0031', 'wx-0009']);
    expect(section).toContain('共 4 个会话，得分从低到高。');
    expect(section).toContain('<code>crisis-not-escalated</code> −10 <span class="tag fatal">一票否决</span>');
    expect(section).toContain('客户等了 4分30秒 | 才得到回复');
    expect(section).toContain('<td class="num">1小时2分</td>');
    expect(section).toContain('<span class="value">不适用</span>');
    expect(section).toContain('<span class="muted">无扣分</span>');
  });

  it(`shows at most ${HTML_CONVERSATION_LIMIT} conversations, the lowest, and says how many there are`, () => {
    const data: ReportData = { ...sampleConversationReport(), conversations: manyConversations(620) };
    const html = renderHtml(data);
    const section = html.slice(html.indexOf('<section id="conversations">'));
    const scores = [...section.matchAll(/<td class="num"><span class="value">([\d.]+)<\/span>/g)].map((m) => Number(m[1]));
    expect(scores).toHaveLength(HTML_CONVERSATION_LIMIT);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const shownMax = Math.max(...scores);
    const hidden = data.conversations!.map((c) => c.score!).sort((a, b) => a - b).slice(HTML_CONVERSATION_LIMIT);
    expect(Math.min(...hidden)).toBeGreaterThanOrEqual(shownMax);
    expect(html).toContain(`共 620 个会话，这里只列出得分最低的 ${HTML_CONVERSATION_LIMIT} 个。`);
  });

  it('renders an empty period without failing', () => {
    const data = sampleReport();
    data.groups = [];
    data.topics = [];
    data.overall.metrics = { ...data.overall.metrics, conversations: 0, scored: 0, iqs: null, topRules: [] };
    const html = renderHtml(data);
    expect(html).toContain('本期没有会话。');
    expect(html).toContain('本期没有客服的数据。');
    expect(html).toContain('本期没有扣分。');
  });
});
