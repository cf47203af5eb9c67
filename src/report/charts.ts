import { visibleKeepingLineBreaks } from '../formatters/excerpt.js';
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { SCORE_CATEGORIES } from './scoring-config.js';
import { CATEGORY_LABELS, categoryLabel, formatPoints, formatScore, formatSeconds, GROUP_NOUNS } from './formats/figures.js';
import type { GroupReport, ReportData } from './model.js';
import { smallest } from '../arrays.js';

/** ECharts takes about a second of CPU to load: it is loaded when the first chart is drawn, not with every command. */
let echartsModule: typeof import('echarts') | undefined;
function echarts(): typeof import('echarts') {
  echartsModule ??= createRequire(import.meta.url)('echarts') as typeof import('echarts');
  return echartsModule;
}

/**
 * The report's charts, drawn by Apache ECharts on the server as SVG strings, so the HTML report
 * carries them inline and needs neither scripts nor a network to show them.
 */

/**
 * Fonts that hold Chinese glyphs on macOS, Windows and Linux, then the generic family. The names
 * stay unquoted: ECharts copies the stack into an SVG style attribute without escaping it, and a
 * double quote would end the attribute.
 */
export const CHART_FONT_FAMILY = 'PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';

/**
 * Drawn at a width that fits an A4 page in portrait at close to full size, so 13px labels still
 * print at about 9pt; on a wide screen two charts sit side by side at their natural size.
 */
export const CHART_WIDTH = 720;
const FONT_SIZE = 13;
/** Bar charts list at most this many groups; the tables below them list every one. */
export const CHART_GROUP_LIMIT = 30;
/** Two bars a group make the first-response chart twice as tall, so it shows fewer: the slowest. */
export const FIRST_RESPONSE_GROUP_LIMIT = 15;
/** Above this many groups, one line each would be a tangle; the trend shows the overall line alone. */
export const TREND_GROUP_LINE_LIMIT = 8;

const INK = '#1f2937';
const MUTED = '#6b7280';
const GRID_LINE = '#e5e7eb';
const PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#a16207', '#db2777'];
const CATEGORY_COLORS: Record<string, string> = {
  empathy: '#db2777',
  ownership: '#d97706',
  resolution: '#2563eb',
  responsiveness: '#0891b2',
  tone: '#7c3aed',
  compliance: '#dc2626',
  escalation: '#059669',
  customer: '#a16207',
};

const GOAL_COLOR = '#059669';

/** A goal line from `scoring.targets`, drawn dashed in green with its value. */
function goalLine(axis: 'xAxis' | 'yAxis', value: number, label: string) {
  return {
    lineStyle: { color: GOAL_COLOR, type: 'dashed' as const, width: 1.5 },
    label: { formatter: label, color: GOAL_COLOR, fontSize: FONT_SIZE, position: axis === 'xAxis' ? ('end' as const) : ('insideEndTop' as const) },
    [axis]: value,
  };
}

export type ChartId = 'trend' | 'ranking' | 'score-distribution' | 'rules' | 'categories' | 'first-response';

export interface ReportChart {
  id: ChartId;
  /** The caption the HTML shows above the chart. */
  title: string;
  /** What a reader needs to know to read it right: what was left out, what the line marks. */
  note?: string;
  svg: string;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One chart as an SVG string. ECharts names the SVG's clip paths after a process-wide counter
 * (zr12-c0); several charts share one HTML document, so each one's names are rewritten after the
 * chart, which keeps them unique and the output the same from run to run. The hover styles and
 * the classes they hang on (numbered by another process-wide counter) are dropped: nothing in a
 * static report can be hovered to effect.
 */
/** Names ECharts keeps in plain objects would reach Object.prototype; a zero-width space keeps them apart. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The option with every string from the data that is a prototype key (an agent named __proto__) set apart. */
function withoutPrototypeNames(value: unknown): unknown {
  if (typeof value === 'string') return PROTOTYPE_NAMES.has(value) ? `${value}\u200b` : value;
  if (Array.isArray(value)) return value.map(withoutPrototypeNames);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutPrototypeNames(inner)]));
  }
  return value;
}

