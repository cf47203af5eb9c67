import { describe, expect, it } from 'vitest';
import { answerNeedFrom } from '../../src/analysis/answer-need.js';
import { conversationOutcome } from '../../src/analysis/outcome.js';
import { overlap, repeatedAsks } from '../../src/analysis/repeated-ask.js';
import { customerSignals, predictSatisfaction, SATISFACTION_WEIGHTS, type SatisfactionFeatures } from '../../src/analysis/satisfaction.js';
import { conversationSentiment, customerSentiments, messageSentiment } from '../../src/analysis/sentiment.js';
import { ConversationAnalysis } from '../../src/engine/analysis.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { transcript } from '../support/transcript.js';

const lexicons = loadLexicons();
const need = answerNeedFrom((id) => lexicons.get(id)!);
const analyse = (lines: string[]) => new ConversationAnalysis(transcript(lines), jiebaSegmenter, { timezone: 'Asia/Shanghai' }, lexicons);
const sentimentOf = (text: string) => {
  const analysis = analyse([`客户: ${text}`]);
  return messageSentiment(analysis, need, analysis.messages[0]!);
};

describe('customer sentiment, message by message', () => {
  it('reads thanks as content and praise on top of it as pleased', () => {
    expect(sentimentOf('好的，谢谢')).toBe(1);
    expect(sentimentOf('问题解决了，非常满意，谢谢你')).toBe(2);
  });

  it('reads a complaint as unhappy, and one pressed with a threat or "!!" as angry', () => {
    expect(sentimentOf('你们发货也太慢了')).toBe(-1);
    expect(sentimentOf('怎么还没到！！')).toBe(-2);
    expect(sentimentOf('太慢了，我要投诉你们')).toBe(-2);
  });

  it('reads a reproachful question as unhappy, and a plain one as neutral', () => {
    expect(sentimentOf('你们就不管了吗？')).toBe(-1);
    expect(sentimentOf('能不能开发票？')).toBe(0);
    expect(sentimentOf('请问几点发货')).toBe(0);
  });

  it('reads unhappiness with the reply that has no complaint word: reproach aimed at the agent, a step that never happened, a missed point', () => {
    expect(sentimentOf('你们又改口了')).toBe(-1);
    expect(sentimentOf('我等了一上午你一直不回')).toBe(-1);
    expect(sentimentOf('说好的退款还没到账')).toBe(-1);
    expect(sentimentOf('打了三次电话都没人接')).toBe(-1);
    expect(sentimentOf('我问的是运费谁出')).toBe(-1);
    expect(sentimentOf('麻烦正面回答我能不能换')).toBe(-1);
  });

  it('does not read politeness, a greeting or an A-not-A question to the agent as reproach', () => {
    expect(sentimentOf('不好意思，你们几点下班')).toBe(0);
    expect(sentimentOf('你好，我想开一张发票')).toBe(0);
    expect(sentimentOf('你们能不能开专票')).toBe(0);
    expect(sentimentOf('你有没有收到我发的照片')).toBe(0);
    expect(sentimentOf('没关系，你慢慢查')).toBeGreaterThanOrEqual(0);
  });

  it('does not take a negated complaint or thanks with a "but" for what it is not', () => {
    expect(sentimentOf('不急，慢慢来')).toBe(0);
    expect(sentimentOf('谢谢，但是我还是想退货')).toBe(0);
  });

  it('gives nothing for a sticker alone', () => {
    expect(sentimentOf('[微笑]')).toBeNull();
  });

  it('takes start, end and worst, the end from the last burst as a whole', () => {
    const analysis = analyse(['客户: 快递三天了还没到，太慢了', '客服: 非常抱歉，我马上帮您催一下', '客户: 还是没动', '客户: 算了不要了', '客服: 好的，帮您取消']);
    const read = customerSentiments(analysis, need);
    expect(conversationSentiment(read, 2)).toEqual({ start: -1, end: -1, worst: -1 });
    const calm = analyse(['客户: 请问发票怎么开', '客服: 订单页点申请发票即可', '客户: 好的，谢谢']);
    expect(conversationSentiment(customerSentiments(calm, need), 2)).toEqual({ start: 0, end: 1, worst: 0 });
  });
});

