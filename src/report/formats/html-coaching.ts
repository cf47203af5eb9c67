import type { GroupReport, ReportData, ReportQuote, ReviewItem } from '../model.js';
import {
  categoryLabel,
  focusDetail,
  formatEpoch,
  formatGoal,
  formatSatisfaction,
  formatScore,
  formatShare,
  GROUP_NOUNS,
  NO_VALUE,
  OUTCOME_LABELS,
  REVIEW_REASON_LABELS,
  shorten,
  TARGET_LABELS,
} from './figures.js';
import { escapeHtml as h, metricChange, valueCell } from './html-parts.js';

/**
 * The sections of the HTML report that answer "who needs coaching, on what": a card per agent
 * (lowest IQS first) with the category that cost them most and their own worst quotes, who is short
 * of the goals, and the conversations a reviewer should open first.
 */

/** Quotes per agent card: enough to show a pattern, few enough to read in a one-to-one. */
export const COACHING_QUOTES = 2;
const QUOTE_LIMIT = 160;

function coachingQuote(quote: ReportQuote): string {
  const who = quote.speaker === 'customer' ? '客户' : quote.speaker === 'bot' ? '机器人' : '客服';
  return `<li><blockquote><span class="who">${who}：</span>${h(shorten(quote.text, QUOTE_LIMIT)) || '<em>（空消息）</em>'}</blockquote><p class="finding">${h(quote.message)}</p><p class="meta">会话 ${h(quote.conversationId)}</p></li>`;
}

