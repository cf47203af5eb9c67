/**
 * Fuzz targets, one per reader (every adapter in src/adapters/index.ts). Each reader gets its
 * bundled fixtures mutated (cut short, characters replaced, NUL/BOM/CR/long lines inserted, lines
 * dropped or repeated, JSON values swapped for values of the wrong type) and text made up from
 * scratch. For every case: nothing escapes readInputs, the summary accounts for every record
 * (读取 = 使用 + 跳过), no reader fails with a JavaScript error, and the canonical JSONL is valid.
 * A few cases per reader go through the command line (`convert --to jsonl`, `lint -f json`), and
 * fixtures saved in other encodings (UTF-16 with and without a BOM, GB18030) are read from files.
 *
 * The run is deterministic (seed 20261207); SUPPORTLINT_FUZZ_SEED picks another seed and
 * SUPPORTLINT_FUZZ_SCALE multiplies the number of cases, to fuzz longer by hand.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/index.js';
import { toCanonicalLines } from '../../src/formatters/canonical-jsonl.js';
import iconv from 'iconv-lite';
import { decodeBuffer, detectEncoding } from '../../src/io/decode.js';
import type { InputSource } from '../../src/io/input.js';
import { readInputs } from '../../src/runner/lint-files.js';
import { emptySummary } from '../../src/runner/summary.js';
import { OPTIONS } from '../support/adapters.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

const SEED = Number(process.env.SUPPORTLINT_FUZZ_SEED ?? 20261207);
const SCALE = Number(process.env.SUPPORTLINT_FUZZ_SCALE ?? 1);
/** Cases per text reader: mutated fixtures, wrong JSON types (JSON readers), text from scratch. */
const MUTATION_RUNS = Math.round(420 * SCALE);
const WRONG_TYPE_RUNS = Math.round(250 * SCALE);
const SCRATCH_RUNS = Math.round(120 * SCALE);
/** XLSX cases are slower (a zip, then XML): fewer of them. */
const XLSX_RUNS = Math.round(25 * SCALE);
const CLI_RUNS = Math.round(3 * SCALE);
/** Fixtures saved in another encoding and read from a file (the encoding is detected there). */
const ENCODING_RUNS = Math.round(60 * SCALE);

/** A JavaScript error's message, which no reader should ever report as its reason. */
const JS_ERROR = /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|Invalid array length|of undefined|of null/;

const TEXT_ADAPTERS = ADAPTERS.filter((a) => a.name !== 'xlsx');

function fixtureBytes(format: string): Array<{ name: string; bytes: Buffer }> {
  const dir = path.join(ROOT, 'fixtures', format);
  return readdirSync(dir)
    .filter((file) => !/\.expected\.jsonl?$/.test(file) && !file.endsWith('.md'))
    .map((file) => ({ name: file, bytes: readFileSync(path.join(dir, file)) }));
}

function fixtureTexts(format: string): Array<{ name: string; text: string }> {
  return fixtureBytes(format).map(({ name, bytes }) => ({ name, text: decodeBuffer(bytes, detectEncoding(bytes, true).encoding) }));
}

function textInput(name: string, text: string): InputSource {
  return { name, encoding: 'utf8', head: text.slice(0, 65536).replace(/\r(?!\n)/g, '\n'), text: () => Readable.from([text]) };
}

function bytesInput(name: string, bytes: Buffer): InputSource {
  return { name, encoding: 'utf8', head: bytes.subarray(0, 65536).toString('latin1'), text: () => Readable.from([bytes.toString('latin1')]), bytes: () => Readable.from([bytes]) };
}

