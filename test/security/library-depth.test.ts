import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_GROUP_DEPTH } from '../../src/library/read-yaml.js';
import { runCli } from '../support/cli.js';

const REPLY = '您好，请问有什么可以帮您';

function nestedJson(depth: number): string {
  let groups = JSON.stringify({ title: '问候', text: REPLY });
  for (let level = 0; level < depth; level++) groups = `{"group":"g${level}","replies":[${groups}]}`;
  return `[${groups}]`;
}

function nestedBlockYaml(depth: number): string {
  let yaml = '';
  for (let level = 0; level < depth; level++) yaml += `${'  '.repeat(level)}g${level}:\n`;
  return `${yaml}${'  '.repeat(depth)}- ${REPLY}\n`;
}

async function replies(name: string, text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-library-depth-'));
  writeFileSync(path.join(dir, name), text);
  return runCli(['replies', name, '-f', 'json'], { cwd: dir });
}

describe('groups nested too deep are refused with the limit, in Chinese', () => {
  it.each([
    ['deep.json', nestedJson(3000)],
    ['deep.yaml', `- ${nestedJson(3000).slice(1, -1)}\n`],
    ['deep-block.yaml', nestedBlockYaml(1000)],
    ['just-over.json', nestedJson(MAX_GROUP_DEPTH + 1)],
  ])('%s', async (name, text) => {
    const result = await replies(name, text);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`分组最多嵌套 ${MAX_GROUP_DEPTH} 层`);
    expect(result.stderr).not.toContain('Maximum call stack');
  });

  it('groups nested to the limit are read', async () => {
    for (const [name, text] of [['deep.json', nestedJson(MAX_GROUP_DEPTH)], ['deep.yaml', nestedBlockYaml(MAX_GROUP_DEPTH)]] as const) {
      const result = await replies(name, text);
      expect(result.stderr, name).not.toContain('嵌套');
      expect(JSON.parse(result.stdout).summary.records.used, name).toBe(1);
    }
  });
});