/** The same message can break two rules; a card quotes it once. */
function distinctQuotes(quotes: readonly ReportQuote[]): ReportQuote[] {
  const seen = new Set<string>();
  return quotes.filter((quote) => {
    const key = `${quote.conversationId}\u0000${quote.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function coachingCard(group: GroupReport, goal: number | undefined): string {
  const { metrics } = group;
  const quotes = distinctQuotes(metrics.topRules.flatMap((rule) => rule.examples)).slice(0, COACHING_QUOTES);
  const below = goal !== undefined && metrics.iqs !== null && metrics.iqs < goal;
  const customer = metrics.customer;
  const focus = metrics.mostFailed ? `<p class="focus">重点辅导：<strong>${h(categoryLabel(metrics.mostFailed))}</strong>（${h(focusDetail(group))}）</p>` : '<p class="focus muted">本期没有失分的类别。</p>';
  return `<article class="coach${below ? ' below-goal' : ''}">
<h3>${h(group.key)}${group.team ? ` <small>${h(group.team)}</small>` : ''}${below ? ' <span class="tag fatal">低于目标</span>' : ''}</h3>
<table class="coach-figures"><tbody><tr>
<th scope="row">IQS</th>${valueCell(formatScore(metrics.iqs), metricChange(group.change, 'iqs'))}
<th scope="row">预测满意度</th>${valueCell(formatSatisfaction(customer.predictedSatisfaction), metricChange(group.change, 'predictedSatisfaction'))}
<th scope="row">会话</th>${valueCell(String(metrics.conversations))}
<th scope="row">未解决</th>${valueCell(String(customer.outcomes.unresolved))}
</tr></tbody></table>
${focus}
${metrics.csat.rated > 0 ? `<p class="note">实际评价 ${metrics.csat.rated} 个，满意率 ${h(formatShare(metrics.csat.share))}；预测与实际评价一致 ${h(formatShare(metrics.csat.agreement))}。</p>` : ''}
${quotes.length > 0 ? `<ol class="coach-quotes">${quotes.map(coachingQuote).join('')}</ol>` : ''}
</article>`;
}

export function coachingSection(data: ReportData): string {
  if (data.options.by !== 'agent' && data.options.by !== 'team') return '';
  const noun = GROUP_NOUNS[data.options.by];
  const people = data.groups.filter((group) => group.metrics.conversations > 0);
  const bots = data.bots?.metrics;
  const botLine = bots && bots.conversations > 0
    ? `<p class="note bots">另有 <strong>${bots.conversations}</strong> 个会话没有人工回复（机器人独自接待或无人接待），单独统计、不参与${h(noun)}排名：IQS ${h(formatScore(bots.iqs))}，预测满意度 ${h(formatSatisfaction(bots.customer.predictedSatisfaction))}，未解决 ${bots.customer.outcomes.unresolved} 个。</p>`
    : '';
  if (people.length === 0) return `<section id="coaching"><h2>辅导建议</h2><p class="empty">本期没有${h(noun)}的会话。</p>${botLine}</section>`;
  const goal = data.scoring.targets?.iqs;
  return `<section id="coaching">
<h2>辅导建议 <small>谁需要辅导、辅导什么（IQS 从低到高）</small></h2>
<p class="note">“重点辅导”是让该${h(noun)}失分最多的类别；原话是其本人扣分最多的消息。预测满意度 1–5，由客户的情绪与结果推算。</p>
<div class="coach-list">
${people.map((group) => coachingCard(group, goal)).join('\n')}
</div>
${botLine}
</section>`;
}

export function targetsSection(data: ReportData): string {
  if (data.targets.length === 0) return '';
  const noun = data.options.by === 'conversation' ? '' : GROUP_NOUNS[data.options.by];
  const items = data.targets.map((gap) => {
    const goal = formatGoal(gap, gap.goal);
    const direction = gap.target === 'firstResponseSeconds' ? '高于' : '低于';
    const who = gap.short.length === 0 ? '全部达标' : gap.short.map((s) => `${h(s.key)}（${h(formatGoal(gap, s.value))}）`).join('、');
    return `<li><strong>${h(TARGET_LABELS[gap.target])}</strong> 目标 ${h(goal)}：${gap.short.length > 0 ? `${direction}目标的${h(noun)}：` : ''}${who}</li>`;
  });
  return `<section id="targets">
<h2>目标达成</h2>
<ul class="targets">
${items.join('\n')}
</ul>
</section>`;
}

function reviewRow(item: ReviewItem, timezone: string): string {
  const reasons = item.reasons.map((reason) => `<span class="tag${reason === 'fatal' ? ' fatal' : ''}">${h(REVIEW_REASON_LABELS[reason])}</span>`).join('');
  const worst = item.worst ? `<q>${h(shorten(item.worst.text, QUOTE_LIMIT))}</q><br><small>${h(item.worst.message)}</small>` : '<span class="muted">无扣分</span>';
  return `<tr>
<th scope="row"><code>${h(item.conversationId)}</code><br><small>${h(item.startedAt === undefined ? NO_VALUE : formatEpoch(item.startedAt, timezone))}</small></th>
<td>${h(item.agents.join('、') || '（无人工）')}</td>
<td class="num">${h(formatScore(item.score))}</td>
<td class="num">${h(formatSatisfaction(item.predictedSatisfaction))}</td>
<td>${h(OUTCOME_LABELS[item.outcome])}</td>
<td>${reasons}</td>
<td>${worst}</td>
</tr>`;
}

export function reviewSection(data: ReportData): string {
  if (data.review.length === 0) return '';
  return `<section id="review">
<h2>建议复查的会话 <small>最多 ${data.review.length} 个，最差的在前</small></h2>
<p class="note">得分低、客户不满结束、未解决或一票否决的会话。</p>
<div class="table-wrap"><table class="review">
<thead><tr><th scope="col">会话</th><th scope="col">客服</th><th scope="col" class="num">得分</th><th scope="col" class="num">预测满意度</th><th scope="col">结果</th><th scope="col">原因</th><th scope="col">最严重的问题</th></tr></thead>
<tbody>
${data.review.map((item) => reviewRow(item, data.options.timezone)).join('\n')}
</tbody>
</table></div>
</section>`;
}
