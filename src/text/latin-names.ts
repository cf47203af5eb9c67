/**
 * Personal names in Latin letters that the words around them point at, for redaction (pii.ts reads
 * the names after Chinese cues and after "I'm" or "my name is"):
 *
 * - after an English label with nothing but spaces before the name ("name John Smith", "customer name
 *   Wang Jianguo", "recipient Mary Jones"), and a name in pinyin, in any case, after an English label
 *   with or without a sign ("name: wang jianguo", "name wang jianguo"), and after "my name is" or "call me" ("my name is
 *   jianguo wang");
 * - a name in an e-mail's header or quote line ("From: Mary Jones", "Mary Jones <m***@x.com>", "Mary Jones wrote:");
 * - a name that signs off a message or a line ("Regards, Mary Jones"), also with more after it on the
 *   line ("Regards, Mary Jones 13812345678"), and one that is greeted ("Hi Mary Jones, sorry…"; a first
 *   name alone at the start of a message or a line: "Hi Mary,").
 *
 * Each finder reads the normalised view of pii.ts and returns spans of the original text; the span
 * leaves out the name's first letter, which the mask keeps.
 */

import { markedCue } from './labels.js';
import type { MappedText } from './mapped-text.js';
import type { PiiSpan } from './pii.js';

// "John", "O'Neil", "Mary-Jane", "J.": a capitalised word, or an initial.
export const CAPITALISED_WORD = "(?:[A-Z][A-Za-z'’]{0,18}[a-z](?:-[A-Z]?[A-Za-z'’]{0,18}[a-z])?|[A-Z]\\.)";
export const NOT_A_NAME_AFTER_DEAR = new Set('Customer Customers Sir Sirs Madam Friend Friends Valued User Users Member Members All Team Colleague Colleagues Client Clients Guest Guests Mr Mrs Ms Miss Dr Support Everyone'.split(' '));
const NOT_A_NAME_IN_SIGNATURE = new Set(
  'Team Support Service Services Customer Customers Care Sales Help Desk Center Centre Department Dept Store Shop Group Company Corp Inc Ltd Co Staff Everyone All Management Office Official Online The Your Our'.split(' '),
);
// Capitalised words that start what follows a sign-off or a label as often as a name does: a wish
// ("Thanks, Happy New Year"), a request ("Name: Please fill in"), a placeholder ("Name: Unknown"), or
// a word of the order or the form ("Thanks, Order Number 12345", "Name Field").
const NOT_A_NAME_WORD = new Set(
  'Happy Merry Have Hope Please Looking See Talk Take Stay Enjoy Good Great Nice Welcome Thank Thanks Regards Best Kind Warm Sorry Note Let We You It If This That These Those Here There And Or Of For To In On At By Is Was Will Would Can Could Should Must May Not No Yes None Null Unknown Anonymous Required Optional Same Missing Empty Blank Invalid Wrong Incorrect Correct Changed Change Update Updated Below Above Brand Field Tag Card List Format Error Order Orders Number Ticket Case Reference Ref Tracking Package Parcel Delivery Refund Return Account Email Phone Mobile Tel Address Product Item Model Mr Mrs Ms Miss Dr Sir Madam Na Nil Tbd Tba Vip Name Names'.split(' '),
);
const isNameWord = (word: string) => !NOT_A_NAME_IN_SIGNATURE.has(word) && !NOT_A_NAME_AFTER_DEAR.has(word) && !NOT_A_NAME_WORD.has(word);

