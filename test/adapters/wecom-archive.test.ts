import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AdapterOptions } from '../../src/adapters/adapter.js';
import { detectAdapter } from '../../src/adapters/index.js';
import { readConversations, type GroupedEvent } from '../../src/adapters/grouping.js';
import { wecomArchiveAdapter } from '../../src/adapters/wecom-archive.js';
import type { InputSource } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { fixtureInputs } from '../support/adapters.js';

const OPTIONS: AdapterOptions = { timezone: 'Asia/Shanghai', roles: {}, fieldMap: {}, internalIds: [], sessionGapMinutes: 30 };

function source(name: string, text: string): InputSource {
  return { name, encoding: 'utf8', head: text.slice(0, 65536), text: () => Readable.from([text]) };
}

async function readAll(text: string, options: Partial<AdapterOptions> = {}, name = 'chat.jsonl'): Promise<GroupedEvent[]> {
  const events: GroupedEvent[] = [];
  for await (const event of readConversations(wecomArchiveAdapter, source(name, text), { ...OPTIONS, ...options })) events.push(event);
  return events;
}

const conversations = (events: GroupedEvent[]) => events.flatMap((e) => (e.type === 'conversation' ? [e.conversation] : []));
const ofType = <T extends GroupedEvent['type']>(events: GroupedEvent[], type: T) => events.filter((e): e is Extract<GroupedEvent, { type: T }> => e.type === type);
/** Records read, as the runner counts them. */
const recordsRead = (events: GroupedEvent[]) =>
  events.reduce((sum, e) => sum + (e.type === 'conversation' ? e.records : e.type === 'record' ? (e.records ?? 1) : e.type === 'skipped' ? 1 : 0), 0);

const CUSTOMER = 'wmNcA7DgAAq3vJ2kXyTtB8oQe5LmR1sW';
const OTHER_CORP = 'woNcA7DgAAm1Qs8rTb3yLh5JuVc9Pk2D';
const ROBOT = 'wbNcA7DgAAr6Tz1xMw4nGf8KaSd3Hq0J';
const ROOM = 'wrNcA7DgAAk2Lp7dVs9cHt4XeMb1Zu6Y';
const T0 = Date.parse('2026-11-03T02:00:00Z'); // 10:00 in Shanghai

