import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedPart, WorkbookTooLargeError, WORKBOOK_LIMITS } from '../../src/adapters/xlsx.js';
import { zipEntries } from '../../src/io/zip-entries.js';
import { REPO_CONFIG, ROOT, runCli } from '../support/cli.js';

/**
 * A copy of a workbook whose zip directory declares `part` to inflate to `size` bytes, as a zip
 * bomb's directory does (the data itself stays small: nothing needs to inflate for the test).
 */
function declaringSize(workbook: string, part: string, size: number): Buffer {
  const bytes = Buffer.from(readFileSync(workbook));
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) !== part) continue;
    bytes.writeUInt32LE(size, at + 24);
    return bytes;
  }
  throw new Error(`${part} is not in ${workbook}`);
}

const GIGABYTES_1_5 = 1_500_000_000;

describe('a workbook that inflates too far is skipped with a reason, and the other inputs are read', () => {
  it('the zip directory is read without inflating anything', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-xlsx-size-'));
    writeFileSync(path.join(dir, 'bomb.xlsx'), declaringSize(path.join(ROOT, 'fixtures/xlsx/meiqia-chats.xlsx'), 'xl/worksheets/sheet1.xml', GIGABYTES_1_5));
    const entries = await zipEntries(path.join(dir, 'bomb.xlsx'));
    expect(entries?.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.uncompressedSize).toBe(GIGABYTES_1_5);
    expect(entries?.find((e) => e.name === 'xl/sharedStrings.xml')?.uncompressedSize).toBeGreaterThan(0);
    writeFileSync(path.join(dir, 'cut.xlsx'), readFileSync(path.join(ROOT, 'fixtures/xlsx/meiqia-chats.xlsx')).subarray(0, 900));
    expect(await zipEntries(path.join(dir, 'cut.xlsx'))).toBeUndefined();
  });

  for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
    it(`lint: ${part} declared at 1.5 GB`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-xlsx-size-'));
      writeFileSync(path.join(dir, 'bomb.xlsx'), declaringSize(path.join(ROOT, 'fixtures/xlsx/meiqia-chats.xlsx'), part, GIGABYTES_1_5));
      copyFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), path.join(dir, 'good.jsonl'));
      const alone = JSON.parse((await runCli(['lint', '-c', REPO_CONFIG, 'good.jsonl', '-f', 'json'], { cwd: dir })).stdout);
      const result = await runCli(['lint', '-c', REPO_CONFIG, 'bomb.xlsx', 'good.jsonl', '-f', 'json'], { cwd: dir });
      const { summary } = JSON.parse(result.stdout);
      expect(summary.skipped).toEqual([{ location: { file: 'bomb.xlsx' }, reason: expect.stringContaining(`${part} 解压后有 1,431 MB`) }]);
      expect(summary.records.used).toBe(alone.summary.records.used);
      expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
      expect(result.code).toBe(1);
    });
  }

  it('replies: a library workbook declared at 1.5 GB is a broken library; the next library is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-xlsx-size-'));
    writeFileSync(path.join(dir, 'bomb.xlsx'), declaringSize(path.join(ROOT, 'fixtures/libraries/replies.xlsx'), 'xl/worksheets/sheet1.xml', GIGABYTES_1_5));
    copyFileSync(path.join(ROOT, 'fixtures/libraries/replies.yaml'), path.join(dir, 'good.yaml'));
    const result = await runCli(['replies', '-c', REPO_CONFIG, 'bomb.xlsx', 'good.yaml', '-f', 'json'], { cwd: dir });
    expect(result.stderr).toContain('超过上限');
    expect(JSON.parse(result.stdout).summary.records.used).toBeGreaterThan(0);
  });

  it('a worksheet that inflates beyond what its directory said is stopped while it streams: a row too long, a part too large', async () => {
    async function* chunks(sizes: number[], rowEnds: boolean) {
      for (const size of sizes) yield Buffer.from(`${'x'.repeat(size)}${rowEnds ? '</row>' : ''}`);
    }
    const drain = async (source: AsyncIterable<unknown>) => {
      for await (const _ of source) void _;
    };
    const small = { ...WORKBOOK_LIMITS, row: 1000, worksheet: 10_000 };
    await expect(drain(boundedPart(chunks([400, 400, 400], false), small))).rejects.toThrow(WorkbookTooLargeError);
    await expect(drain(boundedPart(chunks([400, 400, 400], true), small))).resolves.toBeUndefined();
    await expect(drain(boundedPart(chunks(Array(30).fill(400), true), small))).rejects.toThrow(/超过/);
  });
});
