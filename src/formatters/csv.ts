import { csvRecord, neutraliseFormula, UTF8_BOM } from './csv-text.js';
import { findingHeaders, resultRows, type TableCell } from './finding-table.js';
import type { Formatter } from './formatter.js';

/** Text from the data is guarded against formulas; numbers and times are supportlint's own. */
function cellText(cell: TableCell): string {
  if (cell === null) return '';
  if ('number' in cell) return String(cell.number);
  if ('time' in cell) return cell.time.local;
  return neutraliseFormula(cell.text);
}

/**
 * One row per finding with Chinese headers, for Excel (see finding-table.ts): a UTF-8 BOM, so
 * that Excel on a Chinese Windows does not read it as GBK, RFC 4180 quoting and CRLF records, and
 * every cell from the data that starts like a formula (= + - @ tab CR) prefixed with an apostrophe.
 * Rows are written as each conversation is linted.
 */
export function csvFormatter(): Formatter {
  return {
    start: (context) => UTF8_BOM + csvRecord(findingHeaders(context.command)),
    result: (result, context) => resultRows(result, context).map((row) => csvRecord(row.map(cellText))).join(''),
    end: () => '',
  };
}
