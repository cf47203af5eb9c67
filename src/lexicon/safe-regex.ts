/**
 * Refuses regular expressions that can backtrack catastrophically. JavaScript's engine
 * backtracks, so a nested quantifier such as (a+)+ or (a|a)* can take exponential time on a
 * crafted line. The check is structural: a quantified group that itself contains a quantifier,
 * or a quantified alternation whose branches can match the same text, is refused.
 */
export class UnsafeRegexError extends Error {}

export function assertSafeRegex(source: string, label: string): void {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    throw new UnsafeRegexError(`${label}: not a valid regular expression (${(error as Error).message}).`);
  }
  const stack: Array<{ quantifiedInside: boolean; alternatives: number }> = [];
  let escaped = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (escaped) { escaped = false; continue; }
    if (char === '\\') { escaped = true; continue; }
    if (inClass) { if (char === ']') inClass = false; continue; }
    if (char === '[') { inClass = true; continue; }
    if (char === '(') { stack.push({ quantifiedInside: false, alternatives: 0 }); continue; }
    if (char === '|' && stack.length > 0) { stack[stack.length - 1]!.alternatives++; continue; }
    if (char === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)));
      if (group && quantified && group.quantifiedInside) {
        throw new UnsafeRegexError(`${label}: a repeated group contains another repetition, which can backtrack catastrophically. Rewrite it without nesting "+" or "*" inside a repeated group.`);
      }
      if (group && quantified && group.alternatives > 0) {
        throw new UnsafeRegexError(`${label}: a repeated alternation ( | )* can backtrack catastrophically. List the phrases separately instead.`);
      }
      if (stack.length > 0 && (quantified || group?.quantifiedInside)) stack[stack.length - 1]!.quantifiedInside = true;
      continue;
    }
    if ((char === '*' || char === '+' || char === '{') && stack.length > 0) {
      if (char !== '{' || /^\{\d+,\d*\}/.test(source.slice(i))) stack[stack.length - 1]!.quantifiedInside = true;
    }
  }
}
