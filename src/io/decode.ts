import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { Readable, Transform } from 'node:stream';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' | 'big5';

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
  /**
   * A UTF-8 file with some lines in GB18030 (an export that was appended to from Excel on a
   * Chinese-language Windows): each line is decoded on its own, and these lines are warned about.
   */
  legacyLines?: { encoding: 'gb18030'; count: number; lines: number[] };
  /** A legacy encoding was chosen, but the bytes read about as well as GB18030 and as Big5. */
  uncertain?: boolean;
  /**
   * NUL bytes in a file that is not UTF-16 (padding, a damaged export): no text holds them, so they
   * are dropped when the file is decoded. How many, and the first line that has one.
   */
  nulBytes?: { count: number; firstLine: number };
}

/**
 * Whether a line with broken UTF-8 is in a legacy encoding: GB18030 reads it without error, and
 * its broken sequences outnumber its well-formed multi-byte ones (a UTF-8 line with a stray byte
 * or a pasted GBK word has more well-formed characters than broken ones).
 */
function lineIsLegacy(invalid: number, valid: number, gbInvalid: number): boolean {
  return invalid > 0 && gbInvalid === 0 && valid < invalid;
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
  private gbLead = 0;
  // Big5 against GB18030, for text that is not UTF-8: double-byte characters, those whose second
  // byte is 40-7E (Big5 has about half its characters there, GB2312 none), and those Big5 (with
  // the Hong Kong extension, HKSCS) cannot have: a first byte 81-86, a second byte 80-A0, or a
  // four-byte GB18030 sequence.
  private pairs = 0;
  private lowTrails = 0;
  private notBig5 = 0;
  private line = 1;
  private readonly lines: number[] = [];
  // The current line: broken and well-formed UTF-8 sequences, GB18030 errors, and whether it has a
  // well-formed sequence of three bytes or more.
  private lineInvalid = 0;
  private lineValid = 0;
  private lineGbInvalid = 0;
  private lineLong = false;
  private sequenceLong = false;
  // Finished lines: valid UTF-8 with Han characters, lines in a legacy encoding, and UTF-8 lines
  // with stray bytes.
  private utf8HanLines = 0;
  private legacyCount = 0;
  private legacyInvalid = 0;
  private readonly legacyLineNumbers: number[] = [];
  private strayInvalid = 0;
  private readonly strayLines: number[] = [];
  private finished = false;
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
  /** NUL bytes, and those right after another NUL: padding comes in runs, UTF-16 text alternates. */
  private nulBytes = 0;
  private nulsAfterNul = 0;
  /** The line of the first NUL byte (1-based). */
  private firstNulLine = 0;

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
    // A line that has broken bytes is sorted by all its bytes: step up to its end.
    if (this.need === 0 && (this.lineInvalid > 0 || this.lineGbInvalid > 0)) {
      while (start < chunk.length && (this.lineInvalid > 0 || this.lineGbInvalid > 0)) this.step(chunk[start++]!);
    }
    if (this.need === 0 && start < chunk.length) {
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
        const ascii = isAscii(body);
        // Valid UTF-8 with a sequence of three bytes or more: UTF-8 lines with Han characters.
        const han = !ascii && hasLongSequence(bytes);
        let lastBreak = -1;
        for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
          if (han) this.lineLong = true;
          this.endLine();
          lastBreak = at;
        }
        // At least one well-formed multi-byte character; a chunk with a broken sequence is counted exactly.
        if (!ascii) {
          this.utf8Valid++;
          // The line that goes on into the next chunk: its well-formed characters, about one in three bytes.
          const tail = bytes.subarray(lastBreak + 1);
          if (!isAscii(tail)) {
            this.lineValid += Math.ceil(tail.length / 3);
            if (han) this.lineLong = true;
          }
        }
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
      // Lines before this chunk are counted already (push counts them after this).
      if (this.nulBytes === 0) this.firstNulLine = this.line + lineFeedsIn(bytes.subarray(0, at));
      this.nulBytes++;
      if ((at > 0 ? bytes[at - 1]! : this.previousByte) === 0) this.nulsAfterNul++;
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

  /**
   * UTF-8 with NUL bytes in its fields, which may fall on one side of the code units by chance (rows
   * of one length with a NUL in the same place): all but a stray sequence is valid UTF-8, and the
   * text has multi-byte characters, or most code units have no NUL. UTF-16 text is not so: Chinese
   * in UTF-16 breaks UTF-8 within a few characters, and ASCII in UTF-16 has a NUL in every code
   * unit (and no multi-byte UTF-8 sequence). So NULs that happen to line up do not make UTF-16.
   */
  private utf8WithNuls(complete: boolean): boolean {
    this.finish(complete);
    const units = Math.floor(this.offset / 2);
    const withNul = Math.max(this.nulLowUnits, this.nulHighUnits);
    return this.utf8Valid >= 10 * this.utf8Invalid && (this.utf8Valid > 0 || withNul * 2 < units);
  }

  /**
   * UTF-8 padded with NUL bytes (fixed-width database columns): every byte sequence is valid UTF-8,
   * and the NULs come in runs (at least half of them right after another NUL), where UTF-16 text
   * has them one at a time, beside each ASCII character. Read as UTF-16, such a file was garbage.
   */
  private nulPaddedUtf8(complete: boolean): boolean {
    if (this.nulsAfterNul * 2 < this.nulBytes) return false;
    this.finish(complete);
    return this.utf8Invalid === 0;
  }

  private step(byte: number): void {
    if (byte < 0x80 && this.need === 0 && this.gbState === 0) {
      if (byte === 0x0a) this.endLine();
      return;
    }
    // GB18030 first: a line break that cuts a character off is an error of the line it ends.
    this.gb(byte);
    this.utf8(byte);
  }

  private invalidUtf8(): void {
    this.utf8Invalid++;
    this.lineInvalid++;
    if (this.lines.length < INVALID_LINES_KEPT && this.lines[this.lines.length - 1] !== this.line) this.lines.push(this.line);
  }

  private gbError(): void {
    this.gbInvalid++;
    this.lineGbInvalid++;
  }

  /**
   * Sorts the line that ends here. A line that is valid UTF-8 with a character of three bytes or
   * more (all Han characters are) is UTF-8 beyond doubt: GBK text is almost never valid UTF-8, and
   * where a short GBK line happens to be, it is two-byte sequences (none in 10,000 lines of the
   * corpus re-encoded as GBK). A line with invalid UTF-8 is legacy when GB18030 reads it without
   * error and its broken sequences outnumber its well-formed ones; otherwise it is UTF-8 with a
   * stray byte.
   */
  private endLine(): void {
    if (this.lineInvalid === 0) {
      if (this.lineLong) this.utf8HanLines++;
    } else if (lineIsLegacy(this.lineInvalid, this.lineValid, this.lineGbInvalid)) {
      this.legacyInvalid += this.lineInvalid;
      this.legacyCount++;
      if (this.legacyLineNumbers.length < INVALID_LINES_KEPT) this.legacyLineNumbers.push(this.line);
    } else {
      this.strayInvalid += this.lineInvalid;
      if (this.strayLines.length < INVALID_LINES_KEPT) this.strayLines.push(this.line);
    }
    this.line++;
    this.lineInvalid = 0;
    this.lineValid = 0;
    this.lineGbInvalid = 0;
    this.lineLong = false;
  }

  /** The WHATWG UTF-8 decoder's state machine, counting errors instead of emitting U+FFFD. */
  private utf8(byte: number): void {
    if (this.need === 0) {
      if (byte < 0x80) {
        if (byte === 0x0a) this.endLine();
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
      this.sequenceLong = this.need >= 2;
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
    if (--this.need === 0) {
      this.utf8Valid++;
      this.lineValid++;
      if (this.sequenceLong) this.lineLong = true;
    }
  }

  private gb(byte: number): void {
    switch (this.gbState) {
      case 0:
        if (byte >= 0x81 && byte <= 0xfe) {
          this.gbState = 1;
          this.gbLead = byte;
        } else if (byte >= 0x80) this.gbError();
        return;
      case 1:
        if (byte >= 0x30 && byte <= 0x39) {
          this.gbState = 2;
          this.notBig5++;
        } else {
          if ((byte < 0x40 || byte === 0x7f || byte === 0xff)) this.gbError();
          else {
            this.pairs++;
            if (byte <= 0x7e) this.lowTrails++;
            if (this.gbLead <= 0x86 || (byte >= 0x80 && byte <= 0xa0)) this.notBig5++;
          }
          this.gbState = 0;
        }
        return;
      case 2:
        if (byte >= 0x81 && byte <= 0xfe) this.gbState = 3;
        else {
          this.gbError();
          this.gbState = 0;
        }
        return;
      default:
        if (byte < 0x30 || byte > 0x39) this.gbError();
        this.gbState = 0;
    }
  }

  /** Lines finished so far that are in a legacy encoding. */
  legacyLineCount(): number {
    return this.legacyCount;
  }

  /** Ends the scan: a sequence cut off at the end is an error when the scan saw the whole input. */
  private finish(complete: boolean): void {
    if (this.finished) return;
    this.finished = true;
    if (complete && this.need > 0) {
      this.need = 0;
      this.invalidUtf8();
    }
    if (complete && this.gbState > 0) {
      this.gbState = 0;
      this.gbError();
    }
    if (this.lineInvalid > 0 || this.lineLong) this.endLine();
  }

  /**
   * Big5 or GB18030, for text that is not UTF-8. Big5 has about half its characters with a second
   * byte in 40-7E, and none with a first byte in 81-A0 or a second in 80-A0; GB2312 text has no
   * second byte below A1 at all. Measured on the corpus re-encoded both ways: Big5 0.52 of the
   * characters in 40-7E and none impossible, GBK 0.000 (0.12 for traditional characters in GBK,
   * which then has many that Big5 cannot have).
   */
  private legacyEncoding(): { encoding: 'gb18030' | 'big5'; uncertain?: boolean } {
    if (this.pairs === 0) return { encoding: 'gb18030' };
    const low = this.lowTrails / this.pairs;
    const impossible = this.notBig5 / this.pairs;
    if (low >= 0.3 && impossible <= 0.01) return this.pairs >= 10 ? { encoding: 'big5' } : { encoding: 'big5', uncertain: true };
    if (low < 0.15 || impossible >= 0.05) return { encoding: 'gb18030' };
    return { encoding: low >= 0.3 ? 'big5' : 'gb18030', uncertain: true };
  }

  /** The verdict. `complete`: the scan saw the whole input, so a sequence cut off at the end is an error. */
  verdict(complete = true): EncodingVerdict {
    if (this.bom && this.bom.encoding !== 'utf8') return { ...this.bom, invalidUtf8: 0, invalidLines: [] };
    const utf16 = this.bom ? undefined : this.utf16WithoutBom();
    if (utf16 && !this.nulPaddedUtf8(complete) && !this.utf8WithNuls(complete)) return { encoding: utf16, bomLength: 0, invalidUtf8: 0, invalidLines: [] };
    this.finish(complete);
    const nulBytes = this.nulBytes > 0 ? { nulBytes: { count: this.nulBytes, firstLine: this.firstNulLine } } : {};
    const utf8Invalid = this.utf8Invalid;
    const bomLength = this.bom?.bomLength ?? 0;
    const utf8 = { encoding: 'utf8' as const, bomLength, invalidUtf8: utf8Invalid, invalidLines: utf8Invalid > 0 ? [...this.lines] : [], ...nulBytes };
    if (this.bom || utf8Invalid === 0) return utf8;
    // UTF-8 lines with Han characters beside lines in GBK: each line is read in its own encoding.
    if (this.legacyCount > 0 && this.utf8HanLines > 0) {
      return {
        encoding: 'utf8',
        bomLength,
        invalidUtf8: this.strayInvalid,
        invalidLines: [...this.strayLines],
        legacyLines: { encoding: 'gb18030', count: this.legacyCount, lines: [...this.legacyLineNumbers] },
        ...nulBytes,
      };
    }
    // Almost all valid: at least ten well-formed multi-byte characters for every broken sequence.
    if (this.utf8Valid >= 10 * utf8Invalid) return utf8;
    if (this.gbInvalid < utf8Invalid) return { ...this.legacyEncoding(), bomLength: 0, invalidUtf8: 0, invalidLines: [], ...nulBytes };
    return utf8;
  }
}

function lineFeedsIn(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** Whether valid UTF-8 holds a sequence of three bytes or more (a lead byte E0-F4). */
function hasLongSequence(bytes: Buffer): boolean {
  for (let lead = 0xe0; lead <= 0xf4; lead++) if (bytes.includes(lead)) return true;
  return false;
}

/**
 * Whether one line (without its line break) of a file read line by line is in GB18030: the same
 * test as the scanner's.
 */
export function isLegacyLine(line: Uint8Array): boolean {
  if (isUtf8(line)) return false;
  const scanner = new EncodingScanner();
  scanner.push(line);
  scanner.push(LINE_BREAK);
  return scanner.legacyLineCount() > 0;
}

const LINE_BREAK = new Uint8Array([0x0a]);

/** Tells the encoding of bytes held in memory (a whole file, or a sample of one). */
export function detectEncoding(bytes: Uint8Array, complete = false): { encoding: Encoding; bomLength: number } {
  const scanner = new EncodingScanner();
  scanner.push(bytes);
  const { encoding, bomLength } = scanner.verdict(complete);
  return { encoding, bomLength };
}

/** How an input's bytes become text: one encoding, or UTF-8 with some lines in GB18030. */
export interface DecodePlan {
  encoding: Encoding;
  /** Each line is decoded on its own: UTF-8, or GB18030 where it is not UTF-8 and GB18030 reads it. */
  perLine?: boolean;
  /** The bytes hold NULs (EncodingVerdict.nulBytes), which are dropped from the text. */
  dropNul?: boolean;
}

/** The plan for bytes the scanner gave this verdict. */
export function decodePlan(verdict: EncodingVerdict): DecodePlan {
  return { encoding: verdict.encoding, perLine: verdict.legacyLines !== undefined, dropNul: verdict.nulBytes !== undefined };
}

/** Text without NUL characters: padding and damage, which no message or field holds. */
export function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

function nulDropStream(): Transform {
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      done(null, withoutNul(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
    },
  });
}

/** Decodes one line (its break included) of a file read line by line. */
function decodeLine(line: Buffer): string {
  const breakAt = line.length > 0 && line[line.length - 1] === 0x0a ? line.length - 1 : line.length;
  const body = line.subarray(0, breakAt);
  return isLegacyLine(body) ? decodeLegacyLine(body) + line.toString('latin1', breakAt) : line.toString('utf8');
}

/**
 * Decodes a line in GB18030, except runs of non-ASCII bytes that are valid UTF-8 with a sequence of
 * three bytes or more: a field pasted in UTF-8 (an agent name) in a record whose text was saved in
 * GBK. GBK text almost never forms such a run. The rest is decoded together, so a GBK character
 * whose second byte is ASCII (40-7E) is not cut.
 */
function decodeLegacyLine(body: Buffer): string {
  let text = '';
  let from = 0;
  for (let at = 0; at < body.length; ) {
    if (body[at]! < 0x80) {
      at++;
      continue;
    }
    let end = at;
    while (end < body.length && body[end]! >= 0x80) end++;
    const run = body.subarray(at, end);
    if (isUtf8(run) && hasLongSequence(run)) {
      text += iconv.decode(body.subarray(from, at), 'gb18030') + run.toString('utf8');
      from = end;
    }
    at = end;
  }
  return text + iconv.decode(body.subarray(from), 'gb18030');
}

/** Decodes bytes line by line (see DecodePlan.perLine); a line cut off at the end is decoded as it is. */
function decodeLinesOf(bytes: Buffer): string {
  const parts: string[] = [];
  let from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let at = bytes.indexOf(0x0a, from); at !== -1; at = bytes.indexOf(0x0a, from)) {
    parts.push(decodeLine(bytes.subarray(from, at + 1)));
    from = at + 1;
  }
  if (from < bytes.length) parts.push(decodeLine(bytes.subarray(from)));
  return parts.join('');
}

/** A stream that decodes bytes line by line; a line that spans chunks is decoded once it is whole. */
function lineDecodeStream(): Transform {
  let pending: Buffer[] = [];
  let first = true;
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      let bytes = chunk;
      if (first && bytes.length > 0) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      const lastBreak = bytes.lastIndexOf(0x0a);
      if (lastBreak === -1) {
        pending.push(bytes);
        done();
        return;
      }
      const whole = pending.length > 0 ? Buffer.concat([...pending, bytes.subarray(0, lastBreak + 1)]) : bytes.subarray(0, lastBreak + 1);
      pending = lastBreak + 1 < bytes.length ? [bytes.subarray(lastBreak + 1)] : [];
      done(null, decodeLinesOf(whole));
    },
    flush(done) {
      done(null, pending.length > 0 ? decodeLinesOf(Buffer.concat(pending)) : undefined);
    },
  });
}

