import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/** Lines (1-based) with invalid UTF-8 that are named in warnings; the count stays exact beyond. */
const INVALID_LINES_KEPT = 20;

/** What a scan of all the bytes found: which encoding, and where UTF-8 had to be repaired. */
export interface EncodingVerdict {
  encoding: Encoding;
  bomLength: number;
  /** When the encoding is UTF-8: byte sequences that are not UTF-8, each decoded as U+FFFD. */
  invalidUtf8: number;
  /** The first lines that hold such sequences. */
  invalidLines: number[];
}

/**
 * Looks at every byte of an input, chunk by chunk, in constant memory, and counts how well it
 * reads as UTF-8 and as GB18030. A BOM decides at once. Otherwise UTF-8 wins when it is valid, or
 * almost all valid (a stray byte in a UTF-8 export is repaired and warned about, not a reason to
 * read every character wrongly); GB18030, the superset of GBK that Excel uses on a Chinese-language
 * Windows, is chosen only when UTF-8 clearly fails and GB18030 fits the bytes better.
 */
export class EncodingScanner {
  private bom: { encoding: Encoding; bomLength: number } | undefined;
  private started = false;
  // UTF-8: bytes still expected in the current sequence, and the bounds of the next byte.
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private utf8Valid = 0;
  private utf8Invalid = 0;
  // GB18030: 0 outside a character, 1 after a lead byte, 2 after lead+digit, 3 after lead+digit+lead.
  private gbState = 0;
  private gbInvalid = 0;
  private line = 1;
  private readonly lines: number[] = [];
  // UTF-16 without a BOM: bytes seen, the byte before this chunk, a NUL at an even offset that
  // waits for its partner, and the code units with one NUL byte, by the side the NUL is on.
  private offset = 0;
  private previousByte = -1;
  private evenNulPending = false;
  private nulHighUnits = 0;
  private nulLowUnits = 0;
  /** Of those, the line breaks (LF or CR): Chinese text also has units with one NUL byte (一 is 00 4E). */
  private breakHighUnits = 0;
  private breakLowUnits = 0;

