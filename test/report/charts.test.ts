import { describe, expect, it } from 'vitest';
import {
  categoryChart,
  CHART_GROUP_LIMIT,
  durationStep,
  FIRST_RESPONSE_GROUP_LIMIT,
  firstResponseChart,
  rankingChart,
  reportCharts,
  ruleLossChart,
  scoreDistributionChart,
  trendChart,
} from '../../src/report/charts.js';
import type { GroupReport, ReportData } from '../../src/report/model.js';
import { sampleConversationReport, sampleReport } from './sample-report.js';

/** The text nodes of an SVG, unescaped: what a reader sees on the chart. */
const svgTexts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );

function withGroups(count: number): ReportData {
  const data = sampleReport();
  const template = data.groups[0]!;
  data.groups = Array.from({ length: count }, (_, index): GroupReport => ({
    ...template,
    key: `客服${String(index + 1).padStart(2, '0')}`,
    metrics: { ...template.metrics, iqs: 60 + index, firstResponse: { count: 5, medianSeconds: 30 + index, p90Seconds: 100 + index * 10 } },
    trend: template.trend.map((point) => ({ ...point, iqs: 60 + index })),
  }));
  return data;
}

describe('report charts', () => {
  it('draws the IQS trend with the overall values as labels and a line per group', () => {
    const chart = trendChart(sampleReport())!;
    expect(chart.svg.startsWith('<svg ')).toBe(true);
    expect(chart.svg).toContain('role="img"');
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['81.6', '83.6', '2026-W45', '2026-W46', '全部', '小林', '阿美', '王强', '会话数']));
  });

  it('leaves the group lines out when there are too many to read', () => {
    const texts = svgTexts(trendChart(withGroups(9))!.svg);
    expect(texts).toContain('全部');
    expect(texts).not.toContain('客服01');
    expect(trendChart(withGroups(9))!.note).toContain('9 个');
    expect(svgTexts(trendChart(withGroups(8))!.svg)).toContain('客服08');
  });

  it('ranks the groups by IQS, lowest first, with their conversation counts', () => {
    const chart = rankingChart(sampleReport())!;
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['72.4（38 会话）', '88.9（41 会话）', '91.3（27 会话）', '全部 83.6']));
    const names = texts.filter((text) => ['小林', '阿美', '王强'].includes(text));
    expect(names).toEqual(['小林', '阿美', '王强']);
    // Category labels are drawn top to bottom; the lowest IQS sits on top.
    const y = (name: string) => Number(chart.svg.match(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)"[^>]*>${name}<`))![1]);
    expect(y('小林')).toBeLessThan(y('阿美'));
    expect(y('阿美')).toBeLessThan(y('王强'));
  });

  it('caps the ranking and says so, and leaves out groups without an IQS', () => {
    const many = rankingChart(withGroups(CHART_GROUP_LIMIT + 5))!;
    expect(svgTexts(many.svg)).toContain('客服01');
    expect(svgTexts(many.svg)).not.toContain(`客服${CHART_GROUP_LIMIT + 1}`);
    expect(many.note).toContain(`只画出 IQS 最低的 ${CHART_GROUP_LIMIT} 个客服（共 ${CHART_GROUP_LIMIT + 5} 个）`);
    const data = sampleReport();
    data.groups[2]!.metrics.iqs = null;
    const chart = rankingChart(data)!;
    expect(svgTexts(chart.svg)).not.toContain('王强');
    expect(chart.note).toContain('1 个客服本期没有可评分的会话');
  });

  it('shows the points each rule lost, labelled with the finding counts', () => {
    const texts = svgTexts(ruleLossChart(sampleReport())!.svg);
    expect(texts).toEqual(expect.arrayContaining(['推诿（担当）', '90 分 · 9 次', '危机未升级（升级）', '10 分 · 1 次']));
  });

  it('compares the category scores with the previous period', () => {
    const texts = svgTexts(categoryChart(sampleReport())!.svg);
    expect(texts).toEqual(expect.arrayContaining(['共情', '84.8', '79.8', '升级', '50.0', '本期 2026-W46', '上期 2026-W45']));
  });

  it('shows first-response median and p90 in Chinese durations, leaving out groups without timestamps', () => {
    const chart = firstResponseChart(sampleReport())!;
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['小林', '1分35秒', '6分50秒', '阿美', '42秒', '2分10秒', '中位数', 'P90']));
    expect(texts).not.toContain('王强');
    expect(chart.note).toContain('1 个客服没有可计时的首次响应');
    const many = firstResponseChart(withGroups(FIRST_RESPONSE_GROUP_LIMIT + 3))!;
    expect(many.note).toContain(`只画出 P90 最慢的 ${FIRST_RESPONSE_GROUP_LIMIT} 个客服（共 ${FIRST_RESPONSE_GROUP_LIMIT + 3} 个）`);
    // The slowest are kept: the fixture's p90 grows with the index.
    expect(svgTexts(many.svg)).toContain(`客服${FIRST_RESPONSE_GROUP_LIMIT + 3}`);
    expect(svgTexts(many.svg)).not.toContain('客服01');
    expect(durationStep(410)).toBe(120);
    expect(durationStep(50)).toBe(10);
    expect(durationStep(20_000)).toBe(3600);
  });

  it('counts conversations by score band with --by conversation', () => {
    const data = sampleConversationReport();
    const chart = scoreDistributionChart(data)!;
    // Three conversations fall in the current week: 0, 70 and 85.5.
    expect(chart.note).toContain('2026-W46 共 3 个会话');
    const texts = svgTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['<60', '70–80', '80–90', '≥90']));
    expect(rankingChart(data)).toBeNull();
    expect(reportCharts(data).map((c) => c.id)).toEqual(['trend', 'score-distribution', 'rules', 'categories']);
  });

  it('escapes text from the data inside the SVG', () => {
    const data = sampleReport();
    data.groups[0]!.key = '<b>"A&B"</b>';
    const svg = rankingChart(data)!.svg;
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;');
    expect(svgTexts(svg)).toContain('<b>"A&B"</b>');
  });

  it('gives every chart its own ids, the same on every run', () => {
    const first = reportCharts(sampleReport());
    expect(first.map((chart) => chart.id)).toEqual(['trend', 'ranking', 'rules', 'categories', 'first-response']);
    const ids = first.flatMap((chart) => [...chart.svg.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const chart of first) {
      expect(chart.svg).not.toMatch(/zr\d+-/);
      expect(chart.svg).not.toContain('<style');
      // Every clip path that is referred to exists in the same SVG.
      for (const [, ref] of chart.svg.matchAll(/url\(#([^)]+)\)/g)) expect(chart.svg).toContain(`id="${ref}"`);
    }
    expect(reportCharts(sampleReport()).map((chart) => chart.svg)).toEqual(first.map((chart) => chart.svg));
  });

  it('draws nothing from nothing', () => {
    const data = sampleReport();
    data.periods = [];
    data.groups = [];
    data.overall.metrics.topRules = [];
    data.overall.metrics.categories = { empathy: null, ownership: null, resolution: null, responsiveness: null, tone: null, compliance: null, escalation: null, customer: null };
    data.overall.previous = undefined;
    expect(reportCharts(data)).toEqual([]);
  });
});
