import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { decodeBuffer, decodeStream, detectEncoding, type Encoding } from './decode.js';

const HEAD_BYTES = 64 * 1024;

/** One input, opened lazily: a sample for detection, then the full text as a stream. */
export interface InputSource {
  /** The path as the user gave it, or "<stdin>". */
  readonly name: string;
  readonly encoding: Encoding;
  /** The decoded start of the input, for format detection. */
  readonly head: string;
  /** The whole decoded text, streamed. Call once. */
  text(): Readable;
}

export async function openFile(path: string): Promise<InputSource> {
  const handle = await open(path, 'r');
  let headBytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    headBytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const { encoding } = detectEncoding(headBytes);
  return {
    name: path,
    encoding,
    head: decodeBuffer(headBytes, encoding),
    text: () => decodeStream(createReadStream(path), encoding),
  };
}

/** Reads standard input: the first 64 KiB are held for detection, then replayed before the rest. */
export async function openStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<InputSource> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = (stdin as Readable)[Symbol.asyncIterator]();
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    chunks.push(chunk);
    size += chunk.length;
  }
  const headBytes = Buffer.concat(chunks);
  const { encoding } = detectEncoding(headBytes);
  return {
    name: '<stdin>',
    encoding,
    head: decodeBuffer(headBytes.subarray(0, HEAD_BYTES), encoding),
    text: () => {
      const bytes = new PassThrough();
      void (async () => {
        bytes.write(headBytes);
        if (!done) {
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            if (!bytes.write(next.value)) await new Promise((resolve) => bytes.once('drain', resolve));
          }
        }
        bytes.end();
      })().catch((error: unknown) => bytes.destroy(error as Error));
      return decodeStream(bytes, encoding);
    },
  };
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
