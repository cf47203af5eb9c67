import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from './support/cli.js';

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

/** Two conversations a week apart: in r-1 the agent says one banned phrase three times over; r-2 is clean. */
function workspace(waivers?: string) {
  const dir = tempDir();
  const lines = [
    ['r-1', '2026-11-03T09:00:00+08:00', 'customer', '', '我的订单怎么还没发货'],
    ['r-1', '2026-11-03T09:00:20+08:00', 'agent', '小张', '您好，爱买不买'],
    ['r-1', '2026-11-03T09:00:40+08:00', 'customer', '', '你什么态度'],
    ['r-1', '2026-11-03T09:01:00+08:00', 'agent', '小张', '爱买不买，我很忙'],
    ['r-1', '2026-11-03T09:01:30+08:00', 'customer', '', '我要投诉'],
    ['r-1', '2026-11-03T09:01:50+08:00', 'agent', '小张', '随便你，爱买不买'],
    ['r-2', '2026-11-10T09:00:00+08:00', 'customer', '', '请问有货吗'],
    ['r-2', '2026-11-10T09:00:20+08:00', 'agent', '小林', '您好，有货的，今天下单明天发，请问还有什么可以帮您？'],
  ].map(([conversation_id, time, role, agent, text]) => JSON.stringify({ conversation_id, time, role, ...(agent ? { agent } : {}), text }));
  writeFileSync(path.join(dir, 'chat.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\n');
  if (waivers !== undefined) writeFileSync(path.join(dir, '.supportlint-waivers.yaml'), waivers);
  const lint = (...args: string[]) => runCli(['lint', 'chat.jsonl', ...args], { cwd: dir });
  return { dir, lint };
}

const jsonOf = (stdout: string) => JSON.parse(stdout) as { results: Array<{ conversationId: string; findings: Array<Record<string, any>>; waived?: Array<Record<string, any>> }>; summary: Record<string, any> };

describe('--since and --until on lint', () => {
  it('lints only the conversations that start in the range, and counts the others as filtered', async () => {
    const { lint } = workspace();
    const all = jsonOf((await lint('-f', 'json')).stdout);
    expect(all.results.map((r) => r.conversationId)).toEqual(['r-1', 'r-2']);
    const later = await lint('--since', '2026-11-05', '-f', 'json');
    expect(later.code).toBe(0);
    const json = jsonOf(later.stdout);
    expect(json.results.map((r) => r.conversationId)).toEqual(['r-2']);
    expect(json.summary).toMatchObject({ conversations: 1, filtered: 1, records: { read: 8, used: 8, skipped: 0 } });
    const stylish = await lint('--until', '2026-11-03');
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('会话 1 · 消息 6');
    expect(stylish.stdout).toContain('日期范围外的会话 1（未检查）');
  });

  it('fails when the range leaves no conversation to lint, as a typo in a gate must not pass it', async () => {
    const { lint } = workspace();
    const none = await lint('--since', '2030-01-01', '-f', 'json');
    expect(none.code).toBe(2);
    expect(jsonOf(none.stdout).summary).toMatchObject({ conversations: 0, filtered: 2 });
    expect(none.stderr).toContain('2 个会话都不在 --since/--until 范围内，一个会话也没有检查');
  });

  it('refuses a date that is not a calendar date, or a range that ends before it starts', async () => {
    const { lint } = workspace();
    const bad = await lint('--since', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since 2026-02-30');
    expect((await lint('--since', '2026-11-10', '--until', '2026-11-01')).code).toBe(2);
    // A baseline written from part of the conversations would forget the rest.
    const baseline = await lint('--since', '2026-11-05', '--baseline', 'b.json', '--update-baseline');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain('--update-baseline 不能与 --since/--until 一起用');
  });
});

describe('repeated hits collapse into one finding', () => {
  it('by default: one finding with the count in its message, and every place in JSON and SARIF', async () => {
    const { lint, dir } = workspace();
    const stylish = await lint();
    expect(stylish.stdout.match(/forbidden-phrase$/gm)).toHaveLength(1);
    expect(stylish.stdout).toContain('（本会话共 3 处）');
    expect(stylish.stdout).toContain('另见：第4条、第6条');
    const json = jsonOf((await lint('-f', 'json')).stdout);
    const banned = json.results[0]!.findings.filter((f) => f.ruleId === 'forbidden-phrase');
    expect(banned).toHaveLength(1);
    expect(banned[0]!.count).toBe(3);
    expect(banned[0]!.occurrences.map((o: { messageSeq: number }) => o.messageSeq)).toEqual([1, 3, 5]);
    const sarifFile = path.join(dir, 'out.sarif');
    await lint('-f', `sarif:${sarifFile}`);
    const result = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'forbidden-phrase');
    expect(result.properties.count).toBe(3);
    expect(result.relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([4, 6]);
  });

  it('--no-collapse, or collapse: false in the configuration, shows every hit', async () => {
    const { lint, dir } = workspace();
    const count = (stdout: string) => jsonOf(stdout).results[0]!.findings.filter((f) => f.ruleId === 'forbidden-phrase').length;
    expect(count((await lint('--no-collapse', '-f', 'json')).stdout)).toBe(3);
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\ncollapse: false\n');
    expect(count((await lint('-f', 'json')).stdout)).toBe(3);
  });
});

describe('the per-agent summary', () => {
  it('ends stylish output with each agent: conversations, errors, warnings and the rule hit most', async () => {
    const { lint } = workspace();
    const out = (await lint()).stdout;
    const table = out.slice(out.indexOf('按客服统计'), out.indexOf('✖'));
    expect(table.split('\n')[1]).toMatch(/客服\s+会话\s+错误\s+警告\s+最常见的规则/);
    expect(table).toMatch(/小张\s+1\s+1\s+\d+\s+forbidden-phrase（3）/);
    expect(table).toMatch(/小林\s+1\s+0\s+0\s+—/);
    expect(table.indexOf('小张')).toBeLessThan(table.indexOf('小林'));
  });

  it('counts the conversations of findings no agent is named for', async () => {
    const out = (await runCli(['lint', '-c', REPO_CONFIG, path.join(ROOT, 'fixtures/dch/helpdesk.json')])).stdout;
    const table = out.slice(out.indexOf('按客服统计'));
    const unnamed = table.split('\n').find((line) => line.includes('（未署名）'));
    expect(unnamed).toBeDefined();
    expect(unnamed).not.toMatch(/（未署名）\s+0\s/);
  });
});

const WAIVER = `waivers:
  - conversation: r-1
    rule: forbidden-phrase
    reason: 质检复核：客户与客服是同事，在测试话术
    author: 王质检
    date: 2026-11-05
  - conversation: r-2
    rule: forbidden-phrase
    message: 2
    reason: 早已修正的旧问题
    author: 王质检
`;

describe('waivers (申诉/豁免)', () => {
  it('take waived findings out of the exit code and count them apart in every format', async () => {
    const { lint, dir } = workspace(WAIVER);
    const before = await runCli(['lint', 'chat.jsonl', '--waivers', 'none.yaml'], { cwd: dir });
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('找不到这个豁免文件');

    const stylish = await lint('-f', 'stylish', '-f', 'sarif:out.sarif', '-f', 'junit:out.xml', '-f', 'csv:out.csv', '-f', 'jsonl:out.jsonl', '-f', 'markdown:out.md', '-f', 'github:out.txt');
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('已豁免 3');
    expect(stylish.stdout).not.toContain('forbidden-phrase  ');
    // The entry for r-2 matched nothing in a conversation this run linted: a warning, not a failure.
    expect(stylish.stderr).toContain('.supportlint-waivers.yaml:7（规则 forbidden-phrase，第2条）没有对应任何问题');

    const json = jsonOf((await lint('-f', 'json')).stdout);
    expect(json.summary.waived).toBe(3);
    expect(json.summary.errors).toBe(0);
    expect(json.summary.staleWaivers).toEqual([{ source: '.supportlint-waivers.yaml:7', conversationId: 'r-2', ruleId: 'forbidden-phrase', message: 2 }]);
    expect(json.results[0]!.waived!.map((f) => [f.ruleId, f.messageSeq, f.waiver.author])).toEqual([['forbidden-phrase', 1, '王质检'], ['forbidden-phrase', 3, '王质检'], ['forbidden-phrase', 5, '王质检']]);

    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0];
    const suppressed = sarif.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(3);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '质检复核：客户与客服是同事，在测试话术', properties: { author: '王质检', source: '.supportlint-waivers.yaml:2', date: '2026-11-05' } }]);
    expect(sarif.invocations[0].toolExecutionNotifications.some((n: { message: { text: string } }) => n.message.text.includes('.supportlint-waivers.yaml:7'))).toBe(true);

    expect(readFileSync(path.join(dir, 'out.xml'), 'utf8')).toContain('skipped message="已豁免 3 个问题：forbidden-phrase：质检复核');
    const csv = csvRows(readFileSync(path.join(dir, 'out.csv'), 'utf8'));
    expect(csv.filter((row) => row.豁免!.startsWith('已豁免：质检复核'))).toHaveLength(3);
    const jsonl = readFileSync(path.join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(jsonl.filter((f) => f.waiver)).toHaveLength(3);
    expect(readFileSync(path.join(dir, 'out.md'), 'utf8')).toContain('已豁免 3');
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('另有 3 个已豁免');
  });

  it('under --redact a waiver author is staff: a pseudonym in every format, readable with the agents kept', async () => {
    const { dir } = workspace(WAIVER.replaceAll('author: 王质检', 'author: 质检王小红（手机13712345678）'));
    const env = { env: { SUPPORTLINT_REDACT_KEY: 'team-key-2026-q4' } };
    const run = await runCli(['lint', 'chat.jsonl', '--redact', '-f', 'json', '-f', 'sarif:out.sarif', '-f', 'csv:out.csv', '-f', 'junit:out.xml', '-f', 'jsonl:out.jsonl'], { cwd: dir, ...env });
    const json = jsonOf(run.stdout);
    const authors = json.results.flatMap((r) => (r.waived ?? []).map((f) => f.waiver.author as string));
    expect(authors).toHaveLength(3);
    expect(new Set(authors).size).toBe(1);
    expect(authors[0]).toMatch(/^审批人-[0-9a-f]{10}$/);
    for (const out of [run.stdout, ...['out.sarif', 'out.csv', 'out.xml', 'out.jsonl'].map((f) => readFileSync(path.join(dir, f), 'utf8'))]) {
      expect(out).not.toContain('王小红');
      expect(out).not.toContain('13712345678');
    }
    const kept = jsonOf((await runCli(['lint', 'chat.jsonl', '--redact', '--redact-keep-agents', '-f', 'json'], { cwd: dir, ...env })).stdout);
    expect(kept.results[0]!.waived![0]!.waiver.author).toBe('质检王小红（手机137****5678）');
  });

  it('a waiver whose conversation id differs from a linted one only in case, width or blanks is reported, not applied', async () => {
    const mistyped = WAIVER.replace('conversation: r-1', 'conversation: R－1 ');
    const { lint } = workspace(mistyped);
    const run = await lint('-f', 'stylish', '-f', 'json:out.json', '--redact');
    expect(run.stderr).toContain('.supportlint-waivers.yaml:2（规则 forbidden-phrase）的会话号在这次检查里没有出现，但有一个会话号与它只差大小写');
    expect(run.stderr).not.toContain('R－1');
    expect(run.code).toBe(1);
    // An id this run never saw in any spelling is not judged: a waivers file covers many exports.
    const { lint: other } = workspace(WAIVER.replace('conversation: r-1', 'conversation: r-9'));
    expect((await other('-f', 'stylish')).stderr).not.toContain('只差大小写');
    // Also where another waiver names the linted id exactly: the one that differs is still mistyped.
    const both = `${WAIVER}  - conversation: R-1\n    rule: forbidden-phrase\n    reason: 另一位质检的豁免\n    author: 李质检\n`;
    const { lint: beside } = workspace(both);
    const besideRun = await beside('-f', 'stylish');
    expect(besideRun.stderr).toContain('.supportlint-waivers.yaml:12（规则 forbidden-phrase）的会话号在这次检查里没有出现，但有一个会话号与它只差大小写');
    expect(besideRun.stderr).not.toContain('.supportlint-waivers.yaml:2（规则 forbidden-phrase）的会话号');
  });

  it('are left out of IQS in report, and shown there as a count', async () => {
    const { dir } = workspace(WAIVER);
    const report = async (...args: string[]) => {
      const run = await runCli(['report', 'chat.jsonl', '-f', 'json', ...args], { cwd: dir });
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout);
    };
    const withWaivers = await report('--period', 'month');
    const without = await report('--period', 'month', '--waivers', path.join(dir, 'empty.yaml')).catch(() => undefined);
    expect(without).toBeUndefined();
    writeFileSync(path.join(dir, 'empty.yaml'), 'waivers: []\n');
    const plain = await report('--period', 'month', '--waivers', 'empty.yaml');
    expect(withWaivers.inputs.waived).toBe(3);
    expect(plain.inputs.waived).toBe(0);
    const agent = (data: { groups: Array<{ key: string; metrics: { iqs: number; findings: number } }> }) => data.groups.find((g) => g.key === '小张')!.metrics;
    expect(agent(withWaivers).findings).toBeLessThan(agent(plain).findings);
    expect(agent(withWaivers).iqs).toBeGreaterThan(agent(plain).iqs);
    const markdown = await runCli(['report', 'chat.jsonl', '--period', 'month'], { cwd: dir });
    expect(markdown.stdout).toContain('已豁免的问题：3 个（申诉通过，不计入 IQS）');
  });

  it('apply to lint JSON merged by report, when the shard was linted before the waiver was written; collapsed findings score hit by hit', async () => {
    const { dir } = workspace();
    const shard = await runCli(['lint', 'chat.jsonl', '-f', 'json:shard.json'], { cwd: dir });
    expect(shard.code).toBe(1);
    const report = async (input: string) => JSON.parse((await runCli(['report', input, '-f', 'json', '--period', 'month'], { cwd: dir })).stdout);
    const fromShard = await report('shard.json');
    const fromTranscripts = await report('chat.jsonl');
    expect(fromShard.overall.metrics.findings).toBe(fromTranscripts.overall.metrics.findings);
    expect(fromShard.overall.metrics.iqs).toBe(fromTranscripts.overall.metrics.iqs);
    writeFileSync(path.join(dir, '.supportlint-waivers.yaml'), WAIVER);
    const merged = await report('shard.json');
    expect(merged.inputs.waived).toBe(3);
    expect(merged.overall.metrics.findings).toBe(fromShard.overall.metrics.findings - 3);
    // A shard linted with the waivers has them apart already: the same waivers are used, not stale.
    await runCli(['lint', 'chat.jsonl', '-f', 'json:waived-shard.json'], { cwd: dir });
    const again = await runCli(['report', 'waived-shard.json', '-f', 'json', '--period', 'month'], { cwd: dir });
    expect(JSON.parse(again.stdout).inputs.waived).toBe(3);
    expect(again.stderr).not.toContain('.supportlint-waivers.yaml:2');
    expect(again.stderr).toContain('.supportlint-waivers.yaml:7（规则 forbidden-phrase，第2条）没有对应任何问题');
  });

  it('are named in Chinese with file and entry when an entry is wrong, with exit 2', async () => {
    const { lint } = workspace('waivers:\n  - conversation: r-1\n    rule: forbidden-phrase\n    author: 王质检\n');
    const run = await lint();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.supportlint-waivers.yaml:2 第 1 条豁免：reason（豁免原因）必填');
  });
});
