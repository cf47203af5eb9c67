import iconv from 'iconv-lite';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeStream, EncodingScanner } from '../../src/io/decode.js';
import { openFile, wholeText } from '../../src/io/input.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/** One canonical JSONL record. */
const record = (conversation: string, role: string, text: string, agent?: string) => `${JSON.stringify({ conversation_id: conversation, role, agent, text })}\n`;

/** A conversation whose agent shifts the blame: one error under the repository configuration. */
const blameShift = (id: string) => record(id, 'customer', '我的快递三天都没动了，太过分了') + record(id, 'agent', '这个是快递那边的问题，您去问一下快递吧', '小林');

/** `utf8Count` conversations in UTF-8, then `gbkCount` in GBK, as an export appended to from Excel. */
function mixedJsonl(utf8Count: number, gbkCount: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < utf8Count; i++) parts.push(Buffer.from(blameShift(`u${i}`)));
  for (let i = 0; i < gbkCount; i++) parts.push(iconv.encode(blameShift(`g${i}`), 'gbk'));
  return Buffer.concat(parts);
}

function verdict(bytes: Buffer, chunk = bytes.length) {
  const scanner = new EncodingScanner();
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  return scanner.verdict(true);
}

function tempFile(name: string, bytes: Buffer): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-mixed-'));
  writeFileSync(path.join(dir, name), bytes);
  return { dir, file: path.join(dir, name) };
}