/** Reads one input as `format` (or as detected) and checks what every reader owes its caller. */
async function check(input: InputSource, format: string | undefined): Promise<void> {
  // Reading in memory runs on promises alone: let the event loop (and the test runner) breathe.
  await new Promise((resolve) => setImmediate(resolve));
  const summary = emptySummary();
  let jsonl = '';
  await readInputs(['-'], { ...OPTIONS, format, stdin: input }, summary, {
    onConversation(conversation) {
      summary.conversations++;
      jsonl += toCanonicalLines(conversation, OPTIONS.timezone);
    },
  });
  expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
  for (const problem of [...summary.unreadableFiles, ...summary.skipped, ...summary.warningsAboutInput]) {
    expect(problem.reason, 'a reader failed with a JavaScript error').not.toMatch(JS_ERROR);
  }
  for (const line of jsonl.split('\n')) if (line !== '') JSON.parse(line);
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'drop-line' | 'repeat-line'; at: number };

const INSERTS = ['\u0000', '\ufeff', '\r', '\r\n', '\n\n', '\t', '"', '{', '[', ']', '}', ',', ':', '：', '\\', '\u2028', '\ud800', 'NULL', '!@@@!', '2026-11-02 10:00:00', '店铺:小林 2026-11-02 10:00:00\n', 'x'.repeat(70_000)];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(...INSERTS.slice(0, 16))) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'repeat-line' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'replace') out = out.slice(0, at) + m.char + out.slice(at + 1);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else {
      const lines = out.split('\n');
      const line = m.at % lines.length;
      if (m.kind === 'drop-line') lines.splice(line, 1);
      else lines.splice(line, 0, lines[line]!);
      out = lines.join('\n');
    }
  }
  return out;
}

/** JSON values of the wrong type for wherever they land. */
const wrongValueArb = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, 1e300, '', ' ', 'x', '2026-13-45', true, false, [], {}, [null], { __proto__: null }, { constructor: 1 }, [[[]]]),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every place in a JSON value, as a path of keys. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

function replaceAt(value: unknown, at: Array<string | number>, replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaceAt(copy[at[0]!], at.slice(1), replacement);
  return copy;
}

/** A fixture's JSON documents: one for a JSON file, one per line for JSONL. */
function jsonDocuments(text: string): unknown[] | undefined {
  try {
    return [JSON.parse(text)];
  } catch {
    try {
      return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
    } catch {
      return undefined;
    }
  }
}

const params = (runs: number) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

