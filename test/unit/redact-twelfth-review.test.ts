import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data a twelfth black-box review found in clear.

describe('a name after a recipient’s label and a word that changes or corrects it', () => {
  masksAs([
    ['收件人改成王建国', '收件人改成王**'],
    ['收货人换成王秀英', '收货人换成王**'],
    ['把收货人改为王建国吧', '把收货人改为王**吧'],
    ['签收人写的是王建国', '签收人写的是王**'],
    ['签收人写的王建国', '签收人写的王**'],
    ['收件人名字改成王建国', '收件人名字改成王**'],
    ['收货人的姓名换成王建国了', '收货人的姓名换成王**了'],
    ['联系人帮我改成李娜', '联系人帮我改成李*'],
    // A surname off the list, after the same words.
    ['收件人改成乔峰', '收件人改成**'],
    ['收件人改成王建国，收货人换成王秀英，名字打错了，应该是李志强，姓陈名晓梅', '收件人改成王**，收货人换成王**，名字打错了，应该是李**，姓陈名**'],
  ]);
  // Pronouns, words for people, places and questions after the same words.
  leavesAlone(['收件人改成我老婆', '收货人换成公司前台', '收货人改成其他人', '收件人写的地址不对', '名字写的是什么', '收件人不是本人', '名字应该是对的']);
});

describe('a full name put right or pointed at in a message about a name', () => {
  masksAs([
    ['名字打错了，应该是李志强', '名字打错了，应该是李**'],
    ['名字写成了王建军，正确是王建国', '名字写成了王**，正确是王**'],
    ['填的王建国这个名字', '填的王**这个名字'],
    ['帮我改下名字，王建国', '帮我改下名字，王**'],
    ['收件人信息不对，改成张伟吧', '收件人信息不对，改成张*吧'],
  ]);
  // With no word about a name in the message, or no full name after the word that corrects.
  leavesAlone(['颜色应该是黄色的', '应该是周一到', '名字没问题，应该是周一到', '姓名，电话，地址', '名字的颜色应该是黄色']);
});

describe('姓 and a surname, then 名 and the given name', () => {
  masksAs([
    ['姓王名建国', '姓王名**'],
    ['姓陈名晓梅', '姓陈名**'],
    ['姓王，名建国', '姓王，名**'],
    ['我的姓是王，名字是建国', '我的姓是王，名字是**'],
    ['他姓李，叫李明', '他姓李，叫李*'],
  ]);
  leavesAlone(['姓名：', '您贵姓', '姓王的那位']);
});

describe('a full name after a word for the family, glued to a form’s label, or before the holder’s sex', () => {
  masksAs([
    ['家属王建国', '家属王**'],
    ['我是家属，家属王秀英', '我是家属，家属王**'],
    ['落款王建国', '落款王**'],
    ['签字王建国', '签字王**'],
    ['王秀英 女 1990年', '王** 女 1990年'],
    ['乘机人：王建国，男，35岁', '乘机人：王**，男，35岁'],
  ]);
  // 属于 after 老家, a sentence or a title after a form's label, and words before a sex that are no name.
  leavesAlone(['老家属于漫游状态', '大家人手一份', '负责人马上到。', '负责人马上处理了', '签字确认', '车主王经理', '帅哥美女，你好', '颜色，男款', '周末 女装']);
});

describe('an e-mail address with (a) for the @, or given in two pieces', () => {
  masksAs([
    ['mail zhang_san(a)163.com', 'mail z***@163.com'],
    ['mail zhang_san (a) sina.com', 'mail z***@sina.com'],
    ['邮箱 lilei(A)qq.com', '邮箱 l***@qq.com'],
    ['邮箱是zhang_san，163的', '邮箱是z********，163的'],
    // Digits at the end of the name and the host's digits are no one number.
    ['邮箱是abcd12，163的', '邮箱是a*****，163的'],
    ['邮箱 zhang_san 后面是 163.com', '邮箱 z******** 后面是 163.com'],
    ['邮箱用户名zhang_san，后缀@163.com', '邮箱用户名z********，***@163.com'],
    ['qq邮箱 zhangsan', 'qq邮箱 z*******'],
    ['email: zhang_san88, gmail', 'email: z**********, gmail'],
    ['qq邮箱是lilei', 'qq邮箱是l****'],
    ['邮箱前缀lilei，163的', '邮箱前缀l****，163的'],
  ]);
  // An item lettered (a), a mailbox with no name or no host after it, a host alone, and English words after email.
  leavesAlone(['see item (a) below', '选项(a)是对的', '邮箱 abc 收不到', '邮箱 163.com', '邮箱收不到，qq的', 'email was sent to qq']);
});

describe('a name in pinyin in lower case after my name is', () => {
  masksAs([
    ['mail zhang_san(a)163.com, my name is jianguo wang', 'mail z***@163.com, my name is j**********'],
    ['my name is wang jianguo', 'my name is w**********'],
    ['call me li lei', 'call me l****'],
  ]);
  // English words after the same words, and one word alone.
  leavesAlone(['call me when you can', 'call me back tomorrow', 'my name is on the list', 'call me li']);
});

