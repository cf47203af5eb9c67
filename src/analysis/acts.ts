import type { AnalyzedMessage } from '../engine/analysis.js';
import { assertedMatches } from '../engine/matching.js';
import type { Lexicon, LexiconMatch } from '../lexicon/lexicon.js';
import { clauseBounds, insideMention, isNegatedAt } from '../text/clauses.js';

/**
 * What a sentence does in the conversation, read once per message and shared by every rule and by
 * the report's metrics. Each act is a phrase list (rules/lexicon/, which QA staff can extend from
 * configuration) plus the structure around a match: who speaks, negation, conditions, whose
 * feelings, praise. Rules ask "did the customer complain here?" or "did this reply acknowledge
 * it?" instead of matching raw strings.
 */
export const ACT_LEXICONS = {
  /** Customer: distress named by an emotion word (生气, 失望, 投诉…). */
  distress: 'missing-empathy.distress',
  /** Customer: distress shown without one (太慢了, 凭什么, 都三天了, 算了, ！！). */
  complaint: 'act.complaint',
  /** Agent: apology, understanding, reassurance. */
  acknowledgement: 'missing-empathy.acknowledgement',
  /** Agent: an apology proper. */
  apology: 'act.apology',
} as const;

export type ActLexiconId = (typeof ACT_LEXICONS)[keyof typeof ACT_LEXICONS];

// JD exports write emoji as codes such as "#E-委屈": a face, not a sentence about the service.
const EMOJI_CODE = /#e-$/;

// A run of "!!!" is only a signal of anger by its company: "谢谢，问题解决了！！！" is delight, and
// so is praise that mentions a complaint ("上次投诉后处理得很快，点赞").
const PUNCTUATION_ONLY = /^[!?]+$|^\?!$|^!\?$/;
const PRAISE = /(谢谢|感谢|多谢|点赞|赞一个|好评|表扬|支持你们|解决了|已经好了|恢复了|开心|哈哈|给力|满意|效率(真|很|挺)?高|很快|及时)/;

// Someone else's feelings: "那个快递员很生气", "他也很着急".
const OTHER_PERSON = /(快递员|快递小哥|配送员|师傅|司机|他|她|他们|她们|对方|人家|老板|朋友|家人|孩子|老人|同事)(也|都|还|就)?(很|非常|特别|挺|有点|比较)?$/;

// "要是再坏我真会生气": a feeling the customer would have, not one they have. The condition can open
// the sentence a clause or two before the word.
const CONDITION = /(如果|若是|假如|要是|万一|如若|倘若|即使|就算|的话)/;
const SENTENCE_BREAK = /[.!?;。！？；\n]/;

function sentenceBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return text.slice(start, index);
}

function sentenceAround(text: string, start: number, end: number): string {
  let to = end;
  while (to < text.length && !SENTENCE_BREAK.test(text[to]!)) to++;
  return sentenceBefore(text, start) + text.slice(start, to);
}

export class ConversationActs {
  private readonly distressList: Lexicon;
  private readonly complaintList: Lexicon;
  private readonly acknowledgementList: Lexicon;
  private readonly apologyList: Lexicon;
  private readonly distressCache = new Map<number, LexiconMatch | null>();
  private readonly acknowledgementCache = new Map<number, boolean>();

  constructor(lexicon: (id: ActLexiconId) => Lexicon) {
    this.distressList = lexicon(ACT_LEXICONS.distress);
    this.complaintList = lexicon(ACT_LEXICONS.complaint);
    this.acknowledgementList = lexicon(ACT_LEXICONS.acknowledgement);
    this.apologyList = lexicon(ACT_LEXICONS.apology);
  }

  /** True when an agent message apologises (not only thanks or reassures). */
  apologizes(message: AnalyzedMessage): boolean {
    return assertedMatches(message, this.apologyList).length > 0;
  }

  /**
   * The customer's complaint or distress in a message: an emotion word, or distress shown by a
   * verdict, a challenge, urgency, giving up or punctuation. Not negated ("不急"), not conditional,
   * not another person's feeling, not a handle, not praise.
   */
  distress(message: AnalyzedMessage): LexiconMatch | undefined {
    const cached = this.distressCache.get(message.seq);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.findDistress(message);
    this.distressCache.set(message.seq, found ?? null);
    return found;
  }

  /** True when an agent message apologises, shows understanding or reassures. */
  acknowledges(message: AnalyzedMessage): boolean {
    let known = this.acknowledgementCache.get(message.seq);
    if (known === undefined) {
      known = assertedMatches(message, this.acknowledgementList).length > 0;
      this.acknowledgementCache.set(message.seq, known);
    }
    return known;
  }

  private findDistress(message: AnalyzedMessage): LexiconMatch | undefined {
    const text = message.text;
    if (text.trim() === '') return undefined;
    // An emotion word is the better quote ("坑人" rather than "太坑"), so it is looked for first.
    const keep = (hit: LexiconMatch): boolean => {
      if (insideMention(text, hit.start)) return false;
      if (EMOJI_CODE.test(text.slice(0, hit.start))) return false;
      if (PRAISE.test(sentenceAround(text, hit.start, hit.end))) return false;
      const [clauseStart] = clauseBounds(text, hit.start);
      if (OTHER_PERSON.test(text.slice(clauseStart, hit.start))) return false;
      if (CONDITION.test(sentenceBefore(text, hit.start))) return false;
      // Negation is checked here rather than in assertedMatches: in "怎么还没发货！！" the 没
      // negates the delivery, not the exclamation marks.
      if (PUNCTUATION_ONLY.test(text.slice(hit.start, hit.end))) return true;
      return !isNegatedAt(text, () => message.tokens, hit.start);
    };
    return assertedMatches(message, this.distressList, { negation: false }).find(keep)
      ?? assertedMatches(message, this.complaintList, { negation: false }).find(keep);
  }
}
