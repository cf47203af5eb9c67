import { describe, expect, it } from 'vitest';
import { isNegatedAt, isQuestionAt } from '../../src/text/clauses.js';
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
