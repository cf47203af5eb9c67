import { partOfSpeech } from './jieba.js';
import { startsWithSurname } from './pii.js';

// Personal data a customer gives as the whole answer to a question: "请问怎么称呼您？" → "李秀英",
// "请问收货地址是哪里？" → "望京西园三区123号楼4单元501", "QQ号呢？" → "45678901". The answer has no
// label and often no shape of its own; the question before it says what it is. --redact replaces
// these values wherever the conversation's quotes hold them, as it replaces display names.

// What the question asks for: a name, an address, an account, a number.
const ASKS_FOR =
  /(?:姓名|名字|称呼|贵姓|叫什么|机主|收货人|收件人|联系人|签收人|地址|住址|住在|住哪|微信|vx|wx|qq|q号|邮箱|e-?mail|账号|帐号|用户名|手机号|身份证|证件号|卡号|your name|address|username|user name)/iu;
// That it is a question: a question mark, or the words that ask or request.
const IS_QUESTION = /[?？]|吗|呢|请问|请提供|请告诉|麻烦|多少|什么|哪|what|which|may i|could you|please/iu;
// Words around an answer that are not the value.
const LEADING = /^(?:(?:嗯|哦|噢|呃|好的?|对|是的?|就是|我是|我叫|叫|我的是|我|是|my name is|it'?s|i'?m)[\s,，、:：]*)+/iu;
const TRAILING = /[\s。.!！~～,，、;；]+$|(?:啊|呀|哈|呢|哦|的)+[\s。.!！~～]*$/u;
// The shapes a bare value has: a name (two to four Han characters that open with a common surname,
// with no word of a sentence in them, and that jieba does not know as another word), an account or
// a number (letters and digits, at least five of them), an address (a place word and a number).
const NAME = /^\p{Script=Han}{2,4}$/u;
const SENTENCE_CHARACTER = /[的了吗吧呢啊么是有在不没我你您他她它们这那个就都也还要会能想说看问知道谢好行对嗯哦]/u;
const ACCOUNT_OR_NUMBER = /^(?=(?:[^A-Za-z0-9]*[A-Za-z0-9]){5})[A-Za-z0-9_.@\-+，,\s\p{Script=Han}]+$/u;
const ADDRESS = /(?:省|市|区|县|镇|乡|村|路|街|巷|道|号|楼|栋|幢|单元|室|小区|花园|公寓|大厦|中心|广场).*\d|\d.*(?:号|楼|栋|幢|单元|室|层)/u;
/** Values are short: a longer reply says more than the value, and is masked by what it says. */
const LONGEST_ANSWER = 40;

export interface SpokenMessage {
  readonly role: string;
  readonly text: string;
  readonly kind?: string;
  readonly internal?: boolean;
}

/** A surname from the list, nothing of a sentence, and no other word jieba knows (管理 is 管 and a verb). */
function isPersonName(value: string): boolean {
  if (SENTENCE_CHARACTER.test(value) || startsWithSurname(value) === '') return false;
  const tag = partOfSpeech(value);
  // x: a word jieba's dictionary does not hold, where names it has not seen end up.
  return tag === undefined || /^(?:x|nr)/u.test(tag);
}

/** The value a reply gives, or undefined when it is no bare value (a question back, a refusal, a sentence). */
function answerValue(reply: string): string | undefined {
  if (/[?？]/u.test(reply)) return undefined;
  let value = reply.trim().replace(LEADING, '');
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(TRAILING, '');
  }
  if ([...value].length < 2 || value.length > LONGEST_ANSWER) return undefined;
  if (NAME.test(value)) return isPersonName(value) ? value : undefined;
  // A reply of Han words with a few digits is an address only where it has an address's words.
  const hanCharacters = value.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (ADDRESS.test(value)) return SENTENCE_CHARACTER.test(value) ? undefined : value;
  return ACCOUNT_OR_NUMBER.test(value) && hanCharacters <= 4 ? value : undefined;
}

/**
 * The values the customer gives as the first reply to an agent's or a bot's question for personal
 * data, in order. Events and internal notes are not messages of either side.
 */
export function personalAnswers(messages: readonly SpokenMessage[]): string[] {
  const answers: string[] = [];
  let asked = false;
  for (const message of messages) {
    if (message.kind === 'event' || message.internal) continue;
    if (message.role === 'agent' || message.role === 'bot') {
      asked = ASKS_FOR.test(message.text) && IS_QUESTION.test(message.text);
      continue;
    }
    if (message.role !== 'customer') continue;
    if (asked) {
      const value = answerValue(message.text);
      if (value !== undefined) answers.push(value);
    }
    asked = false;
  }
  return answers;
}
