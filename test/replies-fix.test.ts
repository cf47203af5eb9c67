import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../src/library/index.js';
import { ROOT, runCli } from './support/cli.js';

const LIBRARY = path.join(ROOT, 'fixtures/libraries/rewrites/replies.yaml');
const CONFIG = path.join(ROOT, 'fixtures/libraries/rewrites/.supportlintrc.yaml');
/** The rules whose findings --fix rewrites in that library. */
const FIXED_RULES = ['dismissive-emotion', 'forbidden-phrase', 'negative-wording', 'vague-commitment'];

interface JsonReport {
  results: Array<{ conversationId: string; findings: Array<{ ruleId: string; excerpt: string }> }>;
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'supportlint-fix-'));

async function findings(file: string, cwd = ROOT): Promise<Array<{ ruleId: string; excerpt: string }>> {
  const result = await runCli(['replies', file, '-f', 'json', '-c', CONFIG], { cwd });
  return (JSON.parse(result.stdout) as JsonReport).results.flatMap((r) => r.findings);
}

async function fix(args: string[], cwd = ROOT) {
  return runCli(['replies', ...args, '--fix', '-c', CONFIG, '-f', 'json'], { cwd });
}

/** The replies of the sample library, as texts. */
async function sampleTexts(): Promise<string[]> {
  return (await readLibrary(LIBRARY)).replies.map((r) => r.text);
}

describe('replies --fix on a library of banned phrases, dismissive openings and vague promises', () => {
  it('leaves no finding of the fixed rules when the result is linted again, and keeps comments and layout', async () => {
    const before = await findings(LIBRARY);
    expect(new Set(before.map((f) => f.ruleId))).toEqual(new Set(FIXED_RULES));
    const dir = tempDir();
    const copy = path.join(dir, 'replies.yaml');
    copyFileSync(LIBRARY, copy);
    const run = await fix([copy]);
    expect(run.stderr).toContain('已修改 26 条话术');
    expect(await findings(copy)).toEqual([]);
    const original = readFileSync(LIBRARY, 'utf8');
    const fixed = readFileSync(copy, 'utf8');
    expect(fixed.split('\n')).toHaveLength(original.split('\n').length);
    for (const line of original.split('\n').filter((l) => /^\s*#|^\s*- id:|^\S/.test(l))) expect(fixed).toContain(line);
    // The issue's three examples.
    expect(fixed).toContain('text: 您可以再考虑一下，有任何疑问随时问我。\n');
    expect(fixed).toContain('text: 可能是我没有说清楚，页面上也有相关说明，哪里不清楚您随时告诉我，我为您逐条解释。\n');
    expect(fixed).toContain('text: 非常理解您的心情，这个问题我来帮您处理。\n');
    // A clean reply is left alone, and a second --fix has nothing left to do.
    expect(fixed).toContain('text: 您好，已为您登记，今天18点前回电。\n');
    const again = await fix([copy]);
    expect(again.stderr).not.toContain('已修改');
    expect(readFileSync(copy, 'utf8')).toBe(fixed);
  });

  it('--fix-dry-run shows the same rewrites as a diff and writes nothing', async () => {
    const dir = tempDir();
    const copy = path.join(dir, 'replies.yaml');
    copyFileSync(LIBRARY, copy);
    const dry = await runCli(['replies', copy, '--fix-dry-run', '-c', CONFIG]);
    expect(dry.stdout).toContain('-    text: 您别激动，这个问题不大。');
    expect(dry.stdout).toContain('+    text: 非常理解您的心情，这个问题我来帮您处理。');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(LIBRARY, 'utf8'));
  });

  it('does not rewrite a reply whose suppression switches off a rule of the rewrite', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.yaml');
    writeFileSync(file, '# supportlint-disable-next-line dismissive-emotion -- 培训用的反面例子\n- 您别生气，我马上帮您查一下物流。\n- 您别生气，我马上帮您查一下物流。\n');
    await fix([file]);
    expect(readFileSync(file, 'utf8')).toBe('# supportlint-disable-next-line dismissive-emotion -- 培训用的反面例子\n- 您别生气，我马上帮您查一下物流。\n- 非常理解您的心情，我马上帮您查一下物流。\n');
  });
});

