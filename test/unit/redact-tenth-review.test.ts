import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data a tenth black-box review found in clear.

describe('a WeChat or QQ id in a file name ends before the extension', () => {
  masksAs([
    ['kk_wx 微信kk_44444.jsonl', 'kk_wx 微信k******4.jsonl'],
    ['微信kk_44444.txt', '微信k******4.txt'],
    ['导出/QQ45678901.csv', '导出/QQ4******1.csv'],
    ['可以加下我微信 lover5209.jpg', '可以加下我微信 l*******9.jpg'],
  ]);
  // A dot inside an id stays inside it.
  masksAs([['Skype: john.smith99', 'Skype: j**********9']]);
  leavesAlone(['微信.jsonl', '加我微信 v1.2.jpg']);
});

describe('an @handle given as a contact after a platform’s name', () => {
  masksAs([
    ['微博：@王建国爱摄影', '微博：@王*****'],
    ['微博 @lilei_1990', '微博 @l********0'],
    ['我的微博是@lilei1990，私信我', '我的微博是@l********，私信我'],
    ['抖音号：@dy_lucy', '抖音号：@d*****y'],
    ['微博=@小鹿爱吃糖', '微博=@小****'],
    ['twitter: @john_smith88', 'twitter: @j**********8'],
  ]);
  // Mentions: of an agent, of everyone, of a company or a public figure after a platform's name with no sign.
  leavesAlone(['@客服小美 在吗', '@所有人 明天放假', '微博 @中国联通客服 你好', '微博@罗永浩', '微博 @华为手机 怎么还不回复', '微博求证.@罗永浩', 'plugins: @types/node']);
});

describe('a full name after the label of a person in a form with only spaces between', () => {
  masksAs([
    ['落款 王建国', '落款 王**'],
    ['落款：王 建国', '落款：王**'],
    ['落款 王 建国', '落款 王 **'],
    ['签名 李小红，日期 11月2日', '签名 李**，日期 11月2日'],
    ['经办人  张伟', '经办人  张*'],
    ['落款人 王建国', '落款人 王**'],
    ['签字 王建国', '签字 王**'],
    ['签字：王建国', '签字：王**'],
  ]);
  // A sentence after the label, a title after the surname, and words that are no name.
  leavesAlone(['负责人 马上处理', '负责人 王经理', '实名 认证', '落款 日期', '签名 方式', '请签字 确认', '签字确认']);
});

describe('an office address after a delivery verb', () => {
  masksAs([
    ['送到 朝阳区建国路88号SOHO现代城A座1203', '送到 朝阳区*******************'],
    ['寄到公司：海淀区中关村大街27号中关村大厦15层', '寄到公司：海淀区****************'],
    ['寄到公司：中关村大街27号中关村大厦15层', '寄到公司：****************'],
    ['寄到公司，中关村大厦15层1501室', '寄到公司，*************'],
    ['寄到国贸中心B座2201', '寄到**********'],
    ['送到万达广场3号楼1506室', '送到************'],
    ['送到公司：望京SOHO T1座1203', '送到公司：****** *******'],
    ['送到我们公司 建外SOHO 东区 8号楼 2301', '送到我们公司 ****** ** *** ****'],
    ['送到 国贸三期A座50层，谢谢', '送到 *********，谢谢'],
    ['送到我公司 望京SOHO T3 A座 1201', '送到我公司 ****** ** ** ****'],
    ['寄到 光华路SOHO 2期 B座 1203', '寄到 ******* ** ** ****'],
  ]);
  // A workplace with no address after it, a home, and a floor with no place before it.
  leavesAlone(['送到家', '送到公司了', '寄到公司就行', '送到公司3楼前台', '寄到公司，谢谢', '送到服务中心了']);
});

describe('a resident ID number given in parts', () => {
  masksAs([
    ['身份证 110105199001 011234', '身份证 110***********1234'],
    ['身份证前六位110105 后面是19900101123X', '身份证前六位110*** 后面是************'],
    ['身份证 110105199001\n011234', '身份证 110*********\n******'],
    ['身份证号前6位是110105，后12位是19900101123X', '身份证号前6位是110***，后12位是************'],
    // A right check character needs no word before the parts.
    ['110101199003074\n573', '110************\n***'],
    ['证件号码：110105 199001\n011234', '证件号码：110*********\n******'],
    // With no word for an ID and a wrong check character, the parts are numbers of their own.
    ['单号 110105199001\n011234', '单号 110*****9001\n011234'],
  ]);
  // Numbers whose parts make no ID: too few digits.
  leavesAlone(['订单 123456 和 654321', '身份证 123456 和 654321']);
});