// Labels that stand before a person's name with only spaces between in forms and lines of text
// ("name John Smith", "customer name Wang Jianguo", "recipient Mary Jones", "first name John"), or with a
// dash or a slash ("Full name - Peter Parker"), which as often join two labels ("name/email"): then, as
// after spaces, the name is capitalised and no word of the form ("name/Email Address" stays). Not
// "contact" alone, a verb as often ("contact Apple Support"), and not the name of a thing ("product name
// Apple Watch", "file name Report", "user name Admin"): the look-behind is tried only after "name".
const NAME_OWNER_WORDS = 'full|customer|contact|recipient|buyer|sender|receiver|consignee|real|legal|first|last|given|family|middle|account holder|cardholder|card holder|passenger|guest|your|my|his|her';
const THING_NAME_OWNERS = 'product|brand|file|company|store|shop|model|domain|item|street|city|app|package|project|folder|column|field|variable|host|server|device|network|wifi|team|group|course|book|song|movie|game|event|plan|service|business|trade|pet|code|printer|scheme|bank|place|hotel|school|sheet|tab|table|class|function|method|key|category';
// With nothing but spaces after it, the name of an account or a name in prose is no label either
// ("user name Admin", "the name Apple"); with a sign after it, an account's name is a person's as often.
const BARE_THING_NAME_OWNERS = `${THING_NAME_OWNERS}|user|display|screen|nick|login|the|a|an|this|that|same|its|their|our|whose|which|what`;
/** The words of an alternation as they are written in lower case, capitalised or in capitals: "name" → "[Nn]ame|NAME". */
const inAnyCase = (words: string) =>
  words
    .split('|')
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}|${word.toUpperCase()}`)
    .join('|');
const NAME_WORD = inAnyCase('name');
/** "name" as a label, but not the name of a thing ("Product Name: Apple Watch"); tried only after "name". */
export const NAME_LABEL = `(?:${NAME_WORD})(?<!(?:${inAnyCase(THING_NAME_OWNERS)})[ \\t](?:${NAME_WORD}))`;
const BARE_NAME_LABELS = `(?:(?:${inAnyCase(NAME_OWNER_WORDS)})[ \\t])?(?:${NAME_WORD})(?<!(?:${inAnyCase(BARE_THING_NAME_OWNERS)})[ \\t](?:${NAME_WORD}))|${inAnyCase('surname|recipient|consignee|addressee|cardholder|contact person')}`;
// The same labels with a sign after them, or in brackets ("Name: wang jianguo", "[Recipient] li lei"): a
// name in pinyin there, which pii.ts does not read in lower case.
const MARKED_NAME_LABELS = `(?:(?:${inAnyCase(NAME_OWNER_WORDS)})[ \\t])?${NAME_LABEL}|${inAnyCase('surname|recipient|consignee|receiver|addressee|cardholder|contact|contact person')}`;
// Up to three words of Latin letters, as written: which of them are a name is decided in code. They are
// looked at, not taken, so that a label among them starts a match of its own ("first name John last name
// Smith"). After a bare label the first is capitalised, after a sign it is capitalised or a short word
// and another word follows (a pinyin name): a text of nothing but "name name …" or "name: name: …" holds no match.
const LATIN_WORDS = "[A-Za-z][A-Za-z'’-]{0,20}\\.?(?:[ \\t·・]{1,2}[A-Za-z][A-Za-z'’-]{0,20}\\.?){0,2}";
export const LABELLED_LATIN_NAME = new RegExp(
  `(?<![A-Za-z])(?:(${markedCue(MARKED_NAME_LABELS)})(?=[A-Z]|[a-z]{1,9}[ \\t·・]{1,2}[a-z])|(?:(?:${BARE_NAME_LABELS})[ \\t]{1,3}|(?:${MARKED_NAME_LABELS})[ \\t]{0,3}[-/][ \\t]{0,3})(?=[A-Z]))(?=(${LATIN_WORDS})(?![A-Za-z'’-]))`,
  'gdu',
);
/** Every label above holds one of these words. */
export const NAME_LABEL_WORD = /name|recipient|consignee|receiver|addressee|cardholder|contact/iu;

// A name in an e-mail's header or its quote line: after From:, To: or Cc: at the start of a line (two or three
// capitalised words: "From: Mary Jones"; not "How to: Reset Password"), before an address in angle brackets ("Mary Jones <m***@x.com>", "From: Mary <…>"), and before "wrote:" ("On
// Mon, Nov 2, 2026, Mary Jones wrote:"), as mail clients write them and e-mail channels keep them in a message's body.
export const MAIL_HEADER_NAME = new RegExp(
  [
    `(?:^|(?<=[\\r\\n>]))[ \\t]*(?:[Ff]rom|[Tt]o|[Cc]c|[Bb]cc|[Rr]eply-[Tt]o|[Ss]ender)[ \\t]*:[ \\t]*"?(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD}){1,2})(?="?[ \\t]*(?:<|[,;，\\r\\n]|$))`,
    `(?<![A-Za-z'’.-])(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD}){0,2})(?="?[ \\t]*<[^<>\\s@]{1,64}@)`,
    `(?<![A-Za-z'’.-])(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD}){1,2})(?=[ \\t]*(?:<[^<>\\s]{1,100}>[ \\t]*)?wrote:)`,
  ].join('|'),
  'gdu',
);
/** What every match of MAIL_HEADER_NAME stands before or after. */
export const MAIL_HEADER_WORD = /<[^<>\s]{1,64}@|wrote:|(?:from|to|cc|bcc|reply-to|sender)[ \t]*:/iu;

// A full name (two or three capitalised words) in the words around one in English prose and on parcels:
// after "account holder", "holder", "Attn", "attention", "c/o" or "care of" (with a sign or spaces), after
// "ship/send/deliver/mail it to" ("ship it to Mary Jones"), after "it's" or "this is" ("It's Mary Jones"),
// and before "is my name" ("Mary Jones is my name").
const PROSE_FULL_NAME = `(${CAPITALISED_WORD}(?:[ \t]${CAPITALISED_WORD}){1,2})`;
export const PROSE_LATIN_NAME = new RegExp(
  [
    `(?<![A-Za-z])(?:[Aa]ccount[ \t]+[Hh]older|[Hh]older|ATTN|[Aa]ttn|[Aa]ttention|[Cc]/[Oo]|[Cc]are[ \t]+[Oo]f)(?:[ \t]+is)?[ \t]*[:：]?[ \t]*${PROSE_FULL_NAME}(?![A-Za-z'’-])`,
    `(?<![A-Za-z])(?:[Ss]hip|[Ss]end|[Dd]eliver|[Mm]ail|[Pp]ost)(?:[ \t]+(?:it|this|them|the[ \t]+(?:order|parcel|package|item)))?[ \t]+to[ \t]+${PROSE_FULL_NAME}(?![A-Za-z'’-])`,
    `(?<![A-Za-z])(?:[Ii]t['’]s|[Ii]t[ \t]+is|[Tt]his[ \t]+is)[ \t]+${PROSE_FULL_NAME}(?![A-Za-z'’-])`,
    `(?<![A-Za-z'’.-])${PROSE_FULL_NAME}[ \t]+is[ \t]+my[ \t]+name(?![A-Za-z])`,
  ].join('|'),
  'gdu',
);
/** What every match of PROSE_LATIN_NAME holds. */
export const PROSE_NAME_WORD = /holder|attn|attention|c\/o|care of|ship|send|deliver|mail|post|it['’]s|it is|this is|my name/iu;

/** Full names in Latin letters in English prose: see PROSE_LATIN_NAME. The first letter is kept. */
export function proseLatinNames(view: MappedText): PiiSpan[] {
  if (!PROSE_NAME_WORD.test(view.text)) return [];
  return [...view.text.matchAll(PROSE_LATIN_NAME)].flatMap((m) => {
    const group = m.indices!.findIndex((indices, i) => i > 0 && indices !== undefined);
    const name = m[group]!;
    if (!name.split(/[ \t]/u).every((word) => isNameWord(word.replace(/\.$/u, '')))) return [];
    const [start, end] = m.indices![group]!;
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: name, keep: name[0]! }];
  });
}

/** Names in Latin letters in an e-mail's header or quote line: see MAIL_HEADER_NAME. The first letter is kept. */
export function mailHeaderNames(view: MappedText): PiiSpan[] {
  if (!MAIL_HEADER_WORD.test(view.text)) return [];
  return [...view.text.matchAll(MAIL_HEADER_NAME)].flatMap((m) => {
    const group = m.indices!.findIndex((indices, i) => i > 0 && indices !== undefined);
    const name = m[group]!;
    if (name.length < 2 || name.endsWith('.') || !name.split(/[ \t]/u).every((word) => isNameWord(word.replace(/\.$/u, '')))) return [];
    const [start, end] = m.indices![group]!;
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: name, keep: name[0]! }];
  });
}

