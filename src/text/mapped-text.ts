/**
 * A copy of a text in which each character remembers the span [from, to) of the original it came
 * from. Until a step changes it, the copy is the original and the spans are the identity: most
 * messages hold nothing that a step rewrites, and pay for no arrays.
 *
 * The personal-data finders (pii.ts) match such a copy, in which spellings meant to get past a
 * filter are undone, and report spans of the original, so that the original spelling is what gets
 * masked.
 */
const stickyCopies = new WeakMap<RegExp, RegExp>();
/** The pattern with the sticky flag instead of the global one, made once per pattern. */
function stickyCopy(pattern: RegExp): RegExp {
  let sticky = stickyCopies.get(pattern);
  if (!sticky) {
    sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    stickyCopies.set(pattern, sticky);
  }
  return sticky;
}

export class MappedText {
  private constructor(
    readonly text: string,
    /** Undefined while the copy is still the original, character for character. */
    private readonly from: readonly number[] | undefined,
    private readonly to: readonly number[] | undefined,
  ) {}

  static of(text: string): MappedText {
    return new MappedText(text, undefined, undefined);
  }

  private fromAt(i: number): number | undefined {
    if (this.from) return this.from[i];
    return i < this.text.length ? i : undefined;
  }

  private toAt(i: number): number | undefined {
    if (this.to) return this.to[i];
    return i >= 0 && i < this.text.length ? i + 1 : undefined;
  }

  /** The span of the original text that [start, end) of this copy came from. */
  original(start: number, end: number): { start: number; end: number } {
    if (end <= start) {
      const at = this.fromAt(start) ?? this.toAt(this.text.length - 1) ?? 0;
      return { start: at, end: at };
    }
    return { start: this.fromAt(start)!, end: this.toAt(end - 1)! };
  }

  transform(step: (view: MappedText) => MappedText): MappedText {
    return step(this);
  }

  /**
   * Replaces every match of `pattern` (global) with what `replacement` returns for it. The
   * characters put in come from the whole span the match came from; a match replaced by '' is
   * dropped, its span then belonging to the neighbours' spans when a later match covers them.
   * Returns this copy itself when nothing changes. `startsAt`, when given, lists in increasing order
   * every position where a match may start (more are harmless); the pattern is tried only there.
   */
  replace(pattern: RegExp, replacement: (match: RegExpExecArray) => string, startsAt?: (text: string) => Iterable<number>): MappedText {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    if (startsAt) {
      // Only where a match can start, in increasing order, as a global scan would find them: a
      // pattern that opens with a long look-behind costs a scan back at every character otherwise.
      const sticky = stickyCopy(pattern);
      let last = 0;
      for (const start of startsAt(this.text)) {
        if (start < last) continue;
        sticky.lastIndex = start;
        const match = sticky.exec(this.text);
        if (!match || match[0].length === 0) continue;
        edits.push({ start, end: start + match[0].length, text: replacement(match) });
        last = start + match[0].length;
      }
    } else {
      // The pattern itself, not a copy as matchAll makes: this runs for every message, step after step.
      pattern.lastIndex = 0;
      for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
        const next = pattern.lastIndex;
        if (match[0].length === 0) {
          pattern.lastIndex = next + (pattern.unicode && (this.text.codePointAt(next) ?? 0) > 0xffff ? 2 : 1);
          continue;
        }
        edits.push({ start: match.index, end: match.index + match[0].length, text: replacement(match) });
        pattern.lastIndex = next;
      }
      pattern.lastIndex = 0;
    }
    if (edits.length === 0) return this;
    return this.replaceSpans(edits);
  }

  /**
   * Replaces [start, end) of this copy with `text` for each edit, in order and without overlaps, as
   * `replace` does for a match. Returns this copy itself when nothing changes.
   */
  replaceSpans(edits: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>): MappedText {
    let text = '';
    let from: number[] | undefined;
    let to: number[] | undefined;
    let last = 0;
    const keep = (end: number) => {
      text += this.text.slice(last, end);
      for (let i = last; i < end; i++) {
        from!.push(this.fromAt(i)!);
        to!.push(this.toAt(i)!);
      }
    };
    for (const { start, end, text: put } of edits) {
      if (end <= start || start < last || put === this.text.slice(start, end)) continue;
      from ??= [];
      to ??= [];
      keep(start);
      text += put;
      for (let i = 0; i < put.length; i++) {
        from.push(this.fromAt(start)!);
        to.push(this.toAt(end - 1)!);
      }
      last = end;
    }
    if (!from) return this;
    keep(this.text.length);
    return new MappedText(text, from, to);
  }
}