export function renderChartSvg(id: string, title: string, option: EChartsOption, height: number, width = CHART_WIDTH): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: INK },
      ...(withoutPrototypeNames(option) as EChartsOption),
    });
    // Text from the data is escaped inside the SVG, so a `<` always opens a tag and the renaming
    // never touches a label.
    const svg = chart
      .renderToSVGString()
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]*>/g, (tag) => tag.replace(/ class="zr\d+-cls-\d+"/g, '').replace(/\bzr\d+-/g, `chart-${id}-`));
    // Control characters and bidi overrides from the data (an agent named with ESC or U+202E) are
    // written as visible escapes, as everywhere else in the report.
    return visibleKeepingLineBreaks(svg).replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(title)}" class="chart-svg" `);
  } finally {
    chart.dispose();
  }
}

const axisLabel = { color: MUTED, fontSize: FONT_SIZE };
/** A white halo keeps a value label readable where a line or a marker crosses it. */
const halo = { textBorderColor: '#ffffff', textBorderWidth: 3 };
const splitLine = { lineStyle: { color: GRID_LINE } };
const barHeight = (bars: number, perBar: number) => 56 + Math.max(bars, 1) * perBar;

/** A y axis from a round number just below the lowest IQS up to 100, so a 3-point drop is visible. */
function scoreAxisMinimum(values: Array<number | null>): number {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return 0;
  return Math.max(0, Math.floor((smallest(present)! - 5) / 10) * 10);
}

/** IQS per period: the overall line with its values, the groups' lines when they are few, and the volume behind. */
export function trendChart(data: ReportData): ReportChart | null {
  const periods = data.periods.map((period) => period.key);
  if (periods.length === 0) return null;
  const onPeriods = (trend: GroupReport['trend']) => {
    const byPeriod = new Map(trend.map((point) => [point.period, point]));
    return periods.map((period) => byPeriod.get(period));
  };
  const overall = onPeriods(data.overall.trend);
  const groups = data.groups.length <= TREND_GROUP_LINE_LIMIT ? data.groups : [];
  const groupSeries = groups.map((group) => ({ name: group.key, points: onPeriods(group.trend).map((point) => point?.iqs ?? null) }));
  const overallIqs = overall.map((point) => point?.iqs ?? null);
  const goal = data.scoring.targets?.iqs;
  const minimum = scoreAxisMinimum([...overallIqs, ...groupSeries.flatMap((series) => series.points), goal ?? null]);
  const noun = GROUP_NOUNS[data.options.by];
  const title = 'IQS 趋势';
  const option: EChartsOption = {
    color: PALETTE,
    legend: { top: 0, left: 'center', itemGap: 16, textStyle: { fontSize: FONT_SIZE } },
    grid: { left: 16, right: 16, top: 44, bottom: 8 },
    xAxis: { type: 'category', data: periods, axisLabel, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: 'IQS', min: minimum, max: 100, axisLabel, splitLine, nameTextStyle: { color: MUTED } },
      { type: 'value', name: '会话数', axisLabel, splitLine: { show: false }, nameTextStyle: { color: MUTED } },
    ],
    series: [
      {
        type: 'bar',
        name: '会话数',
        yAxisIndex: 1,
        data: overall.map((point) => point?.conversations ?? 0),
        itemStyle: { color: '#e5e7eb' },
        barMaxWidth: 36,
        z: 1,
      },
      ...groupSeries.map((series) => ({
        type: 'line' as const,
        name: series.name,
        data: series.points,
        connectNulls: false,
        symbolSize: 6,
        lineStyle: { width: 1.5 },
        z: 2,
      })),
      {
        type: 'line',
        name: '全部',
        data: overallIqs,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { width: 3, color: INK },
        itemStyle: { color: INK },
        label: { show: true, position: 'top', fontSize: FONT_SIZE, fontWeight: 'bold', color: INK, ...halo, formatter: (point) => formatScore(point.value as number | null) },
        ...(goal !== undefined ? { markLine: { silent: true, symbol: 'none', data: [goalLine('yAxis', goal, `目标 ${formatScore(goal)}`)] } } : {}),
        z: 3,
      },
    ],
  };
  const note =
    data.groups.length > TREND_GROUP_LINE_LIMIT
      ? `${noun}有 ${data.groups.length} 个，图中只画全部会话的一条线；各${noun}的数字见下表。灰柱为会话数（右轴）。`
      : '粗线为全部会话，带数值；灰柱为会话数（右轴）。';
  return { id: 'trend', title, note, svg: renderChartSvg('trend', title, option, 340) };
}