describe('replies --fix in every format it can rewrite', () => {
  it('rewrites a JSON library in place, which stays valid JSON with its layout', async () => {
    const texts = await sampleTexts();
    const dir = tempDir();
    const file = path.join(dir, 'replies.json');
    const source = `{\n  "售后": [\n${texts.map((text, index) => `    { "id": "r${index}", "text": ${JSON.stringify(text)} }`).join(',\n')}\n  ]\n}\n`;
    writeFileSync(file, source);
    await fix([file]);
    const fixed = readFileSync(file, 'utf8');
    const parsed = JSON.parse(fixed) as { 售后: Array<{ id: string; text: string }> };
    expect(parsed.售后.map((r) => r.id)).toEqual(texts.map((_t, index) => `r${index}`));
    expect(fixed.split('\n')).toHaveLength(source.split('\n').length);
    expect(await findings(file)).toEqual([]);
  });

  it('rewrites the text cells of a CSV library, quoted or not, and leaves the other cells', async () => {
    const texts = await sampleTexts();
    const dir = tempDir();
    const file = path.join(dir, 'replies.csv');
    // Every other reply is quoted, to check cells written both ways; the last has quotes inside it.
    const cell = (text: string, index: number) => (index % 2 === 0 ? text : `"${index === texts.length - 1 ? text.replace('登记', '登记""加急""') : text}"`);
    const rows = texts.map((text, index) => `r${index},"售后, 退换",${cell(text, index)},备注${index}`);
    writeFileSync(file, `编号,分组,内容,备注\r\n${rows.join('\r\n')}\r\n`);
    await fix([file]);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed.split('\r\n')).toHaveLength(rows.length + 2);
    fixed.split('\r\n').slice(1, -1).forEach((row, index) => {
      expect(row.startsWith(`r${index},"售后, 退换",`)).toBe(true);
      expect(row.endsWith(`,备注${index}`)).toBe(true);
    });
    expect(fixed).toContain('r8,"售后, 退换",非常理解您的心情，这个问题我来帮您处理。,备注8');
    expect(await findings(file)).toEqual([]);
  });

  it('leaves a reply it cannot place exactly in the file, and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.json');
    // 您 written as an escape: the reply's text is not its source, character for character.
    const source = '["\\u60a8别生气，我马上帮您查一下物流。", "您别生气，我马上帮您查一下物流。"]\n';
    writeFileSync(file, source);
    const run = await fix([file]);
    expect(run.stderr).toContain('1 条话术的改写无法在文件里准确定位');
    expect(readFileSync(file, 'utf8')).toBe('["\\u60a8别生气，我马上帮您查一下物流。", "非常理解您的心情，我马上帮您查一下物流。"]\n');
  });
});

