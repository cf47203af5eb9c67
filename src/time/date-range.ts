import { DateTime } from 'luxon';
import { t } from '../i18n/index.js';

/** `--since`/`--until`: inclusive local calendar dates, YYYY-MM-DD, in the configured time zone. */
export interface DateRange {
  since?: string;
  until?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a --since/--until pair, in words; undefined when both are calendar dates in order. */
export function dateRangeProblem(range: DateRange): string | undefined {
  for (const [flag, value] of [['--since', range.since], ['--until', range.until]] as const) {
    if (value !== undefined && (!DATE.test(value) || !DateTime.fromISO(value).isValid)) return t('option.date', { flag, value });
  }
  if (range.since && range.until && range.since > range.until) return t('option.sinceAfterUntil', { since: range.since, until: range.until });
  return undefined;
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timezone: string): string {
  return DateTime.fromMillis(ms, { zone: timezone }).toISODate()!;
}

/**
 * Whether a conversation that started at `startedAt` (its first timed message) falls in the range.
 * A conversation without any time falls in no range, and in every run without one.
 */
export function inDateRange(startedAt: number | null, range: DateRange, timezone: string): boolean {
  if (!range.since && !range.until) return true;
  if (startedAt === null) return false;
  const day = localDate(startedAt, timezone);
  return !(range.since && day < range.since) && !(range.until && day > range.until);
}
