import { holdsBirthDate, isValidResidentId, mayHoldNumber, type PiiSpan, piiView } from './pii.js';

// A resident ID number given in two or three parts: "身份证前六位110105 后面是19900101123X", "身份证 110105199001⏎011234".
// Parts are runs of three characters or more (shorter ones are words: "前6位", "后12位"), each at most a few characters after
// the last, that come to 17 digits and a check character. They are an ID when the check character is right, or,
// after a word for one (身份证, 证件号), when they hold a birth date: people who give a number in parts type it by
// hand, and a wrong check character is what they type as often.
const ID_PART = /(?:[0-9]{3,}|[0-9]{2}(?=[xX]))(?:[xX](?![A-Za-z]))?/gu;
const ID_LABEL = /身份证|身分证|证件号|(?<![A-Za-z])id[ \t]?(?:number|no|号)/giu;
const ID_PART_GAP = 12;
const ID_LABEL_BEFORE_PART = 10;

/** The parts of a resident ID number given apart in one message: the first keeps its first three digits, as the mask of a whole number does. */
export function findIdParts(text: string): PiiSpan[] {
  // Eighteen digits are more than a number needs.
  if (!mayHoldNumber(text)) return [];
  const view = piiView(text, 'eager');
  const runs = [...view.text.matchAll(ID_PART)];
  if (runs.length < 2) return [];
  // Asked with starts that only grow: one walk over the labels' ends answers them all.
  let labelEnds: number[] | undefined;
  let nextLabel = 0;
  const labelledAt = (start: number) => {
    labelEnds ??= [...view.text.matchAll(ID_LABEL)].map((m) => m.index + m[0].length);
    while (nextLabel < labelEnds.length && labelEnds[nextLabel]! <= start) nextLabel++;
    const end = labelEnds[nextLabel - 1];
    return end !== undefined && start - end <= ID_LABEL_BEFORE_PART;
  };
  const found: PiiSpan[] = [];
  for (let first = 0; first < runs.length - 1; first++) {
    let digits = runs[first]![0];
    for (let last = first + 1; last <= first + 2 && last < runs.length; last++) {
      const before = runs[last - 1]!;
      if (/[xX]$/u.test(before[0]) || runs[last]!.index - (before.index + before[0].length) > ID_PART_GAP) break;
      digits += runs[last]![0];
      if (digits.length > 18) break;
      if (digits.length < 18 || !(isValidResidentId(digits) || (holdsBirthDate(digits) && labelledAt(runs[first]!.index)))) continue;
      runs.slice(first, last + 1).forEach((m, i) => {
        const value = m[0].toUpperCase();
        found.push({ kind: 'idPart', ...view.original(m.index, m.index + m[0].length), value, ...(i === 0 ? { keep: value.slice(0, 3) } : {}) });
      });
      first = last;
      break;
    }
  }
  return found;
}
