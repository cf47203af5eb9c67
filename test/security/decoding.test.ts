import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncodingScanner } from '../../src/io/decode.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const line = (conversation: string, role: string, text: string, agent?: string) => `${JSON.stringify({ conversation_id: conversation, role, agent, text })}\n`;
const CHINESE = line('c1', 'customer', '我的快递三天都没动了') + line('c1', 'agent', '您好，这个是快递那边的问题，您去问一下快递吧', '小林');

function verdict(bytes: Buffer, chunk = bytes.length) {
  const scanner = new EncodingScanner();
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  return scanner.verdict(true);
}

describe('encoding is decided on all the bytes', () => {
  it('UTF-8 with a single stray 0xFF byte stays UTF-8; the byte is counted with its line', () => {
    const bytes = Buffer.concat([Buffer.from(CHINESE), Buffer.from([0xff]), Buffer.from(`\n${CHINESE}`)]);
    for (const chunk of [bytes.length, 1, 2, 3, 7]) {
      expect(verdict(bytes, chunk)).toEqual({ encoding: 'utf8', bomLength: 0, invalidUtf8: 1, invalidLines: [3] });
    }
  });

  it('GBK after more than 64 KB of ASCII is GB18030', () => {
    const bytes = Buffer.concat([Buffer.from(line('a', 'customer', 'hello').repeat(2000)), iconv.encode(CHINESE, 'gbk')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(verdict(bytes).encoding).toBe('gb18030');
    expect(verdict(bytes, 1 << 16).encoding).toBe('gb18030');
  });

  it('short GBK is GB18030; ASCII with one stray byte is UTF-8; a BOM always wins', () => {
    expect(verdict(iconv.encode(CHINESE, 'gbk')).encoding).toBe('gb18030');
    expect(verdict(Buffer.from('abc\xffdef', 'latin1')).encoding).toBe('utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(CHINESE, 'gbk')]);
    expect(verdict(bom)).toMatchObject({ encoding: 'utf8', bomLength: 3 });
    expect(verdict(iconv.encode(CHINESE, 'utf16le', { addBOM: true })).encoding).toBe('utf16le');
  });

  it('lint reads the UTF-8 file as UTF-8, names the agent right, finds the problem, and warns about the line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-enc-'));
    writeFileSync(path.join(dir, 'c.jsonl'), Buffer.concat([Buffer.from(CHINESE), Buffer.from('{"conversation_id":"c1","role":"customer","text":"好的\xff"}\n', 'latin1')]));
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'c.jsonl', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.results[0].agents).toEqual(['小林']);
    expect(report.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blame-shifting');
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'c.jsonl', line: 3 }, reason: expect.stringContaining('不是 UTF-8 的字节') }]);
  });

  it('convert reads GBK text after 64 KB of ASCII without replacement characters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-enc-'));
    writeFileSync(path.join(dir, 'g.jsonl'), Buffer.concat([Buffer.from(line('a', 'customer', 'hello').repeat(2000)), iconv.encode(CHINESE, 'gbk')]));
    const result = await runCli(['convert', 'g.jsonl'], { cwd: dir });
    expect(result.stdout).toContain('您去问一下快递吧');
    expect(result.stdout).not.toContain('\ufffd');
  });
});

/** UTF-16 text without a BOM, as some old Windows tools save "Unicode" text. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
}

describe('UTF-16 without a BOM is told from its NUL bytes', () => {
  it('little- and big-endian are recognised, however the bytes are cut into chunks', () => {
    for (const chunk of [1 << 20, 1, 3, 4096]) {
      expect(verdict(utf16(CHINESE, 'le'), chunk)).toMatchObject({ encoding: 'utf16le', bomLength: 0 });
      expect(verdict(utf16(CHINESE, 'be'), chunk)).toMatchObject({ encoding: 'utf16be', bomLength: 0 });
    }
  });

  it('text that is all Chinese is recognised by its line breaks', () => {
    const lines = '您好，已为您提交退款申请，预计一到三个工作日原路退回，请您耐心等待\n'.repeat(50);
    expect(verdict(utf16(lines, 'le')).encoding).toBe('utf16le');
    expect(verdict(utf16(lines, 'be')).encoding).toBe('utf16be');
  });

  it('UTF-8 with a stray NUL, or padded with a run of NULs, stays UTF-8', () => {
    expect(verdict(Buffer.concat([Buffer.from(CHINESE), Buffer.from([0]), Buffer.from(CHINESE)])).encoding).toBe('utf8');
    expect(verdict(Buffer.concat([Buffer.from(CHINESE), Buffer.alloc(4096)])).encoding).toBe('utf8');
    expect(verdict(Buffer.concat([Buffer.from(CHINESE), Buffer.from([0x61, 0]), Buffer.from(CHINESE.repeat(10))])).encoding).toBe('utf8');
  });

  it('lint reads a UTF-16LE JSONL and a UTF-16BE CSV without a BOM as it reads them in UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-utf16-'));
    const jsonl = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), 'utf8');
    const csv = readFileSync(path.join(ROOT, 'fixtures/csv/transcripts.csv'), 'utf8');
    writeFileSync(path.join(dir, 'utf8.jsonl'), jsonl);
    writeFileSync(path.join(dir, 'le.jsonl'), utf16(jsonl, 'le'));
    writeFileSync(path.join(dir, 'utf8.csv'), csv);
    writeFileSync(path.join(dir, 'be.csv'), utf16(csv, 'be'));
    for (const [plain, wide] of [['utf8.jsonl', 'le.jsonl'], ['utf8.csv', 'be.csv']] as const) {
      const expected = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, plain, '-f', 'json'], { cwd: dir })).stdout);
      const result = await runCli(['lint', '-c', REPO_CONFIG, wide, '-f', 'json'], { cwd: dir });
      const report = JSON.parse(result.stdout);
      expect(expected.summary.records.used).toBeGreaterThan(0);
      expect(report.summary.records).toEqual(expected.summary.records);
      expect(report.summary.unreadableFiles).toEqual([]);
      const findings = (r: { results: Array<{ findings: Array<{ ruleId: string; excerpt?: string }> }> }) => r.results.flatMap((c) => c.findings.map((f) => [f.ruleId, f.excerpt]));
      expect(findings(report)).toEqual(findings(expected));
      expect(result.code).toBe(1);
    }
  });

  it('replies reads a UTF-16LE library without a BOM: the same replies and findings as in UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-utf16-'));
    for (const extension of ['yaml', 'csv', 'txt']) {
      const source = readFileSync(path.join(ROOT, `fixtures/libraries/replies.${extension}`), 'utf8');
      writeFileSync(path.join(dir, `utf8.${extension}`), source);
      writeFileSync(path.join(dir, `le.${extension}`), utf16(source, 'le'));
      const expected = JSON.parse((await runCli(['replies', '-c', REPO_CONFIG, `utf8.${extension}`, '-f', 'json'], { cwd: dir })).stdout);
      const result = await runCli(['replies', '-c', REPO_CONFIG, `le.${extension}`, '-f', 'json'], { cwd: dir });
      const report = JSON.parse(result.stdout);
      expect(expected.summary.records.used).toBeGreaterThan(0);
      expect(report.summary.records).toEqual(expected.summary.records);
      expect(report.summary.errors + report.summary.warnings).toBe(expected.summary.errors + expected.summary.warnings);
    }
  });
});
