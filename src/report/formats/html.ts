import { SCORE_CATEGORIES } from '../scoring-config.js';
import { CHART_FONT_FAMILY, reportCharts } from '../charts.js';
import type { ConversationScore, GroupReport, Metrics, MetricsChange, ReportData, ReportQuote, RuleLoss, Topic } from '../model.js';
import {
  CATEGORY_LABELS,
  betterHint,
  CHANGE_MEANINGS,
  categoryLabel,
  conversationsLabel,
  conversationsLowestFirst,
  formatCount,
  formatEpoch,
  formatIsoTime,
  formatPoints,
  formatSatisfaction,
  formatScore,
  formatSeconds,
  formatShare,
  GROUP_NOUNS,
  NO_VALUE,
  periodLabel,
  rangeLabel,
  shorten,
} from './figures.js';
import { coachingSection, reviewSection, targetsSection } from './html-coaching.js';
import { changeHtml, escapeHtml, metricChange, valueCell } from './html-parts.js';

export { escapeHtml } from './html-parts.js';

/**
 * The IQS report as one self-contained HTML file: styles and charts inline, no scripts, nothing
 * fetched, so it can be mailed, archived and opened offline, and it prints as it shows.
 */

/** A browser stays responsive with a few hundred rows; the CSV and JSON reports list every conversation. */
export const HTML_CONVERSATION_LIMIT = 500;
/** Quotes are cut at this many characters; the JSON report keeps them whole. */
const QUOTE_LIMIT = 400;
/** Input files named in the header; past this they are counted. */
const FILES_NAMED = 8;

const h = escapeHtml;

interface HeadlineFigure {
  label: string;
  value: string;
  key: keyof MetricsChange;
  previous?: string;
  detail?: string;
}

function headlineFigures(metrics: Metrics, previous: Metrics | undefined): HeadlineFigure[] {
  const slaWindow = formatSeconds(metrics.sla.seconds);
  return [
    { label: 'IQS', value: formatScore(metrics.iqs), key: 'iqs', previous: previous && formatScore(previous.iqs), detail: `可评分 ${metrics.scored} / ${metrics.conversations}` },
    { label: '会话数', value: formatCount(metrics.conversations), key: 'conversations', previous: previous && formatCount(previous.conversations) },
    { label: '一票否决', value: formatCount(metrics.fatal), key: 'fatal', previous: previous && formatCount(previous.fatal) },
    { label: '扣分', value: formatPoints(metrics.pointsLost), key: 'pointsLost', previous: previous && formatPoints(previous.pointsLost), detail: `${metrics.findings} 个问题` },
    { label: '首响中位数', value: formatSeconds(metrics.firstResponse.medianSeconds), key: 'firstResponseMedianSeconds', previous: previous && formatSeconds(previous.firstResponse.medianSeconds), detail: `${metrics.firstResponse.count} 个会话计时` },
    { label: '首响 P90', value: formatSeconds(metrics.firstResponse.p90Seconds), key: 'firstResponseP90Seconds', previous: previous && formatSeconds(previous.firstResponse.p90Seconds) },
    { label: '平均响应', value: formatSeconds(metrics.responseTime.averageSeconds), key: 'averageResponseSeconds', previous: previous && formatSeconds(previous.responseTime.averageSeconds), detail: `${metrics.responseTime.count} 次回复` },
    { label: `SLA 达成率（${slaWindow}内）`, value: formatShare(metrics.sla.share), key: 'slaShare', previous: previous && formatShare(previous.sla.share), detail: `${metrics.sla.withinSla} / ${metrics.sla.bursts} 次` },
    { label: '未回复会话', value: formatCount(metrics.unanswered), key: 'unanswered', previous: previous && formatCount(previous.unanswered) },
    {
      label: '转人工被忽略',
      value: formatCount(metrics.humanRequests.ignored),
      key: 'humanRequestsIgnored',
      previous: previous && formatCount(previous.humanRequests.ignored),
      detail: `提出 ${metrics.humanRequests.asked} · 接入 ${metrics.humanRequests.answered}`,
    },
    { label: '满意率', value: formatShare(metrics.csat.share), key: 'csatShare', previous: previous && formatShare(previous.csat.share), detail: metrics.csat.rated ? `${metrics.csat.satisfied} / ${metrics.csat.rated} 条评价` : '没有评价' },
    {
      label: '预测满意度（1–5）',
      value: formatSatisfaction(metrics.customer.predictedSatisfaction),
      key: 'predictedSatisfaction',
      previous: previous && formatSatisfaction(previous.customer.predictedSatisfaction),
      detail: `未解决 ${metrics.customer.outcomes.unresolved} · 已解决 ${metrics.customer.outcomes.resolved}`,
    },
  ];
}