describe('replies --fix keeps the encoding of the library', () => {
  it('a GB18030 CSV stays GB18030, without a byte-order mark', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.csv');
    writeFileSync(file, iconv.encode('编号,内容\r\ncalm,您别激动，这个问题不大。\r\n', 'gb18030'));
    await fix([file]);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gb18030')).toBe('编号,内容\r\ncalm,非常理解您的心情，这个问题我来帮您处理。\r\n');
  });

  it('a UTF-16LE text library keeps its byte-order mark', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('爱买不买，不买拉倒。\n我们会尽快给您处理。\n', 'utf16le')]));
    await fix([file]);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(iconv.decode(bytes.subarray(2), 'utf16le')).toBe('您可以再考虑一下，有任何疑问随时问我。\n我们会在24小时内给您处理。\n');
  });

  it('a UTF-8 library with a byte-order mark keeps it; one without gets none', async () => {
    const dir = tempDir();
    const withBom = path.join(dir, 'bom.yaml');
    const without = path.join(dir, 'plain.yaml');
    writeFileSync(withBom, `\uFEFF- 您别生气，我马上帮您查一下物流。\n`);
    writeFileSync(without, `- 您别生气，我马上帮您查一下物流。\n`);
    await fix([withBom, without]);
    expect(readFileSync(withBom, 'utf8')).toBe('\uFEFF- 非常理解您的心情，我马上帮您查一下物流。\n');
    expect(readFileSync(without, 'utf8')).toBe('- 非常理解您的心情，我马上帮您查一下物流。\n');
  });

  it('refuses a UTF-8 library whose broken bytes would be lost, and says why', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.txt');
    const bytes = Buffer.concat([Buffer.from('您别生气，我马上帮您查一下物流。您好您好您好您好您好\n'), Buffer.from([0xff]), Buffer.from('\n')]);
    writeFileSync(file, bytes);
    const run = await fix([file]);
    expect(run.stderr).toContain('不是有效的 UTF-8');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a Big5 library stays Big5', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.txt');
    writeFileSync(file, iconv.encode('您別激動，這個問題不大。\n我們會盡快給您處理。\n', 'big5'));
    await fix([file]);
    expect(iconv.decode(readFileSync(file), 'big5')).toBe('非常理解您的心情，這個問題我來幫您處理。\n我們會在24小時內給您處理。\n');
  });

  it('reads a UTF-8 library with a line in GBK line by line, and refuses to write it back', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.txt');
    const bytes = Buffer.concat([Buffer.from('您别生气，我马上帮您查一下物流。\n'), iconv.encode('我们会尽快给您处理。\n', 'gbk')]);
    writeFileSync(file, bytes);
    expect((await readLibrary(file)).replies.map((r) => r.text)).toEqual(['您别生气，我马上帮您查一下物流。', '我们会尽快给您处理。']);
    const run = await fix([file]);
    expect(run.stderr).toContain('1 行不是 UTF-8');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('replies --fix writes only where it was pointed', () => {
  it('a folder walk does not reach a file outside through a link, and fixes what is inside', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'library');
    const outside = path.join(dir, 'outside.yaml');
    mkdirSync(folder);
    const text = '- 您别生气，我马上帮您查一下物流。\n';
    writeFileSync(outside, text);
    writeFileSync(path.join(folder, 'inside.yaml'), text);
    symlinkSync(outside, path.join(folder, 'escape.yaml'));
    await fix([folder]);
    expect(readFileSync(outside, 'utf8')).toBe(text);
    expect(readFileSync(path.join(folder, 'inside.yaml'), 'utf8')).toBe('- 非常理解您的心情，我马上帮您查一下物流。\n');
  });

  it('a link named on the command line is fixed when it stays inside its folder, and stays a link', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'inside.yaml'), '- 您别生气，我马上帮您查一下物流。\n');
    symlinkSync(path.join(dir, 'inside.yaml'), path.join(dir, 'alias.yaml'));
    await fix(['alias.yaml'], dir);
    expect(readFileSync(path.join(dir, 'inside.yaml'), 'utf8')).toBe('- 非常理解您的心情，我马上帮您查一下物流。\n');
    expect(lstatSync(path.join(dir, 'alias.yaml')).isSymbolicLink()).toBe(true);
  });

  it('refuses a link given as a file that leads out of its folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, '您别生气，我马上帮您查一下物流。\n');
    symlinkSync(outside, path.join(dir, 'a', 'link.txt'));
    const run = await fix(['a/link.txt'], dir);
    expect(run.stderr).toMatch(/a\/link\.txt: 这是指向所给文件夹之外（.*outside\.txt）的符号链接，--fix 不会改写文件夹之外的文件/);
    expect(readFileSync(outside, 'utf8')).toBe('您别生气，我马上帮您查一下物流。\n');
  });

  it('says that it cannot rewrite a workbook, and why, and leaves it as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'replies.xlsx');
    copyFileSync(path.join(ROOT, 'fixtures/libraries/replies.xlsx'), file);
    const before = readFileSync(file);
    const run = await fix([file]);
    expect(run.stderr).toContain('XLSX 工作簿不能原样改写');
    expect(run.stderr).toContain('另存为 CSV');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('replies --fix on a large library', () => {
  it('stops soon after Ctrl-C, between replies, with nothing written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.yaml');
    const lines = Array.from({ length: 20_000 }, (_, i) => `- 您别生气，我马上帮您查一下物流${i}。\n`).join('');
    writeFileSync(file, lines);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'supportlint.js'), 'replies', file, '--fix', '-c', CONFIG], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
    // Long enough for the rules to load and the replies to be linted.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const sent = performance.now();
    child.kill('SIGINT');
    const { code, signal, at } = await exited;
    expect(signal ?? code).not.toBe(0);
    // Heard within a few turns of the event loop, not once every reply is linted.
    expect(at - sent).toBeLessThan(5_000);
    expect(readFileSync(file, 'utf8')).toBe(lines);
  }, 60_000);
});