describe('an office or a home with its tower, door and room, whatever word for leaving a parcel stands before it', () => {
  masksAs([
    ['快递放到望京SOHO T1座1203', '快递放到****** *******'],
    ['或者放在国贸中心B座2203前台', '或者放在**********前台'],
    ['放国贸中心B座2203门口就行', '放**********门口就行'],
    ['快递帮我放到国贸中心B座2203', '快递帮我放到**********'],
    ['搁中关村大厦B座15层1501', '搁**************'],
    ['我家是和平里七区18号楼2门501', '我家是和*************'],
    ['家住和平里七区18号楼2门501', '家住和平里七区*********'],
  ]);
  // A tower with no room, a price, a floor alone, and words for the place a parcel is left.
  leavesAlone(['放到国贸中心B座', '万达广场3号楼', '广场1000元', '放在门口', '放心吧', '放到快递柜', '中心3号楼2层', 'Main Street Mall', '送到家', '送到公司了']);
});

describe('a name after 机主, 付款人 or 汇款人, a husband or a child’s father, in quotation marks, in Cantonese, after 在下', () => {
  masksAs([
    ['机主王建国', '机主王**'],
    ['机主是王建国', '机主是王**'],
    ['付款人王建国', '付款人王**'],
    ['汇款人是王建国', '汇款人是王**'],
    ['我老公是王建国', '我老公是王**'],
    ['我先生王建国', '我先生王**'],
    ['孩子爸爸王建国', '孩子爸爸王**'],
    ['我叫“王建国”', '我叫“王**”'],
    ['我叫 《王建国》', '我叫 《王**》'],
    ['我係王建國', '我係王**'],
    ['我嘅名係王建國', '我嘅名係王**'],
    ['在下王建国，请多关照', '在下王**，请多关照'],
    ['免贵姓王，王建国', '免贵姓王，王**'],
    ['鄙姓王，名建国', '鄙姓王，名**'],
    ['快递单上写的王建国', '快递单上写的王**'],
  ]);
  // The same words before no name, and in other words.
  leavesAlone(['机主本人', '付款人数', '我先生日快乐', '孩子爸爸说', '可在下方申告渠道处填', '在下单了', '我系统出错了', '姓王，王经理', '快递单上写的地址']);
});

describe('a full name with a comma or a space before a greeting, after a greeting or a thanks, before a word a customer is called by', () => {
  masksAs([
    ['王建国，您好：', '***，您好：'],
    ['王建国 您好', '*** 您好'],
    ['王建国，你好', '***，你好'],
    ['王建国，您的订单已发出', '***，您的订单已发出'],
    ['你好王建国', '你好王**'],
    ['您好王建国，请问', '您好王**，请问'],
    ['Dear 王建国，', 'Dear 王**，'],
    ['好的王建国，已记下', '好的王**，已记下'],
    ['收到王建国，马上处理', '收到王**，马上处理'],
    ['谢谢王建国的耐心等待', '谢谢王**的耐心等待'],
    ['抱歉王建国', '抱歉王**'],
    ['给王建国造成不便', '给王**造成不便'],
    ['王建国师傅', '***师傅'],
    ['王建国阿姨', '***阿姨'],
    ['王建国亲', '***亲'],
  ]);
  // Words that are no name after the same words, and words for people that are no name before them.
  leavesAlone(['好的马上处理', '谢谢黄金的', '好的，谢你', '好的 谢啦', '您好亲', '谢谢亲', '高兴亲', '快递师傅', '保洁阿姨', '给您造成不便', '谢谢，您的订单', '亲，您好', '好的李老师', 'Hi 客服']);
});

describe('an account on more platforms, and a user’s or a member’s id', () => {
  masksAs([
    ['闲鱼号 lulu_2026', '闲鱼号 l*******6'],
    ['用户ID：lulu_2026', '用户ID：l*******6'],
    ['会员号 lulu_2026', '会员号 l*******6'],
    ['知乎 id: lulu_2026', '知乎 id: l*******6'],
    ['豆瓣账号 lulu_2026', '豆瓣账号 l*******6'],
    ['discord: lulu_2026', 'discord: l*******6'],
    ['Snapchat: lulu_2026', 'Snapchat: l*******6'],
    ['steam: lulu_2026', 'steam: l*******6'],
    ['github: lulu_2026', 'github: l*******6'],
  ]);
  // The same words before no id, or with another word between.
  leavesAlone(['会员号是多少', '用户反馈很多', '游戏玩家都说', '百度一下', '百度搜索 lulu_2026', 'steam游戏打不开', '我是会员', '用户123456']);

  it('the pii-exposure reading does not take an account on a platform for an invitation to leave it', () => {
    expect(findAccounts('闲鱼号 lulu_2026，用户ID：lulu_2026', 'certain')).toEqual([]);
    expect(findAccounts('闲鱼号 lulu_2026').map((m) => m.value)).toEqual(['lulu_2026']);
  });
});

