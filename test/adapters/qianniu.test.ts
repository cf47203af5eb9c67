import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterByName, detectAdapter } from '../../src/adapters/index.js';
import { openFile } from '../../src/io/input.js';
import { ROOT, runCli } from '../support/cli.js';
import { conversationsOf, fixtureInputs, OPTIONS, problemsOf, readAll, recordsRead, textSource } from '../support/adapters.js';

const FIXTURES = ['fixtures/qianniu/chat-record.txt', 'fixtures/qianniu/chat-record-gb18030.txt'];
const qianniu = adapterByName('qianniu')!;
const read = (text: string, options = OPTIONS) => readAll('qianniu', textSource('chat.txt', text), options);
/** `lint --format json` over a chat record written to a new folder: the exit code, findings and summary. */
async function lintRecord(text: string, name: string, extra: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-qianniu-'));
  writeFileSync(path.join(dir, name), text);
  const result = await runCli(['lint', path.join(dir, name), '--format', 'json', ...extra]);
  const report = JSON.parse(result.stdout) as { results: Array<{ findings: Array<{ ruleId: string; agent?: string }> }>; summary: { messages: number } };
  return { code: result.code, findings: report.results.flatMap((r) => r.findings), summary: report.summary };
}
const rows = (text: string, options = OPTIONS) =>
  read(text, options).then((events) => conversationsOf(events).flatMap((c) => c.messages.map((m) => ({ conversation: c.id, ...m }))));

describe('qianniu detection', () => {
  it('recognises both fixtures (UTF-8 and GB18030), and no other reader claims them', async () => {
    for (const file of FIXTURES) {
      const input = await openFile(path.join(ROOT, file));
      expect(detectAdapter(input.head, path.basename(file))?.name, file).toBe('qianniu');
      for (const adapter of ADAPTERS) if (adapter !== qianniu) expect(adapter.detect(input.head, path.basename(file)), `${adapter.name} on ${file}`).toBe(0);
    }
    expect((await openFile(path.join(ROOT, FIXTURES[1]!))).encoding).toBe('gb18030');
  });

  it('claims none of the other fixtures', async () => {
    for (const file of fixtureInputs().filter((f) => !f.startsWith('fixtures/qianniu/'))) {
      const input = await openFile(path.join(ROOT, file));
      expect(qianniu.detect(input.head, path.basename(file)), file).toBe(0);
    }
  });

  it('needs two sender lines, and is surer with a 店铺:子账号 nick', () => {
    expect(qianniu.detect('买家A 2026-11-02 10:00:00\n在吗\n', 'a.txt')).toBe(0);
    expect(qianniu.detect('买家A 2026-11-02 10:00:00\n在吗\n店:小林 2026-11-02 10:00:30\n在的\n', 'a.txt')).toBe(0.9);
    expect(qianniu.detect('买家A 2026-11-02 10:00:00\n在吗\n客服小林 2026-11-02 10:00:30\n在的\n', 'a.txt')).toBe(0.6);
    expect(qianniu.detect('c-1,小林,2026-11-02 10:00:00\nc-1,小王,2026-11-02 10:00:30\n', 'a.csv')).toBe(0);
  });
});

