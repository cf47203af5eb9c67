import type { Fix, Finding, MessageFix } from './finding.js';

// Fixes of one message are applied as ESLint applies the fixes of one file (its SourceCodeFixer
// and Linter#verifyAndFix): all at once, sorted by range, an overlapping one left for the next
// pass, and the message linted again after each pass, up to ten passes.

/** ESLint stops after ten passes too: a rule whose fix keeps making new work never ends otherwise. */
export const MAX_FIX_PASSES = 10;

const sameFix = (a: Fix, b: Fix) => a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;

/**
 * Applies the fixes that do not overlap, in range order. A fix that overlaps one before it is
 * skipped for this pass. Two insertions at one point, or an insertion where a replacement
 * starts or ends, overlap too: their order would be a guess. The same fix reported twice counts once.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: Fix[]; skipped: number } {
  const ordered = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let skipped = 0;
  for (const fix of ordered) {
    const [start, end] = fix.range;
    const last = applied[applied.length - 1];
    if (last && sameFix(last, fix)) continue;
    const touches = last !== undefined && start === last.range[1] && (start === end || last.range[0] === last.range[1]);
    if (start < 0 || end < start || end > text.length || (last && (start < last.range[1] || touches))) {
      skipped++;
      continue;
    }
    applied.push(fix);
  }
  let output = '';
  let at = 0;
  for (const fix of applied) {
    output += text.slice(at, fix.range[0]) + fix.text;
    at = fix.range[1];
  }
  return { output: output + text.slice(at), applied, skipped };
}

/**
 * The text of a rewrite in progress, as units that remember where they come from: an unchanged
 * character of the original, or replaced text and the original range it replaced. A later pass's
 * fixes are made on the rewritten text; merging them into these units gives edits of the original.
 */
type Unit = { kind: 'kept'; at: number } | { kind: 'changed'; from: number; to: number; text: string };

const unitLength = (unit: Unit) => (unit.kind === 'kept' ? 1 : unit.text.length);
const unitText = (unit: Unit, original: string) => (unit.kind === 'kept' ? original[unit.at]! : unit.text);

function rebase(units: Unit[], applied: readonly Fix[], original: string): Unit[] {
  const next = [...units];
  // From the last fix to the first, so the positions of the earlier ones stay as they were.
  for (const fix of [...applied].reverse()) {
    const [start, end] = fix.range;
    let position = 0;
    let first = -1;
    let last = -1;
    for (let index = 0; index < next.length; index++) {
      const length = unitLength(next[index]!);
      const overlaps = length > 0 ? position < end && position + length > start : position > start && position < end;
      if (overlaps) {
        if (first < 0) first = index;
        last = index;
      } else if (first < 0 && position >= start && start === end) {
        // A pure insertion between units: anchored before the unit that starts here.
        first = index;
        last = index - 1;
        break;
      }
      position += length;
    }
    if (first < 0) {
      first = next.length;
      last = next.length - 1;
    }
    const touched = next.slice(first, last + 1);
    const startOfFirst = next.slice(0, first).reduce((sum, unit) => sum + unitLength(unit), 0);
    const head = touched[0];
    const tail = touched[touched.length - 1];
    const endOfLast = startOfFirst + touched.reduce((sum, unit) => sum + unitLength(unit), 0);
    const prefix = head?.kind === 'changed' ? head.text.slice(0, Math.max(0, start - startOfFirst)) : '';
    const suffix = tail?.kind === 'changed' ? tail.text.slice(tail.text.length - Math.max(0, endOfLast - end)) : '';
    const anchor = next[first];
    const from = head ? (head.kind === 'kept' ? head.at : head.from) : anchor ? (anchor.kind === 'kept' ? anchor.at : anchor.from) : original.length;
    const to = tail ? (tail.kind === 'kept' ? tail.at + 1 : tail.to) : from;
    // A kept character cut in half cannot happen: kept units are one character long.
    next.splice(first, touched.length, { kind: 'changed', from, to, text: prefix + fix.text + suffix });
  }
  return next;
}