/** IQS of each group as horizontal bars, lowest at the top, with the overall IQS as a line. */
export function rankingChart(data: ReportData): ReportChart | null {
  const scored = data.groups.filter((group) => group.metrics.iqs !== null);
  if (scored.length === 0) return null;
  const shown = [...scored].sort((a, b) => (a.metrics.iqs as number) - (b.metrics.iqs as number)).slice(0, CHART_GROUP_LIMIT);
  const noun = GROUP_NOUNS[data.options.by];
  const title = `各${noun} IQS（从低到高）`;
  const overallIqs = data.overall.metrics.iqs;
  const goal = data.scoring.targets?.iqs;
  // Scores between 90 and 100 on an axis from 0 would all look the same length.
  const minimum = scoreAxisMinimum([...shown.map((group) => group.metrics.iqs), overallIqs, goal ?? null]);
  const option: EChartsOption = {
    // The right margin holds the value labels beside the longest bars ("91.3（27 会话）").
    grid: { left: 16, right: 112, top: 30, bottom: 8 },
    xAxis: { type: 'value', min: minimum, max: 100, axisLabel, splitLine },
    yAxis: { type: 'category', inverse: true, data: shown.map((group) => group.key), axisLabel: { ...axisLabel, color: INK, width: 140, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: 'IQS',
        data: shown.map((group) => group.metrics.iqs),
        barMaxWidth: 22,
        itemStyle: { color: '#2563eb' },
        label: {
          show: true,
          position: 'right',
          fontSize: FONT_SIZE,
          color: INK,
          ...halo,
          formatter: (bar) => `${formatScore(bar.value as number)}（${shown[bar.dataIndex]!.metrics.conversations} 会话）`,
        },
        markLine:
          overallIqs === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#dc2626', type: 'dashed', width: 1.5 },
                label: { formatter: `全部 ${formatScore(overallIqs)}`, color: '#dc2626', fontSize: FONT_SIZE, position: 'start' },
                data: [{ xAxis: overallIqs }, ...(goal !== undefined ? [goalLine('xAxis', goal, `目标 ${formatScore(goal)}`)] : [])],
              },
      },
    ],
  };
  const notes = ['红色虚线为全部会话的 IQS。'];
  if (goal !== undefined) notes.push(`绿色虚线为目标 ${formatScore(goal)}。`);
  if (minimum > 0) notes.push(`横轴从 ${minimum} 起。`);
  if (scored.length > shown.length) notes.push(`只画出 IQS 最低的 ${shown.length} 个${noun}（共 ${scored.length} 个）。`);
  if (scored.length < data.groups.length) notes.push(`${data.groups.length - scored.length} 个${noun}本期没有可评分的会话，未画出。`);
  return { id: 'ranking', title, note: notes.join(''), svg: renderChartSvg('ranking', title, option, barHeight(shown.length, 34) + 40) };
}

/** Points lost by rule in the current period, most at the top, coloured by category. */
export function ruleLossChart(data: ReportData): ReportChart | null {
  const rules = data.overall.metrics.topRules.filter((rule) => rule.pointsLost > 0);
  if (rules.length === 0) return null;
  const title = '扣分最多的规则';
  const option: EChartsOption = {
    grid: { left: 16, right: 96, top: 16, bottom: 8 },
    xAxis: { type: 'value', name: '扣分', axisLabel, splitLine, nameTextStyle: { color: MUTED } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rules.map((rule) => `${rule.title}（${categoryLabel(rule.category)}）`),
      axisLabel: { ...axisLabel, color: INK, width: 180, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: '扣分',
        barMaxWidth: 22,
        data: rules.map((rule) => ({ value: rule.pointsLost, itemStyle: { color: CATEGORY_COLORS[rule.category] ?? '#6b7280' } })),
        label: {
          show: true,
          position: 'right',
          fontSize: FONT_SIZE,
          color: INK,
          formatter: (bar) => `${formatPoints(bar.value as number)} 分 · ${rules[bar.dataIndex]!.findings} 次`,
        },
      },
    ],
  };
  return { id: 'rules', title, note: '颜色表示规则所属类别。', svg: renderChartSvg('rules', title, option, barHeight(rules.length, 34) + 24) };
}

