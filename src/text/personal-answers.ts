// Personal data a customer gives as the whole answer to a question: "请问怎么称呼您？" → "李秀英",
// "请问收货地址是哪里？" → "望京西园三区123号楼4单元501", "QQ号呢？" → "45678901". The answer has no
// label and often no shape of its own; the question before it says what it is. --redact replaces
// these values wherever the conversation's quotes hold them, as it replaces display names.

// What the question asks for: a name, an address, an account, a number.
const ASKS_FOR =
  /(?:姓名|名字|称呼|贵姓|叫什么|机主|本人|收货人|收件人|联系人|签收人|地址|住址|住在|住哪|微信|vx|wx|qq|q号|邮箱|e-?mail|账号|帐号|用户名|id|手机号|电话|号码|身份证|证件号|卡号|车牌|name|address|phone|number|account|username)/iu;
// That it is a question: a question mark, or the words that ask or request.
const IS_QUESTION = /[?？]|吗|呢|请问|请提供|请告诉|麻烦|多少|什么|哪|how|what|which|may i|could you|please/iu;
// Words around an answer that are not the value.
const LEADING = /^(?:(?:嗯|哦|噢|呃|好的?|对|是的?|就是|我是|我叫|叫|我的是|我|是|my name is|it'?s|i'?m)[\s,，、:：]*)+/iu;
const TRAILING = /[\s。.!！~～,，、;；]+$|(?:啊|呀|哈|呢|哦|的)+[\s。.!！~～]*$/u;
// Replies that answer nothing.
const NO_ANSWER = /^(?:是|是的|对|对的|好|好的|嗯|没有|不是|不知道|不清楚|忘了|不用|稍等|等一下|不方便|不想说|可以|行|ok|yes|no|sure)$/iu;
/** Values are short: a longer reply says more than the value, and is masked by what it says. */
const LONGEST_ANSWER = 60;

export interface SpokenMessage {
  readonly role: string;
  readonly text: string;
  readonly kind?: string;
  readonly internal?: boolean;
}

/** The value a reply gives, or undefined when it is no bare value (a question back, a refusal, a sentence). */
function answerValue(reply: string): string | undefined {
  if (/[?？]/u.test(reply)) return undefined;
  let value = reply.trim().replace(LEADING, '');
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.replace(TRAILING, '');
  }
  if ([...value].length < 2 || value.length > LONGEST_ANSWER || NO_ANSWER.test(value)) return undefined;
  return value;
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
