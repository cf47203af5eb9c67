import { yamlErrorKind } from '../io/yaml-errors.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Node } from 'yaml';
import { aliasBombReason, documentAliasesExplode } from '../io/yaml-aliases.js';
import { t } from '../i18n/index.js';
import { attachSuppressions, commentDirectives, parseDirective, textHash, type CannedReply, type Library, type LibraryProblem } from './reply.js';

const TEXT_KEYS = ['text', 'content', 'reply', 'message', '内容', '回复', '话术', '回复内容'];
const ID_KEYS = ['id', 'key', '编号'];
const TITLE_KEYS = ['title', 'name', 'shortcut', '标题', '名称', '快捷语'];
const GROUP_KEYS = ['group', 'category', '分组', '分类'];
const CHILDREN_KEYS = ['replies', 'items', 'children', 'entries', '话术', '回复列表', '快捷短语'];

function scalarAt(map: Node, keys: readonly string[]): { value: string; node: Node } | undefined {
  if (!isMap(map)) return undefined;
  for (const key of keys) {
    const node = map.get(key, true) as Node | undefined;
    if (node && isScalar(node) && node.value !== null && node.value !== undefined && typeof node.value !== 'object') return { value: String(node.value), node };
  }
  return undefined;
}

/**
 * How deep groups may nest. The YAML parser (which reads JSON too) recurses once per list or
 * mapping, and runs out of stack a few hundred levels down (about 400 JSON groups of
 * `{group, replies: [...]}`); below this limit every library reads, and beyond it the refusal says so.
 */
export const MAX_GROUP_DEPTH = 100;

/** Lists and mappings a library may nest before the parser is handed it: two per group, and some room. */
const MAX_COLLECTION_DEPTH = 2 * MAX_GROUP_DEPTH + 10;

/**
 * Where the source first nests lists and mappings deeper than MAX_COLLECTION_DEPTH, as an offset,
 * or undefined. A bound, not a parse: flow brackets outside quotes count one level each, block
 * indentation one level per step in, and each `- ` that opens a line's item one more; quotes end
 * with their line. It is taken before the parser recurses, which near the end of the stack can
 * fail in V8's regular-expression compiler as a fatal out-of-memory error rather than a RangeError that can be caught.
 */
