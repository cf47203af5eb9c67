import { describe, expect, it } from 'vitest';
import { conversationsOf, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const read = (dialogues: unknown) => readAll('dch', textSource('helpdesk.json', JSON.stringify(dialogues)));

describe('dch: turns and dialogues that hold no message are skipped with a reason', () => {
  it('a turn whose utterances are null is skipped; the dialogue keeps its other turns', async () => {
    const events = await read([
      {
        id: 'd1',
        turns: [
          { sender: 'customer', utterances: ['信用卡被盗刷了'] },
          { sender: 'helpdesk', utterances: null },
          { sender: 'helpdesk', utterances: ['非常抱歉，我马上为您冻结这张卡'] },
        ],
      },
    ]);
    expect(conversationsOf(events).map((c) => c.messages.map((m) => m.role))).toEqual([['customer', 'agent']]);
    expect(problemsOf(events, 'skipped')).toEqual([{ location: { file: 'helpdesk.json', record: 0 }, reason: '对话 d1 第 2 轮的 utterances 应为文本数组，实际是 null；这一轮没有读取' }]);
    expect(recordsRead(events)).toBe(2);
  });

  it('a dialogue whose id is an array or an object is skipped, not merged with the dialogue of that text', async () => {
    const events = await read([
      { id: ['1'], turns: [{ sender: 'customer', utterances: ['你好'] }] },
      { id: '1', turns: [{ sender: 'customer', utterances: ['在吗'] }] },
      { id: { n: 1 }, turns: [{ sender: 'customer', utterances: ['在吗'] }] },
      { id: 7, turns: [{ sender: 'customer', utterances: ['在吗'] }] },
    ]);
    expect(conversationsOf(events).map((c) => [c.id, c.messages.length])).toEqual([['1', 1], ['7', 1]]);
    expect(problemsOf(events, 'skipped')).toEqual([
      { location: { file: 'helpdesk.json', record: 0 }, reason: '对话的 id 是一个数组，应为文本或数字；这段对话没有读取' },
      { location: { file: 'helpdesk.json', record: 2 }, reason: '对话的 id 是一个对象，应为文本或数字；这段对话没有读取' },
    ]);
  });

  it('a dialogue left with no message is reported as empty, not linted as a conversation', async () => {
    const events = await read([
      { id: 'd1', turns: [{ sender: 'customer', utterances: null }] },
      { id: 'd2', turns: [] },
      { id: 'd3', turns: [{ sender: 'customer', utterances: ['你好'] }] },
    ]);
    expect(conversationsOf(events).map((c) => c.id)).toEqual(['d3']);
    expect(problemsOf(events, 'skipped').map((p) => p.reason)).toEqual([
      '对话 d1 第 1 轮的 utterances 应为文本数组，实际是 null；这一轮没有读取',
      '对话 d1 没有一条消息，没有检查',
      '对话 d2 没有一条消息，没有检查',
    ]);
  });

  it('an utterance that is not text is skipped by its kind, never quoted, and the turn keeps its text', async () => {
    const events = await read([{ id: 'd1', turns: [{ sender: 'customer', utterances: ['hi', { a: '王建国13812345678' }, null, 7] }, { sender: 'helpdesk', utterances: ['ok'] }] }]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['hi', 'ok']);
    const reasons = problemsOf(events, 'skipped').map((p) => p.reason);
    expect(reasons).toEqual([
      '对话 d1 第 1 轮的第 2 句是一个对象，不是文本；这一句没有读取',
      '对话 d1 第 1 轮的第 3 句是空值（null），不是文本；这一句没有读取',
      '对话 d1 第 1 轮的第 4 句是一个数字，不是文本；这一句没有读取',
    ]);
    expect(reasons.join('')).not.toContain('王建国');
  });
});