// Pinyin: the commonest surnames (the list of pii.ts, romanised) and the syllables of given names.
const PINYIN_SURNAMES = new Set(
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lv lyu lu ding ren shen yao jin shi liao jia xia fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao wan qian dai mo kong xiang fu ouyang sima zhuge shangguan dongfang murong xiahou huangfu yuchi linghu'.split(' '),
);
const PINYIN_SYLLABLES = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ui|un|uo|ue|a|e|i|o|u)){1,2}$/u;

/**
 * How many of `words` (a label's value, split at spaces) are a name: the capitalised ones (or ones in
 * capitals) up to the first that is no name, or a pinyin surname and one or two given names in
 * pinyin ("Wang jianguo"; in lower case too where `lowerCasePinyin`), whichever is longer. 0 for none.
 */
function nameWordsIn(words: readonly string[], lowerCasePinyin: boolean): number {
  let capitalised = 0;
  while (capitalised < words.length && isCapitalisedName(words[capitalised]!)) capitalised++;
  if (!lowerCasePinyin && capitalised === 0) return 0;
  const [surname, ...given] = words.map((word) => word.toLowerCase());
  if (!PINYIN_SURNAMES.has(surname!)) return capitalised;
  let pinyin = 0;
  while (pinyin < given.length && PINYIN_SYLLABLES.test(given[pinyin]!)) pinyin++;
  return pinyin > 0 ? Math.max(capitalised, 1 + pinyin) : capitalised;
}

