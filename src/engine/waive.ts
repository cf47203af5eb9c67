import type { Finding, WaivedFinding, WaiverNote } from './finding.js';
import type { ConversationResult } from './lint.js';
import { normalizeText } from '../text/normalize.js';

/**
 * A waiver (申诉/豁免): one finding that a reviewer accepted as not a problem, with why and who
 * said so. Like an ESLint bulk suppression, it lives in a file beside the data, not in the data;
 * unlike one, it names a single finding and carries its reason.
 */
export interface Waiver {
  conversation: string;
  rule: string;
  /** 1-based, as `第N条` shows it: the offending message, or the customer message that set the rule off. */
  message?: number;
  /** A piece of the quoted message, so that the waiver still finds its finding when a re-export renumbers the messages. */
  text?: string;
  reason: string;
  author: string;
  date?: string;
  /** Last day the waiver holds (YYYY-MM-DD); after it the finding counts again. */
  expires?: string;
  /** Where the entry is written: `file:line`. */
  source: string;
}

/** The parts of a finding a waiver is matched on; report inputs read from lint JSON have no more. */
export interface WaivableFinding {
  ruleId: string;
  messageSeq: number | null;
  excerpt: string;
  trigger?: { text: string; messageSeq?: number };
}

const noteOf = (waiver: Waiver): WaiverNote => ({
  reason: waiver.reason,
  author: waiver.author,
  ...(waiver.date ? { date: waiver.date } : {}),
  ...(waiver.expires ? { expires: waiver.expires } : {}),
  source: waiver.source,
});

/** The message numbers a finding shows: its own message and the one that set it off. */
function numbersOf(finding: WaivableFinding): number[] {
  const numbers: number[] = [];
  if (finding.messageSeq !== null) numbers.push(finding.messageSeq + 1);
  if (finding.trigger?.messageSeq !== undefined) numbers.push(finding.trigger.messageSeq + 1);
  return numbers;
}

/** Spelling that should not stop a waiver from matching: script, width, case and whitespace. */
const folded = (text: string) => normalizeText(text).text.replace(/\s+/gu, '');

function quotes(finding: WaivableFinding, text: string): boolean {
  const wanted = folded(text);
  return [finding.excerpt, finding.trigger?.text ?? ''].some((quoted) => folded(quoted).includes(wanted));
}

/**
 * Applies waivers to findings, one conversation at a time, and remembers which waivers were used.
 * An entry covers the findings of its rule in its conversation: with `message`, the finding on that
 * message; when none is there any more and `text` is given (a re-export renumbered the messages),
 * the findings that quote the text; without `message`, every finding of the rule (that quotes
 * `text`, when given). Expired waivers cover nothing. Pure: no I/O.
 */
export class WaiverMatcher {
  /** By conversation id: a Map, since ids come from data ("__proto__" is an id like any other). */
  private readonly byConversation = new Map<string, Waiver[]>();
  private readonly used = new Set<Waiver>();
  private readonly seen = new Set<string>();
  /** The ids of waived conversations by a loose form (case, width, blanks), to catch a mistyped id. */
  private readonly byLooseId = new Map<string, Set<string>>();
  /** Waived conversation ids this run never saw, though it saw one that differs only in case, width or blanks. */
  private readonly nearlySeen = new Set<string>();
  readonly expired: Waiver[] = [];

  /** `today` is the local date (YYYY-MM-DD) that `expires` is compared with. */
  constructor(waivers: readonly Waiver[], today: string) {
    for (const waiver of waivers) {
      if (waiver.expires !== undefined && waiver.expires < today) {
        this.expired.push(waiver);
        continue;
      }
      const list = this.byConversation.get(waiver.conversation);
      if (list) list.push(waiver);
      else this.byConversation.set(waiver.conversation, [waiver]);
      const loose = looseId(waiver.conversation);
      const ids = this.byLooseId.get(loose);
      if (ids) ids.add(waiver.conversation);
      else this.byLooseId.set(loose, new Set([waiver.conversation]));
    }
  }

  get size(): number {
    let count = 0;
    for (const list of this.byConversation.values()) count += list.length;
    return count;
  }

  /** Splits one conversation's findings into those that count and those a waiver covers. */
  split<F extends WaivableFinding>(conversationId: string, findings: readonly F[]): { kept: F[]; waived: Array<F & { waiver: WaiverNote }> } {
    // Other waived ids that differ from this one only in case, width or blanks, also where another
    // waiver names this id exactly (c-1001 and C-1001 both waived: C-1001 is the mistyped one).
    if (this.byLooseId.size > 0) for (const near of this.byLooseId.get(looseId(conversationId)) ?? []) if (near !== conversationId) this.nearlySeen.add(near);
    const waivers = this.byConversation.get(conversationId);
    if (!waivers) return { kept: [...findings], waived: [] };
    this.seen.add(conversationId);
    const coveredBy = new Map<F, Waiver>();
    for (const waiver of waivers) {
      const candidates = findings.filter((f) => f.ruleId === waiver.rule && (waiver.text === undefined || quotes(f, waiver.text)));
      let chosen = candidates;
      if (waiver.message !== undefined) {
        const atMessage = candidates.filter((f) => numbersOf(f).includes(waiver.message!));
        chosen = atMessage.length > 0 || waiver.text === undefined ? atMessage : candidates;
      }
      for (const finding of chosen) if (!coveredBy.has(finding)) coveredBy.set(finding, waiver);
      if (chosen.length > 0) this.used.add(waiver);
    }
    const kept: F[] = [];
    const waived: Array<F & { waiver: WaiverNote }> = [];
    for (const finding of findings) {
      const waiver = coveredBy.get(finding);
      if (waiver) waived.push({ ...finding, waiver: noteOf(waiver) });
      else kept.push(finding);
    }
    return { kept, waived };
  }

  /** A lint result with the waived findings moved to `waived`. */
  apply(result: ConversationResult): ConversationResult {
    const { kept, waived } = this.split<Finding>(result.conversationId, result.findings);
    if (waived.length === 0) return result;
    return { ...result, findings: kept, waived: [...(result.waived ?? []), ...(waived as WaivedFinding[])] };
  }

  /**
   * Waivers that covered nothing in a conversation this run did lint, with a rule that ran: the
   * finding is gone (fixed, or the rule changed) or the entry does not name it right. Waivers of
   * conversations this run never saw are not judged.
   */
  stale(ranRules: ReadonlySet<string>): Waiver[] {
    const stale: Waiver[] = [];
    for (const [conversation, waivers] of this.byConversation) {
      if (!this.seen.has(conversation)) continue;
      for (const waiver of waivers) if (!this.used.has(waiver) && ranRules.has(waiver.rule)) stale.push(waiver);
    }
    return stale;
  }

  /**
   * Waivers of a conversation this run never saw, when it saw one whose id differs only in case,
   * full or half width, or blanks (`C-1001` for `c-1001`): most likely a mistyped id, so the waiver
   * covers nothing. Ids are matched exactly, so these are reported, not applied.
   */
  mistyped(ranRules: ReadonlySet<string>): Waiver[] {
    const found: Waiver[] = [];
    for (const conversation of this.nearlySeen) {
      if (this.seen.has(conversation)) continue;
      for (const waiver of this.byConversation.get(conversation) ?? []) if (ranRules.has(waiver.rule)) found.push(waiver);
    }
    return found;
  }
}

/** An id folded for the mistyped-id check: compatibility width, lower case, no blanks or invisible characters. */
function looseId(id: string): string {
  return id.normalize('NFKC').toLowerCase().replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
}
