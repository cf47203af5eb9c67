import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseRepeats } from '../../src/engine/collapse.js';
import { WaiverMatcher, type Waiver } from '../../src/engine/waive.js';
import { ConfigError } from '../../src/config/resolve.js';
import { findWaiversFile, loadWaivers } from '../../src/runner/waivers.js';
import { finding } from '../formatters/build.js';

const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({ conversation: 'c-1001', rule: 'blame-shifting', message: 3, reason: '客户确认是快递延误', author: '王质检', source: 'w.yaml:2', ...overrides });
const RAN = new Set(['blame-shifting', 'slow-first-response', 'forbidden-phrase']);

describe('waiver matching', () => {
  it('waives the finding on the named message (第N条, from 1), and only that one', () => {
    const matcher = new WaiverMatcher([waiver()], '2026-12-07');
    const atThree = finding({ messageSeq: 2 });
    const atFive = finding({ messageSeq: 4 });
    const { kept, waived } = matcher.split('c-1001', [atThree, atFive]);
    expect(kept).toEqual([atFive]);
    expect(waived).toEqual([{ ...atThree, waiver: { reason: '客户确认是快递延误', author: '王质检', source: 'w.yaml:2' } }]);
    expect(matcher.stale(RAN)).toEqual([]);
  });

  it('matches a conversation-level finding by the message that set it off, and other conversations not at all', () => {
    const matcher = new WaiverMatcher([waiver({ rule: 'slow-first-response', message: 1 })], '2026-12-07');
    const slow = finding({ ruleId: 'slow-first-response', messageSeq: null, trigger: { messageSeq: 0, role: 'customer', text: '在吗' } });
    expect(matcher.split('c-1001', [slow]).waived).toHaveLength(1);
    expect(matcher.split('c-2002', [{ ...slow, conversationId: 'c-2002' }]).waived).toHaveLength(0);
  });

  it('with text, finds its finding by the quoted words after a re-export renumbered the messages', () => {
    const entry = waiver({ message: 3, text: '是快递那边的问题' });
    const moved = finding({ messageSeq: 6 });
    const other = finding({ messageSeq: 8, excerpt: '这个是仓库的问题', range: [2, 7] });
    const { kept, waived } = new WaiverMatcher([entry], '2026-12-07').split('c-1001', [moved, other]);
    expect(waived.map((f) => f.messageSeq)).toEqual([6]);
    expect(kept).toEqual([other]);
    // Width, case and script do not matter: 是快遞那邊的問題 is the same words.
    expect(new WaiverMatcher([waiver({ text: '是快遞那邊的問題' })], '2026-12-07').split('c-1001', [moved]).waived).toHaveLength(1);
  });

  it('without text, a renumbered message no longer matches and the waiver is stale', () => {
    const matcher = new WaiverMatcher([waiver()], '2026-12-07');
    expect(matcher.split('c-1001', [finding({ messageSeq: 6 })]).waived).toHaveLength(0);
    expect(matcher.stale(RAN).map((w) => w.source)).toEqual(['w.yaml:2']);
  });

  it('without message, waives every finding of the rule in the conversation', () => {
    const matcher = new WaiverMatcher([waiver({ message: undefined })], '2026-12-07');
    const { kept, waived } = matcher.split('c-1001', [finding({ messageSeq: 2 }), finding({ messageSeq: 6 }), finding({ ruleId: 'forbidden-phrase' })]);
    expect(waived).toHaveLength(2);
    expect(kept.map((f) => f.ruleId)).toEqual(['forbidden-phrase']);
  });

  it('an expired waiver covers nothing and is listed apart; expiry day itself still holds', () => {
    const matcher = new WaiverMatcher([waiver({ expires: '2026-12-06' }), waiver({ source: 'w.yaml:9', expires: '2026-12-07' })], '2026-12-07');
    expect(matcher.expired.map((w) => w.source)).toEqual(['w.yaml:2']);
    expect(matcher.split('c-1001', [finding()]).waived[0]!.waiver.source).toBe('w.yaml:9');
  });

  it('judges staleness only for conversations it saw and rules that ran', () => {
    const matcher = new WaiverMatcher([waiver(), waiver({ conversation: 'c-unseen' }), waiver({ rule: 'missing-closing' })], '2026-12-07');
    matcher.split('c-1001', []);
    expect(matcher.stale(RAN).map((w) => [w.conversation, w.rule])).toEqual([['c-1001', 'blame-shifting']]);
  });

  it('keeps ids from the data off object prototypes', () => {
    const matcher = new WaiverMatcher([waiver({ conversation: '__proto__' }), waiver({ conversation: 'constructor' })], '2026-12-07');
    expect(matcher.split('__proto__', [finding({ conversationId: '__proto__' })]).waived).toHaveLength(1);
    expect(matcher.split('toString', [finding({ conversationId: 'toString' })]).waived).toHaveLength(0);
    expect(matcher.size).toBe(2);
  });
});

