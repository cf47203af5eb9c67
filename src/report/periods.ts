import { DateTime } from 'luxon';
import type { PeriodInfo, PeriodUnit } from './model.js';

/** `all`: the one period of a report whose conversations carry no times. */
export const UNDATED_PERIOD = 'all';

/**
 * Calendar periods in a time zone: days, ISO weeks (Monday to Sunday, numbered by ISO 8601 week
 * years, so 2026-12-31 may fall in 2027-W53's neighbour) and months. Computed with luxon.
 */
export class PeriodCalendar {
  constructor(readonly unit: PeriodUnit, readonly timezone: string) {}

  private start(ms: number): DateTime {
    const local = DateTime.fromMillis(ms, { zone: this.timezone });
    return this.unit === 'week' ? local.startOf('week') : local.startOf(this.unit);
  }

  private keyOfStart(start: DateTime): string {
    if (this.unit === 'day') return start.toISODate()!;
    if (this.unit === 'month') return start.toFormat('yyyy-MM');
    return `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
  }

  keyOf(ms: number): string {
    return this.keyOfStart(this.start(ms));
  }

  /** The period holding a local calendar date (YYYY-MM-DD). */
  keyOfDate(date: string): string {
    return this.keyOf(DateTime.fromISO(date, { zone: this.timezone }).toMillis());
  }

  private startOfKey(key: string): DateTime {
    const zone = this.timezone;
    if (this.unit === 'day') return DateTime.fromISO(key, { zone });
    if (this.unit === 'month') return DateTime.fromFormat(key, 'yyyy-MM', { zone });
    const [year, week] = key.split('-W').map(Number);
    return DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone });
  }

  info(key: string): PeriodInfo {
    if (key === UNDATED_PERIOD) return { key };
    const start = this.startOfKey(key);
    const end = start.plus({ [`${this.unit}s`]: 1 }).minus({ days: 1 });
    return { key, start: start.toISODate()!, end: end.toISODate()! };
  }

  /** The period before `key`. */
  previous(key: string): string {
    return this.keyOfStart(this.startOfKey(key).minus({ [`${this.unit}s`]: 1 }));
  }

  /** Every period from `first` to `last`, both included, oldest first; the latest `limit` of them (at most 1,000). */
  range(first: string, last: string, limit = 1000): string[] {
    limit = Math.min(limit, 1000);
    const keys: string[] = [];
    let cursor = this.startOfKey(last);
    const start = this.startOfKey(first);
    while (cursor >= start && keys.length < limit) {
      keys.push(this.keyOfStart(cursor));
      cursor = cursor.minus({ [`${this.unit}s`]: 1 });
    }
    return keys.reverse();
  }
}

export { localDate } from '../time/date-range.js';
