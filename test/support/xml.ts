/**
 * A small XML 1.0 well-formedness checker for tests, so JUnit output is checked by a parser and not
 * by string matching, without a dependency. It covers what a report can hold: the declaration,
 * elements, attributes, character data, the five predefined entities, character references,
 * comments, CDATA and processing instructions. No DTDs. Throws on the first error, with its offset.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element, entities decoded. */
  text: string;
}

/** The Char production of XML 1.0 (https://www.w3.org/TR/xml/#charsets). */
const isXmlChar = (cp: number) =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
const NAME = /^[A-Za-z_:\p{L}][-A-Za-z0-9_.:\p{L}\p{N}]*/u;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${pos}: ${why} (near ${JSON.stringify(source.slice(Math.max(0, pos - 20), pos + 20))})`);
  };
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    // A lone surrogate comes out of the iterator as itself, and fails this test too.
    if (!isXmlChar(cp)) {
      pos = source.indexOf(ch);
      fail(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`);
    }
  }
  const skipSpace = () => {
    while (pos < source.length && /[ \t\r\n]/.test(source[pos]!)) pos++;
  };
  const expect = (literal: string) => {
    if (!source.startsWith(literal, pos)) fail(`expected ${JSON.stringify(literal)}`);
    pos += literal.length;
  };
  const name = (): string => {
    const match = NAME.exec(source.slice(pos, pos + 200));
    if (!match) fail('expected a name');
    pos += match![0].length;
    return match![0];
  };
  const reference = (): string => {
    expect('&');
    const end = source.indexOf(';', pos);
    if (end < 0 || end - pos > 12) fail('unterminated reference');
    const body = source.slice(pos, end);
    pos = end + 1;
    if (body.startsWith('#')) {
      const cp = /^#x[0-9a-fA-F]+$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]+$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
      if (!Number.isFinite(cp) || !isXmlChar(cp)) fail(`bad character reference &${body};`);
      return String.fromCodePoint(cp);
    }
    if (!(body in PREDEFINED)) fail(`undeclared entity &${body};`);
    return PREDEFINED[body]!;
  };
  const misc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', pos)) comment();
      else if (source.startsWith('<?', pos)) instruction();
      else return;
    }
  };
  const comment = () => {
    expect('<!--');
    const end = source.indexOf('-->', pos);
    if (end < 0) fail('unterminated comment');
    if (source.slice(pos, end).includes('--')) fail('"--" inside a comment');
    pos = end + 3;
  };
  const instruction = () => {
    expect('<?');
    const target = name();
    if (target.toLowerCase() === 'xml') fail('an XML declaration is only allowed at the very start');
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('unterminated processing instruction');
    pos = end + 2;
  };
  const element = (): XmlElement => {
    expect('<');
    const tag = name();
    const node: XmlElement = { name: tag, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return node;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const attribute = name();
      if (attribute in node.attributes) fail(`attribute ${attribute} repeated`);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
      pos++;
      let value = '';
      while (source[pos] !== quote) {
        if (pos >= source.length) fail('unterminated attribute value');
        const ch = source[pos]!;
        if (ch === '<') fail('"<" inside an attribute value');
        if (ch === '&') {
          value += reference();
          continue;
        }
        // Attribute-value normalisation: a literal tab or line break reads as a space.
        value += /[\t\r\n]/.test(ch) ? ' ' : ch;
        pos++;
      }
      pos++;
      node.attributes[attribute] = value;
    }
    for (;;) {
      if (pos >= source.length) fail(`<${tag}> is never closed`);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        expect('>');
        return node;
      }
      if (source.startsWith('<!--', pos)) comment();
      else if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA');
        node.text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (source.startsWith('<?', pos)) instruction();
      else if (source[pos] === '<') node.children.push(element());
      else if (source[pos] === '&') node.text += reference();
      else {
        if (source.startsWith(']]>', pos)) fail('"]]>" in character data');
        node.text += source[pos++];
      }
    }
  };

  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('unterminated XML declaration');
    if (!/^<\?xml\s+version=(["'])1\.[0-9]+\1(\s+encoding=(["'])[A-Za-z][-A-Za-z0-9._]*\3)?(\s+standalone=(["'])(yes|no)\5)?\s*$/.test(source.slice(pos, end))) fail('malformed XML declaration');
    pos = end + 2;
  }
  misc();
  if (source[pos] !== '<') fail('expected the root element');
  const root = element();
  misc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}
