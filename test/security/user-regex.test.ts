import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileUserRegex } from '../../src/lexicon/user-regex.js';
import { Lexicon } from '../../src/lexicon/lexicon.js';
import { runCli } from '../support/cli.js';

/** Each of these takes exponential (or high-polynomial) time on a backtracking engine for the text below. */
const EVIL = ['(\\w+){25}$', '(?:a+){30}$', '(.*a){12}$', 'a*a*a*a*a*a*a*a*b', '.*.*.*.*.*.*x', '(a+)+$', '(a|a)*$'];
const ATTACK = `${'a'.repeat(3000)}!`;

function project(config: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-regex-'));
  writeFileSync(path.join(dir, '.supportlintrc.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const TRANSCRIPT = [
  { conversation_id: 'c1', role: 'customer', text: ATTACK },
  { conversation_id: 'c1', role: 'agent', agent: '小林', text: ATTACK },
].map((m) => JSON.stringify(m)).join('\n');

describe('user regexes run in linear time', () => {
  it('each pattern matches a long hostile message in well under a second', () => {
    for (const source of EVIL) {
      const re = compileUserRegex(source, 't');
      const started = performance.now();
      re.test(ATTACK);
      expect([...re.matches(ATTACK)].every(([start, end]) => end >= start)).toBe(true);
      expect(performance.now() - started, source).toBeLessThan(1500);
    }
  });

  it('lint with the patterns in a custom rule and in lexicon addPatterns finishes', async () => {
    // The hostile patterns match nothing here; the last one shows that the rule did run.
    const quoted = [...EVIL, 'a{50}'].map((p) => JSON.stringify(p)).join(', ');
    const dir = project(`customRules:\n  evil:\n    type: phrase\n    role: any\n    patterns: [${quoted}]\n    message: x\nlexicons:\n  blame-shifting:\n    addPatterns: [${quoted}]\n`, { 'c.jsonl': TRANSCRIPT });
    const started = performance.now();
    const result = await runCli(['lint', 'c.jsonl', '-f', 'json'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('evil');
  });

  it('replies with the patterns finishes', async () => {
    // The hostile patterns match nothing here; the last one shows that the rule did run.
    const quoted = [...EVIL, 'a{50}'].map((p) => JSON.stringify(p)).join(', ');
    const dir = project(`customRules:\n  evil:\n    type: phrase\n    patterns: [${quoted}]\n    message: x\n`, { 'r.yaml': `售后:\n  - id: long\n    text: ${ATTACK}\n` });
    const result = await runCli(['replies', 'r.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(result.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('evil');
  });

  it('--agent-pattern and input.agentPattern run on the same matcher, and what it cannot compile is refused', async () => {
    const nick = `${'a'.repeat(3000)}!`;
    const record = `与 ${nick} 的聊天记录\n${nick} 2026-11-04 09:30:12\n在吗\n店铺:小林 2026-11-04 09:31:00\n您好\n`;
    const dir = project('{}\n', { 'q.txt': record });
    const started = performance.now();
    await runCli(['lint', 'q.txt', '--input-format', 'qianniu', '--agent-pattern', '(\\w+){25}$'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(20_000);

    const refused = await runCli(['lint', 'q.txt', '--agent-pattern', '(客服)\\1'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不支持反向引用');
    const configured = project('input:\n  agentPattern: "客服(?=小)"\n', { 'q.txt': record });
    const fromConfig = await runCli(['lint', 'q.txt'], { cwd: configured });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain('input.agentPattern');
  });

  it('JavaScript \\u escapes are understood, and offsets are in UTF-16 units', () => {
    const lexicon = new Lexicon({ id: 'x', description: '', sets: {}, phrases: [], patterns: ['[\\u4e00-\\u9fa5]{2}问题'] });
    expect(lexicon.matchAll('😀是快递问题')).toEqual([{ entry: '[\\u4e00-\\u9fa5]{2}问题', start: 3, end: 7 }]);
  });
});

describe('a user pattern that is linear but slow', () => {
  it('is refused once it has spent its time budget, naming the pattern, while a plain pattern never is', () => {
    const text = 'a'.repeat(30_000);
    const budget = { baseMs: 30, perCharMs: 0 };
    const slow = compileUserRegex('(\\w+){100}$', 'customRules.x', budget);
    let refused: Error | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      try {
        slow.test(text);
      } catch (error) {
        refused = error as Error;
      }
    }
    expect(refused?.message).toContain('customRules.x：正则表达式 "(\\w+){100}$" 太慢');
    // Once refused, every later use says so at once, through matches() too.
    const started = performance.now();
    expect(() => slow.test('abc')).toThrow('太慢');
    expect(() => [...slow.matches('abc')]).toThrow('太慢');
    expect(performance.now() - started).toBeLessThan(50);
    // A phrase pattern reading the same text many times stays well within the default budget's rate.
    const plain = compileUserRegex('加.{0,3}微信', 'customRules.y', { baseMs: 30, perCharMs: 0.001 });
    for (let i = 0; i < 200; i++) expect([...plain.matches(`${text}加个微信`)]).toEqual([[30_000, 30_004]]);
  });

  it('is refused before a search of one long text that would outrun the budget, not minutes later', () => {
    const slow = compileUserRegex('(\\w+){100}$', 'customRules.x');
    // Some 2 MB of word characters, a pasted log or an inline image: at this pattern's rate, a
    // search of it takes most of a minute, and cannot be stopped once started.
    const text = 'a'.repeat(2_000_000);
    const started = performance.now();
    expect(() => slow.test(text)).toThrow(/customRules\.x：正则表达式 "\(\\w\+\)\{100\}\$" 太慢/);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(() => [...slow.matches('abc')]).toThrow('太慢');
    // A fast pattern reads the same text whole.
    expect(compileUserRegex('加.{0,3}微信', 'customRules.y').test(`${text}加个微信`)).toBe(true);
  });

  it('throws in the search that used the budget up, so the conversation it read is the one named', () => {
    const slow = compileUserRegex('(\\w+){100}$', 'customRules.x', { baseMs: 5, perCharMs: 0 });
    // One search of 20,000 characters takes far more than 5 ms: that very call fails.
    expect(() => slow.test('a'.repeat(20_000))).toThrow('太慢');
  });

  it('counts a list\'s user patterns against one budget, and runs a single one once per text', () => {
    const lexicon = new Lexicon(
      { id: 'customRules.x', description: '', sets: {}, phrases: [], patterns: [] },
      { add: [], addPatterns: ['(\\w+){100}$'], remove: [] },
    );
    let refused: Error | undefined;
    const started = performance.now();
    try {
      lexicon.matchAll('a'.repeat(2_000_000));
    } catch (error) {
      refused = error as Error;
    }
    // Only the first characters were searched, once, to learn that the whole would take too long.
    expect(refused?.message).toContain('太慢（已用');
    expect(refused?.message).toContain('读了 65536 个字符');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(() => lexicon.test('hello')).toThrow('太慢');
  });
});
