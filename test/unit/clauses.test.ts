import { describe, expect, it } from 'vitest';
import { isNegatedAt, isQuestionAt, NEGATING_START, NEGATOR_START, NEGATORS } from '../../src/text/clauses.js';
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