const WHOLE_CAPITALISED_WORD = new RegExp(`^${CAPITALISED_WORD}$`, 'u');
function isCapitalisedName(word: string): boolean {
  // "JOHN" reads as "John": names in forms are often in capitals.
  const titled = /^[A-Z'’-]{2,}$/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word;
  return WHOLE_CAPITALISED_WORD.test(titled) && isNameWord(titled.replace(/\.$/u, ''));
}

// A name in pinyin in lower case after the words that give one ("my name is jianguo wang", "call me li lei"): two or
// three words of pinyin syllables with a surname first or last (isPinyinName). Capitalised names there are read by pii.ts.
export const PINYIN_NAME_SAID = /(?<![A-Za-z])(?:my name is|my name['’]s|name is|call me)[ \t]+([a-z]{1,12}(?:[ \t][a-z]{1,12}){1,2})(?![A-Za-z'’-])/dgiu;
export const NAME_SAID_WORD = /name|call/iu;

/** Two or three words of pinyin syllables, the first or the last a surname: "jianguo wang", "wang jianguo", "li xiao ming". */
function isPinyinName(words: readonly string[]): boolean {
  const lower = words.map((word) => word.toLowerCase());
  return lower.every((word) => PINYIN_SYLLABLES.test(word)) && (PINYIN_SURNAMES.has(lower[0]!) || PINYIN_SURNAMES.has(lower[lower.length - 1]!));
}

/** Names in pinyin after "my name is" and the like: see PINYIN_NAME_SAID. The first letter is kept. */
export function pinyinNamesSaid(view: MappedText): PiiSpan[] {
  if (!NAME_SAID_WORD.test(view.text)) return [];
  return [...view.text.matchAll(PINYIN_NAME_SAID)].flatMap((m) => {
    if (!isPinyinName(m[1]!.split(/[ \t]/u))) return [];
    const [start, end] = m.indices![1]!;
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: m[1]!, keep: m[1]![0]! }];
  });
}

