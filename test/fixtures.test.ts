import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from './support/cli.js';

/**
 * Golden files: every input under fixtures/<format>/ has two files beside it:
 * - <input>.expected.jsonl, the canonical JSONL that `supportlint convert` writes: what was read;
 * - <input>.expected.json, the findings `supportlint lint --format json` gives, cut down to what a
 *   reviewer checks.
 * Run with UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing.
 * fixtures/broken/ holds damaged inputs; test/cli.test.ts checks how they are reported.
 * fixtures/libraries/ holds canned-reply libraries; test/replies.test.ts checks them.
 */
const FIXTURE_DIRS = readdirSync(path.join(ROOT, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'broken' && entry.name !== 'libraries' && entry.name !== 'report')
  .map((entry) => entry.name);

interface JsonFinding {
  ruleId: string;
  severity: string;
  messageSeq: number | null;
  message: string;
  excerpt: string;
  range?: [number, number];
  agent: string | null;
}

function goldenView(report: { summary: { records: unknown; conversations: number; notApplicable: unknown }; results: Array<{ conversationId: string; findings: JsonFinding[] }> }) {
  return {
    records: report.summary.records,
    conversations: report.summary.conversations,
    notApplicable: report.summary.notApplicable,
    findings: report.results.flatMap((r) =>
      r.findings.map((f) => ({
        conversationId: r.conversationId,
        ruleId: f.ruleId,
        severity: f.severity,
        messageSeq: f.messageSeq,
        agent: f.agent,
        message: f.message,
        highlight: f.range ? f.excerpt.slice(f.range[0], f.range[1]) : null,
      })),
    ),
  };
}

const inputs = FIXTURE_DIRS.flatMap((dir) =>
  existsSync(path.join(ROOT, 'fixtures', dir))
    ? readdirSync(path.join(ROOT, 'fixtures', dir)).filter((f) => !/\.expected\.jsonl?$/.test(f) && !f.startsWith('.') && !f.endsWith('.md')).map((f) => `fixtures/${dir}/${f}`)
    : [],
);

describe('golden fixtures', () => {
  it('finds the fixture inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(8);
  });

  for (const input of inputs) {
    it(`${input} reads as expected`, async () => {
      const result = await runCli(['convert', input]);
      expect(result.code).toBe(0);
      const goldenPath = path.join(ROOT, `${input}.expected.jsonl`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, result.stdout);
      expect(result.stdout).toBe(readFileSync(goldenPath, 'utf8'));
    });

    it(`${input} lints as expected`, async () => {
      const result = await runCli(['lint', input, '--format', 'json']);
      expect(result.stderr).toBe('');
      const view = goldenView(JSON.parse(result.stdout));
      const goldenPath = path.join(ROOT, `${input}.expected.json`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, `${JSON.stringify(view, null, 2)}\n`);
      expect(view).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
      expect([0, 1]).toContain(result.code);
    });
  }
});

describe('convert keeps what the rules judge', () => {
  // A copy in canonical JSONL must be judged as its original: a Weibo thread stays a public thread,
  // a call stays a call.
  for (const input of inputs) {
    it(`${input}: its canonical copy gets the same findings`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-roundtrip-'));
      const copy = path.join(dir, 'copy.jsonl');
      expect((await runCli(['convert', input, '-o', copy])).code).toBe(0);
      const shape = async (file: string) => {
        const report = JSON.parse((await runCli(['lint', file, '-c', REPO_CONFIG, '--format', 'json'])).stdout) as { results: Array<{ conversationId: string; findings: JsonFinding[] }> };
        return report.results.map((r) => [r.conversationId, r.findings.map((f) => [f.ruleId, f.messageSeq]).sort()]);
      };
      expect(await shape(copy)).toEqual(await shape(input));
    });
  }
});

describe('traditional Chinese', () => {
  it('a traditional transcript gets the same findings as its simplified twin, quoted in its own characters', async () => {
    const simplified = JSON.parse((await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '--format', 'json'])).stdout);
    const traditional = JSON.parse((await runCli(['lint', 'fixtures/traditional/transcripts.jsonl', '--format', 'json'])).stdout);
    const shape = (report: typeof simplified) =>
      report.results.flatMap((r: { findings: JsonFinding[] }) => r.findings.map((f) => [f.ruleId, f.messageSeq, f.range ?? null]));
    expect(shape(traditional)).toEqual(shape(simplified));
    expect(shape(simplified).length).toBeGreaterThan(0);
    const blame = traditional.results.flatMap((r: { findings: JsonFinding[] }) => r.findings).find((f: JsonFinding) => f.ruleId === 'blame-shifting');
    expect(blame.excerpt.slice(blame.range[0], blame.range[1])).toBe('是快遞那邊的問題');
    expect(blame.message).toContain('推諉');
    expect(traditional.results[0].locale).toBe('zh-Hant');
  });
});