async function collect(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

describe('a UTF-8 file with lines in GBK is decoded line by line', () => {
  it('the scanner keeps UTF-8 and names the GBK lines, however the bytes are cut into chunks', () => {
    // 19 UTF-8 lines and a last line in GBK.
    const bytes = Buffer.concat([mixedJsonl(9, 0), Buffer.from(record('u9', 'customer', '好的，谢谢')), iconv.encode(record('g0', 'agent', '这个是快递那边的问题', '小林'), 'gbk')]);
    for (const chunk of [bytes.length, 1, 2, 3, 7, 64]) {
      expect(verdict(bytes, chunk)).toEqual({ encoding: 'utf8', bomLength: 0, invalidUtf8: 0, invalidLines: [], legacyLines: { encoding: 'gb18030', count: 1, lines: [20] } });
    }
  });

  it('a file in GBK throughout is still GB18030 as a whole; UTF-8 with a stray byte still UTF-8 with U+FFFD', () => {
    expect(verdict(mixedJsonl(0, 20))).toMatchObject({ encoding: 'gb18030', invalidUtf8: 0 });
    expect(verdict(mixedJsonl(0, 20)).legacyLines).toBeUndefined();
    const stray = Buffer.concat([mixedJsonl(3, 0), Buffer.from('{"conversation_id":"x","role":"customer","text":"好的'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    expect(verdict(stray)).toEqual({ encoding: 'utf8', bomLength: 0, invalidUtf8: 1, invalidLines: [7] });
  });

  it('a GBK word inside a UTF-8 line stays U+FFFD; a UTF-8 field inside a GBK line is kept', async () => {
    const word = Buffer.concat([Buffer.from('{"role":"agent","agent":"小林","text":"您好，我是客服小林，'), iconv.encode('小周', 'gbk'), Buffer.from('不在，请稍等片刻，马上为您处理"}\n')]);
    const gbkText = Buffer.concat([Buffer.from('{"role":"agent","agent":"小周","text":"'), iconv.encode('您好，这张券需要满两百元才可以使用的', 'gbk'), Buffer.from('"}\n')]);
    const bytes = Buffer.concat([mixedJsonl(2, 0), word, gbkText]);
    expect(verdict(bytes)).toMatchObject({ invalidLines: [5], legacyLines: { count: 1, lines: [6] } });
    const text = await collect(decodeStream(Readable.from([bytes]), { encoding: 'utf8', perLine: true }));
    expect(text).toContain('"agent":"小周","text":"您好，这张券需要满两百元才可以使用的"');
    // 小 in GBK (D0 A1) happens to be valid UTF-8 (С); 周 (D6 DC) is not.
    expect(text).toContain('"text":"您好，我是客服小林，С\ufffd\ufffd不在，请稍等片刻，马上为您处理"');
  });

  it('the stream, cut anywhere, and the whole-file read give the same text', async () => {
    const bytes = Buffer.concat([mixedJsonl(5, 3), mixedJsonl(2, 0)]);
    const expected = iconv.decode(mixedJsonl(5, 0), 'utf8') + blameShift('g0') + blameShift('g1') + blameShift('g2') + blameShift('u0') + blameShift('u1');
    for (const size of [1, 5, 100, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(await collect(decodeStream(Readable.from(chunks), { encoding: 'utf8', perLine: true }))).toBe(expected);
    }
    const { file } = tempFile('m.jsonl', bytes);
    const input = await openFile(file);
    expect(input.encoding).toBe('utf8');
    expect(input.legacyLines).toEqual({ encoding: 'gb18030', count: 6, lines: [11, 12, 13, 14, 15, 16] });
    expect(await wholeText(input)).toBe(expected);
    expect(await collect(input.text())).toBe(expected);
    expect(input.head).toBe(expected);
  });

  it('lint reads JSONL with its last line in GBK: agents named right, the error found, the line warned about', async () => {
    const bytes = Buffer.concat([mixedJsonl(9, 0), Buffer.from(record('u9', 'customer', '好的')), iconv.encode(record('u9', 'agent', '这个是快递那边的问题，您去问一下快递吧', '小林'), 'gbk')]);
    const { dir } = tempFile('m.jsonl', bytes);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'm.jsonl', '-f', 'json', '--strict'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.results).toHaveLength(10);
    for (const conversation of report.results) {
      expect(conversation.agents).toEqual(['小林']);
      expect(conversation.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blame-shifting');
    }
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'm.jsonl', line: 20 }, reason: '这一行不是 UTF-8，已按 GB18030 读取。请把文件统一存为 UTF-8。' }]);
  });

  it('with many GBK lines, the first are named and the count is given', async () => {
    const { dir } = tempFile('m.jsonl', mixedJsonl(30, 15));
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'm.jsonl', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout);
    expect(report.results).toHaveLength(45);
    expect(report.results.filter((r: { findings: Array<{ ruleId: string }> }) => r.findings.some((f) => f.ruleId === 'blame-shifting'))).toHaveLength(45);
    expect(report.summary.warningsAboutInput).toHaveLength(20);
    expect(report.summary.warningsAboutInput[0]).toEqual({ location: { file: 'm.jsonl', line: 61 }, reason: '这一行不是 UTF-8，已按 GB18030 读取（共 30 行，只列出前 20 行）。请把文件统一存为 UTF-8。' });
  });

  it('CSV with its last rows in GBK', async () => {
    const header = 'conversation_id,time,role,agent,text\n';
    const row = (id: string, second: number, role: string, agent: string, text: string) => `${id},2026-11-02T10:00:${String(second).padStart(2, '0')}+08:00,${role},${agent},${text}\n`;
    const conversation = (id: string) => row(id, 1, 'customer', '', '我的快递三天都没动了，太过分了') + row(id, 30, 'agent', '小林', '这个是快递那边的问题，您去问一下快递吧');
    const bytes = Buffer.concat([Buffer.from(header + conversation('c1') + conversation('c2')), iconv.encode(conversation('c3'), 'gbk')]);
    const { dir } = tempFile('m.csv', bytes);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'm.csv', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { agents: string[] }) => r.agents)).toEqual([['小林'], ['小林'], ['小林']]);
    expect(report.results.every((r: { findings: Array<{ ruleId: string }> }) => r.findings.some((f) => f.ruleId === 'blame-shifting'))).toBe(true);
    expect(report.summary.warningsAboutInput.map((w: { location: { line: number } }) => w.location.line)).toEqual([6, 7]);
  });

  it('a JSON document with one message line in GBK', async () => {
    const message = (agent: string, text: string) => `        {"role": "agent", "agent_name": "${agent}", "time": 1793584830, "text": "${text}"}`;
    const json = (gbkLine: Buffer) =>
      Buffer.concat([
        Buffer.from('{\n  "conversations": [\n    {\n      "id": "k-1",\n      "messages": [\n        {"role": "visitor", "time": 1793584800, "text": "我的快递三天都没动了"},\n'),
        Buffer.from(`${message('小周', '这个是快递那边的问题，您去问一下快递吧')},\n`),
        gbkLine,
        Buffer.from('\n      ]\n    }\n  ]\n}\n'),
      ]);
    const bytes = json(Buffer.concat([Buffer.from('        {"role": "agent", "agent_name": "小周", "time": 1793584900, "text": "'), iconv.encode('那边的问题您去问一下快递吧', 'gbk'), Buffer.from('"}')]));
    const { dir } = tempFile('m.json', bytes);
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'm.json', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout);
    expect(report.results[0].agents).toEqual(['小周']);
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'm.json', line: 8 }, reason: expect.stringContaining('已按 GB18030 读取') }]);
    const converted = await runCli(['convert', 'm.json'], { cwd: dir });
    expect(converted.stdout).toContain('那边的问题您去问一下快递吧');
    expect(converted.stdout).not.toMatch(/\ufffd|灏忓懆/);
  });
});

