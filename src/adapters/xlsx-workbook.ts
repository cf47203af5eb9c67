import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { entryChunks, entryContent, zipDirectory, zipRecordsInOrder, type ZipEntry, type ZipSource } from '../io/zip-entries.js';

/** A worksheet the workbook lists, under the name its tab shows. */
export interface ListedSheet {
  name: string;
  /** Its merged cells (rows and columns from 1), top row first. */
  merges?: MergedRange[];
}

/** Cells merged into one (`<mergeCell ref="A2:A6"/>`, ECMA-376 Part 1, 18.3.1.55): the top-left one holds the value. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** More merged ranges than this in one sheet are not read: a transcript export merges a few per conversation. */
const MAX_MERGES = 1_000_000;
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell(?=[\s/>])[^>]*>/g;
const RANGE = /^\$?([A-Z]{1,3})\$?([0-9]{1,7}):\$?([A-Z]{1,3})\$?([0-9]{1,7})$/;

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/**
 * A worksheet's merged ranges. They follow the cells in the sheet's XML, so the part is inflated
 * and scanned once before its rows are read; only the ranges are kept.
 */
async function mergedRanges(source: ZipSource, entry: ZipEntry): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const scan = (text: string) => {
    MERGE_CELL.lastIndex = 0;
    let end = 0;
    for (let match = MERGE_CELL.exec(text); match && ranges.length < MAX_MERGES; match = MERGE_CELL.exec(text)) {
      end = match.index + match[0].length;
      const parts = RANGE.exec(attributesOf(match[0]).get('ref') ?? '');
      if (!parts) continue;
      const [top, bottom] = [Number(parts[2]), Number(parts[4])].sort((a, b) => a - b) as [number, number];
      const [left, right] = [columnNumber(parts[1]!), columnNumber(parts[3]!)].sort((a, b) => a - b) as [number, number];
      if (top !== bottom || left !== right) ranges.push({ top, left, bottom, right });
    }
    // A tag cut by the end of the chunk is read with the next one.
    const open = text.lastIndexOf('<');
    return open >= end && text.length - open < 1024 ? text.slice(open) : '';
  };
  for await (const chunk of entryChunks(source, entry)) carry = scan(carry + decoder.write(chunk));
  scan(carry + decoder.end());
  return ranges.sort((a, b) => a.top - b.top);
}

/**
 * A workbook's parts as a zip stream in the order a front-to-back reader needs them (see
 * workbookInOrder), the worksheets that stream holds, in the workbook's order, and those it lacks.
 */
export interface WorkbookInOrder {
  bytes: Readable;
  sheets: ListedSheet[];
  /** Worksheets the workbook lists whose part the archive does not hold, with the part's name. */
  missing: Array<ListedSheet & { part: string }>;
}

/** The workbook, relationship and other small parts are read whole: beyond this, something is wrong. */
const MAX_STRUCTURE_PART = 32 * 1024 * 1024;

const RELATIONSHIP_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIP_TYPES = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

const ELEMENT = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
const ATTRIBUTE = /([A-Za-z_][-\w.]*(?::[A-Za-z_][-\w.]*)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The five predefined entities and character references (XML 1.0, 4.6 and 4.1). */
function xmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!;
    const code = Number.parseInt(hex ?? decimal!, hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) attributes.set(match[1]!, xmlText(match[2] ?? match[3] ?? ''));
  return attributes;
}

/** A relationship's type without its namespace (`worksheet`, `sharedStrings` …), in either the transitional or the strict schema. */
function relationshipKind(type: string): string {
  for (const prefix of [RELATIONSHIP_TYPES, STRICT_RELATIONSHIP_TYPES]) if (type.startsWith(prefix)) return type.slice(prefix.length);
  return type;
}

/** A relationship's target as a part name: relative to the folder of the part that holds it, or absolute from the package root (OPC, ECMA-376 Part 2, 9.3). */
function targetPart(sourcePart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships part that belongs to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's internal relationships, by id: their kind and the part they point to. */
function relationshipsOf(xml: string, sourcePart: string): Map<string, { kind: string; part: string }> {
  const relationships = new Map<string, { kind: string; part: string }>();
  for (const [tag] of xml.matchAll(ELEMENT('Relationship'))) {
    const attributes = attributesOf(tag);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || attributes.get('TargetMode') === 'External') continue;
    if (!relationships.has(id)) relationships.set(id, { kind: relationshipKind(attributes.get('Type') ?? ''), part: targetPart(sourcePart, target) });
  }
  return relationships;
}

