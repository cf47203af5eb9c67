import { describe, expect, it } from 'vitest';
import { redactQuote, redactText } from '../../src/text/redact.js';
import { findPersonalNumbers, piiView } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';


describe('redactText: numbers spelt to slip past a filter', () => {
  masksAs([
    ['电话138，5555，6666', '电话138****6666'],
    ['电话138_9999_0000好的', '电话138****0000好的'],
    ['电话138/3333/4444', '电话138****4444'],
    ['电话1\u200b3\u200b8\u200b1234\u200b5678', '电话138****5678'],
    ['电话138\u200d1234\u2060 5678', '电话138****5678'],
    ['电话一三八一二三四五六七八', '电话138****5678'],
    ['电话幺三八幺二三四五六七八', '电话138****5678'],
    ['打幺五零 两三四五 六七八九', '打150****6789'],
    ['电话１３８，１２３４，５６７８', '电话138****5678'],
  ]);
});

describe('redactText: e-mail addresses spelt otherwise', () => {
  masksAs([
    ['邮箱 name at 163 dot com 谢谢', '邮箱 n***@163.com 谢谢'],
    ['发到wangwu@qq。com吧', '发到w***@qq.com吧'],
    ['发到 张三@公司.中国 吧', '发到 ***@公司.中国 吧'],
    ['邮箱 lisi(at)gmail(dot)com', '邮箱 l***@gmail.com'],
    ['邮箱 lisi@qq，com', '邮箱 l***@qq.com'],
  ]);
});

describe('redactText: WeChat and QQ ids after other words', () => {
  masksAs([
    ['加我V信 abc12345', '加我V信 a******5'],
    ['薇信：zhangsan_88', '薇信：z*********8'],
    ['Wechat:lisi2026', 'Wechat:l******6'],
    ['企鹅号 12345678', '企鹅号 1******8'],
    ['Q Q：87654321', 'Q Q：8******1'],
    ['QQ号是一二三四五六七八', 'QQ号是1******8'],
  ]);
});

describe('redactText: names in other spellings', () => {
  masksAs([
    ['我叫Zhang Wei，订单没到', '我叫Z*******，订单没到'],
    ['我叫黄 蓉', '我叫黄*'],
    ['我姓杨，叫杨过', '我姓杨，叫杨*'],
    ['你好我叫li lei', '你好我叫l****'],
  ]);
});

describe('redactQuote', () => {
  it('moves a highlighted range to the same words after masking', () => {
    const text = '电话13812345678，您别着急';
    const result = redactQuote(text, [text.indexOf('别着急'), text.length]);
    expect(result.text).toBe('电话138****5678，您别着急');
    expect(result.text.slice(...result.range!)).toBe('别着急');
  });

  it('a range over a masked number covers its mask', () => {
    const text = '号码是 138 1234 5678 对吧';
    const result = redactQuote(text, [4, 17]);
    expect(result.text.slice(...result.range!)).toBe('138****5678');
  });
});

describe('piiView', () => {
  it('maps a match in the normalised view back to the original spelling', () => {
    const text = '请打一三八，1234_五六七八谢谢';
    const view = piiView(text);
    expect(view.text).toBe('请打13812345678谢谢');
    const [hit] = findPersonalNumbers(text, { spellings: 'any' });
    expect(text.slice(hit!.start, hit!.end)).toBe('一三八，1234_五六七八');
    expect(hit!.digits).toBe('13812345678');
  });

  it('reads ordinary words with Chinese numerals as they are', () => {
    expect(piiView('一两个 三五天 十一点').text).toBe('一两个 三五天 十一点');
  });
});

describe('more evasions found by a later review', () => {
  it.each([
    ['spaces around the @', '邮箱 sunwukong @qq.com', 'sunwukong'],
    ['a space after the @', '备用 zbj@ qq.com', 'zbj@ qq'],
    ['[at] and [.]', '还有 shs[at]163[.]com', 'shs[at]'],
    ['点 as the dot', '和 bjie@163点com', 'bjie@'],
    ['Unicode hyphens between groups', '电话138‐4729‐1056', '4729'],
    ['a minus sign between groups', '电话139−4729−1056', '4729'],
    ['circled digits', '①③⑧④⑦②⑨①⓪⑤⑥', '④⑦②⑨'],
    ['Arabic-Indic digits', '١٣٨٤٧٢٩١٠٥٦', '٤٧٢٩'],
    ['mathematical digits', '𝟏𝟑𝟖𝟒𝟕𝟐𝟗𝟏𝟎𝟓𝟔', '𝟒𝟕𝟐𝟗'],
  ])('%s', (_name, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
  });
});