function headlineSection(data: ReportData): string {
  const { metrics, previous, change } = data.overall;
  const cards = headlineFigures(metrics, previous)
    .map((figure) => {
      const hint = figure.key === 'conversations' ? '会话量，无好坏之分' : betterHint(CHANGE_MEANINGS[figure.key]);
      const delta = change ? `<div class="card-change">${metricChange(change, figure.key)}${figure.previous !== undefined ? `<span class="was">上期 ${h(figure.previous)}</span>` : ''}</div>` : '';
      return `<div class="card${figure.key === 'iqs' ? ' card-main' : ''}">
<div class="card-label">${h(figure.label)}</div>
<div class="card-value">${h(figure.value)}</div>
${delta}${figure.detail ? `<div class="card-detail">${h(figure.detail)}</div>` : ''}${hint ? `<div class="card-hint">${h(hint)}</div>` : ''}
</div>`;
    })
    .join('\n');
  const legend = data.previous
    ? `<p class="legend">▲▼ 为本期与上期 ${h(periodLabel(data.previous))}之差。<span class="delta better">绿色</span>表示变好，<span class="delta worse">红色</span>表示变差，灰色表示无所谓好坏（如会话量）。IQS、SLA 达成率、满意率越高越好；首响、平均响应等时间越短越好；一票否决、未回复、转人工被忽略越少越好。</p>`
    : '<p class="legend">没有上一周期的数据，无法比较变化。</p>';
  const empty = metrics.conversations === 0 ? '<p class="empty">本期没有会话。</p>' : '';
  return `<section id="headline">
<h2>本期概览 <small>${h(periodLabel(data.current))}</small></h2>
${legend}
${empty}<div class="cards">
${cards}
</div>
</section>`;
}

function headerSection(data: ReportData): string {
  const { options, inputs } = data;
  const files = inputs.files.slice(0, FILES_NAMED).map((file) => `<code>${h(file)}</code>`).join('、');
  const moreFiles = inputs.files.length > FILES_NAMED ? ` 等 ${inputs.files.length} 个` : '';
  const { read, used, skipped } = inputs.records;
  const facts: Array<[string, string]> = [
    ['统计周期', h(periodLabel(data.current))],
    ['对比周期', data.previous ? h(periodLabel(data.previous)) : '无（没有上一周期的数据）'],
    ['日期范围', h(rangeLabel(options))],
    ['时区', h(options.timezone)],
    ['分组', `按${h(GROUP_NOUNS[options.by])}`],
    ['计时', options.businessHours ? '只计工作时间' : '按自然时间'],
    ['引用', options.redacted ? '已脱敏（会话号、客户昵称、客服与渠道为化名；手机号、证件号、卡号、邮箱、微信/QQ 号、姓名已遮盖）' : '<strong>未脱敏</strong>：引用为客户与客服原话，请勿外传'],
    ['生成时间', `${h(formatIsoTime(data.generatedAt, options.timezone))}（${h(options.timezone)}）`],
    [
      '输入',
      `文件 ${inputs.files.length} 个${files ? `：${files}${moreFiles}` : ''}<br>${conversationsLabel(inputs)}· 记录 读取 ${read} = 使用 ${used} + 跳过 ${skipped}`,
    ],
    ...(inputs.waived > 0 ? [['已豁免', `${inputs.waived} 个问题（申诉通过，不计入 IQS）`] as [string, string]] : []),
  ];
  return `<header class="report-head">
<h1>客服质检报告 <span class="subtitle">IQS · ${h(data.current?.key ?? NO_VALUE)}</span></h1>
<dl class="facts">
${facts.map(([term, description]) => `<div><dt>${term}</dt><dd>${description}</dd></div>`).join('\n')}
</dl>
</header>`;
}

