import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { removeOnExit } from './temp-cleanup.js';
import { decodeBuffer, decodePlan, decodeStream, EncodingScanner, textDecoder, withoutNul, type Encoding, type EncodingVerdict } from './decode.js';
import { skipSpace, valueEnd } from './json-scan.js';

const HEAD_BYTES = 64 * 1024;
/**
 * Detection needs a whole first record: the sample grows past a first line longer than 64 KB, or
 * past leading blank lines, up to this many bytes.
 */
const MAX_HEAD_BYTES = 8 * 1024 * 1024;

/**
 * Whether a sample holds a whole first record: for a JSON array, its first item (the array is
 * often one long line, and detection needs only that item); otherwise a complete non-blank line.
 */
function holdsFirstRecord(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0) return false;
  if (text.charCodeAt(start) === 0x5b) {
    const item = skipSpace(text, start + 1);
    return item < text.length && (text.charCodeAt(item) === 0x5d || valueEnd(text, item) >= 0);
  }
  return /[\r\n]/.test(text.slice(start));
}

/** One input, opened lazily: a sample for detection, then the full text as a stream. */
export interface InputSource {
  /** The path as the user gave it, or "<stdin>". */
  readonly name: string;
  readonly encoding: Encoding;
  /** The decoded start of the input, for format detection. */
  readonly head: string;
  /** Its size in bytes, where it is a file. */
  readonly size?: number;
  /** UTF-8 byte sequences that were not valid and are read as U+FFFD, and the first lines holding them. */
  readonly invalidUtf8?: { count: number; lines: number[] };
  /** A UTF-8 input with lines in GB18030: each line is decoded on its own; these lines are warned about. */
  readonly legacyLines?: { encoding: Encoding; count: number; lines: number[] };
  /** The legacy encoding used could not be told from the other one (GB18030 or Big5). */
  readonly encodingUncertain?: boolean;
  /** NUL bytes, dropped from the text (`head` and `text()` hold none): how many, and the first line with one. */
  readonly nulBytes?: { count: number; firstLine: number };
  /** The whole decoded text, streamed from the start; each call starts a new stream. */
  text(): Readable;
  /**
   * The raw bytes, undecoded, from the start; each call starts a new stream. For binary formats
   * (XLSX), which `head` and `text()` cannot carry. Absent for sources that only have text.
   */
  bytes?(): Readable;
  /** Where the bytes are on disk (for standard input, its temporary copy), for readers that need to seek. */
  readonly path?: string;
}

/** Streams every byte of a file once through the encoding scanner: memory stays constant. */
async function scanEncoding(file: string, headBytes: Buffer): Promise<EncodingVerdict> {
  const scanner = new EncodingScanner();
  // A ZIP (an XLSX workbook) is read as bytes, never decoded: its sample only has to show the
  // signature and the part names, which are ASCII. Its NUL bytes do not make it UTF-16.
  if (headBytes[0] === 0x50 && headBytes[1] === 0x4b && headBytes[2] === 0x03 && headBytes[3] === 0x04) {
    return { encoding: 'utf8' as const, bomLength: 0, invalidUtf8: 0, invalidLines: [] };
  }
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) scanner.push(chunk as Buffer);
  return scanner.verdict(true);
}

/** Opens a file; `name` is how reports call it (the path as the user gave it), when that differs. */
export async function openFile(path: string, name: string = path): Promise<InputSource> {
  const handle = await open(path, 'r');
  let headBytes: Buffer;
  let head: string;
  let verdict: Awaited<ReturnType<typeof scanEncoding>>;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    headBytes = buffer.subarray(0, bytesRead);
    // The encoding is decided on the whole file: GBK text after 64 KB of ASCII is still GBK.
    verdict = await scanEncoding(path, headBytes);
    // Decoded as it grows: each part once, a character cut at a part's end completed by the next;
    // a file read line by line is decoded again whole, a line at a time.
    const plan = decodePlan(verdict);
    const decoder = plan.perLine ? { write: () => decodeBuffer(headBytes, plan) } : textDecoder(verdict.encoding, plan.dropNul);
    head = decoder.write(headBytes);
    // Read on until the sample holds a whole record, or the sample limit.
    while (headBytes.length >= HEAD_BYTES && !holdsFirstRecord(head) && headBytes.length < MAX_HEAD_BYTES) {
      const more = Buffer.alloc(Math.min(headBytes.length, MAX_HEAD_BYTES - headBytes.length));
      const { bytesRead: got } = await handle.read(more, 0, more.length, headBytes.length);
      if (got === 0) break;
      headBytes = Buffer.concat([headBytes, more.subarray(0, got)]);
      head = plan.perLine ? decoder.write(headBytes) : head + decoder.write(more.subarray(0, got));
    }
  } finally {
    await handle.close();
  }
  const { encoding } = verdict;
  const plan = decodePlan(verdict);
  return {
    name,
    encoding,
    size,
    // Detectors split lines on LF; an export with CR-only line ends (old Mac) is shown to them with LF.
    head: head.replace(/\r(?!\n)/g, '\n'),
    invalidUtf8: verdict.invalidUtf8 > 0 ? { count: verdict.invalidUtf8, lines: verdict.invalidLines } : undefined,
    legacyLines: verdict.legacyLines,
    encodingUncertain: verdict.uncertain,
    nulBytes: verdict.nulBytes,
    text: () => decodeStream(createReadStream(path), plan),
    bytes: () => createReadStream(path),
    path,
  };
}