describe('qianniu sender lines', () => {
  it('reads the name and time on one line, on two lines, and in brackets, as local time', async () => {
    // One export writes all its sender lines in one shape; each shape is its own file here.
    const inline = await rows(['tb_买家 2026-11-02 10:00:03', '在吗', '店铺:小林 2026-11-02 10:00:30', '在的'].join('\n'));
    const split = await rows(['tb_买家', '2026-11-02 10:00:03', '在吗', '店铺:小林', '2026-11-02 10:00:30', '在的'].join('\n'));
    const bracket = await rows(['tb_买家(2026/11/2 10:00:03):', '在吗', '店铺:小林（2026/11/2 10:00:30）：', '在的'].join('\n'));
    for (const [messages, agentLine] of [[inline, 3], [split, 4], [bracket, 3]] as const) {
      expect(messages.map((m) => [m.role, m.text, m.time, m.location.line])).toEqual([
        ['customer', '在吗', Date.parse('2026-11-02T02:00:03Z'), 1],
        ['agent', '在的', Date.parse('2026-11-02T02:00:30Z'), agentLine],
      ]);
    }
  });

  it('a line inside a message that only looks like a sender line stays in the message, with a warning', async () => {
    const header = '青禾家居:阿青 2026-11-02 10:00:30';
    const text = (quoted: string) =>
      ['tb_买家 2026-11-02 10:00:03', '在吗', header, '在的，请问有什么可以帮您', 'tb_买家 2026-11-02 10:01:00', '你们上次说：', quoted, '一定给我退款', header.replace('10:00:30', '10:02:00'), '好的，马上处理'].join('\n');
    const cases: Array<[string, string]> = [
      ['假店铺:小王 2026-11-02 10:01:30', '店铺“假店铺”不是这个文件里的店铺'],
      ['青禾家居:阿青 2026-11-01 09:00:00', '它的时间早于所在消息的时间'],
      ['青禾家居:阿青 2026/11/02 10:01:30', '它的格式'],
      ['青禾家居:阿青(2026-11-02 10:01:30)', '它的格式'],
    ];
    for (const [quoted, why] of cases) {
      const events = await read(text(quoted));
      const messages = conversationsOf(events).flatMap((c) => c.messages);
      expect(messages.map((m) => [m.role, m.text]), quoted).toEqual([
        ['customer', '在吗'],
        ['agent', '在的，请问有什么可以帮您'],
        ['customer', `你们上次说：\n${quoted}\n一定给我退款`],
        ['agent', '好的，马上处理'],
      ]);
      const warnings = problemsOf(events, 'warning');
      expect(warnings.map((w) => w.location.line), quoted).toEqual([7]);
      expect(warnings[0]!.reason).toContain(why);
      expect(recordsRead(events)).toBe(4);
    }
  });

  it('keeps the lines of one message together, without the blank lines around it', async () => {
    const messages = await rows('tb_买家 2026-11-02 10:00:03\n\n第一行\n\n第二行\n\n店铺:小林 2026-11-02 10:00:30\n在的\n');
    expect(messages[0]!.text).toBe('第一行\n\n第二行');
  });

  it('reads the timezone from the options', async () => {
    const messages = await rows('tb_买家 2026-11-02 10:00:03\n在吗\n', { ...OPTIONS, timezone: 'UTC' });
    expect(messages[0]!.time).toBe(Date.parse('2026-11-02T10:00:03Z'));
  });
});

describe('qianniu roles', () => {
  it('店铺:子账号 (either colon) is the agent, named by the sub-account; any other nick is the customer', async () => {
    const messages = await rows(['tb_买家 2026-11-02 10:00:00', '在吗', '青禾家居：阿青 2026-11-02 10:00:20', '在的'].join('\n'));
    expect(messages.map((m) => [m.role, m.agentName, m.agentId])).toEqual([
      ['customer', undefined, undefined],
      ['agent', '阿青', '青禾家居：阿青'],
    ]);
  });

  it('--agent-pattern replaces the rule: matching nicks are agents, the others customers', async () => {
    const text = ['tb_买家 2026-11-02 10:00:00', '在吗', '客服小A 2026-11-02 10:00:20', '在的', '别家:小王 2026-11-02 10:00:40', '我是来问问的'].join('\n');
    const messages = await rows(text, { ...OPTIONS, agentPattern: /^客服/ });
    expect(messages.map((m) => [m.role, m.agentName])).toEqual([
      ['customer', undefined],
      ['agent', '客服小A'],
      ['customer', undefined],
    ]);
  });

  it('店小蜜 and [自动回复] messages are bots', async () => {
    const text = ['tb_买家 2026-11-02 10:00:00', '在吗', '店铺:店小蜜 2026-11-02 10:00:01', '亲，在的哦', '店铺:小林 2026-11-02 10:00:02', '[自动回复]您好，客服小林为您服务'].join('\n');
    expect((await rows(text)).map((m) => [m.role, m.agentName])).toEqual([
      ['customer', undefined],
      ['bot', '店小蜜'],
      ['bot', '小林'],
    ]);
  });
});