describe('a phone as groups of 3, 4 and 4 digits with words between them', () => {
  it.each(['138加4729加1056', '139转4729转1056', '137空格4729空格1056', '136 杠 4729 杠 1056', '一三八加四七二九加一零五六'])('%s', (text) => {
    expect(redactText(text)).toMatch(/^1[3-9][0-9]\*{4}1056$/u);
  });

  it('the pii-exposure rule reads it as a phone only with the same joining word twice: its reading is the certain one', () => {
    expect(findPersonalNumbers('138加4729加1056', { spellings: 'any' })).toMatchObject([{ kind: 'mobile', digits: '13847291056', start: 0, end: 13 }]);
    for (const text of ['138加4729转1056', '138件加4729元加1056', '138元4729元1056']) {
      expect(findPersonalNumbers(text, { spellings: 'any' }), text).toEqual([]);
      expect(findPersonalNumbers(text, { spellings: 'eager' }), text).toMatchObject([{ kind: 'mobile', digits: '13847291056' }]);
    }
  });

  // Groups that do not start as a mobile number.
  leavesAlone(['共238件加4729元加1056元']);
});

describe('# for the @ of an e-mail address (redaction only)', () => {
  masksAs([
    ['qianduoduo#163.com', 'q***@163.com'],
    ['邮箱 qianduoduo ＃ 163点com', '邮箱 q***@163.com'],
  ]);

  it('only the eager reading takes # for @', () => {
    expect(piiView('qianduoduo#163.com').text).toBe('qianduoduo#163.com');
    expect(piiView('qianduoduo#163.com', 'eager').text).toBe('qianduoduo@163.com');
  });

  leavesAlone(['订单#12345 已发货', '话题 #双十一#']);
});

describe('WeChat and QQ ids after a lone V, 微.信 or q号', () => {
  masksAs([
    ['加v：moonlight_77', '加v：m**********7'],
    ['➕V moonriver_66', '➕V m**********6'],
    ['微.信 tiantian_99', '微.信 t*********9'],
    ['q号 87654321', 'q号 8******1'],
  ]);

  // A V after a plus sign and a space is a version, not WeChat.
  leavesAlone(['型号 NW705+ V1.1.104']);
});

describe('names after a cue, on the surname list or not', () => {
  masksAs([
    ['我叫乔峰', '我叫**'],
    ['收件人:乔峰', '收件人:**'],
    ['收件人：乔峰，电话见订单', '收件人：**，电话见订单'],
    ['收件人乔峰', '收件人**'],
    ['寄件人乔峰电话是多少', '寄件人**电话是多少'],
    ['叫我段誉就行', '叫我段*就行'],
    ['我是虚竹，', '我是**，'],
    ['我是阿霞强，', '我是***，'],
    ['收件人：付晓明', '收件人：付**'],
    ['姓名 令 狐 冲', '姓名 ***'],
    ['我叫谢霆锋', '我叫谢**'],
    ['名字：Li Lei', '名字：L****'],
  ]);

  // What follows 我是, 叫我 or a label without a colon is as often an ordinary phrase.
  leavesAlone(['我是新用户', '我是他妈妈，', '我是学生。', '我是证券，', '我是第一次买，', '叫我自己查询，', '叫我等一下', '叫我发短信，', '收货人拒签', '联系人数量较少时不显示', '户主联系不上', '收件人地址是北京']);
});

describe('e-mail addresses a second review got past --redact', () => {
  masksAs([
    ['邮箱 lilei @ 163.com，谢谢', '邮箱 l***@163.com，谢谢'],
    ['邮箱 lilei @ 163 . com', '邮箱 l***@163.com'],
    ['邮箱 l i l e i @ 1 6 3 . c o m，谢谢', '邮箱 l***@163.com，谢谢'],
    ['邮箱 lilei at gmail 就行', '邮箱 l***@gmail 就行'],
    ['邮箱lilei@163，收到吗', '邮箱l***@163，收到吗'],
    ['发 hanmeimei @ qq 吧', '发 h***@qq 吧'],
  ]);

  // "at" and @ before a word that is not a mail host, and letters spaced out without an @, are text.
  leavesAlone(['meet at home', 'I am at work 好的', '@小林 麻烦看下', 'x a b c d y', '收到 a.m. 的消息', '结果是 a @ b']);
});

