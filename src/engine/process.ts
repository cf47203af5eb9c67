import type { Finding } from './finding.js';

// Findings pass through small pure steps, in order: dedupe, then sort.

/** Drops repeats of the same rule on the same message and span. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.messageId}|${f.messageSeq}|${f.range?.join(',') ?? ''}|${f.trigger?.messageSeq ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Message order, conversation-level findings last, then by rule id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const position = (f: Finding) => f.messageSeq ?? f.trigger?.messageSeq ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) => position(a) - position(b) || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0) || a.ruleId.localeCompare(b.ruleId),
  );
}

export function processFindings(findings: readonly Finding[]): Finding[] {
  return sortFindings(dedupeFindings(findings));
}
