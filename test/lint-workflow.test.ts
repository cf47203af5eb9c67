import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const SAMPLE = 'fixtures/jsonl/transcripts.jsonl';
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'supportlint-workflow-'));
const csvRows = (text: string) => parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;

async function findingsOf(args: string[]) {
  const run = await runCli(['lint', ...args, '-f', 'json']);
  return JSON.parse(run.stdout) as { results: Array<{ conversationId: string; findings: Array<Record<string, unknown>>; waived?: Array<Record<string, unknown>> }>; summary: Record<string, unknown> };
}

describe('findings out to Excel', () => {
  it('lint -f csv writes one row per finding with the Chinese headers, and keeps the exit code', async () => {
    const run = await runCli(['lint', SAMPLE, '-f', 'csv']);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('\uFEFF会话ID,时间,客服,规则,级别,原文,触发词,建议,文件位置,')).toBe(true);
    const rows = csvRows(run.stdout);
    const json = await findingsOf([SAMPLE]);
    const expected = json.results.flatMap((r) => r.findings.map((f) => [f.conversationId, f.ruleId]));
    expect(rows.map((row) => [row.会话ID, row.规则])).toEqual(expected);
    expect(rows.every((row) => /^fixtures\/jsonl\/transcripts\.jsonl:\d+$/.test(row.文件位置!))).toBe(true);
  });

  it('-f xlsx:file writes a workbook that exceljs reads back with the same rows as the CSV', async () => {
    const dir = tempDir();
    const file = path.join(dir, '问题.xlsx');
    const run = await runCli(['lint', SAMPLE, '-f', `xlsx:${file}`, '-f', 'csv']);
    expect(run.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const csv = csvRows(run.stdout);
    expect(sheet.rowCount).toBe(csv.length + 1);
    for (const [index, row] of csv.entries()) {
      expect(sheet.getRow(index + 2).getCell(1).value).toBe(row.会话ID);
      expect(sheet.getRow(index + 2).getCell(4).value).toBe(row.规则);
    }
  });

  it('-f xlsx to a terminal is refused with exit 2; into a pipe it writes the workbook', async () => {
    const terminal = await runCli(['lint', SAMPLE, '-f', 'xlsx'], { stdoutIsTTY: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stderr).toContain('二进制');
    expect(terminal.stdoutBytes.length).toBe(0);
    const piped = await runCli(['lint', SAMPLE, '-f', 'xlsx']);
    expect(piped.code).toBe(1);
    expect(piped.stdoutBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('--redact applies to the CSV: pseudonyms for ids and agents, masked numbers', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'chat.jsonl');
    writeFileSync(input, [
      { conversation_id: 'c-77', time: '2026-11-02T10:00:00+08:00', role: 'customer', text: '我的退款怎么还没到' },
      { conversation_id: 'c-77', time: '2026-11-02T10:00:30+08:00', role: 'agent', agent: '小林', text: '您直接打我手机13812345678吧' },
    ].map((m) => JSON.stringify(m)).join('\n'));
    const plain = csvRows((await runCli(['lint', input, '-f', 'csv'], { cwd: dir })).stdout);
    const redacted = csvRows((await runCli(['lint', input, '-f', 'csv', '--redact'], { cwd: dir, env: { SUPPORTLINT_REDACT_KEY: 'k' } })).stdout);
    expect(plain.some((row) => row.规则 === 'pii-exposure' && row.原文!.includes('13812345678') && row.客服 === '小林')).toBe(true);
    expect(redacted).toHaveLength(plain.length);
    expect(redacted.every((row) => row.会话ID!.startsWith('会话-') && row.客服!.startsWith('客服-'))).toBe(true);
    expect(redacted.some((row) => [row.原文, row.触发词, row.说明].join('').includes('13812345678'))).toBe(false);
  });
});
