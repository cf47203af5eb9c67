import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoInputError, Supportlint, UsageError } from '../src/api/index.js';
import { REPO_CONFIG, ROOT, runCli } from './support/cli.js';

const SAMPLE = 'fixtures/jsonl/transcripts.jsonl';

describe('the Supportlint class', () => {
  it('lints files to the same results and counts as `supportlint lint -f json`', async () => {
    const linter = new Supportlint({ cwd: ROOT, configFile: REPO_CONFIG });
    const { results, summary, files } = await linter.lintFiles([SAMPLE]);
    const cli = JSON.parse((await runCli(['lint', SAMPLE, '-c', REPO_CONFIG, '-f', 'json'])).stdout);
    expect(files).toEqual([SAMPLE]);
    expect(results.map((r) => r.conversationId)).toEqual(cli.results.map((r: { conversationId: string }) => r.conversationId));
    expect(results.flatMap((r) => r.findings.map((f) => `${r.conversationId} ${f.ruleId} ${f.messageSeq}`))).toEqual(
      cli.results.flatMap((r: { conversationId: string; findings: Array<{ ruleId: string; messageSeq: number | null }> }) => r.findings.map((f) => `${r.conversationId} ${f.ruleId} ${f.messageSeq}`)),
    );
    expect({ errors: summary.errors, warnings: summary.warnings, records: summary.records }).toEqual({ errors: cli.summary.errors, warnings: cli.summary.warnings, records: cli.summary.records });
  });

  it('lints text held in memory, naming it as the caller does', async () => {
    const linter = new Supportlint({ cwd: ROOT, rules: ['blame-shifting'] });
    const text = [
      { conversation_id: 'm-1', role: 'customer', text: '我的快递三天没动了' },
      { conversation_id: 'm-1', role: 'agent', agent: '小周', text: '这个是快递那边的问题，您去问一下快递吧' },
    ].map((line) => JSON.stringify(line)).join('\n');
    const { results, summary } = await linter.lintText(text, { filePath: 'chat.jsonl' });
    expect(results).toHaveLength(1);
    expect(results[0]!.file).toBe('chat.jsonl');
    expect(results[0]!.findings.map((f) => f.ruleId)).toEqual(['blame-shifting']);
    expect(summary.records).toEqual({ read: 2, used: 2, skipped: 0 });
    const broken = await linter.lintText('这不是任何导出格式\n', { filePath: 'notes.txt' });
    expect(broken.results).toHaveLength(0);
    expect(broken.summary.unreadableFiles[0]!.location.file).toBe('notes.txt');
  });

  it('turns on a rule the configuration leaves off, as ESLint --rule does, and refuses a rule that does not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-api-'));
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nrules:\n  dismissive-emotion: off\n  vague-commitment: [off, { }]\n');
    const plain = new Supportlint({ cwd: dir });
    expect((await plain.rules()).map((r) => r.id)).not.toContain('dismissive-emotion');
    const chosen = new Supportlint({ cwd: dir, rules: ['dismissive-emotion', 'vague-commitment', 'blame-shifting'] });
    expect((await chosen.rules()).map((r) => [r.id, r.severity]).sort()).toEqual([['blame-shifting', 'error'], ['dismissive-emotion', 'warn'], ['vague-commitment', 'warn']]);
    const typo = new Supportlint({ cwd: dir, rules: ['dismisive-emotion'] });
    await expect(typo.lintSettings()).rejects.toThrow(/"dismissive-emotion"/);
    await expect(typo.lintSettings()).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a path that matches nothing, naming it', async () => {
    const linter = new Supportlint({ cwd: ROOT });
    const error = await linter.lintFiles([SAMPLE, 'nosuch/*.csv']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoInputError);
    expect((error as NoInputError).missing.map((m) => m.pattern)).toEqual(['nosuch/*.csv']);
    const resolved = await linter.resolveInputs([SAMPLE, 'nosuch/*.csv']);
    expect(resolved).toMatchObject({ files: [SAMPLE], missing: [{ pattern: 'nosuch/*.csv' }] });
  });

  it('formats results in any lint format, and builds the IQS report from the same files', async () => {
    const linter = new Supportlint({ cwd: ROOT, configFile: REPO_CONFIG });
    const { results, summary } = await linter.lintFiles([SAMPLE]);
    const json = JSON.parse(await linter.formatResults(results, summary, 'json'));
    expect(json.results).toHaveLength(results.length);
    expect(json.summary.errors).toBe(summary.errors);
    await expect(linter.formatResults(results, summary, 'xml')).rejects.toBeInstanceOf(UsageError);
    const report = await linter.buildReport([SAMPLE], { period: 'week', by: 'agent' });
    expect(report.data!.inputs.conversations).toBe(results.length);
    expect(report.summary.records).toEqual(summary.records);
    expect(linter.formatReport(report.data!, 'markdown')).toContain('IQS');
  });

  it('is what the package exports, once built (`import { Supportlint } from "supportlint"`)', () => {
    // Self-reference by package name resolves through package.json "exports" to dist/.
    const script = `
      import { Supportlint } from 'supportlint';
      const linter = new Supportlint({ configFile: ${JSON.stringify(REPO_CONFIG)} });
      const { results, summary } = await linter.lintFiles([${JSON.stringify(SAMPLE)}]);
      process.stdout.write(JSON.stringify({ conversations: results.length, errors: summary.errors, warnings: summary.warnings }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ conversations: 4, errors: 1, warnings: 5 });
    expect(path.isAbsolute(REPO_CONFIG)).toBe(true);
  });
});