describe('a mobile number with letters typed for 1 and 0', () => {
  masksAs([
    ['电话l384729lO56', '电话138****1056'],
    ['打 I38-4729-1O56 找我', '打 138****1056 找我'],
    ['号码 l38 4729 lo56', '号码 138****1056'],
  ]);

  it('the pii-exposure rule reads it too: the letters stand inside a number and nowhere else', () => {
    expect(findPersonalNumbers('您的号码 l384729lO56', { spellings: 'any' })).toMatchObject([{ kind: 'mobile', digits: '13847291056' }]);
  });

  // Words, codes glued to letters, and runs of letters that are not mostly digits.
  leavesAlone(['Iloveyou1234', 'l3ooooooooo', '型号lO5', '编码l384729lO56a', 'hello13ol']);
});

describe('WeChat ids after words a second review used', () => {
  masksAs([
    ['wei xin: zz_11223', 'wei xin: z******3'],
    ['v❤ kk_23456', 'v❤ k******6'],
    ['v❤️ kk_23456', 'v❤️ k******6'],
    ['薇❤：kk_34567', '薇❤：k******7'],
    ['微心 kk_45678', '微心 k******8'],
    ['卫星号 kk_56789', '卫星号 k******9'],
    ['威x kk_78901', '威x k******1'],
  ]);

  // 卫星 is a satellite unless 号 follows it.
  leavesAlone(['卫星 定位 gps12345', '卫星电视 abc12345']);
});

describe('names a second review got past --redact', () => {
  masksAs([
    ["I'm John Smith，订单没到", "I'm J********，订单没到"],
    ["Hi, my name is Mary-Jane O'Neil.", 'Hi, my name is M**************.'],
    ['姓名：J. R. R. Tolkien', '姓名：J************'],
    ['我叫John Q. Smith，', '我叫J**********，'],
    ['卡号末四位7894，户名 郭靖', '卡号末四位7894，户名 郭*'],
    ['账户名称：郭靖', '账户名称：郭*'],
    // A compound surname points at few families: it is masked with the given name.
    ['我姓欧阳名锋', '我姓**名*'],
    ['我叫欧阳锋', '我叫***'],
    ['收件人：欧阳锋，电话见订单', '收件人：***，电话见订单'],
  ]);

  // After an English cue only capitalised words are a name, and not these.
  leavesAlone(["I'm sorry for the delay", "I'm OK, thanks", "I'm Chinese", 'I am Not sure', 'my name is not important', '姓名：x', '账户名收货地址要一致']);
});

describe('street addresses, passports and licence plates', () => {
  masksAs([
    ['地址：北京市朝阳区建国路88号SOHO现代城A座1201室，谢谢', '地址：北京市朝阳区********************，谢谢'],
    ['收货地址 上海市浦东新区世纪大道100号3栋402', '收货地址 上海市浦东新区*************'],
    ['寄到杭州市西湖区文三路 100 号，谢谢', '寄到杭州市西湖区*** *** *，谢谢'],
    ['住在阳光小区', '住在****'],
    // What else is masked inside an address keeps its own mask.
    ['地址：朝阳区建国路88号，电话13812345678', '地址：朝阳区******，电话138****5678'],
    // The next field of a label ends the address.
    ['地址 建国路88号 电话：13812345678', '地址 ****** 电话：138****5678'],
    ['地址：朝阳区建国路88号 13812345678', '地址：朝阳区****** 138****5678'],
    ['护照 E12345678', '护照 E******78'],
    ['护照号码：G87654321。', '护照号码：G******21。'],
    ['港澳通行证 C12345678', '港澳通行证 C******78'],
    ['车牌京A12345', '车牌京A*****'],
    ['车牌 粤B·D12345，', '车牌 粤B******，'],
  ]);

  // A cue with no street address after it, a district that is a neighbourhood word, and words after a province's character.
  leavesAlone([
    '地址不对',
    '收货地址改一下',
    '寄到公司吧',
    '送到楼下就行',
    '发到这个地址就行',
    '地址：北京市朝阳区',
    '麻烦把地址和型号发我一下',
    '这个地址周边室内信号弱',
    '编辑短信发送到10086查询',
    '请私信详细地址（**市**区**路**号）',
    '苏A牌照',
    '护照办好了吗',
  ]);
});
