import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/text/redact.js';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Spellings a second review found next to ones already masked.
describe('redaction of close spellings', () => {
  it.each([
    ['太过分了！Name: John Smith', ['John', 'Smith']],
    ['wei xin hao: zz_11223', ['zz_11223']],
    ['加我V X kk_10001', ['kk_10001']],
    ['微芯 kk_10002', ['kk_10002']],
    ['V❤信 kk_10003', ['kk_10003']],
    ['加个卫星 kk_10013', ['kk_10013']],
    ['加一下卫星 kk_10015', ['kk_10015']],
  ])('%s', (text, secrets) => {
    const masked = redactText(text);
    for (const secret of secrets) expect(masked).not.toContain(secret);
  });

  it('leaves ordinary words alone', () => {
    for (const text of ['name: 请填写', 'I need a 5 x 7 photo', '芯片坏了，换一个', '卫星 gps_module 信号弱']) expect(redactText(text)).toBe(text);
  });
});

describe('an @ spoken or typed as another word, sign or space before a well-known mail host', () => {
  masksAs([
    ['lilei圈163.com', 'l***@163.com'],
    ['邮箱 lilei 在 163.com', '邮箱 l***@163.com'],
    ['lilei 圈 163 dot com', 'l***@163.com'],
    ['发 wang_wu在gmail。com 吧', '发 w***@gmail.com 吧'],
    ['lilei~qq．com', 'l***@qq.com'],
    ['lilei 126.net', 'l***@126.net'],
    ['zhang圈yahoo.com.cn', 'z***@yahoo.com.cn'],
    // `at` is read first: the name is what comes before it.
    ['xy12 at qq dot com吧', 'x***@qq.com吧'],
    // A name that ends in a digit before a host that starts with one: the sign is no gap inside a number.
    ['好的ab12~163。com麻烦您', '好的a***@163.com麻烦您'],
    ['ab12 163.com', 'a***@163.com'],
  ]);

  leavesAlone([
    '我在163.com注册的',
    '请登录 https://mail.163.com/inbox 查看',
    'http://163.com',
    '在 qq.com 上',
    'a 在 qq.com',
    '官网 example.com 和 163.com',
    'lilei在163上买的',
  ]);
});

describe('a street address with no word before it, known by its shape', () => {
  masksAs([
    ['我家在杭州市西湖区文三路90号', '我家在杭州市西湖区******'],
    ['我家在杭州市西湖区文三路90号3栋402室，快点送', '我家在杭州市西湖区************，快点送'],
    ['浙江省杭州市余杭区五常街道文一西路969号', '浙江省杭州市余杭区************'],
    ['广东省深圳市南山区科技园南十二路18号', '广东省深圳市南山区**********'],
    ['人在北京市朝阳区建国路88号SOHO现代城A座1201室', '人在北京市朝阳区********************'],
    // The clause after the address is no part of it.
    ['西安市长安区陈北路1号学校里手机信号差', '西安市长安区*****学校里手机信号差'],
  ]);

  it('masks as the labelled address does: province, city and district kept', () => {
    expect(redactText('我家在杭州市西湖区文三路90号').replace('我家在', '')).toBe(redactText('住址 杭州市西湖区文三路90号').replace('住址 ', ''));
  });

  leavesAlone([
    '我在上海市浦东新区的仓库，3号楼',
    '北京地铁10号线',
    '杭州市区道路10号线',
    '我知道北京市朝阳区有个频道12号',
    '他在城市的超市路口3楼',
    '在我们小区门口路边3号楼',
    '订单已经从广州市白云区发出，单号12345，价格88元',
    '我家在杭州市西湖区，离文三路不远',
    '您好，我们会在3个工作日内处理',
  ]);
});
