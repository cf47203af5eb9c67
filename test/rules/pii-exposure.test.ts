import rule from '../../rules/pii-exposure.js';
import { runRuleTests } from '../support/rule-tester.js';

const PHONE = (masked: string) => `隐私泄露：消息里有完整的手机号（${masked}）。核对号码时只说后四位，或使用掩码。`;
const ID = (masked: string) => `隐私泄露：消息里有完整的身份证号（${masked}）。不要在会话里发出完整证件号。`;
const CARD = (masked: string) => `隐私泄露：消息里有完整的银行卡号（${masked}）。核对卡号时只说后四位。`;
const OFF = (phrase: string) => `隐私泄露：把客户引到平台之外（“${phrase}”）。请留在平台内沟通和付款，不要交换个人微信、QQ 或私下转账。`;

// Test numbers are made up here; their check digits were computed with src/text/pii.ts.
// 110105198803151232: GB 11643-valid ID; 110105198803151230: same digits, wrong check character.
// 110105198802301235: right check character, but 30 February. 6222021234567894 and
// 6217001234567890122 pass Luhn; 6222021234567895 does not. 202611031234567897 passes Luhn too,
// which is why a label ("订单号") must be able to overrule the check.

runRuleTests(rule, {
  valid: [
    // Masked and non-personal numbers
    { name: 'masked mobile number', code: '请问您的号码是138****5678吗？' },
    { name: 'last four digits only', code: '尾号5678的手机已经登记' },
    { name: 'platform hotline (400)', code: '您也可以拨打400-810-5678咨询' },
    { name: 'operator short number', code: '人工服务请拨10086' },
    { name: 'a mobile-format hotline named as one', code: '请用其他手机拨打客服热线 8618612345678' },
    { name: 'an example of how to type a number', code: '比如想把来电转到13912345678，可以在设置里填这个号码' },
    { name: 'an 11-digit run inside a longer order number', code: '您的订单1381234567890已经发货' },
    { name: 'a mobile number labelled as an order number', code: '订单号13812345678查到了，已经出库' },
    // Checksums
    { name: 'ID-length number with a wrong check character', code: '您的单号是110105198803151230，请核对' },
    { name: 'ID checksum right but no such birth date (30 Feb)', code: '参考编码 110105198802301235' },
    { name: 'card-length number that fails Luhn', code: '流水 6222021234567895 已到账' },
    { name: 'Luhn-valid order number with its label', code: '订单号202611031234567897已为您退款' },
    { name: 'tracking number with letters', code: '运单号 SF1234567890123456 请查收' },
    { name: 'a run of one digit passes Luhn but is no card', code: '0000000000000000' },
    { name: 'groups of digits with different words between them are amounts', code: '共138件加4729元加1056元运费' },
    { name: 'a mobile-shaped sum with units between the groups', code: '买了138件，加4729元，再加1056元' },
    { name: 'a code of letters and digits is no phone', code: '激活码 Iloveyou1234，型号 l3ooooooooo' },
    { name: 'digits inside a link', code: '商品链接 https://item.example.com/6222021234567894.html' },
    // Off-platform near-misses
    { name: 'the customer’s own WeChat id read back', code: '您的微信 kk_10012 已经绑定好了' },
    { name: 'an official WeChat id under a spelt label', code: '请添加官方客服V信 kf_service01' },
    { name: 'an id the agent warns against adding', code: '请不要加我威❤ kk_10007，那不是我们的账号' },
    { name: 'a warning about others stated as a condition', code: '如果有人让您加个卫星 kk_10013，请不要相信' },
    { name: '卫星 without 加 or 号 is a satellite', code: '卫星 gps_module 信号弱，换个地方试试' },
    { name: 'official public account', code: '您可以关注我们的微信公众号查询进度' },
    { name: 'official customer-service WeChat', code: '请添加官方客服微信咨询' },
    { name: 'enterprise QQ (800 number)', code: '或者加官方企业QQ 800012345 留言' },
    { name: 'support QQ named as 客服 earlier in the list', code: '入驻问题可咨询商家客服，座机 010-12345678；QQ 123456789' },
    { name: 'WeChat as a payment channel', code: '微信支付的退款3个工作日内原路返回' },
    { name: 'company bank transfer', code: '企业对公转账付款请单独下单' },
    { name: 'DM on the platform', code: '订单号可以私信发给我们' },
    { name: 'warning against private transfers', code: '为了您的资金安全，请勿私下转账' },
    { name: 'negated: we do not add WeChat', code: '不好意思，我们不能加微信哦' },
    { name: 'conditional warning about others', code: '如果有人让您加微信私下交易，请不要相信' },
    { name: 'customer messages are not judged', code: ['客户: 我手机号13812345678，加我微信吧', '客服: 好的，已记录尾号5678'] },
  ],
  invalid: [
    {
      name: 'full mobile number read back',
      code: ['客户: 13812345678', '客服: 您要停机的是13812345678这个号吗？'],
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678'), messageSeq: 1, highlight: '13812345678', suggestion: true }],
    },
    {
      name: 'mobile with +86 and dashes',
      code: '经理电话 +86 139-1234-5678，您直接打给他',
      errors: [{ messageId: 'phoneNumber', message: PHONE('139****5678'), highlight: '+86 139-1234-5678' }],
    },
    {
      name: 'full-width digits are folded first',
      code: '联系电话１３８１２３４５６７８',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678'), highlight: '１３８１２３４５６７８' }],
    },
    {
      name: 'checksum-valid resident ID',
      code: '核对一下，身份证110105198803151232是您本人的吗',
      errors: [{ messageId: 'idNumber', message: ID('110105********1232'), highlight: '110105198803151232' }],
    },
    {
      name: 'resident ID ending in X (lower-case x too)',
      code: '证件号32058219750101109x已登记',
      errors: [{ messageId: 'idNumber', message: ID('320582********109X'), highlight: '32058219750101109x' }],
    },
    {
      name: 'Luhn-valid card in groups of four',
      code: '退款到卡 6222 0212 3456 7894 了',
      errors: [{ messageId: 'bankCard', message: CARD('6222********7894'), highlight: '6222 0212 3456 7894' }],
    },
    {
      name: '19-digit card',
      code: '您的卡号6217001234567890122对吗',
      errors: [{ messageId: 'bankCard', message: CARD('6217***********0122'), highlight: '6217001234567890122' }],
    },
    {
      name: 'traditional text is answered in traditional',
      code: '您的手機號碼是13812345678嗎',
      errors: [{ messageId: 'phoneNumber', message: '隱私洩露：消息裡有完整的手機號（138****5678）。核對號碼時只說後四位，或使用掩碼。', highlight: '13812345678' }],
    },
    {
      name: 'two numbers, two findings',
      code: '门店经理电话：13912345678、13712345678',
      errors: [
        { messageId: 'phoneNumber', message: PHONE('139****5678') },
        { messageId: 'phoneNumber', message: PHONE('137****5678') },
      ],
    },
    {
      name: 'a phone spelt with commas and Chinese digits to get past a filter',
      code: '好的，已经登记了您的号码：一三八，5555，六六六六',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****6666'), highlight: '一三八，5555，六六六六' }],
    },
    {
      name: 'a phone with the letters l and O typed for 1 and 0',
      code: '您的号码 l384729lO56',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****1056'), highlight: 'l384729lO56' }],
    },
    {
      name: 'a phone with capital I and O typed for 1 and 0 (rules read lower-cased text)',
      code: '您的号码 I384729IO56',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****1056'), highlight: 'I384729IO56' }],
    },
    {
      name: 'a phone in full-width, Chinese and English digits at once',
      code: '号码是 1３8-4七29-105six，记一下',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****1056'), highlight: '1３8-4七29-105six' }],
    },
    { name: 'a phone with zero-width spaces inside', code: '您的手机号是138\u200b1234\u200b5678对吧', errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678') }] },
    // Off the platform
    { name: 'add my WeChat', code: '您要是有空，加下我微信慢慢聊', errors: [{ messageId: 'offPlatform', message: OFF('加下我微信'), highlight: '加下我微信', suggestion: true }] },
    { name: 'asks for the customer’s QQ', code: '方便的话留个QQ号，我加您远程看看', errors: [{ messageId: 'offPlatform', message: OFF('留个QQ号') }] },
    { name: 'a staff member’s personal QQ', code: '您先添加QQ 28801234，我远程帮您调试', errors: [{ messageId: 'offPlatform', message: OFF('QQ 28801234') }] },
    { name: 'a technician’s QQ', code: '或者加我们工程师的QQ，远程排查更快', errors: [{ messageId: 'offPlatform', message: OFF('加我们工程师的QQ') }] },
    {
      name: 'a phone with the same word twice between its groups',
      code: '您的号码 138加4729加1056，记一下',
      errors: [{ messageId: 'phoneNumber', message: PHONE('138****1056'), highlight: '138加4729加1056' }],
    },
    { name: 'a phone in superscript digits', code: '您的号码 ¹³⁸¹²³⁴⁵⁶⁷⁸，记一下', errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678'), highlight: '¹³⁸¹²³⁴⁵⁶⁷⁸' }] },
    { name: 'a phone in subscript digits', code: '号码是₁₃₈₁₂₃₄₅₆₇₈', errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678') }] },
    { name: 'a phone with the same sign twice between its groups', code: '号码是138❤4729❤1056', errors: [{ messageId: 'phoneNumber', message: PHONE('138****1056') }] },
    { name: 'WeChat spelt V信 after a space', code: '加我 V信 zz_11223', errors: [{ messageId: 'offPlatform', message: OFF('加我 V信') }] },
    { name: 'WeChat spelt in pinyin', code: '加我 wei xin: zz_11223', errors: [{ messageId: 'offPlatform', message: OFF('加我 wei xin') }] },
    { name: 'WeChat spelt with a heart', code: '加我v❤ zz_11223', errors: [{ messageId: 'offPlatform', message: OFF('加我v❤') }] },
    // Labels spelt to get past a filter, read as redaction reads them; the id stays out of the message.
    { name: 'wx with a colon after 联系我', code: '联系我 wx: kk_10012', errors: [{ messageId: 'offPlatform', message: OFF('联系我 wx'), highlight: '联系我 wx' }] },
    { name: 'WeChat spelt 威 and a heart', code: '加我威❤ kk_10007', errors: [{ messageId: 'offPlatform', message: OFF('加我威❤') }] },
    { name: 'WeChat spelt 薇, a space and 信', code: '加我薇 信 kk_10006', errors: [{ messageId: 'offPlatform', message: OFF('加我薇 信') }] },
    { name: 'WeChat spelt V X', code: '加我 V X kk_10001', errors: [{ messageId: 'offPlatform', message: OFF('加我 V X') }] },
    { name: 'WeChat spelt 微芯', code: '加我微芯 kk_10004', errors: [{ messageId: 'offPlatform', message: OFF('加我微芯') }] },
    { name: 'WeChat spelt 卫星 after 加个', code: '加个卫星 kk_10013', errors: [{ messageId: 'offPlatform', message: OFF('加个卫星') }] },
    { name: 'the agent’s own id under a spelt label', code: '这是我的威❤号：kk_10014，有事找我', errors: [{ messageId: 'offPlatform', message: OFF('我的威❤号') }] },
    { name: 'a spelt label in brackets', code: '加我【威❤】kk_10015，有事找我', errors: [{ messageId: 'offPlatform', message: OFF('加我【威❤】') }] },
    { name: 'a spelt label and a bar before the id', code: '我的薇 信|kk_10016', errors: [{ messageId: 'offPlatform', message: OFF('我的薇 信') }] },
    { name: 'private transfer', code: '我们私下转账就行，不用走订单', errors: [{ messageId: 'offPlatform', message: OFF('私下转账') }] },
    { name: 'pay outside the order', code: '我微信转给您五十块', errors: [{ messageId: 'offPlatform', message: OFF('微信转给您') }] },
    { name: 'mixed script and full-width', code: 'ＯＫ，加我ＶＸ细聊', errors: [{ messageId: 'offPlatform', message: OFF('加我ＶＸ') }] },
    {
      name: 'a number and an invitation in one message',
      code: '我的微信就是13812345678，加我微信吧',
      errors: [
        { messageId: 'phoneNumber', message: PHONE('138****5678') },
        { messageId: 'offPlatform', message: OFF('加我微信') },
      ],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    { name: 'numbers: cards left out', code: '退款到卡 6222 0212 3456 7894 了', options: { numbers: ['mobile', 'residentId'] } },
    { name: 'offPlatform: false', code: '加我微信吧', options: { offPlatform: false } },
  ],
  invalid: [
    { code: '电话13812345678', options: { numbers: ['mobile'] }, errors: [{ messageId: 'phoneNumber', message: PHONE('138****5678') }] },
    { code: '身份证110105198803151232', options: { offPlatform: false }, errors: [{ messageId: 'idNumber', message: ID('110105********1232') }] },
    { code: '卡号6222021234567894', options: { numbers: ['bankCard'] }, errors: [{ messageId: 'bankCard', message: CARD('6222********7894') }] },
    { code: '私下转账吧', options: { numbers: [] }, errors: [{ messageId: 'offPlatform', message: OFF('私下转账') }] },
  ],
});