/** The attribute whose name is `id` in a namespace (`r:id`), whatever the prefix. */
function relationshipId(attributes: Map<string, string>): string | undefined {
  for (const [name, value] of attributes) if (/^[^:]+:id$/.test(name)) return value;
  return undefined;
}

/**
 * A workbook's parts in the order a front-to-back reader needs them, found through the package's
 * relationships rather than by their place in the zip: the workbook's relationships, the workbook,
 * its styles and shared strings, then every worksheet the workbook lists, in the workbook's order.
 * exceljs's streaming reader takes parts in the order the archive stores them: a workbook part
 * stored after the worksheets (as Excel and exceljs write it) left it without the sheet list, and
 * a worksheet stored before the shared strings was put aside in a temporary file and could be
 * lost. Parts are renamed to the names that reader knows, so worksheet parts named otherwise are
 * read too. Undefined when the archive's directory or the workbook part cannot be found: the
 * bytes are then read as they are, and the reader reports what is wrong.
 */
export async function workbookInOrder(source: ZipSource): Promise<WorkbookInOrder | undefined> {
  const directory = await zipDirectory(source);
  if (!directory) return undefined;
  // Part names are compared without regard to case (ECMA-376 Part 2, 6.2.2.3); the first of twins wins.
  const entries = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    const key = entry.name.replace(/^\//, '').toLowerCase();
    if (!entries.has(key)) entries.set(key, entry);
  }
  const entryOf = (part: string) => entries.get(part.toLowerCase());
  const textOf = async (part: string) => {
    const entry = entryOf(part);
    return entry && (await entryContent(source, entry, MAX_STRUCTURE_PART)).toString('utf8');
  };

  const packageRelationships = await textOf('_rels/.rels');
  const officeDocument = packageRelationships === undefined ? undefined : [...relationshipsOf(packageRelationships, '').values()].find((r) => r.kind === 'officeDocument');
  const workbookPart = officeDocument?.part ?? 'xl/workbook.xml';
  const workbookEntry = entryOf(workbookPart);
  const relationshipsEntry = entryOf(relationshipsPartOf(workbookPart));
  if (!workbookEntry || !relationshipsEntry) return undefined;
  const workbookXml = (await entryContent(source, workbookEntry, MAX_STRUCTURE_PART)).toString('utf8');
  const relationships = relationshipsOf((await entryContent(source, relationshipsEntry, MAX_STRUCTURE_PART)).toString('utf8'), workbookPart);

  const records: Array<{ entry: ZipEntry; name: string }> = [
    { entry: relationshipsEntry, name: 'xl/_rels/workbook.xml.rels' },
    { entry: workbookEntry, name: 'xl/workbook.xml' },
  ];
  for (const [kind, name] of [['styles', 'xl/styles.xml'], ['sharedStrings', 'xl/sharedStrings.xml']] as const) {
    // A workbook that does not relate these parts may still hold them under their usual names.
    const related = [...relationships.values()].find((r) => r.kind === kind);
    const entry = entryOf(related?.part ?? name);
    if (entry) records.push({ entry, name });
  }
  const sheets: ListedSheet[] = [];
  const missing: WorkbookInOrder['missing'] = [];
  const sheetsXml = /<(?:[\w.-]+:)?sheets[\s>][\s\S]*?<\/(?:[\w.-]+:)?sheets>/.exec(workbookXml)?.[0] ?? '';
  for (const [tag] of sheetsXml.matchAll(ELEMENT('sheet'))) {
    const attributes = attributesOf(tag);
    const name = attributes.get('name') ?? '';
    const id = relationshipId(attributes);
    const related = id === undefined ? undefined : relationships.get(id);
    // Chart sheets, dialog sheets and macro sheets hold no table of cells.
    if (related && related.kind !== 'worksheet') continue;
    const entry = related && entryOf(related.part);
    if (!entry) {
      missing.push({ name, part: related?.part ?? '' });
      continue;
    }
    // A sheet whose XML cannot be scanned is read without its merges; the reader reports what is wrong with it.
    sheets.push({ name, merges: await mergedRanges(source, entry).catch(() => []) });
    records.push({ entry, name: `xl/worksheets/sheet${sheets.length}.xml` });
  }
  return { bytes: await zipRecordsInOrder(source, directory, records), sheets, missing };
}
