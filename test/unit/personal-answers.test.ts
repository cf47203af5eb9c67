import { describe, expect, it } from 'vitest';
import { personalAnswers } from '../../src/text/personal-answers.js';

const agent = (text: string) => ({ role: 'agent', text });
const customer = (text: string) => ({ role: 'customer', text });

describe('values given as the bare answer to a question for them', () => {
  it('takes the first reply to a question for a name, an address or an account, without the words around it', () => {
    expect(
      personalAnswers([
        agent('您好，这里是星河宽带，请问机主姓名是？'),
        customer('王建国。'),
        agent('请问怎么称呼您？'),
        customer('我 李秀英'),
        agent('请问收货地址是哪里？'),
        customer('望京西园三区123号楼4单元501'),
        agent('请问您的微信号是多少？'),
        customer('kk_1001'),
        customer('这个也要吗'),
        agent('邮箱呢？'),
        customer('lilei，163的'),
      ]),
    ).toEqual(['王建国', '李秀英', '望京西园三区123号楼4单元501', 'kk_1001', 'lilei，163']);
  });

  it('takes nothing after a statement, a question for something else, or from a reply that answers nothing', () => {
    expect(
      personalAnswers([
        agent('您的地址已经登记好了'),
        customer('王建国'),
        agent('请问还有什么可以帮您？'),
        customer('没有了'),
        agent('请问是机主本人吗？'),
        customer('是的'),
        agent('请问您的姓名？'),
        customer('为什么要问这个？'),
        { role: 'agent', text: '请问收件人姓名？', internal: true },
        customer('张伟'),
        // Words that are no name, no account and no address.
        agent('请问您的姓名？'),
        customer('管理'),
        agent('请问您的账号？'),
        customer('稍等'),
        agent('收货地址是哪里？'),
        customer('就是上次那个3号啊'),
      ]),
    ).toEqual([]);
  });
});