/** The mean score of each scorecard category, this period against the previous one. */
export function categoryChart(data: ReportData): ReportChart | null {
  const current = data.overall.metrics.categories;
  const previous = data.overall.previous?.categories;
  const shown = SCORE_CATEGORIES.filter((category) => current[category] != null || previous?.[category] != null);
  if (shown.length === 0) return null;
  const title = '分项得分';
  const barLabel = { show: true, position: 'top' as const, fontSize: 12, formatter: (bar: { value: unknown }) => formatScore(bar.value as number | null) };
  // Seven categories leave each pair of bars about 90px; the gap keeps "100.0" over one bar from
  // running into the label over its neighbour.
  const bars = { barMaxWidth: 30, barGap: '40%' };
  const option: EChartsOption = {
    legend: { top: 0, left: 'center', textStyle: { fontSize: FONT_SIZE } },
    grid: { left: 16, right: 16, top: 44, bottom: 8 },
    xAxis: { type: 'category', data: shown.map((category) => CATEGORY_LABELS[category]), axisLabel: { ...axisLabel, color: INK } },
    yAxis: { type: 'value', min: scoreAxisMinimum(shown.flatMap((category) => [current[category] ?? null, previous?.[category] ?? null])), max: 100, axisLabel, splitLine },
    series: [
      ...(previous
        ? [{ type: 'bar' as const, name: `上期 ${data.previous?.key ?? ''}`.trim(), data: shown.map((category) => previous[category] ?? null), itemStyle: { color: '#cbd5e1' }, ...bars, label: { ...barLabel, fontSize: 11, color: MUTED } }]
        : []),
      { type: 'bar', name: `本期 ${data.current?.key ?? ''}`.trim(), data: shown.map((category) => current[category] ?? null), itemStyle: { color: '#2563eb' }, ...bars, label: { ...barLabel, color: INK } },
    ],
  };
  return { id: 'categories', title, note: '每个类别只在适用的会话上取平均；没有柱的类别本期不适用。', svg: renderChartSvg('categories', title, option, 320) };
}

/** Tick steps people count time in: 30 seconds, a minute, five minutes, an hour … */
const DURATION_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/** The smallest friendly step that spans `longest` seconds in at most six ticks. */
export function durationStep(longest: number): number {
  return DURATION_STEPS.find((step) => longest / step <= 6) ?? Math.ceil(longest / 6 / 86_400) * 86_400;
}

