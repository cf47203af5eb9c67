import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupReport, ReportData } from '../../src/report/model.js';
import { runCli } from '../support/cli.js';

/**
 * fixtures/report/ holds two weeks (2026-W45 and W46) of a store open 09:00–18:00 on weekdays,
 * closed on 2026-11-11, with three agents in two teams, a bot greeting, a transfer and an
 * unanswered request for a human. Every expected time below is worked out by hand from the
 * fixture's timestamps, with the arithmetic beside it.
 */
const CONFIG = ['-c', 'fixtures/report/.supportlintrc.yaml'];
const FILES = ['fixtures/report/week-45.jsonl', 'fixtures/report/week-46.jsonl'];

async function report(args: string[]): Promise<ReportData> {
  const result = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ReportData;
}

const group = (data: ReportData, key: string): GroupReport => {
  const found = data.groups.find((g) => g.key === key);
  if (!found) throw new Error(`no group ${key} in ${data.groups.map((g) => g.key).join(', ')}`);
  return found;
};

describe('report on the two-week fixture, by agent and week', () => {
  let data: ReportData;
  beforeAll(async () => {
    data = await report(['--by', 'agent', '--period', 'week']);
  });

  it('describes the latest ISO week and compares it with the one before', () => {
    // The last conversation of week 46 started on Saturday the 14th.
    expect(data.current).toEqual({ key: '2026-W46', start: '2026-11-09', end: '2026-11-15', dataUntil: '2026-11-14' });
    expect(data.previous).toEqual({ key: '2026-W45', start: '2026-11-02', end: '2026-11-08' });
    expect(data.periods.map((p) => p.key)).toEqual(['2026-W45', '2026-W46']);
    expect(data.inputs.conversations).toBe(11);
    expect(data.inputs.records).toEqual({ read: 38, used: 38, skipped: 0 });
  });

  it('小林, week 46: first replies after a holiday and on a normal day', () => {
    const m = group(data, '小林').metrics;
    // r-202: asked on the 11th (a holiday), bot greeting does not count; answered 11-12 09:01,
    //   so the clock ran from 09:00 = 60 s. r-204: 16:00:00 → 16:00:45 = 45 s.
    expect(m.firstResponse).toEqual({ count: 2, medianSeconds: 52.5, p90Seconds: 60 });
    expect(m.responseTime).toEqual({ count: 2, averageSeconds: 52.5 });
    expect(m.sla).toEqual({ seconds: 180, bursts: 2, withinSla: 2, share: 1 });
  });

  it('阿青, week 46: a reply across the weekend counts business time only, and 180 s is within the SLA', () => {
    const m = group(data, '阿青').metrics;
    // r-201: 09:30 → 09:31 = 60 s first reply; 09:32 → 09:36 = 240 s (over 180).
    // r-205: Friday 17:59 → close 18:00 = 60 s, Monday 09:00 → 09:02 = 120 s: 180 s (on the line).
    // First replies [60, 180]: median 120, p90 (nearest rank 2 of 2) 180.
    expect(m.firstResponse).toEqual({ count: 2, medianSeconds: 120, p90Seconds: 180 });
    // Responses 60, 240, 180: mean 160; within 180 s: 2 of 3.
    expect(m.responseTime).toEqual({ count: 3, averageSeconds: 160 });
    expect(m.sla).toEqual({ seconds: 180, bursts: 3, withinSla: 2, share: 0.6667 });
  });

  it('老周, week 46', () => {
    const m = group(data, '老周').metrics;
    // r-203: 15:00 → 15:02 = 120 s; 15:03:00 → 15:03:50 = 50 s.
    expect(m.firstResponse).toEqual({ count: 1, medianSeconds: 120, p90Seconds: 120 });
    expect(m.responseTime).toEqual({ count: 2, averageSeconds: 85 });
    expect(m.sla.withinSla).toBe(2);
    expect(m.sla.bursts).toBe(2);
  });

  it('week 45 is the previous period of every agent, with the transfer split between two agents', () => {
    const lin = group(data, '小林').previous!;
    // r-101 90 s (after a bot greeting), r-104 asked 08:30 before opening, answered 09:02 = 120 s,
    // r-105 30 s before the transfer. First replies [30, 90, 120]: median 90, p90 rank 3 = 120.
    expect(lin.firstResponse).toEqual({ count: 3, medianSeconds: 90, p90Seconds: 120 });
    expect(lin.responseTime).toEqual({ count: 3, averageSeconds: 80 });
    expect(lin.sla).toMatchObject({ bursts: 3, withinSla: 3, share: 1 });

    const qing = group(data, '阿青').previous!;
    // r-102: Monday 17:58 → 18:00 = 120 s, Tuesday 09:00 → 09:03 = 180 s: 300 s; then 09:05 → 09:06 = 60 s.
    expect(qing.firstResponse).toEqual({ count: 1, medianSeconds: 300, p90Seconds: 300 });
    expect(qing.responseTime).toEqual({ count: 2, averageSeconds: 180 });
    expect(qing.sla).toMatchObject({ bursts: 2, withinSla: 1, share: 0.5 });

    const zhou = group(data, '老周').previous!;
    // r-103: 40 s first reply, then 14:01 → 14:05 = 240 s; r-105 after the transfer: 11:01:10 → 11:02:10 = 60 s.
    expect(zhou.firstResponse).toEqual({ count: 1, medianSeconds: 40, p90Seconds: 40 });
    expect(zhou.responseTime).toEqual({ count: 3, averageSeconds: 113.3 });
    expect(zhou.sla).toMatchObject({ bursts: 3, withinSla: 2 });
  });

  it('reports the change against the previous week', () => {
    const change = group(data, '阿青').change!;
    expect(change.firstResponseMedianSeconds).toBe(120 - 300);
    expect(change.averageResponseSeconds).toBe(160 - 180);
    expect(change.slaShare).toBeCloseTo(0.6667 - 0.5, 4);
    // One conversation (r-102) in week 45, two (r-201, r-205) in week 46.
    expect(change.conversations).toBe(1);
  });

  it('reports a conversation no human answered apart from the agents, with its ignored request for a human', () => {
    expect(data.groups.map((g) => g.key)).not.toContain('(未分配)');
    const unassigned = data.bots!.metrics;
    expect(unassigned.conversations).toBe(1);
    expect(unassigned.unanswered).toBe(1);
    expect(unassigned.humanRequests).toEqual({ asked: 1, answered: 0, ignored: 1 });
    // No human reply at all: no first-response time, and the weekend is out of hours anyway.
    expect(unassigned.firstResponse.count).toBe(0);
  });

  it('lists the conversations to review, worst first, each with why', () => {
    expect(data.review.length).toBeGreaterThan(0);
    expect(data.review.length).toBeLessThanOrEqual(20);
    for (const item of data.review) expect(item.reasons.length).toBeGreaterThan(0);
    const order = data.review.map((item) => [item.reasons.includes('fatal') ? 0 : 1, item.score ?? 101]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    // r-206: the customer asked for a human twice and none came.
    const r206 = data.review.find((item) => item.conversationId === 'r-206')!;
    expect(r206).toMatchObject({ outcome: 'unresolved', agents: [] });
    expect(r206.worst?.ruleId).toBe('ignored-human-request');
    // Only week 46 is reviewed: the report's period.
    expect(data.review.every((item) => item.conversationId.startsWith('r-2'))).toBe(true);
  });

  it('names who misses each goal of scoring.targets, and what each agent should be coached on', () => {
    const iqs = data.targets.find((t) => t.target === 'iqs')!;
    expect(iqs.goal).toBe(85);
    const below = data.groups.filter((g) => g.metrics.iqs !== null && g.metrics.iqs < 85).map((g) => g.key);
    expect(iqs.short.map((s) => s.key).sort()).toEqual(below.sort());
    const frt = data.targets.find((t) => t.target === 'firstResponseSeconds')!;
    expect(frt.short.map((s) => s.key)).not.toContain('小林');
    for (const g of data.groups) {
      expect(g.metrics.customer.predictedSatisfaction).not.toBeNull();
      if (g.metrics.findings > 0 || g.metrics.categories.customer !== 100) expect(g.metrics.mostFailed).not.toBeNull();
    }
  });

  it('names each agent\'s team and ranks the lowest IQS first', () => {
    expect(group(data, '小林').team).toBe('售前组');
    expect(group(data, '老周').team).toBe('售后组');
    const scores = data.groups.map((g) => g.metrics.iqs ?? Infinity);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('traces each agent\'s IQS over both weeks', () => {
    expect(group(data, '小林').trend.map((t) => t.period)).toEqual(['2026-W45', '2026-W46']);
    expect(group(data, '小林').trend.map((t) => t.conversations)).toEqual([3, 2]);
  });
});

describe('report by team', () => {
  it('adds up the agents of each team', async () => {
    const data = await report(['--by', 'team']);
    const presale = group(data, '售前组').metrics;
    // 小林 [60, 45] and 阿青 [60, 180] in week 46: sorted [45, 60, 60, 180], median 60, p90 rank 4 = 180.
    expect(presale.firstResponse).toEqual({ count: 4, medianSeconds: 60, p90Seconds: 180 });
    // 4 conversation × agent units: r-201, r-205 (阿青), r-202, r-204 (小林).
    expect(presale.conversations).toBe(4);
    expect(presale.sla).toMatchObject({ bursts: 5, withinSla: 4 });
    expect(group(data, '售后组').metrics.conversations).toBe(1);
  });
});

describe('report by conversation', () => {
  it('lists every conversation with its score and deductions; the IQS is their mean', async () => {
    const data = await report(['--by', 'conversation']);
    const conversations = data.conversations!;
    expect(conversations.map((c) => c.conversationId)).toEqual(['r-101', 'r-102', 'r-103', 'r-104', 'r-105', 'r-201', 'r-202', 'r-203', 'r-204', 'r-205', 'r-206']);
    for (const c of conversations) {
      expect(c.score === null || (c.score >= 0 && c.score <= 100)).toBe(true);
      for (const d of c.deductions) expect(d.points).toBeGreaterThan(0);
    }
    // Agent r-103 repeated the customer's phone number: pii-exposure, an error, fails compliance.
    const r103 = conversations.find((c) => c.conversationId === 'r-103')!;
    expect(r103.deductions.map((d) => d.ruleId)).toContain('pii-exposure');
    expect(r103.categories.compliance).toBe(0);
    expect(r103.ratings.compliance).toBe('fail');
    // r-206 never reached a human: no response time to judge (unanswered-customer is off), but the
    // ignored request for a human (a warning) makes escalation a partial.
    const r206 = conversations.find((c) => c.conversationId === 'r-206')!;
    expect(r206.categories.responsiveness).toBeNull();
    expect(r206.ratings.escalation).toBe('partial');
    expect(r206.categories.escalation).toBe(50);
    expect(r206.categories.tone).toBeNull();
    // Every conversation carries the customer's side; the customer category follows the prediction.
    for (const c of conversations) {
      expect(['resolved', 'unresolved', 'unknown']).toContain(c.outcome);
      if (c.predictedSatisfaction === null) expect(c.categories.customer).toBeNull();
      else expect(c.categories.customer).toBe(Math.round(Math.min(1, Math.max(0, (c.predictedSatisfaction - 1) / 3)) * 1000) / 10);
    }
    expect(r206.outcome).toBe('unresolved');
    expect(r206.outcomeCues).toContain('no-reply');
    const week46 = conversations.filter((c) => c.period === '2026-W46' && c.score !== null);
    const mean = week46.reduce((sum, c) => sum + c.score!, 0) / week46.length;
    expect(data.overall.metrics.iqs).toBeCloseTo(mean, 0);
  });
});

describe('report over --since/--until and by day', () => {
  it('keeps the chosen days and describes the period that holds --until', async () => {
    const data = await report(['--since', '2026-11-02', '--until', '2026-11-08', '--period', 'day']);
    expect(data.current?.key).toBe('2026-11-08');
    expect(data.inputs.outOfRange).toBe(6);
    expect(data.periods[0]!.key).toBe('2026-11-02');
    // Sunday the 8th had no conversations: every count is zero, and the IQS is unknown.
    expect(data.overall.metrics.conversations).toBe(0);
    expect(data.overall.metrics.iqs).toBeNull();
  });
});

describe('merging sharded lint runs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-report-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same numbers from two lint JSON shards as from the transcripts', async () => {
    for (const [index, file] of FILES.entries()) {
      const out = path.join(dir, `shard-${index}.json`);
      const lint = await runCli(['lint', file, ...CONFIG, '-f', 'json', '-o', out]);
      expect(lint.code).toBeLessThan(2);
    }
    const direct = await report(['--by', 'agent']);
    const merged = await runCli(['report', path.join(dir, 'shard-0.json'), path.join(dir, 'shard-1.json'), ...CONFIG, '-f', 'json', '--by', 'agent']);
    expect(merged.code).toBe(0);
    const data = JSON.parse(merged.stdout) as ReportData;
    const strip = (d: ReportData) => ({ ...d, generatedAt: '', inputs: { ...d.inputs, files: [], records: {} } });
    expect(strip(data)).toEqual(strip(direct));
    // From lint JSON, a record is one result: 5 conversations in week 45, 6 in week 46.
    expect(data.inputs.records).toEqual({ read: 11, used: 11, skipped: 0 });
  });

  it('reports a damaged result with its record number and goes on', async () => {
    const good = JSON.parse(readFileSync(path.join(dir, 'shard-0.json'), 'utf8'));
    good.results[1] = { conversationId: 'x' };
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, JSON.stringify(good, null, 2));
    const result = await runCli(['report', damaged, ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/damaged\.json#1: 不是 supportlint lint 的检查结果/);
    const data = JSON.parse(result.stdout) as ReportData;
    expect(data.inputs.conversations).toBe(4);
    expect(data.inputs.records).toEqual({ read: 5, used: 4, skipped: 1 });
  });

  it('skips a result whose times lie outside 1970–2099, in Chinese, counts it, and reports the rest', async () => {
    const good = JSON.parse(readFileSync(path.join(dir, 'shard-0.json'), 'utf8'));
    const periods = (JSON.parse((await runCli(['report', path.join(dir, 'shard-0.json'), ...CONFIG, '-f', 'json'])).stdout) as ReportData).periods.map((p) => p.key);
    for (const startedAt of [8.64e15, -8.64e15, 1e14]) {
      const edited = structuredClone(good);
      edited.results[0].metrics.startedAt = startedAt;
      const file = path.join(dir, 'edited.json');
      writeFileSync(file, JSON.stringify(edited));
      const result = await runCli(['report', file, ...CONFIG, '-f', 'json']);
      expect(result.code, String(startedAt)).toBe(0);
      expect(result.stderr).toContain(`edited.json#0: 这条检查结果的 metrics.startedAt 是 ${startedAt}，换算成时间不在 1970 年到 2099 年之间`);
      const data = JSON.parse(result.stdout) as ReportData;
      expect(data.periods.map((p) => p.key)).toEqual(periods);
      expect(data.inputs.records).toEqual({ read: 5, used: 4, skipped: 1 });
    }
  });

  it('skips a result whose response times are negative, infinite or longer than the conversation, and reports the rest', async () => {
    const good = JSON.parse(readFileSync(path.join(dir, 'shard-0.json'), 'utf8'));
    const index = good.results.findIndex((r: { metrics: { firstResponse: unknown; responses: unknown[] } }) => r.metrics.firstResponse && r.metrics.responses.length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const span = (good.results[index].metrics.endedAt - good.results[index].metrics.startedAt) / 1000;
    const edits: Array<[string, (metrics: { firstResponse: { seconds: number }; responses: Array<{ seconds: number }> }) => void, string]> = [
      ['1e300', (m) => (m.firstResponse.seconds = 1e300), 'metrics.firstResponse.seconds 是 1e+300 秒，比会话从第一条到最后一条带时间的消息'],
      ['span + 60', (m) => (m.responses[0]!.seconds = span + 60), `metrics.responses.0.seconds 是 ${span + 60} 秒，比会话`],
      ['-5', (m) => (m.firstResponse.seconds = -5), 'metrics.firstResponse.seconds 是 -5 秒，等待时间不能是负数或无穷大'],
    ];
    for (const [label, edit, said] of edits) {
      const edited = structuredClone(good);
      edit(edited.results[index].metrics);
      const file = path.join(dir, 'edited-wait.json');
      writeFileSync(file, JSON.stringify(edited));
      const result = await runCli(['report', file, ...CONFIG, '-f', 'markdown']);
      expect(result.code, label).toBe(0);
      expect(result.stderr, label).toContain(`edited-wait.json#${index}: 这条检查结果的 ${said}`);
      expect(result.stdout, label).not.toMatch(/e\+\d{2,}/);
      const json = JSON.parse((await runCli(['report', file, ...CONFIG, '-f', 'json'])).stdout) as ReportData;
      expect(json.inputs.records, label).toEqual({ read: 5, used: 4, skipped: 1 });
    }
    // Infinity cannot be written in JSON, but 1e400 parses as it.
    const file = path.join(dir, 'edited-wait.json');
    writeFileSync(file, JSON.stringify(good).replace(/("firstResponse":\{"seconds":)[^,]+/, '$11e400'));
    const result = await runCli(['report', file, ...CONFIG, '-f', 'json']);
    expect(result.stderr).toContain('是 Infinity 秒，等待时间不能是负数或无穷大');
  });

  it('counts a conversation given twice once, and says so', async () => {
    const result = await runCli(['report', path.join(dir, 'shard-0.json'), FILES[0]!, ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/5 个会话被读取了不止一次/);
    expect((JSON.parse(result.stdout) as ReportData).overall.metrics.conversations).toBe(5);
  });

  it('a transcript given with its own lint JSON: the header and the note count each conversation once, and name the repeats', async () => {
    const out = path.join(dir, 'twice.md');
    const result = await runCli(['report', FILES[0]!, path.join(dir, 'shard-0.json'), ...CONFIG, '-f', 'markdown', '-o', out]);
    expect(result.code).toBe(0);
    const ids = (JSON.parse(readFileSync(path.join(dir, 'shard-0.json'), 'utf8')).results as Array<{ conversationId: string }>).map((r) => r.conversationId);
    expect(ids).toHaveLength(5);
    expect(result.stderr).toContain('已把 5 个会话的 markdown 报告写入');
    expect(result.stderr).toMatch(/5 个会话被读取了不止一次/);
    for (const id of ids) expect(result.stderr).toContain(id);
    const header = readFileSync(out, 'utf8').split('\n').find((line) => line.startsWith('- 输入：'));
    expect(header).toContain('会话 5 个（重复读取 5 个，只计一次；');
    const json = JSON.parse((await runCli(['report', FILES[0]!, path.join(dir, 'shard-0.json'), ...CONFIG, '-f', 'json'])).stdout) as ReportData;
    expect(json.inputs.duplicateIds).toEqual(ids);
    expect(json.inputs.conversations - json.inputs.duplicates).toBe(json.overall.metrics.conversations);
  });

  it('merges a redacted shard with its transcripts only in a redacted report, where each conversation counts once', async () => {
    const key = { env: { SUPPORTLINT_REDACT_KEY: 'report-shard-key-2026' } };
    const shard = path.join(dir, 'shard-redacted.json');
    await runCli(['lint', FILES[0]!, ...CONFIG, '--redact', '-f', 'json', '-o', shard], key);
    expect(JSON.parse(readFileSync(shard, 'utf8')).measuredWith.redacted).toBe(true);
    const mixed = await runCli(['report', shard, FILES[0]!, ...CONFIG, '-f', 'json'], key);
    expect(mixed.code).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr).toContain('shard-redacted.json 是用 --redact 检查的');
    // With an unredacted shard instead of the transcripts, the same.
    expect((await runCli(['report', shard, path.join(dir, 'shard-0.json'), ...CONFIG, '-f', 'json'], key)).code).toBe(2);
    const redacted = await runCli(['report', shard, FILES[0]!, ...CONFIG, '--redact', '-f', 'json'], key);
    expect(redacted.code).toBe(0);
    const data = JSON.parse(redacted.stdout) as ReportData;
    expect(data.overall.metrics.conversations).toBe(5);
    expect(data.inputs.duplicates).toBe(5);
    // Redacted shards alone make a report as they are.
    const alone = await runCli(['report', shard, ...CONFIG, '-f', 'json'], key);
    expect(alone.code).toBe(0);
    expect((JSON.parse(alone.stdout) as ReportData).groups.every((g) => g.key.startsWith('客服-'))).toBe(true);
  });

  it('refuses to merge pseudonyms made with different keys, which would count each conversation twice', async () => {
    const keyA = { env: { SUPPORTLINT_REDACT_KEY: 'report-shard-key-aaaa' } };
    const keyB = { env: { SUPPORTLINT_REDACT_KEY: 'report-shard-key-bbbb' } };
    const shardA = path.join(dir, 'shard-key-a.json');
    const shardB = path.join(dir, 'shard-key-b.json');
    await runCli(['lint', FILES[0]!, ...CONFIG, '--redact', '-f', 'json', '-o', shardA], keyA);
    await runCli(['lint', FILES[1]!, ...CONFIG, '--redact', '-f', 'json', '-o', shardB], keyB);
    const fingerprint = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { measuredWith: { redactKey?: string } }).measuredWith.redactKey;
    expect(fingerprint(shardA)).toMatch(/^[0-9a-f]{10}$/);
    expect(fingerprint(shardA)).not.toBe(fingerprint(shardB));
    // The fingerprint is no key: neither key's text is in the shard.
    expect(readFileSync(shardA, 'utf8')).not.toContain('report-shard-key-aaaa');
    // A redacted report of another key (or of the default key) beside the transcripts.
    for (const env of [keyB, { env: {} }]) {
      const other = await runCli(['report', shardA, FILES[0]!, ...CONFIG, '--redact', '-f', 'json'], env);
      expect(other.code).toBe(2);
      expect(other.stdout).toBe('');
      expect(other.stderr).toContain('shard-key-a.json 是用另一个密钥脱敏的');
    }
    // Two shards of different keys, with or without --redact.
    for (const args of [[], ['--redact']]) {
      const mixed = await runCli(['report', shardA, shardB, ...CONFIG, ...args, '-f', 'json'], keyA);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain('是用不同的密钥脱敏的');
    }
    // The key the shard was made with merges it with its transcripts, each conversation once.
    const same = await runCli(['report', shardA, FILES[0]!, ...CONFIG, '--redact', '-f', 'json'], keyA);
    expect(same.code).toBe(0);
    expect((JSON.parse(same.stdout) as ReportData).inputs.duplicates).toBe(5);
  });

  it('refuses its own report as input, and says what to pass instead', async () => {
    const reportFile = path.join(dir, 'report.json');
    writeFileSync(reportFile, (await runCli(['report', ...FILES, ...CONFIG, '-f', 'json'])).stdout);
    const result = await runCli(['report', reportFile, ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/这是 supportlint 生成的报告，不能再次读取/);
  });

  it('names a shard that was linted with other business hours, or with findings filtered out', async () => {
    const out = path.join(dir, 'quiet-default-config.json');
    await runCli(['lint', FILES[0]!, '--quiet', '-f', 'json', '-o', out]);
    const result = await runCli(['report', out, ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/quiet-default-config\.json: 它是用 --quiet、--agent 或 --rule 检查的/);
    expect(result.stderr).toMatch(/quiet-default-config\.json: 它检查时用的营业时间或节假日与本配置不同/);
    const same = await runCli(['report', path.join(dir, 'shard-0.json'), ...CONFIG, '-f', 'json']);
    expect(same.stderr).toBe('');
  });

  it('reads lint JSON whose keys were reordered', async () => {
    const sorted = JSON.parse(readFileSync(path.join(dir, 'shard-0.json'), 'utf8'));
    const reordered = path.join(dir, 'reordered.json');
    writeFileSync(reordered, JSON.stringify({ results: sorted.results, summary: sorted.summary, tool: sorted.tool, version: sorted.version }));
    const result = await runCli(['report', reordered, ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ReportData).inputs.conversations).toBe(5);
  });
});

describe('report input problems', () => {
  it('fails with a clear message when nothing could be read', async () => {
    const result = await runCli(['report', 'fixtures/broken/empty.jsonl', ...CONFIG, '-f', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/无法生成报告/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each(['2026-13-45', '2026-02-30', '2026-11-31', '11/02/2026'])('refuses --since/--until %s, which is not a calendar date', async (date) => {
    for (const flag of ['--since', '--until']) {
      const result = await runCli(['report', ...FILES, ...CONFIG, flag, date]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${flag} ${date}：应为日历日期，例如 2026-11-02`);
    }
  });

  it('warns when no conversation falls within the dates, and exits 2 as a mistyped date must not pass a scheduled job', async () => {
    const result = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', '--since', '2027-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/11 个会话都不在 --since\/--until 范围内/);
  });

  it('exits 2 when --until puts every conversation before the trend it reports, and 0 when the trend still holds some', async () => {
    const far = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', '--until', '2099-12-31']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/11 个会话开始得比趋势的起点（2098-\d\d-\d\d）还早/);
    const nextYear = await runCli(['report', ...FILES, ...CONFIG, '-f', 'json', '--until', '2027-06-30']);
    expect(nextYear.code).toBe(0);
    expect((JSON.parse(nextYear.stdout) as ReportData).inputs.early).toBe(0);
  });

  it('asks for -f when the output file name does not tell the format', async () => {
    const result = await runCli(['report', ...FILES, ...CONFIG, '-o', 'weekly.pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/无法从文件名判断报告格式/);
  });
});

describe('CSAT from the exports that carry ratings', () => {
  it.each([
    ['fixtures/intercom/conversations.json', 'Intercom 1–5'],
    ['fixtures/zendesk-chat/chats.json', 'Zendesk good/bad'],
  ])('%s (%s)', async (file) => {
    const result = await runCli(['report', file, '-f', 'json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as ReportData;
    expect(data.overall.metrics.csat.rated).toBeGreaterThan(0);
    expect(data.overall.metrics.csat.share).toBe(data.overall.metrics.csat.satisfied / data.overall.metrics.csat.rated);
    // The rating is kept beside the prediction, and the two are compared.
    const { csat } = data.overall.metrics;
    expect(csat.agreement).not.toBeNull();
    expect(csat.predictedSatisfied).toBeLessThanOrEqual(csat.rated);
    const byConversation = JSON.parse((await runCli(['report', file, '-f', 'json', '--by', 'conversation'])).stdout) as ReportData;
    expect(byConversation.conversations!.some((c) => c.csat !== undefined && c.predictedSatisfaction !== null)).toBe(true);
  });
});

describe('groups for conversations without a named agent', () => {
  it('tells a reply from an unnamed agent apart from no reply at all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-unnamed-'));
    const file = path.join(dir, 'unnamed.jsonl');
    writeFileSync(file, [
      { conversation_id: 'u-1', time: '2026-11-02 10:00:00', role: 'customer', text: '发票什么时候开' },
      { conversation_id: 'u-1', time: '2026-11-02 10:00:40', role: 'agent', text: '您好，今天下午开好发到您邮箱' },
      { conversation_id: 'u-2', time: '2026-11-02 11:00:00', role: 'customer', text: '在吗，退款怎么还没到' },
    ].map((line) => JSON.stringify(line)).join('\n'));
    try {
      const result = await runCli(['report', file, '-f', 'json']);
      const data = JSON.parse(result.stdout) as ReportData;
      expect(data.groups.map((g) => [g.key, g.metrics.conversations])).toEqual([['(未署名客服)', 1]]);
      expect(data.bots?.metrics.conversations).toBe(1);
      expect(group(data, '(未署名客服)').metrics.firstResponse.medianSeconds).toBe(40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a conversation stamped long before the others', () => {
  it('(a time stored as 0 reads as 1970) is counted apart with a note, and does not stretch the trend', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-early-'));
    const early = path.join(dir, 'early.jsonl');
    writeFileSync(early, [
      { conversation_id: 'zero', time: 0, role: 'customer', text: '在吗' },
      { conversation_id: 'zero', time: 30, role: 'agent', agent: '小林', text: '您好' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const plain = await report(['--by', 'agent']);
    const out = path.join(dir, 'r.json');
    const result = await runCli(['report', ...FILES, early, ...CONFIG, '-f', 'json', '--by', 'agent', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 个会话开始得比趋势的起点（\d{4}-\d{2}-\d{2}）还早（最早的在 1970-01-01）/);
    const data = JSON.parse(readFileSync(out, 'utf8')) as ReportData;
    expect(data.inputs.early).toBe(1);
    expect(data.periods).toHaveLength(104);
    expect(data.current?.key).toBe(plain.current?.key);
    expect(data.overall.metrics.conversations).toBe(plain.overall.metrics.conversations);
    // The note on standard error counts what the report covers.
    const covered = data.inputs.conversations - data.inputs.duplicates - data.inputs.future - data.inputs.early - data.inputs.outOfRange;
    expect(result.stderr).toContain(`已把 ${covered} 个会话的 json 报告写入`);
    const markdown = await runCli(['report', ...FILES, early, ...CONFIG, '-f', 'markdown']);
    expect(markdown.stdout).toContain('早于趋势的起点 1');
  });

  it('--since reaches back as far as it asks', async () => {
    const data = await report(['--since', '2025-01-06', '--by', 'agent']);
    expect(data.periods[0]!.key).toBe('2025-W02');
    expect(data.inputs.early).toBe(0);
  });
});

describe('a conversation dated in the future', () => {
  it('is left out with a note, and does not make its far-off week the report period', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-future-'));
    const future = path.join(dir, 'future.jsonl');
    writeFileSync(future, [
      { conversation_id: 'fut', time: '2098-11-02T10:00:00+08:00', role: 'customer', text: '在吗' },
      { conversation_id: 'fut', time: '2098-11-02T10:00:30+08:00', role: 'agent', agent: '小林', text: '您好' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const plain = await report(['--by', 'agent']);
    const result = await runCli(['report', ...FILES, future, ...CONFIG, '-f', 'json', '--by', 'agent']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 个会话里有消息的时间晚于今天（最早的在 2098-11-02）');
    const data = JSON.parse(result.stdout) as ReportData;
    expect(data.current?.key).toBe(plain.current?.key);
    expect(data.current?.key).toMatch(/^2026-W/);
    expect(data.overall.metrics.conversations).toBe(plain.overall.metrics.conversations);
    expect(data.inputs.future).toBe(1);
    const markdown = await runCli(['report', ...FILES, future, ...CONFIG, '-f', 'markdown']);
    expect(markdown.stdout).toContain('时间晚于今天 1');
  });

  it('a conversation whose reply is dated in the future is left out too, so no response time runs for decades', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-future-reply-'));
    const mixed = path.join(dir, 'mixed.jsonl');
    writeFileSync(mixed, [
      { conversation_id: 'mix', time: '2026-11-10T10:00:00+08:00', role: 'customer', text: '在吗' },
      { conversation_id: 'mix', time: '2062-11-10T10:00:30+08:00', role: 'agent', agent: '小林', text: '您好' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const plain = await report(['--by', 'agent']);
    const result = await runCli(['report', ...FILES, mixed, ...CONFIG, '-f', 'json', '--by', 'agent']);
    expect(result.stderr).toContain('1 个会话里有消息的时间晚于今天');
    const data = JSON.parse(result.stdout) as ReportData;
    expect(data.overall.metrics.conversations).toBe(plain.overall.metrics.conversations);
    expect(data.inputs.future).toBe(1);
  });
});
