import { attachSuppressions, commentDirectives, textHash, type CannedReply, type Library } from './reply.js';

/**
 * A plain-text library: replies in blocks separated by blank lines, or, in a file without blank
 * lines between replies, one reply per line. Lines that start with `#` are comments (and hold
 * disable directives).
 */
export function readTextLibrary(file: string, source: string): Library {
  const lines = source.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const isComment = (line: string) => /^\s*#/.test(line);
  const isBlank = (line: string) => line.trim() === '';
  const firstContent = lines.findIndex((line) => !isBlank(line) && !isComment(line));
  const lastContent = lines.length - 1 - [...lines].reverse().findIndex((line) => !isBlank(line) && !isComment(line));
  const multiLine = firstContent >= 0 && lines.slice(firstContent, lastContent).some(isBlank);
  const replies: CannedReply[] = [];
  const add = (first: number, last: number) => {
    const start = offsets[first]!;
    const end = offsets[last]! + lines[last]!.replace(/\r$/, '').length;
    const text = source.slice(start, end).replace(/\r/g, '');
    replies.push({ id: textHash(text), baselineKey: textHash(text), text, line: first + 1, column: 1, sourceRange: [start, end], suppressions: [] });
  };
  let blockStart: number | undefined;
  lines.forEach((line, index) => {
    const content = !isBlank(line) && !isComment(line);
    if (!multiLine) {
      if (content) add(index, index);
      return;
    }
    if (content && blockStart === undefined) blockStart = index;
    const endsBlock = !content || index === lines.length - 1;
    if (blockStart !== undefined && endsBlock) {
      add(blockStart, content ? index : index - 1);
      blockStart = undefined;
    }
  });
  attachSuppressions(replies, commentDirectives(source));
  return { file, kind: 'text', source, replies, problems: [] };
}
