import { FILE_EXTENSION, type PiiSpan, piiView } from './pii.js';

// A nickname or a handle on a social platform names its owner as an account id does: 微信名：小鹿爱吃糖,
// 微信昵称 小鹿爱吃糖, 网名是…, 昵称「小鹿爱吃糖」, ?nickname=小鹿爱吃糖, 我的微博 @小鹿爱吃糖. Read after a platform's word for a
// nickname, or after 昵称/网名 alone, with a sign, 是/为/叫, a space or a quotation mark before it; a member name on
// Taobao after 旺旺/淘宝 and a sign ("旺旺：小鹿乱撞2026", "淘宝id是 …"); after a platform's name, only as an @handle the
// writer calls their own or gives with a sign (see HANDLE). A question ("微信名叫什么") names nobody. For redaction only.
const VALUE_CHAR = '[^\\s,，。.!！?？;；:：、()（）【】\\[\\]"\'“”‘’<>《》「」『』&=]';
const VALUE = `@?(${VALUE_CHAR}{2,20})`;
// After a sign a nickname may hold single spaces ("微信名：小鹿 乱撞", "微信名：Lucky Star"), and in quotation marks or
// brackets it is all that stands in them ("昵称「小鹿乱撞」", "昵称“Lucky Star”").
const SPACED_VALUE = `@?(${VALUE_CHAR}(?:[ \\t]?${VALUE_CHAR}){1,19})`;
const QUOTED_VALUE = `[「『“"'‘《【(（]([^」』”"'’》】)）\\n]{2,20})[」』”"'’》】)）]`;
const SIGN = '[ \\t]*(?:[:：=＝]|是|为|叫)[ \\t]*';
const AFTER_LABEL = `(?:${SIGN}(?:${QUOTED_VALUE}|${SPACED_VALUE})|[ \\t]*${QUOTED_VALUE}|[ \\t]+${VALUE})`;
// 暱称 is how OpenCC leaves the traditional 暱稱 (Taiwan, Hong Kong): 暱 is a simplified character too. "nickname" and
// "screen_name" are the fields of a link or a JSON record ("?nickname=…", {"nickname":"…"}). 旺旺 is as often a
// brand of snacks ("旺旺 雪饼"): a member name follows it only after a sign, or after 号, id or 名 and 是.
const NICKNAME = new RegExp(
  [
    `(?:(?:微信|微博|抖音|快手|小红书|qq|b站)(?:[昵暱]称|名字|名|用户名|账号名)|[昵暱]称|网名)${AFTER_LABEL}`,
    `(?<![A-Za-z])(?:nick[_-]?name|screen[_-]?name)["']?[ \\t]*[:=][ \\t]*["']?${VALUE}`,
    `(?:阿里旺旺|旺旺|淘宝)(?:(?:号|账号|帐号|id|名|昵称)${SIGN}|[ \\t]*[:：=＝][ \\t]*)${VALUE}`,
  ].join('|'),
  'dgiu',
);
// An @handle after a platform's name is most often a company's or a public figure's account, mentioned
// ("微博 @中国联通客服", "微博@罗永浩"): only one the writer calls their own ("我的微博 @…") or gives as a
// value, with a sign, 是 or 为 after the platform's name ("微博：@王建国爱摄影", "抖音号是@…"), is read.
// A mention with no platform's name before it ("@客服小美", "@所有人") is no contact given.
const PLATFORMS = '(?:微博|抖音|快手|小红书|推特|b站|(?<![A-Za-z])(?:twitter|instagram|ins))';
const HANDLE = new RegExp(
  `(?:(?:我的|本人的?)${PLATFORMS}[ \\t]*(?:号|账号)?[ \\t]*[:：]?|${PLATFORMS}[ \\t]*(?:号|账号|帐号|id)?[ \\t]*(?:[:：=＝]|是|为))[ \\t]*@([^\\s,，。.!！?？;；:：、()（）【】[\\]"'“”<>《》@]{2,30})`,
  'dgiu',
);
const QUESTION = /^(?:什么|啥|多少|哪|谁|是不是|叫什么)/u;
const NEEDS = /称|网名|名|旺旺|淘宝|name|@/iu;

/**
 * Nicknames and handles after the words that introduce them: the span is the nickname, its first character kept.
 * They are read on the personal-data view, where a full-width ＠ or an ideographic space is folded as a number's digits are.
 */
export function findNicknames(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  if (!NEEDS.test(view.text)) return [];
  const found: PiiSpan[] = [];
  for (const pattern of [NICKNAME, HANDLE]) {
    for (const m of view.text.matchAll(pattern)) {
      // The one group that took part: the value, in quotation marks or not.
      const group = m.indices!.findIndex((indices, i) => i > 0 && indices !== undefined);
      const value = m[group]!;
      if (QUESTION.test(value)) continue;
      found.push({ kind: 'account', ...view.original(...m.indices![group]!), value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// An invitation to add someone on WeChat or QQ, with the id later in the same message and no label
// right before it ("可以加下我微信,我也喜欢摄影.lover52091314"). The id is letters with digits, or
// six digits and more (a QQ number), standing as a word of its own. For redaction only.
const INVITATION = /加(?:一?下|个)?我的?(?:微信|v信|vx|wx|qq|扣扣)|(?:微信|vx|wx|qq)(?:加|添加)我/iu;
// A dot after it and more letters make it part of a longer word (a domain, a version), unless what follows is a file's extension.
const NOT_A_FILE_EXTENSION = `\\.(?!${FILE_EXTENSION})[A-Za-z0-9]`;
const LOOSE_ID = new RegExp(
  `(?<![A-Za-z0-9_@-]|[A-Za-z0-9]\\.)[A-Za-z](?=[A-Za-z0-9_-]{0,18}[0-9])[A-Za-z0-9_-]{5,19}(?![A-Za-z0-9_@-]|${NOT_A_FILE_EXTENSION})|(?<![A-Za-z0-9_@-]|[A-Za-z0-9]\\.)[1-9][0-9]{5,10}(?![0-9A-Za-z_@-]|${NOT_A_FILE_EXTENSION})`,
  'gu',
);

/** Ids that follow an invitation to add the writer on WeChat or QQ in the same message: the first character kept. */
export function findInvitedIds(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  const invitation = INVITATION.exec(view.text);
  if (!invitation) return [];
  const found: PiiSpan[] = [];
  LOOSE_ID.lastIndex = invitation.index + invitation[0].length;
  for (let m = LOOSE_ID.exec(view.text); m !== null; m = LOOSE_ID.exec(view.text)) found.push({ kind: 'account', ...view.original(m.index, m.index + m[0].length), value: m[0] });
  return found;
}
