import { SCORE_CATEGORIES } from '../scoring-config.js';
import { escapeMarkdownCell } from '../../formatters/markdown.js';
import type { ConversationScore, GroupReport, Metrics, MetricsChange, ReportData } from '../model.js';
import {
  CATEGORY_LABELS,
  betterHint,
  CHANGE_MEANINGS,
  categoryLabel,
  conversationsLabel,
  conversationsLowestFirst,
  changeLabel,
  describeChange,
  formatCount,
  formatEpoch,
  formatIsoTime,
  formatPoints,
  formatScore,
  focusDetail,
  formatGoal,
  formatSatisfaction,
  OUTCOME_LABELS,
  REVIEW_REASON_LABELS,
  TARGET_LABELS,
  formatSeconds,
  formatShare,
  GROUP_NOUNS,
  NO_VALUE,
  periodLabel,
  rangeLabel,
  shorten,
  type ChangeMeaning,
} from './figures.js';

/**
 * The IQS report as GitHub-flavoured Markdown, for a wiki page or an IM message: the same sections
 * as the HTML report, every one a table, with no charts.
 */

/** Rows of the per-conversation table; a longer table is no use pasted into a wiki or a chat. */
export const MARKDOWN_CONVERSATION_LIMIT = 500;
const QUOTE_LIMIT = 200;

const cell = (text: string) => escapeMarkdownCell(text);

/** Colour cannot travel in Markdown, so the tone rides on a marker in front of the arrow. */
const TONE_MARKERS = { better: '🟢', worse: '🔴', same: '', neutral: '', none: '' } as const;

function changeText(value: number | null | undefined, meaning: Pick<ChangeMeaning, 'kind' | 'better'>): string {
  const change = describeChange(value, meaning);
  return `${TONE_MARKERS[change.tone]}${changeLabel(change)}`;
}

/** A value and, when there is a previous period, its change after it: `72.4 🔴▼ 5.7`. */
function withChange(value: string, change: MetricsChange | undefined, key: keyof MetricsChange): string {
  if (!change || change[key] === null) return value;
  return `${value} ${changeText(change[key], CHANGE_MEANINGS[key])}`;
}

