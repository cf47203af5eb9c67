import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';
import { parseValueMap } from '../../src/cli/options.js';

const CSV = 'conversation_id,time,role,agent,text\nc1,2026-11-02 10:00:00,0,,我的快递三天没动了\nc1,2026-11-02 10:01:00,1,小林,这个是快递那边的问题，您去问快递吧\nc1,2026-11-02 10:02:00,constructor,小林,好的\n';

describe('--map-values', () => {
  it.each(['__proto__', 'constructor', 'toString', 'boss'])('refuses a role mapped to %s, which is no role, with exit 2', async (target) => {
    const dir = sampleWorkspace({ 't.csv': CSV });
    const run = await runCli(['lint', 't.csv', '--map-values', `role=0:customer,1:${target}`], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`"${target}" 不是角色`);
  });

  it('maps roles given by number, and a raw value "constructor" finds no mapping on the prototype', async () => {
    const dir = sampleWorkspace({ 't.csv': CSV });
    const run = await runCli(['lint', 't.csv', '--map-values', 'role=0:customer,1:客服', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.summary.records).toEqual({ read: 3, used: 2, skipped: 1 });
    expect(report.results[0].agents).toEqual(['小林']);
    expect(report.results[0].metrics.humanReplies).toBe(1);
    expect(Object.getPrototypeOf(parseValueMap(['role=__proto__:agent']).role)).toBeNull();
  });
});
