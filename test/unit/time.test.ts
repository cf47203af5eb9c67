import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessSecondsBetween } from '../../src/time/business-hours.js';
import { formatDuration, formatLocalTime, instantOutOfRange, parseInstant } from '../../src/time/instant.js';

const SHANGHAI = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('parseInstant', () => {
  it('reads twelve-hour times as Chinese and English exports write them', () => {
    const cases: Array<[string, string]> = [
      ['2026/11/02 下午 3:00', '2026-11-02T07:00:00Z'],
      ['2026/11/02 下午3:05:09', '2026-11-02T07:05:09Z'],
      ['2026-11-02 上午10:05:09', '2026-11-02T02:05:09Z'],
      ['2026-11-02 上午12:30', '2026-11-01T16:30:00Z'],
      ['2026-11-02 中午12:30', '2026-11-02T04:30:00Z'],
      ['2026-11-02 中午1:00', '2026-11-02T05:00:00Z'],
      ['2026-11-02 晚上 9:15', '2026-11-02T13:15:00Z'],
      ['2026年11月2日 凌晨2:00', '2026-11-01T18:00:00Z'],
      ['2026/11/02 3:00 PM', '2026-11-02T07:00:00Z'],
      ['2026/11/02 12:01 am', '2026-11-01T16:01:00Z'],
    ];
    for (const [text, utc] of cases) expect(parseInstant(text), text).toBe(at(utc));
    // 晚上 runs past midnight: 晚上12:01 and 晚上1:00 are on the day after the date written.
    const nights: Array<[string, string]> = [
      ['2026/11/02 晚上 11:58', '2026-11-02T15:58:00Z'],
      ['2026/11/02 晚上 12:01', '2026-11-02T16:01:00Z'],
      ['2026/11/02 晚上1:00', '2026-11-02T17:00:00Z'],
      ['2026/11/02 晚上 6:00', '2026-11-02T10:00:00Z'],
      ['2026/11/30 晚上 12:30', '2026-11-30T16:30:00Z'],
    ];
    for (const [text, utc] of nights) expect(parseInstant(text), text).toBe(at(utc));
    // The next day on the zone's wall clock: New York's clocks went back an hour on 2026-11-01.
    expect(parseInstant('2026/10/31 晚上 12:30', 'America/New_York')).toBe(at('2026-11-01T04:30:00Z'));
    expect(parseInstant('2026/10/31 晚上 3:00', 'America/New_York')).toBe(at('2026-11-01T08:00:00Z'));
    // A twelve-hour clock has no hour 13. Hour 0 is how chat clients and Java's "a K:mm" write the
    // hour 12 stands for: ten past midnight, or past noon.
    expect(parseInstant('2026/11/02 下午 13:00')).toBeUndefined();
    for (const [text, utc] of [
      ['2026/11/03 凌晨0:10', '2026-11-02T16:10:00Z'],
      ['2026/11/03 凌晨 00:10', '2026-11-02T16:10:00Z'],
      ['2026/11/03 上午 0:10', '2026-11-02T16:10:00Z'],
      ['2026/11/03 0:10 AM', '2026-11-02T16:10:00Z'],
      ['2026/11/03 下午 0:10', '2026-11-03T04:10:00Z'],
      // Other words for parts of the day.
      ['2026/11/03 傍晚 6:30', '2026-11-03T10:30:00Z'],
      ['2026/11/03 夜里 11:40', '2026-11-03T15:40:00Z'],
      ['2026/11/03 深夜 1:20', '2026-11-03T17:20:00Z'],
      ['2026/11/03 午夜 12:10', '2026-11-03T16:10:00Z'],
      ['2026/11/03 早晨 7:10', '2026-11-02T23:10:00Z'],
      ['2026/11/03 清晨 5:40', '2026-11-02T21:40:00Z'],
    ] as const) {
      expect(parseInstant(text), text).toBe(at(utc));
    }
  });

  it('takes ISO 8601 with an offset as written', () => {
    expect(parseInstant('2026-11-02T10:00:03+08:00')).toBe(at('2026-11-02T02:00:03Z'));
    expect(parseInstant('2026-11-02T02:00:03Z', 'America/New_York')).toBe(at('2026-11-02T02:00:03Z'));
  });

  it('reads naive local times in the configured zone', () => {
    expect(parseInstant('2026-11-02 10:00:03', SHANGHAI)).toBe(at('2026-11-02T02:00:03Z'));
    expect(parseInstant('2026/11/2 9:05:00', SHANGHAI)).toBe(at('2026-11-02T01:05:00Z'));
    expect(parseInstant('2026年11月2日 10:00:03', SHANGHAI)).toBe(at('2026-11-02T02:00:03Z'));
    expect(parseInstant('2026-11-02 10:00:03', 'UTC')).toBe(at('2026-11-02T10:00:03Z'));
  });

  it('reads a database timestamp with up to nine fraction digits after a space, as after a T', () => {
    const expected = Date.parse('2026-11-02T10:00:03.000+08:00');
    expect(parseInstant('2026-11-02 10:00:03.000017', 'Asia/Shanghai')).toBe(expected);
    expect(parseInstant('2026-11-02 10:00:03.0', 'Asia/Shanghai')).toBe(expected);
    expect(parseInstant('2026-11-02 10:00:03.123456789', 'Asia/Shanghai')).toBe(expected + 123);
    expect(parseInstant('2026-02-30 10:00:03.000017', 'Asia/Shanghai')).toBeUndefined();
  });

  it('tells epoch seconds, milliseconds and microseconds apart by magnitude', () => {
    const ms = at('2026-11-02T02:00:03Z');
    expect(parseInstant(ms / 1000)).toBe(ms);
    expect(parseInstant(ms)).toBe(ms);
    expect(parseInstant(ms * 1000)).toBe(ms);
    expect(parseInstant(String(ms / 1000))).toBe(ms);
  });

  it('reads the Twitter created_at form', () => {
    expect(parseInstant('Wed Oct 11 06:55:44 +0000 2017')).toBe(at('2017-10-11T06:55:44Z'));
  });

  it('returns undefined for what is not a time', () => {
    expect(parseInstant('昨天下午')).toBeUndefined();
    expect(parseInstant('')).toBeUndefined();
    expect(parseInstant(null)).toBeUndefined();
    expect(parseInstant({})).toBeUndefined();
  });

  it('refuses times before 1970 or after 2099, whatever their form', () => {
    for (const value of [1e20, -1e20, 1e308, -1, '1e20'.replace('e20', '00000000000000000000'), '2100-01-01T00:00:00Z', '1969-12-31 23:59:59', '5138-11-16T09:46:40Z']) {
      expect(parseInstant(value, 'UTC'), String(value)).toBeUndefined();
      expect(instantOutOfRange(value, 'UTC'), String(value)).toBe(true);
    }
    expect(parseInstant(0)).toBe(0);
    expect(parseInstant('2099-12-31T23:59:59Z')).toBe(at('2099-12-31T23:59:59Z'));
    expect(instantOutOfRange('昨天下午')).toBe(false);
  });
});

