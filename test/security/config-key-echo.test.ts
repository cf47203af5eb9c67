import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownKey } from '../../src/config/shown-key.js';
import { ROOT, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');
const TOKEN = 'ghp_R2d2C3poX9y8Z7w6V5u4T3s2R1q0PpOoNnMm';

async function lintWith(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-config-keys-'));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return runCli(['lint', SAMPLE], { cwd: dir });
}

describe('keys from a configuration file are not echoed whole into error messages', () => {
  it('a key that looks like a token is masked, under rules and at the top level', async () => {
    const underRules = await lintWith({ '.supportlintrc.yaml': 'extends: ./shared.yaml\n', 'shared.yaml': `rules:\n  ${TOKEN}: error\n` });
    expect(underRules.code).toBe(2);
    expect(underRules.stderr).not.toContain(TOKEN.slice(4, 12));
    expect(underRules.stderr).toContain('rules.ghp_…（像是密钥，已隐藏，共 40 个字符）');
    const topLevel = await lintWith({ '.supportlintrc.yaml': 'extends: ./shared.yaml\n', 'shared.yaml': 'sk-proj-0123456789abcdefABCDEF: 1\ntoken: 1\n' });
    expect(topLevel.code).toBe(2);
    expect(topLevel.stderr).not.toContain('0123456789abcdef');
    // A file reached through extends may be any file: its unknown keys are counted, not named.
    expect(topLevel.stderr).not.toContain('sk-p');
    expect(topLevel.stderr).not.toContain('"token"');
    expect(topLevel.stderr).toContain('有 2 个不认识的配置项（这个文件由 extends 引入，键名不显示');
    // The user's own file names them, masked when they look like a secret.
    const own = await lintWith({ '.supportlintrc.yaml': 'sk-proj-0123456789abcdefABCDEF: 1\ntoken: 1\n' });
    expect(own.stderr).toContain('sk-p…（像是密钥，已隐藏，共 30 个字符）');
    expect(own.stderr).toContain('"token"');
  });

  it('a long key is cut to 24 characters, and a near miss of a real key keeps its did-you-mean', async () => {
    const long = `很长的配置项名字${'甲'.repeat(100)}`;
    const cut = await lintWith({ '.supportlintrc.yaml': `${long}: 1\n` });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain(`"${[...long].slice(0, 24).join('')}…"`);
    expect(cut.stderr).not.toContain('甲'.repeat(30));
    const nearMiss = await lintWith({ '.supportlintrc.yaml': 'timezon: Asia/Shanghai\n' });
    expect(nearMiss.stderr).toContain('你是不是想输入 "timezone"');
    const nearRule = await lintWith({ '.supportlintrc.yaml': 'rules:\n  blame-shiftng: error\n' });
    expect(nearRule.stderr).toContain('你是不是想输入 "blame-shifting"');
  });

  it('shownKey leaves ordinary keys alone', () => {
    for (const key of ['token', 'password', 'timezon', 'blame-shiftng', 'slow_first_response_2']) expect(shownKey(key)).toBe(key);
    expect(shownKey(TOKEN)).toBe('ghp_…（像是密钥，已隐藏，共 40 个字符）');
    expect(shownKey('a1b2c3d4e5f6g7h8i9j0k1')).toMatch(/已隐藏/);
  });
});

describe('values from a configuration file that look like secrets are not echoed either', () => {
  it.each([
    ['a missing file in extends', `extends: ${TOKEN}\n`],
    ['a missing file in extends, under a folder', `extends: ./configs/${TOKEN}.yaml\n`],
    ['a script file in extends', `extends: ./${TOKEN}.js\n`],
    ['an unknown preset', `extends: supportlint:${TOKEN}\n`],
    ['an unknown input format', `input:\n  format: ${TOKEN}\n`],
  ])('%s', async (_case, config) => {
    const run = await lintWith({ '.supportlintrc.yaml': config });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(TOKEN.slice(4, 12));
    expect(run.stderr).toContain('像是密钥，已隐藏');
  });

  it('an unknown input format from the configuration is not blamed on --input-format alone', async () => {
    const run = await lintWith({ '.supportlintrc.yaml': 'input:\n  format: xlsz\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('输入格式 xlsz（来自 --input-format 或配置项 input.format）不是已知的格式');
  });
});

describe('a line break in a key from a configuration or waivers file', () => {
  it('is written as an escape, so no message line can start a CI workflow command', async () => {
    const config = await lintWith({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nrules:\n  "x\\n::error::CFGINJECT": error\n' });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('x\\x0a::error::CFGINJECT');
    expect(config.stderr.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-waiver-keys-'));
    writeFileSync(path.join(dir, 'w.yaml'), 'waivers:\n  - conversation: c-1001\n    rule: "blame-shifting\\n::error::RINJ"\n    reason: x\n    author: y\n');
    const run = await runCli(['lint', SAMPLE, '--waivers', 'w.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('blame-shifting\\x0a::error::');
    expect(run.stderr.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  });
});

describe('a mistyped option of a rule', () => {
  it('names the nearest option the rule has', async () => {
    const run = await lintWith({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nrules:\n  blame-shifting: [error, {redrect: false}]\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules.blame-shifting[1]: 没有配置项 "redrect"，你是不是想输入 "redirect"？');
  });

  it('a key left empty is refused when it is no key there, as one with a value is, and a file through extends never shows its keys', async () => {
    const typo = await lintWith({ '.supportlintrc.yaml': 'rulse:\n' });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('没有配置项 "rulse"，你是不是想输入 "rules"？');
    const rule = await lintWith({ '.supportlintrc.yaml': 'extends: supportlint:strict\nrules:\n  missing-empaty:\n' });
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('没有规则 "missing-empaty"，你是不是想输入 "missing-empathy"？');
    const nested = await lintWith({ '.supportlintrc.yaml': 'redact:\n  kye:\n' });
    expect(nested.stderr).toContain('没有配置项 "kye"，你是不是想输入 "key"？');
    const custom = await lintWith({ '.supportlintrc.yaml': 'customRules:\n  foo:\n' });
    expect(custom.code).toBe(2);
    expect(custom.stderr).toContain('customRules.foo');
    // Known keys left empty (every entry commented out) are still read as absent.
    const commented = await lintWith({ '.supportlintrc.yaml': 'extends: supportlint:recommended\nrules:\n  missing-empathy:\nignore:\nroles:\n' });
    expect(commented.code).not.toBe(2);
    // A file that is no configuration, through extends: refused, and none of its lines shown.
    const shadow = await lintWith({ '.supportlintrc.yaml': 'extends: ./shadow\n', shadow: 'root:$6$saltsalt$hashhashhash:20229:0:99999:7:::\n' });
    expect(shadow.code).toBe(2);
    expect(shadow.stderr).not.toContain('saltsalt');
    expect(shadow.stderr).not.toContain('root');
  });
});
