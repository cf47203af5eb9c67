import rule from '../../rules/missing-closing.js';
import { runRuleTests } from '../support/rule-tester.js';
import { describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { transcript } from '../support/transcript.js';

const NO_CLOSING = (window = 2) => `缺少结束语：会话由客服收尾，但最后 ${window} 条回复里没有结束语（如“请问还有其他问题吗”“感谢您的耐心，再见”）。`;

runRuleTests(rule, {
  valid: [
    { name: 'a call whose goodbye the recogniser gave to the customer', channel: 'phone', code: ['客服: 您好', '客户: 我想问下转账', '客服: 交易时间在软件里转就可以', '客户: 好的谢谢，再见', '客服: 嗯'] },
    { name: 'goodbye', code: ['客户: 退款到了吗', '客服: 您好，已经原路退回', '客户: 好的谢谢', '客服: 不客气，祝您生活愉快，再见'] },
    { name: '"anything else?"', code: ['客户: 发票呢', '客服: 您好，已开具', '客服: 请问还有别的需要我帮忙的吗?'] },
    { name: '"anything else?" with a final 么 (read as 幺 after conversion)', code: ['客户: 发票呢', '客服: 您好，已开具', '客服: 还有其他想了解的么'] },
    { name: 'the closing in the second-to-last reply, within the window', code: ['客户: 好的', '客服: 您好，还有其他问题吗', '客户: 没有了', '客服: 好的呢'] },
    { name: 'thanks and an invitation to rate', code: ['客户: 行', '客服: 您好，已处理', '客服: 感谢您的耐心，辛苦给小妹打个评价哦'] },
    { name: 'an open offer to ask more', code: ['客户: 明白了', '客服: 您好，已经解决', '客服: 如果还有其他问题，可以继续留言给我'] },
    { name: 'traditional closing', code: ['客戶: 好的', '客服: 您好，已處理', '客服: 謝謝您的理解，再見'] },
    // Conversations the rule does not judge
    { name: 'the customer spoke last', code: ['客户: 退款呢', '客服: 您好，已经退了', '客服: 三天内到账', '客户: 好的'] },
    { name: 'a single agent reply', code: ['客户: 退款呢', '客服: 您好，已经退了'] },
    { name: 'a transfer hands the chat on', code: ['客户: 机票能退吗', '客服: 您好', '客服: 正在为您转接机票专员'] },
    { name: 'the agent is waiting for an answer', code: ['客户: 那个不行', '客服: 您好', '客服: 您是什么意思呢?'] },
    { name: 'the agent is mid-task', code: ['客户: 查下物流', '客服: 您好', '客服: 稍等哦'] },
    { name: 'a sticker-only last reply cannot be judged (a goodbye sticker?)', code: ['客户: 谢谢', '客服: 您好，已经处理', '客服: #E-s[数字x]'] },
    { name: 'negation does not cancel a closing', code: ['客户: 好的', '客服: 您好，已处理', '客服: 别忘了给个评价哦'] },
  ],
  invalid: [
    {
      name: 'in a chat the customer’s goodbye does not stand for the agent’s',
      code: ['客服: 您好', '客户: 我想问下转账', '客服: 交易时间在软件里转就可以', '客户: 好的谢谢，再见', '客服: 嗯'],
      errors: [{ messageId: 'noClosing', message: NO_CLOSING(), messageSeq: 4 }],
    },
    {
      code: ['客户: 退款呢', '客服: 您好，已经退了', '客户: 谢谢', '客服: 不客气'],
      errors: [{ messageId: 'noClosing', message: NO_CLOSING(), messageSeq: 3, suggestion: true }],
    },
    { name: '好的 is not a closing', code: ['客户: 地址改好了吗', '客服: 您好，改好了', '客户: 嗯', '客服: 好的哈'], errors: [{ messageId: 'noClosing', message: NO_CLOSING(), messageSeq: 3 }] },
    {
      name: 'traditional input is answered in traditional',
      code: ['客戶: 好的', '客服: 您好，已處理', '客服: 麻煩您了'],
      errors: [{ messageId: 'noClosing', message: '缺少結束語：會話由客服收尾，但最後 2 條回覆裡沒有結束語（如“請問還有其他問題嗎”“感謝您的耐心，再見”）。' }],
    },
    { name: 'full-width text', code: ['客户: ＯＫ', '客服: 您好，已处理', '客服: ＯＫ，辛苦您了'], errors: [{ messageId: 'noClosing', message: NO_CLOSING() }] },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'window: 3 reaches further back', code: ['客户: 行', '客服: 您好，还有其他问题吗', '客户: 嗯', '客服: 好', '客户: 谢', '客服: 嗯嗯'], options: { window: 3 } },
    { name: 'minAgentMessages: 3 skips a two-reply chat', code: ['客户: 退款呢', '客服: 您好，已退', '客服: 好的'], options: { minAgentMessages: 3 } },
  ],
  invalid: [
    {
      name: 'window: 1 only looks at the last reply',
      code: ['客户: 好', '客服: 您好，还有其他问题吗', '客户: 没了', '客服: 好的'],
      options: { window: 1 },
      errors: [{ messageId: 'noClosing', message: NO_CLOSING(1), messageSeq: 3 }],
    },
    { name: 'minAgentMessages: 1 judges a one-reply chat', code: ['客户: 退款呢', '客服: 已经退了'], options: { minAgentMessages: 1 }, errors: [{ messageId: 'noClosing', message: NO_CLOSING(1) }] },
    { name: 'publicThreads: true', code: ['客户: 好', '客服: 您好', '客服: 好的'], options: { publicThreads: true }, errors: [{ messageId: 'noClosing', message: NO_CLOSING() }] },
  ],
});

describe('missing-closing on public threads', () => {
  it('is not applicable on the DCH (Weibo) collection by default', () => {
    const conversation = transcript(['客户: 好', '客服: 您好', '客服: 好的']);
    conversation.source.format = 'dch';
    const result = lintConversation(conversation, {
      rules: [{ rule, severity: 'warn', options: rule.meta.schema.parse({}) }],
      lexicons: loadLexicons(),
      segmenter: jiebaSegmenter,
      calendar: { timezone: 'Asia/Shanghai' },
    });
    expect(result.findings).toEqual([]);
    expect(result.notApplicable).toEqual([{ ruleId: 'missing-closing', reason: 'public-thread' }]);
  });
});