describe('collapsing repeated hits', () => {
  it('turns hits of one rule into the first, with the count in the message and every place kept', () => {
    const hits = [2, 4, 6].map((seq) => finding({ messageSeq: seq, location: { file: 'a.jsonl', line: seq + 1 } }));
    const other = finding({ ruleId: 'slow-first-response', messageSeq: 3 });
    const out = collapseRepeats([hits[0]!, other, hits[1]!, hits[2]!], 'zh-Hans');
    expect(out.map((f) => f.ruleId)).toEqual(['blame-shifting', 'slow-first-response']);
    expect(out[0]!.message.endsWith('（本会话共 3 处）')).toBe(true);
    expect(out[0]!.count).toBe(3);
    expect(out[0]!.occurrences!.map((o) => [o.messageSeq, o.location.line])).toEqual([[2, 3], [4, 5], [6, 7]]);
    expect(out[1]).toBe(other);
  });

  it('says it in traditional characters for a traditional conversation, and leaves single hits alone', () => {
    expect(collapseRepeats([finding(), finding({ messageSeq: 5 })], 'zh-Hant')[0]!.message.endsWith('（本會話共 2 處）')).toBe(true);
    const single = [finding()];
    expect(collapseRepeats(single, 'zh-Hans')).toEqual(single);
  });
});

describe('the waivers file', () => {
  const write = (text: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-waivers-'));
    const file = path.join(dir, '.supportlint-waivers.yaml');
    writeFileSync(file, text);
    return { dir, file };
  };
  const isRule = (id: string) => RAN.has(id);
  const problem = async (text: string) => {
    const { file } = write(text);
    const error = await loadWaivers(file, 'w.yaml', isRule).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  };

  it('reads entries under waivers:, or a bare list, with the line of each', async () => {
    const { file } = write('# 豁免\nwaivers:\n  - conversation: c-1001\n    rule: blame-shifting\n    message: 3\n    reason: 客户确认\n    author: 王质检\n    date: 2026-11-05\n  - conversation: 1002\n    rule: forbidden-phrase\n    reason: 引用客户原话\n    author: 李主管\n');
    expect(await loadWaivers(file, 'w.yaml', isRule)).toEqual([
      { conversation: 'c-1001', rule: 'blame-shifting', message: 3, reason: '客户确认', author: '王质检', date: '2026-11-05', source: 'w.yaml:3' },
      { conversation: '1002', rule: 'forbidden-phrase', reason: '引用客户原话', author: '李主管', source: 'w.yaml:9' },
    ]);
    const bare = write('- {conversation: c-1, rule: blame-shifting, reason: 误报, author: 王}\n');
    expect(await loadWaivers(bare.file, 'w.yaml', isRule)).toHaveLength(1);
  });

  it('says in Chinese which file, entry and line is wrong, and what to write', async () => {
    const message = await problem('waivers:\n  - conversation: c-1\n    rule: blame-shifting\n    author: 王\n  - conversation: c-2\n    rule: blame-shifting\n    reason: 误报\n    author: 王\n    message: 第三条\n    extra: 1\n');
    expect(message).toContain('w.yaml:2 第 1 条豁免：reason（豁免原因）必填');
    expect(message).toContain('w.yaml:5 第 2 条豁免：');
    expect(message).toContain('message（第几条）必须是数字');
    expect(message).toContain('不认识的字段 extra');
  });

  it('refuses a rule that does not exist, a long numeric id YAML would round, a bad date, and broken YAML', async () => {
    expect(await problem('- {conversation: c-1, rule: blame-shiftin, reason: 误报, author: 王}\n')).toContain('没有叫 blame-shiftin 的规则');
    expect(await problem('- {conversation: 12345678901234567890, rule: blame-shifting, reason: 误报, author: 王}\n')).toContain('请给它加上引号');
    expect(await problem('- {conversation: c-1, rule: blame-shifting, reason: 误报, author: 王, expires: 2026-02-30}\n')).toContain('expires（到期日）必须是真实存在的日期');
    expect(await problem('waivers: [\n')).toMatch(/^w\.yaml:\d+：不是有效的 YAML（[^（]+（[A-Z_]+））。$/);
    expect(await problem('waivers: {conversation: c-1}\n')).toContain('waivers 应当是一个列表');
    expect(await problem('- {conversation: c-1, rule: blame-shifting, reason: "  ", author: 王}\n')).toContain('reason（豁免原因）不能为空');
    // A wildcard matches no conversation id, and would waive nothing without a word.
    expect(await problem('- {conversation: "*", rule: blame-shifting, reason: 误报, author: 王}\n')).toContain('不支持通配符');
    // Blanks or invisible characters alone would match nearly every message and waive every finding of the rule.
    for (const text of ['" "', '"\\u200b"', '"\\t \\ufeff"']) {
      expect(await problem(`- {conversation: c-1, rule: blame-shifting, text: ${text}, reason: 误报, author: 王}\n`)).toContain('text 不能为空，也不能只有空格或不可见字符');
    }
    // So would punctuation alone.
    for (const text of ['"，"', '"。！"', '"..."', '"😀"']) {
      expect(await problem(`- {conversation: c-1, rule: blame-shifting, text: ${text}, reason: 误报, author: 王}\n`)).toContain('text 不能只有标点或符号');
    }
  });

  it('is found beside the configuration, else in the working folder; --waivers names it', async () => {
    const { dir, file } = write('[]\n');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'supportlint-cwd-'));
    expect(await findWaiversFile(undefined, { sources: ['supportlint:recommended', path.join(dir, '.supportlintrc.yaml')] }, elsewhere)).toBe(file);
    expect(await findWaiversFile(undefined, { sources: ['supportlint:recommended'] }, dir)).toBe(file);
    expect(await findWaiversFile(undefined, { sources: ['supportlint:recommended'] }, elsewhere)).toBeUndefined();
    expect(await findWaiversFile('x.yaml', { sources: [] }, elsewhere)).toBe(path.join(elsewhere, 'x.yaml'));
  });
});
