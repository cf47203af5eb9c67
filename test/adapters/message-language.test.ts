import { describe, expect, it } from 'vitest';
import { runCli, sampleWorkspace } from '../support/cli.js';

const workspace = (files: Record<string, string> = {}) => sampleWorkspace(files);

const INTERCOM = JSON.stringify([
  {
    type: 'conversation',
    id: 'k1',
    source: { author: { type: 'user', id: 'u' }, body: '<p>在吗</p>', created_at: 1793584800 },
    conversation_parts: { conversation_parts: [{ id: 'p1', part_type: 'comment', author: { type: 'admin', id: '7', name: '小林' }, body: '<p>您好</p>', created_at: 'garbage' }] },
  },
]);

describe('reader and configuration messages speak the chosen language', () => {
  it('Intercom, Zendesk and STC-3 problems are Chinese by default and English with --locale en', async () => {
    const cwd = workspace({
      'intercom.json': INTERCOM,
      'zendesk.json': JSON.stringify([{ id: 'z1', history: ['oops', { type: 'chat.msg', nick: 'visitor:1', timestamp: '2026-11-02T02:00:00Z', msg: '在吗' }] }]),
      'dch.json': JSON.stringify([{ id: 'd1', turns: [{ sender: 'robot', utterances: ['你好'] }] }, { id: 'd2', turns: [{ sender: 'customer', utterances: ['在吗'] }] }]),
    });
    const zh = await runCli(['lint', 'intercom.json', 'zendesk.json', 'dch.json'], { cwd });
    expect(zh.stderr).toContain('会话 k1：第 p1 部分（comment）：created_at "garbage" 不是时间，应为以秒计的 Unix 时间戳');
    expect(zh.stderr).toContain('会话 z1：history[0] 是 "oops"，应为对象');
    expect(zh.stderr).toContain('对话 d1：第 1 轮的 sender "robot" 无法识别，应为 "customer" 或 "helpdesk"');
    expect(zh.stderr).not.toMatch(/expected|is not a time|unknown/);
    const en = await runCli(['--locale', 'en', 'lint', 'intercom.json', 'zendesk.json', 'dch.json'], { cwd });
    expect(en.stderr).toContain('conversation k1: part p1 (comment): created_at "garbage" is not a time: expected epoch seconds');
    expect(en.stderr).toContain('chat z1: history[0] is "oops", expected an object');
    expect(en.stderr).toContain('dialogue d1: turn 1 has sender "robot", which is unknown');
  });

  it('business hours and an all-zero scorecard are explained in Chinese', async () => {
    const hours = await runCli(['lint', 'c.jsonl'], { cwd: workspace({ '.supportlintrc.yaml': 'businessHours:\n  - days: [mon]\n    open: "9am"\n    close: "18:00"\n' }) });
    expect(hours.code).toBe(2);
    expect(hours.stderr).toContain('businessHours.0.open: 应为一天中的时刻');
    expect(hours.stderr).toContain('应为一天中的时刻，例如 "09:00"');
    const zero = await runCli(['report', 'c.jsonl', '-f', 'json'], {
      cwd: workspace({ '.supportlintrc.yaml': 'scoring:\n  categories: {empathy: 0, ownership: 0, resolution: 0, responsiveness: 0, tone: 0, compliance: 0, escalation: 0, customer: 0}\n' }),
    });
    expect(zero.stderr).toContain('scoring.categories：所有权重都是 0');
  });

  it('a 七鱼 line cut short is described in Chinese, without quoting the customer’s words', async () => {
    const good = JSON.stringify({ sessionId: 9001, from: 1, time: 1793584800000, msg: '在吗' });
    const cwd = workspace({ 'qiyu.txt': `${good}\n{"sessionId": 9001, "from": 1, "msg": "我是张三 13812345678 地址` });
    const run = await runCli(['lint', '--input-format', 'qiyu', 'qiyu.txt'], { cwd });
    expect(run.stderr).toContain('qiyu.txt:2: 不是合法的 JSON');
    expect(run.stderr).toContain('每行应是一条消息');
    expect(run.stderr).not.toContain('13812345678');
  });
});
