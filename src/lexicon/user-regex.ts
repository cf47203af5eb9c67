import { RE2JS } from 're2js';
import { UnsafeRegexError } from './safe-regex.js';

/**
 * A regular expression written by a user (custom rules, `addPatterns`, `--agent-pattern`). It runs
 * on RE2JS, whose matching time is linear in the text whatever the pattern: `(a+)+$` or
 * `(.*a){12}$` cannot hang a run. The built-in phrase lists, written with the project, keep the
 * native engine.
 */
export interface UserRegex {
  readonly source: string;
  test(text: string): boolean;
  /** Start and end (UTF-16 offsets, as JavaScript strings count) of each match, left to right. */
  matches(text: string): Generator<[number, number]>;
}

/**
 * JavaScript escapes that RE2 spells differently: \uXXXX and \u{X…} become \x{…}. An escaped
 * backslash before the u is left alone.
 */
function toRe2Syntax(source: string): string {
  return source.replace(/(\\+)u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/g, (whole, slashes: string, braced?: string, four?: string) =>
    slashes.length % 2 === 1 ? `${slashes.slice(1)}\\x{${braced ?? four}}` : whole,
  );
}

/**
 * How long one user pattern may take in a thread: matching is linear in the text, but the factor
 * grows with the pattern, and `(\w+){100}$` runs at some 20 µs a character, half an hour on a
 * 100 MB export. A pattern may spend `baseMs`, plus `perCharMs` for each character it has read; a
 * phrase pattern needs well under a tenth of that rate. Past its budget it is refused for the rest
 * of the run: each use throws, and the rule's findings in that conversation are reported as not
 * checked (exit 2), naming the pattern.
 */
export interface RegexBudget {
  baseMs: number;
  perCharMs: number;
}

export const DEFAULT_REGEX_BUDGET: RegexBudget = { baseMs: 10_000, perCharMs: 0.001 };

/** A user pattern that has used up its time budget (see RegexBudget). */
export class UserRegexTooSlowError extends Error {}

/**
 * The time patterns have spent and the characters they have read, against one budget. The
 * patterns of one phrase list share it: the list runs them together and one by one, and a slow
 * pattern must not get its budget twice.
 */
export class RegexAccount {
  spentMs = 0;
  chars = 0;
  refused: UserRegexTooSlowError | undefined;
  constructor(readonly budget: RegexBudget = DEFAULT_REGEX_BUDGET) {}

  allows(spentMs: number, chars: number): boolean {
    return spentMs <= this.budget.baseMs + chars * this.budget.perCharMs;
  }
}

/**
 * A text longer than this is not searched before a search of its first PROBE_CHARS characters
 * says how long the whole would take: one search cannot be stopped once it runs, and one of a
 * few megabytes can take minutes with a heavy pattern.
 */
export const PROBE_CHARS = 65_536;

export function compileUserRegex(source: string, label: string, budget: RegexBudget = DEFAULT_REGEX_BUDGET, account = new RegexAccount(budget)): UserRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2Syntax(source));
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    throw new UnsafeRegexError(
      `${label}：正则表达式 "${source}" 无法使用（${reason}）。用户正则由线性时间的匹配器执行，` +
        '不支持反向引用（\\1）和环视（(?=…)、(?!…)、(?<=…)、(?<!…)）。请改写为不含这些写法的正则，或拆成几条。',
    );
  }
  const refuse = () => {
    account.refused = new UserRegexTooSlowError(
      `${label}：正则表达式 "${source}" 太慢（已用 ${Math.round(account.spentMs / 1000)} 秒，读了 ${account.chars} 个字符），这次检查不再使用它。` +
        '请简化这个正则，例如去掉重复多次的分组（(…){n}、(…+)+），或拆成几条。',
    );
    return account.refused;
  };
  const spend = (started: number, length: number) => {
    account.spentMs += performance.now() - started;
    account.chars += length;
    if (!account.allows(account.spentMs, account.chars)) throw refuse();
  };
  /**
   * Before a search of `length` characters that could outrun the budget: what it would cost, at
   * the rate of what the patterns read so far, or, with too little read, of a search of the
   * text's first PROBE_CHARS characters (spent too). A search that would go past the budget is
   * not started.
   */
  const checkAhead = (text: string, length: number) => {
    if (length <= PROBE_CHARS) return;
    if (account.chars < PROBE_CHARS) {
      const started = performance.now();
      re.matcher(text.slice(0, PROBE_CHARS)).find();
      spend(started, PROBE_CHARS);
    }
    const rate = account.spentMs / Math.max(1, account.chars);
    if (!account.allows(account.spentMs + rate * length, account.chars + length)) throw refuse();
  };
  return {
    source,
    test(text) {
      if (account.refused) throw account.refused;
      checkAhead(text, text.length);
      const started = performance.now();
      const found = re.matcher(text).find();
      spend(started, text.length);
      return found;
    },
    *matches(text) {
      if (account.refused) throw account.refused;
      const matcher = re.matcher(text);
      let read = 0;
      for (;;) {
        checkAhead(text, text.length - read);
        const started = performance.now();
        const found = matcher.find();
        // What this search read: up to its match's end, or the rest of the text.
        const upTo = found ? matcher.end() : text.length;
        spend(started, Math.max(0, upTo - read));
        read = Math.max(read, upTo);
        if (!found) return;
        yield [matcher.start(), matcher.end()];
      }
    },
  };
}
