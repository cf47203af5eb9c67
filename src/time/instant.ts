import { DateTime, IANAZone, type Zone } from 'luxon';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

// Epoch magnitudes: seconds stay below 1e11 until the year 5138, milliseconds below 1e14,
// microseconds below 1e17. Anything in between is told apart by its size alone.
function epochToMillis(value: number): number {
  const abs = Math.abs(value);
  if (abs < 1e11) return value * 1000;
  if (abs < 1e14) return value;
  if (abs < 1e17) return value / 1000;
  return value / 1e6; // nanoseconds
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const SPACED_FRACTION = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,9}$/;

const NAIVE_FORMATS = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm:ss.SSS',
  'yyyy-MM-dd HH:mm',
  'yyyy/MM/dd HH:mm:ss',
  'yyyy/M/d HH:mm:ss',
  'yyyy/M/d H:mm:ss',
  'yyyy/MM/dd HH:mm',
  'yyyy/M/d H:mm',
  'yyyy.MM.dd HH:mm:ss',
  'yyyy年M月d日 HH:mm:ss',
  'yyyy年M月d日 H:mm:ss',
  'yyyy年M月d日 HH:mm',
];

// Twitter's created_at, e.g. "Wed Oct 11 06:55:44 +0000 2017"; a local time with its offset after a
// space, as database exports and logs write it ("2026-11-02 10:00:00 +0800", "… +08:00").
const OFFSET_FORMATS = ['EEE MMM dd HH:mm:ss ZZZ yyyy', 'yyyy-MM-dd HH:mm:ss ZZZ', 'yyyy-MM-dd HH:mm:ss ZZ', 'yyyy-MM-dd HH:mm:ss.SSS ZZZ', 'yyyy-MM-dd HH:mm:ss.SSS ZZ'];

/**
 * The instants a support conversation can have: from the Unix epoch (1970-01-01 UTC) to the end of
 * 2099. A time outside is damage or a placeholder gone wrong (`1e20` read as epoch seconds is the
 * year 5138, `-1e20` the year -1199), and would put one message centuries from the rest of its
 * conversation, in response times and periods alike.
 */
export const INSTANT_RANGE = { from: Date.UTC(1970, 0, 1), until: Date.UTC(2100, 0, 1), fromYear: 1970, untilYear: 2099 } as const;

/**
 * Excel's 1900 date system: a time is a count of days, the fraction the time of day, on the wall
 * clock with no zone. Day 25569 is 1970-01-01 (Excel counts a 29 February 1900 that never was, so
 * from 1 March 1900 on the count runs from 1899-12-30).
 */
const EXCEL_DAY_OF_EPOCH = 25569;
const DAY_MILLIS = 86_400_000;
/**
 * The serials that are read as Excel dates: 1954-01-01 (19725) up to 2120-01-01 (80355). As epoch
 * seconds every one of them is a time on 1970-01-01, which no chat export holds, so a number in a
 * time field in this range is an Excel date whose cell lost its date format (General, or a CSV
 * saved from it): 46328.4166666667 is 2026-11-03 10:00, not 1970-01-01 12:52:08 UTC.
 */
export const EXCEL_SERIAL_RANGE = { from: 19725, until: 80355 } as const;

/** The Excel serial a time value is, when it is a number (or a numeric text) in EXCEL_SERIAL_RANGE. */
export function excelSerialOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
  return number !== undefined && number >= EXCEL_SERIAL_RANGE.from && number < EXCEL_SERIAL_RANGE.until ? number : undefined;
}

/**
 * A wall-clock time held as if it were UTC (how exceljs gives a date cell, and how an Excel serial
 * counts) as naive ISO text, `2026-11-03T10:00:00.000`, which parseInstant reads in the configured
 * timezone like any other local time.
 */