const FIRST_WORD = /^[^ \t·・]+/u;
const WORD_GAP = /[ \t·・]+/u;
// The first one, two or three words of a label's value, with the gaps between them.
const WORDS_UP_TO = [1, 2, 3].map((count) => new RegExp(`^[^ \t·・]+(?:[ \t·・]+[^ \t·・]+){${count - 1}}`, 'u'));

// "John Smith here, any update?": two or three capitalised words that introduce the writer, at the start of
// a sentence, and a sign or the end after "here".
export const NAME_HERE = new RegExp(`(?<![A-Za-z'’-][ \\t]{0,3})(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD}){1,2})[ \\t]+here(?=[ \\t]*(?:[,，。.!！?？;；:：~～-]|$))`, 'gdu');
export const HERE_WORD = /here/u;

/** Names in Latin letters that introduce the writer: see NAME_HERE. */
export function namesHere(view: MappedText): PiiSpan[] {
  if (!HERE_WORD.test(view.text)) return [];
  return [...view.text.matchAll(NAME_HERE)].flatMap((m) => {
    if (!m[1]!.split(/[ \t]/u).every(isNameWord)) return [];
    const [start, end] = m.indices![1]!;
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: m[1]!, keep: m[1]![0]! }];
  });
}

/** Names in Latin letters after an English label: see LABELLED_LATIN_NAME. */
export function labelledLatinNames(view: MappedText): PiiSpan[] {
  if (!NAME_LABEL_WORD.test(view.text)) return [];
  return [...view.text.matchAll(LABELLED_LATIN_NAME)].flatMap((m) => {
    const written = m[2]!;
    // A word in lower case starts a name only as a pinyin surname after a sign: most matches end here.
    if (!/^[A-Z]/u.test(written) && !PINYIN_SURNAMES.has(FIRST_WORD.exec(written)![0].toLowerCase())) return [];
    const words = written.split(WORD_GAP);
    // Pinyin in lower case only after a sign or in brackets: after a bare label English words read as pinyin ("the name he can use").
    const kept = nameWordsIn(words, m[1] !== undefined);
    if (kept === 0) return [];
    const [start] = m.indices![2]!;
    const end = start + WORDS_UP_TO[kept - 1]!.exec(written)![0].length;
    const name = view.text.slice(start, end);
    // A lone letter is an initial or a placeholder ("Name X").
    if (name.replace(/[^A-Za-z]/gu, '').length < 2) return [];
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: name, keep: name[0]! }];
  });
}

// A name that signs off a message or a line: "Regards, Mary Jones", "Thanks, John Smith", "Signed, John
// Smith", "Best wishes,\nLi Lei" — two or three capitalised words, none of them a word a team or a
// company signs with ("Thanks, Support Team", "Best regards, the team"). After a sign-off word and a
// comma, a colon, a dash or a line break the name may have more after it on its line ("Regards, Mary
// Jones 13812345678", "Thanks, John Smith will call you"): the name ends before the first word that is
// no name ("Regards, Mary Jones Customer Care"). With nothing between ("Thanks John Smith"), and after a
// greeting ("Hi Mary Jones, sorry…"), the name ends the message or stands before a sign.
export const CLOSING_NAME = new RegExp(
  `(?<![A-Za-z])(?:(?:(?:[Bb]est|[Kk]ind|[Ww]arm(?:est)?|[Ww]ith)[ \\t]+)?(?:[Rr]egards|[Tt]hanks|[Tt]hank[ \\t]you|[Ss]igned|[Ss]incerely|[Cc]heers|[Bb]est(?:[ \\t]wishes)?|[Yy]ours(?:[ \\t](?:truly|sincerely|faithfully))?|[Rr]espectfully|[Cc]ordially)[ \\t]*(?:([,，:：—-]|[\\r\\n])[ \\t\\r\\n]*)?|(?:[Hh]i|[Hh]ello|[Hh]ey)[ \\t]+)(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD}){1,2})(?![A-Za-z])`,
  'gdu',
);
// The words CLOSING_NAME starts with.
export const CLOSING_WORD = /regards|thank|signed|sincerely|cheers|best|yours|respectfully|cordially|hi|hello|hey/iu;
const SIGN_OR_END = /[ \t]*(?:[,，。.!！?？;；:：\r\n]|$)/uy;

