import type { Fix } from '../engine/finding.js';
import type { CannedReply, Library } from './reply.js';

/** Characters that could change how YAML reads a scalar if they were written into one. */
const UNSAFE_IN_YAML = /["'\\#:\n\r{}[\],|>&*!%@`]/;
/** Characters that belong to the file's syntax, not to the reply: quotes, escapes, indentation, folded line breaks. */
const SYNTAX = /["'\\ \t\n\r|>+-]/;

/** One reply's accepted rewrite: the reply text after it, and the edits of the reply text that make it. */
export interface ReplyRewrite {
  reply: CannedReply;
  output: string;
  edits: readonly Fix[];
}

/**
 * Where each character of a reply's text stands in the library source. The text is walked against
 * its source, passing over quotes, escapes, indentation and line breaks that are syntax; a
 * character that is neither itself nor syntax (an escape such as \n or \u4f60) means the reply is
 * left for a person. `offsets[text.length]` is where the text ends.
 */
function sourceOffsets(source: string, reply: CannedReply): number[] | undefined {
  if (!reply.sourceRange) return undefined;
  const [from, to] = reply.sourceRange;
  const offsets: number[] = [];
  let at = from;
  for (const character of reply.text) {
    // Astral characters are two code units in both.
    for (let unit = 0; unit < character.length; unit++) {
      while (at < to && source[at] !== character[unit]) {
        if (!SYNTAX.test(source[at]!)) return undefined;
        at++;
      }
      if (at >= to) return undefined;
      offsets.push(at++);
    }
  }
  offsets.push(at);
  return offsets;
}

/** The source edits for one reply's text edits, or undefined when they cannot be placed exactly. */
function sourceEdits(library: Library, rewrite: ReplyRewrite): Fix[] | undefined {
  const offsets = sourceOffsets(library.source, rewrite.reply);
  if (!offsets) return undefined;
  const edits: Fix[] = [];
  for (const edit of rewrite.edits) {
    const [start, end] = edit.range;
    if (library.kind !== 'text' && library.kind !== 'csv' && UNSAFE_IN_YAML.test(edit.text)) return undefined;
    if (/[\r\n]/.test(edit.text)) return undefined;
    // An insertion goes right after the character before it, inside any quotes or line folds.
    const sourceStart = start === end && start > 0 ? offsets[start - 1]! + 1 : offsets[start]!;
    const sourceEnd = start === end ? sourceStart : offsets[end - 1]! + 1;
    edits.push({ range: [sourceStart, sourceEnd], text: edit.text });
  }
  return edits;
}

function spliceAll(source: string, edits: readonly Fix[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  return out;
}

/**
 * Writes accepted rewrites into the library source, editing only the words that change, so
 * comments, quoting and layout stay as they were. The result is read again: every reply must read
 * as its rewrite, and every other reply as before. A reply whose edits cannot be placed exactly, or
 * that reads back differently, is left as it was, for a person.
 */
export async function applyRewrites(library: Library, rewrites: readonly ReplyRewrite[], reread: (source: string) => Promise<Library>): Promise<{ source: string; applied: number; skipped: number }> {
  let pending = new Map<number, { rewrite: ReplyRewrite; edits: Fix[] }>();
  let skipped = 0;
  for (const rewrite of rewrites) {
    const index = library.replies.indexOf(rewrite.reply);
    const edits = index >= 0 ? sourceEdits(library, rewrite) : undefined;
    if (edits) pending.set(index, { rewrite, edits });
    else skipped++;
  }
  // Each round drops the replies that did not read back as intended; a second round settles it.
  for (let round = 0; round < 3 && pending.size > 0; round++) {
    const source = spliceAll(library.source, [...pending.values()].flatMap((p) => p.edits));
    const again = await reread(source);
    const misread = again.problems.length > 0 || again.replies.length !== library.replies.length;
    const wrong = misread ? [...pending.keys()] : [...pending.keys()].filter((index) => again.replies[index]!.text !== pending.get(index)!.rewrite.output);
    const othersKept = !misread && library.replies.every((reply, index) => pending.has(index) || again.replies[index]!.text === reply.text);
    if (wrong.length === 0 && othersKept) return { source, applied: pending.size, skipped };
    if (!othersKept && wrong.length === 0) break;
    const next = new Map(pending);
    for (const index of wrong) next.delete(index);
    skipped += pending.size - next.size;
    pending = next;
  }
  skipped += pending.size;
  return { source: library.source, applied: 0, skipped };
}
