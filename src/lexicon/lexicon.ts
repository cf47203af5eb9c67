import { z } from 'zod';
import { clauseBounds } from '../text/clauses.js';
import { literalIndex } from './literal-index.js';
import { requiredLiterals } from './required-literals.js';
import { assertSafeRegex } from './safe-regex.js';
import { compileUserRegex, RegexAccount, type UserRegex } from './user-regex.js';
import { escapeRegex } from '../text/escape-regex.js';

/**
 * A phrase list as QA staff write it (YAML under rules/lexicon/). `phrases` are literal strings;
 * `patterns` are regular expressions that may use {set} placeholders from `sets`. Every list
 * carries `specs`: sentences that must match and sentences that must not.
 */
export const lexiconFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/),
  description: z.string(),
  sets: z.record(z.string(), z.array(z.string().min(1))).default({}),
  phrases: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
  specs: z.strictObject({
    match: z.array(z.string()).min(1),
    noMatch: z.array(z.string()).min(1),
  }),
});
export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** Additions and removals from configuration, by list id. */
export const lexiconChangeSchema = z.strictObject({
  add: z.array(z.string().min(1)).default([]),
  addPatterns: z.array(z.string().min(1)).default([]),
  remove: z.array(z.string().min(1)).default([]),
});
export type LexiconChange = z.infer<typeof lexiconChangeSchema>;

export interface LexiconMatch {
  /** The entry that matched, as written in the list. */
  readonly entry: string;
  readonly start: number;
  readonly end: number;
}

/** An entry runs on the native engine (phrases, built-in patterns) or on the linear-time one (user patterns). */
type CompiledEntry = {
  readonly source: string;
  readonly order: number;
  /** Ids in literalIndex of the literals one of which every match holds; undefined when unknown. */
  readonly needs?: readonly number[];
  /** A literal phrase, found without its regex. */
  readonly phrase?: string;
} & ({ readonly regex: RegExp; readonly user?: undefined } | { readonly user: UserRegex; readonly regex?: undefined });

/** Where a list's `patterns` come from: the project's own lists, or the user's configuration. */
export interface LexiconOrigin {
  /** Patterns of the file itself are the project's (rules/lexicon/*.yaml), and run natively. */
  builtinPatterns?: boolean;
  /** `false` runs every entry on every text, as the reference the gated matcher is tested against. */
  gate?: boolean;
  /** The required literals of the file's patterns, worked out by the build (see load.ts), by pattern as written. */
  literals?: Readonly<Record<string, readonly string[] | null>>;
}

export class LexiconSpecError extends Error {}

/** A compiled phrase list. Matching is on normalised text, longest-first and deterministic. */
export class Lexicon {
  /** The list id, or for a custom rule the configuration key path its entries came from. */
  readonly id: string;
  readonly description: string;
  private readonly entries: CompiledEntry[];
  /**
   * All entries as one alternation. Most messages match no entry of a list, and one scan tells
   * so, instead of one scan per entry. Left out when an entry uses a backreference, whose group
   * numbers would shift inside the alternation.
   */
  private readonly anyEntry: RegExp | undefined;
  /** The same for user patterns, on the linear-time engine, when the list has more than one. */
  private readonly anyUserEntry: UserRegex | undefined;
  private readonly hasUserEntries: boolean;
  /**
   * Every entry names the literals it needs: a message is matched only against the entries whose
   * literals it holds, found by one scan of the shared index, and the alternation is not run.
   */
  private readonly gated: boolean;
  /** For a gated list: the entries that need each literal id. */
  private readonly entriesByLiteral = new Map<number, number[]>();
  /** Which call last ran each entry, so an entry with two literals present runs once. */
  private readonly lastRun: Uint32Array;
  private calls = 0;
  /** The required literals of the file's own patterns (null: none), for the build to keep. */
  readonly patternLiterals: Record<string, readonly string[] | null> = Object.create(null) as Record<string, readonly string[] | null>;

