import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';

/** Every rule, so the sample library also shows rules that are not on by default. */
const LIBRARY_CONFIG = path.join(ROOT, 'fixtures/libraries/.supportlintrc.yaml');
const LIBRARIES = ['replies.yaml', 'replies.json', 'replies.csv', 'replies.xlsx', 'replies.txt'].map((f) => `fixtures/libraries/${f}`);

/** What every format of the sample library must give: rule and the reply text it is about. */
const EXPECTED = [
  ['dismissive-emotion', '您别生气，我马上帮您查一下物流。'],
  ['negative-wording', '你需要提供订单号，不然查不了。'],
  ['suppression-reason', ''],
  ['unused-suppression', ''],
];

interface JsonReport {
  summary: { errors: number; warnings: number; records: { read: number; used: number; skipped: number } };
  results: Array<{ conversationId: string; findings: Array<{ ruleId: string; excerpt: string; location: { line: number; column?: number }; suggestion?: string; fix?: string }> }>;
}

async function lintLibrary(file: string, args: string[] = [], cwd = ROOT): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await runCli(['replies', file, '-f', 'json', '-c', LIBRARY_CONFIG, ...args], { cwd });
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

const findingsOf = (report: JsonReport) => report.results.flatMap((r) => r.findings);

function tempCopy(file: string): { dir: string; copy: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-replies-'));
  const copy = path.join(dir, path.basename(file));
  copyFileSync(path.join(ROOT, file), copy);
  return { dir, copy };
}

describe('supportlint replies', () => {
  for (const file of LIBRARIES) {
    it(`${file} gives the same findings as every other format`, async () => {
      const { code, report } = await lintLibrary(file);
      expect(findingsOf(report).map((f) => [f.ruleId, f.excerpt])).toEqual(EXPECTED);
      expect(report.summary.records).toEqual({ read: 6, used: 6, skipped: 0 });
      expect(code).toBe(1); // the missing reason is an error
    });
  }

  it('points at the line and column of the reply text, in YAML too', async () => {
    const { report } = await lintLibrary('fixtures/libraries/replies.yaml');
    const calm = findingsOf(report).find((f) => f.ruleId === 'dismissive-emotion')!;
    expect(calm.location).toMatchObject({ line: 8, column: 11 });
    const source = readFileSync(path.join(ROOT, 'fixtures/libraries/replies.yaml'), 'utf8').split('\n')[7]!;
    expect(source.slice(10)).toBe(calm.excerpt);
  });

  it('--fix rewrites what is safe, keeps the comments, and leaves only what it cannot fix', async () => {
    const { copy } = tempCopy('fixtures/libraries/replies.yaml');
    const before = readFileSync(copy, 'utf8');
    const fixed = await lintLibrary(copy, ['--fix']);
    const after = readFileSync(copy, 'utf8');
    expect(after).toContain('text: 非常理解您的心情，我马上帮您查一下物流。');
    expect(after).toContain('text: 麻烦您提供订单号，不然查不了。');
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(line);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    expect(findingsOf(fixed.report).map((f) => f.ruleId)).toEqual(['suppression-reason', 'unused-suppression']);
    const again = await lintLibrary(copy);
    expect(findingsOf(again.report).map((f) => f.ruleId)).toEqual(['suppression-reason', 'unused-suppression']);
  });

  it('--fix works on plain text too, and --fix-dry-run only shows the diff', async () => {
    const { copy } = tempCopy('fixtures/libraries/replies.txt');
    const before = readFileSync(copy, 'utf8');
    const dry = await runCli(['replies', copy, '--fix-dry-run', '-c', LIBRARY_CONFIG]);
    expect(dry.stdout).toContain('-您别生气，我马上帮您查一下物流。');
    expect(dry.stdout).toContain('+非常理解您的心情，我马上帮您查一下物流。');
    expect(readFileSync(copy, 'utf8')).toBe(before);
    await runCli(['replies', copy, '--fix', '-c', LIBRARY_CONFIG]);
    expect(readFileSync(copy, 'utf8')).toContain('\n非常理解您的心情，我马上帮您查一下物流。\n');
  });

  it('a baseline lets only new problems fail, and survives reordering', async () => {
    const { dir, copy } = tempCopy('fixtures/libraries/replies.csv');
    const baseline = path.join(dir, 'baseline.json');
    const written = await runCli(['replies', copy, '--baseline', baseline, '--update-baseline', '-c', LIBRARY_CONFIG]);
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).counts[`${copy}#calm-down`]).toEqual({ 'dismissive-emotion': 1 });
    const clean = await lintLibrary(copy, ['--baseline', baseline]);
    expect(clean.code).toBe(0);
    expect(findingsOf(clean.report)).toHaveLength(0);
    // Reorder the rows and add one new bad reply: only the new one fails.
    const [header, ...rows] = readFileSync(copy, 'utf8').trim().split('\n');
    writeFileSync(copy, [header, ...rows.reverse(), 'new-one,售后,新话术,你必须先登录,'].join('\n'));
    const next = await lintLibrary(copy, ['--baseline', baseline]);
    expect(findingsOf(next.report).map((f) => f.ruleId)).toEqual(['negative-wording']);
    expect(next.code).toBe(0); // a warning: --fail-on warn would make it fail
    expect((await lintLibrary(copy, ['--baseline', baseline, '--fail-on', 'warn'])).code).toBe(1);
  });

  it('exits 0 for a clean library and 2 for a broken one, with file:line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-replies-'));
    writeFileSync(path.join(dir, 'ok.yaml'), '- 您好，已为您登记，今天18点前回电。\n');
    expect((await runCli(['replies', path.join(dir, 'ok.yaml')])).code).toBe(0);
    writeFileSync(path.join(dir, 'bad.yaml'), 'group:\n  - text: "未闭合的引号\n  - 第二条\n');
    const broken = await runCli(['replies', path.join(dir, 'bad.yaml')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/bad\.yaml:\d+:\d+: 不是有效的 YAML：[^\n]*（[A-Z_]+）/);
    // The parser's English words and the lines it quotes stay out of what users read.
    expect(broken.stderr).not.toMatch(/Missing |flow|quote|第二条/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'ok.yaml'))).toBe(true);
  });
});