describe('a nickname or a handle typed in full width, or after the traditional 暱稱', () => {
  masksAs([
    ['我的微博＠小鹿乱撞', '我的微博＠小***'],
    ['我的微博\u3000@小鹿乱撞', '我的微博\u3000@小***'],
    ['我的小红书＠lulu_2026', '我的小红书＠l********'],
    ['微博：＠王建国爱摄影', '微博：＠王*****'],
    ['我的微信暱稱：小鹿乱撞', '我的微信暱稱：小***'],
    ['暱稱：小鹿乱撞，電話13812345678', '暱稱：小***，電話138****5678'],
    ['我的暱稱是小鹿乱撞', '我的暱稱是小***'],
  ]);
  leavesAlone(['＠客服小美 在吗', '您的暱稱是什么']);
});

describe('a name whose parts another dot or a hyphen joins', () => {
  masksAs([
    ['我叫阿卜杜拉･艾力', '我叫*******'],
    ['我叫阿卜杜拉∙艾力', '我叫*******'],
    ['我叫阿卜杜拉ㆍ艾力', '我叫*******'],
    ['我叫阿卜杜拉-艾力', '我叫*******'],
    ['收件人：迪丽热巴—迪力木拉提，电话13812345678', '收件人：**********，电话138****5678'],
  ]);
  // A hyphen with spaces around it, or before no Han character, joins no name.
  masksAs([
    ['我叫阿卜杜拉 - 售后', '我叫**** - 售后'],
    ['收件人：王建国-13812345678', '收件人：王**-138****5678'],
  ]);
});

describe('personal data in HTML character references, or percent-encoded twice', () => {
  masksAs([
    ['邮箱 lilei&#64;163.com', '邮箱 l***@163.com'],
    ['邮箱 lilei&#x40;163.com', '邮箱 l***@163.com'],
    ['&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;', '138****5678'],
    ['收件人&#65306;王建国', '收件人&#65306;王**'],
    ['https://x.com/r?to=mailto%253Alilei%2540163.com', 'https://x.com/r?to=mailto%253Al***@163.com'],
    ['lilei%2540163.com', 'l***@163.com'],
  ]);
  // References and escapes that encode nothing personal, or no character at all.
  leavesAlone(['价格&#165;100', 'bad &#0; &#x110000; reference', '100%25的好评', 'AT&amp;T']);
});

describe('an account on another platform, or one the writer calls their own', () => {
  masksAs([
    ['我的B站账号：lulu2026', '我的B站账号：l******6'],
    ['TikTok账号：lulu_2026', 'TikTok账号：l*******6'],
    ['tiktok号：lulu_2026', 'tiktok号：l*******6'],
    ['我的instagram是 lulu_2026', '我的instagram是 l*******6'],
    ['我的ig：lulu.2026', '我的ig：l*******6'],
    ['我的facebook：lulu.chen.2026', '我的facebook：l************6'],
    ['我的账号是 lulu_2026', '我的账号是 l*******6'],
    ['登录账号：lulu_2026', '登录账号：l*******6'],
    ['我的ID是lulu_2026', '我的ID是l*******6'],
    ['通行账号是m24849350', '通行账号是m*******0'],
    ['支付宝账号 lulu_2026', '支付宝账号 l*******6'],
    ['支付宝号是 lulu_2026', '支付宝号是 l*******6'],
  ]);
  // A product's or an order's id, an account with no id after it, a word after 账号 with no digit, and short names with no sign.
  leavesAlone(['商品ID:3578046', '咨询订单号:[ORDERID_10319802]商品ID:3578046', '账号是什么', '账号：admin', 'big deal', 'ig lulu_2026 looks fine', '账号余额里面', '可以用支付宝付款吗', '支付宝账号绑定不了']);
});

describe('the pii-exposure rule does not read accounts on platforms or the writer’s own', () => {
  it.each(['我的B站账号：lulu2026', '我的instagram是 lulu_2026', '我的账号是 lulu_2026', '通行账号是m24849350'])('%s', (text) => {
    expect(findAccounts(text, 'eager')).toHaveLength(1);
    expect(findAccounts(text, 'certain')).toEqual([]);
  });
});

describe('a nickname in quotation marks, with a space, in Latin letters, in a link; a member name on Taobao', () => {
  masksAs([
    ['昵称「小鹿乱撞」', '昵称「小***」'],
    ['昵称“小鹿乱撞”', '昵称“小***”'],
    ['微信名：“Lucky Star”', '微信名：“L*********”'],
    ['微信名：小鹿 乱撞', '微信名：小****'],
    ['微信名：Lucky Star', '微信名：L*********'],
    ['https://a.com/?nickname=小鹿乱撞&x=1', 'https://a.com/?nickname=小***&x=1'],
    ['https://a.com/?nickname=%E5%B0%8F%E9%B9%BF%E4%B9%B1%E6%92%9E', 'https://a.com/?nickname=小***'],
    ['{"nickname":"小鹿乱撞"}', '{"nickname":"小***"}'],
    ['旺旺：小鹿乱撞2026', '旺旺：小*******'],
    ['我的淘宝id是 小鹿乱撞2026', '我的淘宝id是 小*******'],
  ]);
  // The snacks, a question about the shop, and a question about the name.
  leavesAlone(['旺旺 雪饼', '旺旺雪饼好吃', '淘宝是正品吗', '您的微信名叫什么', '昵称是什么']);
});

