import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, runCli } from '../support/cli.js';

const rows = (delimiter: string) =>
  [
    ['会话ID', '时间', '角色', '内容'],
    ['s1', '2026-11-02 10:00:00', '客户', '快递三天没动了'],
    ['s1', '2026-11-02 10:00:40', '客服', '这个是快递那边的问题，您去问快递吧'],
  ].map((cells) => cells.join(delimiter));

describe('an Excel CSV whose first line names its delimiter (sep=…)', () => {
  it.each([
    ['sep=,', ','],
    ['sep=;', ';'],
    ['sep=\t', '\t'],
    ['sep=\\t', '\t'],
  ])('%j is read with that delimiter, the line itself is not a row, and lines keep their numbers', async (first, delimiter) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-sep-'));
    writeFileSync(path.join(dir, 'export.csv'), `${[first, ...rows(delimiter)].join('\r\n')}\r\n`);
    const run = await runCli(['lint', '-c', REPO_CONFIG, 'export.csv', '-f', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { results: Array<{ findings: Array<{ ruleId: string; location: { line?: number } }> }>; summary: { records: { read: number; used: number; skipped: number } } };
    const blame = report.results.flatMap((r) => r.findings).find((f) => f.ruleId === 'blame-shifting');
    expect(blame?.location.line).toBe(4);
    expect(report.summary.records).toMatchObject({ read: 2, used: 2, skipped: 0 });
  });
});
