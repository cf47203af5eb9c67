import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

const workspace = (files: Record<string, string> = {}) => sampleWorkspace(files);

describe('a configuration key __proto__ is refused, never dropped silently', () => {
  it.each([
    ['customRules', 'customRules:\n  __proto__:\n    type: phrase\n    phrases: [快递]\n', 'customRules.__proto__'],
    ['rules', 'rules:\n  __proto__: error\n', 'rules.__proto__'],
    ['teams', 'teams:\n  __proto__: [小林]\n', 'teams.__proto__'],
    ['roles', 'roles:\n  __proto__: agent\n', 'roles.__proto__'],
    ['lexicons', 'lexicons:\n  __proto__:\n    add: [快递]\n', 'lexicons.__proto__'],
    ['input.valueMap', 'input:\n  valueMap:\n    role:\n      __proto__: agent\n', 'input.valueMap.role.__proto__'],
  ])('in %s (YAML)', async (_where, yaml, keyPath) => {
    const cwd = workspace({ '.supportlintrc.yaml': yaml });
    const run = await runCli(['lint', 'c.jsonl'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${keyPath}：不能用 "__proto__" 作名字`);
  });

  it('in a JSON configuration, and in a file named by extends', async () => {
    const json = await runCli(['lint', '-c', 'rc.json', 'c.jsonl'], { cwd: workspace({ 'rc.json': '{"input":{"fieldMap":{"text":"text"}},"teams":{"__proto__":["小林"]}}' }) });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('teams.__proto__');
    const extended = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ '.supportlintrc.yaml': 'extends: ./base.yaml\n', 'base.yaml': 'customRules:\n  __proto__:\n    type: phrase\n    phrases: [快递]\n' }) });
    expect(extended.code).toBe(2);
    expect(extended.stderr).toContain('base.yaml：customRules.__proto__');
  });
});