describe('an @handle after 是, and a QQ number in Chinese digits after an invitation', () => {
  masksAs([
    ['我的抖音是 @小鹿乱撞', '我的抖音是 @小***'],
    ['微博是@小鹿乱撞', '微博是@小***'],
    ['加我qq，号码是一二三四五六七八九', '加我qq，号码是1*******9'],
  ]);
});

describe('a mask keeps an emoji whole', () => {
  masksAs([['微信名：🐰小鹿乱撞🐰', '微信名：🐰*****']]);
});

describe('digits of other styles: negative or double circled, circled ideographs, Devanagari', () => {
  masksAs([
    ['手机❶❸❽❶❷❸❹❺❻❼❽', '手机138****5678'],
    ['手机➀➂➇➀➁➂➃➄➅➆➇', '手机138****5678'],
    ['手机⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼', '手机138****5678'],
    ['手机㊀㊂㊇㊀㊁㊂㊃㊄㊅㊆㊇', '手机138****5678'],
    ['手机१३८१२३४५६७८', '手机138****5678'],
  ]);
  leavesAlone(['第㊀名', '❶ 先退货 ❷ 再退款']);
});

describe('a name spelt character by character', () => {
  masksAs([
    ['我姓张，弓长张，名字叫伟，伟大的伟', '我姓张，弓长张，名字**，****'],
    ['我叫李娜，木子李，婀娜的娜', '我叫李*，木子李，****'],
    ['我叫王建国，三横王，建设的建，国家的国', '我叫王**，三横王，****，****'],
    ['我叫王建国，国家那个国', '我叫王**，*****'],
  ]);
  // No name given, a word that is no spelling, and a spelling of nothing in the word before it.
  leavesAlone(['伟大的伟人', '国家的国，家的家', '好的，您的订单的号', '我叫车，好的好的', '名字不对，快递的件']);
});

describe('letters and digits dictated one by one, as a speech recogniser writes them', () => {
  masksAs([
    ['微信号是 k k 下划线 一 零 零 一 七', '微信号是 k******7'],
    ['邮箱是 l i l e i 艾特 q q 点 com', '邮箱是 l***@qq.com'],
    ['邮箱是 l i l e i 艾特 一 六 三 点 com', '邮箱是 l***@163.com'],
  ]);
  // Single letters with no spoken @ or _ in the message.
  leavesAlone(['选 a b c 都可以', '套餐 A B 两种']);
});

describe('an address after an address label that starts at the building', () => {
  masksAs([
    ['地址：万达广场B座1503室', '地址：***********'],
    ['收货地址：翡翠城3期12幢', '收货地址：********'],
    ['寄到：万达广场B座1503', '寄到：**********'],
    ['地址：望京SOHO T1 1201', '地址：****** ** ****'],
    ['地址：国贸三期A座', '地址：******'],
  ]);
  leavesAlone(['售后网点地址查询：O网页链接 如需返厂维修请拨打客服热线400-700-6600进行咨询.', '湖南[地址x]实际已支付金额[金额x] 123', '地址：我填的是1201', '地址和产品型号']);
});

describe('names after 发票抬头, 患者 and 预约人, after 帮 and 写, and signing off a letter', () => {
  masksAs([
    ['发票抬头：王建国', '发票抬头：王**'],
    ['抬头写王建国', '抬头写王**'],
    ['患者：王建国', '患者：王**'],
    ['预约人：王建国', '预约人：王**'],
    ['写王建国的名字', '写王**的名字'],
    ['帮王建国查一下', '帮王**查一下'],
    ['王建国是我爸', '王**是我爸'],
    ['王建国 敬上', '王** 敬上'],
    ['此致敬礼 王建国', '此致敬礼 王**'],
    ['谢谢——王建国', '谢谢——王**'],
  ]);
  // A company as the invoice's title, and words that are no names.
  leavesAlone(['发票抬头：北京某某科技有限公司', '抬头写公司', '帮我查一下', '写作业的名字', '好的--谢谢', '这是我爸爸的订单']);
});

describe('an English handle or username the writer calls their own', () => {
  masksAs([
    ['my instagram is @mary_jones99', 'my instagram is @m**********9'],
    ['my username is mary_jones99', 'my username is m**********9'],
    ['my user id is mj_2026', 'my user id is m*****6'],
  ]);
  // A mention, and words after "is" with no digit or _.
  leavesAlone(['Hi @mary_jones99', 'my account is locked', 'wechat is working']);
});
