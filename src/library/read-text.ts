import { attachSuppressions, commentDirectives, textHash, type CannedReply, type Library } from './reply.js';

/**
 * A plain-text library: one reply per line, or, when any reply runs over several lines, blocks
 * separated by blank lines. Lines that start with `#` are comments (and hold disable directives).
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
  let multiLine = false;
  for (let i = 1; i < lines.length; i++) {
    if (!isBlank(lines[i]!) && !isComment(lines[i]!) && !isBlank(lines[i - 1]!) && !isComment(lines[i - 1]!)) multiLine = true;
  }
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