function chartsSection(data: ReportData): string {
  const charts = reportCharts(data);
  if (charts.length === 0) return '';
  const figures = charts
    .map(
      (chart) => `<figure class="chart" id="chart-${chart.id}">
<figcaption><strong>${h(chart.title)}</strong>${chart.note ? `<span class="note">${h(chart.note)}</span>` : ''}</figcaption>
${chart.svg}
</figure>`,
    )
    .join('\n');
  return `<section id="charts">
<h2>图表</h2>
<div class="chart-grid">
${figures}
</div>
</section>`;
}


function groupRow(group: GroupReport, showTeam: boolean, overall = false): string {
  const { metrics, change } = group;
  const human = metrics.humanRequests;
  const name = overall ? '全部' : group.key;
  const newcomer = !overall && !group.previous ? '<span class="tag">上期无数据</span>' : '';
  const cells = [
    `<th scope="row">${h(name)}${newcomer}</th>`,
    showTeam ? `<td class="team">${h(group.team ?? '')}</td>` : '',
    valueCell(formatScore(metrics.iqs), metricChange(change, 'iqs')),
    valueCell(formatCount(metrics.conversations), metricChange(change, 'conversations')),
    valueCell(formatCount(metrics.fatal), metricChange(change, 'fatal')),
    valueCell(formatSeconds(metrics.firstResponse.medianSeconds), metricChange(change, 'firstResponseMedianSeconds')),
    valueCell(formatSeconds(metrics.firstResponse.p90Seconds), metricChange(change, 'firstResponseP90Seconds')),
    valueCell(formatSeconds(metrics.responseTime.averageSeconds), metricChange(change, 'averageResponseSeconds')),
    valueCell(formatShare(metrics.sla.share), metricChange(change, 'slaShare')),
    valueCell(formatCount(metrics.unanswered), metricChange(change, 'unanswered')),
    valueCell(`${human.asked} / ${human.answered} / ${human.ignored}`, metricChange(change, 'humanRequestsIgnored')),
    valueCell(formatShare(metrics.csat.share), metricChange(change, 'csatShare')),
  ];
  return `<tr${overall ? ' class="overall"' : ''}>${cells.join('')}</tr>`;
}