describe('qianniu lines that are not messages', () => {
  it('counts recall, read-status and origin lines as records, and makes a hand-over a transfer event', async () => {
    const text = [
      '当前用户来自 手机淘宝',
      'tb_买家 2026-11-02 10:00:00',
      '在吗',
      '已读',
      '店铺:小林 2026-11-02 10:00:20',
      '我把会话转交给售后，请稍等',
      '店铺:小林撤回了一条消息',
      '店铺:小林 将会话转交给 店铺:阿青',
      '店铺:阿青 2026-11-02 10:01:00',
      '您好，我是售后阿青',
      '未读',
    ].join('\n');
    const events = await read(text);
    const [conversation] = conversationsOf(events);
    expect(conversation!.messages.map((m) => [m.role, m.kind, m.event, m.text])).toEqual([
      ['customer', 'text', undefined, '在吗'],
      ['agent', 'text', undefined, '我把会话转交给售后，请稍等'],
      ['system', 'event', 'transfer', '店铺:小林 将会话转交给 店铺:阿青'],
      ['agent', 'text', undefined, '您好，我是售后阿青'],
    ]);
    expect(conversation!.messages[2]!.location.line).toBe(8);
    expect(events.filter((e) => e.type === 'record').map((e) => e.location.line)).toEqual([1, 4, 7, 11]);
    expect(recordsRead(events)).toBe(8);
  });

  it('a 系统消息 sender is a system event', async () => {
    const text = ['tb_买家 2026-11-02 10:00:00', '在吗', '系统消息 2026-11-02 10:00:05', '买家已进入店铺首页'].join('\n');
    expect((await rows(text))[1]).toMatchObject({ role: 'system', kind: 'event', event: 'other', text: '买家已进入店铺首页' });
  });
});

describe('qianniu conversations', () => {
  it('keys each customer nick as its own conversation and gives the agent to the customer who spoke last', async () => {
    const text = [
      '与 买家甲 的聊天记录',
      '店铺:小林 2026-11-02 09:59:50',
      '您好，欢迎光临',
      '买家甲 2026-11-02 10:00:00',
      '在吗',
      '店铺:小林 2026-11-02 10:00:20',
      '在的',
      '与 买家乙 的聊天记录',
      '买家乙 2026-11-02 10:05:00',
      '发货了吗',
      '店铺:小林 2026-11-02 10:05:30',
      '今天发',
    ].join('\n');
    const conversations = conversationsOf(await read(text));
    expect(conversations.map((c) => [c.id, c.messages.map((m) => m.text)])).toEqual([
      ['买家甲 2026-11-02 09:59:50', ['您好，欢迎光临', '在吗', '在的']],
      ['买家乙 2026-11-02 10:05:00', ['发货了吗', '今天发']],
    ]);
  });

  it('holds an agent greeting until the first customer speaks', async () => {
    const messages = await rows('店铺:小林 2026-11-02 09:59:50\n您好\n买家甲 2026-11-02 10:00:00\n在吗\n');
    expect(messages.map((m) => m.conversation)).toEqual(['买家甲 2026-11-02 09:59:50', '买家甲 2026-11-02 09:59:50']);
  });

  it('starts a new conversation when the customer writes again after the session gap, but a late reply stays', async () => {
    const text = [
      '买家甲 2026-11-02 10:00:00',
      '在吗',
      '店铺:小林 2026-11-02 10:50:00',
      '抱歉久等了',
      '买家甲 2026-11-02 12:00:00',
      '还在吗',
    ].join('\n');
    expect((await rows(text)).map((m) => m.conversation)).toEqual(['买家甲 2026-11-02 10:00:00', '买家甲 2026-11-02 10:00:00', '买家甲 2026-11-02 12:00:00']);
    const wide = await rows(text, { ...OPTIONS, sessionGapMinutes: 180 });
    expect(new Set(wide.map((m) => m.conversation)).size).toBe(1);
  });

  it('names a file of agent messages only by the file', async () => {
    expect((await rows('店铺:小林 2026-11-02 10:00:00\n您好\n')).map((m) => m.conversation)).toEqual(['chat.txt']);
  });
});

