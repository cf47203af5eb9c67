import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { linkedFolderWithin, writeFileAtomic } from '../io/atomic-file.js';
import { encodeText } from '../io/decode.js';
import { applyRewrites, type ReplyRewrite } from './fix.js';
import { readLibrarySource } from './index.js';
import type { Library } from './reply.js';

/** Why --fix leaves a library file as it is, in words for the user. */
export interface FixRefusal {
  refused: string;
}

export interface FixOutcome {
  /** The library source with the rewrites written in. */
  source: string;
  applied: number;
  skipped: number;
}

/**
 * The folder a command-line argument names: a folder itself, the folder of a file, or the fixed
 * part of a glob. --fix writes only inside it.
 */
export function argumentFolder(argument: string, cwd: string): string {
  const absolute = path.resolve(cwd, argument);
  try {
    if (statSync(absolute).isDirectory()) return absolute;
  } catch {
    // Not a path as it stands: a glob.
  }
  const { base, isGlob } = picomatch.scan(argument);
  return isGlob ? path.resolve(cwd, base || '.') : path.dirname(absolute);
}

/** The argument folder that holds a file found for it: the deepest one that contains its path. */
export function folderGivenFor(file: string, argumentFolders: readonly string[], cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const holding = argumentFolders.filter((folder) => absolute === folder || absolute.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  return holding.sort((a, b) => b.length - a.length)[0] ?? path.dirname(absolute);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Whether --fix may rewrite this library, and if not, why. A workbook cannot be rewritten without
 * losing what only Excel keeps; a file with bytes that were not UTF-8 would lose them; and a
 * symbolic link that leads out of the folder given is not followed, so a library cannot make
 * --fix write somewhere the user did not point it.
 */
export function fixRefusal(library: Library, absoluteFile: string, folder: string, cwd?: string): FixRefusal | undefined {
  if (library.kind === 'xlsx') {
    return { refused: 'XLSX 工作簿不能原样改写（改写会丢掉单元格格式、公式和其他工作表），未作修改。请按“建议”在 Excel 中修改，或另存为 CSV 后再用 --fix。' };
  }
  if (library.encoding && library.encoding.repaired > 0) {
    return { refused: `文件中有 ${library.encoding.repaired} 处字节不是有效的 UTF-8，读取时已替换为 �，写回会永久丢失原来的字节，未作修改。请先修正文件编码，再用 --fix。` };
  }
  if (library.encoding?.legacyLines) {
    return { refused: `文件中有 ${library.encoding.legacyLines} 行不是 UTF-8，读取时已按 GB18030 读取；写回会把这些行改存为 UTF-8，未作修改。请先把文件统一存为 UTF-8，再用 --fix。` };
  }
  // A folder of the checkout that is a link (a committed `replies` → /elsewhere) leads out of it.
  const linked = cwd === undefined ? undefined : linkedFolderWithin(absoluteFile, cwd);
  if (linked) {
    return { refused: `路径中的文件夹 ${linked.folder} 是指向 ${linked.target} 的符号链接，--fix 不会改写它所指向的文件，未作修改。如确需修改，请直接对目标文件运行 --fix。` };
  }
  let real: string;
  let realFolder: string;
  try {
    real = realpathSync(absoluteFile);
    realFolder = realpathSync(folder);
  } catch {
    return { refused: '找不到文件的实际位置，未作修改。' };
  }
  if (!isInside(real, realFolder)) {
    return { refused: `这是指向所给文件夹之外（${real}）的符号链接，--fix 不会改写文件夹之外的文件，未作修改。如确需修改，请直接对目标文件运行 --fix。` };
  }
  return undefined;
}

/** The library with the rewrites written into its source, ready to show or write. */
export function rewriteLibrary(library: Library, rewrites: readonly ReplyRewrite[]): Promise<FixOutcome> {
  return applyRewrites(library, rewrites, (source) => readLibrarySource(library.file, source));
}

/**
 * Writes a rewritten library over the file it was read from: whole or not at all, through a
 * temporary file, in the encoding it was read in and with its byte-order mark, and with its
 * permissions. The real file is written, so a symbolic link inside the folder stays a link.
 */
export async function writeLibrary(library: Library, absoluteFile: string, source: string): Promise<void> {
  const real = realpathSync(absoluteFile);
  const bytes = library.encoding ? encodeText(source, library.encoding.name, library.encoding.bom) : Buffer.from(source, 'utf8');
  await writeFileAtomic(real, bytes, { mode: statSync(real).mode & 0o777 });
}
