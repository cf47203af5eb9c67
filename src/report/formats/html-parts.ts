import { visibleKeepingLineBreaks } from '../../formatters/excerpt.js';
import type { MetricsChange } from '../model.js';
import { CHANGE_MEANINGS, changeLabel, describeChange, type ChangeMeaning } from './figures.js';

/** Markup the HTML report's sections share. */

/**
 * Text from the data, safe between tags and inside double-quoted attributes. Control characters
 * and bidi overrides (a U+202E that turns a name around when the page is copied) are written as
 * visible escapes, as on the terminal; line breaks stay.
 */
export function escapeHtml(text: string): string {
  return visibleKeepingLineBreaks(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = escapeHtml;

const TONE_WORDS = { better: '变好', worse: '变差', same: '持平', neutral: '', none: '' } as const;

/** A change as a coloured arrow, with its meaning spelled out for screen readers and tooltips. */
export function changeHtml(value: number | null | undefined, meaning: Pick<ChangeMeaning, 'kind' | 'better'>): string {
  const change = describeChange(value, meaning);
  const word = TONE_WORDS[change.tone];
  const title = word ? ` title="与上期相比${word}"` : '';
  return `<span class="delta ${change.tone}"${title}>${h(changeLabel(change))}</span>`;
}

/** Empty where there is nothing to compare: a "—" under a "—" says nothing twice. */
export const metricChange = (change: MetricsChange | undefined, key: keyof MetricsChange): string =>
  change && change[key] !== null ? changeHtml(change[key], CHANGE_MEANINGS[key]) : '';

/** A number cell: the value, and under it the change when there is a previous period. */
export const valueCell = (value: string, change = ''): string => `<td class="num"><span class="value">${h(value)}</span>${change}</td>`;
