import { describe } from 'vitest';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Spellings a fourth black-box re-test still found in clear (labels with other separators are in redact-labels.test.ts).

describe('a licence plate with a hyphen or a space', () => {
  masksAs([
    ['京A-12345，太过分了', '京A*****，太过分了'],
    ['京 A12345', '京A*****'],
    ['车牌 京 A12345 的车', '车牌 京A***** 的车'],
    ['京A - 12345', '京A*****'],
    ['粤B-D12345', '粤B******'],
  ]);

  // The 京 of 北京 before a code is no province; a code with fewer than three digits is no plate.
  leavesAlone(['北京 A12345', '新 A1 版本', '型号 鲁 B12', '京A-ABCD1']);
});

describe('a spelt-out dot inside the name of an e-mail address', () => {
  masksAs([
    ['john dot smith at gmail dot com，太过分了', 'j***@gmail.com，太过分了'],
    ['john dot smith dot jr at gmail dot com', 'j***@gmail.com'],
    ['邮箱 li(dot)lei@163.com', '邮箱 l***@163.com'],
    ['wang dot wu@qq.com', 'w***@qq.com'],
  ]);

  leavesAlone(['I will dot it at noon', 'please dot the i']);
});

describe('superscript and subscript digits', () => {
  masksAs([
    ['电话 ¹³⁸¹²³⁴⁵⁶⁷⁸，太过分了', '电话 138****5678，太过分了'],
    ['电话 ₁₃₈₁₂₃₄₅₆₇₈', '电话 138****5678'],
    ['电话 ¹³⁸ ¹²³⁴ ⁵⁶⁷⁸', '电话 138****5678'],
  ]);

  leavesAlone(['面积120m²', '体积 3m³']);
});

describe('labels written in traditional characters', () => {
  masksAs([
    ['收貨人：王建國，太過分了', '收貨人：王**，太過分了'],
    ['聯繫人：李小龍', '聯繫人：李**'],
    ['微信號：zhangsan_88', '微信號：z*********8'],
    ['QQ號12345678', 'QQ號1******8'],
    ['護照 E12345678', '護照 E******78'],
    ['車牌滬A12345', '車牌滬A*****'],
  ]);
  leavesAlone(['這個問題我們馬上處理', '聯繫我們的客服']);
});

describe('more separators, brackets and labels before a name or an id', () => {
  masksAs([
    ['联系人【王建国】', '联系人【王**】'],
    ['收货人：：王建国', '收货人：：王**'],
    ['收货人>王建国', '收货人>王**'],
    ['收货人——王建国', '收货人——王**'],
    ['收货人;王建国', '收货人;王**'],
    ['〖收货人〗王建国', '〖收货人〗王**'],
    ['提货人：王建国', '提货人：王**'],
    ['购买人：王建国', '购买人：王**'],
  ]);
  leavesAlone(['姓名;电话;地址', '联系人【必填】', '收货人>>请填写']);
});

describe('a licence plate after a word that says so, or with a dot or underscore', () => {
  masksAs([
    ['车牌京 A12345', '车牌京A*****'],
    ['车牌是京 A12345，太过分了', '车牌是京A*****，太过分了'],
    ['我的车京 A12345', '我的车京A*****'],
    ['京A.12345', '京A*****'],
    ['沪A_12345', '沪A*****'],
  ]);
  leavesAlone(['北京 A12345', '上海 B座 12层']);
});

describe('a dot spelt 点 or -dot- inside the name of an e-mail address', () => {
  masksAs([
    ['john点smith艾特gmail点com，太过分了', 'j***@gmail.com，太过分了'],
    ['john-dot-smith at gmail dot com', 'j***@gmail.com'],
  ]);
});

describe('a Taiwan ID number after its label', () => {
  masksAs([
    ['身分證字號：A123456789，太过分了', '身分證字號：A*******89，太过分了'],
    ['身份证号 B223456789', '身份证号 B*******89'],
  ]);
  leavesAlone(['型号 A123456789', '订单 A123456789']);
});
