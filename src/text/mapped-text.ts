/**
 * A copy of a text in which each character remembers the span [from, to) of the original it came
 * from. Until a step changes it, the copy is the original and the spans are the identity: most
 * messages hold nothing that a step rewrites, and pay for no arrays.
 *
 * The personal-data finders (pii.ts) match such a copy, in which spellings meant to get past a
 * filter are undone, and report spans of the original, so that the original spelling is what gets
 * masked.
 */
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
   * Returns this copy itself when nothing changes.
   */
  replace(pattern: RegExp, replacement: (match: RegExpExecArray) => string): MappedText {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const match of this.text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      edits.push({ start: match.index, end: match.index + match[0].length, text: replacement(match) });
    }
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