describe('businessSecondsBetween', () => {
  const weekdays = { timezone: SHANGHAI, hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Array<'mon'>, open: '09:00', close: '18:00' }] };

  it('is wall-clock time without business hours', () => {
    expect(businessSecondsBetween(at('2026-11-02T01:00:00Z'), at('2026-11-02T01:03:00Z'), { timezone: SHANGHAI })).toBe(180);
  });

  it('starts the clock at the next opening', () => {
    // Monday 08:30 → 09:02 Shanghai
    expect(businessSecondsBetween(at('2026-11-02T00:30:00Z'), at('2026-11-02T01:02:00Z'), weekdays)).toBe(120);
  });

  it('skips the weekend', () => {
    // Friday 17:59 → Monday 09:01 Shanghai: 1 minute on Friday, 1 on Monday.
    expect(businessSecondsBetween(at('2026-11-06T09:59:00Z'), at('2026-11-09T01:01:00Z'), weekdays)).toBe(120);
  });

  it('opens and closes at the wall-clock times on the days a zone\'s clocks change', () => {
    const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Array<'mon'>;
    const newYork = { timezone: 'America/New_York', hours: [{ days: everyDay, open: '09:00', close: '17:00' }] };
    const local = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
    // 2026-11-01: clocks go back at 02:00. 08:30 → 09:00:30 is 30 s in hours, as on any other day.
    expect(businessSecondsBetween(local('2026-11-01T08:30:00'), local('2026-11-01T09:00:30'), newYork)).toBe(30);
    expect(businessSecondsBetween(local('2026-11-08T08:30:00'), local('2026-11-08T09:00:30'), newYork)).toBe(30);
    // 00:30 → 09:10 is 10 minutes; 16:59:30 → 16:59:50 is 20 s.
    expect(businessSecondsBetween(local('2026-11-01T00:30:00'), local('2026-11-01T09:10:00'), newYork)).toBe(600);
    expect(businessSecondsBetween(local('2026-11-01T16:59:30'), local('2026-11-01T16:59:50'), newYork)).toBe(20);
    // 2026-03-08: clocks go forward. 16:50 → next day 09:10 is 10 + 10 minutes.
    expect(businessSecondsBetween(local('2026-03-08T16:50:00'), local('2026-03-09T09:10:00'), newYork)).toBe(1200);
  });

  it('counts an overnight shift across midnight', () => {
    const night = { timezone: SHANGHAI, hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Array<'mon'>, open: '20:00', close: '02:00' }] };
    // 23:50 → 00:10 Shanghai, inside the shift that began at 20:00.
    expect(businessSecondsBetween(at('2026-11-02T15:50:00Z'), at('2026-11-02T16:10:00Z'), night)).toBe(1200);
    // 01:59 → 20:01: one minute before close, one after the next opening.
    expect(businessSecondsBetween(at('2026-11-02T17:59:00Z'), at('2026-11-03T12:01:00Z'), night)).toBe(120);
  });

  it('counts the common time of overlapping shifts once, and never more than wall-clock time', () => {
    const handOver = { timezone: SHANGHAI, hours: [{ days: ['mon'] as Array<'mon'>, open: '09:00', close: '12:00' }, { days: ['mon'] as Array<'mon'>, open: '11:00', close: '21:00' }] };
    // Monday 11:30:00 → 11:30:40 Shanghai, inside both shifts: 40 seconds, not 80.
    expect(businessSecondsBetween(at('2026-11-02T03:30:00Z'), at('2026-11-02T03:30:40Z'), handOver)).toBe(40);
    // 08:00 → 22:00: the shifts cover 09:00–21:00, twelve hours.
    expect(businessSecondsBetween(at('2026-11-02T00:00:00Z'), at('2026-11-02T14:00:00Z'), handOver)).toBe(12 * 3600);
    // A night shift running into the next day's early one: 01:00 → 03:00 counts two hours.
    const nights = { timezone: SHANGHAI, hours: [{ days: ['mon', 'tue'] as Array<'mon' | 'tue'>, open: '20:00', close: '04:00' }, { days: ['tue'] as Array<'mon' | 'tue'>, open: '00:00', close: '08:00' }] };
    expect(businessSecondsBetween(at('2026-11-02T17:00:00Z'), at('2026-11-02T19:00:00Z'), nights)).toBe(7200);
    // Shifts that only touch are one stretch: 11:59 → 12:01 with 09–12 and 12–18.
    const touching = { timezone: SHANGHAI, hours: [{ days: ['mon'] as Array<'mon'>, open: '09:00', close: '12:00' }, { days: ['mon'] as Array<'mon'>, open: '12:00', close: '18:00' }] };
    expect(businessSecondsBetween(at('2026-11-02T03:59:00Z'), at('2026-11-02T04:01:00Z'), touching)).toBe(120);
  });

  it('honours holidays', () => {
    // Monday 17:59 → Wednesday 09:01 with Tuesday off: 2 minutes.
    expect(businessSecondsBetween(at('2026-11-02T09:59:00Z'), at('2026-11-04T01:01:00Z'), { ...weekdays, holidays: ['2026-11-03'] })).toBe(120);
  });
});

