import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data a ninth black-box review found in clear, other than names in Latin letters
// (redact-latin-names.test.ts).

describe('an English street address whose street is an ordinal number', () => {
  masksAs([
    ['my address: 500 5th Ave, New York, NY 10110', 'my address: *** *** ***, New York, NY *****'],
    ['ship to 221 2nd Street, thanks', 'ship to *** *** ******, thanks'],
    ['123 5th Avenue', '*** *** ******'],
    ['12 34th St', '** **** **'],
  ]);
  // An ordinal that no street type follows.
  leavesAlone(['I bought 2 3rd party chargers', 'the 2 1st class tickets']);
});

describe('names after 鄙人, 实名 and 转 right after a phone number', () => {
  masksAs([
    ['鄙人李小红', '鄙人李**'],
    ['实名：周星驰', '实名：周**'],
    ['138****5678转王建国', '138****5678转王**'],
    ['13812345678 转王建国，太过分了', '138****5678 转王**，太过分了'],
  ]);
  // 转 elsewhere, a title after the surname, and 在下 (as often "在下周一").
  leavesAlone(['转人工', '已转账，请查收', '400-820-8820转王经理', '在下周一给您回复', '实名认证']);
});

describe('a QQ id after 抠抠, and an id after "is"', () => {
  masksAs([
    ['抠抠 45678901', '抠抠 4******1'],
    ['my wechat is kk_10017', 'my wechat is k******7'],
    ['my qq is 45678901, thanks', 'my qq is 4******1, thanks'],
    ['my wechat id is kk_10017', 'my wechat id is k******7'],
  ]);
  // After "is" a word with no digit and no _ says what the account is like.
  leavesAlone(['wechat is working', 'WeChat is down again']);
});

describe('a home on a road with no region before it', () => {
  masksAs([
    ['中山路100号3楼301室', '*************'],
    ['我家在中山路100号3楼301室，快点', '我家在*************，快点'],
    ['建国路88号1201室', '***********'],
    ['文三路90号2单元501', '************'],
    ['人民大道8号5栋2单元301', '**************'],
    // A region before it is kept, as before.
    ['杭州市西湖区文三路90号3栋402室', '杭州市西湖区************'],
  ]);
  // A house number alone (a shop as often), or a number that counts something after it.
  leavesAlone(['中山路100号', '中山路1号2000元', '中山路1号2021年开业', '10号线3楼']);
});

describe('a street address whose road and number follow a line break', () => {
  masksAs([
    ['地址：北京市朝阳区\n建国路88号', '地址：北京市朝阳区\n******'],
    ['北京市朝阳区\n建国路88号', '北京市朝阳区\n******'],
    ['北京市朝阳区\r\n  建国路88号3栋402室', '北京市朝阳区\r\n  ************'],
  ]);
  // Two line breaks end the address.
  leavesAlone(['北京市朝阳区\n\n建国路88号']);
});

describe('more places a full name stands', () => {
  masksAs([
    ['帮我找一下王建国', '帮我找一下王**'],
    ['寄给王建国', '寄给王**'],
    ['发给王建国就行', '发给王**就行'],
    ['给王建国打个电话', '给王**打个电话'],
    ['麻烦王建国签收一下', '麻烦王**签收一下'],
    ['我老婆王秀英明天在家', '我老婆王**明天在家'],
    ['王建国是我本人', '王**是我本人'],
    ['@王建国 你好', '@王** 你好'],
    ['王建国：你好，在吗', '王**：你好，在吗'],
    ['好的\n王建国：在吗', '好的\n王**：在吗'],
    ['From: 王建国', 'From: 王**'],
    ['落款：王建国', '落款：王**'],
    ['[王建国]', '[王**]'],
  ]);
  // Words that start with a surname, a title after one, a mention with no greeting (a public figure's handle
  // as often), a speaker that is no name.
  leavesAlone(['给您', '给高手', '麻烦您了', '麻烦马上处理', '给王者荣耀充值', '给钱怎么就没听说', '要给石景山杨庄营业厅', '我朋友说', '客服：你好', '[周一]', '给张总', '@罗永浩 @锤子科技']);
});