describe('qianniu bad input', () => {
  it('skips text outside a message, a bad date and an empty message, with their lines, and reads the rest', async () => {
    const text = [
      '一行没有发送人的文字',
      '买家甲 2026-11-02 10:00:00',
      '在吗',
      '店铺:小林 2026-13-45 10:00:20',
      '这条的时间不对',
      '买家甲 2026-11-02 10:01:00',
      '店铺:小林 2026-11-02 10:02:00',
      '在的',
    ].join('\n');
    const events = await read(text);
    expect(problemsOf(events, 'skipped').map((p) => [p.location.line, p.reason.split(/[：，]/)[0]])).toEqual([
      [1, '这一行不属于任何消息'],
      [4, '发送人行的时间 "2026-13-45 10:00:20" 不是日期'],
      [5, '这一行不属于任何消息'],
      [6, '“买家甲” 的发送人行下面没有消息'],
    ]);
    expect(conversationsOf(events)[0]!.messages.map((m) => m.text)).toEqual(['在吗', '在的']);
    expect(recordsRead(events)).toBe(6);
  });

  it('the command line decodes a GB18030 record and reads it like its UTF-8 twin', async () => {
    const utf8 = readFileSync(path.join(ROOT, 'fixtures/qianniu/chat-record.txt'), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-qianniu-'));
    writeFileSync(path.join(dir, 'twin.txt'), iconv.encode(utf8, 'gb18030'));
    writeFileSync(path.join(dir, 'chat-record.txt'), utf8);
    const twin = await runCli(['convert', path.join(dir, 'twin.txt')]);
    const original = await runCli(['convert', path.join(dir, 'chat-record.txt')]);
    expect(twin.code).toBe(0);
    expect(twin.stdout.replaceAll('twin.txt', 'chat-record.txt')).toBe(original.stdout);
    expect(twin.stdout).toContain('青禾家居旗舰店:阿青');
  });

  it('the command line lints a damaged copy: the bad lines are reported, the rest linted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-qianniu-'));
    const damaged = readFileSync(path.join(ROOT, 'fixtures/qianniu/chat-record.txt'), 'utf8')
      .replace('tb_小鹿爱吃糖 2026-11-04 09:37:00', 'tb_小鹿爱吃糖 2026-11-04 0')
      .replace('jane_2019 2026-11-04 15:03:00', 'jane_2019 2026-11-34 15:03:00');
    writeFileSync(path.join(dir, 'damaged.txt'), damaged);
    const result = await runCli(['lint', path.join(dir, 'damaged.txt'), '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('damaged.txt:14: "tb_小鹿爱吃糖 2026-11-04 0" 像是时间被截短的发送人行');
    expect(result.stderr).toContain('damaged.txt:29: 发送人行的时间 "2026-11-34 15:03:00" 不是日期');
    expect(result.stderr).toContain('damaged.txt:30: 这一行不属于任何消息');
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
    expect(summary.records.skipped).toBeGreaterThan(0);
  });
});

