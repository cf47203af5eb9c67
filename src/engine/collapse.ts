import type { Finding, Occurrence } from './finding.js';
import type { ConversationResult, Locale } from './lint.js';

/** Appended to the message of a collapsed finding, in the conversation's script. */
function countNote(count: number, locale: Locale): string {
  return locale === 'zh-Hant' ? `（本會話共 ${count} 處）` : `（本会话共 ${count} 处）`;
}

const occurrenceOf = (finding: Finding): Occurrence => ({
  messageSeq: finding.messageSeq,
  message: finding.message,
  excerpt: finding.excerpt,
  ...(finding.range ? { range: finding.range } : {}),
  location: finding.location,
  ...(finding.time !== undefined ? { time: finding.time } : {}),
});

/**
 * Collapse step: repeated hits of one rule in one conversation, by one agent (so that each agent's
 * findings stay theirs), become one finding, the first hit,
 * whose message says how many there were, with `count` and every hit in `occurrences`. A reviewer
 * reads one line instead of five; JSON and SARIF keep every place. Single hits are left as they
 * are. Pure; findings keep their order, the collapsed one at its first hit's place.
 */
export function collapseRepeats(findings: readonly Finding[], locale: Locale): Finding[] {
  const keyOf = (finding: Finding) => `${finding.ruleId}\u0000${finding.agent ?? ''}`;
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const hits = byRule.get(keyOf(finding));
    if (hits) hits.push(finding);
    else byRule.set(keyOf(finding), [finding]);
  }
  if (byRule.size === findings.length) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    const hits = byRule.get(keyOf(finding))!;
    if (hits.length === 1) out.push(finding);
    else if (hits[0] === finding) out.push({ ...finding, message: finding.message + countNote(hits.length, locale), count: hits.length, occurrences: hits.map(occurrenceOf) });
  }
  return out;
}

/** A lint result with its repeats collapsed (waived findings stay one by one: each was waived on its own). */
export function collapseResult(result: ConversationResult): ConversationResult {
  const findings = collapseRepeats(result.findings, result.locale);
  return findings.length === result.findings.length ? result : { ...result, findings };
}