  constructor(file: Pick<LexiconFile, 'id' | 'description' | 'sets' | 'phrases' | 'patterns'>, change?: LexiconChange, origin: LexiconOrigin = {}) {
    this.id = file.id;
    this.description = file.description;
    const removed = new Set(change?.remove ?? []);
    const phrases = [...file.phrases, ...(change?.add ?? [])].filter((p) => !removed.has(p));
    // Configuration's own patterns (addPatterns, and every pattern of a custom rule) are the user's.
    const patterns = [
      ...file.patterns.map((pattern) => ({ pattern, builtin: origin.builtinPatterns === true })),
      ...(change?.addPatterns ?? []).map((pattern) => ({ pattern, builtin: false })),
    ].filter(({ pattern }) => !removed.has(pattern));
    const entries: CompiledEntry[] = [];
    let order = 0;
    const gate = origin.gate !== false;
    for (const phrase of phrases) {
      const lower = phrase.toLowerCase();
      entries.push({ source: phrase, regex: new RegExp(escapeRegex(lower), 'gu'), order: order++, needs: gate ? [literalIndex.add(lower)] : undefined, phrase: gate ? lower : undefined });
    }
    const userSources: string[] = [];
    // The list's user patterns share one time budget, run together (anyUserEntry) or one by one.
    const account = new RegexAccount();
    for (const { pattern, builtin } of patterns) {
      const expanded = expandSets(pattern, file.sets, file.id);
      if (builtin) {
        assertSafeRegex(expanded, `${file.id}: ${pattern}`);
        const known = origin.literals && Object.hasOwn(origin.literals, pattern) ? origin.literals[pattern] : undefined;
        const literals = known === undefined ? requiredLiterals(expanded) : (known ?? undefined);
        this.patternLiterals[pattern] = literals ?? null;
        const needs = gate ? literals?.map((literal) => literalIndex.add(literal)) : undefined;
        entries.push({ source: pattern, regex: new RegExp(expanded, 'gu'), order: order++, needs });
      } else {
        entries.push({ source: pattern, user: compileUserRegex(expanded, `${file.id}: ${pattern}`, account.budget, account), order: order++ });
        userSources.push(expanded);
      }
    }
    this.entries = entries;
    this.gated = entries.length > 0 && entries.every((entry) => entry.needs !== undefined);
    this.lastRun = new Uint32Array(entries.length);
    entries.forEach((entry, index) => {
      for (const id of entry.needs ?? []) {
        const list = this.entriesByLiteral.get(id);
        if (list) list.push(index);
        else this.entriesByLiteral.set(id, [index]);
      }
    });
    const sources = entries.flatMap((entry) => (entry.regex ? [entry.regex.source] : []));
    this.anyEntry = sources.some((source) => /\\[1-9]|\\k</.test(source))
      ? undefined
      : new RegExp(sources.length ? sources.map((source) => `(?:${source})`).join('|') : '(?!)', 'u');
    this.hasUserEntries = userSources.length > 0;
    // With one user pattern, running it alone first would only read every text twice.
    this.anyUserEntry = userSources.length > 1 ? compileUserRegex(userSources.map((source) => `(?:${source})`).join('|'), file.id, account.budget, account) : undefined;
  }

