import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { piiView } from '../../src/text/pii.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/**
 * Spellings of personal data that a reviewer who had not seen the code got past `--redact`. Each
 * is said by an angry customer (quoted as what the agent answered) and by an agent after a
 * blame-shifting phrase, so that every format quotes it; none of it may come out of
 * `lint --redact` or `report --redact`.
 */

interface Spelling {
  family: string;
  /** As the agent writes it. */
  text: string;
  /** What must not be in the output, compared on the normalised view with spaces taken out. */
  secret: string;
}

const SPELLINGS: Spelling[] = [
  ...['我叫乔峰', '收件人:乔峰', '收件人：乔峰', '收件人乔峰', '联系人:乔峰', '收货人:乔峰'].map((text) => ({ family: 'name', text, secret: '乔峰' })),
  { family: 'name', text: '我叫阿朱', secret: '阿朱' },
  { family: 'name', text: '我叫虚竹', secret: '虚竹' },
  { family: 'name', text: '姓名:虚竹', secret: '虚竹' },
  { family: 'name', text: '叫我段誉就行', secret: '段誉' },
  { family: 'name', text: '我是虚竹，', secret: '虚竹' },
  { family: 'name', text: '姓名 令 狐 冲', secret: '令狐冲' },
  { family: 'name', text: '名字：Li Lei', secret: 'lilei' },
  { family: 'name', text: "I'm John Smith", secret: 'smith' },
  { family: 'name', text: "my name is Mary-Jane O'Neil", secret: 'mary-jane' },
  { family: 'name', text: '姓名：J. R. R. Tolkien', secret: 'tolkien' },
  { family: 'name', text: '我叫John Q. Smith', secret: 'smith' },
  { family: 'name', text: '户名 郭靖', secret: '郭靖' },
  { family: 'name', text: '我姓欧阳名锋', secret: '欧阳' },
  { family: 'email', text: 'qianduoduo#163.com', secret: 'qianduoduo' },
  { family: 'email', text: '邮箱 lilei @ 163.com', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei @ 163 . com', secret: 'lilei' },
  { family: 'email', text: '邮箱 l i l e i @ 1 6 3 . c o m', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei at gmail', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei@163', secret: 'lilei' },
  { family: 'phone', text: '138加4729加1056', secret: '4729' },
  { family: 'phone', text: '电话 l384729lO56', secret: '4729' },
  { family: 'phone', text: '139转4730转1056', secret: '4730' },
  { family: 'phone', text: '137空格4731空格1056', secret: '4731' },
  { family: 'phone', text: '136杠4732杠1056', secret: '4732' },
  { family: 'account', text: '加v：moonlight_77', secret: 'moonlight' },
  { family: 'account', text: '➕V moonriver_66', secret: 'moonriver' },
  { family: 'account', text: '微.信 tiantian_99', secret: 'tiantian' },
  { family: 'account', text: 'q号 87654321', secret: '765432' },
  { family: 'address', text: '地址：北京市朝阳区建国路88号SOHO现代城A座1201室', secret: '建国路' },
  { family: 'address', text: '收货地址 上海市浦东新区世纪大道100号3栋402', secret: '世纪大道' },
  { family: 'passport', text: '护照 E12345678', secret: '123456' },
  { family: 'plate', text: '车是京A12345', secret: '12345' },
  { family: 'account', text: 'wei xin: zz_11223', secret: 'zz_11223' },
  { family: 'account', text: 'v❤ kk_23456', secret: 'kk_23456' },
  { family: 'account', text: '薇❤：kk_34567', secret: 'kk_34567' },
  { family: 'account', text: '卫星号 kk_56789', secret: 'kk_56789' },
  { family: 'account', text: '威x kk_78901', secret: 'kk_78901' },
  { family: 'phone', text: '电话 138 o4729 1056', secret: '4729' },
  { family: 'phone', text: '电话 I384729IO56', secret: '4729' },
  { family: 'phone', text: '1３8-4七29-105six', secret: '4729' },
  { family: 'email', text: '邮箱 lilei圈163.com', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei 在 163.com', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei 圈 qq 点 com', secret: 'lilei' },
  { family: 'account', text: '加个卫星 kk_10013', secret: 'kk_10013' },
  { family: 'account', text: '联系我 wx: kk_10012', secret: 'kk_10012' },
  { family: 'account', text: '加我薇 信 kk_10006', secret: 'kk_10006' },
  { family: 'account', text: '加我 V X kk_10001', secret: 'kk_10001' },
  { family: 'address', text: '我家在杭州市西湖区文三路90号', secret: '文三路' },
  { family: 'address', text: '人在广东省深圳市南山区科技园南十二路18号3栋402室', secret: '南十二路' },
  { family: 'email', text: '邮箱 王建国13812345678@163.com', secret: '王建国' },
  { family: 'email', text: '邮箱 王建国_wang@163.com', secret: '王建国' },
  { family: 'email', text: '邮箱 lilei@ @163.com', secret: 'lilei' },
  { family: 'email', text: '邮箱 lilei【@】163.com', secret: 'lilei' },
  { family: 'address', text: '发到深圳南山科技园南区8栋', secret: '科技园南区' },
  { family: 'address', text: '送货到 上海 浦东 张江路 88 号', secret: '张江路' },
  { family: 'phone', text: '手机号后四位5678，前七位1381234', secret: '1381234' },
  { family: 'phone', text: '手机尾号5678，前面是1381234', secret: '1381234' },
  { family: 'name', text: '尊敬的王建国客户', secret: '王建国' },
  { family: 'name', text: '王建国您好', secret: '王建国' },
  { family: 'name', text: '亲爱的张伟同学', secret: '张伟' },
  { family: 'name', text: '王建国（先生）', secret: '王建国' },
  { family: 'name', text: 'Mr. Zhang Wei', secret: 'zhangwei' },
  { family: 'name', text: 'Dear John Smith,', secret: 'smith' },
  { family: 'name', text: '张伟 138****5678', secret: '张伟' },
  { family: 'name', text: '张伟 13812345678', secret: '张伟' },
  { family: 'name', text: '手机 138****5678 王建国收', secret: '王建国' },
  // Labels with other separators, or in brackets, and values in brackets.
  ...['收货人=王建国', '收货人＝王建国', '收货人 = 王建国', '收货人-王建国', '收货人/王建国', '收货人|王建国', '【收货人】王建国', '收货人（王建国）', '姓名=王建国', '联系人=王建国'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  { family: 'name', text: '姓名→张三丰', secret: '张三丰' },
  { family: 'name', text: 'name=Zhang Wei', secret: 'zhangwei' },
  { family: 'account', text: '【微信】zhangsan_88', secret: 'zhangsan' },
  { family: 'account', text: '微信号|lisi_99', secret: 'lisi_99' },
  { family: 'account', text: '微信（lisi_99）', secret: 'lisi_99' },
  { family: 'account', text: '【QQ】12345678', secret: '234567' },
  { family: 'account', text: 'QQ号-87654321', secret: '765432' },
  { family: 'passport', text: '护照=E12345678', secret: '123456' },
  { family: 'passport', text: '【护照】E12345678', secret: '123456' },
  { family: 'passport', text: 'passport no. G87654321', secret: '876543' },
  // More labels of a name.
  ...['签收人：王建国', '发件人：王建国', '取件人：王建国', '下单人：王建国', '称呼：王建国', '这边是王建国'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  { family: 'name', text: 'Recipient: John Smith', secret: 'smith' },
  { family: 'name', text: 'Contact: John Smith', secret: 'smith' },
  { family: 'plate', text: '车是京A-12345', secret: '12345' },
  { family: 'plate', text: '车是 京 A12345', secret: '12345' },
  { family: 'email', text: '邮箱 john dot smith at gmail dot com', secret: 'john' },
  { family: 'phone', text: '电话 ¹³⁸¹²³⁴⁵⁶⁷⁸', secret: '1234' },
  { family: 'landline', text: '座机(021)6666-8888', secret: '66668888' },
  { family: 'landline', text: '区号021 电话66668888', secret: '66668888' },
  { family: 'phone', text: '台湾手机0912-345-678', secret: '0912345678' },
  { family: 'phone', text: '台湾手机09 1234 5678', secret: '0912345678' },
  { family: 'address', text: '寄到 123 Main Street, Springfield, IL 62704', secret: 'mainstreet' },
  { family: 'address', text: 'Ship to 42 Baker St, London NW1 6XE', secret: 'nw16xe' },
  { family: 'address', text: 'my address is 1600 Amphitheatre Parkway, Mountain View', secret: 'amphitheatre' },
  { family: 'address', text: '万科城市花园3栋2单元501', secret: '万科城市花园' },
  { family: 'address', text: '阳光小区5号楼3单元402室', secret: '阳光小区' },
  // The full name: a given name that is also a word (学友) may be a report's topic keyword.
  ...[['我老公叫刘德华', '刘德华'], ['我妈叫王秀英', '王秀英'], ['他叫周杰伦', '周杰伦'], ['找张学友', '张学友'], ['请转告王建国', '王建国']].map(([text, secret]) => ({ family: 'name', text: text!, secret: secret! })),
  ...['Regards, Mary Jones', 'Thanks, John Smith', 'Signed, John Smith'].map((text) => ({ family: 'name', text, secret: text.split(', ')[1]!.replace(' ', '') })),
  ...['绿泡泡 abc_1234', 'line id: abc_1234', 'telegram @abc_1234'].map((text) => ({ family: 'account', text, secret: 'abc_1234' })),
  { family: 'account', text: 'Skype: john.smith99', secret: 'smith99' },
  { family: 'email', text: 'zhangsan@163.com，王建国，13912345678，ok', secret: '13912345678' },
  { family: 'email', text: '邮箱zhangsan@163.com，收件人王建国，OK', secret: '王建国' },
  { family: 'phone', text: '前三位138，中间四位1234，后四位5678', secret: '中间四位1234' },
  { family: 'phone', text: '手机号是138开头的，后面是12345678', secret: '12345678' },
  { family: 'name', text: '客户张三丰13812345678聊天记录', secret: '张三丰' },
  { family: 'phone', text: 'call me at (415) 555-2671', secret: '5552671' },
  { family: 'id', text: 'my SSN is 078-05-1120', secret: '078051120' },
  { family: 'id', text: 'HK ID A123456(7)', secret: '123456' },
  { family: 'name', text: 'Hi Mary Jones, sorry', secret: 'maryjones' },
  { family: 'name', text: 'name=王建国&tel=138****5678', secret: '王建国' },
  { family: 'name', text: '王建国 先生您好', secret: '王建国' },
  { family: 'account', text: '淘宝账号：tb_wangjianguo88', secret: 'wangjianguo' },
  { family: 'account', text: '旺旺号 wangjianguo88', secret: 'wangjianguo' },
  { family: 'address', text: 'my address: 500 5th Ave, New York, NY 10110', secret: '5thave' },
  // A label and its value in quotation marks.
  ...['{"收件人":"王建国"}', '收件人="王建国"', '"收货人": "王建国"', '{"contact":"王建国"}', '<name>王建国</name>'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  { family: 'account', text: '{"qq":"45678901"}', secret: '567890' },
  { family: 'account', text: '{"wechat":"kk_10017"}', secret: 'kk_10017' },
  { family: 'name', text: '{"name":"Mary Jones"}', secret: 'jones' },
  // Names, ids and an address a ninth review found in clear.
  ...[['鄙人李小红', '李小红'], ['实名：周星驰', '周星驰'], ['Full name - Peter Parker', 'parker'], ['John Smith here, any update?', 'smith'], ['138****5678转王建国', '王建国']].map(([text, secret]) => ({ family: 'name', text: text!, secret: secret! })),
  { family: 'account', text: '抠抠 45678901', secret: '567890' },
  { family: 'account', text: 'my wechat is kk_10017', secret: 'kk_10017' },
  { family: 'address', text: '中山路100号3楼301室', secret: '中山路' },
  { family: 'address', text: '地址：北京市朝阳区\n建国路88号', secret: '建国路' },
  ...['帮我找一下王建国', '寄给王建国', '给王建国打个电话', '麻烦王建国签收一下', '我老婆王建国明天在家', '王建国是我本人', '@王建国 你好', '\n王建国：你好，在吗', 'From: 王建国', '落款：王建国', '[王建国]'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  ...['Q:45678902', 'q 45678902', '加q45678902', '扣 45678902'].map((text) => ({ family: 'account', text, secret: '567890' })),
  { family: 'account', text: '抖音 dy_88888', secret: 'dy_88888' },
  { family: 'passport', text: 'passport number is E12345678', secret: '123456' },
  { family: 'plate', text: '车是粤B1234学', secret: '1234' },
  { family: 'name', text: '我叫阿卜杜拉·艾力', secret: '艾力' },
  { family: 'email', text: 'mailto:lilei%40163.com', secret: 'lilei' },
  { family: 'name', text: 'https://t.cn/?name=%E7%8E%8B%E5%BB%BA%E5%9B%BD', secret: '%e5%bb%ba' },
  { family: 'account', text: 'QQ%3A45678901', secret: '567890' },
  { family: 'address', text: '台北市信義區信義路五段7號', secret: '信義路' },
  { family: 'address', text: '香港九龍旺角彌敦道123號', secret: '彌敦道' },
  { family: 'email', text: '邮箱是 lilei 艾特 一六三 点 com', secret: 'lilei' },
  // A name after the label of a person in a form or a record.
  ...['经办人：王建国', '【申请人】王建国', '车主=王建国'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  // A name after an English label with only spaces before it, in pinyin after a sign, and one that signs off a line with more after it.
  ...[['name John Smith', 'smith'], ['recipient John Smith', 'smith'], ['customer name Wang Jianguo', 'jianguo'], ['name: wang jianguo', 'jianguo'], ['Regards, Mary Jones 13812345678', 'jones']].map(([text, secret]) => ({ family: 'name', text: text!, secret: secret! })),
  // A tenth review: an @handle given as a contact, a sign-off name with a space, an office address after a delivery verb, an ID number in two parts.
  { family: 'handle', text: '微博：@王建国爱摄影', secret: '建国爱摄影' },
  { family: 'name', text: '落款 王建国', secret: '王建国' },
  { family: 'address', text: '寄到公司：中关村大街27号中关村大厦15层', secret: '中关村大街' },
  { family: 'address', text: '寄到国贸中心B座2201', secret: '国贸中心' },
  { family: 'id', text: '身份证前六位110105 后面是19900101123X', secret: '110105' },
  { family: 'id', text: '身份证 110105199001\n011234', secret: '011234' },
  { family: 'handle', text: '我的微博＠小鹿乱撞', secret: '鹿乱撞' },
  { family: 'handle', text: '我的微信暱稱：小鹿乱撞', secret: '鹿乱撞' },
  { family: 'name', text: '我叫阿卜杜拉･艾力', secret: '艾力' },
  { family: 'email', text: '邮箱 lilei&#64;163.com', secret: 'lilei' },
  { family: 'email', text: 'lilei%2540163.com', secret: 'lilei' },
  { family: 'account', text: '我的B站账号：lulu2026', secret: 'lulu2026' },
  { family: 'account', text: '我的账号是 lulu_2026', secret: 'lulu_2026' },
  { family: 'handle', text: '昵称「小鹿乱撞」', secret: '鹿乱撞' },
  { family: 'handle', text: '旺旺：小鹿乱撞2026', secret: '鹿乱撞' },
  { family: 'phone', text: '手机❶❸❽❶❷❸❹❺❻❼❽', secret: '1234' },
  { family: 'name', text: '我叫王建国，三横王，建设的建，国家的国', secret: '建设的建' },
  { family: 'email', text: '邮箱是 l i l e i 艾特 q q 点 com', secret: 'lilei' },
  // An eleventh review.
  { family: 'phone', text: '手机㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧', secret: '1234' },
  { family: 'name', text: '\nDear Mr. Smith,', secret: 'smith' },
  { family: 'name', text: '\nHi Mary, sorry for the delay', secret: 'himary' },
  ...['这是王建国的订单', '下单的是王建国', '以王建国的名义下单', '王建国的手机号'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  // A twelfth review: a name changed or put right, after 姓 and 名, after 家属, glued to 落款, before the holder's sex.
  ...['收件人改成王建国', '签收人写的王建国', '名字打错了，应该是王建国', '填的王建国这个名字', '家属王建国', '落款王建国', '王建国 男 1990年'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  { family: 'name', text: '姓王名建国', secret: '名建国' },
  ...[['mail zhang_san(a)163.com', 'zhang_san'], ['邮箱是li_si88，163的', 'li_si88']].map(([text, secret]) => ({ family: 'email', text: text!, secret: secret! })),
  ...[['放在国贸中心B座2203前台', 'b座2203'], ['我家是和平里七区18号楼2门501', '2门501']].map(([text, secret]) => ({ family: 'address', text: text!, secret: secret! })),
  ...[['闲鱼号 lulu_2026', 'lulu_2026'], ['用户ID：lulu_2027', 'lulu_2027']].map(([text, secret]) => ({ family: 'account', text: text!, secret: secret! })),
  ...['机主王建国', '我老公是王建国', '王建国，您好：', '快递是王建国签收的', '发一下王建国的聊天记录'].map((text) => ({ family: 'name', text, secret: '王建国' })),
  ...[['訂購人：王建國', '王建國'], ['my name is jianguo wang', 'jianguowang'], ['Mary Jones wrote:', 'maryjones']].map(([text, secret]) => ({ family: 'name', text: text!, secret: secret! })),
  ...[['市話 (02)2345-6789', '23456789'], ['text me at (415)5552671', '5552671']].map(([text, secret]) => ({ family: 'phone', text: text!, secret: secret! })),
];

const LINT_FORMATS = ['stylish', 'json', 'jsonl', 'csv', 'sarif', 'junit', 'github', 'markdown'];
// The report's CSV holds figures only, no quotes.
const REPORT_FORMATS = ['markdown', 'json', 'html'];
const ENV = { SUPPORTLINT_REDACT_KEY: 'k1' };

const DIR = mkdtempSync(path.join(tmpdir(), 'supportlint-spellings-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function transcript(spellings: readonly Spelling[]): string {
  return spellings
    .flatMap((s, i) => [
      { conversation_id: `c${i}`, time: '2026-11-02 10:00:00', role: 'customer', text: `太过分了，快递怎么还没到！${s.text}` },
      { conversation_id: `c${i}`, time: '2026-11-02 10:03:00', role: 'agent', agent: '小林', text: `这个不归我们管，${s.text}` },
    ])
    .map((record) => JSON.stringify(record))
    .join('\n');
}

/** Output as a reader takes it in: escapes and markup undone, the normalised view, spaces between Han characters dropped. */
function readable(output: string): string {
  const text = output
    .replace(/<[^>]*>/g, ' ')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/\\(.)/g, '$1');
  return piiView(text)
    .text.replace(/(?<=[\p{Script=Han}A-Za-z])[ \t]+(?=[\p{Script=Han}A-Za-z])/gu, '')
    .toLowerCase();
}

const ALL = path.join(DIR, 'all.jsonl');
/**
 * Spellings in groups small enough for a format to list all their findings: the github format
 * annotates at most 10 warnings a step, and each conversation here has three.
 */
const groupsOf = (size: number) => Array.from({ length: Math.ceil(SPELLINGS.length / size) }, (_, g) => SPELLINGS.map((_s, i) => i).slice(g * size, (g + 1) * size));
const GROUPS: Record<number, number[][]> = { 2: groupsOf(2), 16: groupsOf(16) };
const groupSize = (format: string) => (format === 'github' ? 2 : 16);
const GROUP = (size: number, g: number) => path.join(DIR, `group-${size}-${g}.jsonl`);
beforeAll(() => {
  writeFileSync(ALL, transcript(SPELLINGS));
  for (const [size, groups] of Object.entries(GROUPS)) groups.forEach((members, g) => writeFileSync(GROUP(Number(size), g), transcript(members.map((i) => SPELLINGS[i]!))));
});

describe('--redact masks every spelling a reviewer found', () => {
  it('without --redact the output quotes each of them (the checks below could fail)', async () => {
    const plain = readable((await runCli(['lint', ALL, '-c', REPO_CONFIG, '-f', 'json'])).stdout);
    for (const s of SPELLINGS) expect(plain, s.text).toContain(s.secret.toLowerCase());
  });

  // Some formats cap how many findings they list, so the spellings go in small groups, each a
  // transcript of its own; each group's plain output is checked to quote all its secrets first, so
  // that no check below passes only because its spelling was left out of the output.
  const groups = (format: string) => GROUPS[groupSize(format)]!.map((members, g) => [g, members.map((i) => SPELLINGS[i]!.text).join(' | ')] as const);
  const checkGroup = async (command: 'lint' | 'report', format: string, g: number) => {
    const file = GROUP(groupSize(format), g);
    // Workflow commands escape % as %25 (and line breaks): undone, as GitHub shows the annotation.
    const shown = (text: string) => (format === 'github' ? text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%') : text);
    const plain = readable(shown((await runCli([command, file, '-c', REPO_CONFIG, '-f', format])).stdout));
    const result = await runCli([command, file, '-c', REPO_CONFIG, '-f', format, '--redact'], { env: ENV });
    if (command === 'report') expect(result.code).toBe(0);
    const output = readable(shown(result.stdout) + result.stderr);
    expect(output).toContain('不归我们管');
    for (const i of GROUPS[groupSize(format)]![g]!) {
      const { text, secret } = SPELLINGS[i]!;
      expect(plain, `without --redact, ${format} quotes ${text}`).toContain(secret.toLowerCase());
      expect(output, `${format} --redact: ${text}`).not.toContain(secret.toLowerCase());
    }
  };

  describe.each(LINT_FORMATS)('lint -f %s --redact', (format) => {
    it.each(groups(format))('group %i: %s', (g) => checkGroup('lint', format, g));
  });

  describe.each(REPORT_FORMATS)('report -f %s --redact', (format) => {
    it.each(groups(format))('group %i: %s', (g) => checkGroup('report', format, g));
  });
});

describe('--redact: a file named for a person', () => {
  const named = path.join(DIR, '王建国13812345678@163.com.jsonl');
  beforeAll(() => writeFileSync(named, transcript([{ family: 'name', text: '好的', secret: '' }])));

  it.each(['stylish', 'sarif', 'json', 'junit'])('lint -f %s masks the address in the file name', async (format) => {
    const plain = await runCli(['lint', named, '-c', REPO_CONFIG, '-f', format]);
    expect(plain.stdout).toMatch(/王建国|%E7%8E%8B/u);
    const result = await runCli(['lint', named, '-c', REPO_CONFIG, '-f', format, '--redact'], { env: ENV });
    expect(result.stdout).toContain('不归我们管');
    expect(result.stdout + result.stderr).not.toMatch(/王建国|%E7%8E%8B|13812345678/u);
  });
});

describe('--redact: a file named for a WeChat id', () => {
  const named = path.join(DIR, 'kk_wx 微信kk_44444.jsonl');
  beforeAll(() => writeFileSync(named, transcript([{ family: 'name', text: '好的', secret: '' }])));

  it.each(['stylish', 'json'])('lint -f %s masks the id and keeps the extension', async (format) => {
    const plain = await runCli(['lint', named, '-c', REPO_CONFIG, '-f', format]);
    expect(plain.stdout).toContain('kk_44444');
    const result = await runCli(['lint', named, '-c', REPO_CONFIG, '-f', format, '--redact'], { env: ENV });
    expect(result.stdout).toContain('微信k******4.jsonl');
    expect(result.stdout + result.stderr).not.toContain('kk_44444');
  });
});

describe('--redact: messages about skipped records', () => {
  const file = path.join(DIR, 'roles.jsonl');
  beforeAll(() => {
    const records = [
      { conversation_id: 'r1', time: '2026-11-02 10:00:00', role: 'customer', text: '快递怎么还没到' },
      { conversation_id: 'r1', time: '2026-11-02 10:01:00', role: '张三丰13912345678', text: '您好' },
      { conversation_id: 'r1', time: '2026-11-02 10:02:00', role: '乔峰', text: '您好' },
      { conversation_id: 'r1', time: '11月2日 阿朱的下午', role: 'agent', agent: '小林', text: '您好' },
      { conversation_id: 'r1', time: '2026-11-02 10:03:00', role: 'agent', agent: '小林', text: '这个不归我们管' },
      // Values that are no strings are quoted as JSON, quotation marks inside.
      { conversation_id: 'r1', time: '2026-11-02 10:04:00', role: 'customer', text: { name: '王建国' } },
      { conversation_id: 'r1', time: '2026-11-02 10:05:00', role: { 王建国: 1 }, text: '您好' },
      { conversation_id: 'r1', time: '2026-11-02 10:06:00', role: ['欧阳锋', '13812345678', 'a long value that the message cuts short'], text: '您好' },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  });

  it('without --redact they quote the value that could not be used (the checks below could fail)', async () => {
    const result = await runCli(['lint', file, '-c', REPO_CONFIG]);
    expect(result.stderr).toContain('张三丰');
    expect(result.stderr).toContain('乔峰');
    expect(result.stderr).toContain('阿朱');
    expect(result.stderr).toContain('王建国');
    expect(result.stderr).toContain('欧阳锋');
  });

  it.each([
    ['lint', 'stylish'],
    ['lint', 'json'],
    ['lint', 'sarif'],
    ['lint', 'junit'],
    ['report', 'markdown'],
    ['report', 'json'],
  ])('%s -f %s names no one, and still says which records were skipped and why', async (command, format) => {
    const result = await runCli([command, file, '-c', REPO_CONFIG, '-f', format, '--redact'], { env: ENV });
    const said = result.stdout + result.stderr;
    for (const secret of ['张三丰', '三丰', '乔峰', '阿朱', '13912345678', '王建国', '建国', '欧阳锋', '13812345678']) expect(said).not.toContain(secret);
    expect(result.stderr).toMatch(/roles\.jsonl:2: 未知的角色 "值-[0-9a-f]{10}"/u);
    expect(result.stderr).toMatch(/roles\.jsonl:4: 时间 "值-[0-9a-f]{10}" 无法识别/u);
    // An object or array is one value, replaced whole.
    expect(result.stderr).toMatch(/roles\.jsonl:6: 内容是 "值-[0-9a-f]{10}"，应为字符串/u);
    expect(result.stderr).toMatch(/roles\.jsonl:7: 未知的角色 "值-[0-9a-f]{10}"：/u);
    expect(result.stderr).toMatch(/roles\.jsonl:8: 未知的角色 "值-[0-9a-f]{10}"：/u);
    // The catalogue's own quoted words stay.
    expect(result.stderr).toContain('"roles"');
  });

  it('the same value gets the same pseudonym', async () => {
    const twice = path.join(DIR, 'roles-twice.jsonl');
    const record = { conversation_id: 'r2', time: '2026-11-02 10:01:00', role: '乔峰', text: '您好' };
    writeFileSync(twice, [record, record, { ...record, role: 'customer' }].map((r) => JSON.stringify(r)).join('\n'));
    const result = await runCli(['lint', twice, '-c', REPO_CONFIG, '--redact'], { env: ENV });
    const pseudonyms = [...result.stderr.matchAll(/未知的角色 "(值-[0-9a-f]{10})"/gu)].map((m) => m[1]);
    expect(pseudonyms).toHaveLength(2);
    expect(pseudonyms[0]).toBe(pseudonyms[1]);
  });
});

describe('pii-exposure sees what --redact masks in an agent’s message', () => {
  // An agent inviting the customer to a private account, or reading back a full phone number.
  const EXPOSURES = [
    ['您的号码 I384729IO56', '4729'],
    ['联系我 wx: kk_10012', 'kk_10012'],
    ['加我威❤ kk_10007', 'kk_10007'],
    ['加我薇 信 kk_10006', 'kk_10006'],
    ['加我 V X kk_10001', 'kk_10001'],
    ['加我微芯 kk_10004', 'kk_10004'],
    ['加个卫星 kk_10013', 'kk_10013'],
    ['加我绿泡泡 kk_10017', 'kk_10017'],
    ['加我 telegram @kk_10018', 'kk_10018'],
  ] as const;
  const file = path.join(DIR, 'exposures.jsonl');
  beforeAll(() => {
    const records = EXPOSURES.flatMap(([text], i) => [
      { conversation_id: `e${i}`, time: '2026-11-02 10:00:00', role: 'customer', text: '你好' },
      { conversation_id: `e${i}`, time: '2026-11-02 10:01:00', role: 'agent', agent: '小林', text },
    ]);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  });

  it('lint --rule pii-exposure reports each of them once, without the id in its message', async () => {
    const result = await runCli(['lint', file, '-c', REPO_CONFIG, '--rule', 'pii-exposure', '-f', 'json']);
    const findings = (JSON.parse(result.stdout) as { results: Array<{ conversationId: string; findings: Array<{ message: string }> }> }).results.map((r) => [r.conversationId, r.findings] as const);
    expect(findings.map(([id, f]) => [id, f.length])).toEqual(EXPOSURES.map((_e, i) => [`e${i}`, 1]));
    findings.forEach(([, f], i) => expect(f[0]!.message).not.toContain(EXPOSURES[i]![1]));
  });

  it('lint --redact masks each of them', async () => {
    const result = await runCli(['lint', file, '-c', REPO_CONFIG, '--rule', 'pii-exposure', '-f', 'json', '--redact'], { env: ENV });
    const output = readable(result.stdout);
    for (const [text, secret] of EXPOSURES) expect(output, text).not.toContain(secret);
  });
});
