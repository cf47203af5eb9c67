import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../../src/adapters/index.js';
import { ROOT, REPO_CONFIG, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');

function zendeskWithBadHistory(): string {
  const export_ = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/zendesk-chat/chats.json'), 'utf8'));
  const chat = export_.chats[0];
  chat.history = ['', ...chat.history];
  return JSON.stringify({ ...export_, chats: [chat] });
}

describe('format detection never crashes the run', () => {
  // Exit 1 for the findings of good.jsonl; 2 when bad.json is not recognised at all, which fails the run.
  const bad: Array<[string, () => string, number]> = [
    ['a DCH dialogue with a null turn', () => '[{"id":"d1","turns":[null]}]', 2],
    ['a JSON dialogue whose messages are numbers', () => '{"conversations":[{"id":"k","messages":[1]}]}', 2],
    ['a Zendesk chat with an empty-string history entry', zendeskWithBadHistory, 1],
  ];
  for (const [name, content, code] of bad) {
    it(`${name}: reported with its file, and the good file is still linted`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-detect-'));
      copyFileSync(SAMPLE, path.join(dir, 'good.jsonl'));
      writeFileSync(path.join(dir, 'bad.json'), content());
      const result = await runCli(['lint', '-c', REPO_CONFIG, 'good.jsonl', 'bad.json', '-f', 'json', '-o', 'out.json'], { cwd: dir });
      expect(result.stderr).not.toContain('意外失败');
      expect(result.stderr).toContain('bad.json');
      expect(result.code).toBe(code);
      const report = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
      const { records } = report.summary;
      expect(records.read).toBe(records.used + records.skipped);
      expect(report.results.filter((r: { file: string }) => r.file === 'good.jsonl')).toHaveLength(4);
    });
  }

  it('a DCH export whose first dialogue has a null turn is still read as DCH, and that dialogue is skipped with its reason', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-detect-'));
    const good = { sender: 'customer', utterances: ['快递三天没到了'] };
    const reply = { sender: 'helpdesk', utterances: ['您好，我马上帮您查询物流，今天下午五点前回复您。'] };
    writeFileSync(path.join(dir, 'd.json'), JSON.stringify([{ id: 'd1', turns: [null, good, reply] }, { id: 'd2', turns: [good, reply] }]));
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'd.json', '-f', 'json'], { cwd: dir });
    expect(result.stderr).not.toContain('不是能识别的导出格式');
    const report = JSON.parse(result.stdout);
    // The dialogue with the bad turn is skipped as one record, with its place and reason; the other is linted.
    expect(report.summary.conversations).toBe(1);
    expect(report.summary.records).toEqual({ read: 2, used: 1, skipped: 1 });
    expect(report.summary.skipped[0].location).toEqual({ file: 'd.json', record: 0 });
    expect(report.summary.skipped[0].reason).toContain('对话 d1：第 1 轮的 sender');
  });

  it('a detector that throws means "not this format"', () => {
    for (const head of ['[{"id":"d1","turns":[null]}]', '{"conversations":[{"id":"k","messages":[1]}]}', '{"chats":[{"history":[""]}]}', '[null]', '{"turns":[1,2]}']) {
      expect(() => detectAdapter(head, 'x.json')).not.toThrow();
    }
  });
});