describe('a full name that signs for, takes or pays for a parcel, is invoiced, or owns an account', () => {
  masksAs([
    ['代收人王建国', '代收人王**'],
    ['由王建国代收', '由王**代收'],
    ['开票人王建国', '开票人王**'],
    ['发票开给王建国', '发票开给王**'],
    ['发票抬头王建国个人', '发票抬头王**个人'],
    ['快递是王建国签收的', '快递是王**签收的'],
    ['被王建国签收了', '被王**签收了'],
    ['委托王建国来取', '委托王**来取'],
    ['让王建国来拿', '让王**来拿'],
    ['账户是王建国的名字', '账户是王**的名字'],
    ['王建国名下的账户', '王**名下的账户'],
    ['这个单子是王建国的', '这个单子是王**的'],
  ]);
  // Pronouns, staff, a day and ordinary words where the name would stand.
  leavesAlone(['由于快递签收', '是我签收的', '由物业代收', '让师傅来取', '让王经理来取', '是周一签收的', '被邻居签收了', '在我名下', '由快递员代收', '发票抬头公司个人']);
});

describe('a Latin name in an e-mail’s header or quote line, and a North American number written whole after its area code', () => {
  masksAs([
    ['From: Mary Jones', 'From: M********'],
    ['From: Mary Jones <mary@x.com>', 'From: M******** <m***@x.com>'],
    ['From: Mary <mary@x.com>', 'From: M*** <m***@x.com>'],
    ['John Smith <john@x.com>', 'J******** <j***@x.com>'],
    ['好的\nFrom: Mary Jones\nTo: Li Lei', '好的\nFrom: M********\nTo: L****'],
    ['> From: Mary Jones', '> From: M********'],
    ['On Mon, Nov 2, 2026, Mary Jones wrote:', 'On Mon, Nov 2, 2026, M******** wrote:'],
    ['text me at (415)5552671', 'text me at (***)*******'],
  ]);
  // Words of a team or a service, one word after a header, a header word inside a sentence, and a toll-free number.
  leavesAlone(['From: Support Team', 'To: Customer Service', 'From: Apple', 'How to: Reset Password', 'Reply to: Mary Jones', 'The Team wrote:', '(800)5551234', 'support page: apple.com']);
});

describe('Taiwan’s words on an order form, and a landline with a one-digit area code in brackets', () => {
  masksAs([
    ['訂購人：王建國', '訂購人：王**'],
    ['取貨人：王建國', '取貨人：王**'],
    ['收件者：王建國', '收件者：王**'],
    ['寄件者：王建國', '寄件者：王**'],
    ['連絡人：王建國', '連絡人：王**'],
    ['敝姓王，王建國', '敝姓王，王**'],
    ['市話 (02)2345-6789', '市話 02-********'],
    ['電話(02)23456789', '電話02-********'],
  ]);
  // A number in brackets that is no area code, and the same labels before no name.
  leavesAlone(['第(02)期', '取货人数较多', '收件者不在']);
});

describe('a full name owning a record that is asked for or sent', () => {
  masksAs([
    ['王建国的聊天记录', '王**的聊天记录'],
    ['发一下王建国的聊天记录', '发一下王**的聊天记录'],
    ['帮我查下王建国的订单', '帮我查下王**的订单'],
    ['把王建国的订单取消', '把王**的订单取消'],
  ]);
  leavesAlone(['看一下客服的记录', '查周末的订单', '发一下我们的聊天记录', '调高端的资料']);
});

describe('HTML named references for invisible characters and an address’s signs', () => {
  masksAs([
    ['我叫王&ZeroWidthSpace;建国', '我叫王&ZeroWidthSpace;**'],
    ['lilei&commat;163.com', 'l***@163.com'],
    ['手机138&shy;1234&shy;5678', '手机138****5678'],
  ]);
  leavesAlone(['AT&amp;T', '&nbsp;你好', '&unknown;王']);
});

describe('&nbsp; between a form’s words is left as it is', () => {
  // Its ; ends a clause, so that a platform's mask [地址x] earlier in the record does not swallow the address after it.
  masksAs([['开户行:某银行[地址x]电&nbsp;&nbsp;话:[电话x]账&nbsp;&nbsp;号:[数字x]开户行:某银行某支行地址:杭州市西湖区文三路一号某某大厦五层', '开户行:某银行[地址x]电&nbsp;&nbsp;话:[电话x]账&nbsp;&nbsp;号:[数字x]开户行:某银行某支行地址:杭州市西湖区***********']]);
});

describe('a WeChat id after 薇 and a sign, as 微信 is spelt to pass filters', () => {
  masksAs([
    ['薇：kk_1001', '薇：k*****1'],
    ['加薇：kk_1001', '加薇：k*****1'],
  ]);
  // 薇 in a name or a word, with no id after it.
  leavesAlone(['蔷薇：很好看', '薇薇：你好啊']);
});