  push(chunk: Uint8Array): void {
    this.countNulUnits(chunk);
    let start = 0;
    if (!this.started) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.bom = { encoding: 'utf8', bomLength: 3 };
      else if (chunk[0] === 0xff && chunk[1] === 0xfe) this.bom = { encoding: 'utf16le', bomLength: 2 };
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.bom = { encoding: 'utf16be', bomLength: 2 };
      if (this.bom?.encoding !== 'utf8' && this.bom) return;
      if (this.bom) start = 3;
    }
    if (this.bom && this.bom.encoding !== 'utf8') return;
    // Fast path: a chunk that is valid UTF-8 up to a character cut off at its end is checked
    // natively, and only its newlines and multi-byte characters are counted.
    // Finish a character that the previous chunk cut off.
    while (start < chunk.length && this.need > 0) this.step(chunk[start++]!);
    if (this.need === 0) {
      this.gbState = 0;
      let end = chunk.length;
      for (let back = 1; back <= 3 && end - back >= start; back++) {
        const byte = chunk[end - back]!;
        if ((byte & 0xc0) !== 0x80) {
          if (byte >= 0xc0) end -= back;
          break;
        }
      }
      const body = chunk.subarray(start, end);
      if (end > start && isUtf8(body)) {
        const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) this.line++;
        // At least one well-formed multi-byte character; a chunk with a broken sequence is counted exactly.
        if (!isAscii(body)) this.utf8Valid++;
        start = end;
      }
    }
    for (let i = start; i < chunk.length; i++) this.step(chunk[i]!);
  }

  /**
   * Text in UTF-16 has a NUL byte in every ASCII character: the second byte of each code unit in
   * little-endian order (`a` is 61 00), the first in big-endian (00 61). UTF-8 and GB18030 text has
   * no NUL bytes at all. Counts the code units with exactly one NUL byte, by its side; a run of NUL
   * bytes (padding, a damaged block) has both bytes NUL and counts for neither.
   */
  private countNulUnits(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const base = this.offset;
    const isBreak = (byte: number) => byte === 0x0a || byte === 0x0d;
    const high = (partner: number) => {
      if (partner === 0) return;
      this.nulHighUnits++;
      if (isBreak(partner)) this.breakHighUnits++;
    };
    if (this.evenNulPending && bytes.length > 0) {
      high(bytes[0]!);
      this.evenNulPending = false;
    }
    for (let at = bytes.indexOf(0); at !== -1; at = bytes.indexOf(0, at + 1)) {
      if ((base + at) % 2 === 1) {
        const partner = at > 0 ? bytes[at - 1]! : this.previousByte;
        if (partner > 0) this.nulLowUnits++;
        if (isBreak(partner)) this.breakLowUnits++;
      } else if (at + 1 < bytes.length) high(bytes[at + 1]!);
      else this.evenNulPending = true;
    }
    if (bytes.length > 0) this.previousByte = bytes[bytes.length - 1]!;
    this.offset += bytes.length;
  }

  /**
   * UTF-16 without a BOM, told from its NUL bytes. Little-endian when the code units with a NUL in
   * the second byte are at least one in a thousand, and they, or the line breaks among them (0A 00),
   * outnumber the other side ten to one; big-endian the other way round. A line break is such a
   * unit, so even text that is all Chinese has one a line, while a Chinese character whose low byte
   * is 00 (一, 最) is on the other side but is never a line break. A stray NUL or two in UTF-8 text
   * is not enough.
   */
  private utf16WithoutBom(): Encoding | undefined {
    const units = Math.floor(this.offset / 2);
    const wins = (count: number, other: number, breaks: number, otherBreaks: number) =>
      count >= 2 && count * 1000 >= units && (count >= 10 * other || (breaks >= 1 && breaks >= 10 * otherBreaks));
    if (wins(this.nulLowUnits, this.nulHighUnits, this.breakLowUnits, this.breakHighUnits)) return 'utf16le';
    if (wins(this.nulHighUnits, this.nulLowUnits, this.breakHighUnits, this.breakLowUnits)) return 'utf16be';
    return undefined;
  }

  private step(byte: number): void {
    if (byte < 0x80 && this.need === 0 && this.gbState === 0) {
      if (byte === 0x0a) this.line++;
      return;
    }
    this.utf8(byte);
    this.gb(byte);
  }

  private invalidUtf8(): void {
    this.utf8Invalid++;
    if (this.lines.length < INVALID_LINES_KEPT && this.lines[this.lines.length - 1] !== this.line) this.lines.push(this.line);
  }

  /** The WHATWG UTF-8 decoder's state machine, counting errors instead of emitting U+FFFD. */
  private utf8(byte: number): void {
    if (this.need === 0) {
      if (byte < 0x80) {
        if (byte === 0x0a) this.line++;
      } else if (byte >= 0xc2 && byte <= 0xdf) this.need = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) this.lower = 0xa0;
        if (byte === 0xed) this.upper = 0x9f;
        this.need = 2;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) this.lower = 0x90;
        if (byte === 0xf4) this.upper = 0x8f;
        this.need = 3;
      } else this.invalidUtf8();
      return;
    }
    if (byte < this.lower || byte > this.upper) {
      // The sequence breaks off; the byte starts afresh.
      this.need = 0;
      this.lower = 0x80;
      this.upper = 0xbf;
      this.invalidUtf8();
      this.utf8(byte);
      return;
    }
    this.lower = 0x80;
    this.upper = 0xbf;
    if (--this.need === 0) this.utf8Valid++;
  }

  private gb(byte: number): void {
    switch (this.gbState) {
      case 0:
        if (byte >= 0x81 && byte <= 0xfe) this.gbState = 1;
        else if (byte >= 0x80) this.gbInvalid++;
        return;
      case 1:
        if (byte >= 0x30 && byte <= 0x39) this.gbState = 2;
        else {
          if ((byte < 0x40 || byte === 0x7f || byte === 0xff)) this.gbInvalid++;
          this.gbState = 0;
        }
        return;
      case 2:
        if (byte >= 0x81 && byte <= 0xfe) this.gbState = 3;
        else {
          this.gbInvalid++;
          this.gbState = 0;
        }
        return;
      default:
        if (byte < 0x30 || byte > 0x39) this.gbInvalid++;
        this.gbState = 0;
    }
  }

  /** The verdict. `complete`: the scan saw the whole input, so a sequence cut off at the end is an error. */
  verdict(complete = true): EncodingVerdict {
    if (this.bom && this.bom.encoding !== 'utf8') return { ...this.bom, invalidUtf8: 0, invalidLines: [] };
    const utf16 = this.bom ? undefined : this.utf16WithoutBom();
    if (utf16) return { encoding: utf16, bomLength: 0, invalidUtf8: 0, invalidLines: [] };
    const utf8Invalid = this.utf8Invalid + (complete && this.need > 0 ? 1 : 0);
    const gbInvalid = this.gbInvalid + (complete && this.gbState > 0 ? 1 : 0);
    const bomLength = this.bom?.bomLength ?? 0;
    const lines = complete && this.need > 0 && this.lines[this.lines.length - 1] !== this.line && this.lines.length < INVALID_LINES_KEPT ? [...this.lines, this.line] : [...this.lines];
    const utf8 = { encoding: 'utf8' as const, bomLength, invalidUtf8: utf8Invalid, invalidLines: utf8Invalid > 0 ? lines : [] };
    if (this.bom || utf8Invalid === 0) return utf8;
    // Almost all valid: at least ten well-formed multi-byte characters for every broken sequence.
    if (this.utf8Valid >= 10 * utf8Invalid) return utf8;
    if (gbInvalid < utf8Invalid) return { encoding: 'gb18030', bomLength: 0, invalidUtf8: 0, invalidLines: [] };
    return utf8;
  }
}

/** Tells the encoding of bytes held in memory (a whole file, or a sample of one). */
export function detectEncoding(bytes: Uint8Array, complete = false): { encoding: Encoding; bomLength: number } {
  const scanner = new EncodingScanner();
  scanner.push(bytes);
  const { encoding, bomLength } = scanner.verdict(complete);
  return { encoding, bomLength };
}

/** Decodes a byte stream to a string stream, dropping the BOM. */
export function decodeStream(bytes: Readable, encoding: Encoding): Readable {
  const iconvName = encoding === 'utf8' ? 'utf8' : encoding === 'utf16le' ? 'utf16le' : encoding === 'utf16be' ? 'utf16be' : 'gb18030';
  return bytes.pipe(iconv.decodeStream(iconvName, { stripBOM: true })) as unknown as Readable;
}

/** A decoder fed bytes in parts, for a sample read in parts; drops the BOM. */
export function textDecoder(encoding: Encoding): { write(bytes: Buffer): string } {
  return iconv.getDecoder(encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
}

export function decodeBuffer(bytes: Uint8Array, encoding: Encoding): string {
  const text = iconv.decode(Buffer.from(bytes), encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
  return text;
}

const BOMS: Record<Encoding, readonly number[]> = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], gb18030: [] };

/** Encodes text back into the bytes of a file read in `encoding`, with the byte-order mark it had. */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  const body = iconv.encode(text, encoding === 'utf8' ? 'utf8' : encoding);
  return bom && BOMS[encoding].length > 0 ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}