describe('outcome', () => {
  const outcomeOf = (lines: string[]) => customerSignals(analyse(lines), need).outcome;

  it('is resolved when the customer thanks after an agent step', () => {
    expect(outcomeOf(['客户: 发票怎么开', '客服: 在订单详情页点申请发票', '客户: 好的，开好了，谢谢'])).toEqual({ outcome: 'resolved', cues: ['thanks-after-reply'] });
  });

  it('is unresolved when the customer ends negative, or is left waiting', () => {
    expect(outcomeOf(['客户: 退款怎么还没到', '客服: 请再等等', '客户: 算了，不想弄了']).outcome).toBe('unresolved');
    const waiting = outcomeOf(['客户: 退款怎么还没到', '客服: 我帮您查一下', '客户: 那到底什么时候能到账？']);
    expect(waiting.outcome).toBe('unresolved');
    expect(waiting.cues).toContain('unanswered-ending');
  });

  it('is unresolved when nobody replied at all', () => {
    expect(outcomeOf(['客户: 我的包裹丢了，怎么处理']).cues).toEqual(expect.arrayContaining(['no-reply']));
  });

  it('is unknown when the agent had the last word and the customer said nothing more', () => {
    expect(outcomeOf(['客户: 发票怎么开', '客服: 在订单详情页点申请发票即可']).outcome).toBe('unknown');
  });

  it('thanks before any agent reply do not resolve anything', () => {
    const analysis = analyse(['客户: 谢谢']);
    const read = customerSentiments(analysis, need);
    expect(conversationOutcome(analysis, need, read, 1).outcome).not.toBe('resolved');
  });
});

describe('repeated asks', () => {
  it('finds the same question asked again after an agent answered it', () => {
    const analysis = analyse(['客户: 我的退款什么时候到账', '客服: 三到五个工作日', '客户: 我就想知道退款什么时候到账']);
    expect([...repeatedAsks(analysis, need)]).toEqual([2]);
  });

  it('does not count a different question or a short acknowledgement', () => {
    const analysis = analyse(['客户: 我的退款什么时候到账', '客服: 三到五个工作日', '客户: 好的', '客户: 发票能开专票吗']);
    expect(repeatedAsks(analysis, need).size).toBe(0);
    expect(overlap('退款什么时候到账', '发票能开专票吗')).toBe(0);
  });
});

describe('predicted satisfaction', () => {
  const neutral: SatisfactionFeatures = { start: 0, end: 0, worst: 0, resolved: 0, unresolved: 0, unanswered: 0, repeatedAsk: 0, length: 1, negativeShare: 0 };

  it('is the weighted sum of the features, kept within 1–5 at one decimal', () => {
    const expected = SATISFACTION_WEIGHTS.intercept + SATISFACTION_WEIGHTS.length;
    expect(predictSatisfaction(neutral)).toBe(Math.round(expected * 10) / 10);
    expect(predictSatisfaction(neutral, { ...SATISFACTION_WEIGHTS, intercept: 9 })).toBe(5);
    expect(predictSatisfaction(neutral, { ...SATISFACTION_WEIGHTS, intercept: -9 })).toBe(1);
  });

  it('ranks a thanked, resolved conversation above an angry, unanswered one', () => {
    const happy = customerSignals(analyse(['客户: 发票怎么开', '客服: 在订单详情页点申请发票', '客户: 好的，开好了，非常满意，谢谢']), need);
    const angry = customerSignals(analyse(['客户: 退款怎么还没到！！', '客服: 请再等等', '客户: 到底要等多久？我要投诉']), need);
    expect(happy.predictedSatisfaction!).toBeGreaterThan(angry.predictedSatisfaction!);
    // Above and below the middle of the scale, on the side CSAT would put them.
    expect(happy.predictedSatisfaction!).toBeGreaterThan(3.5);
    expect(angry.predictedSatisfaction!).toBeLessThan(2.5);
  });

  it('predicts nothing when the customer wrote nothing readable', () => {
    expect(customerSignals(analyse(['客服: 您好，请问有什么可以帮您']), need)).toMatchObject({ sentiment: null, predictedSatisfaction: null });
  });
});