/**
 * The whole decoded text of an input, for formats read whole. A UTF-8 file is read in one call and
 * decoded natively, which is several times cheaper than the decoding stream and gives the same
 * text (U+FFFD for each invalid sequence, the BOM dropped).
 */
export async function wholeText(input: InputSource): Promise<string> {
  if (input.path && input.encoding === 'utf8') {
    const bytes = await readFile(input.path);
    // UTF-8 with lines in GB18030 is decoded a line at a time; JSON strings never span a raw line break.
    if (input.legacyLines) return decodeBuffer(bytes, { encoding: 'utf8', perLine: true, dropNul: input.nulBytes !== undefined });
    const text = input.nulBytes ? withoutNul(bytes.toString('utf8')) : bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  let text = '';
  for await (const chunk of input.text()) text += chunk;
  return text;
}

/**
 * Reads standard input. It is copied to a temporary file first, because message formats are read
 * twice (see adapters/grouping.ts) and a pipe can only be read once; the file is removed when the
 * process ends, by exit or by SIGINT, SIGTERM or SIGHUP.
 */
export async function openStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<InputSource> {
  const dir = await mkdtemp(path.join(tmpdir(), 'supportlint-stdin-'));
  // A copy of the input must not outlive the run: removed on exit, and on SIGINT/SIGTERM/SIGHUP.
  removeOnExit(dir);
  const file = path.join(dir, 'stdin');
  await pipeline(stdin, createWriteStream(file));
  const source = await openFile(file);
  return { ...source, name: '<stdin>' };
}

/**
 * Splits a text stream into lines, numbered from 1. Handles LF, CRLF and CR alone. Linear in the
 * input however long a line is: a line that spans many chunks is collected in a list and joined
 * once, and each chunk is scanned from where the last scan stopped.
 */
export async function* readLines(text: AsyncIterable<string | Buffer>): AsyncGenerator<{ line: string; lineNumber: number }> {
  let parts: string[] = [];
  let lineNumber = 0;
  /** The previous chunk ended with CR: a LF at the start of this one belongs to it. */
  let pendingCr = false;
  for await (const raw of text) {
    const chunk = typeof raw === 'string' ? raw : raw.toString('utf8');
    let from = 0;
    if (pendingCr && chunk.startsWith('\n')) from = 1;
    pendingCr = false;
    // Each search resumes where it stopped: a chunk without CR is searched for CR once.
    let lf = chunk.indexOf('\n', from);
    let cr = chunk.indexOf('\r', from);
    for (;;) {
      if (lf >= 0 && lf < from) lf = chunk.indexOf('\n', from);
      if (cr >= 0 && cr < from) cr = chunk.indexOf('\r', from);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) {
        if (from < chunk.length) parts.push(chunk.slice(from));
        break;
      }
      parts.push(chunk.slice(from, end));
      const line = parts.length === 1 ? parts[0]! : parts.join('');
      parts = [];
      yield { line, lineNumber: ++lineNumber };
      if (chunk[end] === '\r') {
        if (end + 1 === chunk.length) {
          pendingCr = true;
          break;
        }
        from = chunk[end + 1] === '\n' ? end + 2 : end + 1;
      } else from = end + 1;
    }
  }
  if (parts.length > 0) {
    const line = parts.join('');
    if (line.length > 0) yield { line, lineNumber: lineNumber + 1 };
  }
}
