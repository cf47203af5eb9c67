import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decodeBuffer, decodeStream, EncodingScanner, type Encoding } from './decode.js';

const HEAD_BYTES = 64 * 1024;

/** One input, opened lazily: a sample for detection, then the full text as a stream. */
export interface InputSource {
  /** The path as the user gave it, or "<stdin>". */
  readonly name: string;
  readonly encoding: Encoding;
  /** The decoded start of the input, for format detection. */
  readonly head: string;
  /** UTF-8 byte sequences that were not valid and are read as U+FFFD, and the first lines holding them. */
  readonly invalidUtf8?: { count: number; lines: number[] };
  /** The whole decoded text, streamed from the start; each call starts a new stream. */
  text(): Readable;
  /**
   * The raw bytes, undecoded, from the start; each call starts a new stream. For binary formats
   * (XLSX), which `head` and `text()` cannot carry. Absent for sources that only have text.
   */
  bytes?(): Readable;
}

/** Streams every byte of a file once through the encoding scanner: memory stays constant. */
async function scanEncoding(file: string, headBytes: Buffer) {
  const scanner = new EncodingScanner();
  // A ZIP (an XLSX workbook) is read as bytes, never decoded: its sample is all the scan needs.
  if (headBytes[0] === 0x50 && headBytes[1] === 0x4b && headBytes[2] === 0x03 && headBytes[3] === 0x04) {
    scanner.push(headBytes);
    return scanner.verdict(false);
  }
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) scanner.push(chunk as Buffer);
  return scanner.verdict(true);
}

/** Opens a file; `name` is how reports call it (the path as the user gave it), when that differs. */
export async function openFile(path: string, name: string = path): Promise<InputSource> {
  const handle = await open(path, 'r');
  let headBytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    headBytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // The encoding is decided on the whole file: GBK text after 64 KB of ASCII is still GBK.
  const verdict = await scanEncoding(path, headBytes);
  const { encoding } = verdict;
  return {
    name,
    encoding,
    head: decodeBuffer(headBytes, encoding),
    invalidUtf8: verdict.invalidUtf8 > 0 ? { count: verdict.invalidUtf8, lines: verdict.invalidLines } : undefined,
    text: () => decodeStream(createReadStream(path), encoding),
    bytes: () => createReadStream(path),
  };
}

/**
 * Reads standard input. It is copied to a temporary file first, because message formats are read
 * twice (see adapters/grouping.ts) and a pipe can only be read once; the file is removed on exit.
 */
export async function openStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<InputSource> {
  const dir = await mkdtemp(path.join(tmpdir(), 'supportlint-stdin-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'stdin');
  await pipeline(stdin, createWriteStream(file));
  const source = await openFile(file);
  return { ...source, name: '<stdin>' };
}

/** Splits a text stream into lines, numbered from 1. Handles LF and CRLF. */
export async function* readLines(text: AsyncIterable<string | Buffer>): AsyncGenerator<{ line: string; lineNumber: number }> {
  let carry = '';
  let lineNumber = 0;
  for await (const chunk of text) {
    carry += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let newline = carry.indexOf('\n');
    while (newline >= 0) {
      const line = carry.slice(0, newline).replace(/\r$/, '');
      carry = carry.slice(newline + 1);
      yield { line, lineNumber: ++lineNumber };
      newline = carry.indexOf('\n');
    }
  }
  if (carry.length > 0) yield { line: carry.replace(/\r$/, ''), lineNumber: ++lineNumber };
}
