import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { parse as parseYaml } from 'yaml';
import { normalizeText } from '../text/normalize.js';
import { Lexicon, LexiconSpecError, lexiconFileSchema, type LexiconChange } from './lexicon.js';
import { formatZodIssues } from '../config/zod-errors.js';

/** The phrase lists shipped in the package's rules/lexicon/. */
export const BUILTIN_LEXICON_DIR = path.join(PACKAGE_ROOT, 'rules', 'lexicon');

export type LexiconSet = ReadonlyMap<string, Lexicon>;

/** Runs a list's self-tests. A list whose specs fail refuses to load, and says which sentence failed. */
export function checkLexiconSpecs(lexicon: Lexicon, specs: { match: string[]; noMatch: string[] }, file: string): void {
  for (const sentence of specs.match) {
    if (!lexicon.test(normalizeText(sentence).text)) {
      throw new LexiconSpecError(`${file}: list "${lexicon.id}" should match its spec sentence "${sentence}", but does not. Fix the phrases or the spec.`);
    }
  }
  for (const sentence of specs.noMatch) {
    const hits = lexicon.matchAll(normalizeText(sentence).text);
    if (hits.length > 0) {
      throw new LexiconSpecError(`${file}: list "${lexicon.id}" must not match "${sentence}", but "${hits[0]!.entry}" does. Remove or narrow that entry.`);
    }
  }
}

export function loadLexiconFile(file: string, changes: Readonly<Record<string, LexiconChange>> = {}): Lexicon {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LexiconSpecError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconSpecError(`${file}: ${formatZodIssues(parsed.error)}`);
  const change = changes[parsed.data.id];
  // These files are written with the project (rules/lexicon/*.yaml): their own patterns run natively.
  const lexicon = new Lexicon(parsed.data, change, { builtinPatterns: true });
  // Specs guard the shipped list; configured additions are checked against the same sentences.
  checkLexiconSpecs(lexicon, change?.remove?.length ? { match: [], noMatch: parsed.data.specs.noMatch } : parsed.data.specs, file);
  return lexicon;
}

/** Loads every built-in phrase list, applying configured additions and removals. */
export function loadLexicons(changes: Readonly<Record<string, LexiconChange>> = {}, dir = BUILTIN_LEXICON_DIR): Map<string, Lexicon> {
  const lexicons = new Map<string, Lexicon>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const lexicon = loadLexiconFile(path.join(dir, name), changes);
    lexicons.set(lexicon.id, lexicon);
  }
  for (const id of Object.keys(changes)) {
    if (!lexicons.has(id)) {
      throw new LexiconSpecError(`lexicons.${id}: there is no phrase list "${id}". Known lists: ${[...lexicons.keys()].join(', ')}.`);
    }
  }
  return lexicons;
}
