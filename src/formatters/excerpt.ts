/**
 * Characters that would act on a terminal rather than show: C0 controls (ESC starts colour and
 * cursor sequences, CR returns to the start of the line, NUL, BEL, BS …), DEL, C1 controls (CSI
 * U+009B is ESC [ on some terminals), and the bidirectional formatting characters that reorder what
 * follows (U+202E turns a line around). Tab and line feed are left to the caller.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_WITH_NEWLINES = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, but CR and LF, which a format with its own encoding of line breaks (CSV quoting, workflow commands) keeps. */
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeFor(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from the data, made safe to print on a terminal: each control or bidi formatting character
 * is written as its escape (`\x1b`, `\r`-as-`\x0d`, `\u202e`), visible and inert. Chinese text and
 * everything else printable is left as it is. `keepNewlines` leaves line feeds for multi-line text.
 */
export function visible(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE_FOR_TERMINAL : UNSAFE_WITH_NEWLINES, escapeFor);
}

/**
 * visible(), for formats that encode line breaks themselves: CR and LF are left for the CSV quoting
 * or the workflow-command escaping to carry, and every other control or bidi formatting character
 * is written as its escape.
 */
export function visibleKeepingLineBreaks(text: string): string {
  return text.replace(UNSAFE_BUT_LINE_BREAKS, escapeFor);
}

// Each run of blanks that holds a line break becomes one ⏎. Blanks, a break, blanks as one pattern
// would say the same, but retry a run from each of its characters: quadratic on a long run of
// spaces without a break.
function flattenLineBreaks(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ⏎ ' : run));
}

/**
 * Cuts a long message down to a window around the highlighted range, so a finding in a 600-character
 * reply still fits on a line or two. Returns the pieces before, inside and after the range.
 */
export function excerptAround(text: string, range: [number, number] | undefined, width = 60): { before: string; match: string; after: string } {
  const flat = flattenLineBreaks(text);
  if (!range || range[1] <= range[0]) {
    return { before: flat.length > width * 2 ? `${flat.slice(0, width * 2)}…` : flat, match: '', after: '' };
  }
  // Offsets move when newlines are flattened; recompute them on the flattened text.
  const prefix = flattenLineBreaks(text.slice(0, range[0]));
  const match = flattenLineBreaks(text.slice(range[0], range[1]));
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
  const pieces = excerptAround(text, range, width);
  // Escaped after the window is cut, so that the range still points at the matched words.
  const [before, match, after] = [visible(pieces.before), visible(pieces.match), visible(pieces.after)];
  const marked = !match ? '' : chalk.level > 0 ? chalk.bgYellow.black(match) : `【${match}】`;
  return `${before}${marked}${after}`;
}