const table = (head: string[], align: Array<'l' | 'r'>, rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

function headerLines(data: ReportData): string[] {
  const { options, inputs } = data;
  const { read, used, skipped } = inputs.records;
  return [
    `# 客服质检报告（IQS）· ${cell(data.current?.key ?? NO_VALUE)}`,
    '',
    `- 统计周期：${cell(periodLabel(data.current))}；对比周期：${data.previous ? cell(periodLabel(data.previous)) : '无（没有上一周期的数据）'}`,
    `- 日期范围：${cell(rangeLabel(options))}；时区：${cell(options.timezone)}；分组：按${GROUP_NOUNS[options.by]}；计时：${options.businessHours ? '只计工作时间' : '按自然时间'}`,
    `- 引用：${options.redacted ? '已脱敏（会话号、客户昵称、客服与渠道为化名；个人号码、邮箱、微信/QQ 号、姓名已遮盖）' : '**未脱敏**，引用为客户与客服原话，请勿外传'}`,
    `- 生成时间：${cell(formatIsoTime(data.generatedAt, options.timezone))}（${cell(options.timezone)}）· ${cell(`${data.tool.name} ${data.tool.version}`)}`,
    `- 输入：文件 ${inputs.files.length} 个 · ${conversationsLabel(inputs)}· 记录 读取 ${read} = 使用 ${used} + 跳过 ${skipped}`,
    ...(inputs.waived > 0 ? [`- 已豁免的问题：${inputs.waived} 个（申诉通过，不计入 IQS）`] : []),
  ];
}

function headlineLines(data: ReportData): string[] {
  const { metrics, previous, change } = data.overall;
  const figures: Array<[keyof MetricsChange, (m: Metrics) => string]> = [
    ['iqs', (m) => formatScore(m.iqs)],
    ['conversations', (m) => formatCount(m.conversations)],
    ['fatal', (m) => formatCount(m.fatal)],
    ['pointsLost', (m) => formatPoints(m.pointsLost)],
    ['firstResponseMedianSeconds', (m) => formatSeconds(m.firstResponse.medianSeconds)],
    ['firstResponseP90Seconds', (m) => formatSeconds(m.firstResponse.p90Seconds)],
    ['averageResponseSeconds', (m) => formatSeconds(m.responseTime.averageSeconds)],
    ['slaShare', (m) => formatShare(m.sla.share)],
    ['unanswered', (m) => formatCount(m.unanswered)],
    ['humanRequestsIgnored', (m) => formatCount(m.humanRequests.ignored)],
    ['csatShare', (m) => formatShare(m.csat.share)],
  ];
  const label = (key: keyof MetricsChange) => (key === 'slaShare' ? `SLA 达成率（${formatSeconds(metrics.sla.seconds)}内）` : CHANGE_MEANINGS[key].label);
  const rows = figures.map(([key, value]) => [
    cell(label(key)),
    cell(value(metrics)),
    previous ? cell(value(previous)) : NO_VALUE,
    change ? cell(changeText(change[key], CHANGE_MEANINGS[key])) : NO_VALUE,
    betterHint(CHANGE_MEANINGS[key]),
  ]);
  const legend = data.previous
    ? `> ▲▼ 为本期与上期 ${cell(periodLabel(data.previous))}之差；🟢 表示变好，🔴 表示变差，无标记的变化无所谓好坏（如会话量）。时间类指标越短越好，一票否决、未回复、转人工被忽略越少越好。`
    : '> 没有上一周期的数据，无法比较变化。';
  return [`## 本期概览`, '', table(['指标', '本期', '上期', '变化', '方向'], ['l', 'r', 'r', 'l', 'l'], rows), '', legend];
}

function groupRow(group: GroupReport, showTeam: boolean, overall: boolean): string[] {
  const { metrics, change } = group;
  const human = metrics.humanRequests;
  const name = overall ? '**全部**' : `${cell(group.key)}${group.previous ? '' : '（上期无数据）'}`;
  return [
    name,
    ...(showTeam ? [cell(group.team ?? '')] : []),
    cell(withChange(formatScore(metrics.iqs), change, 'iqs')),
    cell(withChange(formatCount(metrics.conversations), change, 'conversations')),
    cell(withChange(formatCount(metrics.fatal), change, 'fatal')),
    cell(withChange(formatSeconds(metrics.firstResponse.medianSeconds), change, 'firstResponseMedianSeconds')),
    cell(withChange(formatSeconds(metrics.firstResponse.p90Seconds), change, 'firstResponseP90Seconds')),
    cell(withChange(formatSeconds(metrics.responseTime.averageSeconds), change, 'averageResponseSeconds')),
    cell(withChange(formatShare(metrics.sla.share), change, 'slaShare')),
    cell(withChange(formatCount(metrics.unanswered), change, 'unanswered')),
    cell(withChange(`${human.asked} / ${human.answered} / ${human.ignored}`, change, 'humanRequestsIgnored')),
    cell(withChange(formatShare(metrics.csat.share), change, 'csatShare')),
  ];
}

function groupLines(data: ReportData): string[] {
  if (data.options.by === 'conversation') return [];
  const noun = GROUP_NOUNS[data.options.by];
  if (data.groups.length === 0) return [`## 各${noun}指标`, '', `本期没有${noun}的数据。`];
  const showTeam = data.groups.some((group) => group.team);
  const head = [noun, ...(showTeam ? ['小组'] : []), 'IQS', '会话', '一票否决', '首响中位数', '首响 P90', '平均响应', 'SLA 达成率', '未回复', '转人工 提出/接入/忽略', '满意率'];
  const align: Array<'l' | 'r'> = head.map((_, index) => (index < (showTeam ? 2 : 1) ? 'l' : 'r'));
  const rows = [groupRow(data.overall, showTeam, true), ...data.groups.map((group) => groupRow(group, showTeam, false))];
  return [`## 各${noun}指标（IQS 从低到高）`, '', table(head, align, rows), '', '> 数值后为与上期之差；转人工一栏的变化指“被忽略”的次数。'];
}

function coachingLines(data: ReportData): string[] {
  if (data.options.by !== 'agent' && data.options.by !== 'team') return [];
  const noun = GROUP_NOUNS[data.options.by];
  const people = data.groups.filter((group) => group.metrics.conversations > 0);
  const rows = people.map((group) => {
    const { metrics, change } = group;
    const quote = metrics.topRules.flatMap((rule) => rule.examples)[0];
    return [
      cell(group.key),
      cell(withChange(formatScore(metrics.iqs), change, 'iqs')),
      cell(withChange(formatSatisfaction(metrics.customer.predictedSatisfaction), change, 'predictedSatisfaction')),
      cell(metrics.mostFailed ? `${categoryLabel(metrics.mostFailed)}（${focusDetail(group)}）` : NO_VALUE),
      cell(quote ? `${shorten(quote.text, QUOTE_LIMIT)} —— ${quote.message}（会话 ${quote.conversationId}）` : NO_VALUE),
    ];
  });
  const out = ['## 辅导建议（谁需要辅导、辅导什么）', ''];
  out.push(rows.length > 0 ? table([noun, 'IQS', '预测满意度', '重点辅导', '本人扣分最多的原话'], ['l', 'r', 'r', 'l', 'l'], rows) : `本期没有${noun}的会话。`);
  const bots = data.bots?.metrics;
  if (bots && bots.conversations > 0) {
    out.push('', `> 另有 ${bots.conversations} 个会话没有人工回复（机器人独自接待或无人接待），单独统计、不参与${noun}排名：IQS ${formatScore(bots.iqs)}，预测满意度 ${formatSatisfaction(bots.customer.predictedSatisfaction)}，未解决 ${bots.customer.outcomes.unresolved} 个。`);
  }
  return out;
}

function targetLines(data: ReportData): string[] {
  if (data.targets.length === 0) return [];
  return [
    '## 目标达成',
    '',
    ...data.targets.map((gap) => {
      const direction = gap.target === 'firstResponseSeconds' ? '高于' : '低于';
      const who = gap.short.length === 0 ? '全部达标' : `${direction}目标：${gap.short.map((s) => `${cell(s.key)}（${formatGoal(gap, s.value)}）`).join('、')}`;
      return `- **${TARGET_LABELS[gap.target]}** 目标 ${formatGoal(gap, gap.goal)}：${who}`;
    }),
  ];
}

function reviewLines(data: ReportData): string[] {
  if (data.review.length === 0) return [];
  const rows = data.review.map((item) => [
    cell(item.conversationId),
    cell(item.agents.join('、') || '（无人工）'),
    formatScore(item.score),
    formatSatisfaction(item.predictedSatisfaction),
    OUTCOME_LABELS[item.outcome],
    item.reasons.map((reason) => REVIEW_REASON_LABELS[reason]).join('、'),
    cell(item.worst ? `${shorten(item.worst.text, QUOTE_LIMIT)} —— ${item.worst.message}` : '无扣分'),
  ]);
  return ['## 建议复查的会话（最差的在前）', '', table(['会话', '客服', '得分', '预测满意度', '结果', '原因', '最严重的问题'], ['l', 'l', 'r', 'r', 'l', 'l', 'l'], rows)];
}

function categoryLines(data: ReportData): string[] {
  const rows = [data.overall, ...data.groups];
  const shown = SCORE_CATEGORIES.filter((category) => rows.some((row) => row.metrics.categories[category] !== null));
  if (shown.length === 0) return [];
  const noun = data.options.by === 'conversation' ? '范围' : GROUP_NOUNS[data.options.by];
  const head = [noun, ...shown.map((category) => `${CATEGORY_LABELS[category]}（权重 ${data.scoring.categories[category] ?? 0}）`)];
  const body = rows.map((row, index) => [index === 0 ? '**全部**' : cell(row.key), ...shown.map((category) => formatScore(row.metrics.categories[category]))]);
  return ['## 分项得分', '', table(head, head.map((_, index) => (index === 0 ? 'l' : 'r')), body), '', `> 每项只在适用的会话上取平均，${NO_VALUE} 表示本期不适用。`];
}

function ruleLines(data: ReportData): string[] {
  const rules = data.overall.metrics.topRules;
  if (rules.length === 0) return ['## 扣分最多的规则', '', '本期没有扣分。'];
  const fatal = new Set(data.scoring.fatal);
  const summary = rules.map((rule) => [
    `${cell(rule.title)}${fatal.has(rule.ruleId) ? '（一票否决）' : ''}`,
    cell(rule.ruleId),
    cell(categoryLabel(rule.category)),
    formatPoints(rule.pointsLost),
    String(rule.findings),
    String(rule.conversations),
  ]);
  const examples = rules.flatMap((rule) =>
    rule.examples.slice(0, 3).map((quote) => [
      cell(rule.title),
      cell(quote.speaker === 'customer' ? shorten(quote.text, QUOTE_LIMIT) : quote.trigger ? shorten(quote.trigger, QUOTE_LIMIT) : NO_VALUE),
      cell(quote.speaker === 'customer' ? NO_VALUE : `${quote.speaker === 'bot' ? '机器人：' : ''}${shorten(quote.text, QUOTE_LIMIT)}`),
      cell(quote.message),
      cell(quote.agent ?? NO_VALUE),
      cell([quote.conversationId, quote.time === undefined ? '' : formatEpoch(quote.time, data.options.timezone)].filter(Boolean).join(' · ')),
    ]),
  );
  const out = ['## 扣分最多的规则', '', table(['规则', 'ID', '类别', '扣分', '次数', '会话'], ['l', 'l', 'l', 'r', 'r', 'r'], summary)];
  if (examples.length > 0) out.push('', '### 原话示例', '', table(['规则', '客户原话', '客服原话', '说明', '客服', '会话'], ['l', 'l', 'l', 'l', 'l', 'l'], examples));
  return out;
}

function topicLines(data: ReportData): string[] {
  if (data.topics.length === 0) return [];
  const hasPrevious = data.previous !== null;
  const rows = data.topics.map((topic) => {
    const previous = hasPrevious ? (topic.previous ?? 0) : null;
    const change = previous === null ? null : topic.conversations - previous;
    return [`${cell(topic.word)}${hasPrevious && topic.previous === undefined ? '（新出现）' : ''}`, String(topic.conversations), formatCount(previous), changeText(change, { kind: 'count', better: 'neither' })];
  });
  return ['## 客户热点话题', '', table(['关键词', '会话数', '上期', '变化'], ['l', 'r', 'r', 'l'], rows)];
}

function conversationRow(conversation: ConversationScore, timezone: string): string[] {
  const deductions = conversation.deductions.map((deduction) => `${deduction.ruleId} −${formatPoints(deduction.points)}${deduction.fatal ? '（一票否决）' : ''}：${deduction.message}`).join('\n');
  return [
    cell(conversation.conversationId),
    cell(conversation.startedAt === undefined ? NO_VALUE : formatEpoch(conversation.startedAt, timezone)),
    cell(conversation.channel ?? NO_VALUE),
    cell(conversation.agents.join('、') || NO_VALUE),
    `${conversation.score === null ? '不适用' : formatScore(conversation.score)}${conversation.fatal ? '（一票否决）' : ''}`,
    cell(formatSeconds(conversation.firstResponseSeconds)),
    cell(deductions || '无扣分'),
  ];
}

function conversationLines(data: ReportData): string[] {
  if (data.options.by !== 'conversation') return [];
  const all = data.conversations ?? [];
  const shown = conversationsLowestFirst(all).slice(0, MARKDOWN_CONVERSATION_LIMIT);
  const note =
    all.length > shown.length
      ? `> 共 ${all.length} 个会话，这里只列出得分最低的 ${shown.length} 个；完整列表请用 \`--format csv\` 或 \`--format json\`。`
      : `> 共 ${all.length} 个会话，得分从低到高。`;
  const rows = shown.map((conversation) => conversationRow(conversation, data.options.timezone));
  return ['## 各会话得分', '', note, '', table(['会话', '开始时间', '渠道', '客服', '得分', '首响', '扣分明细'], ['l', 'l', 'l', 'l', 'r', 'r', 'l'], rows)];
}

function scoringLines(data: ReportData): string[] {
  const { scoring } = data;
  const weights = SCORE_CATEGORIES.map((category) => `${CATEGORY_LABELS[category]} ${scoring.categories[category] ?? 0}`).join(' · ');
  const perRule = Object.entries(scoring.rules).map(([rule, points]) => `${cell(rule)} ${formatPoints(points)} 分`);
  return [
    '## 评分方式',
    '',
    `- 每个会话的每个适用类别评一个等级：有错误为不合格（0），只有警告为部分合格（${formatScore(scoring.partialCredit * 100)}），否则合格（100）；“客户结果”按预测满意度评分（1 分为 0，4 分及以上为 100）。`,
    `- 会话得分为各适用类别的加权平均，权重：${weights}。不适用的类别不计入。`,
    `- 规则排行中的扣分：错误 ${formatPoints(scoring.points.error)} 分，警告 ${formatPoints(scoring.points.warn)} 分${perRule.length ? `；单独设定：${perRule.join('，')}` : ''}（只用于排序，不影响 IQS）。`,
    `- 一票否决（整个会话记 0 分）：${scoring.fatal.length ? scoring.fatal.map(cell).join('、') : '无'}。`,
    `- SLA：客户消息在 ${formatSeconds(scoring.slaSeconds)}内得到人工回复。IQS 为会话得分的平均值。`,
  ];
}

/** The whole report as Markdown. */
export function renderMarkdown(data: ReportData): string {
  const sections = [headerLines(data), headlineLines(data), coachingLines(data), targetLines(data), reviewLines(data), groupLines(data), categoryLines(data), ruleLines(data), topicLines(data), conversationLines(data), scoringLines(data)];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
