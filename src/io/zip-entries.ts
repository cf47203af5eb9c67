import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One file inside a zip archive, as its central directory declares it (APPNOTE.TXT 4.3.12). */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated (4.4.5). */
  method: number;
  /** Where its local record (header, data, data descriptor) starts in the archive. */
  offset: number;
}

/** An archive's entries, and where its central directory starts (the end of the last local record). */
export interface ZipDirectory {
  entries: ZipEntry[];
  directoryOffset: number;
}

/** A zip archive on disk, or held in memory. */
export type ZipSource = string | Buffer;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The fixed part of a local file header (4.3.7). */
const LOCAL_HEADER_BYTES = 30;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const TAIL_BYTES = 22 + 0xffff;
/** A central directory larger than this is not read: an .xlsx has a few dozen entries. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** Reads `length` bytes at `position` (fewer at the end of the archive). */
type ReadAt = (position: number, length: number) => Promise<Buffer>;

async function withReader<T>(source: ZipSource, use: (readAt: ReadAt, size: number) => Promise<T>): Promise<T> {
  if (Buffer.isBuffer(source)) return use(async (position, length) => source.subarray(position, position + length), source.length);
  const handle = await open(source, 'r');
  try {
    const { size } = await handle.stat();
    return await use(async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    }, size);
  } finally {
    await handle.close();
  }
}

/**
 * The entries a zip archive declares in its central directory, read from the end of the file
 * without inflating anything; undefined when the file has no readable directory (it is cut short
 * or not a zip), which the reader that opens it then reports. Sizes in Zip64 extra fields are read.
 */
export async function zipEntries(source: ZipSource): Promise<ZipEntry[] | undefined> {
  return (await zipDirectory(source))?.entries;
}

/** The archive's central directory (see zipEntries), or undefined. */
export function zipDirectory(source: ZipSource): Promise<ZipDirectory | undefined> {
  return withReader(source, async (readAt, size) => {
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = await readAt(size - tailLength, tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) return undefined;
    let directorySize = tail.readUInt32LE(end + 12);
    let directoryOffset = tail.readUInt32LE(end + 16);
    if ((directorySize === 0xffffffff || directoryOffset === 0xffffffff || tail.readUInt16LE(end + 10) === 0xffff) && end >= 20 && tail.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
      const record = await readAt(Number(tail.readBigUInt64LE(end - 20 + 8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) return undefined;
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) return undefined;
    const entries = directoryEntries(await readAt(directoryOffset, directorySize));
    return entries && { entries, directoryOffset };
  });
}

function directoryEntries(directory: Buffer): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= directory.length; ) {
    if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const method = directory.readUInt16LE(at + 10);
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let offset = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64: a field of 0xFFFFFFFF is given in the extra field 0x0001, in this order (4.5.3).
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength && extra + 4 <= directory.length; ) {
      const id = directory.readUInt16LE(extra);
      const length = directory.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const wide = () => {
          const value = field + 8 <= directory.length ? Number(directory.readBigUInt64LE(field)) : NaN;
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = wide();
        if (compressedSize === 0xffffffff) compressedSize = wide();
        if (offset === 0xffffffff) offset = wide();
      }
      extra += 4 + length;
    }
    entries.push({ name, compressedSize, uncompressedSize, method, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's local record ends: where the next one starts, or the central directory. */
function recordEnd(directory: ZipDirectory, entry: ZipEntry): number {
  let end = directory.directoryOffset;
  for (const other of directory.entries) if (other.offset > entry.offset && other.offset < end) end = other.offset;
  return end;
}

/** Where an entry's data starts, after its local header; refused when the header is not where the directory says. */
async function dataStart(readAt: ReadAt, entry: ZipEntry): Promise<number> {
  const header = await readAt(entry.offset, LOCAL_HEADER_BYTES);
  if (header.length < LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`the zip entry ${entry.name} is not where the archive's directory says`);
  return entry.offset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/**
 * An entry's content, inflated as it is read, in chunks: for a part too large to hold whole. Fails
 * as entryContent does on an entry stored in a way this reader does not know.
 */
export async function* entryChunks(source: ZipSource, entry: ZipEntry): AsyncGenerator<Buffer> {
  const start = await withReader(source, (readAt) => dataStart(readAt, entry));
  if (entry.method !== 0 && entry.method !== 8) throw new Error(`the zip entry ${entry.name} is compressed with method ${entry.method}, which is not supported`);
  const compressed = Buffer.isBuffer(source)
    ? Readable.from([source.subarray(start, start + entry.compressedSize)])
    : createReadStream(source, { start, end: Math.max(start, start + entry.compressedSize - 1) });
  const data = entry.method === 0 ? compressed : compressed.pipe(createInflateRaw());
  try {
    for await (const chunk of data) yield chunk as Buffer;
  } finally {
    compressed.destroy();
    data.destroy();
  }
}

/**
 * An entry's content, inflated; refused when it would inflate beyond `maxBytes`, is stored in a
 * way this reader does not know, or its local header is not where the directory says.
 */
export function entryContent(source: ZipSource, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  return withReader(source, async (readAt) => {
    const data = await readAt(await dataStart(readAt, entry), Math.min(entry.compressedSize, maxBytes + 1));
    if (entry.method === 0) {
      if (data.length > maxBytes) throw new Error(`the zip entry ${entry.name} is larger than ${maxBytes} bytes`);
      return data;
    }
    if (entry.method !== 8) throw new Error(`the zip entry ${entry.name} is compressed with method ${entry.method}, which is not supported`);
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  });
}

/**
 * A zip stream of the given entries, in the order given and under the names given, for a reader
 * that reads an archive front to back: each entry's local record is copied as it is (its data,
 * and its data descriptor, untouched) with only the name in its header changed. The central
 * directory is left out, which a front-to-back reader does not use; an empty end record closes
 * the stream (unzipper fails on an archive that ends right after an entry's data). Every local
 * header is checked before the stream starts: a stream that fails midway leaves its reader waiting.
 */
export async function zipRecordsInOrder(source: ZipSource, directory: ZipDirectory, records: ReadonlyArray<{ entry: ZipEntry; name: string }>): Promise<Readable> {
  const pieces = await withReader(source, async (readAt) => {
    const found: Array<{ header: Buffer; start: number; end: number }> = [];
    for (const { entry, name } of records) {
      const header = await readAt(entry.offset, LOCAL_HEADER_BYTES);
      if (header.length < LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`the zip entry ${entry.name} is not where the archive's directory says`);
      const newName = Buffer.from(name, 'utf8');
      const renamed = Buffer.from(header);
      renamed.writeUInt16LE(newName.length, 26);
      // Bit 11: the name is UTF-8 (4.4.4).
      renamed.writeUInt16LE(renamed.readUInt16LE(6) | 0x0800, 6);
      found.push({ header: Buffer.concat([renamed, newName]), start: entry.offset + LOCAL_HEADER_BYTES + header.readUInt16LE(26), end: recordEnd(directory, entry) });
    }
    return found;
  });
  return Readable.from(
    (async function* () {
      for (const { header, start, end } of pieces) {
        yield header;
        if (end <= start) continue;
        if (Buffer.isBuffer(source)) yield source.subarray(start, end);
        else yield* createReadStream(source, { start, end: end - 1, highWaterMark: 1 << 16 });
      }
      const endRecord = Buffer.alloc(22);
      endRecord.writeUInt32LE(END_OF_DIRECTORY, 0);
      yield endRecord;
    })(),
    { objectMode: false },
  );
}
