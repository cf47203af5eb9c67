import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Lexicon, lexiconFileSchema, type LexiconFile } from '../../src/lexicon/lexicon.js';
import { BUILT_LEXICON_CACHE, BUILTIN_LEXICON_DIR } from '../../src/lexicon/load.js';
import { requiredLiterals } from '../../src/lexicon/required-literals.js';

const lists: LexiconFile[] = readdirSync(BUILTIN_LEXICON_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => lexiconFileSchema.parse(parseYaml(readFileSync(path.join(BUILTIN_LEXICON_DIR, name), 'utf8'))));

/** Pieces of text that come near what the lists look for: their phrases, their sets, pieces of their patterns. */
function fragments(list: LexiconFile): string[] {
  const pieces = new Set<string>([...list.phrases, ...list.specs.match, ...list.specs.noMatch, ...Object.values(list.sets).flat()]);
  for (const pattern of list.patterns) for (const run of pattern.match(/[\p{Script=Han}a-z0-9]+/gu) ?? []) pieces.add(run);
  return [...pieces];
}

const filler = fc.constantFrom(...'的了我您你们他这个不没还又就是在有会请吗呢吧啊，。！？!? 1２３ab：、'.split(''));

describe('the literal gate of a phrase list', () => {
  for (const list of lists) {
    it(`finds exactly what running every entry finds: ${list.id}`, () => {
      const gated = new Lexicon(list, undefined, { builtinPatterns: true });
      const reference = new Lexicon(list, undefined, { builtinPatterns: true, gate: false });
      const pieces = fragments(list);
      // Pieces cut at random points as well as whole, mixed with common characters and punctuation.
      const piece = fc.oneof(fc.constantFrom(...pieces), fc.tuple(fc.constantFrom(...pieces), fc.nat(), fc.nat()).map(([p, a, b]) => p.slice(Math.min(a, b) % (p.length + 1), Math.max(a, b) % (p.length + 1) || undefined)), filler);
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
          const text = parts.join('');
          expect(gated.matchAll(text)).toEqual(reference.matchAll(text));
          expect(gated.test(text)).toBe(reference.test(text));
          // A text the list cannot match within has no part that matches: neither it nor any slice.
          if (!gated.mayMatchWithin(text)) {
            for (let start = 0; start < text.length; start++) {
              for (let end = start + 1; end <= text.length; end++) expect(reference.matchAll(text.slice(start, end)), text.slice(start, end)).toEqual([]);
            }
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe('the required literals the build keeps', () => {
  it('are what the patterns require now, for every list the build saw as it is', () => {
    const built = JSON.parse(readFileSync(BUILT_LEXICON_CACHE, 'utf8')) as Record<string, { hash: string; list: LexiconFile; literals: Record<string, string[] | null> }>;
    let compared = 0;
    for (const [name, cached] of Object.entries(built)) {
      // A list edited since the build is parsed afresh by the loader, and its kept literals are not used.
      if (cached.hash !== createHash('sha256').update(readFileSync(path.join(BUILTIN_LEXICON_DIR, name), 'utf8')).digest('hex')) continue;
      expect(cached.literals, name).toEqual({ ...new Lexicon(cached.list, undefined, { builtinPatterns: true }).patternLiterals });
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('required literals', () => {
  it('names what every match must hold, joining neighbours that match a few exact strings', () => {
    expect(requiredLiterals('(?<!清理)垃圾(?!短信)')).toEqual(['垃圾']);
    expect(requiredLiterals('(到现在|至今)(都)?没')?.sort()).toEqual(['到现在没', '到现在都没', '至今没', '至今都没'].sort());
    expect(requiredLiterals('[您你]好')?.sort()).toEqual(['你好', '您好']);
    expect(requiredLiterals('等了(好|整整)?([0-9一二三]+)(个)?(天|小时)')).toEqual(['等了']);
  });

  it('names nothing where a match needs nothing nameable', () => {
    expect(requiredLiterals('\\d+')).toBeUndefined();
    expect(requiredLiterals('(继续)?')).toBeUndefined();
    expect(requiredLiterals('a|\\d')).toBeUndefined();
    expect(requiredLiterals('(?i:abc)')).toBeUndefined();
    expect(requiredLiterals('[^a]b*')).toBeUndefined();
    expect(requiredLiterals('(unclosed')).toBeUndefined();
  });
});
