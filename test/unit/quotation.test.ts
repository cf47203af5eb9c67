import { describe, expect, it } from 'vitest';
import { isInsideQuotation, isRepeatedSpeechAt, isReportedSpeechAt } from '../../src/text/quotation.js';

const at = (text: string, phrase: string) => text.indexOf(phrase);

describe('isInsideQuotation', () => {
  it('sees words between open and close marks', () => {
    const text = '您说的“冷静一下”是哪位同事说的';
    expect(isInsideQuotation(text, at(text, '冷静'))).toBe(true);
    expect(isInsideQuotation(text, at(text, '哪位'))).toBe(false);
  });
  it('pairs straight quotes and corner brackets', () => {
    expect(isInsideQuotation('客服回了句"爱买不买"', 6)).toBe(true);
    expect(isInsideQuotation('「你懂不懂」', 1)).toBe(true);
    expect(isInsideQuotation('"好的"，爱买不买', 5)).toBe(false);
  });
});

describe('isReportedSpeechAt', () => {
  it('sees a colleague or the customer speaking', () => {
    const colleague = '您反映客服说爱买不买，非常抱歉';
    expect(isReportedSpeechAt(colleague, at(colleague, '爱买'))).toBe(true);
    const told = '您反映客服让您冷静一下';
    expect(isReportedSpeechAt(told, at(told, '您冷静'))).toBe(true);
  });
  it('does not take the agent speaking to the customer for a report', () => {
    const text = '我跟您说，您别生气';
    expect(isReportedSpeechAt(text, at(text, '您别'))).toBe(false);
    expect(isRepeatedSpeechAt('爱买不买', 0)).toBe(false);
  });
  it('stops at the end of the sentence', () => {
    const text = '客服说会处理。你自己看吧';
    expect(isReportedSpeechAt(text, at(text, '你自己'))).toBe(false);
  });
});
