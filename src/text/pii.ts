/**
 * Finding and masking personal numbers in Chinese text: mainland mobile numbers, resident ID
 * numbers and bank card numbers. The pii-exposure rule uses these, and so can a later redaction
 * step (`report --redact`): every finder returns exact offsets and every kind has a mask.
 *
 * Long digit strings are everywhere in support chats (order, tracking and ticket numbers), so an ID
 * or card number only counts when its check digit is right: a random string passes the ID check one
 * time in eleven (and the birth-date check cuts that further), and the Luhn check one time in ten.
 */

export type PiiKind = 'mobile' | 'residentId' | 'bankCard';

export interface PiiMatch {
  readonly kind: PiiKind;
  /** [start, end) in the searched text, separators included. */
  readonly start: number;
  readonly end: number;
  /** The digits alone (an ID's final X upper-cased), without spaces, dashes or the +86 prefix. */
  readonly digits: string;
}

// GB 11643-1999 §6.2: weights 2^(17-i) mod 11 for the first 17 digits, and the check character for
// (sum mod 11) = 0…10.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * True for an 18-character resident ID number whose check character is right and whose birth date
 * (characters 7–14) is a real date from 1900 on. The date test is not part of the checksum, but
 * an order number that passes the checksum by chance rarely also holds a real date there.
 */
export function isValidResidentId(id: string): boolean {
  const value = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Luhn (mod 10) check that every bank card number carries in its last digit (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card-length string that passes Luhn and is not a run of one digit (0000…0 passes Luhn). */
export function isPlausibleBankCard(digits: string): boolean {
  return digits.length >= 16 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && passesLuhn(digits);
}

// A digit run glued to Latin letters or further digits is part of a code ("AB2026…", "xyz2603…"),
// so every pattern refuses a digit or a letter right before it, and a digit right after it.
// Mobile: 1[3-9] and nine digits (MIIT numbering plan), optionally +86/0086 and split 3-4-4.
const MOBILE = /(?<![0-9a-z])(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4})(?![0-9])/giu;
const RESIDENT_ID = /(?<![0-9a-z])(\d{17}[\dxX])(?![0-9a-z])/gu;
// Cards are written whole or in groups of four: "6222 0200 1234 5678 901".
const BANK_CARD = /(?<![0-9a-z])(\d{16,19}|\d{4}(?:[-\s]\d{4}){3}(?:[-\s]\d{1,3})?)(?![0-9a-z])/giu;

const onlyDigits = (text: string) => text.replace(/[^\dxX]/g, '').toUpperCase();

/** Full mainland mobile numbers. Masked ones ("138****5678") do not match. */
export function findMobileNumbers(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(MOBILE)) {
    found.push({ kind: 'mobile', start: m.index!, end: m.index! + m[0].length, digits: onlyDigits(m[1]!) });
  }
  return found;
}

/** Resident ID numbers (18 characters) that pass the GB 11643 check and hold a real birth date. */
export function findResidentIds(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(RESIDENT_ID)) {
    if (isValidResidentId(m[1]!)) found.push({ kind: 'residentId', start: m.index!, end: m.index! + m[0].length, digits: m[1]!.toUpperCase() });
  }
  return found;
}

/** Bank card numbers: 16–19 digits, whole or in groups of four, that pass the Luhn check. */
export function findBankCards(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(BANK_CARD)) {
    const digits = onlyDigits(m[1]!);
    if (isPlausibleBankCard(digits)) found.push({ kind: 'bankCard', start: m.index!, end: m.index! + m[0].length, digits });
  }
  return found;
}

/**
 * Every personal number in `text`, in order, without overlaps. An 18-digit string that passes the
 * ID check is an ID even if it also passes Luhn; a mobile number inside a longer run is not found
 * at all, because the patterns refuse neighbouring digits.
 */
export function findPersonalNumbers(text: string): PiiMatch[] {
  const ids = findResidentIds(text);
  const overlapsAny = (m: PiiMatch, others: readonly PiiMatch[]) => others.some((o) => m.start < o.end && m.end > o.start);
  const cards = findBankCards(text).filter((m) => !overlapsAny(m, ids));
  const mobiles = findMobileNumbers(text).filter((m) => !overlapsAny(m, ids) && !overlapsAny(m, cards));
  return [...ids, ...cards, ...mobiles].sort((a, b) => a.start - b.start);
}

/** Keeps `head` characters and `tail` characters and stars the rest: maskMiddle("13812345678", 3, 4) = "138****5678". */
export function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/**
 * The usual display masks: a phone keeps 3 + 4 digits (138****5678), an ID keeps the region code
 * and the check character's group (110101********123X), a card keeps 4 + 4 (6222***********7890).
 */
export function maskPersonalNumber(match: Pick<PiiMatch, 'kind' | 'digits'>): string {
  switch (match.kind) {
    case 'mobile':
      return maskMiddle(match.digits, 3, 4);
    case 'residentId':
      return maskMiddle(match.digits, 6, 4);
    case 'bankCard':
      return maskMiddle(match.digits, 4, 4);
  }
}
