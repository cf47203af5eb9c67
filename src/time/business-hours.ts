import { DateTime } from 'luxon';
import { z } from 'zod';
import { t } from '../i18n/index.js';

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: () => t('config.clock') });

export const businessHoursSchema = z.array(
  z
    .strictObject({
      days: z.array(z.enum(WEEKDAY_NAMES)).min(1),
      /** Opening time. When `close` is earlier than `open`, the shift runs past midnight. */
      open: clock,
      close: clock,
    })
    // The same time twice is a shift of no length, most likely a mistyped close: the clock would stop for those days.
    .refine((shift) => shift.open !== shift.close, { error: () => t('config.emptyShift'), path: ['close'] }),
);
export type BusinessHours = z.infer<typeof businessHoursSchema>;

// YAML reads an unquoted 2026-10-01 as a date: it is taken as the calendar day it names.
const asDayText = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);
export const holidaysSchema = z.array(
  z.preprocess(
    asDayText,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => t('config.date') })
      .refine((day) => DateTime.fromISO(day).isValid, { error: () => t('config.noSuchDay') }),
  ),
);

export interface BusinessCalendar {
  timezone: string;
  /** Undefined means the team works around the clock. */
  hours?: BusinessHours;
  holidays?: readonly string[];
}

function minutesOf(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * The instant a wall-clock time (minutes after the day's midnight, past 24:00 for the next day) has
 * on a local day. Set on the clock, not added to midnight: on the day a zone's clocks change, 09:00
 * is an hour more or less than nine hours after midnight.
 */
function wallClock(day: DateTime, minutes: number): number {
  return day
    .plus({ days: Math.floor(minutes / (24 * 60)) })
    .set({ hour: Math.floor((minutes % (24 * 60)) / 60), minute: minutes % 60 })
    .toMillis();
}

/** Open intervals, in epoch ms, of shifts that start on the given local calendar day. */
function shiftsStartingOn(day: DateTime, calendar: BusinessCalendar): Array<[number, number]> {
  const weekday = WEEKDAY_NAMES[day.weekday - 1]!;
  if (calendar.holidays?.includes(day.toISODate()!)) return [];
  const shifts: Array<[number, number]> = [];
  for (const rule of calendar.hours ?? []) {
    if (!rule.days.includes(weekday)) continue;
    const open = minutesOf(rule.open);
    let close = minutesOf(rule.close);
    if (close <= open) close += 24 * 60; // overnight shift, e.g. 20:00–02:00
    shifts.push([wallClock(day, open), wallClock(day, close)]);
  }
  return shifts;
}

/**
 * Seconds between two instants that fall inside business hours. A message that arrives out of
 * hours starts the clock at the next opening. Without configured hours this is wall-clock time.
 * Shifts that overlap (a hand-over hour written into both shifts, an overnight shift that runs into
 * the next day's early one) count their common time once.
 */
export function businessSecondsBetween(startMs: number, endMs: number, calendar: BusinessCalendar): number {
  if (endMs <= startMs) return 0;
  if (!calendar.hours || calendar.hours.length === 0) return (endMs - startMs) / 1000;
  // Start a day early so an overnight shift that began yesterday is counted.
  let day = DateTime.fromMillis(startMs, { zone: calendar.timezone }).startOf('day').minus({ days: 1 });
  const lastDay = DateTime.fromMillis(endMs, { zone: calendar.timezone }).startOf('day');
  const open: Array<[number, number]> = [];
  for (let guard = 0; day <= lastDay && guard < 3700; guard++) {
    for (const [from, until] of shiftsStartingOn(day, calendar)) {
      const start = Math.max(from, startMs);
      const end = Math.min(until, endMs);
      if (end > start) open.push([start, end]);
    }
    day = day.plus({ days: 1 });
  }
  open.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const [start, end] of open) {
    if (end <= coveredUntil) continue;
    total += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }
  return total / 1000;
}
