import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clauseBounds, isNegatedAt, isQuestionAt, NEGATING_START, NEGATOR_START, NEGATORS } from '../../src/text/clauses.js';
import type { Token } from '../../src/text/segment.js';
import { jiebaSegmenter } from '../../src/text/jieba.js';
import { tokenize } from '../../src/text/segment.js';

function negated(text: string, phrase: string): boolean {
  return isNegatedAt(text, tokenize(text, jiebaSegmenter), text.indexOf(phrase));
}

describe('isNegatedAt', () => {
  it('sees a negator shortly before the words', () => {
    expect(negated('不是您的问题', '您的问题')).toBe(true);
    expect(negated('我并不理解', '理解')).toBe(true);
    expect(negated('这边没有收到', '收到')).toBe(true);
  });

  it('does not carry a negation across a clause break', () => {
    expect(negated('不是的，是快递的问题', '快递的问题')).toBe(false);
  });

  it('does not take words such as 非常 or 无论 for negations', () => {
    expect(negated('非常抱歉给您添麻烦了', '抱歉')).toBe(false);
    expect(negated('无论如何我们会处理', '我们会处理')).toBe(false);
  });
});

describe('isNegatedAt without segmenting', () => {
  it('knows every negator, and every word that carries one, by its first character', () => {
    for (const negator of NEGATORS) expect(NEGATOR_START.test(negator[0]!), negator).toBe(true);
    for (const first of '不没别无非未') {
      expect(NEGATING_START.test(first)).toBe(true);
      expect(NEGATOR_START.test(first), first).toBe(true);
    }
  });

  it('asks for no tokens where no character before the words can open a negator', () => {
    const untouchable = () => {
      throw new Error('segmented');
    };
    expect(isNegatedAt('是快递的问题', untouchable, 1)).toBe(false);
    expect(isNegatedAt('好的，我们会处理', untouchable, 5)).toBe(false);
    // With a negator before the words, the tokens are read.
    expect(() => isNegatedAt('不是快递的问题', untouchable, 2)).toThrow('segmented');
    expect(isNegatedAt('不是快递的问题', () => tokenize('不是快递的问题', jiebaSegmenter), 2)).toBe(true);
  });

  it('asks for no tokens when the only negator stands in an earlier clause', () => {
    const untouchable = () => {
      throw new Error('segmented');
    };
    const text = '没有收到,麻烦您留个qq我加您';
    expect(isNegatedAt(text, untouchable, text.indexOf('留个'))).toBe(false);
    expect(isNegatedAt('不好意思。我们会处理', untouchable, 6)).toBe(false);
  });

  it('reads the tokens when a negator stands before a break that jieba can join into a word', () => {
    const untouchable = () => {
      throw new Error('segmented');
    };
    // 、 and … end a clause, but jieba's HMM can make one word across them.
    expect(() => isNegatedAt('没、收到', untouchable, 2)).toThrow('segmented');
    expect(() => isNegatedAt('没…收到', untouchable, 2)).toThrow('segmented');
    const joined: Token[] = [{ text: '没、收', start: 0, end: 3 }, { text: '到', start: 3, end: 4 }];
    expect(isNegatedAt('没、收到', joined, 2)).toBe(true);
  });
});

describe('clause bounds and negation in long texts', () => {
  // The definitions, walked character by character and filtered token by token.
  const BREAK = /[,.!?;:。、！？；…~～\s\n\r]/;
  function walkedBounds(text: string, index: number): [number, number] {
    let start = index;
    while (start > 0 && !BREAK.test(text[start - 1]!)) start--;
    let end = index;
    while (end < text.length && !BREAK.test(text[end]!)) end++;
    return [start, end];
  }
  function filteredNegation(text: string, tokens: readonly Token[], start: number): boolean {
    const [clauseStart] = walkedBounds(text, start);
    const before = tokens.filter((t) => t.end <= start && t.start >= clauseStart).slice(-3);
    if (before.some((t) => NEGATORS.has(t.text))) return true;
    const straddling = tokens.find((t) => t.start < start && t.end > start);
    return straddling !== undefined && NEGATING_START.test(straddling.text) && !NOT_NEGATORS_FOR_TEST.test(straddling.text);
  }
  const NOT_NEGATORS_FOR_TEST = /^(非常|无论|不仅|不但|不过|不管|没错|未来|别的|别人|别处|无非)/;
  const piece = fc.constantFrom('不', '不是', '没有', '非常', '并非', '快递', '问题', '1-', '23', '，', '。', ' ', '我们', '理解', '的', '!', '~');
  const words = fc.array(piece, { minLength: 1, maxLength: 400 });

  it('finds the same bounds and the same negations as walking and filtering, for short and long texts', () => {
    fc.assert(
      fc.property(words, fc.nat(), (parts, pick) => {
        const text = parts.join('');
        let offset = 0;
        const tokens: Token[] = parts.map((part) => ({ text: part, start: offset, end: (offset += part.length) })).filter((t) => t.text.trim() !== '');
        const index = pick % (text.length + 1);
        expect(clauseBounds(text, index)).toEqual(walkedBounds(text, index));
        expect(isNegatedAt(text, tokens, index)).toBe(filteredNegation(text, tokens, index));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the answer that reading every jieba token gives, for texts jieba segments', () => {
    const jiebaPiece = fc.constantFrom('不', '不是', '没', '没有', '非常', '并非', '别', '无', '快递', '问题', '收到', '理解', '我们', '的', '好', '、', '…', '，', '。', ' ', ',', '~', 'qq', '12');
    fc.assert(
      fc.property(fc.array(jiebaPiece, { minLength: 1, maxLength: 30 }), fc.nat(), (parts, pick) => {
        const text = parts.join('');
        const tokens = tokenize(text, jiebaSegmenter);
        const index = pick % (text.length + 1);
        expect(isNegatedAt(text, () => tokens, index)).toBe(filteredNegation(text, tokens, index));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a few tokens for each match in one long clause, not every token', () => {
    const text = `不${'1-'.repeat(20_000)}`;
    const list: Token[] = [{ text: '不', start: 0, end: 1 }];
    for (let i = 1; i < text.length; i += 2) list.push({ text: '1', start: i, end: i + 1 }, { text: '-', start: i + 1, end: i + 2 });
    let reads = 0;
    const tokens = new Proxy(list, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    let negated = 0;
    const matches = 20_000;
    for (let i = 1; i < text.length; i += 2) if (isNegatedAt(text, tokens, i)) negated++;
    expect(negated).toBe(2);
    // Filtering every token for every match read 40,000 tokens a match (quadratic in a pasted run).
    expect(reads / matches).toBeLessThan(40);
  });
});

describe('isQuestionAt', () => {
  it('recognises question forms', () => {
    const text = '是不是快递的问题呢?';
    expect(isQuestionAt(text, text.indexOf('快递'), text.indexOf('问题') + 2)).toBe(true);
    expect(isQuestionAt('是快递的问题吗', 1, 6)).toBe(true);
  });

  it('does not read 是不错 as a question', () => {
    const text = '这个真是不错的快递';
    expect(isQuestionAt(text, text.indexOf('快递'), text.indexOf('快递') + 2)).toBe(false);
  });
});