let counter = 0;
function send(minutes: number, from: string, tolist: string[], msgtype: string, body: Record<string, unknown>, roomid = '') {
  return { msgid: `m${++counter}`, action: 'send', from, tolist, roomid, msgtime: T0 + minutes * 60_000, msgtype, ...body };
}
const text = (minutes: number, from: string, to: string[], content: string, roomid = '') => send(minutes, from, to, 'text', { text: { content } }, roomid);
const lines = (...records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('wecom-archive detection', () => {
  const fixtureFiles = fixtureInputs().filter((file) => !file.startsWith('fixtures/broken/'));

  for (const file of fixtureFiles) {
    const expected = file.startsWith('fixtures/wecom-archive/');
    it(`${file} ${expected ? 'is' : 'is not'} a 企业微信 archive`, () => {
      const head = readFileSync(path.join(ROOT, file), 'utf8').slice(0, 65536);
      if (expected) expect(detectAdapter(head, path.basename(file))?.name).toBe('wecom-archive');
      else expect(wecomArchiveAdapter.detect(head, path.basename(file))).toBe(0);
    });
  }

  it('recognises a JSON array of messages, and an archive that starts with a switch record', () => {
    expect(detectAdapter(JSON.stringify([text(0, CUSTOMER, ['linxiao'], '你好')], null, 2), 'chat.json')?.name).toBe('wecom-archive');
    const switchFirst = lines({ msgid: 's1', action: 'switch', time: T0, user: 'linxiao' }, text(1, CUSTOMER, ['linxiao'], '你好'));
    expect(detectAdapter(switchFirst, 'chat.jsonl')?.name).toBe('wecom-archive');
  });

  it('still recognises an archive whose first line is damaged, by its field names', () => {
    const damaged = lines('{"msgid":"m0","action":"send","from":"wm', text(1, CUSTOMER, ['linxiao'], '你好'));
    expect(detectAdapter(damaged, 'chat.jsonl')?.name).toBe('wecom-archive');
  });
});

describe('wecom-archive roles and conversations', () => {
  it('tells customers, staff and robots apart by id, and keys a 1:1 chat by the customer and the staff member', async () => {
    const events = await readAll(lines(
      text(0, CUSTOMER, ['linxiao'], '在吗'),
      text(1, 'linxiao', [CUSTOMER], '在的，请问有什么可以帮您'),
    ));
    const [conversation] = conversations(events);
    expect(conversation!.id).toBe(`${CUSTOMER}/linxiao#1`);
    expect(conversation!.messages.map((m) => [m.role, m.agentId, m.text])).toEqual([
      ['customer', undefined, '在吗'],
      ['agent', 'linxiao', '在的，请问有什么可以帮您'],
    ]);
    expect(conversation!.messages[0]!.time).toBe(T0);
    expect(conversation!.messages[0]!.sourceId).toMatch(/^m\d+$/);
    expect(conversation!.meta).toEqual({ chatType: 'single', externalUserId: CUSTOMER, staffUserId: 'linxiao' });
  });

  it('keeps chats of one customer with two staff members apart', async () => {
    const events = await readAll(lines(
      text(0, CUSTOMER, ['linxiao'], '订单什么时候发货'),
      text(1, CUSTOMER, ['zhouqing'], '发票开好了吗'),
      text(2, 'zhouqing', [CUSTOMER], '开好了，已发到您邮箱'),
      text(3, 'linxiao', [CUSTOMER], '今天下午发货'),
    ));
    expect(conversations(events).map((c) => [c.id, c.messages.length])).toEqual([
      [`${CUSTOMER}/zhouqing#1`, 2],
      [`${CUSTOMER}/linxiao#1`, 2],
    ]);
  });

  it('keys a group chat by roomid, with robots as bots and members of other companies (wo…) as customers', async () => {
    const members = [CUSTOMER, OTHER_CORP, ROBOT, 'zhouqing'];
    const others = (from: string) => members.filter((m) => m !== from);
    const events = await readAll(lines(
      text(0, CUSTOMER, others(CUSTOMER), '可以开专票吗', ROOM),
      send(0.05, ROBOT, others(ROBOT), 'markdown', { info: { content: '**自动回复**：请提供开票信息' } }, ROOM),
      text(1, 'zhouqing', others('zhouqing'), '可以的', ROOM),
      text(2, OTHER_CORP, others(OTHER_CORP), '我们也要开', ROOM),
    ));
    const [conversation] = conversations(events);
    expect(conversation!.id).toBe(`${ROOM}#1`);
    expect(conversation!.meta).toEqual({ chatType: 'group', roomId: ROOM });
    expect(conversation!.messages.map((m) => m.role)).toEqual(['customer', 'bot', 'agent', 'customer']);
    expect(conversation!.messages[1]!.text).toBe('**自动回复**：请提供开票信息');
  });

  it('treats ids listed in internalIds as staff, even when they look like external ids', async () => {
    const staffLookingExternal = 'wmzhang';
    const records = lines(text(0, CUSTOMER, [staffLookingExternal], '你好'), text(1, staffLookingExternal, [CUSTOMER], '您好'));
    const [conversation] = conversations(await readAll(records, { internalIds: [staffLookingExternal] }));
    expect(conversation!.id).toBe(`${CUSTOMER}/${staffLookingExternal}#1`);
    expect(conversation!.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
  });

  it('counts chats among staff, 1:1 or in an internal group, without linting them, and says so once', async () => {
    const events = await readAll(lines(
      text(0, 'linxiao', ['zhouqing'], '帮忙看下这单'),
      text(1, 'zhouqing', ['linxiao'], '好的'),
      text(2, 'zhouqing', ['linxiao', 'wangpeng'], '下午开会', 'wrInternalRoom'),
      text(3, 'linxiao', [ROBOT], '查天气'),
      text(4, CUSTOMER, ['linxiao'], '你好'),
    ));
    expect(conversations(events).map((c) => c.id)).toEqual([`${CUSTOMER}/linxiao#1`]);
    expect(ofType(events, 'record')).toHaveLength(4);
    const warnings = ofType(events, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toMatch(/^3 个聊天里的 4 条消息没有外部联系人/);
    expect(recordsRead(events)).toBe(5);
  });
});

describe('wecom-archive sessions', () => {
  it('starts a new conversation after a silence longer than sessionGapMinutes, for 1:1 and group chats alike', async () => {
    const records = lines(
      text(0, CUSTOMER, ['linxiao'], '第一次咨询'),
      text(20, 'linxiao', [CUSTOMER], '好的'),
      text(80, CUSTOMER, ['linxiao'], '第二次咨询'),
      text(0, CUSTOMER, ['zhouqing'], '群里问', ROOM),
      text(5, 'zhouqing', [CUSTOMER], '群里答', ROOM),
      text(100, 'zhouqing', [CUSTOMER], '群里通知', ROOM),
    );
    expect(conversations(await readAll(records)).map((c) => `${c.id}:${c.messages.length}`)).toEqual([
      `${CUSTOMER}/linxiao#1:2`,
      `${CUSTOMER}/linxiao#2:1`,
      `${ROOM}#1:2`,
      `${ROOM}#2:1`,
    ]);
    // With a longer gap configured, the same records make one conversation per chat.
    expect(conversations(await readAll(records, { sessionGapMinutes: 120 })).map((c) => c.id)).toEqual([`${CUSTOMER}/linxiao#1`, `${ROOM}#1`]);
  });

  it('keeps a reply that comes after a silence in the conversation of the customer messages it answers, so its wait is measured', async () => {
    for (const [waited, roomid] of [[45, ''], [240, ''], [60, ROOM]] as const) {
      const records = lines(
        text(0, CUSTOMER, ['linxiao'], '你好，我的订单还没发货，怎么回事', roomid),
        text(waited, 'linxiao', [CUSTOMER], '您好，这边帮您查一下', roomid),
        text(waited + 1, CUSTOMER, ['linxiao'], '好吧', roomid),
      );
      expect(conversations(await readAll(records)).map((c) => [c.id, c.messages.map((m) => m.time! - T0)]), `${roomid} after ${waited} min`).toEqual([
        [`${roomid || `${CUSTOMER}/linxiao`}#1`, [0, waited * 60_000, (waited + 1) * 60_000]],
      ]);
    }
  });

  it('the command line reports a first response slower than the session gap', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-wecom-'));
    const file = path.join(dir, 'late.jsonl');
    writeFileSync(file, lines(text(0, CUSTOMER, ['linxiao'], '你好，我的订单还没发货，怎么回事'), text(45, 'linxiao', [CUSTOMER], '您好，我马上帮您查一下物流'), text(46, CUSTOMER, ['linxiao'], '好的')));
    const result = await runCli(['lint', file, '--format', 'json']);
    const { results } = JSON.parse(result.stdout) as { results: Array<{ findings: Array<{ ruleId: string; message: string }> }> };
    expect(results).toHaveLength(1);
    expect(results[0]!.findings.filter((f) => f.ruleId === 'slow-first-response').map((f) => f.message)).toEqual([expect.stringContaining('45分钟')]);
  });

  it('keeps a customer who writes again, still unanswered by a human, in the same conversation; after a human reply, a silence starts a new one', async () => {
    const records = lines(
      text(0, CUSTOMER, ['linxiao'], '在吗', ROOM),
      text(0.1, ROBOT, [CUSTOMER], '您好，人工客服稍后为您服务', ROOM),
      text(50, CUSTOMER, ['linxiao'], '人呢？', ROOM),
      text(120, 'linxiao', [CUSTOMER], '抱歉久等了，我来帮您处理', ROOM),
      text(121, CUSTOMER, ['linxiao'], '谢谢', ROOM),
      text(300, CUSTOMER, ['linxiao'], '又有个问题', ROOM),
      text(301, 'linxiao', [CUSTOMER], '您说', ROOM),
      text(400, 'linxiao', [CUSTOMER], '活动通知', ROOM),
    );
    expect(conversations(await readAll(records)).map((c) => c.messages.map((m) => m.text))).toEqual([
      ['在吗', '您好，人工客服稍后为您服务', '人呢？', '抱歉久等了，我来帮您处理', '谢谢'],
      ['又有个问题', '您说'],
      ['活动通知'],
    ]);
  });

  it('sorts a burst listed a little out of order, and warns once when the archive goes back in time past the gap', async () => {
    const records = lines(
      text(1, CUSTOMER, ['linxiao'], '第二句'),
      text(0.5, CUSTOMER, ['linxiao'], '第一句'),
      text(2, 'linxiao', [CUSTOMER], '回复'),
      text(-300, CUSTOMER, ['linxiao'], '五小时前'),
      text(-400, CUSTOMER, ['linxiao'], '更早'),
    );
    const events = await readAll(records);
    expect(conversations(events).map((c) => c.messages.map((m) => m.text))).toEqual([['第一句', '第二句', '回复'], ['五小时前'], ['更早']]);
    const warnings = ofType(events, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location).toEqual({ file: 'chat.jsonl', line: 4 });
    expect(warnings[0]!.reason).toMatch(/存档没有按时间排序/);
  });
});

describe('wecom-archive records that are not messages', () => {
  it('withdraws a recalled message (action recall, revoke.pre_msgid) and counts the recall as a record', async () => {
    const oops = text(1, 'linxiao', [CUSTOMER], '那我也没办法');
    const records = lines(
      text(0, CUSTOMER, ['linxiao'], '怎么还没发货'),
      oops,
      { msgid: 'r1', action: 'recall', from: 'linxiao', tolist: [CUSTOMER], roomid: '', msgtime: T0 + 70_000, msgtype: 'revoke', revoke: { pre_msgid: oops.msgid } },
      text(2, 'linxiao', [CUSTOMER], '我马上帮您催仓库，今天内给您答复'),
    );
    const events = await readAll(records);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['怎么还没发货', '我马上帮您催仓库，今天内给您答复']);
    expect(recordsRead(events)).toBe(4);
  });

  it('reads switch records (切换企业日志) and agree records (同意存档) as records without messages', async () => {
    const records = lines(
      { msgid: 's1', action: 'switch', time: T0, user: 'linxiao' },
      send(0, CUSTOMER, ['linxiao'], 'agree', { agree: { userid: CUSTOMER, agree_time: T0 } }),
      text(1, CUSTOMER, ['linxiao'], '你好'),
    );
    const events = await readAll(records);
    expect(ofType(events, 'record')).toHaveLength(2);
    expect(conversations(events)[0]!.messages).toHaveLength(1);
    expect(recordsRead(events)).toBe(3);
  });

  it('turns media and cards into image or file messages with the preview WeCom shows', async () => {
    const mixedItems = [
      { type: 'text', content: JSON.stringify({ content: '这是破损的地方' }) },
      { type: 'image', content: JSON.stringify({ md5sum: 'x', sdkfileid: 'y' }) },
    ];
    const records = lines(
      send(0, CUSTOMER, ['linxiao'], 'image', { image: { md5sum: 'a', filesize: 1, sdkfileid: 'b' } }),
      send(0.1, CUSTOMER, ['linxiao'], 'voice', { voice: { md5sum: 'a', voice_size: 10, play_length: 3, sdkfileid: 'b' } }),
      send(0.2, CUSTOMER, ['linxiao'], 'file', { file: { filename: '发票.pdf', fileext: 'pdf', md5sum: 'a', filesize: 1, sdkfileid: 'b' } }),
      send(0.3, CUSTOMER, ['linxiao'], 'mixed', { mixed: { item: mixedItems } }),
      send(0.4, 'linxiao', [CUSTOMER], 'link', { link: { title: '退货流程', description: '', link_url: 'https://example.com', image_url: '' } }),
      send(0.5, 'linxiao', [CUSTOMER], 'docmsg', { doc: { title: '售后登记表', doc_creator: 'linxiao', link_url: 'https://doc.weixin.qq.com/x' } }),
      send(0.6, CUSTOMER, ['linxiao'], 'sphfeed_new_type', {}),
    );
    const [conversation] = conversations(await readAll(records));
    expect(conversation!.messages.map((m) => [m.kind, m.text])).toEqual([
      ['image', '[图片]'],
      ['file', '[语音]'],
      ['file', '[文件] 发票.pdf'],
      ['text', '这是破损的地方\n[图片]'],
      ['file', '[链接] 退货流程'],
      ['file', '[在线文档] 售后登记表'],
      ['file', '[sphfeed_new_type]'],
    ]);
  });
});

describe('wecom-archive bad input', () => {
  it('reports each unusable record with its line and what was expected, and reads the rest', async () => {
    const records = lines(
      text(0, CUSTOMER, ['linxiao'], '第一条'),
      '{"msgid":"broken","action":"send",',
      '"just a string"',
      { msgid: 'x1', action: 'forward', from: CUSTOMER, tolist: ['linxiao'], msgtime: T0, msgtype: 'text', text: { content: 'a' } },
      { msgid: 'x2', action: 'send', tolist: ['linxiao'], msgtime: T0, msgtype: 'text', text: { content: 'a' } },
      { msgid: 'x3', action: 'send', from: CUSTOMER, tolist: ['linxiao'], msgtime: '2026-11-03 10:00', msgtype: 'text', text: { content: 'a' } },
      { msgid: 'x4', action: 'send', from: CUSTOMER, tolist: ['linxiao'], msgtime: T0, msgtype: 'text', text: 'a' },
      { msgid: 'x5', action: 'recall', from: CUSTOMER, tolist: ['linxiao'], msgtime: T0, msgtype: 'revoke', revoke: {} },
      { msgid: 'x6', action: 'send', from: CUSTOMER, tolist: ['linxiao'], msgtime: T0 },
      text(1, 'linxiao', [CUSTOMER], '最后一条'),
    );
    const events = await readAll(records);
    const skipped = ofType(events, 'skipped');
    expect(skipped.map((s) => s.location.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const reasons = skipped.map((s) => s.reason);
    expect(reasons[0]).toMatch(/不是合法的 JSON/);
    expect(reasons[1]).toMatch(/应为一条消息对象/);
    expect(reasons[2]).toMatch(/action "forward" 无法识别：应为 send、recall 或 switch/);
    expect(reasons[3]).toMatch(/没有发送人："from" 应为/);
    expect(reasons[4]).toMatch(/msgtime "2026-11-03 10:00" 不是时间：应为 UTC 毫秒时间戳/);
    expect(reasons[5]).toMatch(/文本消息没有 text.content/);
    expect(reasons[6]).toMatch(/撤回记录没有 revoke.pre_msgid/);
    expect(reasons[7]).toMatch(/没有 "msgtype"/);
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['第一条', '最后一条']);
    expect(recordsRead(events)).toBe(10);
  });

  it('reads the items of a truncated JSON array up to the break, and reports where it broke off', async () => {
    const whole = JSON.stringify([text(0, CUSTOMER, ['linxiao'], '一'), text(1, 'linxiao', [CUSTOMER], '二'), text(2, CUSTOMER, ['linxiao'], '三')], null, 2);
    const events = await readAll(whole.slice(0, whole.lastIndexOf('三') - 20), {}, 'chat.json');
    expect(conversations(events)[0]!.messages.map((m) => m.text)).toEqual(['一', '二']);
    const [skip] = ofType(events, 'skipped');
    expect(skip!.location).toEqual({ file: 'chat.json', record: 2 });
    expect(skip!.reason).toMatch(/第 2 项之后中断/);
  });
});
