import { PassThrough } from 'node:stream';
import { FINDING_COLUMNS, findingHeaders, resultRows, type TableCell } from './finding-table.js';
import type { Formatter } from './formatter.js';
import { append } from '../arrays.js';

/** Excel holds at most 32,767 characters in a cell; a longer quote would make it refuse the file. */
const CELL_LIMIT = 32_767;
/** Characters XML 1.0 cannot carry (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/F). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Column widths in characters, for the columns of FINDING_COLUMNS. */
const WIDTHS = [18, 20, 10, 20, 6, 50, 16, 40, 30, 6, 50, 6, 30];

function cellValue(cell: TableCell): string | number | Date | null {
  if (cell === null) return null;
  if ('number' in cell) return cell.number;
  // Excel dates carry no zone: the local wall-clock time is written as it reads.
  if ('time' in cell) return new Date(`${cell.time.local.replace(' ', 'T')}Z`);
  const clean = cell.text.replace(NOT_XML, '\ufffd');
  return clean.length > CELL_LIMIT ? `${clean.slice(0, CELL_LIMIT - 1)}…` : clean;
}

/**
 * The findings as an Excel workbook: the same rows and headers as `-f csv`, on a sheet 问题 with the
 * header row frozen and filters on. Text stays text (a cell is never a formula, whatever it starts
 * with), times are Excel dates in the configured zone. A workbook is one zip archive written at the
 * end, so the rows are held until then (a few hundred bytes each); exceljs is loaded only then.
 */
export function xlsxFormatter(): Formatter {
  const rows: TableCell[][] = [];
  return {
    result(result, context) {
      append(rows, resultRows(result, context));
      return '';
    },
    async end(_summary, context) {
      const { default: ExcelJS } = await import('exceljs');
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('问题', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = findingHeaders(context.command).map((header, index) => ({
        header,
        width: WIDTHS[index],
        ...(FINDING_COLUMNS[index] === '时间' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
      }));
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } };
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) sheet.addRow(row.map(cellValue)).commit();
      sheet.commit();
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}