  /** False when no entry can match: one scan per engine instead of one per entry. */
  private mayMatch(text: string): boolean {
    if (!this.anyEntry) return true;
    if (this.anyEntry.test(text)) return true;
    // A single user pattern is not run twice: the entry itself answers.
    return this.anyUserEntry ? this.anyUserEntry.test(text) : this.hasUserEntries;
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * All non-overlapping matches in `text`. Where matches overlap, the one that starts first wins,
   * then the longest, then the one listed first.
   */
  /** The entries that can match `text`: for a gated list, those whose literals it holds. */
  private runnable(text: string): readonly CompiledEntry[] {
    if (!this.gated) return this.mayMatch(text) ? this.entries : [];
    const present = literalIndex.present(text);
    const run: CompiledEntry[] = [];
    if (present.size === 0) return run;
    // 0 marks an entry never run; the count wraps before it outgrows the array's 32 bits.
    const call = (this.calls = this.calls >= 0xfffffffe ? 1 : this.calls + 1);
    for (const id of present) {
      const indices = this.entriesByLiteral.get(id);
      if (!indices) continue;
      for (const index of indices) {
        if (this.lastRun[index] === call) continue;
        this.lastRun[index] = call;
        run.push(this.entries[index]!);
      }
    }
    return run;
  }

  matchAll(text: string): LexiconMatch[] {
    const entries = this.runnable(text);
    if (entries.length === 0) return [];
    const candidates: Array<LexiconMatch & { order: number }> = [];
    for (const entry of entries) {
      if (entry.user) {
        for (const [start, end] of entry.user.matches(text)) if (end > start) candidates.push({ entry: entry.source, start, end, order: entry.order });
        continue;
      }
      if (entry.phrase !== undefined) {
        // A phrase is found by indexOf, left to right and without overlaps, as its regex would find it.
        for (let at = text.indexOf(entry.phrase); at >= 0; at = text.indexOf(entry.phrase, at + entry.phrase.length)) {
          candidates.push({ entry: entry.source, start: at, end: at + entry.phrase.length, order: entry.order });
        }
        continue;
      }
      // exec on the compiled regex: String.prototype.matchAll would clone it for every call.
      const regex = entry.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex = nextIndex(text, m.index);
          continue;
        }
        candidates.push({ entry: entry.source, start: m.index, end: m.index + m[0].length, order: entry.order });
      }
    }
    candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
    const chosen: LexiconMatch[] = [];
    let covered = -1;
    for (const c of candidates) {
      if (c.start < covered) continue;
      chosen.push({ entry: c.entry, start: c.start, end: c.end });
      covered = c.end;
    }
    return chosen;
  }

  test(text: string): boolean {
    if (this.gated) {
      return this.runnable(text).some((entry) => {
        entry.regex!.lastIndex = 0;
        return entry.regex!.test(text);
      });
    }
    if (this.anyEntry) {
      if (this.anyEntry.test(text)) return true;
      if (this.anyUserEntry) return this.anyUserEntry.test(text);
      return this.entries.some((entry) => entry.user?.test(text) ?? false);
    }
    return this.entries.some((entry) => {
      if (entry.user) return entry.user.test(text);
      entry.regex.lastIndex = 0;
      return entry.regex.test(text);
    });
  }

  /**
   * False when no entry can match `text` or any part of it: none of the literals the entries need
   * is in it. One scan of the text, already made for the other lists, settles a message whose
   * clauses would otherwise be matched one by one.
   */
  mayMatchWithin(text: string): boolean {
    if (!this.gated) return true;
    for (const id of literalIndex.present(text)) if (this.entriesByLiteral.has(id)) return true;
    return false;
  }

  /** The matches that fall inside the clause that holds `index`. */
  matchInClause(text: string, index: number): LexiconMatch[] {
    const [start, end] = clauseBounds(text, index);
    return this.matchAll(text.slice(start, end)).map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
  }
}

/** The index after the character at `index`: a surrogate pair is one character to a `u` regex. */
function nextIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return index + 2;
  }
  return index + 1;
}


function expandSets(pattern: string, sets: Record<string, string[]>, listId: string): string {
  return pattern.replace(/\{([a-z][a-z0-9-]*)\}/g, (_whole, name: string) => {
    const members = sets[name];
    if (!members) throw new LexiconSpecError(`${listId}: pattern "${pattern}" uses {${name}}, but the list has no set "${name}".`);
    const sorted = [...members].sort((a, b) => b.length - a.length).map((m) => escapeRegex(m.toLowerCase()));
    return `(?:${sorted.join('|')})`;
  });
}
