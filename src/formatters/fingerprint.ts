import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';

/**
 * The key of our fingerprint in SARIF `partialFingerprints`. SARIF names fingerprints
 * `<name>/v<version>` so that a changed recipe can live beside the old one; bump the version when
 * the recipe below changes, or every tracked finding will look new. `primaryLocationLineHash` is
 * left to GitHub's upload step, which computes it itself and warns when a tool sends its own.
 */
export const FINGERPRINT_KEY = 'supportlintFindingHash/v1';

/** Spelling that should not make a finding new: full-width forms, case and whitespace. */
export function normaliseForFingerprint(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** The words a fingerprint identifies a finding by: the matched span, else the whole quoted message. */
function identifyingText(finding: Finding): string {
  const [start, end] = finding.range ?? [0, 0];
  return end > start ? finding.excerpt.slice(start, end) : finding.excerpt;
}

/**
 * What identifies a finding across runs, whatever moved around it: the rule, the conversation,
 * which of the rule's messages it is, and the normalised words it is about. Not the file, line,
 * record, message position or rendered message: lines move when an export is re-sorted or a reply
 * is inserted above, and the rendered message carries thresholds and durations that change with
 * configuration.
 */
export function findingHash(finding: Finding): string {
  const parts = [finding.ruleId, finding.conversationId, finding.messageId, normaliseForFingerprint(identifyingText(finding))];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Fingerprints for one run. Two findings can share a hash (the same phrase twice in one
 * conversation), so each gets its occurrence number, `<hash>:<n>`, counted in the order the
 * findings arrive, as GitHub does for its own line hash. Holds one counter per distinct hash.
 */
export function fingerprinter(): (finding: Finding) => string {
  const seen = new Map<string, number>();
  return (finding) => {
    const hash = findingHash(finding);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}
