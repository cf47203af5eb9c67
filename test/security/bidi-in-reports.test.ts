import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, runCli } from '../support/cli.js';

const RLO = '\u202e';
const CSI = '\u009b';

describe('bidi and C1 control characters from the data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bidi-'));
  const file = path.join(dir, 'c.jsonl');
  const records = [
    { conversation_id: `c${RLO}1`, time: '2026-11-02T10:00:00+08:00', role: 'customer', text: `快递三天没动了${CSI}31m` },
    { conversation_id: `c${RLO}1`, time: '2026-11-02T10:01:00+08:00', role: 'agent', agent: `小林${RLO}`, text: `这个是快递那边的问题，您去问快递吧${RLO}olleh` },
  ];
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));

  it.each([['lint', 'markdown'], ['lint', 'junit'], ['report', 'markdown']])('%s -f %s writes them as escapes, never raw', async (command, format) => {
    const run = await runCli([command, file, '-c', REPO_CONFIG, '-f', format]);
    expect(run.stdout.length).toBeGreaterThan(100);
    expect(run.stdout).not.toContain(RLO);
    expect(run.stdout).not.toContain(CSI);
    if (command === 'lint') expect(run.stdout).toMatch(/\\\\?u202e/);
  });
});

describe('line breaks in ids and names', () => {
  it('JUnit writes them as character references, so no line of the report starts with data', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-junit-lines-'));
    const file = path.join(dir, 'c.jsonl');
    const id = 'c1\n::error::INJECTED';
    const records = [
      { conversation_id: id, time: '2026-11-02T10:00:00+08:00', role: 'customer', text: '快递三天没动了' },
      { conversation_id: id, time: '2026-11-02T10:01:00+08:00', role: 'agent', agent: '小林\n::warning::X', text: '这个是快递那边的问题，您去问快递吧' },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const run = await runCli(['lint', file, '-c', REPO_CONFIG, '-f', 'junit']);
    expect(run.stdout).toContain('INJECTED');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
  });
});