/** First-response median and p90 of each group, slowest p90 at the top. */
export function firstResponseChart(data: ReportData): ReportChart | null {
  const timed = data.groups.filter((group) => group.metrics.firstResponse.medianSeconds !== null);
  if (timed.length === 0) return null;
  const slowestFirst = (group: GroupReport) => group.metrics.firstResponse.p90Seconds ?? group.metrics.firstResponse.medianSeconds ?? 0;
  const shown = [...timed].sort((a, b) => slowestFirst(b) - slowestFirst(a)).slice(0, FIRST_RESPONSE_GROUP_LIMIT);
  const noun = GROUP_NOUNS[data.options.by];
  const title = `各${noun}首次响应时间（越短越好）`;
  const durationLabel = { show: true, position: 'right' as const, fontSize: 12, color: INK, formatter: (bar: { value: unknown }) => formatSeconds(bar.value as number | null) };
  const goal = data.scoring.targets?.firstResponseSeconds;
  const longest = Math.max(...shown.flatMap((group) => [group.metrics.firstResponse.medianSeconds ?? 0, group.metrics.firstResponse.p90Seconds ?? 0]), goal ?? 0);
  const step = durationStep(longest);
  const option: EChartsOption = {
    legend: { top: 0, left: 'center', textStyle: { fontSize: FONT_SIZE } },
    grid: { left: 16, right: 72, top: 40, bottom: 8 },
    xAxis: { type: 'value', min: 0, max: Math.max(step, Math.ceil(longest / step) * step), interval: step, axisLabel: { ...axisLabel, formatter: (seconds: number) => formatSeconds(seconds) }, splitLine },
    yAxis: { type: 'category', inverse: true, data: shown.map((group) => group.key), axisLabel: { ...axisLabel, color: INK, width: 140, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: '中位数',
        data: shown.map((group) => group.metrics.firstResponse.medianSeconds),
        itemStyle: { color: '#0891b2' },
        barMaxWidth: 14,
        label: durationLabel,
        ...(goal !== undefined ? { markLine: { silent: true, symbol: 'none', data: [goalLine('xAxis', goal, `目标 ${formatSeconds(goal)}`)] } } : {}),
      },
      { type: 'bar', name: 'P90', data: shown.map((group) => group.metrics.firstResponse.p90Seconds), itemStyle: { color: '#f59e0b' }, barMaxWidth: 14, label: durationLabel },
    ],
  };
  const notes = ['从客户的第一条消息到第一条人工回复。'];
  if (goal !== undefined) notes.push(`绿色虚线为中位数目标 ${formatSeconds(goal)}。`);
  if (data.options.businessHours) notes.push('只计工作时间。');
  if (timed.length > shown.length) notes.push(`只画出 P90 最慢的 ${shown.length} 个${noun}（共 ${timed.length} 个）。`);
  if (timed.length < data.groups.length) notes.push(`${data.groups.length - timed.length} 个${noun}没有可计时的首次响应，未画出。`);
  return { id: 'first-response', title, note: notes.join(''), svg: renderChartSvg('first-response', title, option, barHeight(shown.length, 44) + 40) };
}

const SCORE_BANDS: Array<{ label: string; below: number }> = [
  { label: '<60', below: 60 },
  { label: '60–70', below: 70 },
  { label: '70–80', below: 80 },
  { label: '80–90', below: 90 },
  { label: '≥90', below: Number.POSITIVE_INFINITY },
];

/** With --by conversation: how many conversations of the current period scored in each band. */
export function scoreDistributionChart(data: ReportData): ReportChart | null {
  const currentKey = data.current?.key;
  const conversations = (data.conversations ?? []).filter((conversation) => currentKey === undefined || conversation.period === currentKey);
  if (conversations.length === 0) return null;
  const counts = SCORE_BANDS.map(() => 0);
  let unscored = 0;
  for (const { score } of conversations) {
    if (score === null) unscored++;
    else counts[SCORE_BANDS.findIndex((band) => score < band.below)]!++;
  }
  const labels = SCORE_BANDS.map((band) => band.label);
  const values: Array<{ value: number; itemStyle?: { color: string } }> = counts.map((count) => ({ value: count }));
  if (unscored > 0) {
    labels.push('不适用');
    values.push({ value: unscored, itemStyle: { color: '#cbd5e1' } });
  }
  const title = '会话得分分布';
  const option: EChartsOption = {
    grid: { left: 16, right: 16, top: 30, bottom: 8 },
    xAxis: { type: 'category', data: labels, axisLabel: { ...axisLabel, color: INK } },
    yAxis: { type: 'value', name: '会话数', minInterval: 1, axisLabel, splitLine, nameTextStyle: { color: MUTED } },
    series: [{ type: 'bar', name: '会话数', data: values, itemStyle: { color: '#2563eb' }, barMaxWidth: 56, label: { show: true, position: 'top', fontSize: FONT_SIZE, color: INK } }],
  };
  const note = `${data.current ? `${data.current.key} 共` : '共'} ${conversations.length} 个会话；区间含下限、不含上限。${unscored > 0 ? '“不适用”为没有任何适用类别的会话。' : ''}`;
  return { id: 'score-distribution', title, note, svg: renderChartSvg('score-distribution', title, option, 300) };
}

/** Every chart the data can support, in the order the report shows them. */
export function reportCharts(data: ReportData): ReportChart[] {
  return [trendChart(data), rankingChart(data), scoreDistributionChart(data), ruleLossChart(data), categoryChart(data), firstResponseChart(data)].filter(
    (chart): chart is ReportChart => chart !== null,
  );
}