export function wallClockText(millisAsUtc: number): string {
  return DateTime.fromMillis(millisAsUtc, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
}

/** An Excel serial (1900 date system) as naive local ISO text; rounded to the millisecond, as exceljs rounds date cells. */
export function excelSerialWallClock(serial: number): string {
  return wallClockText(Math.round((serial - EXCEL_DAY_OF_EPOCH) * DAY_MILLIS));
}

/**
 * Turns a timestamp as exports write it into epoch milliseconds. ISO 8601 with an offset is
 * taken as written; naive local times are read in `timezone`; bare numbers are epoch seconds,
 * milliseconds or microseconds by magnitude. Returns undefined when the value is not a time, or
 * is a time outside INSTANT_RANGE (instantOutOfRange tells the two apart).
 */
export function parseInstant(value: unknown, timezone: string = DEFAULT_TIMEZONE): number | undefined {
  const millis = parseAnyInstant(value, timezone);
  return millis !== undefined && millis >= INSTANT_RANGE.from && millis < INSTANT_RANGE.until ? millis : undefined;
}

/** Whether the value reads as a time, but one outside INSTANT_RANGE. */
export function instantOutOfRange(value: unknown, timezone: string = DEFAULT_TIMEZONE): boolean {
  return parseAnyInstant(value, timezone) !== undefined && parseInstant(value, timezone) === undefined;
}

function parseAnyInstant(value: unknown, timezone: string): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? epochToMillis(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const clock = twentyFourHour(value.trim());
  if (clock === undefined) return undefined;
  const millis = parseTwentyFourHour(clock.text, timezone);
  // A day later on the wall clock of the zone, not 24 hours later: a night can be 23 or 25 hours long.
  return millis === undefined || clock.days === 0 ? millis : DateTime.fromMillis(millis, { zone: timezone }).plus({ days: clock.days }).toMillis();
}

function parseTwentyFourHour(text: string, timezone: string): number | undefined {
  if (text === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return epochToMillis(Number(text));
  // ISO 8601 with an explicit offset names its instant by itself; the engine's own parser is exact
  // for it and far cheaper than resolving a zone. Naive times go on to luxon below.
  if (ISO_WITH_OFFSET.test(text)) {
    // The engine rolls a day past the month's end over (02-30 is read as 03-02), and luxon takes
    // any two-digit offset (+99:00): neither is a time an export meant.
    if (!isoDateAndOffsetExist(text)) return undefined;
    const millis = Date.parse(text);
    if (Number.isFinite(millis)) return millis;
  }

  // A database's own text for a timestamp has a space where ISO has a T, and up to microseconds
  // (PostgreSQL, MySQL DATETIME(6), Python's str(datetime)): "2026-11-02 10:00:03.000017".
  const iso = DateTime.fromISO(SPACED_FRACTION.test(text) ? text.replace(' ', 'T') : text, { zone: timezone, setZone: false });
  if (iso.isValid) return iso.toMillis();
  for (const format of NAIVE_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone: timezone });
    if (parsed.isValid) return parsed.toMillis();
  }
  for (const format of OFFSET_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone: 'UTC', setZone: true, locale: 'en-US' });
    if (parsed.isValid) return Math.abs(parsed.offset) <= MAX_OFFSET_MINUTES ? parsed.toMillis() : undefined;
  }
  const rfc = DateTime.fromRFC2822(text);
  if (rfc.isValid) return rfc.toMillis();
  return undefined;
}

