import type { ConversationResult } from './lint.js';
import type { Finding } from './finding.js';
import type { SourceLocation } from '../model/conversation.js';
import { closest } from '../i18n/did-you-mean.js';

/** Findings about suppressions themselves, reported like a rule's findings. */
export const SUPPRESSION_RULE_IDS = { missingReason: 'suppression-reason', unused: 'unused-suppression' } as const;

/** A disable directive: rules (empty = all) switched off for one reply, and why. */
export interface Directive {
  rules: string[];
  reason?: string;
  line: number;
  column: number;
}

function directiveFinding(result: ConversationResult, directive: Directive, file: string, kind: 'missingReason' | 'unused' | 'unknownRule', known?: ReadonlySet<string>): Finding {
  const rules = directive.rules.length ? directive.rules.join(', ') : '全部规则';
  const location: SourceLocation = { file, line: directive.line, column: directive.column };
  const messages = {
    missingReason: () => `禁用 ${rules} 时没有写明原因。在规则后加上“ -- 原因”。`,
    unused: () => `禁用 ${rules} 的注释没有屏蔽任何问题，可以删掉。`,
    unknownRule: () =>
      directive.rules
        .filter((id) => !known!.has(id))
        .map((id) => {
          const near = closest(id, known!);
          return `禁用的规则 ${id} 不存在，这条注释不起作用${near ? `（是不是 ${near}？）` : ''}。`;
        })
        .join(''),
  };
  return {
    ruleId: SUPPRESSION_RULE_IDS[kind === 'missingReason' ? 'missingReason' : 'unused'],
    category: 'compliance',
    severity: kind === 'missingReason' ? 'error' : 'warn',
    messageId: kind,
    message: messages[kind](),
    conversationId: result.conversationId,
    messageSeq: null,
    excerpt: '',
    location,
  };
}

/**
 * Suppress step: drops the findings a reply's directives switch off, and reports directives that
 * give no reason (a suppression needs one), that name a rule not in `known` (a mistyped id
 * switches nothing off), or that switch off nothing. Pure.
 */
export function applyDirectives(result: ConversationResult, directives: readonly Directive[], file: string, known?: ReadonlySet<string>): ConversationResult {
  if (directives.length === 0) return result;
  const used = new Set<Directive>();
  const findings = result.findings.filter((finding) => {
    const directive = directives.find((d) => d.rules.length === 0 || d.rules.includes(finding.ruleId));
    if (!directive) return true;
    used.add(directive);
    return false;
  });
  for (const directive of directives) {
    const unknown = known !== undefined && directive.rules.some((id) => !known.has(id));
    if (!directive.reason) findings.push(directiveFinding(result, directive, file, 'missingReason'));
    if (unknown) findings.push(directiveFinding(result, directive, file, 'unknownRule', known));
    else if (directive.reason && !used.has(directive)) findings.push(directiveFinding(result, directive, file, 'unused'));
  }
  return { ...result, findings };
}

/**
 * A baseline: findings already known, counted per key (a conversation, or a canned reply) and rule,
 * as ESLint's bulk suppressions count them. Counting instead of listing locations lets it survive
 * reordering and edits elsewhere; a rule that fires more often than recorded fails again.
 */
export interface Baseline {
  version: 1;
  /**
   * Findings per key and rule. Maps, not objects: keys come from the data (a conversation id can be
   * "__proto__" or "constructor"), and must never reach an object's prototype.
   */
  counts: Map<string, Map<string, number>>;
}

export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  private readonly keys = new Set<string>();
  suppressed = 0;

  constructor(baseline: Baseline) {
    for (const [key, rules] of baseline.counts) {
      this.keys.add(key);
      for (const [ruleId, count] of rules) this.remaining.set(`${key}\u0000${ruleId}`, count);
    }
  }

  /** Whether the baseline records findings under this key. */
  knows(key: string): boolean {
    return this.keys.has(key);
  }

  /** Drops up to the recorded number of findings per rule for this key; the rest are new. */
  apply(result: ConversationResult, key: string): ConversationResult {
    const findings = result.findings.filter((finding) => {
      const slot = `${key}\u0000${finding.ruleId}`;
      const left = this.remaining.get(slot) ?? 0;
      if (left <= 0) return true;
      this.remaining.set(slot, left - 1);
      this.suppressed++;
      return false;
    });
    return findings.length === result.findings.length ? result : { ...result, findings };
  }

  /** Recorded findings that no longer occur: the baseline can be pruned with --update-baseline. */
  get stale(): number {
    let count = 0;
    for (const left of this.remaining.values()) count += left;
    return count;
  }
}

/** Builds a baseline from what a run found. */
export class BaselineRecorder {
  readonly baseline: Baseline = { version: 1, counts: new Map() };
  /** Findings recorded: what the baseline holds, whatever the report showed. */
  recorded = 0;

  record(result: ConversationResult, key: string): void {
    for (const finding of result.findings) {
      this.recorded++;
      let rules = this.baseline.counts.get(key);
      if (!rules) this.baseline.counts.set(key, (rules = new Map()));
      rules.set(finding.ruleId, (rules.get(finding.ruleId) ?? 0) + 1);
    }
  }
}
