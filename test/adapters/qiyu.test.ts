import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { openFile } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { conversationsOf, fixtureInputs, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const FIXTURE = 'fixtures/qiyu/message.txt';
const qiyu = adapterByName('qiyu')!;

const line = (fields: Record<string, unknown>) => JSON.stringify({ sessionId: 9001, staffId: 3051, staffName: '小林', time: 1793584800000, msgType: 'text', ...fields });
const read = (lines: string[]) => readAll('qiyu', textSource('message.txt', lines.join('\n')));

describe('qiyu detection', () => {
  it('recognises the message export, and no other reader claims it', async () => {
    const input = await openFile(path.join(ROOT, FIXTURE));
    expect(detectAdapter(input.head, 'message.txt')?.name).toBe('qiyu');
    for (const adapter of ADAPTERS) if (adapter !== qiyu) expect(adapter.detect(input.head, 'message.txt'), adapter.name).toBe(0);
  });

  it('claims none of the other fixtures', async () => {
    for (const file of fixtureInputs().filter((f) => !f.startsWith('fixtures/qiyu/') && !f.startsWith('fixtures/broken/qiyu-'))) {
      const input = await openFile(path.join(ROOT, file));
      expect(qiyu.detect(input.head, path.basename(file)), file).toBe(0);
    }
  });

  it('takes the lower-case spellings of the console protocol too', () => {
    expect(qiyu.detect('{"sessionid":1,"fromUser":1,"staffid":0,"content":"在吗"}\n', 'x.txt')).toBeGreaterThan(0.9);
    expect(qiyu.detect('{"conversation_id":"a","role":"customer","text":"在吗"}\n', 'x.txt')).toBe(0);
  });
});

describe('qiyu roles', () => {
  it('from 1 is the visitor, from 0 with a staff id is the agent, a staff id of 0 or below is the robot', async () => {
    const [conversation] = conversationsOf(
      await read([
        line({ from: 1, msg: '在吗' }),
        line({ from: 0, staffId: -1, staffName: '七鱼机器人', msg: '您好，我是智能助手' }),
        line({ from: 0, staffId: 0, staffName: '', msg: '机器人兜底回复' }),
        line({ from: 0, staffId: 'QIYU_ROBOT', staffName: '大白', msg: '请问还有什么可以帮您' }),
        line({ from: 0, msg: '您好，我是小林' }),
        line({ from: 0, autoReply: 1, msg: '欢迎光临' }),
      ]),
    );
    expect(conversation!.messages.map((m) => [m.role, m.agentName, m.agentId])).toEqual([
      ['customer', undefined, undefined],
      ['bot', '七鱼机器人', undefined],
      ['bot', undefined, undefined],
      ['bot', '大白', undefined],
      ['agent', '小林', '3051'],
      ['bot', '小林', undefined],
    ]);
    expect(conversation!.messages[0]!.time).toBe(Date.parse('2026-11-02T02:00:00Z'));
  });

  it('keeps each sessionId apart: the parts before and after a transfer are two conversations', async () => {
    const events = await readAll('qiyu', await openFile(path.join(ROOT, FIXTURE)));
    const conversations = conversationsOf(events);
    expect(conversations.map((c) => c.id)).toEqual(['88310001', '88310002', '88320001']);
    const transfer = conversations[0]!.messages.at(-1)!;
    expect(transfer).toMatchObject({ role: 'system', kind: 'event', event: 'transfer', sourceId: '5000104' });
    expect(conversations[1]!.messages[0]).toMatchObject({ role: 'system', kind: 'event', event: 'other', text: '客服 小林 已接入会话' });
    expect(recordsRead(events)).toBe(19);
  });
});

describe('qiyu message bodies', () => {
  it('drops a withdrawn message and counts its line as a record', async () => {
    const events = await read([line({ id: 1, from: 1, msg: '在吗' }), line({ id: 2, from: 0, msg: '说错了', withdrawStatus: 1 }), line({ id: 3, from: 0, msg: '您好' })]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.sourceId)).toEqual(['1', '3']);
    expect(events.filter((e) => e.type === 'record')).toHaveLength(1);
    expect(recordsRead(events)).toBe(3);
  });

  it('turns rich text into plain text with its line breaks, and reads image and robot-answer bodies', async () => {
    const [conversation] = conversationsOf(
      await read([
        line({ from: 0, msgType: 'richtext', msg: '<p>第一行&nbsp;A&amp;B</p><p>第二行<br>第三行</p>' }),
        line({ from: 1, msgType: 'image', msg: JSON.stringify({ url: 'https://example.com/a.jpg', name: 'a.jpg' }) }),
        line({ from: 1, msgType: 'file', content: { name: '发票.pdf', url: 'https://example.com/b.pdf' } }),
        line({ from: 0, staffId: -1, msgType: 'qa', msg: JSON.stringify({ question: '运费', answer: '满99包邮' }) }),
      ]),
    );
    expect(conversation!.messages.map((m) => [m.kind, m.text])).toEqual([
      ['text', '第一行 A&B\n第二行\n第三行'],
      ['image', 'https://example.com/a.jpg'],
      ['file', '发票.pdf'],
      ['text', '满99包邮'],
    ]);
  });

  it('reads the lower-case and alternative field names', async () => {
    const text = '{"sessionid":"77","fromUser":0,"staffid":12,"staffname":"阿青","time":"1793584800000","type":"text","content":"您好"}';
    const [conversation] = conversationsOf(await read([text]));
    expect(conversation!.id).toBe('77');
    expect(conversation!.messages[0]).toMatchObject({ role: 'agent', agentId: '12', agentName: '阿青', text: '您好', time: 1793584800000 });
  });
});

describe('qiyu bad input', () => {
  it('reports a truncated last line with its line number and reads the rest', async () => {
    const events = await read([line({ from: 1, msg: '在吗' }), line({ from: 0, msg: '在的' }), '{"sessionId":9001,"from":1,"ti']);
    expect(conversationsOf(events)[0]!.messages).toHaveLength(2);
    const [skip] = problemsOf(events, 'skipped');
    expect(skip!.location).toEqual({ file: 'message.txt', line: 3 });
    expect(skip!.reason).toMatch(/不是合法的 JSON.*每行应是一条消息.*中断/);
  });

  it('says what was expected of a record it cannot use', async () => {
    const events = await read([
      line({ from: 1, msg: '在吗' }),
      line({ from: 2, msg: '?' }),
      JSON.stringify({ from: 1, msg: '没有会话' }),
      line({ from: 1, msg: '坏时间', time: '昨天' }),
      line({ from: 0, staffId: null, staffName: null, msg: '谁发的' }),
      '[1,2]',
      line({ from: 1, msg: ['不是文本'] }),
    ]);
    expect(problemsOf(events, 'skipped').map((p) => [p.location.line, p.reason.split(/[：，]/)[0]])).toEqual([
      [2, 'from 是 "2"'],
      [3, '没有 sessionId'],
      [4, '时间 "昨天" 不是时间'],
      [5, '客服消息（from 为 0）既没有 staffId 也没有 staffName'],
      [6, '应为带 sessionId、from 和 msg 的 JSON 对象'],
      [7, 'msg 是 "["不是文本"]"'],
    ]);
    expect(recordsRead(events)).toBe(7);
  });

  it('the command line reports the cut-off line of a damaged export and lints the rest', async () => {
    const result = await runCli(['lint', 'fixtures/broken/qiyu-truncated.txt', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('qiyu-truncated.txt:4: 不是合法的 JSON');
    expect(JSON.parse(result.stdout).summary.records).toEqual({ read: 4, used: 3, skipped: 1 });
  });
});
