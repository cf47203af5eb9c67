import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBuffer, detectEncoding } from '../io/decode.js';
import { readTableLibrary } from './read-table.js';
import { readTextLibrary } from './read-text.js';
import { readYamlLibrary } from './read-yaml.js';
import type { Library } from './reply.js';

export const LIBRARY_EXTENSIONS = ['yaml', 'yml', 'json', 'csv', 'tsv', 'txt', 'md'];

/** Reads a canned-reply library by its file ending; the encoding is detected as for transcripts. */
export async function readLibrary(file: string, name: string = file): Promise<Library> {
  const bytes = await readFile(file);
  return readLibrarySource(name, decodeBuffer(bytes, detectEncoding(bytes).encoding));
}

/** Reads a library's text, by the ending of its name. */
function readLibrarySource(file: string, source: string): Library {
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === 'yaml' || extension === 'yml') return readYamlLibrary(file, source, 'yaml');
  if (extension === 'json') return readYamlLibrary(file, source, 'json');
  if (extension === 'csv' || extension === 'tsv') return readTableLibrary(file, source);
  return readTextLibrary(file, source);
}
