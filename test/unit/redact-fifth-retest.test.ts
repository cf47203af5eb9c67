import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Spellings a fifth black-box re-test still found in clear.

describe('a landline with a bracketed area code and a split number, or after a word for a phone', () => {
  masksAs([
    ['座机(021)6666-8888，太过分了', '座机021-********，太过分了'],
    ['座机 (021) 6666 8888', '座机 021-********'],
    ['0571-8888-6666', '0571-********'],
    ['区号021 电话66668888', '区号021 电话********'],
    ['电话：6666-8888，谢谢', '电话：********，谢谢'],
    ['固话是 3661346', '固话是 *******'],
    ['tel: 6666 8888', 'tel: ********'],
    ['Phone 66668888', 'Phone ********'],
  ]);

  // A card's groups, a hotline published for everyone, the first digits of a half-hidden mobile number,
  // and numbers that are no phone's.
  leavesAlone(['客服电话 66668888', '手机号1560162xxxx', '电话费 2024 年', 'hotel 12345678']);
});

describe('a Taiwan mobile number in groups', () => {
  masksAs([
    ['台湾手机0912-345-678，太过分了', '台湾手机0912******，太过分了'],
    ['09 1234 5678', '0912******'],
    ['0912 345 678', '0912******'],
    ['0912345678', '0912******'],
  ]);
  leavesAlone(['2026-09 1234', '版本 0912-34']);
});

describe('an English street address', () => {
  masksAs([
    ['寄到 123 Main Street, Springfield, IL 62704 的收件人', '寄到 *** **** ******, Springfield, IL ***** 的收件人'],
    ['Ship to 42 Baker St, London NW1 6XE. Thanks', 'Ship to ** ***** **, London *** ***. Thanks'],
    ['my address is 1600 Amphitheatre Parkway, Mountain View', 'my address is **** ************ *******, Mountain View'],
    ['221B Baker Street', '**** ***** ******'],
    ['100 Queen St W, Toronto, ON M5H 2N2', '*** ***** ** *, Toronto, ON *** ***'],
    ['12 High Street Apt 4B', '** **** ****** *** **'],
    // After a word that introduces an address, in any case.
    ['ship to 42 baker st, london nw1 6xe', 'ship to ** ***** **, london *** ***'],
    ['deliver to 7 elm road', 'deliver to * *** ****'],
    ['5 Main St. Apt 3', '* **** *** *** *'],
    // Dr. before a name is a title (the name is masked as one), not a street.
    ['Windows 10 Pro Dr. Smith said', 'Windows 10 Pro Dr. S**** said'],
  ]);
  // No house number, a street word that is no street's, words in lower case with no word before them.
  leavesAlone(['Main Street Mall', 'It took 2 hours on the road', 'Top 10 Ways to save', 'I waited 3 days Way too long']);
});

describe("a home in a housing estate, with no district or road before it", () => {
  masksAs([
    ['万科城市花园3栋2单元501，太过分了', '**************，太过分了'],
    ['阳光小区5号楼3单元402室', '**************'],
    ['翠苑3幢402室', '********'],
    ['杭州市西湖区万科城市花园3栋2单元501', '杭州市西湖区**************'],
  ]);
  // A building alone, a number of buildings, a price.
  leavesAlone(['5号楼', '我买了3栋楼', '小区3栋楼都停电了', '花园3座500元']);
});

describe('a full name after 叫 whoever says it, or after a verb for reaching someone', () => {
  masksAs([
    ['我老公叫刘德华，太过分了', '我老公叫刘**，太过分了'],
    ['我妈叫王秀英', '我妈叫王**'],
    ['他叫周杰伦', '他叫周**'],
    ['找张学友', '找张**'],
    ['请转告王建国', '请转告王**'],
    ['麻烦通知李娜', '麻烦通知李*'],
    ['我朋友名叫欧阳锋', '我朋友名叫***'],
    // Not beside the phone number alone (a word comes before it), but after 联系.
    ['联系张伟 138****5678', '联系张* 138****5678'],
  ]);
  // Ordinary phrases: no surname after the verb, a word jieba knows, a title after a surname.
  leavesAlone(['叫车', '他叫我等一下', '找客服', '通知您', '找方法解决', '马上叫马上来', '叫高手来', '找王经理', '通知李老师', '找京东']);
});

describe('a name in Latin letters that signs off a message', () => {
  masksAs([
    ['That is the courier’s problem. Regards, Mary Jones', 'That is the courier’s problem. Regards, M********'],
    ['Thanks, John Smith', 'Thanks, J********'],
    ['Signed, John Smith.', 'Signed, J********.'],
    ['Best regards,\nLi Lei\n', 'Best regards,\nL****\n'],
    ['Cheers, John Q. Smith!', 'Cheers, J**********!'],
  ]);
  // A team or a company signs, one word. (A name followed by more of its line: redact-latin-names.test.ts.)
  leavesAlone(['Best regards, the team', 'Thanks, Support Team', 'Kind regards, Acme Corp', 'Thanks, John']);
});