/** Decodes a byte stream to a string stream, dropping the BOM (and NULs, when the plan says so). */
export function decodeStream(bytes: Readable, plan: Encoding | DecodePlan): Readable {
  const { encoding, perLine, dropNul } = typeof plan === 'string' ? { encoding: plan, perLine: false, dropNul: false } : plan;
  const text = perLine ? bytes.pipe(lineDecodeStream()).setEncoding('utf8') : (bytes.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable);
  return dropNul ? text.pipe(nulDropStream()) : text;
}

/** A decoder fed bytes in parts, for a sample read in parts; drops the BOM (and NULs, when asked). */
export function textDecoder(encoding: Encoding, dropNul = false): { write(bytes: Buffer): string } {
  const decoder = iconv.getDecoder(encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
  return dropNul ? { write: (bytes) => withoutNul(decoder.write(bytes)) } : decoder;
}

export function decodeBuffer(bytes: Uint8Array, plan: Encoding | DecodePlan): string {
  const { encoding, perLine, dropNul } = typeof plan === 'string' ? { encoding: plan, perLine: false, dropNul: false } : plan;
  const text = perLine
    ? decodeLinesOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    : iconv.decode(Buffer.from(bytes), encoding === 'utf8' ? 'utf8' : encoding, { stripBOM: true });
  return dropNul ? withoutNul(text) : text;
}

const BOMS: Record<Encoding, readonly number[]> = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], gb18030: [], big5: [] };
/** Encodes text back into the bytes of a file read in `encoding`, with the byte-order mark it had. */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  const body = iconv.encode(text, encoding === 'utf8' ? 'utf8' : encoding);
  return bom && BOMS[encoding].length > 0 ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}
