import { open } from 'node:fs/promises';

/** One file inside a zip archive, as its central directory declares it (APPNOTE.TXT 4.3.12). */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const TAIL_BYTES = 22 + 0xffff;
/** A central directory larger than this is not read: an .xlsx has a few dozen entries. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/**
 * The entries a zip archive declares in its central directory, read from the end of the file
 * without inflating anything; undefined when the file has no readable directory (it is cut short
 * or not a zip), which the reader that opens it then reports. Sizes in Zip64 extra fields are read.
 */
export async function zipEntries(file: string): Promise<ZipEntry[] | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
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
      const record = Buffer.alloc(56);
      await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(end - 20 + 8)));
      if (record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) return undefined;
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) return undefined;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    return directoryEntries(directory);
  } finally {
    await handle.close();
  }
}

function directoryEntries(directory: Buffer): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  for (let at = 0; at + 46 <= directory.length; ) {
    if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    let compressedSize = directory.readUInt32LE(at + 20);
    let uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64: a size of 0xFFFFFFFF is given in the extra field 0x0001, uncompressed first (4.5.3).
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength && extra + 4 <= directory.length; ) {
      const id = directory.readUInt16LE(extra);
      const length = directory.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= directory.length) {
          uncompressedSize = Number(directory.readBigUInt64LE(field));
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= directory.length) compressedSize = Number(directory.readBigUInt64LE(field));
      }
      extra += 4 + length;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