/** A conversation in traditional characters, as a team in Taiwan or Hong Kong writes it. */
const traditional = (id: string) => record(id, 'customer', '我的快遞三天都沒動了，太過分了，請問什麼時候能到？') + record(id, 'agent', '這個是快遞那邊的問題，您去問一下快遞吧', '小林');

describe('Big5 is told from GB18030', () => {
  it('traditional text in Big5 is Big5, in GBK GB18030; simplified text in GBK GB18030; however the bytes are cut', () => {
    const text = traditional('t1') + traditional('t2');
    const big5 = iconv.encode(text, 'big5');
    for (const chunk of [big5.length, 1, 3, 64]) expect(verdict(big5, chunk)).toEqual({ encoding: 'big5', bomLength: 0, invalidUtf8: 0, invalidLines: [] });
    expect(verdict(iconv.encode(text, 'gbk'))).toEqual({ encoding: 'gb18030', bomLength: 0, invalidUtf8: 0, invalidLines: [] });
    expect(verdict(mixedJsonl(0, 2))).toEqual({ encoding: 'gb18030', bomLength: 0, invalidUtf8: 0, invalidLines: [] });
  });

  it('lint reads a Big5 JSONL as it reads the same file in UTF-8, without a note', async () => {
    const text = traditional('t1') + traditional('t2');
    const { dir } = tempFile('b.jsonl', iconv.encode(text, 'big5'));
    writeFileSync(path.join(dir, 'u.jsonl'), text);
    const big5 = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'b.jsonl', '-f', 'json'], { cwd: dir })).stdout);
    const utf8 = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'u.jsonl', '-f', 'json'], { cwd: dir })).stdout);
    expect(big5.results.map((r: { agents: string[] }) => r.agents)).toEqual([['小林'], ['小林']]);
    expect(big5.results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('blame-shifting');
    // The same findings, apart from the file they are in.
    const findings = (report: { results: Array<{ findings: Array<{ location: object }> }> }) => report.results.map((r) => r.findings.map((f) => ({ ...f, location: { ...f.location, file: '' } })));
    expect(findings(big5)).toEqual(findings(utf8));
    expect(big5.summary.warningsAboutInput).toEqual([]);
  });

  it('when the bytes read as well in both, the run says which one it used', async () => {
    const bytes = Buffer.concat([iconv.encode(blameShift('g1'), 'gbk'), iconv.encode(traditional('t1'), 'big5')]);
    expect(verdict(bytes)).toMatchObject({ encoding: 'gb18030', uncertain: true });
    const { dir } = tempFile('x.jsonl', bytes);
    const report = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'x.jsonl', '-f', 'json'], { cwd: dir })).stdout);
    expect(report.summary.warningsAboutInput).toEqual([{ location: { file: 'x.jsonl' }, reason: '文件不是 UTF-8，也无法确定是 GB18030 还是 Big5，已按 GB18030 读取。如果文字是乱码，请把文件另存为 UTF-8。' }]);
  });
});
