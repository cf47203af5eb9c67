import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, findingHash } from '../../src/formatters/fingerprint.js';
import { sarifFormatter } from '../../src/formatters/sarif.js';
import { emptySummary } from '../../src/runner/summary.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';
import { context, finding, render, result } from './build.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// Both are CommonJS and export themselves as `.default` too, which reads the same under NodeNext and vitest.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], ajv.errorsText(validateSarif.errors)).toEqual([]);
  expect(valid).toBe(true);
}

type SarifLog = {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri?: string; defaultConfiguration: { level: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number; snippet?: { text: string } } }; logicalLocations: Array<{ name: string }> }>;
      partialFingerprints: Record<string, string>;
      properties: Record<string, unknown>;
    }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; associatedRule?: { id: string } }> }>;
  }>;
};

const sarifOf = (text: string) => JSON.parse(text) as SarifLog;

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'supportlint-sarif-'));
}

describe('sarif formatter', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema, for every kind of location', () => {
    const summary = emptySummary();
    summary.files = 3;
    summary.conversations = 4;
    summary.records = { read: 12, used: 10, skipped: 2 };
    summary.errors = 2;
    summary.warnings = 3;
    summary.skipped = [{ location: { file: '/work/repo/exports/transcripts.jsonl', line: 9 }, reason: 'not JSON' }];
    summary.unreadableFiles = [{ location: { file: '/work/repo/notes.txt' }, reason: 'not a recognised export' }];
    summary.warningsAboutInput = [{ location: { file: '/work/repo/dialogues.json', record: 4 }, reason: 'conversation split' }];
    summary.notApplicable = { 'slow-first-response': { 'no-timestamps': 2 } };
    const text = render(
      sarifFormatter(),
      [
        result([finding(), finding({ ruleId: 'slow-first-response', severity: 'warn', messageId: 'slow', range: undefined, suggestion: undefined })]),
        result([finding({ conversationId: 'k-2', location: { file: '/work/repo/exports/dialogues.json', record: 1 } })]),
        result([finding({ conversationId: 'stdin-1', location: { file: '<stdin>', line: 4 } })]),
        result([finding({ ruleId: 'not-in-config', conversationId: 'r-1', location: { file: '/work/repo/话术库/售后 回复.yaml', line: 7, column: 5 } as never })]),
        result([finding({ conversationId: 'outside', location: { file: '/elsewhere/export.jsonl', line: 1 } })]),
        result([], { conversationId: 'clean' }),
      ],
      context(),
      summary,
    );
    const log = sarifOf(text);
    expectValidSarif(log);
    const [run] = log.runs;
    expect(run!.tool.driver).toMatchObject({ name: 'supportlint', version: '0.1.0', informationUri: 'https://github.com/supportlint/supportlint' });
    expect(run!.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level, r.helpUri])).toEqual([
      ['blame-shifting', 'error', 'https://github.com/supportlint/supportlint/blob/main/docs/rules/blame-shifting.md'],
      ['slow-first-response', 'warning', 'https://github.com/supportlint/supportlint/blob/main/docs/rules/slow-first-response.md'],
      ['no-wechat', 'warning', undefined],
    ]);
    const [lined, conversationLevel, record, stdin, reply, outside] = run!.results;
    expect(lined).toMatchObject({ ruleId: 'blame-shifting', ruleIndex: 0, level: 'error' });
    expect(lined!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'exports/transcripts.jsonl', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, snippet: { text: '您好，这个是快递那边的问题，您去问一下快递吧' } },
    });
    expect(lined!.properties).toMatchObject({ conversationId: 'c-1001', messageSeq: 2, agent: '小林', suggestion: '给您添麻烦了，我这边马上帮您联系处理。' });
    expect(conversationLevel).toMatchObject({ ruleId: 'slow-first-response', ruleIndex: 1, level: 'warning' });
    // A JSON record has no line: the conversation is named as a logical location and there is no region.
    expect(record!.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'exports/dialogues.json', uriBaseId: '%SRCROOT%' } },
      logicalLocations: [{ name: 'k-2', fullyQualifiedName: 'k-2' }],
    });
    expect(record!.properties.record).toBe(1);
    expect(stdin!.locations[0]!.physicalLocation).toBeUndefined();
    expect(stdin!.locations[0]!.logicalLocations[0]!.name).toBe('stdin-1');
    // A rule the run did not list keeps its id but has no index to point at.
    expect(reply!.ruleIndex).toBeUndefined();
    expect(reply!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('%E8%AF%9D%E6%9C%AF%E5%BA%93/%E5%94%AE%E5%90%8E%20%E5%9B%9E%E5%A4%8D.yaml');
    expect(reply!.locations[0]!.physicalLocation!.region).toMatchObject({ startLine: 7, startColumn: 5 });
    expect(outside!.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/export.jsonl' });

    const notes = run!.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => n.level)).toEqual(['error', 'warning', 'note', 'warning', 'note']);
    expect(notes[3]!.message.text).toContain('另有 1 条跳过的记录');
    expect(notes[4]!.associatedRule).toEqual({ id: 'slow-first-response', index: 1 });
    expect(run!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('the schema check can fail: a broken log is rejected', () => {
    const good = sarifOf(render(sarifFormatter(), [result([finding()])]));
    expectValidSarif(good);
    const badLevel = structuredClone(good);
    (badLevel.runs[0]!.results[0] as { level: string }).level = 'warn';
    expect(validateSarif(badLevel)).toBe(false);
    const noMessage = structuredClone(good) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete noMessage.runs[0]!.results[0]!.message;
    expect(validateSarif(noMessage)).toBe(false);
    const zeroColumn = structuredClone(good);
    zeroColumn.runs[0]!.results[0]!.locations[0]!.physicalLocation!.region!.startColumn = 0;
    expect(validateSarif(zeroColumn)).toBe(false);
  });

  it('writes an empty run when nothing was found, still valid', () => {
    const log = sarifOf(render(sarifFormatter(), [result([], { conversationId: 'c-1' })]));
    expectValidSarif(log);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('is the SARIF the CLI writes for the sample: valid, one result per finding, rules indexed', async () => {
    const sarif = await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'sarif']);
    const json = JSON.parse((await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'json'])).stdout);
    expect(sarif.code).toBe(1);
    const log = sarifOf(sarif.stdout);
    expectValidSarif(log);
    const findings = json.results.flatMap((r: { findings: unknown[] }) => r.findings);
    expect(log.runs[0]!.results).toHaveLength(findings.length);
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of log.runs[0]!.results) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.locations[0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'fixtures/jsonl/transcripts.jsonl', uriBaseId: '%SRCROOT%' });
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:\d+$/);
    }
    expect(new Set(log.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(findings.length);
  });

  it('validates for every fixture format the CLI reads', async () => {
    for (const input of ['fixtures/json/conversations.json', 'fixtures/csv/transcripts.csv', 'fixtures/qianniu/chat-record.txt', 'fixtures/broken/mixed.jsonl']) {
      const log = sarifOf((await runCli(['lint', input, '-f', 'sarif'])).stdout);
      expectValidSarif(log);
    }
  });
});