describe('QQ ids after a lone Q or 扣, ids after a platform alone, a passport number after "is", a learner plate', () => {
  masksAs([
    ['Q:45678902', 'Q:4******2'],
    ['q 45678903', 'q 4******3'],
    ['加q45678904', '加q4******4'],
    ['扣 45678905', '扣 4******5'],
    ['添加qq3155397429', '添加qq3********9'],
    ['抖音 dy_88888', '抖音 d******8'],
    ['passport number is E12345678', 'passport number is E******78'],
    ['粤B1234学', '粤B*****'],
  ]);
  // Fewer digits, a price, a model after a platform's name.
  leavesAlone(['Q 12345', '扣 50 元', '扣了12345678', '淘宝 iphone15', '京东 plus12345']);
});

describe('a name whose parts a middle dot joins', () => {
  masksAs([
    ['我叫阿卜杜拉·艾力', '我叫*******'],
    ['收件人：迪丽热巴·迪力木拉提', '收件人：**********'],
    ['我叫约翰·史密斯，太过分了', '我叫******，太过分了'],
    // A full-width stop for the dot, and spaces around it.
    ['我叫约翰．史密斯', '我叫******'],
    ['我叫 约翰 · 史密斯', '我叫 ******'],
  ]);
  leavesAlone(['这款·那款都可以']);
});

describe('personal data percent-encoded in a link', () => {
  masksAs([
    ['https://shop.example.com/u?email=lilei%40163.com&x=1', 'https://shop.example.com/u?email=l***@163.com&x=1'],
    ['mailto:lilei%40163.com', 'mailto:l***@163.com'],
    ['https://t.cn/?name=%E7%8E%8B%E5%BB%BA%E5%9B%BD', 'https://t.cn/?name=**'],
    ['收件人%3A王建国', '收件人%3A王**'],
    ['QQ%3A45678901', 'QQ%3A4******1'],
    // A run cut short at its end: the escapes before the broken one still read.
    ['https://t.cn/?name=%E7%8E%8B%E5%BB%BA%E5%9B%BD%E5', 'https://t.cn/?name=**'],
  ]);
  // A percent sign that encodes nothing, and escapes that are no UTF-8.
  leavesAlone(['100%的好评', '打折50%OFF', 'bad %E7%8E escape']);
});

describe('an address in traditional characters, in Taiwan or Hong Kong, with no word before it', () => {
  masksAs([
    ['台北市信義區信義路五段7號', '台北市信義區*******'],
    ['香港九龍旺角彌敦道123號', '香港九龍*********'],
  ]);
  leavesAlone(['我在香港玩', '九龙城寨电影']);
});

describe('an e-mail address or an id dictated to a speech recogniser', () => {
  masksAs([
    ['邮箱是 lilei 艾特 一六三 点 com', '邮箱是 l***@163.com'],
    ['微信号是 kk 下划线 一零零一七', '微信号是 k******7'],
  ]);
  leavesAlone(['我在下划线上签字', '请在下划线处填写']);
});

describe('a nickname or a handle on a social platform', () => {
  masksAs([
    ['微信名：小鹿爱吃糖', '微信名：小****'],
    ['我的微信昵称 小鹿爱吃糖，加我', '我的微信昵称 小****，加我'],
    ['网名是晴天娃娃', '网名是晴***'],
    ['我的微博 @小鹿爱吃糖 私信我', '我的微博 @小**** 私信我'],
    ['我的抖音@dy_lucy 上有视频', '我的抖音@d****** 上有视频'],
  ]);
  // A question names nobody; a nickname with no word before it is not known as one; a company's
  // account after a platform's name is public.
  leavesAlone(['您的微信名叫什么', '昵称是什么', '微博上说的', '改个昵称吧', '小鹿爱吃糖', '微博 @中国联通客服 你好']);
});

describe('an id after an invitation to add the writer on WeChat or QQ, with no label before it', () => {
  masksAs([
    ['可以加下我微信,我也喜欢摄影.lover52091314', '可以加下我微信,我也喜欢摄影.l***********4'],
    ['加我qq聊，号码 45678901', '加我qq聊，号码 4******1'],
  ]);
  // No invitation, or nothing shaped as an id after it.
  leavesAlone(['订单号 lover52091314', '加我微信好友吧', '加我微信，明天3点见', '在iphone15上加我微信不行']);
});