describe('reader fuzzing', () => {
  for (const adapter of TEXT_ADAPTERS) {
    const seeds = fixtureTexts(adapter.name);
    const jsonSeeds = seeds.flatMap((s) => {
      const docs = jsonDocuments(s.text);
      return docs ? [{ ...s, docs, single: !s.name.endsWith('.jsonl') && !s.name.endsWith('.txt') }] : [];
    });

    it(`${adapter.name}: mutated fixtures`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(seeds.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.boolean(), async (which, mutations, forced) => {
          const seed = seeds[which]!;
          await check(textInput(seed.name, mutate(seed.text, mutations)), forced ? adapter.name : undefined);
        }),
        params(MUTATION_RUNS),
      );
    });

    if (jsonSeeds.length > 0) {
      it(`${adapter.name}: values of the wrong type`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.nat(jsonSeeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(), wrongValueArb), { minLength: 1, maxLength: 3 }), async (which, swaps) => {
            const seed = jsonSeeds[which]!;
            const docs = [...seed.docs];
            for (const [doc, place, value] of swaps) {
              const d = doc % docs.length;
              const paths = pathsOf(docs[d]);
              docs[d] = replaceAt(docs[d], paths[place % paths.length]!, value);
            }
            const text = seed.single ? JSON.stringify(docs[0], null, 2) : docs.map((d) => JSON.stringify(d)).join('\n');
            await check(textInput(seed.name, text), adapter.name);
          }),
          params(WRONG_TYPE_RUNS),
        );
      });
    }

    it(`${adapter.name}: text from scratch`, async () => {
      const firstLines = seeds.map((s) => s.text.split('\n').slice(0, 3).join('\n'));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...firstLines, ''), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), async (start, a, b) => {
          await check(textInput(`scratch-${adapter.name}`, `${start}\n${a}\n${b}`), adapter.name);
        }),
        params(SCRATCH_RUNS),
      );
    });
  }

  it('xlsx: mutated workbooks (cut short, bytes flipped, bytes inserted)', async () => {
    const seeds = fixtureBytes('xlsx');
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.nat(), fc.nat(255), fc.constantFrom('truncate', 'flip', 'insert'), async (which, at, byte, kind) => {
        const bytes = Buffer.from(seeds[which]!.bytes);
        // Past the zip's first header, so that the input is still taken for a workbook.
        const where = 30 + (at % (bytes.length - 30));
        const mutated = kind === 'truncate' ? bytes.subarray(0, where) : kind === 'flip' ? (bytes.writeUInt8(byte, where), bytes) : Buffer.concat([bytes.subarray(0, where), Buffer.from([byte, 0, 0xef, 0xbb, 0xbf]), bytes.subarray(where)]);
        await check(bytesInput(seeds[which]!.name, mutated), 'xlsx');
      }),
      params(XLSX_RUNS),
    );
  }, 120_000);

  it('every encoding: a fixture saved as UTF-16LE/BE (with or without a BOM), GB18030 or UTF-8 with a BOM, whole or cut short, reads as in UTF-8', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-fuzz-enc-'));
    const seeds = TEXT_ADAPTERS.flatMap((adapter) => fixtureTexts(adapter.name).map((seed) => ({ ...seed, format: adapter.name })));
    const encodings = ['utf16le', 'utf16be', 'utf16le-bom', 'utf16be-bom', 'gb18030', 'utf8-bom'] as const;
    const encode = (text: string, encoding: (typeof encodings)[number]) => iconv.encode(text, encoding.replace('-bom', ''), { addBOM: encoding.endsWith('-bom') });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.constantFrom(...encodings), fc.option(fc.nat(), { nil: undefined }), async (which, encoding, cut) => {
        const seed = seeds[which]!;
        const whole = encode(seed.text, encoding);
        const bytes = cut === undefined ? whole : whole.subarray(0, cut % (whole.length + 1));
        const file = path.join(dir, `${n++}-${seed.name}`);
        writeFileSync(file, bytes);
        const read = async (name: string) => {
          const summary = emptySummary();
          let jsonl = '';
          await readInputs([name], { ...OPTIONS, cwd: dir }, summary, {
            onConversation(conversation) {
              jsonl += toCanonicalLines(conversation, OPTIONS.timezone).replaceAll(name, '<file>');
            },
          });
          return { summary, jsonl };
        };
        const { summary, jsonl } = await read(path.basename(file));
        expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
        for (const line of jsonl.split('\n')) if (line !== '') JSON.parse(line);
        if (cut === undefined) {
          const plain = path.join(dir, `${n++}-plain-${seed.name}`);
          writeFileSync(plain, seed.text);
          const expected = await read(path.basename(plain));
          expect(summary.records).toEqual(expected.summary.records);
          expect(jsonl).toBe(expected.jsonl);
        }
      }),
      params(ENCODING_RUNS),
    );
  }, 300_000);

  it('the command line: convert --to jsonl and lint -f json give valid JSON for mutated fixtures of every reader', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-fuzz-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TEXT_ADAPTERS.map((a) => a.name)), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (format, mutations) => {
        const seed = fixtureTexts(format)[0]!;
        const file = path.join(dir, `${n++}-${seed.name}`);
        writeFileSync(file, mutate(seed.text, mutations));
        const convert = await runCli(['convert', file, '--to', 'jsonl', '--input-format', format]);
        expect([0, 2]).toContain(convert.code);
        expect(convert.stderr).not.toMatch(/意外失败/);
        for (const line of convert.stdout.split('\n')) if (line !== '') JSON.parse(line);
        const lint = await runCli(['lint', file, '-c', REPO_CONFIG, '-f', 'json', '--input-format', format]);
        expect(lint.stderr).not.toMatch(/意外失败/);
        const report = JSON.parse(lint.stdout) as { summary: { records: { read: number; used: number; skipped: number } } };
        expect(report.summary.records.read).toBe(report.summary.records.used + report.summary.records.skipped);
      }),
      params(CLI_RUNS * TEXT_ADAPTERS.length),
    );
  }, 120_000);
});