// A first name alone greeted at the start of a message or a line ("Hi Mary,", "Hello John!", "Hey Sara"), perhaps after
// the mentions a reply on Twitter opens with ("@105855 Hi Thomas,"): a capitalised word that ends the line or stands
// before a sign. Elsewhere a greeting needs a full name (CLOSING_NAME). Words that are greeted and are no one's name
// stay: "Hi there", "Hi All", "Hello Team", "Hello World", "Hi Guys".
export const GREETED_NAME = new RegExp(`^[ \\t]*(?:@[^\\s@]{1,30}[ \\t]+){0,3}(?:[Hh]i|[Hh]ello|[Hh]ey)[ \\t]+(${CAPITALISED_WORD})(?=[ \\t]*(?:[,，。.!！?？;；:：~～-]|$))`, 'gdmu');
export const LATIN_GREETING_WORD = /\b(?:hi|hello|hey)\b/iu;
const GREETED_NOT_A_NAME = new Set("There World Guys Folks Everybody Anyone Someone Again Morning Afternoon Evening Night Buddy Mate Bro Boss Ladies Gentlemen Admin Agent Bot Robot Human Siri Alexa Google Cortana I'm I’m".split(' '));

/** First names in Latin letters greeted at the start of a message or a line (GREETED_NAME), their first letters kept. */
export function greetedNames(view: MappedText): PiiSpan[] {
  if (!LATIN_GREETING_WORD.test(view.text)) return [];
  return [...view.text.matchAll(GREETED_NAME)].flatMap((m) => {
    const name = m[1]!;
    // An initial is no name to mask ("Hi J.").
    if (name.length < 2 || name.endsWith('.') || GREETED_NOT_A_NAME.has(name) || !isNameWord(name)) return [];
    const [start, end] = m.indices![1]!;
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: name, keep: name[0]! }];
  });
}

/** Names in Latin letters that sign off a message or are greeted (CLOSING_NAME), their first letters kept. */
export function closingNames(view: MappedText): PiiSpan[] {
  if (!CLOSING_WORD.test(view.text)) return [];
  return [...view.text.matchAll(CLOSING_NAME)].flatMap((m) => {
    const [start] = m.indices![2]!;
    const words = [...m[2]!.matchAll(/[^ \t]+/gu)];
    // A word a team or a company signs with makes the words no one's name ("Regards, New York Office");
    // other words that are no name end it ("Thanks, John Smith Please call").
    if (words.some((w) => NOT_A_NAME_IN_SIGNATURE.has(w[0]) || NOT_A_NAME_AFTER_DEAR.has(w[0]))) return [];
    let kept = 0;
    while (kept < words.length && !NOT_A_NAME_WORD.has(words[kept]![0])) kept++;
    if (kept < 2) return [];
    const last = words[kept - 1]!;
    const end = start + last.index + last[0].length;
    SIGN_OR_END.lastIndex = end;
    // Without a sign after the sign-off word, the name is the last thing before a sign.
    if (m[1] === undefined && !SIGN_OR_END.test(view.text)) return [];
    const name = view.text.slice(start, end);
    return [{ kind: 'name' as const, ...view.original(start + 1, end), value: name, keep: name[0]! }];
  });
}
