import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * Strings of which every match of a pattern contains at least one: `投诉(?!渠道)` needs 投诉,
 * `(到现在|至今)(都)?没` needs 到现在 or 至今 (or 没, whichever set reads best). A message that holds
 * none of them cannot match, and the pattern is not run on it. Undefined when the pattern requires
 * nothing that can be told this way (it may match `\d+` alone, say).
 *
 * The answer only ever leaves a pattern out where it cannot match: each construct either names
 * what it needs or says it needs nothing.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let pattern: AST.Pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
  return alternativesNeed(pattern.alternatives);
}

/** A set this large gates little and costs a lookup per member. */
const MAX_LITERALS = 48;

type Need = string[] | undefined;

/** Any one alternative may match: the need is the union of theirs, and nothing when one needs nothing. */
function alternativesNeed(alternatives: readonly AST.Alternative[]): Need {
  const union = new Set<string>();
  for (const alternative of alternatives) {
    const need = sequenceNeed(alternative.elements);
    if (!need) return undefined;
    for (const literal of need) union.add(literal);
    if (union.size > MAX_LITERALS) return undefined;
  }
  return union.size > 0 ? [...union] : undefined;
}

/**
 * A sequence needs everything its elements need: any one element's need will do, and the one
 * chosen is the most selective. Neighbours that match one of a few exact strings each (characters,
 * `(会|将)`, `(都)?`, `[您你]`) read together: `(会|将)(为您|给您)` needs one of four words, each
 * rarer than 会 alone.
 */
function sequenceNeed(elements: readonly AST.Element[]): Need {
  const candidates: string[][] = [];
  let run: string[] = [''];
  const endRun = () => {
    if (!run.includes('')) candidates.push(minimal(run));
    run = [''];
  };
  for (const element of elements) {
    const exact = exactStrings(element);
    if (exact) {
      const joined = product(run, exact);
      if (joined) {
        run = joined;
        continue;
      }
      endRun();
      run = exact;
      continue;
    }
    endRun();
    const need = elementNeed(element);
    if (need) candidates.push(need);
  }
  endRun();
  let best: string[] | undefined;
  for (const candidate of candidates) if (!best || better(candidate, best)) best = candidate;
  return best;
}

/** The set without the members that hold another member: holding 等了好 means holding 等了. */
function minimal(set: readonly string[]): string[] {
  return set.filter((s) => !set.some((other) => other !== s && s.includes(other)));
}

/** Every pairing of a string of `a` followed by one of `b`, or undefined past the size limit. */
function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length * b.length > MAX_LITERALS) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/**
 * All the strings an element can match, when they are few: characters, small character classes,
 * groups of such, and `?` or small counted repeats of them. Assertions match the empty string.
 */
function exactStrings(element: AST.Element): string[] | undefined {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'Assertion':
      return [''];
    case 'CharacterClass': {
      if (element.negate || element.elements.length > MAX_LITERALS) return undefined;
      const chars: string[] = [];
      for (const member of element.elements) {
        if (member.type !== 'Character') return undefined;
        chars.push(String.fromCodePoint(member.value));
      }
      return chars;
    }
    case 'Group':
      if (element.modifiers) return undefined;
      return alternativesExact(element.alternatives);
    case 'CapturingGroup':
      return alternativesExact(element.alternatives);
    case 'Quantifier': {
      if (element.max > 3) return undefined;
      const inner = exactStrings(element.element);
      if (!inner) return undefined;
      const out = new Set<string>();
      let repeated: string[] | undefined = [''];
      for (let count = 0; count <= element.max && repeated; count++) {
        if (count >= element.min) for (const s of repeated) out.add(s);
        repeated = product(repeated, inner);
      }
      return out.size <= MAX_LITERALS ? [...out] : undefined;
    }
    default:
      return undefined;
  }
}

function alternativesExact(alternatives: readonly AST.Alternative[]): string[] | undefined {
  const out = new Set<string>();
  for (const alternative of alternatives) {
    let strings: string[] | undefined = [''];
    for (const element of alternative.elements) {
      const exact = exactStrings(element);
      strings = exact && strings ? product(strings, exact) : undefined;
      if (!strings) return undefined;
    }
    for (const s of strings) out.add(s);
    if (out.size > MAX_LITERALS) return undefined;
  }
  return [...out];
}

/** Longer shortest member first (rarer in text), then fewer members. */
function better(a: readonly string[], b: readonly string[]): boolean {
  const shortest = (set: readonly string[]) => Math.min(...set.map((s) => s.length));
  const [sa, sb] = [shortest(a), shortest(b)];
  return sa !== sb ? sa > sb : a.length < b.length;
}

function elementNeed(element: AST.Element): Need {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'Group':
      // A group with modifiers, (?i:…), matches other spellings than it writes.
      return element.modifiers ? undefined : alternativesNeed(element.alternatives);
    case 'CapturingGroup':
      return alternativesNeed(element.alternatives);
    case 'Quantifier':
      return element.min >= 1 ? elementNeed(element.element) : undefined;
    case 'CharacterClass': {
      if (element.negate) return undefined;
      const chars: string[] = [];
      for (const member of element.elements) {
        if (member.type !== 'Character') return undefined;
        chars.push(String.fromCodePoint(member.value));
      }
      return chars.length > 0 && chars.length <= MAX_LITERALS ? chars : undefined;
    }
    // Assertions consume nothing; sets (\d, ., \p{…}), backreferences and the rest need nothing nameable.
    default:
      return undefined;
  }
}
