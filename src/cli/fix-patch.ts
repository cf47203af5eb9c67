import { createTwoFilesPatch, formatPatch, type StructuredPatchHunk } from 'diff';

/** Lines of unchanged text around each change, as jsdiff gives by default. */
const CONTEXT = 4;

/**
 * The unified diff that `--fix-dry-run` prints. Rewrites replace text inside lines, so the two
 * texts usually have the same lines but for the changed ones: their hunks are then read off line by
 * line, in time linear in the file. A general diff (jsdiff's Myers) takes time that grows with the
 * file times the number of changes, minutes for a library of thousands of rewritten replies; it is
 * kept for texts whose lines do not pair up.
 */
export function fixPatch(file: string, before: string, after: string): string {
  const old = before.split('\n');
  const now = after.split('\n');
  if (old.length !== now.length || !before.endsWith('\n') || !after.endsWith('\n')) return createTwoFilesPatch(file, file, before, after, '', '(--fix)');
  // The last element is the empty text after the final line feed.
  const lines = old.length - 1;
  const changed: number[] = [];
  for (let i = 0; i < lines; i++) if (old[i] !== now[i]) changed.push(i);
  const hunks: StructuredPatchHunk[] = [];
  for (let at = 0; at < changed.length; ) {
    const start = Math.max(0, changed[at]! - CONTEXT);
    let last = at;
    // Changes with no more than twice the context of unchanged lines between them share a hunk.
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! - 1 <= 2 * CONTEXT) last++;
    const end = Math.min(lines, changed[last]! + CONTEXT + 1);
    const body: string[] = [];
    for (let i = start; i < end; ) {
      if (old[i] === now[i]) {
        body.push(` ${old[i]}`);
        i++;
        continue;
      }
      let run = i;
      while (run < end && old[run] !== now[run]) run++;
      for (let j = i; j < run; j++) body.push(`-${old[j]}`);
      for (let j = i; j < run; j++) body.push(`+${now[j]}`);
      i = run;
    }
    hunks.push({ oldStart: start + 1, oldLines: end - start, newStart: start + 1, newLines: end - start, lines: body });
    at = last + 1;
  }
  return formatPatch({ oldFileName: file, newFileName: file, oldHeader: '', newHeader: '(--fix)', hunks });
}
