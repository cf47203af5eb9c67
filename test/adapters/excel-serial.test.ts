import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelSerialOf, excelSerialWallClock } from '../../src/time/instant.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/**
 * Times written as Excel day serials: a time column whose cells lost their date format (General),
 * in a workbook or in a CSV saved from one. 46328.4166666667 is 2026-11-02 10:00 on the wall clock;
 * read as epoch seconds it was 1970-01-01 12:52:08 UTC, and a 5-minute wait became 4 ms.
 */
const CUSTOMER_AT = '46328.4166666667'; // 2026-11-02 10:00:00 (45292 is 2024-01-01 in Excel)
const AGENT_AT = '46328.4201388889'; // 2026-11-02 10:05:00

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-serial-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const CSV = `conversation_id,time,role,agent,text\nc1,${CUSTOMER_AT},customer,,我的快递三天都没动了\nc1,${AGENT_AT},agent,小林,您好，我马上帮您查一下物流\n`;

/** The same rows in a workbook whose time cells are numbers in the General format. */
async function generalFormatWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会话');
  sheet.addRow(['conversation_id', 'time', 'role', 'agent', 'text']);
  sheet.addRow(['c1', Number(CUSTOMER_AT), 'customer', '', '我的快递三天都没动了']);
  sheet.addRow(['c1', Number(AGENT_AT), 'agent', '小林', '您好，我马上帮您查一下物流']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Lint {
  results: Array<{ findings: Array<{ ruleId: string }> }>;
  summary: { warningsAboutInput: Array<{ location: { file: string; line?: number; sheet?: string }; reason: string }> };
}

describe('Excel day serials in a time column', () => {
  it('a CSV and a General-format workbook read them as wall-clock times in the configured timezone', async () => {
    const dir = workspace({ 'serial.csv': CSV, 'serial.xlsx': await generalFormatWorkbook() });
    for (const file of ['serial.csv', 'serial.xlsx']) {
      for (const [timezone, expected] of [['Asia/Shanghai', ['2026-11-02T10:00:00+08:00', '2026-11-02T10:05:00+08:00']], ['UTC', ['2026-11-02T10:00:00Z', '2026-11-02T10:05:00Z']]] as const) {
        const result = await runCli(['convert', file, '--to', 'jsonl', '--timezone', timezone], { cwd: dir });
        const times = result.stdout.trim().split('\n').map((line) => new Date((JSON.parse(line) as { time: string }).time).getTime());
        expect(times, `${file} ${timezone}`).toEqual(expected.map((time) => Date.parse(time)));
      }
    }
  });

  it('lint measures the 5-minute first response, and notes once per file that serials were read as Excel dates', async () => {
    const twice = `${CSV}c2,${CUSTOMER_AT},customer,,在吗\nc2,${AGENT_AT},agent,小林,您好\n`;
    const dir = workspace({ 'serial.csv': twice, 'serial.xlsx': await generalFormatWorkbook() });
    for (const file of ['serial.csv', 'serial.xlsx']) {
      const result = await runCli(['lint', '-c', REPO_CONFIG, file, '-f', 'json', '--rule', 'slow-first-response'], { cwd: dir });
      const report = JSON.parse(result.stdout) as Lint;
      expect(report.results.flatMap((r) => r.findings.map((f) => f.ruleId)), file).toContain('slow-first-response');
      const notes = report.summary.warningsAboutInput;
      expect(notes, file).toHaveLength(1);
      expect(notes[0]!.reason, file).toContain(CUSTOMER_AT);
      expect(notes[0]!.reason, file).toContain('2026-11-02 10:00:00');
      expect(notes[0]!.reason, file).toContain('Excel');
    }
  });

  it('epoch seconds and milliseconds of real dates are read as before, without a note', async () => {
    const epoch = `conversation_id,time,role,agent,text\nc1,1793584800,customer,,在吗\nc1,1793584810000,agent,小林,您好\n`;
    const dir = workspace({ 'epoch.csv': epoch });
    const result = await runCli(['convert', 'epoch.csv', '--to', 'jsonl', '--timezone', 'UTC'], { cwd: dir });
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { time: string }).time)).toEqual(['2026-11-02T02:00:00Z', '2026-11-02T02:00:10Z']);
    expect(result.stderr).not.toContain('Excel');
  });
});

describe('which numbers are Excel serials', () => {
  it('numbers (or numeric text) whose serial reading is 1954–2119: as epoch seconds they are all on 1970-01-01', () => {
    expect(excelSerialOf(46328.4166666667)).toBe(46328.4166666667);
    expect(excelSerialOf(' 46328 ')).toBe(46328);
    expect(excelSerialOf(19724.99)).toBeUndefined();
    expect(excelSerialOf(80355)).toBeUndefined();
    expect(excelSerialOf(1793584800)).toBeUndefined();
    expect(excelSerialOf('2026-11-03')).toBeUndefined();
    expect(excelSerialWallClock(46328.4166666667)).toBe('2026-11-02T10:00:00.000');
    expect(excelSerialWallClock(45292)).toBe('2024-01-01T00:00:00.000');
    expect(excelSerialWallClock(19725)).toBe('1954-01-01T00:00:00.000');
    expect(excelSerialWallClock(25569.5)).toBe('1970-01-01T12:00:00.000');
  });
});
