import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

describe('an agent listed in two teams', () => {
  const config = 'extends: supportlint:recommended\nteams:\n  售前组: [小林, 小王]\n  售后组: [小周, 小林]\n';

  it.each([['report', '-f', 'markdown', '--by', 'team'], ['lint']])('is refused by %s with both team names, exit 2', async (command, ...args) => {
    const dir = sampleWorkspace({ '.supportlintrc.yaml': config });
    const run = await runCli([command, 'c.jsonl', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('teams：客服 "小林" 同时列在 "售前组" 和 "售后组" 两个组里');
  });

  it('one agent per team is accepted', async () => {
    const dir = sampleWorkspace({ '.supportlintrc.yaml': config.replace(', 小林]', ']') });
    const run = await runCli(['report', 'c.jsonl', '-f', 'markdown', '--by', 'team'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('售前组');
  });
});
