import type { CannedReply, Library } from './reply.js';

/** Characters that could change how YAML reads a scalar if they were written into one. */
const UNSAFE_IN_YAML = /["'\\#:\n\r{}[\],|>&*!%@`]/;

/**
 * Applies whole-reply rewrites to the library source, editing only the words that change, so
 * comments, quoting and layout stay as they were. The changed span is found inside the reply's own
 * source; a rewrite whose span is not found exactly once there, or that would put characters with
 * a meaning in YAML into a scalar, is left for a person.
 */
export function applyRewrites(library: Library, rewrites: ReadonlyMap<CannedReply, string>): { source: string; applied: number; skipped: number } {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let skipped = 0;
  for (const [reply, rewritten] of rewrites) {
    const edit = reply.sourceRange ? locateEdit(library, reply, rewritten) : undefined;
    if (edit) edits.push(edit);
    else skipped++;
  }
  edits.sort((a, b) => b.start - a.start);
  let source = library.source;
  let lastStart = Number.POSITIVE_INFINITY;
  let applied = 0;
  for (const edit of edits) {
    if (edit.end > lastStart) {
      skipped++;
      continue;
    }
    source = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    lastStart = edit.start;
    applied++;
  }
  return { source, applied, skipped };
}

function locateEdit(library: Library, reply: CannedReply, rewritten: string): { start: number; end: number; text: string } | undefined {
  const before = reply.text;
  let prefix = 0;
  while (prefix < before.length && prefix < rewritten.length && before[prefix] === rewritten[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < rewritten.length - prefix && before[before.length - 1 - suffix] === rewritten[rewritten.length - 1 - suffix]) suffix++;
  let removed = before.slice(prefix, before.length - suffix);
  let inserted = rewritten.slice(prefix, rewritten.length - suffix);
  // A pure insertion or deletion is anchored on the character before it, so it can be found.
  if (removed === '' || inserted === '') {
    if (prefix === 0) return undefined;
    removed = before.slice(prefix - 1, before.length - suffix);
    inserted = rewritten.slice(prefix - 1, rewritten.length - suffix);
  }
  const [from, to] = reply.sourceRange!;
  const own = library.source.slice(from, to);
  const at = own.indexOf(removed);
  if (at < 0 || own.indexOf(removed, at + 1) >= 0) return undefined;
  if (library.kind !== 'text' && UNSAFE_IN_YAML.test(inserted)) return undefined;
  return { start: from + at, end: from + at + removed.length, text: inserted };
}
