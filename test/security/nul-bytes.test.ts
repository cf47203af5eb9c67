import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncodingScanner } from '../../src/io/decode.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/**
 * NUL bytes in UTF-8 exports: inside a text field, after each JSONL record, in a header name and in
 * the ids under it. They are dropped with a note that counts them and names the first line; a file
 * is read as UTF-16 without a BOM only when its NULs sit beside most characters, or its bytes are
 * not UTF-8.
 */
const HEADER = 'conversation_id,time,role,agent,text';

/** Rows of one length with NULs inside the texts: the NULs land on one side of the code units. */
function csvWithNulsInText(conversations: number): string {
  const rows = [HEADER];
  for (let i = 0; i < conversations; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    rows.push(`${id},2026-11-03 10:00:00,customer,,hi\0there\0\0`, `${id},2026-11-03 10:01:00,agent,小林,\0滚，爱买不买`);
  }
  return `${rows.join('\n')}\n`;
}

function jsonlWithTrailingNuls(conversations: number): string {
  const lines: string[] = [];
  for (let i = 0; i < conversations; i++) {
    lines.push(JSON.stringify({ conversation_id: `c${i}`, time: '2026-11-03T10:00:00+08:00', role: 'customer', text: '在吗' }));
    lines.push(JSON.stringify({ conversation_id: `c${i}`, time: '2026-11-03T10:01:00+08:00', role: 'agent', agent: '小林', text: '滚，爱买不买' }));
  }
  return lines.map((line) => `${line}${'\0'.repeat(8)}\n`).join('');
}

function csvWithPaddedHeader(conversations: number): string {
  const rows = ['conversation_id\0,time,role,agent,text'];
  for (let i = 0; i < conversations; i++) rows.push(`c${i}\0\0,2026-11-03 10:00:00,customer,,在吗`, `c${i}\0\0,2026-11-03 10:01:00,agent,小林,滚，爱买不买`);
  return `${rows.join('\n')}\n`;
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-nul-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

interface LintJson {
  results: Array<{ conversationId: string; findings: Array<{ ruleId: string; agent?: string }> }>;
  summary: {
    conversations: number;
    messages: number;
    records: { read: number; used: number; skipped: number };
    unreadableFiles: unknown[];
    warningsAboutInput: Array<{ location: { file: string; line?: number }; reason: string }>;
  };
}

async function lintJson(dir: string, file: string): Promise<{ code: number; report: LintJson }> {
  const result = await runCli(['lint', '-c', REPO_CONFIG, file, '-f', 'json'], { cwd: dir });
  return { code: result.code, report: JSON.parse(result.stdout) as LintJson };
}

describe('NUL bytes in UTF-8 exports are dropped with a note, and the file is read', () => {
  it('a CSV with NULs inside text fields stays UTF-8: every conversation is read, the agent is named, the note counts the NULs', async () => {
    const dir = workspace({ 'nul2.csv': csvWithNulsInText(20) });
    const { code, report } = await lintJson(dir, 'nul2.csv');
    expect(report.summary.unreadableFiles).toEqual([]);
    expect(report.summary.conversations).toBe(20);
    expect(report.summary.records).toEqual({ read: 40, used: 40, skipped: 0 });
    expect(report.results.map((r) => r.conversationId)).toContain('c00');
    expect(report.results.flatMap((r) => r.findings.map((f) => f.agent))).toContain('小林');
    expect(code).toBe(1);
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'nul2.csv', line: 2 }, reason: expect.stringContaining('80 个 NUL 字节') }]);
  });

  it('the text no longer holds the NULs (convert)', async () => {
    const dir = workspace({ 'nul2.csv': csvWithNulsInText(2) });
    const result = await runCli(['convert', 'nul2.csv', '--to', 'jsonl'], { cwd: dir });
    const texts = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text);
    expect(texts).toEqual(['hithere', '滚，爱买不买', 'hithere', '滚，爱买不买']);
  });

  it('a JSONL whose lines end in NUL padding is recognised and every line read', async () => {
    const dir = workspace({ 'nulpad.jsonl': jsonlWithTrailingNuls(10) });
    const { code, report } = await lintJson(dir, 'nulpad.jsonl');
    expect(report.summary.unreadableFiles).toEqual([]);
    expect(report.summary.records).toEqual({ read: 20, used: 20, skipped: 0 });
    expect(report.summary.conversations).toBe(10);
    expect(code).toBe(1);
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'nulpad.jsonl', line: 1 }, reason: expect.stringContaining('160 个 NUL 字节') }]);
  });

  it('a header name and ids padded with NULs: the id column is found and each conversation kept apart', async () => {
    const dir = workspace({ 'nulhdr.csv': csvWithPaddedHeader(50) });
    const { report } = await lintJson(dir, 'nulhdr.csv');
    expect(report.summary.conversations).toBe(50);
    expect(report.results.map((r) => r.conversationId).slice(0, 2)).toEqual(['c0', 'c1']);
    expect(report.summary.warningsAboutInput.map((w) => w.location.line)).toEqual([1]);
  });
});

