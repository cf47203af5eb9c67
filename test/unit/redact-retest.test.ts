import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/text/redact.js';

// Spellings a second review found next to ones already masked.
describe('redaction of close spellings', () => {
  it.each([
    ['太过分了！Name: John Smith', ['John', 'Smith']],
    ['wei xin hao: zz_11223', ['zz_11223']],
    ['加我V X kk_10001', ['kk_10001']],
    ['微芯 kk_10002', ['kk_10002']],
    ['V❤信 kk_10003', ['kk_10003']],
  ])('%s', (text, secrets) => {
    const masked = redactText(text);
    for (const secret of secrets) expect(masked).not.toContain(secret);
  });

  it('leaves ordinary words alone', () => {
    for (const text of ['name: 请填写', 'I need a 5 x 7 photo', '芯片坏了，换一个']) expect(redactText(text)).toBe(text);
  });
});
