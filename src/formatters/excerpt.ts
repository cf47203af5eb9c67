/**
 * Cuts a long message down to a window around the highlighted range, so a finding in a 600-character
 * reply still fits on a line or two. Returns the pieces before, inside and after the range.
 */
export function excerptAround(text: string, range: [number, number] | undefined, width = 60): { before: string; match: string; after: string } {
  const flat = text.replace(/\s*\n\s*/g, ' ⏎ ');
  if (!range || range[1] <= range[0]) {
    return { before: flat.length > width * 2 ? `${flat.slice(0, width * 2)}…` : flat, match: '', after: '' };
  }
  // Offsets move when newlines are flattened; recompute them on the flattened text.
  const prefix = text.slice(0, range[0]).replace(/\s*\n\s*/g, ' ⏎ ');
  const match = text.slice(range[0], range[1]).replace(/\s*\n\s*/g, ' ⏎ ');
  const suffix = flat.slice(prefix.length + match.length);
  const before = prefix.length > width ? `…${prefix.slice(prefix.length - width)}` : prefix;
  const after = suffix.length > width ? `${suffix.slice(0, width)}…` : suffix;
  return { before, match, after };
}

type Highlighter = { level: number; bgYellow: { black: (text: string) => string }; dim: (text: string) => string };

/**
 * One quoted line with the matched range highlighted: in colour on a terminal, between 【】 when
 * colour is off, so the matched words still stand out in a file or a pipe. Empty messages
 * (images, emoji that were not exported) are named rather than left blank.
 */
export function formatExcerptLine(text: string, range: [number, number] | undefined, chalk: Highlighter, width = 60): string {
  if (text.trim() === '') return chalk.dim('（空消息）');
  const { before, match, after } = excerptAround(text, range, width);
  const marked = !match ? '' : chalk.level > 0 ? chalk.bgYellow.black(match) : `【${match}】`;
  return `${before}${marked}${after}`;
}
