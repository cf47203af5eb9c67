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

export function compileUserRegex(source: string, label: string): UserRegex {
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
  return {
    source,
    test: (text) => re.matcher(text).find(),
    *matches(text) {
      const matcher = re.matcher(text);
      while (matcher.find()) yield [matcher.start(), matcher.end()];
    },
  };
}