describe('qianniu: the file\'s shop', () => {
  // A customer pastes a line of another shop's chat before the file's first real shop line.
  const quotedFirst = [
    '与 tb_买家 的聊天记录',
    'tb_买家 2026-11-02 10:00:00',
    '别家客服之前回我：',
    '别家店:客服甲 2026-11-02 10:00:05',
    '你自己看说明书',
    '青禾家居:小林 2026-11-02 10:01:00',
    '这个是厂家的问题，您找厂家吧',
    'tb_买家 2026-11-02 10:02:00',
    '你们也这样？',
    '青禾家居:阿青 2026-11-02 10:03:00',
    '非常抱歉，我马上为您处理',
  ].join('\n');

  it('is the shop most sender lines name, so a quoted line of another shop before the first real one stays in the customer\'s message', async () => {
    const events = await read(quotedFirst);
    const messages = conversationsOf(events).flatMap((c) => c.messages);
    expect(messages.map((m) => [m.role, m.agentName, m.text])).toEqual([
      ['customer', undefined, '别家客服之前回我：\n别家店:客服甲 2026-11-02 10:00:05\n你自己看说明书'],
      ['agent', '小林', '这个是厂家的问题，您找厂家吧'],
      ['customer', undefined, '你们也这样？'],
      ['agent', '阿青', '非常抱歉，我马上为您处理'],
    ]);
    expect(problemsOf(events, 'warning').map((w) => [w.location.line, w.reason.includes('店铺“别家店”不是这个文件里的店铺（“青禾家居”）')])).toEqual([[4, true]]);
  });

  it('when two shops are named equally often, reads both as the shop\'s agents, with a warning, rather than folding one into the customer\'s text', async () => {
    const text = ['tb_买家 2026-11-02 10:00:00', '在吗', '别家店:客服甲 2026-11-02 10:00:05', '爱买不买', '青禾家居:小林 2026-11-02 10:01:00', '这个是厂家的问题，您找厂家吧'].join('\n');
    const events = await read(text);
    expect(conversationsOf(events).flatMap((c) => c.messages).map((m) => [m.role, m.agentName])).toEqual([
      ['customer', undefined],
      ['agent', '客服甲'],
      ['agent', '小林'],
    ]);
    const warnings = problemsOf(events, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toContain('别家店');
    expect(warnings[0]!.reason).toContain('青禾家居');
  });

  it('lines of another shop that a customer introduces with a colon do not vote, even when in time order and more than the shop\'s own', async () => {
    const text = [
      '与 tb_小鹿 的聊天记录',
      'tb_小鹿 2026-11-04 09:30:12', '我之前在别家问过，他们这么说的：',
      '别家旗舰店:阿花 2026-11-04 09:30:13', '亲，这个问题找厂家',
      '别家旗舰店:阿花 2026-11-04 09:30:14', '亲，找厂家吧',
      '别家旗舰店:阿花 2026-11-04 09:30:15', '亲，厂家电话在说明书上',
      '青禾家居旗舰店:小林 2026-11-04 09:36:05', '亲，这个是厂家那边的问题，您直接联系厂家售后吧',
      'tb_小鹿 2026-11-04 09:37:00', '你们卖的东西让我自己找厂家？太气人了',
    ].join('\n');
    const events = await read(text);
    const conversations = conversationsOf(events);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]!.messages.map((m) => [m.role, m.agentName])).toEqual([
      ['customer', undefined],
      ['agent', '小林'],
      ['customer', undefined],
    ]);
    expect(conversations[0]!.messages[0]!.text).toContain('别家旗舰店:阿花 2026-11-04 09:30:15');
  });

  it('a customer nick with a colon, named by the 与…的聊天记录 line, is the customer and not a shop', async () => {
    for (const colon of [':', '：']) {
      const nick = `tb${colon}小鹿`;
      const text = [`与 ${nick} 的聊天记录`, `${nick} 2026-11-02 10:00:00`, '在吗', `${nick} 2026-11-02 10:00:20`, '[图片]', '青禾家居:小林 2026-11-02 10:01:00', '这个是厂家的问题，您找厂家吧', `${nick} 2026-11-02 10:02:00`, '好吧'].join('\n');
      const events = await read(text);
      expect(conversationsOf(events).flatMap((c) => c.messages).map((m) => [m.role, m.agentName, m.text]), nick).toEqual([
        ['customer', undefined, '在吗'],
        ['customer', undefined, '[图片]'],
        ['agent', '小林', '这个是厂家的问题，您找厂家吧'],
        ['customer', undefined, '好吧'],
      ]);
      expect(problemsOf(events, 'warning'), nick).toEqual([]);
    }
  });

  it('the command line finds the agent\'s error, and exits 1 also with --strict, when a customer quotes another shop first', async () => {
    for (const extra of [[], ['--strict']]) {
      const { code, findings } = await lintRecord(quotedFirst, 'quoted.txt', extra);
      expect(code, extra.join(' ')).toBe(1);
      expect(findings.filter((f) => f.ruleId === 'blame-shifting').map((f) => f.agent), extra.join(' ')).toEqual(['小林']);
      expect(findings.map((f) => f.agent), extra.join(' ')).not.toContain('客服甲');
    }
  });
});