function editsOf(units: readonly Unit[]): Fix[] {
  const edits: Fix[] = [];
  for (const unit of units) {
    if (unit.kind !== 'changed') continue;
    const previous = edits[edits.length - 1];
    if (previous && previous.range[1] === unit.from) {
      previous.range = [previous.range[0], unit.to];
      previous.text += unit.text;
    } else edits.push({ range: [unit.from, unit.to], text: unit.text });
  }
  return edits;
}

/** Counts findings per rule. */
function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * Composes the fixes of one message and checks the result. `relint` lints a text as a message of
 * its own and returns what it finds. The rewrite is accepted only when, linted again, it holds no
 * finding of a rule that offered a fix, and no rule finds more than it found in the original:
 * a fix that leaves its own problem, or makes another, is no fix.
 */
export function composeMessageFix(messageSeq: number, original: string, fixes: readonly Finding[], relint: (text: string) => Finding[]): MessageFix | undefined {
  const offered = new Set(fixes.filter((f) => f.fix).map((f) => f.ruleId));
  let pending = fixes.flatMap((f) => (f.fix ? [f.fix] : []));
  if (pending.length === 0) return undefined;
  // One unit per UTF-16 code unit, as ranges count them.
  let units: Unit[] = Array.from({ length: original.length }, (_unused, at): Unit => ({ kind: 'kept', at }));
  let text = original;
  let after: Finding[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES && pending.length > 0; pass++) {
    const { output, applied } = applyFixes(text, pending);
    if (applied.length === 0) break;
    units = rebase(units, applied, original);
    text = output;
    after = relint(text);
    pending = after.flatMap((f) => (f.fix ? [f.fix] : []));
    for (const finding of after) if (finding.fix) offered.add(finding.ruleId);
  }
  if (text === original || units.map((unit) => unitText(unit, original)).join('') !== text) return undefined;
  if (after.some((finding) => offered.has(finding.ruleId))) return undefined;
  const before = countByRule(relint(original));
  for (const [ruleId, count] of countByRule(after)) if (count > (before.get(ruleId) ?? 0)) return undefined;
  return { messageSeq, output: text, edits: editsOf(units), ruleIds: [...offered].sort() };
}

/**
 * Composes the fixes of every message of a conversation. A message whose rewrite is accepted gets
 * a MessageFix, and its findings show the rewritten message as their 建议. Elsewhere the fixes are
 * dropped: those findings keep the rule's written advice, and nothing is applied unattended.
 */
export function composeFixes(
  findings: readonly Finding[],
  originalText: (messageSeq: number) => string,
  relint: (messageSeq: number, text: string) => Finding[],
): { findings: Finding[]; fixes: MessageFix[] } {
  const bySeq = new Map<number, Finding[]>();
  for (const finding of findings) {
    if (!finding.fix || finding.messageSeq === null) continue;
    bySeq.set(finding.messageSeq, [...(bySeq.get(finding.messageSeq) ?? []), finding]);
  }
  if (bySeq.size === 0) return { findings: [...findings], fixes: [] };
  const fixes = new Map<number, MessageFix>();
  for (const [messageSeq, fixable] of bySeq) {
    const fix = composeMessageFix(messageSeq, originalText(messageSeq), fixable, (text) => relint(messageSeq, text));
    if (fix) fixes.set(messageSeq, fix);
  }
  const out = findings.map((finding) => {
    if (!finding.fix || finding.messageSeq === null) return finding;
    const accepted = fixes.get(finding.messageSeq);
    if (accepted) return { ...finding, suggestion: accepted.output };
    const { fix: _dropped, ...rest } = finding;
    return rest;
  });
  return { findings: out, fixes: [...fixes.values()].sort((a, b) => a.messageSeq - b.messageSeq) };
}