describe('sarif fingerprints', () => {
  const fingerprints = (log: SarifLog) =>
    new Map(log.runs[0]!.results.map((r) => [`${r.properties.conversationId} ${r.ruleId} ${r.properties.messageId}`, r.partialFingerprints[FINGERPRINT_KEY]]));
  const lines = (log: SarifLog) => log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation!.region!.startLine);

  it('do not change when conversations move to other lines, or new ones are added above', async () => {
    const sample = readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), 'utf8').trimEnd().split('\n');
    const byConversation = new Map<string, string[]>();
    for (const line of sample) {
      const id = JSON.parse(line).conversation_id as string;
      byConversation.set(id, [...(byConversation.get(id) ?? []), line]);
    }
    const reordered = [...byConversation.values()].reverse().flat();
    const added = [
      JSON.stringify({ conversation_id: 'c-new', time: '2026-11-02T09:00:00+08:00', role: 'customer', text: '在吗' }),
      JSON.stringify({ conversation_id: 'c-new', time: '2026-11-02T09:00:20+08:00', role: 'agent', agent: '小王', text: '在的，请问有什么可以帮您？' }),
    ];
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.jsonl'), `${sample.join('\n')}\n`);
    writeFileSync(path.join(dir, 'b.jsonl'), `${[...added, ...reordered].join('\n')}\n`);
    // Absolute paths: the in-process CLI opens inputs relative to the process, not to `cwd`.
    const before = sarifOf((await runCli(['lint', '-c', REPO_CONFIG, path.join(dir, 'a.jsonl'), '-f', 'sarif'], { cwd: dir })).stdout);
    const after = sarifOf((await runCli(['lint', '-c', REPO_CONFIG, path.join(dir, 'b.jsonl'), '-f', 'sarif'], { cwd: dir })).stdout);
    expect(before.runs[0]!.results.length).toBeGreaterThan(3);
    expect(lines(after)).not.toEqual(lines(before));
    expect(after.runs[0]!.results.length).toBe(before.runs[0]!.results.length);
    expect(fingerprints(after)).toEqual(fingerprints(before));
  });

  it('do not depend on file, line, record, position in the conversation or the rendered message', () => {
    const base = finding();
    expect(findingHash(finding({ location: { file: 'other.csv', line: 90 }, messageSeq: 7, message: '另一种说法' }))).toBe(findingHash(base));
    expect(findingHash(finding({ location: { file: 'x.json', record: 3 } }))).toBe(findingHash(base));
    // Full-width letters and spacing inside the matched words are the same words.
    expect(findingHash(finding({ excerpt: 'ＯＫ 是 快递那边的问题', range: [0, 12] }))).toBe(findingHash(finding({ excerpt: 'OK是快递那边的问题', range: [0, 10] })));
    // Words outside the match may change (a typo fixed elsewhere in the reply).
    expect(findingHash(finding({ excerpt: '您好呀，这个是快递那边的问题，您去问问快递吧', range: [6, 14] }))).toBe(findingHash(base));
  });

  it('tell apart rules, conversations, messages and matched words', () => {
    const base = findingHash(finding());
    expect(findingHash(finding({ ruleId: 'no-wechat' }))).not.toBe(base);
    expect(findingHash(finding({ conversationId: 'c-1002' }))).not.toBe(base);
    expect(findingHash(finding({ messageId: 'blameCustomer' }))).not.toBe(base);
    expect(findingHash(finding({ range: [5, 9] }))).not.toBe(base);
    // Without a match, the whole quoted message identifies the finding.
    expect(findingHash(finding({ range: undefined }))).not.toBe(findingHash(finding({ range: undefined, excerpt: '另一条回复' })));
  });

  it('number repeated findings, so each stays unique and the first keeps its fingerprint', () => {
    const twice = sarifOf(render(sarifFormatter(), [result([finding({ messageSeq: 2 }), finding({ messageSeq: 5, location: { file: '/work/repo/exports/transcripts.jsonl', line: 6 } })])]));
    const once = sarifOf(render(sarifFormatter(), [result([finding({ messageSeq: 2 })])]));
    const [first, second] = twice.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
    expect(first).toMatch(/:1$/);
    expect(second).toBe(first!.replace(/:1$/, ':2'));
    expect(once.runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY]).toBe(first);
  });
});

