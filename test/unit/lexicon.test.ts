import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexicon, LexiconSpecError } from '../../src/lexicon/lexicon.js';
import { loadLexiconFile, loadLexicons } from '../../src/lexicon/load.js';
import { assertSafeRegex, UnsafeRegexError } from '../../src/lexicon/safe-regex.js';

function listFile(body: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexicon-')), 'list.yaml');
  writeFileSync(file, body);
  return file;
}

describe('Lexicon', () => {
  it('matches longest-first and deterministically, without overlaps', () => {
    const lexicon = new Lexicon({ id: 'x', description: '', sets: {}, phrases: ['快递', '快递公司', '公司'], patterns: [] });
    expect(lexicon.matchAll('找快递公司').map((m) => m.entry)).toEqual(['快递公司']);
    expect(lexicon.matchAll('快递和公司').map((m) => [m.entry, m.start])).toEqual([['快递', 0], ['公司', 3]]);
  });

  it('expands {set} placeholders in patterns', () => {
    const lexicon = new Lexicon({ id: 'x', description: '', sets: { party: ['快递', '厂家'] }, phrases: [], patterns: ['怪{party}'] });
    expect(lexicon.test('都怪厂家')).toBe(true);
    expect(lexicon.test('都怪我')).toBe(false);
  });

  it('applies configured additions and removals', () => {
    const file = { id: 'x', description: '', sets: {}, phrases: ['抱歉', '对不起'], patterns: [] };
    const lexicon = new Lexicon(file, { add: ['给您添堵了'], addPatterns: [], remove: ['对不起'] });
    expect(lexicon.test('给您添堵了')).toBe(true);
    expect(lexicon.test('对不起')).toBe(false);
  });
});

describe('phrase list files', () => {
  it('refuse to load when a spec sentence that must match does not', () => {
    const file = listFile('id: demo\ndescription: d\nphrases: [抱歉]\nspecs:\n  match: [对不起]\n  noMatch: [好的]\n');
    expect(() => loadLexiconFile(file)).toThrow(LexiconSpecError);
    expect(() => loadLexiconFile(file)).toThrow(/应当命中它的例句 "对不起"/);
  });

  it('refuse to load when a spec sentence that must not match does', () => {
    const file = listFile('id: demo\ndescription: d\nphrases: [好]\nspecs:\n  match: [好的]\n  noMatch: [不好]\n');
    expect(() => loadLexiconFile(file)).toThrow(/不应命中 "不好"，但词条 "好" 命中了/);
  });

  it('name the key of a malformed list', () => {
    const file = listFile('id: demo\ndescription: d\nphrases: [抱歉, 12315]\nspecs:\n  match: [抱歉]\n  noMatch: [好的]\n');
    expect(() => loadLexiconFile(file)).toThrow(/phrases\.1/);
  });

  it('all built-in lists load and pass their specs', () => {
    expect(loadLexicons().size).toBeGreaterThanOrEqual(7);
  });

  it('a configured change to an unknown list is refused with the known ids', () => {
    expect(() => loadLexicons({ 'no-such-list': { add: ['x'], addPatterns: [], remove: [] } })).toThrow(/没有名为 "no-such-list" 的词表/);
  });

  it('an added entry that hits a sentence the list must not match is blamed on the configuration, not the shipped file', () => {
    let message = '';
    try {
      loadLexicons({ 'blame-shifting': { add: ['您'], addPatterns: [], remove: [] } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^配置项 lexicons\.blame-shifting：添加的词条 "您" 命中了 "/);
    expect(message).not.toContain('rules/lexicon');
  });

  it('a configured pattern the linear-time matcher cannot run (a backreference, a lookahead) is refused', () => {
    expect(() => loadLexicons({ 'blame-shifting': { add: [], addPatterns: ['(快递)\\1'], remove: [] } })).toThrow(UnsafeRegexError);
    expect(() => loadLexicons({ 'blame-shifting': { add: [], addPatterns: ['快递(?=公司)'], remove: [] } })).toThrow(UnsafeRegexError);
  });
});

describe('assertSafeRegex', () => {
  it('accepts ordinary patterns', () => {
    for (const ok of ['(是|属于)快递的问题', '等了[0-9]+天', '[!！]{3,}', '(?:您|你)自己']) expect(() => assertSafeRegex(ok, 't')).not.toThrow();
  });

  it('refuses nested and alternating repetition, and invalid syntax', () => {
    for (const bad of ['(a+)+', '(a*)*b', '(a|a)*', '(\\d+\\s?)+$', '([a-z]+){2,}']) expect(() => assertSafeRegex(bad, 't'), bad).toThrow(UnsafeRegexError);
    expect(() => assertSafeRegex('(unclosed', 't')).toThrow(/not a valid regular expression/);
  });
});

describe('the built phrase-list cache', () => {
  it('holds exactly what the YAML files say, so lists load the same with or without it', async () => {
    const { existsSync, readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { parse } = await import('yaml');
    const { BUILT_LEXICON_CACHE, BUILTIN_LEXICON_DIR } = await import('../../src/lexicon/load.js');
    const { lexiconFileSchema } = await import('../../src/lexicon/lexicon.js');
    expect(existsSync(BUILT_LEXICON_CACHE), 'npm run build writes dist/lexicons.json').toBe(true);
    const cache = JSON.parse(readFileSync(BUILT_LEXICON_CACHE, 'utf8')) as Record<string, { list: unknown }>;
    const names = readdirSync(BUILTIN_LEXICON_DIR).filter((f) => f.endsWith('.yaml')).sort();
    expect(Object.keys(cache).sort()).toEqual(names);
    for (const name of names) {
      expect(cache[name]!.list, name).toEqual(lexiconFileSchema.parse(parse(readFileSync(path.join(BUILTIN_LEXICON_DIR, name), 'utf8'))));
    }
  });
});
