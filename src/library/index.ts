import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBuffer, EncodingScanner } from '../io/decode.js';
import { readTableLibrary, readTableRows } from './read-table.js';
import { cellText, WORKBOOK_LIMITS, workbookSizeProblem } from '../adapters/xlsx.js';
import { readTextLibrary } from './read-text.js';
import { readYamlLibrary } from './read-yaml.js';
import type { Library } from './reply.js';

/** A reply library holds hundreds of short replies: a workbook that inflates beyond this is no library. */
const LIBRARY_WORKBOOK_BYTES = 64 * 1024 * 1024;

export const LIBRARY_EXTENSIONS = ['yaml', 'yml', 'json', 'csv', 'tsv', 'xlsx', 'txt', 'md'];

/** Reads a canned-reply library by its file ending; the encoding is detected as for transcripts. */
export async function readLibrary(file: string, name: string = file): Promise<Library> {
  if (/\.xlsx$/i.test(file)) return readWorkbookLibrary(file, name);
  const bytes = await readFile(file);
  const scanner = new EncodingScanner();
  scanner.push(bytes);
  const verdict = scanner.verdict(true);
  const library = await readLibrarySource(name, decodeBuffer(bytes, { encoding: verdict.encoding, perLine: verdict.legacyLines !== undefined }));
  return { ...library, encoding: { name: verdict.encoding, bom: verdict.bomLength > 0, repaired: verdict.invalidUtf8, legacyLines: verdict.legacyLines?.count } };
}

/** Reads a library's text, by the ending of its name. */
export async function readLibrarySource(file: string, source: string): Promise<Library> {
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === 'yaml' || extension === 'yml') return readYamlLibrary(file, source, 'yaml');
  if (extension === 'json') return readYamlLibrary(file, source, 'json');
  if (extension === 'csv' || extension === 'tsv') return readTableLibrary(file, source);
  return readTextLibrary(file, source);
}

/**
 * An XLSX library (the 快捷短语 export of 千牛, 七鱼 and others): the first worksheet with a header
 * row is read like a CSV. Libraries are small, so the workbook is loaded whole.
 */
async function readWorkbookLibrary(file: string, name: string): Promise<Library> {
  // A library is loaded whole, so a workbook that inflates too far is refused before it is opened.
  const tooLarge = await workbookSizeProblem(file, { ...WORKBOOK_LIMITS, worksheet: LIBRARY_WORKBOOK_BYTES, sharedStrings: LIBRARY_WORKBOOK_BYTES, workbook: LIBRARY_WORKBOOK_BYTES });
  if (tooLarge) return { file: name, kind: 'xlsx', source: '', replies: [], problems: [{ reason: tooLarge }] };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    return { file: name, kind: 'xlsx', source: '', replies: [], problems: [{ reason: `not a readable XLSX workbook (${(error as Error).message}). Re-save it from Excel, or export CSV` }] };
  }
  const sheet = workbook.worksheets[0];
  const rows: Array<{ cells: string[]; line: number }> = [];
  sheet?.eachRow((row, line) => {
    const values = Array.isArray(row.values) ? row.values : [];
    rows.push({ cells: values.slice(1).map((value) => cellText(value)), line });
  });
  return readTableRows(name, 'xlsx', '', rows);
}
