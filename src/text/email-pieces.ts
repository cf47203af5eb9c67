import { type PiiSpan, piiViewWithoutGaps, SPOKEN_MAIL_HOSTS } from './pii.js';

// An e-mail address given in two pieces, its name after a word for a mailbox and its host said apart: "邮箱是zhang_san，163的",
// "邮箱 zhang_san 后面是 163.com", "邮箱用户名zhang_san，后缀@163.com", "邮箱前缀lilei，163的", "qq邮箱是lilei". The name is masked, its first
// character kept; the host names no one. Only with a well-known mail host said after the name in the same clause or two
// (up to 20 characters on), or named before the word for the mailbox ("163邮箱"), so that "邮箱 abc 收不到" stays. For redaction only.
const HOST = `(?:${SPOKEN_MAIL_HOSTS}|网易|新浪|搜狐|谷歌)`;
const MAILBOX = '(?:邮箱|电邮|邮件地址|e-?mail|mail)(?:地址|账号|帐号|用户名|名字|名称|名|号|前缀)?';
const SIGN = '[ \\t]{0,3}(?:[:：=]|是|为)?[ \\t]{0,3}';
const NAME = '([A-Za-z0-9][A-Za-z0-9._%+-]{2,63})(?![A-Za-z0-9._%+@-])';
const EMAIL_NAME = new RegExp(
  [
    `(?<![A-Za-z0-9])${HOST}[ \\t]?${MAILBOX}${SIGN}${NAME}`,
    `(?<![A-Za-z])${MAILBOX}${SIGN}${NAME}(?=[^\\n]{0,20}?(?<![A-Za-z0-9])${HOST}(?![A-Za-z0-9]))`,
  ].join('|'),
  'dgiu',
);
// Every mailbox word above holds one of these.
const MAILBOX_WORD = /邮箱|电邮|邮件|mail/iu;
// A name that is itself a host or a domain ("邮箱 163.com") is no one's.
const DOMAIN_LIKE = new RegExp(`^(?:${HOST}|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:com|cn|net|org))$`, 'iu');

/** Names of e-mail addresses given apart from their hosts: see EMAIL_NAME. */
export function findEmailNames(text: string): PiiSpan[] {
  // Read with digits as they are grouped: the other views join "abcd12，163" into one name, losing the host.
  const view = piiViewWithoutGaps(text);
  if (!MAILBOX_WORD.test(view.text)) return [];
  return [...view.text.matchAll(EMAIL_NAME)].flatMap((m) => {
    const group = m[1] === undefined ? 2 : 1;
    const name = m[group]!;
    // After an English word for a mailbox, a name with no digit, dot, dash or underscore is as often a word ("email was sent to qq").
    const english = /mail/iu.test(m[0].slice(0, m[0].length - name.length));
    if (DOMAIN_LIKE.test(name) || (english && !/[0-9._-]/u.test(name))) return [];
    return [{ kind: 'email' as const, ...view.original(...m.indices![group]!), value: name }];
  });
}
