import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../../src/formatters/fingerprint.js';
import { runCli } from '../support/cli.js';
import { parseXml } from '../support/xml.js';

describe('CI reports from one run', () => {
  it('writes the console, SARIF, JUnit, GitHub annotations and Markdown together, with the same findings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-ci-'));
    const file = (name: string) => path.join(dir, name);
    const run = await runCli([
      'lint', 'fixtures/jsonl/transcripts.jsonl',
      '-f', 'stylish', '-f', `sarif:${file('results.sarif')}`, '-f', `junit:${file('junit.xml')}`, '-f', `github:${file('annotations.txt')}`, '-f', `markdown:${file('comment.md')}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('6 个问题（1 个错误，5 个警告）');
    const sarif = JSON.parse(readFileSync(file('results.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(6);
    expect(sarif.runs[0].results.every((r: { partialFingerprints: Record<string, string> }) => FINGERPRINT_KEY in r.partialFingerprints)).toBe(true);
    const junit = parseXml(readFileSync(file('junit.xml'), 'utf8'));
    expect(junit.children[0]!.attributes).toMatchObject({ tests: '4', failures: '3' });
    const annotations = readFileSync(file('annotations.txt'), 'utf8').trimEnd().split('\n');
    expect(annotations.filter((l) => /^::(error|warning) /.test(l))).toHaveLength(6);
    expect(readFileSync(file('comment.md'), 'utf8')).toContain('6 个问题（1 个错误，5 个警告）');
  });

  it('lists the new formats in --help', async () => {
    const help = await runCli(['lint', '--help']);
    for (const name of ['sarif', 'junit', 'github', 'markdown']) expect(help.stdout).toContain(name);
  });
});