describe('a CSV without a conversation id column', () => {
  it('is read as one conversation named by the file, with a note naming the columns found and the names expected', async () => {
    const dir = workspace({ 'sid.csv': 'sid,time,role,agent,text\ns1,2026-11-03 10:00:00,customer,,在吗\ns2,2026-11-03 10:01:00,agent,小林,您好\n' });
    const { report } = await lintJson(dir, 'sid.csv');
    expect(report.summary.conversations).toBe(1);
    expect(report.results.map((r) => r.conversationId)).toEqual(['sid.csv']);
    expect(report.summary.warningsAboutInput).toHaveLength(1);
    const [note] = report.summary.warningsAboutInput;
    expect(note!.location).toEqual({ file: 'sid.csv', line: 1 });
    expect(note!.reason).toContain('"sid", "time", "role", "agent", "text"');
    expect(note!.reason).toContain('conversation_id');
    expect(note!.reason).toContain('--map conversation=');
  });

  it('says nothing when the table has no rows, or when it has the column', async () => {
    const dir = workspace({ 'empty.csv': 'sid,time,role,agent,text\n', 'ok.csv': 'conversation_id,time,role,agent,text\nc1,2026-11-03 10:00:00,customer,,在吗\n' });
    for (const file of ['empty.csv', 'ok.csv']) expect((await lintJson(dir, file)).report.summary.warningsAboutInput, file).toEqual([]);
  });
});

describe('UTF-16 without a BOM needs NULs that look like UTF-16', () => {
  const verdict = (bytes: Buffer) => {
    const scanner = new EncodingScanner();
    scanner.push(bytes);
    return scanner.verdict(true);
  };

  it('NULs that line up by chance in UTF-8 text are not UTF-16; the same text in UTF-16 still is', () => {
    const text = csvWithNulsInText(20);
    expect(verdict(Buffer.from(text))).toMatchObject({ encoding: 'utf8', nulBytes: { count: 80, firstLine: 2 } });
    const clean = text.replaceAll('\0', '');
    expect(verdict(iconv.encode(clean, 'utf16le')).encoding).toBe('utf16le');
    expect(verdict(iconv.encode(clean, 'utf16be')).encoding).toBe('utf16be');
    const ascii = clean.replace(/[^\x00-\x7f]/g, 'x');
    expect(verdict(iconv.encode(ascii, 'utf16be')).encoding).toBe('utf16be');
    // ASCII UTF-8 with a few NULs that line up: most characters have no NUL beside them.
    expect(verdict(Buffer.from(text.replace(/[^\x00-\x7f]/g, 'x'))).encoding).toBe('utf8');
  });

  it('a file without NULs has no NUL count', () => {
    expect(verdict(Buffer.from(csvWithNulsInText(2).replaceAll('\0', ''))).nulBytes).toBeUndefined();
  });
});