describe('sarif for waived and collapsed findings', () => {
  it('validates with suppressions, related locations and stale-waiver notifications', () => {
    const hits = [2, 4].map((seq) => finding({ messageSeq: seq, location: { file: '/work/repo/exports/transcripts.jsonl', line: seq + 1 } }));
    const collapsed = { ...hits[0]!, count: 2, occurrences: hits.map((f) => ({ messageSeq: f.messageSeq, message: f.message, excerpt: f.excerpt, range: f.range, location: f.location })) };
    const waived = { ...finding({ ruleId: 'slow-first-response', severity: 'warn' as const }), waiver: { reason: '系统故障', author: '李主管', date: '2026-11-05', source: 'w.yaml:3' } };
    const summary = emptySummary();
    summary.conversations = 1;
    summary.waived = 1;
    summary.staleWaivers.push({ source: 'w.yaml:9', conversationId: 'c-1001', ruleId: 'blame-shifting', message: 7 });
    const log = JSON.parse(render(sarifFormatter(), [result([collapsed], { waived: [waived] })], context(), summary));
    expectValidSarif(log);
    const [first, second] = log.runs[0].results;
    expect(first.relatedLocations).toHaveLength(1);
    expect(first.relatedLocations[0].physicalLocation.region.startLine).toBe(5);
    expect(first.properties.count).toBe(2);
    expect(first.suppressions).toBeUndefined();
    expect(second.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '系统故障', properties: { author: '李主管', source: 'w.yaml:3', date: '2026-11-05' } }]);
    expect(log.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toContain('豁免 w.yaml:9（规则 blame-shifting）没有对应任何问题，可以删除或改正。');
  });
});