describe('formatDuration', () => {
  it('writes durations in Chinese', () => {
    expect(formatDuration(45)).toBe('45秒');
    expect(formatDuration(189)).toBe('3分9秒');
    expect(formatDuration(300)).toBe('5分钟');
    expect(formatDuration(7500)).toBe('2小时5分');
  });
});

describe('formatLocalTime', () => {
  it('writes what luxon writes, across zones, offset changes and quarter-hour zones', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, millis) => {
        expect(formatLocalTime(millis, zone)).toBe(DateTime.fromMillis(millis, { zone }).toFormat('yyyy-MM-dd HH:mm:ss'));
      }),
      { numRuns: 5000 },
    );
    // Either side of New York's spring change (2026-03-08 07:00 UTC), asked in either order.
    for (const millis of [Date.UTC(2026, 2, 8, 6, 59, 59), Date.UTC(2026, 2, 8, 7, 0, 0), Date.UTC(2026, 2, 8, 6, 50), Date.UTC(2026, 2, 8, 7, 10)]) {
      expect(formatLocalTime(millis, 'America/New_York')).toBe(DateTime.fromMillis(millis, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm:ss'));
    }
  });
});

describe('impossible ISO times with an offset', () => {
  it('a day the month does not have is no time, not the next month', () => {
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-04-31T10:00:00+08:00')).toBeUndefined();
    expect(parseInstant('2026-02-29T10:00:00Z')).toBeUndefined();
    expect(parseInstant('2028-02-29T10:00:00Z')).toBe(Date.UTC(2028, 1, 29, 10));
    expect(parseInstant('2026-00-10T10:00:00Z')).toBeUndefined();
  });

  it('an offset beyond ±14:00 is no time; real ones are kept', () => {
    expect(parseInstant('2026-02-28T10:00:00+99:00')).toBeUndefined();
    expect(parseInstant('2026-02-28T10:00:00+08:75')).toBeUndefined();
    expect(parseInstant('2026-02-28T10:00:00+14:00')).toBe(Date.UTC(2026, 1, 27, 20));
    expect(parseInstant('2026-02-28T10:00:00-09:30')).toBe(Date.UTC(2026, 1, 28, 19, 30));
  });
});

describe('a local time with its offset after a space', () => {
  it('is read at that offset, as RFC 2822 times are', () => {
    expect(parseInstant('2026-11-02 10:00:00 +0800')).toBe(Date.UTC(2026, 10, 2, 2));
    expect(parseInstant('2026-11-02 10:00:00 +08:00')).toBe(Date.UTC(2026, 10, 2, 2));
    expect(parseInstant('2026-11-02 10:00:00.250 -0500')).toBe(Date.UTC(2026, 10, 2, 15, 0, 0, 250));
    expect(parseInstant('2026-11-02 10:00:00 +9900')).toBeUndefined();
  });
});
