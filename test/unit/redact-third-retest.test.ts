import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Spellings a third black-box re-test still found in clear.

describe('an e-mail address whose name holds Han characters is masked whole', () => {
  masksAs([
    ['王建国13812345678@163.com', '***@163.com'],
    ['邮箱 王建国_wang@163.com 谢谢', '邮箱 ***@163.com 谢谢'],
    ['wang王建国@qq.com', 'w***@qq.com'],
    ['请发送到王建国13812345678@163.com', '请发送到***@163.com'],
    ['王建国1@163', '***@163'],
  ]);

  leavesAlone(['发邮件给客服', '责任在@QQ音乐 还', '对@MSN客服助手']);
});

describe('a run of brackets, spaces and @ signs for the @ before a well-known mail host', () => {
  masksAs([
    ['邮箱 lilei@ @163.com', '邮箱 l***@163.com'],
    ['邮箱 lilei【@】163.com', '邮箱 l***@163.com'],
    ['lilei (@) qq.com 谢谢', 'l***@qq.com 谢谢'],
    ['lilei @ @ 163.com', 'l***@163.com'],
    ['lilei【 圈 】gmail.com', 'l***@gmail.com'],
  ]);

  leavesAlone(['官网 example.com 和 (163.com)', '我在【163.com】注册的', '登录 (qq.com) 查看']);
});

describe('an address after 发到, 寄到, 送货到 or 地址 with no district, or spaced word by word', () => {
  masksAs([
    ['发到深圳南山科技园南区8栋', '发到***********'],
    ['送货到 上海 浦东 张江路 88 号', '送货到 ** ** *** ** *'],
    ['地址：深圳南山科技园南区8栋402室，谢谢', '地址：***************，谢谢'],
    ['寄到 北京市 朝阳区 建国路 88 号', '寄到 北京市 *** *** ** *'],
    // Such an address ends after the building's number and a room number.
    ['您写的地址是维修中心北楼的5栋202然后跟您核实一下', '您写的地址是************然后跟您核实一下'],
  ]);

  leavesAlone(['寄到公司', '发送到10086', '地址不对', '地址和产品型号', '发到您的邮箱了', '送到了吗', '寄到3天了还没到', '这个地址你把35号。']);
});

describe('a mobile number given in two halves', () => {
  masksAs([
    ['手机号后四位5678，前七位1381234', '手机号后四位****，前七位138****'],
    ['手机尾号5678，前面是1381234', '手机尾号****，前面是138****'],
    ['前七位一三八一二三四，后四位五六七八', '前七位138****，后四位****'],
    ['手机前7位1391234，后4位0000', '手机前7位139****，后4位****'],
    ['他前七位1381234后四位5678，她前七位1391234后四位0000', '他前七位138****后四位****，她前七位139****后四位****'],
  ]);

  // A last four alone is what every masked number shows; a first seven alone is no number.
  leavesAlone(['尾号5678', '手机尾号5678的那个', '前面的1381234，后面的东西', '前3天买的，后来1381234号订单', '订单号后四位5678']);
});

describe('a name in a greeting or before a form of address', () => {
  masksAs([
    ['王建国先生您好', '***先生您好'],
    ['王建国女士', '***女士'],
    ['尊敬的王建国客户', '尊敬的***客户'],
    ['王建国您好，请问有什么可以帮您', '***您好，请问有什么可以帮您'],
    ['亲爱的张伟同学', '亲爱的**同学'],
    ['亲爱的张伟，您的快递到了', '亲爱的**，您的快递到了'],
    ['王建国（先生）', '***（先生）'],
    ['好的，欧阳锋老师', '好的，***老师'],
    ['Mr. Zhang Wei', 'Mr. Z*******'],
    ['Dear John Smith, your parcel', 'Dear J********, your parcel'],
    ['Thanks Mrs Li', 'Thanks Mrs L*'],
  ]);

  leavesAlone([
    '尊敬的客户您好',
    '亲爱的',
    '亲爱的您好',
    '王者荣耀',
    '亲爱的王者荣耀玩家',
    '张家口',
    '亲爱的张家口',
    '下午好',
    '早上好',
    '顾客您好',
    '尊敬的金卡客户',
    '周末您好',
    '王老师您好',
    '向客户解释',
    '各位同学',
    '好的,谢谢美老师.',
    'Dear Customer,',
    'Dear Valued Customer',
    'Mr. and Mrs.',
  ]);
});

describe('a name right beside a phone number, or before 收', () => {
  masksAs([
    ['张伟 138****5678', '张* 138****5678'],
    ['张伟 13812345678', '张* 138****5678'],
    ['张伟，13812345678', '张*，138****5678'],
    ['手机 138****5678 王建国收', '手机 138****5678 王**收'],
    ['李 小 红 13812345678', '李 ** 138****5678'],
    ['收货人: 李 小 红 电话 138****5678', '收货人: 李** 电话 138****5678'],
    ['13812345678 欧阳锋', '138****5678 ***'],
    ['快递写，王建国收，谢谢', '快递写，王**收，谢谢'],
  ]);

  leavesAlone(['手机 138****5678', '电话138****5678，谢谢', '138****5678 马上安排', '已收到', '王建国收到了', '钱已收']);
});
