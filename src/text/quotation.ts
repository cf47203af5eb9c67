// Words an agent repeats from someone else are not the agent's own: "您反映客服说'爱买不买'" reports
// a rude colleague, and "您说的'别激动'是哪位同事说的" quotes a complaint. Rules that judge tone ask
// these two questions before reporting a phrase.

const OPENING = new Set(['“', '‘', '「', '『', '《']);
const CLOSING: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', '》': '《' };
const SYMMETRIC = new Set(['"', "'"]);

/** True when `index` lies inside quotation marks that open earlier in the text and are not yet closed. */
export function isInsideQuotation(text: string, index: number): boolean {
  const open: string[] = [];
  const symmetric = new Map<string, number>();
  for (let i = 0; i < index; i++) {
    const char = text[i]!;
    if (OPENING.has(char)) open.push(char);
    else if (CLOSING[char] !== undefined) {
      const at = open.lastIndexOf(CLOSING[char]!);
      if (at >= 0) open.splice(at, 1);
    } else if (SYMMETRIC.has(char)) symmetric.set(char, (symmetric.get(char) ?? 0) + 1);
  }
  return open.length > 0 || [...symmetric.values()].some((count) => count % 2 === 1);
}

const SENTENCE_BREAK = /[.!?;。！？；\n\r]/;

// A speaker other than the agent, then a verb of saying (or telling to) right before the words:
// "客服跟您说", "您刚才说", "快递员回复了一句", "客服让您冷静一下". The speaker must not be an object ("我跟您说" is the agent speaking),
// hence the look-behind, and no 我 may stand between speaker and verb.
const REPORTED_SPEECH = /(?<![跟对和给同向诉让叫])(您|你|客户|客服|工作人员|店员|员工|快递员|快递小哥|配送员|师傅|他|她|他们|她们|对方|有人|别人|人家|同事|商家)[^我,.!?;。！？；]{0,8}(说|讲|回复|回答|表示|称|骂|问|让|叫|要求)(了|过)?(一句|句|道)?[:,"“「'‘]?$/;

/** True when the words at `index` are reported as someone else's speech within the same sentence. */
export function isReportedSpeechAt(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return REPORTED_SPEECH.test(text.slice(start, index));
}

/** Quoted or reported words: the agent is repeating them, not saying them to the customer. */
export function isRepeatedSpeechAt(text: string, index: number): boolean {
  return isInsideQuotation(text, index) || isReportedSpeechAt(text, index);
}
