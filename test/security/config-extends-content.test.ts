import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

const SECRET = 'hunter2-deploy-password';

const workspace = (files: Record<string, string> = {}) => sampleWorkspace(files);

describe('a malformed file named in extends is described by position, never quoted', () => {
  it.each([
    ['JSON', 'secrets.json', `{\n  "password": "${SECRET}"\n  "user": "ci"\n}\n`, /JSON 语法错误，在第 3 行第 3 列：有不合 JSON 语法的字符/],
    ['YAML', 'secrets.yaml', `a: [1\npassword: ${SECRET}\n`, /YAML 语法错误，在第 2 行第 1 列/],
    ['YAML, a duplicate key', 'secrets.yml', `password: ${SECRET}\npassword: other\n`, /YAML 语法错误，在第 2 行第 1 列：同一层里有重复的键/],
  ])('%s', async (_kind, name, text, expected) => {
    const dir = workspace({ '.supportlintrc.yaml': `extends: ./${name}\n`, [name]: text });
    const run = await runCli(['lint', 'c.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toContain(`extends 引用的配置 "./${name}"`);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stderr).not.toContain('password');
  });
});