describe('qianniu notes under --redact', () => {
  // The customer 王建国13812345678 quotes their own earlier line and one of the agent 林小东's;
  // both quoted lines are older than the message they stand in, so each gets a note.
  const text = [
    '与 王建国13812345678 的聊天记录',
    '王建国13812345678 2026-11-04 09:30:12',
    '我之前问过：',
    '王建国13812345678 2026-11-04 09:00:00',
    '在吗',
    '青禾家居:林小东 2026-11-04 09:01:00',
    '这个不归我们管',
    '王建国13812345678 2026-11-04 09:30:50',
    '青禾家居:林小东 2026-11-04 09:31:00',
    '您好，非常抱歉，我马上为您处理',
  ].join('\n');
  const secrets = ['王建国', '建国', '13812345678', '林小东', '小东'];
  const ENV = { SUPPORTLINT_REDACT_KEY: 'k1' };

  it('without --redact the notes quote the lines and the nick (the checks below could fail)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-qianniu-'));
    writeFileSync(path.join(dir, 'pii.txt'), text);
    const result = await runCli(['lint', path.join(dir, 'pii.txt')]);
    expect(result.stderr).toContain('pii.txt:4: “王建国13812345678 2026-11-04 09:00:00”');
    expect(result.stderr).toContain('pii.txt:6: “青禾家居:林小东 2026-11-04 09:01:00”');
    expect(result.stderr).toContain('pii.txt:8: “王建国13812345678” 的发送人行下面没有消息');
  });

  it.each(['stylish', 'json', 'sarif'])('-f %s names no one in the notes, and still says which lines they are about', async (format) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-qianniu-'));
    writeFileSync(path.join(dir, 'pii.txt'), text);
    const result = await runCli(['lint', path.join(dir, 'pii.txt'), '-f', format, '--redact'], { env: ENV });
    const said = result.stdout + result.stderr;
    for (const secret of secrets) expect(said, secret).not.toContain(secret);
    expect(result.stderr).toMatch(/pii\.txt:4: “值-[0-9a-f]{10}”像一行发送人/u);
    expect(result.stderr).toMatch(/pii\.txt:6: “值-[0-9a-f]{10}”像一行发送人/u);
    expect(result.stderr).toMatch(/pii\.txt:8: “值-[0-9a-f]{10}” 的发送人行下面没有消息/u);
  });
});

