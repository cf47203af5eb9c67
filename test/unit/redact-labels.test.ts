import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data after a label with a separator other than a colon, a space, 是 or 为: every finder
// that reads a label (names, WeChat/QQ ids, passports) takes the same ones.

describe('a name after a label with any separator', () => {
  masksAs([
    ['收货人=王建国，太过分了', '收货人=王**，太过分了'],
    ['收货人＝王建国', '收货人＝王**'],
    ['收货人 = 王建国', '收货人 = 王**'],
    ['收货人-王建国，太过分了', '收货人-王**，太过分了'],
    ['收货人/王建国', '收货人/王**'],
    ['收货人|王建国', '收货人|王**'],
    ['收货人｜王建国', '收货人｜王**'],
    ['【收货人】王建国', '【收货人】王**'],
    ['[收货人] 王建国', '[收货人] 王**'],
    ['收货人（王建国），太过分了', '收货人（王**），太过分了'],
    ['姓名=王建国', '姓名=王**'],
    ['联系人=王建国', '联系人=王**'],
    ['姓名→张三丰', '姓名→张**'],
    ['姓名=乔峰', '姓名=**'],
    ['name=Zhang Wei', 'name=Z*******'],
    ['[Name] John Smith', '[Name] J********'],
  ]);

  // After a dash, a slash or a bracket only a full name counts: these join two labels, or say what to fill in.
  leavesAlone(['联系人-售后', '姓名/电话', '联系人/方式', '收货人（必填）', '联系人-高级客服', '姓名|性别|年龄', '收件人/收货地址']);
});

describe('a WeChat or QQ id after a label with any separator', () => {
  masksAs([
    ['【微信】zhangsan_88，太过分了', '【微信】z*********8，太过分了'],
    ['微信号|lisi_99', '微信号|l*****9'],
    ['微信（lisi_99）', '微信（l*****9）'],
    ['【QQ】12345678', '【QQ】1******8'],
    ['QQ号-87654321', 'QQ号-8******1'],
    ['微信=wangwu_77', '微信=w*******7'],
  ]);

  // A word of letters alone after a slash or a dash is another label.
  leavesAlone(['微信/alipay 都可以', '微信-email 都行']);

  it('the label of a bracketed id is the brackets and the label, as the pii-exposure rule quotes it', () => {
    const text = '加我【威❤】kk_10015';
    const [account] = findAccounts(text, 'certain');
    expect(text.slice(account!.label.start, account!.label.end)).toBe('【威❤】');
    expect(text.slice(account!.start, account!.end)).toBe('kk_10015');
  });
});

describe('a passport number after a label with any separator', () => {
  masksAs([
    ['护照=E12345678', '护照=E******78'],
    ['【护照】E12345678', '【护照】E******78'],
    ['passport no. G87654321', 'passport no. G******21'],
    ['护照号码|EA1234567', '护照号码|E******67'],
  ]);
});

describe('a name after more labels: 签收人, 发件人, 取件人, 下单人, 称呼, 这边是, Recipient, Contact', () => {
  masksAs([
    ['签收人：王建国', '签收人：王**'],
    ['发件人：李四光', '发件人：李**'],
    ['取件人：赵六', '取件人：赵*'],
    ['下单人：孙七', '下单人：孙*'],
    ['称呼：周八', '称呼：周*'],
    ['这边是王建国', '这边是王**'],
    ['这边是王建国，太过分了', '这边是王**，太过分了'],
    ['Recipient: John Smith', 'Recipient: J********'],
    ['Contact: John Smith', 'Contact: J********'],
    ['Consignee: Li Lei', 'Consignee: L****'],
  ]);

  leavesAlone(['怎么称呼您', '这边是可以的，', '这边是售后，', '这里是京东客服', 'Contact: Customer Service', '下单人数较多，', '取件人员会联系您']);
});

describe('a name after the label of a person in a form or a record, with a sign or in brackets', () => {
  masksAs([
    ['经办人：王建国', '经办人：王**'],
    ['负责人：王建国，太过分了', '负责人：王**，太过分了'],
    ['【申请人】王建国', '【申请人】王**'],
    ['投保人=王建国', '投保人=王**'],
    ['被保险人：乔峰', '被保险人：**'],
    ['乘机人：Zhang Wei', '乘机人：Z*******'],
    ['车主：王建国，车牌京A12345', '车主：王**，车牌京A*****'],
    ['签名：王建国', '签名：王**'],
  ]);
  // These labels as often start a sentence: with 是, 为 or nothing after them they are no label.
  leavesAlone(['负责人马上处理了', '签名方式确认', '申请人为本人', '负责人是谁', '车主您好', '业主：已确认']);
});

describe('a label and its value in quotation marks, as JSON, form data and XML write them', () => {
  masksAs([
    ['{"收件人":"王建国"}', '{"收件人":"王**"}'],
    ['收件人="王建国"', '收件人="王**"'],
    ['{"姓名":"王建国","手机":"139****5678"}', '{"姓名":"王**","手机":"139****5678"}'],
    ['"收货人": "王建国"', '"收货人": "王**"'],
    ["{'收件人': '王建国'}", "{'收件人': '王**'}"],
    ['收件人：“王建国”', '收件人：“王**”'],
    ['{"qq":"45678901"}', '{"qq":"4******1"}'],
    ['{"wechat":"kk_10017"}', '{"wechat":"k******7"}'],
    ['{"contact":"王建国"}', '{"contact":"王**"}'],
    ['<name>王建国</name>', '<name>王**</name>'],
    ['{"name":"Mary Jones"}', '{"name":"M********"}'],
    ['{"tel":"66668888"}', '{"tel":"********"}'],
    ['{"护照":"E12345678"}', '{"护照":"E******78"}'],
  ]);
  // Only a sign stands between quotation marks and a value: a quoted label or value after 是 is prose.
  leavesAlone(['“姓名”是必填项', '名字是“真实赛车”', '"微信"是什么', '{"contact":"客服"}', '{"name":"iPhone 15"}']);

  it('the label of a quoted id leaves the quotation marks and the sign out', () => {
    const text = '{"wechat":"kk_10017"}';
    const [account] = findAccounts(text);
    expect(text.slice(account!.label.start, account!.label.end)).toBe('wechat');
    expect(text.slice(account!.start, account!.end)).toBe('kk_10017');
  });
});
