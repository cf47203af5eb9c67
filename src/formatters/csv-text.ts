import { visibleKeepingLineBreaks } from './excerpt.js';

/**
 * Writing text for spreadsheets, shared by `lint -f csv` and `report -f csv`.
 *
 * Excel reads a CSV without a byte-order mark in the machine's ANSI code page (GBK on Chinese
 * Windows), which turns UTF-8 Chinese into mojibake; with the BOM it reads UTF-8. csv-parse and
 * most other readers skip the BOM (csv-parse with `bom: true`).
 */
export const UTF8_BOM = '\uFEFF';
/** RFC 4180 ends every record with CRLF. */
export const RECORD_END = '\r\n';

/**
 * One field, quoted as RFC 4180 asks: only when it holds a comma, a double quote, CR or LF, with
 * inner quotes doubled. Leading and trailing spaces are kept as they are, inside quotes, since
 * some readers trim unquoted ones. Control and bidi formatting characters from the data (ESC, BEL,
 * U+202E …) are written as visible escapes, as on a terminal, where a CSV is often looked at
 * first; line breaks stay, inside the quotes.
 */
export function csvField(value: string): string {
  const shown = visibleKeepingLineBreaks(value);
  return /[",\r\n]|^\s|\s$/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}

/**
 * Text that came from the input (names, ids, files) and starts like a formula is prefixed with an
 * apostrophe, or Excel and LibreOffice would evaluate it on opening ("CSV injection", OWASP). Only
 * text gets this; numbers written by supportlint itself pass untouched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV record of already-written field texts, CRLF-terminated. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + RECORD_END;
}
