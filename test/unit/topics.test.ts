import { describe, expect, it } from 'vitest';
import { customerTopics, TOPICS_PER_CONVERSATION } from '../../src/metrics/topics.js';

describe('customerTopics', () => {
  it('finds what the customer is writing about', () => {
    const topics = customerTopics(['你好，我的快递三天了还没到', '物流信息一直不更新，退款什么时候到账']);
    expect(topics).toEqual(expect.arrayContaining(['快递', '退款']));
    expect(topics.length).toBeLessThanOrEqual(TOPICS_PER_CONVERSATION);
  });

  it('leaves out greetings, fillers, masked placeholders, stickers and numbers', () => {
    const topics = customerTopics(['您好在吗，请问一下，我要咨询[数字x]的问题', '订单[ORDERID_10086]发票开错了[微笑] 20261102']);
    for (const noise of ['您好', '在吗', '请问', '咨询', '我要', '数字', 'orderid', '微笑', '问题']) expect(topics).not.toContain(noise);
    expect(topics).toContain('发票');
    expect(topics.some((t) => /\d/.test(t))).toBe(false);
  });

  it('leaves out @mentions, #topics# and links', () => {
    const topics = customerTopics(['@某某旗舰店 #双十一# 快递怎么还没到 https://example.com/track?id=1']);
    expect(topics).toContain('快递');
    for (const noise of ['旗舰店', '双十一', 'example', 'https', 'track']) expect(topics).not.toContain(noise);
  });

  it('takes no topic from personal data: names, addresses and accounts are masked before keywords are drawn', () => {
    const topics = customerTopics(['我叫张学友，快递三天了还没到', '我老公叫刘德华，寄到万科城市花园3栋2单元501，退款什么时候到账', '淘宝账号：tb_wangjianguo88']);
    expect(topics).toEqual(expect.arrayContaining(['快递', '退款']));
    for (const personal of ['学友', '刘德华', '德华', '万科', '城市花园', 'wangjianguo']) expect(topics.join(' ')).not.toContain(personal);
  });

  it('has nothing to say about an empty conversation', () => {
    expect(customerTopics([])).toEqual([]);
    expect(customerTopics(['   ', '[微笑]'])).toEqual([]);
  });
});
