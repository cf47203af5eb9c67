import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('--redact and the reasons records were skipped', () => {
  it('does not print the cells of a headerless table, which are data, when it lists the columns it found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-redact-skip-'));
    writeFileSync(path.join(dir, 'nohdr.csv'), 'c-88,2026-11-02 10:00:00,客户,王建国,我的快递三天都没动了\nc-88,2026-11-02 10:03:00,客服,小林,您好，这个是快递那边的问题\n');
    const env = { SUPPORTLINT_REDACT_KEY: 'k' };
    const plain = await runCli(['lint', 'nohdr.csv', '--input-format', 'csv'], { cwd: dir, env });
    expect(plain.stderr).toContain('"王建国"');
    for (const format of ['stylish', 'json', 'sarif']) {
      const redacted = await runCli(['lint', 'nohdr.csv', '--input-format', 'csv', '--redact', '-f', format], { cwd: dir, env });
      const printed = redacted.stdout + redacted.stderr;
      expect(printed).toContain('找到的列');
      expect(printed).not.toMatch(/王建国|c-88/u);
    }
  });
});