function groupsSection(data: ReportData): string {
  if (data.options.by === 'conversation') return '';
  const noun = GROUP_NOUNS[data.options.by];
  if (data.groups.length === 0) return `<section id="groups"><h2>各${h(noun)}</h2><p class="empty">本期没有${h(noun)}的数据。</p></section>`;
  const showTeam = data.groups.some((group) => group.team);
  const sla = formatSeconds(data.scoring.slaSeconds);
  const head = [
    `<th scope="col">${h(noun)}</th>`,
    showTeam ? '<th scope="col">小组</th>' : '',
    '<th scope="col" class="num">IQS</th>',
    '<th scope="col" class="num">会话</th>',
    '<th scope="col" class="num">一票否决</th>',
    '<th scope="col" class="num">首响中位数</th>',
    '<th scope="col" class="num">首响 P90</th>',
    '<th scope="col" class="num">平均响应</th>',
    `<th scope="col" class="num">SLA 达成率<br><small>${h(sla)}内</small></th>`,
    '<th scope="col" class="num">未回复</th>',
    '<th scope="col" class="num">转人工<br><small>提出 / 接入 / 忽略</small></th>',
    '<th scope="col" class="num">满意率</th>',
  ].join('');
  const rows = [groupRow(data.overall, showTeam, true), ...data.groups.map((group) => groupRow(group, showTeam))].join('\n');
  return `<section id="groups">
<h2>各${h(noun)}指标 <small>IQS 从低到高</small></h2>
<p class="note">每格下方为与上期之差；转人工一栏的变化指“被忽略”的次数。</p>
<div class="table-wrap"><table class="metrics">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
}

function categoriesSection(data: ReportData): string {
  const rows = [data.overall, ...data.groups];
  const shown = SCORE_CATEGORIES.filter((category) => rows.some((row) => row.metrics.categories[category] !== null));
  if (shown.length === 0) return '';
  const noun = data.options.by === 'conversation' ? '' : GROUP_NOUNS[data.options.by];
  const weights = data.scoring.categories;
  const head = shown.map((category) => `<th scope="col" class="num">${h(CATEGORY_LABELS[category])}<br><small>权重 ${h(String(weights[category] ?? 0))}</small></th>`).join('');
  const body = rows
    .map((row, index) => {
      const cells = shown.map((category) => valueCell(formatScore(row.metrics.categories[category]))).join('');
      return `<tr${index === 0 ? ' class="overall"' : ''}><th scope="row">${h(index === 0 ? '全部' : row.key)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<section id="categories">
<h2>分项得分</h2>
<p class="note">每项只在适用的会话上取平均，${h(NO_VALUE)} 表示本期不适用。</p>
<div class="table-wrap"><table class="metrics">
<thead><tr><th scope="col">${h(noun || '范围')}</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>
</section>`;
}

const SPEAKER_LABELS = { agent: '客服', bot: '机器人', customer: '客户' } as const;

function quoteHtml(quote: ReportQuote, timezone: string): string {
  const meta = [quote.agent ? `客服 ${quote.agent}` : '', `会话 ${quote.conversationId}`, quote.time === undefined ? '' : formatEpoch(quote.time, timezone)].filter(Boolean);
  const trigger = quote.trigger ? `<p class="trigger"><span class="who">客户：</span>${h(shorten(quote.trigger, QUOTE_LIMIT))}</p>` : '';
  return `<li class="example">
${trigger}${quote.text === '' && quote.speaker === 'customer' ? '' : `<blockquote class="${quote.speaker ?? 'agent'}"><span class="who">${SPEAKER_LABELS[quote.speaker ?? 'agent']}：</span>${h(shorten(quote.text, QUOTE_LIMIT)) || '<em>（空消息）</em>'}</blockquote>`}
<p class="finding">${h(quote.message)}</p>
<p class="meta">${meta.map((part) => h(part)).join(' · ')}</p>
</li>`;
}

function ruleArticle(rule: RuleLoss, fatalRules: ReadonlySet<string>, timezone: string): string {
  const fatal = fatalRules.has(rule.ruleId) ? '<span class="tag fatal">一票否决</span>' : '';
  const examples = rule.examples.slice(0, 3).map((quote) => quoteHtml(quote, timezone)).join('\n');
  return `<article class="rule">
<h3>${h(rule.title)} <code>${h(rule.ruleId)}</code> <span class="tag">${h(categoryLabel(rule.category))}</span>${fatal}</h3>
<p class="rule-stats">扣 <strong>${h(formatPoints(rule.pointsLost))}</strong> 分 · ${rule.findings} 次 · ${rule.conversations} 个会话</p>
${examples ? `<ol class="examples">\n${examples}\n</ol>` : '<p class="note">没有可引用的原话。</p>'}
</article>`;
}

function rulesSection(data: ReportData): string {
  const rules = data.overall.metrics.topRules;
  const fatal = new Set(data.scoring.fatal);
  const body = rules.length === 0 ? '<p class="empty">本期没有扣分。</p>' : `<div class="rule-list">\n${rules.map((rule) => ruleArticle(rule, fatal, data.options.timezone)).join('\n')}\n</div>`;
  return `<section id="rules">
<h2>扣分最多的规则 <small>附原话示例</small></h2>
${body}
</section>`;
}

function topicRow(topic: Topic, hasPrevious: boolean): string {
  // A topic missing from the previous period had no conversations there; more talk of a topic is
  // neither good nor bad in itself, so the change is not coloured.
  const previous = hasPrevious ? (topic.previous ?? 0) : null;
  const change = previous === null ? null : topic.conversations - previous;
  const fresh = hasPrevious && topic.previous === undefined ? '<span class="tag">新出现</span>' : '';
  return `<tr><th scope="row">${h(topic.word)}${fresh}</th>${valueCell(String(topic.conversations))}${valueCell(formatCount(previous))}<td class="num">${changeHtml(change, { kind: 'count', better: 'neither' })}</td></tr>`;
}

function topicsSection(data: ReportData): string {
  if (data.topics.length === 0) return '';
  const hasPrevious = data.previous !== null;
  return `<section id="topics">
<h2>客户热点话题</h2>
<p class="note">从客户消息中提取的关键词，按提到它的会话数排序。</p>
<div class="table-wrap"><table class="metrics topics">
<thead><tr><th scope="col">关键词</th><th scope="col" class="num">会话数</th><th scope="col" class="num">上期</th><th scope="col" class="num">变化</th></tr></thead>
<tbody>
${data.topics.map((topic) => topicRow(topic, hasPrevious)).join('\n')}
</tbody>
</table></div>
</section>`;
}

function conversationRow(conversation: ConversationScore, timezone: string): string {
  const deductions = conversation.deductions
    .map(
      (deduction) =>
        `<li${deduction.fatal ? ' class="fatal"' : ''}><code>${h(deduction.ruleId)}</code> −${h(formatPoints(deduction.points))}${deduction.fatal ? ' <span class="tag fatal">一票否决</span>' : ''}：${h(deduction.message)}${
          deduction.excerpt ? `<br><q>${h(shorten(deduction.excerpt, 160))}</q>` : ''
        }</li>`,
    )
    .join('');
  const score = conversation.score === null ? '不适用' : formatScore(conversation.score);
  return `<tr${conversation.fatal ? ' class="fatal-row"' : ''}>
<th scope="row"><code>${h(conversation.conversationId)}</code><br><small>${h(conversation.file)}</small></th>
<td>${h(conversation.startedAt === undefined ? NO_VALUE : formatEpoch(conversation.startedAt, timezone))}<br><small>${h(conversation.period)}</small></td>
<td>${h(conversation.channel ?? NO_VALUE)}</td>
<td>${h(conversation.agents.join('、') || NO_VALUE)}</td>
<td class="num"><span class="value">${h(score)}</span>${conversation.fatal ? '<span class="tag fatal">一票否决</span>' : ''}</td>
<td class="num">${h(formatSeconds(conversation.firstResponseSeconds))}</td>
<td>${deductions ? `<ul class="deductions">${deductions}</ul>` : '<span class="muted">无扣分</span>'}</td>
</tr>`;
}

function conversationsSection(data: ReportData): string {
  if (data.options.by !== 'conversation') return '';
  const all = data.conversations ?? [];
  const shown = conversationsLowestFirst(all).slice(0, HTML_CONVERSATION_LIMIT);
  const cap =
    all.length > shown.length
      ? `<p class="note cap">共 ${all.length} 个会话，这里只列出得分最低的 ${shown.length} 个。完整列表请用 <code>--format csv</code> 或 <code>--format json</code>。</p>`
      : `<p class="note">共 ${all.length} 个会话，得分从低到高。</p>`;
  return `<section id="conversations">
<h2>各会话得分</h2>
${cap}
<div class="table-wrap"><table class="conversations">
<thead><tr><th scope="col">会话</th><th scope="col">开始时间</th><th scope="col">渠道</th><th scope="col">客服</th><th scope="col" class="num">得分</th><th scope="col" class="num">首响</th><th scope="col">扣分明细</th></tr></thead>
<tbody>
${shown.map((conversation) => conversationRow(conversation, data.options.timezone)).join('\n')}
</tbody>
</table></div>
</section>`;
}

function scoringSection(data: ReportData): string {
  const { scoring } = data;
  const weights = SCORE_CATEGORIES.map((category) => `${CATEGORY_LABELS[category]} ${scoring.categories[category] ?? 0}`).join(' · ');
  const perRule = Object.entries(scoring.rules).map(([rule, points]) => `<code>${h(rule)}</code> ${h(formatPoints(points))} 分`);
  return `<section id="scoring">
<h2>评分方式</h2>
<ul class="scoring">
<li>每个会话的每个适用类别评一个等级：有错误为不合格（0），只有警告为部分合格（${h(formatScore(scoring.partialCredit * 100))}），否则合格（100）；“客户结果”按预测满意度评分（1 分为 0，4 分及以上为 100）。</li>
<li>会话得分为各适用类别的加权平均，权重：${h(weights)}。不适用的类别不计入。</li>
<li>规则排行中的扣分：错误 ${h(formatPoints(scoring.points.error))} 分，警告 ${h(formatPoints(scoring.points.warn))} 分${perRule.length ? `；单独设定：${perRule.join('，')}` : ''}（只用于排序，不影响 IQS）。</li>
<li>一票否决（整个会话记 0 分）：${scoring.fatal.length ? scoring.fatal.map((rule) => `<code>${h(rule)}</code>`).join('、') : '无'}。</li>
<li>SLA：客户消息在 ${h(formatSeconds(scoring.slaSeconds))}内得到人工回复。IQS 为会话得分的平均值。</li>
</ul>
</section>`;
}

const STYLES = `
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --soft: #f3f4f6; --accent: #2563eb; --better: #047857; --worse: #b91c1c; --better-bg: #ecfdf5; --worse-bg: #fef2f2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.55 ${CHART_FONT_FAMILY}; }
main { max-width: 1480px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 12px; }
h1 .subtitle { font-size: 18px; font-weight: 400; color: var(--muted); margin-left: 8px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h2 small { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 8px; }
h3 { font-size: 16px; margin: 0 0 4px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; background: var(--soft); padding: 0 4px; border-radius: 3px; }
small, .muted { color: var(--muted); }
.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
.note.cap { color: var(--ink); background: #fffbeb; border-left: 3px solid #d97706; padding: 6px 10px; }
.empty { color: var(--muted); font-style: italic; }
.report-head { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 24px; margin: 0; font-size: 13px; }
.facts div { display: flex; gap: 8px; }
.facts dt { color: var(--muted); flex: 0 0 5em; }
.facts dd { margin: 0; }
.facts div:last-child { grid-column: 1 / -1; }
.legend { font-size: 13px; color: var(--muted); margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; }
@media (min-width: 1100px) { .cards { grid-template-columns: repeat(6, 1fr); } }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: #fff; break-inside: avoid; }
.card-main { border-color: var(--accent); border-width: 2px; }
.card-label { font-size: 13px; color: var(--muted); }
.card-value { font-size: 26px; font-weight: 700; line-height: 1.25; font-variant-numeric: tabular-nums; }
.card-main .card-value { color: var(--accent); }
.card-change { font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.card-change .was { color: var(--muted); }
.card-detail, .card-hint { font-size: 12px; color: var(--muted); }
.delta { display: inline-block; font-size: 12px; font-weight: 600; white-space: nowrap; border-radius: 3px; padding: 0 3px; color: var(--muted); }
.delta.better { color: var(--better); background: var(--better-bg); }
.delta.worse { color: var(--worse); background: var(--worse-bg); }
.delta.none { font-weight: 400; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 620px), 1fr)); gap: 16px; align-items: start; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
.chart figcaption { margin-bottom: 6px; }
.chart figcaption .note { display: block; margin: 2px 0 0; }
.chart-svg { display: block; width: 100%; max-width: 720px; height: auto; margin: 0 auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; border-bottom: 2px solid #d1d5db; white-space: nowrap; }
thead th small { font-weight: 400; }
tbody th, td.team { font-weight: 600; white-space: nowrap; }
td.team { font-weight: 400; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num .value { display: block; white-space: nowrap; }
td.num .delta { margin-top: 1px; }
tr.overall { background: #eff6ff; }
tr.overall th, tr.overall .value { font-weight: 700; }
.tag { display: inline-block; font-size: 11px; font-weight: 400; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; margin-left: 6px; vertical-align: 1px; white-space: nowrap; }
.tag.fatal { color: var(--worse); border-color: #fecaca; background: var(--worse-bg); }
.rule-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); gap: 12px; align-items: start; }
.rule { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 0; }
.rule h3 code { font-size: 12px; font-weight: 400; }
.rule-stats { margin: 0 0 8px; font-size: 13px; color: var(--muted); }
.rule-stats strong { color: var(--worse); font-size: 15px; }
.examples { margin: 0; padding-left: 20px; }
.coach-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 460px), 1fr)); gap: 12px; align-items: start; }
.coach { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; break-inside: avoid; }
.coach.below-goal { border-color: #fca5a5; }
.coach h3 { margin: 0 0 6px; font-size: 16px; }
.coach-figures { width: auto; border-collapse: collapse; margin: 0 0 6px; }
.coach-figures th { font-weight: normal; color: var(--muted); font-size: 12px; padding: 2px 4px 2px 0; border: 0; background: none; }
.coach-figures td { padding: 2px 12px 2px 0; border: 0; }
.coach .focus { margin: 4px 0; }
.coach-quotes { margin: 4px 0 0; padding-left: 20px; }
.coach-quotes li { margin: 0 0 6px; }
.coach-quotes blockquote { margin: 2px 0; padding: 4px 10px; border-left: 3px solid #f59e0b; background: #fffbeb; white-space: pre-wrap; overflow-wrap: anywhere; }
.coach-quotes .who, .coach-quotes .meta { color: var(--muted); font-size: 12px; }
.coach-quotes p { margin: 2px 0; }
.coach-quotes .finding { font-weight: 600; }
.targets li { margin: 2px 0; }
.review q { quotes: "“" "”"; }
.example { margin: 0 0 10px; break-inside: avoid; }
.example p { margin: 2px 0; }
.example blockquote { margin: 2px 0; padding: 4px 10px; border-left: 3px solid #f59e0b; background: #fffbeb; white-space: pre-wrap; overflow-wrap: anywhere; }
.example blockquote.customer { border-left-color: #9ca3af; background: #f3f4f6; }
.example .trigger { white-space: pre-wrap; overflow-wrap: anywhere; color: #374151; }
.example .who { color: var(--muted); font-size: 12px; }
.example .finding { font-weight: 600; }
.example .meta { font-size: 12px; color: var(--muted); }
.topics { max-width: 560px; }
.conversations td, .conversations th { font-size: 12.5px; }
.conversations q { color: #374151; overflow-wrap: anywhere; }
.deductions { margin: 0; padding-left: 16px; }
.deductions li.fatal { color: var(--worse); }
tr.fatal-row { background: var(--worse-bg); }
.scoring { font-size: 13px; padding-left: 20px; }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 12mm 10mm; }
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 18px; }
  h2, h3, .note, figcaption, .legend { break-after: avoid; page-break-after: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .card-value { font-size: 18pt; }
  .chart-grid, .rule-list { display: block; }
  .rule { margin-bottom: 8px; }
  .chart { margin-bottom: 10px; }
  .chart, .card, .rule, .example, tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 4px; }
  thead { display: table-header-group; }
  .delta { font-size: 7.5pt; }
}
`;

/** The whole report as one HTML document. */
export function renderHtml(data: ReportData): string {
  const title = `客服质检报告 · ${data.current?.key ?? NO_VALUE}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(`${data.tool.name} ${data.tool.version}`)}">
<title>${h(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${headerSection(data)}
${headlineSection(data)}
${chartsSection(data)}
${coachingSection(data)}
${targetsSection(data)}
${reviewSection(data)}
${groupsSection(data)}
${categoriesSection(data)}
${rulesSection(data)}
${topicsSection(data)}
${conversationsSection(data)}
${scoringSection(data)}
<footer>由 ${h(data.tool.name)} ${h(data.tool.version)} 生成 · 报告格式 v${h(String(data.version))}</footer>
</main>
</body>
</html>
`;
}