// A twelve-hour time after a date, as Chinese exports and spreadsheets write it ("2026/11/02 下午
// 3:00", "2026-11-02 上午10:05:09") and English ones ("2026/11/02 3:00 PM"). 中午 is around noon:
// 中午12:30 is 12:30 and 中午1:00 is 13:00. 晚上 is the evening of the date and the night after it:
// 晚上12:01 is a minute past that midnight and 晚上1:00 an hour past it, on the next day, as people
// say it; 晚上6:00 to 11:59 are 18:00 to 23:59. Hour 0 is hour 12: 凌晨0:10 and 上午0:10 are 00:10,
// 下午0:10 is 12:10. 早晨 and 清晨 are read as 早上, 傍晚 as 下午, 夜里, 夜间, 深夜 and 午夜 as 晚上.
const MERIDIEM_BEFORE = /^(.*[\d日])\s*(上午|下午|中午|晚上|凌晨|早上|早晨|清晨|傍晚|夜里|夜间|深夜|午夜|AM|PM)\s*(\d{1,2})(:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/iu;
const MERIDIEM_AFTER = /^(.*[\d日])\s+(\d{1,2})(:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(AM|PM|上午|下午)$/iu;

/** Words for the evening and the night after it, read as 晚上 is (夜里11:40 is 23:40, 午夜12:10 the next day's 00:10). */
const NIGHT = /^(晚上|夜里|夜间|深夜|午夜)$/u;
/** The last hour of 晚上 that is still on the date written: later ones (12, 1 to 5) are past midnight. */
const LATEST_EVENING_HOUR = 11;
const EARLIEST_EVENING_HOUR = 6;

/**
 * The text with a twelve-hour time read as a 24-hour one, and how many days after the date written
 * the time falls (1 for 晚上 past midnight); undefined for an hour a twelve-hour clock does not have.
 */
function twentyFourHour(text: string): { text: string; days: number } | undefined {
  // A time is short; a long value is no time of this shape, and is not searched.
  if (text.length > 64 || !/[上下中晚凌早清傍夜深午]|[ap]m/iu.test(text)) return { text, days: 0 };
  let date: string;
  let meridiem: string;
  let hour: number;
  let rest: string;
  const before = MERIDIEM_BEFORE.exec(text);
  const after = before ? undefined : MERIDIEM_AFTER.exec(text);
  if (before) [date, meridiem, hour, rest] = [before[1]!, before[2]!, Number(before[3]), before[4]!];
  else if (after) [date, hour, rest, meridiem] = [after[1]!, Number(after[2]), after[3]!, after[4]!];
  else return { text, days: 0 };
  // Hours 1 to 12, or 0 to 11 as chat clients write the hour after midnight (凌晨0:10) and Java's
  // "a K:mm" pattern does: 0 is the hour 12 stands for.
  if (hour > 12) return undefined;
  let hour24 = hour % 12;
  let days = 0;
  if (NIGHT.test(meridiem)) {
    if (hour >= EARLIEST_EVENING_HOUR && hour <= LATEST_EVENING_HOUR) hour24 += 12;
    else days = 1;
  } else if (/^(下午|傍晚|pm)$/iu.test(meridiem)) hour24 += 12;
  else if (meridiem === '中午') hour24 = hour >= 11 ? hour : hour + 12;
  return { text: `${date.trim()} ${String(hour24).padStart(2, '0')}${rest}`, days };
}

/** The widest offset of any zone in use (Pacific/Kiritimati, +14:00). */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Whether an ISO_WITH_OFFSET text names a day its month has, and an offset within ±14:00. */
function isoDateAndOffsetExist(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  return !offset || (Number(offset[2]) * 60 + Number(offset[3]) <= MAX_OFFSET_MINUTES && Number(offset[3]) < 60);
}

/** A zone by name, resolved once: luxon resolves it, and works out its offset, on every call. */
const zones = new Map<string, Zone>();
/** Offsets (minutes) by zone and quarter hour: zones change offset only at quarter hours. */
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60 * 1000;

function offsetMinutes(zone: Zone, name: string, millis: number): number {
  const quarter = Math.floor(millis / QUARTER_HOUR);
  const key = `${name}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zone.offset(millis);
    // Kept only when the whole quarter hour has one offset, so a change inside one is never smeared.
    if (zone.offset(quarter * QUARTER_HOUR) !== offset || zone.offset((quarter + 1) * QUARTER_HOUR - 1) !== offset) return offset;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Formats an instant for people, in the configured zone: 2026-11-02 10:00:03. */
export function formatLocalTime(millis: number, timezone: string = DEFAULT_TIMEZONE): string {
  let zone = zones.get(timezone);
  if (!zone) {
    const probe = DateTime.fromMillis(0, { zone: timezone });
    if (!probe.isValid) return DateTime.fromMillis(millis, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm:ss');
    zones.set(timezone, (zone = probe.zone));
  }
  const local = new Date(millis + offsetMinutes(zone, timezone, millis) * 60_000);
  const year = local.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) return DateTime.fromMillis(millis, { zone: timezone }).toFormat('yyyy-MM-dd HH:mm:ss');
  return `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
}

/** Human-readable duration in Chinese: 45秒, 3分12秒, 2小时5分. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total}秒`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  return rest > 0 ? `${minutes}分${rest}秒` : `${minutes}分钟`;
}