describe('an id after the name of another messenger', () => {
  masksAs([
    ['联系方式 绿泡泡 abc_1234，太过分了', '联系方式 绿泡泡 a******4，太过分了'],
    ['line id: abc_1234', 'line id: a******4'],
    ['LINE abc_1234', 'LINE a******4'],
    ['telegram @abc_1234', 'telegram @a******4'],
    ['tg abc_1234', 'tg a******4'],
    ['Skype: john.smith99', 'Skype: j**********9'],
    ['WhatsApp: abc_1234', 'WhatsApp: a******4'],
    ['钉钉号 ding_1234', '钉钉号 d*******4'],
    ['飞书 feishu_88', '飞书 f*******8'],
  ]);
  // "line" in lower case with nothing after it is a line; a word that ends in one is no label.
  leavesAlone(['line abc_1234', 'Line 12345: error', 'online id: abc_1234', 'settings abc_1234']);
});

describe('an e-mail address followed by a comma and more of the sentence', () => {
  masksAs([
    ['这个是快递那边的问题，zhangsan@163.com，王建国，13912345678，ok', '这个是快递那边的问题，z***@163.com，王**，139****5678，ok'],
    ['邮箱zhangsan@163.com，收件人王建国，OK', '邮箱z***@163.com，收件人王**，OK'],
    ['邮箱 zhangsan@qq.com，收货人王建国，手机13912345678，ok', '邮箱 z***@qq.com，收货人王**，手机139****5678，ok'],
    ['my email is john@gmail.com，thanks', 'my email is j***@gmail.com，thanks'],
    // A Chinese dot between Latin labels on the way to a top-level domain is still a dot.
    ['wangwu@qq，com', 'w***@qq.com'],
    ['wangwu@qq。com。cn', 'w***@qq.com.cn'],
  ]);
});

describe('a mobile number given in three parts, or as a first three and a last eight', () => {
  masksAs([
    ['这个是快递那边的问题，前三位138，中间四位1234，后四位5678', '这个是快递那边的问题，前三位138，中间四位****，后四位****'],
    ['手机号是138开头的，后面是12345678', '手机号是138开头的，后面是********'],
    // With short words between, the three groups are one number spelt with words between its groups.
    ['前3位139，中间1234，尾号5678', '前3位139****5678'],
    ['前三位是138，中间四位是1234，后四位是5678', '前三位是138，中间四位是****，后四位是****'],
  ]);
  // One part alone, or two that do not make a number.
  leavesAlone(['前三位是138', '中间四位1234，后四位5678', '138开头的快递单', '138开头的，后面是1234']);
});

describe('a full name glued between other words and a mobile number', () => {
  masksAs([
    ['客户张三丰13812345678聊天记录', '客户张**138****5678聊天记录'],
    ['区域经理郑翔138-1234-5678', '区域经理郑*138****5678'],
    ['客户张伟138****5678', '客户张*138****5678'],
  ]);
  // Words for the number itself, which start with a surname or not.
  leavesAlone(['联系方式为138****5678', '手机号138****5678', '请拨打138****5678', '周末138****5678']);
});

describe('phone and identity numbers of other places, by their shape', () => {
  masksAs([
    ['call me at (415) 555-2671, thanks', 'call me at (***) ***-****, thanks'],
    ['415-555-2671', '***-***-****'],
    ['+1 415.555.2671', '+* ***.***.****'],
    ['my SSN is 078-05-1120', 'my SSN is ***-**-****'],
    ['HK ID A123456(7)', 'HK ID A******(*)'],
  ]);
  // Toll-free numbers are a company's; ten digits alone and dates are anything.
  leavesAlone(['客服热线400-820-8820', '800-820-3800', '(877) 555-1234', '4155552671', '订单 2026-11-02']);
});

describe('names in Latin letters before a sign, greeted, and names in fields of JSON or a query string', () => {
  masksAs([
    ['Regards, Mary Jones，您去问一下快递吧', 'Regards, M********，您去问一下快递吧'],
    ['Hi Mary Jones, sorry for the delay', 'Hi M********, sorry for the delay'],
    ['{"name":"王建国","tel":"13812345678"}', '{"name":"王**","tel":"138****5678"}'],
    ['name=王建国&tel=138****5678', 'name=王**&tel=138****5678'],
    ['"receiver": "李小红"', '"receiver": "李**"'],
    ['王建国 先生您好', '*** 先生您好'],
  ]);
  leavesAlone(['Hi Support Team,', 'Hello World!', 'rename=王者荣耀', '好的 先生']);
});

describe("an account on a shopping or video platform, after the platform's name and 号 or 账号", () => {
  masksAs([
    ['淘宝账号：tb_wangjianguo88', '淘宝账号：t**************8'],
    ['旺旺号 wangjianguo88', '旺旺号 w***********8'],
    ['抖音号 abc_12345', '抖音号 a*******5'],
  ]);
  // The platform's name alone is no label: a model or a product follows it as often.
  leavesAlone(['淘宝 iphone15', '京东 plus12345']);
});

describe('a full name after a word for the customer', () => {
  masksAs([
    ['客户王建国反映快递没到', '客户王**反映快递没到'],
    ['顾客张三丰来电', '顾客张**来电'],
  ]);
  // Words that start as a surname does, and the customer's honorific, are left to their own readers.
  leavesAlone(['客户黄金会员', '客户周末在家', '客户说没收到', '客户方面已处理', '买家秀', '和用户周旋']);
});
