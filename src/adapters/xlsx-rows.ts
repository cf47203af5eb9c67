import { StringDecoder } from 'node:string_decoder';
import { t } from '../i18n/index.js';

/** A worksheet row taken out of the XML before exceljs parses it, with the reason shown to users. */
export interface DamagedRow {
  row: number;
  reason: string;
}

/** Excel's last column, XFD (ECMA-376 Part 1, 18.3.1.4: at most 16,384 columns). */
const MAX_COLUMN = 16384;
/** Excel's last row (ECMA-376 Part 1, 18.3.1.73: at most 1,048,576 rows). */
const MAX_ROW = 1048576;
/** How much of a damaged cell reference a message quotes: the data can be as long as it likes. */
const QUOTED_REFERENCE = 24;

const CELL_REFERENCE = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/;
const ROW_NUMBER = /^[0-9]{1,7}$/;
const ATTRIBUTE = /\s([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const VALUE = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;

function columnOf(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function attributesOf(startTag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of startTag.matchAll(ATTRIBUTE)) attributes.set(match[1]!, match[2] ?? match[3] ?? '');
  return attributes;
}

function quoted(reference: string): string {
  return reference.length > QUOTED_REFERENCE ? `${reference.slice(0, QUOTED_REFERENCE)}…` : reference;
}

/** Where the start tag of the next `<c>` element begins at or after `from`, or -1. */
function nextCell(xml: string, from: number): number {
  for (let at = xml.indexOf('<c', from); at >= 0; at = xml.indexOf('<c', at + 2)) {
    const after = xml[at + 2];
    if (after === undefined || after === '>' || after === '/' || /\s/.test(after)) return at;
  }
  return -1;
}

/**
 * One `<row>` element checked cell by cell: the row as exceljs may read it, or why it cannot be.
 * exceljs's streaming reader stops the whole workbook at a cell reference beyond column XFD, and
 * fails on a cell without one, though the reference is optional (18.3.1.4): a missing reference
 * is filled in as the cell after the one before, as Excel reads it. A shared-string index beyond
 * the workbook's table would be read as an empty message, so the row is refused.
 */
export function checkRow(xml: string, rowNumber: number, sharedStrings: number): { xml: string } | { reason: string } {
  let out = '';
  let copied = 0;
  let column = 0;
  for (let at = nextCell(xml, 0); at >= 0; at = nextCell(xml, at + 2)) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const selfClosing = xml[tagEnd - 1] === '/';
    const startTag = xml.slice(at, selfClosing ? tagEnd - 1 : tagEnd);
    const attributes = attributesOf(startTag);
    const reference = attributes.get('r');
    if (reference === undefined) {
      column++;
      if (column > MAX_COLUMN) return { reason: t('xlsx.tooManyCells', { max: MAX_COLUMN.toLocaleString('en-US') }) };
      out += `${xml.slice(copied, at + 2)} r="${columnLetters(column)}${rowNumber}"`;
      copied = at + 2;
    } else {
      const parts = CELL_REFERENCE.exec(reference);
      if (!parts || columnOf(parts[1]!) > MAX_COLUMN) return { reason: t('xlsx.badCellReference', { reference: quoted(reference) }) };
      column = columnOf(parts[1]!);
    }
    if (attributes.get('t') === 's' && !selfClosing) {
      const end = xml.indexOf('</c>', tagEnd);
      const body = xml.slice(tagEnd + 1, end < 0 ? xml.length : end);
      const value = VALUE.exec(body)?.[1]?.trim();
      if (value !== undefined && !body.includes('<f')) {
        const index = /^[0-9]{1,10}$/.test(value) ? Number(value) : -1;
        if (index < 0 || index >= sharedStrings) return { reason: t('xlsx.badSharedString', { index: quoted(value), count: sharedStrings.toLocaleString('en-US') }) };
      }
    }
  }
  return { xml: out + xml.slice(copied) };
}

/**
 * A row's XML with its ISO 8601 date cells (`t="d"`, 18.18.11: `<v>2026-11-03T10:00:00</v>`) made
 * text cells (`t="str"`), so that their time is read as a text time is: a naive one in the
 * configured timezone. exceljs read such a value as a number, 2026, which became a time in 1970.
 */
export function isoDateCellsAsText(rowXml: string): string {
  return rowXml.replace(/<c\b[^>]*>/g, (tag) => tag.replace(/(\st\s*=\s*)(["'])d\2/, '$1$2str$2'));
}

/** Where the next `<row>` element's start tag begins at or after `from` (not `<rowBreaks>`), or -1. */
function nextRow(xml: string, from: number): number {
  for (let at = xml.indexOf('<row', from); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const after = xml[at + 4];
    if (after === undefined || after === '>' || after === '/' || /\s/.test(after)) return at;
  }
  return -1;
}

/**
 * A worksheet part's XML with every row checked (see checkRow) before exceljs parses it, chunk by
 * chunk. A row that cannot be read is left out and handed to `onDamagedRow`, so that it is skipped
 * with its number and the rows around it are still read; one bad cell used to end the workbook.
 * A row without a number is numbered after the one before (18.3.1.73). `sharedStrings` gives the
 * size of the workbook's shared-string table, which exceljs has read before any worksheet.
 * A row is held whole until it ends; boundedPart has limited its size.
 */
export async function* rowsChecked(chunks: AsyncIterable<Buffer | string>, sharedStrings: () => number, onDamagedRow: (row: DamagedRow) => void): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lastRow = 0;
  const take = (text: string, final: boolean): string => {
    let out = '';
    let at = 0;
    // Passes on what comes before `from`, and holds the rest back until more of the part arrives.
    const holdFrom = (from: number): string => {
      out += text.slice(at, final ? text.length : from);
      carry = final ? '' : text.slice(from);
      return out;
    };
    for (;;) {
      const start = nextRow(text, at);
      if (start < 0) {
        // What could be the start of a row tag cut short by the chunk boundary waits for the next chunk.
        const partial = text.lastIndexOf('<');
        return holdFrom(partial >= Math.max(at, text.length - 4) && '<row'.startsWith(text.slice(partial)) ? partial : text.length);
      }
      const tagEnd = text.indexOf('>', start);
      if (tagEnd < 0) return holdFrom(start);
      const selfClosing = text[tagEnd - 1] === '/';
      const close = selfClosing ? tagEnd + 1 : text.indexOf('</row>', tagEnd);
      if (close < 0) return holdFrom(start);
      const end = selfClosing ? close : close + '</row>'.length;
      out += text.slice(at, start);
      at = end;
      const rowXml = text.slice(start, end);
      const declared = attributesOf(text.slice(start, selfClosing ? tagEnd - 1 : tagEnd)).get('r');
      const rowNumber = declared === undefined ? lastRow + 1 : ROW_NUMBER.test(declared.trim()) ? Number(declared.trim()) : NaN;
      if (!(rowNumber >= 1 && rowNumber <= MAX_ROW)) {
        lastRow++;
        onDamagedRow({ row: lastRow, reason: t('xlsx.badRowNumber', { reference: quoted(declared ?? '') }) });
        continue;
      }
      lastRow = rowNumber;
      const checked = checkRow(rowXml, rowNumber, sharedStrings());
      if ('reason' in checked) {
        onDamagedRow({ row: rowNumber, reason: checked.reason });
        continue;
      }
      const rowOut = isoDateCellsAsText(checked.xml);
      out += declared === undefined ? `<row r="${rowNumber}"${rowOut.slice(4)}` : rowOut;
    }
  };
  for await (const chunk of chunks) {
    const ready = take(carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk)), false);
    if (ready !== '') yield Buffer.from(ready, 'utf8');
  }
  const rest = take(carry + decoder.end(), true);
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}