export function tooDeepAt(source: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let lineStart = 0;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    let at = lineStart;
    if (flow === 0 && quote === undefined) {
      while (source[at] === ' ') at++;
      const blank = at === lineEnd || source[at] === '#' || source[at] === '\r';
      if (!blank) {
        const indent = at - lineStart;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // "- - item" opens a list inside a list on one line.
        while (source[at] === '-' && (source[at + 1] === ' ' || at + 1 === lineEnd)) {
          indents.push(indent + (at - lineStart) + 1);
          at += 2;
          while (source[at] === ' ') at++;
        }
        if (indents.length > MAX_COLLECTION_DEPTH) return at;
      }
    }
    for (; at < lineEnd; at++) {
      const char = source[at];
      if (quote !== undefined) {
        if (char === '\\' && quote === '"') at++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || (char === "'" && flow > 0)) quote = char;
      else if (char === '[' || char === '{') {
        if (++flow + indents.length > MAX_COLLECTION_DEPTH) return at;
      } else if ((char === ']' || char === '}') && flow > 0) flow--;
      else if (char === '#' && flow === 0 && (at === lineStart || source[at - 1] === ' ')) break;
    }
    // A quote left open (a lone " in a plain reply text) ends with its line: a bound needs no more.
    quote = undefined;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * A YAML or JSON library: a list of replies, or groups of them, nested as deep as teams nest them.
 * A reply is a string, or `{id?, title?, text}`; a group is `{group|name: …, replies: [...]}` or a
 * mapping from group names to lists. JSON is read by the same parser, which keeps positions.
 */
export function readYamlLibrary(file: string, source: string, kind: 'yaml' | 'json'): Library {
  const lineCounter = new LineCounter();
  const deepAt = tooDeepAt(source);
  if (deepAt !== undefined) {
    lineCounter.addNewLine(0);
    for (let at = source.indexOf('\n'); at >= 0 && at < deepAt; at = source.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
    const at = lineCounter.linePos(deepAt);
    return { file, kind, source, replies: [], problems: [{ line: at.line, column: at.col, reason: t('library.tooDeep', { max: MAX_GROUP_DEPTH }) }] };
  }
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const problems: LibraryProblem[] = document.errors.map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    // The parser's stack ran out: the library nests far deeper than any team's groups.
    if (/Maximum call stack size exceeded/.test(error.message)) return { line: at.line, column: at.col, reason: t('library.tooDeep', { max: MAX_GROUP_DEPTH }) };
    return { line: at.line, column: at.col, reason: t('library.notValid', { language: kind === 'json' ? 'JSON' : 'YAML', kind: yamlErrorKind(error.code) }) };
  });
  const replies: CannedReply[] = [];
  if (problems.length > 0) return { file, kind, source, replies, problems };
  if (source.includes('*') && documentAliasesExplode(document)) {
    let firstAlias = 0;
    visitYaml(document, {
      Alias(_key, node) {
        firstAlias = node.range?.[0] ?? 0;
        return visitYaml.BREAK;
      },
    });
    const at = lineCounter.linePos(firstAlias);
    return { file, kind, source, replies, problems: [{ line: at.line, column: at.col, reason: `${aliasBombReason('话术库')}。` }] };
  }

  const position = (node: Node) => lineCounter.linePos(node.range![0]);
  // A value as the library writes it (`!!binary aGVs…`, `12345678901234567890`), not as the parser made it, cut short.
  const asWritten = (node: Node) => {
    const written = [...source.slice(node.range![0], node.range![1]).replace(/\s+/g, ' ').trim()];
    return written.length > 40 ? `${written.slice(0, 40).join('')}…` : written.join('');
  };
  const addReply = (textNode: Node, text: string, group: string | undefined, fields: { id?: string; title?: string }) => {
    const at = position(textNode);
    if (text.trim() === '') {
      problems.push({ line: at.line, column: at.col, reason: t('library.emptyText') });
      return;
    }
    const ownId = fields.id;
    replies.push({
      id: ownId ?? (fields.title ? [group, fields.title].filter(Boolean).join('/') : textHash(text)),
      baselineKey: ownId ?? textHash(text),
      group,
      title: fields.title,
      text,
      line: at.line,
      column: at.col,
      sourceRange: [textNode.range![0], textNode.range![1]],
      suppressions: [],
    });
  };

  let tooDeepReported = false;
  const visit = (node: Node | null | undefined, group: string | undefined, depth = 0): void => {
    if (!node) return;
    if (depth > MAX_GROUP_DEPTH) {
      if (!tooDeepReported) {
        const at = position(node);
        problems.push({ line: at.line, column: at.col, reason: t('library.tooDeep', { max: MAX_GROUP_DEPTH }) });
      }
      tooDeepReported = true;
      return;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') addReply(node, node.value, group, {});
      else {
        const at = position(node);
        problems.push({ line: at.line, column: at.col, reason: t('library.notText', { found: asWritten(node) }) });
      }
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items) visit(item as Node, group, depth);
      return;
    }
    if (isMap(node)) {
      const text = scalarAt(node, TEXT_KEYS);
      // A reply whose text is a list or a map: named as such, not as its other fields.
      const textNode = TEXT_KEYS.map((key) => node.get(key, true) as Node | undefined).find((found) => found !== undefined && found !== null);
      if (!text && textNode && !isScalar(textNode)) {
        const at = position(textNode);
        problems.push({ line: at.line, column: at.col, reason: t('library.notText', { found: asWritten(textNode) }) });
        return;
      }
      if (text) {
        addReply(text.node, text.value, scalarAt(node, GROUP_KEYS)?.value ?? group, { id: scalarAt(node, ID_KEYS)?.value, title: scalarAt(node, TITLE_KEYS)?.value });
        // JSON has no comments: a reply object may carry its directive as a field.
        const disable = scalarAt(node, ['supportlint-disable']);
        if (disable) {
          const at = position(disable.node);
          const directive = parseDirective(`supportlint-disable-next-line ${disable.value}`, at.line, at.col);
          if (directive) replies[replies.length - 1]?.suppressions.push(directive);
        }
        return;
      }
      const childrenKey = CHILDREN_KEYS.find((key) => isSeq(node.get(key, true)) || isMap(node.get(key, true)));
      if (childrenKey) {
        const name = scalarAt(node, [...GROUP_KEYS, ...TITLE_KEYS])?.value;
        visit(node.get(childrenKey, true) as Node, [group, name].filter(Boolean).join('/') || undefined, depth + 1);
        return;
      }
      // A mapping from group names to their replies.
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        visit(pair.value as Node, [group, name].filter(Boolean).join('/') || undefined, depth + 1);
      }
      return;
    }
  };
  visit(document.contents as Node, undefined);
  // As when the parser itself gives up: the library is refused whole, not read in part.
  if (tooDeepReported) return { file, kind, source, replies: [], problems };
  attachSuppressions(replies, commentDirectives(source));
  return { file, kind, source, replies, problems };
}
