import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/formatters/excerpt.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/** Every character a terminal would act on instead of showing: C0 but tab and line feed, DEL, C1, bidi controls. */
const ACTIVE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Lines of human-facing output, without the line feeds that end them. */
const activeIn = (text: string) => text.split('\n').filter((line) => ACTIVE.test(line.replace(/\u001b\[\d+(;\d+)*m/g, '')));

const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\r\u0000\u009b31m\u202e';

function hostileTranscript(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-tty-'));
  const lines = [
    { conversation_id: `c-${HOSTILE}1`, role: 'customer', text: `我的快递三天都没动了${HOSTILE}，气死了`, time: '2026-11-02T10:00:00+08:00' },
    { conversation_id: `c-${HOSTILE}1`, role: 'agent', agent: `小林${HOSTILE}`, text: `这是快递那边的问题${HOSTILE}，您去问一下快递吧`, time: '2026-11-02T10:05:00+08:00' },
    { conversation_id: 'c-2', role: 'oops\u001b[31m', text: '你好', time: '2026-11-02T10:00:00+08:00' },
  ];
  writeFileSync(path.join(dir, 'hostile.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return path.join(dir, 'hostile.jsonl');
}

describe('text from the data never acts on the terminal', () => {
  it('visible() escapes controls and bidi overrides, and leaves Chinese text alone', () => {
    expect(visible('您好\u001b[31m红\r\u0000\u202e反')).toBe('您好\\x1b[31m红\\x0d\\x00\\u202e反');
    expect(visible('第一行\n第二行\t制表')).toBe('第一行\\x0a第二行\t制表');
    expect(visible('第一行\n第二行', true)).toBe('第一行\n第二行');
    expect(visible('全角：，。！？ emoji 😀 零宽\u200b')).toBe('全角：，。！？ emoji 😀 零宽\u200b');
  });

  it('stylish output (findings, quotes, agents, ids, skipped records) shows them as escapes, with and without colour', async () => {
    const file = hostileTranscript();
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
      const result = await runCli(['lint', file, '-c', REPO_CONFIG, '--rule', 'blame-shifting'], { env: env.NO_COLOR ? env : { ...env, NO_COLOR: '' } });
      expect(result.code).toBe(1);
      expect(activeIn(result.stdout)).toEqual([]);
      expect(activeIn(result.stderr)).toEqual([]);
      expect(result.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x00\\x9b31m\\u202e');
      expect(result.stdout).toContain('小林');
      expect(result.stdout).toMatch(/是快递那边的问题/);
      expect(result.stderr).toContain('oops\\x1b[31m');
    }
  });

  it('eval samples show them as escapes too', async () => {
    const result = await runCli(['eval', hostileTranscript(), '-c', REPO_CONFIG, '--sample', '5', '--seed', '1']);
    expect(result.stdout).toContain('是快递那边的问题');
    expect(activeIn(result.stdout)).toEqual([]);
  });
});

describe('github and csv outputs show them as escapes, with their own encoding intact', () => {
  it('lint -f github: annotations, titles and file properties', async () => {
    const file = hostileTranscript();
    const result = await runCli(['lint', file, '-c', REPO_CONFIG, '--rule', 'blame-shifting', '-f', 'github']);
    expect(result.code).toBe(1);
    expect(activeIn(result.stdout)).toEqual([]);
    // One workflow command per line: the data's CR did not end a command early.
    for (const line of result.stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice)|^supportlint：/);
    // The CR is encoded as the workflow-command escaping does it; the rest is shown as escapes.
    expect(result.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J%0D\\x00\\x9b31m\\u202e');
    expect(result.stdout).toContain('%0A');
  });

  it('lint -f csv and report -f csv: the quoting still parses, and the escapes show', async () => {
    const { parse } = await import('csv-parse/sync');
    const file = hostileTranscript();
    for (const args of [['lint', file, '-c', REPO_CONFIG, '--rule', 'blame-shifting', '-f', 'csv'], ['report', file, '-c', REPO_CONFIG, '-f', 'csv', '--by', 'conversation']]) {
      const result = await runCli(args);
      // CR and LF stay inside quoted fields, where RFC 4180 carries them; nothing else acts.
      expect(activeIn(result.stdout.replace(/\r/g, ''))).toEqual([]);
      const rows: string[][] = parse(result.stdout, { bom: true, relax_column_count: false });
      const cells = rows.flat();
      expect(cells.some((cell) => cell.includes('\\x1b]0;pwned\\x07'))).toBe(true);
      expect(cells.some((cell) => cell.includes('\\u202e'))).toBe(true);
    }
  });
});

describe('reply libraries', () => {
  it('a library problem shows control characters in the file name as escapes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-tty-'));
    writeFileSync(path.join(dir, 'bad\u001b[31m\r.yaml'), '- 您好\n- 3\n');
    const result = await runCli(['replies', 'bad\u001b[31m\r.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad\\x1b[31m\\x0d.yaml:2:3: 应为一条话术的文字');
    expect(activeIn(result.stderr)).toEqual([]);
  });
});