describe('library entries that are no reply text', () => {
  it('are skipped with what was found as the library writes it, in the user\'s language', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-replies-'));
    const file = path.join(dir, 'odd.yaml');
    writeFileSync(file, '- 12345678901234567890\n- {id: 1, text: [您别生气]}\n- text: ""\n- 您好，请问有什么可以帮您？\n');
    const result = await runCli(['replies', file, '-c', LIBRARY_CONFIG]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('odd.yaml:1:3: 应为一条话术的文字，这里是 12345678901234567890');
    expect(result.stderr).toContain('odd.yaml:2:17: 应为一条话术的文字，这里是 [您别生气]');
    expect(result.stderr).toContain('odd.yaml:3:9: 话术的文字是空的');
    expect(result.stderr).not.toMatch(/expected|found|12345678901234567000/);
    expect(result.stdout).toContain('读取 4 = 使用 1 + 跳过 3');
  });
});

describe('suppressions that name no rule', () => {
  it('are reported with the nearest rule id, and a known one still works', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-replies-'));
    const file = path.join(dir, 'typo.yaml');
    writeFileSync(
      file,
      [
        '物流:',
        '  # supportlint-disable-next-line blame-shiftng -- 法务要求说明承运方',
        '  - id: typo',
        '    text: 这是快递的问题，您去问快递吧。',
        '  # supportlint-disable-next-line blame-shifting -- 法务要求说明承运方',
        '  - id: right',
        '    text: 这是快递的问题，您去问快递吧。',
        '',
      ].join('\n'),
    );
    const { report } = await lintLibrary(file);
    const [typo, right] = report.results.map((r) => r.findings);
    expect(typo!.map((f) => f.ruleId).sort()).toEqual(['blame-shifting', 'unused-suppression']);
    const unknown = typo!.find((f) => f.ruleId === 'unused-suppression') as unknown as { message: string };
    expect(unknown.message).toContain('禁用的规则 blame-shiftng 不存在');
    expect(unknown.message).toContain('是不是 blame-shifting');
    expect(right).toEqual([]);
  });
});

describe('baselines for transcripts', () => {
  it('count per conversation and rule', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-baseline-'));
    const baseline = path.join(dir, 'baseline.json');
    expect((await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '--baseline', baseline, '--update-baseline'])).code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).counts['c-1001']).toMatchObject({ 'blame-shifting': 1 });
    const again = await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '--baseline', baseline, '-f', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary.errors).toBe(0);
    expect(again.stderr).toContain('个已知问题记录在基线中');
  });
});
