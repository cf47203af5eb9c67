import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

describe('temporary files of a run', () => {
  it('are gone when the run ends, also those of a damaged workbook read in a lint thread', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-temp-'));
    const temp = path.join(dir, 'tmp');
    mkdirSync(temp);
    try {
      // A first file large enough to keep the reading thread busy while a lint thread takes the workbook.
      const lines: string[] = [];
      for (let i = 0; i < 12_000; i++) {
        lines.push(JSON.stringify({ conversation_id: `c-${i >> 1}`, time: '2026-11-02T10:00:00+08:00', role: i % 2 ? 'agent' : 'customer', ...(i % 2 ? { agent: '小林' } : {}), text: i % 2 ? '您好，我马上帮您查一下物流信息，请稍等' : '我的快递三天没动了，麻烦帮我看看是怎么回事' }));
      }
      writeFileSync(path.join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
      // A workbook cut short: exceljs puts its worksheets in temporary files before it fails.
      copyFileSync(path.join(ROOT, 'fixtures/broken/truncated.xlsx'), path.join(dir, 'b.xlsx'));
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/supportlint.js'), 'lint', 'a.jsonl', 'b.xlsx', '--concurrency', '2'], {
        cwd: dir,
        env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(run.stdout + run.stderr).toContain('b.xlsx');
      expect(run.stdout).toContain('会话 6000');
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