describe('qianniu: another shop\'s sub-account', () => {
  it('with no 与…的聊天记录 line, a buyer nick with a colon is the customer, and its lines stay its own', async () => {
    const text = ['tb:小鹿 2026-11-02 10:00:00', '在吗', 'tb:小鹿 2026-11-02 10:00:20', '[图片]', '青禾家居:店小蜜 2026-11-02 10:00:21', '亲，人工客服正在赶来', '青禾家居:小林 2026-11-02 10:01:00', '这个是厂家的问题，您找厂家吧', 'tb:小鹿 2026-11-02 10:02:00', '好吧', '青禾家居:小林 2026-11-02 10:02:30', '抱歉，我帮您登记换新', '青禾家居:小林 2026-11-02 10:02:40', '今天就安排'].join('\n');
    const events = await read(text);
    expect(conversationsOf(events).flatMap((c) => c.messages).map((m) => [m.role, m.agentName, m.text])).toEqual([
      ['customer', undefined, '在吗'],
      ['customer', undefined, '[图片]'],
      ['bot', '店小蜜', '亲，人工客服正在赶来'],
      ['agent', '小林', '这个是厂家的问题，您找厂家吧'],
      ['customer', undefined, '好吧'],
      ['agent', '小林', '抱歉，我帮您登记换新'],
      ['agent', '小林', '今天就安排'],
    ]);
    expect(problemsOf(events, 'warning')).toEqual([]);
  });
});

describe('qianniu: quoted lines of another shop do not choose the file\'s shop', () => {
  // The customer pastes three lines of another shop's chat, each older than the message they
  // stand in; the shop's own agents answer twice, after it. The pasted lines outnumber the shop's.
  const pastedThreeLines = [
    '与 tb_小鹿 的聊天记录',
    '============ 2026-11-04 ============',
    'tb_小鹿 2026-11-04 09:30:12',
    '在吗',
    '青禾家居旗舰店:阿青 2026-11-04 09:30:30',
    '亲，在的',
    'tb_小鹿 2026-11-04 09:31:00',
    '之前别家回我：',
    '别家店:客服甲 2026-11-04 09:29:13',
    '你自己看说明书',
    '别家店:客服乙 2026-11-04 09:29:20',
    '不会用就别买',
    '别家店:客服甲 2026-11-04 09:29:40',
    '爱买不买',
    '青禾家居旗舰店:小林 2026-11-04 09:32:05',
    '亲，这个是厂家那边的问题，您直接联系厂家售后吧',
  ];
  const pastedThree = pastedThreeLines.join('\n');
  // The shop answers once; the pasted lines are two: no first exchange, no third pasted line.
  const pastedTwo = [pastedThreeLines[0], ...pastedThreeLines.slice(6, 12), ...pastedThreeLines.slice(14)].join('\n');

  it('a sender line older than the line before it does not vote, so the shop that answers in time order is the file\'s', async () => {
    const events = await read(pastedThree);
    expect(conversationsOf(events).flatMap((c) => c.messages).map((m) => [m.role, m.agentName, m.text.split('\n')[0]])).toEqual([
      ['customer', undefined, '在吗'],
      ['agent', '阿青', '亲，在的'],
      ['customer', undefined, '之前别家回我：'],
      ['agent', '小林', '亲，这个是厂家那边的问题，您直接联系厂家售后吧'],
    ]);
    // The pasted lines stay in the customer's message, each with its note.
    expect(problemsOf(events, 'warning').map((w) => w.location.line)).toEqual([9, 11, 13]);
    const twice = conversationsOf(await read(pastedTwo)).flatMap((c) => c.messages);
    expect(twice.map((m) => [m.role, m.agentName])).toEqual([
      ['customer', undefined],
      ['agent', '小林'],
    ]);
    expect(twice[0]!.text).toContain('别家店:客服乙 2026-11-04 09:29:20');
  });

  it('the command line finds 小林\'s blame-shifting, and exits 1 with or without --strict', async () => {
    for (const [file, text, messages] of [['qn6.txt', pastedThree, 4], ['qn5.txt', pastedTwo, 2]] as const) {
      for (const extra of [[], ['--strict']]) {
        const { code, findings, summary } = await lintRecord(text, file, extra);
        const label = `${file} ${extra.join(' ')}`;
        expect(code, label).toBe(1);
        expect(findings.filter((f) => f.ruleId === 'blame-shifting').map((f) => f.agent), label).toEqual(['小林']);
        expect(summary.messages, label).toBe(messages);
      }
    }
  });
});
