import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { parse as parseYaml, type YAMLError } from 'yaml';
import { yamlErrorKind, yamlErrorLine } from '../io/yaml-errors.js';
import { normalizeText } from '../text/normalize.js';
import { Lexicon, LexiconSpecError, lexiconFileSchema, type LexiconChange, type LexiconFile } from './lexicon.js';
import { formatZodIssues } from '../config/zod-errors.js';
import { list as listOf, t } from '../i18n/index.js';

/** The phrase lists shipped in the package's rules/lexicon/. */
export const BUILTIN_LEXICON_DIR = path.join(PACKAGE_ROOT, 'rules', 'lexicon');

export type LexiconSet = ReadonlyMap<string, Lexicon>;

/** Runs a list's self-tests. A list whose specs fail refuses to load, and says which sentence failed. */
export function checkLexiconSpecs(lexicon: Lexicon, specs: { match: string[]; noMatch: string[] }, file: string): void {
  for (const sentence of specs.match) {
    if (!lexicon.test(normalizeText(sentence).text)) throw new LexiconSpecError(t('lexicon.specMissed', { file, id: lexicon.id, sentence }));
  }
  for (const sentence of specs.noMatch) {
    const hits = lexicon.matchAll(normalizeText(sentence).text);
    if (hits.length > 0) throw new LexiconSpecError(t('lexicon.specHit', { file, id: lexicon.id, sentence, entry: hits[0]!.entry }));
  }
}

/**
 * The self-tests of a shipped list with a configured change. The shipped list is checked alone
 * first, so that a failure the change causes is blamed on `lexicons.<id>` in the configuration,
 * not on the shipped file the user never edited.
 */
function checkChangedList(list: LexiconFile, change: LexiconChange, file: string, fresh: boolean, literals: LexiconCache[string]['literals']): Lexicon {
  if (!fresh) checkLexiconSpecs(new Lexicon(list, undefined, { builtinPatterns: true }), list.specs, file);
  const lexicon = new Lexicon(list, change, { builtinPatterns: true, literals: fresh ? literals : undefined });
  // A removal may leave a sentence the list was written to catch uncaught: that is the point of it.
  const specs = change.remove?.length ? { match: [], noMatch: list.specs.noMatch } : list.specs;
  try {
    checkLexiconSpecs(lexicon, specs, file);
  } catch (error) {
    if (!(error instanceof LexiconSpecError)) throw error;
    for (const sentence of specs.noMatch) {
      const hit = lexicon.matchAll(normalizeText(sentence).text)[0];
      if (hit) throw new LexiconSpecError(t('lexicon.changeHits', { id: list.id, sentence, entry: hit.entry }));
    }
    throw new LexiconSpecError(t('lexicon.changeMisses', { id: list.id, reason: error.message }));
  }
  return lexicon;
}

/** Parses and validates one phrase-list file. */
function parseLexiconFile(file: string, text: string): LexiconFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const at = yamlErrorLine(error as YAMLError);
    throw new LexiconSpecError(`${file}${at ? `:${at.line}:${at.column}` : ''}：不是有效的 YAML（${typeof code === 'string' ? yamlErrorKind(code) : (error as Error).message.split('\n')[0]}）。`);
  }
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) throw new LexiconSpecError(`${file}: ${formatZodIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * The shipped lists, parsed, validated and spec-checked by `npm run build` (see
 * scripts/build-dictionaries.mjs), keyed by file name with a hash of the text they came from.
 * Parsing 40 YAML files costs a third of a second in every thread; a list whose text no longer
 * matches its hash is parsed and checked again.
 */
export const BUILT_LEXICON_CACHE = path.join(PACKAGE_ROOT, 'dist', 'lexicons.json');
type LexiconCache = Record<string, { hash: string; list: LexiconFile; literals?: Record<string, readonly string[] | null> }>;
let cache: LexiconCache | undefined;

function builtCache(): LexiconCache {
  if (cache) return cache;
  cache = Object.create(null) as LexiconCache;
  try {
    Object.assign(cache, JSON.parse(readFileSync(BUILT_LEXICON_CACHE, 'utf8')));
  } catch {
    // Not built, or unreadable: every list is parsed from its YAML.
  }
  return cache;
}

const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Parses, validates and spec-checks every list in `dir`, and writes them where loadLexicons finds them. */
export function writeLexiconCache(dir = BUILTIN_LEXICON_DIR, file = BUILT_LEXICON_CACHE): number {
  const out: LexiconCache = {};
  for (const name of lexiconFileNames(dir)) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const list = parseLexiconFile(path.join(dir, name), text);
    const lexicon = new Lexicon(list, undefined, { builtinPatterns: true });
    checkLexiconSpecs(lexicon, list.specs, path.join(dir, name));
    out[name] = { hash: textHash(text), list, literals: { ...lexicon.patternLiterals } };
  }
  writeFileSync(file, JSON.stringify(out));
  return Object.keys(out).length;
}

function lexiconFileNames(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

export function loadLexiconFile(file: string, changes: Readonly<Record<string, LexiconChange>> = {}): Lexicon {
  const text = readFileSync(file, 'utf8');
  const cached = path.dirname(file) === BUILTIN_LEXICON_DIR ? builtCache()[path.basename(file)] : undefined;
  const fresh = cached !== undefined && cached.hash === textHash(text);
  const list = fresh ? cached.list : parseLexiconFile(file, text);
  const change = changes[list.id];
  // Configured additions are checked against the same sentences as the shipped list.
  if (change) return checkChangedList(list, change, file, fresh, cached?.literals);
  // These files are written with the project (rules/lexicon/*.yaml): their own patterns run natively.
  const lexicon = new Lexicon(list, undefined, { builtinPatterns: true, literals: fresh ? cached.literals : undefined });
  // Specs guard the shipped list, checked at build time when it is unchanged since.
  if (!fresh) checkLexiconSpecs(lexicon, list.specs, file);
  return lexicon;
}

/** Loads every built-in phrase list, applying configured additions and removals. */
export function loadLexicons(changes: Readonly<Record<string, LexiconChange>> = {}, dir = BUILTIN_LEXICON_DIR): Map<string, Lexicon> {
  const lexicons = new Map<string, Lexicon>();
  for (const name of lexiconFileNames(dir)) {
    const lexicon = loadLexiconFile(path.join(dir, name), changes);
    lexicons.set(lexicon.id, lexicon);
  }
  for (const id of Object.keys(changes)) {
    if (!lexicons.has(id)) {
      throw new LexiconSpecError(t('lexicon.unknownList', { id, known: listOf([...lexicons.keys()]) }));
    }
  }
  return lexicons;
}
