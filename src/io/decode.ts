import iconv from 'iconv-lite';
import { Readable } from 'node:stream';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/**
 * Tells the encoding of an export from its first bytes. A BOM decides; otherwise text that is not
 * valid UTF-8 is taken as GB18030, the superset of GBK that Excel uses when it saves a CSV on a
 * Chinese-language Windows.
 */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  return { encoding: isValidUtf8Prefix(head) ? 'utf8' : 'gb18030', bomLength: 0 };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Back off over a trailing, possibly incomplete sequence (at most 3 bytes).
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) !== 0x80) {
      if (byte >= 0xc0) end -= back;
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Decodes a byte stream to a string stream, dropping the BOM. */
export function decodeStream(bytes: Readable, encoding: Encoding): Readable {
  const iconvName = encoding === 'utf8' ? 'utf8' : encoding === 'utf16le' ? 'utf16le' : encoding === 'utf16be' ? 'utf16be' : 'gb18030';
  return bytes.pipe(iconv.decodeStream(iconvName, { stripBOM: true })) as unknown as Readable;
}

export function decodeBuffer(bytes: Uint8Array, encoding: Encoding): string {
  const text = iconv.decode(Buffer.from(bytes), encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
  return text;
}
