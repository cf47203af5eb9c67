import type { Lexicon, LexiconMatch } from '../lexicon/lexicon.js';
import { clauseBounds, isNegatedAt, isQuestionAt } from '../text/clauses.js';
import type { AnalyzedMessage } from './analysis.js';

const HYPOTHETICAL = /(如果|若是|若|假如|要是|万一|如若|倘若|即使|就算)/;

/** True when the clause around `start` is conditional: "如果是快递的问题，我们来赔". */
export function isHypotheticalAt(text: string, start: number): boolean {
  const [clauseStart] = clauseBounds(text, start);
  return HYPOTHETICAL.test(text.slice(clauseStart, start));
}

export interface MatchFilter {
  /** Skip matches governed by a negation ("不是您的问题"). Default true. */
  negation?: boolean;
  /** Skip matches in a question ("是不是快递的问题呢?"). Default false. */
  questions?: boolean;
  /** Skip matches in a conditional clause ("如果是…"). Default false. */
  hypotheticals?: boolean;
}

/**
 * Matches of a phrase list in one message that the message actually asserts. Tokens are only
 * segmented when there is a match to check, so most messages never reach jieba.
 */
export function assertedMatches(message: AnalyzedMessage, lexicon: Lexicon, filter: MatchFilter = {}): LexiconMatch[] {
  const text = message.text;
  const matches = lexicon.matchAll(text);
  if (matches.length === 0) return matches;
  return matches.filter((m) => {
    if ((filter.negation ?? true) && isNegatedAt(text, () => message.tokens, m.start)) return false;
    if (filter.questions && isQuestionAt(text, m.start, m.end)) return false;
    if (filter.hypotheticals && isHypotheticalAt(text, m.start)) return false;
    return true;
  });
}
