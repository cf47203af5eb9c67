import { describe, expect, it } from 'vitest';
import { detectScript, normalizeText, toOriginalRange } from '../../src/text/normalize.js';

function originalOf(text: string, phrase: string): string {
  const normalized = normalizeText(text);
  const start = normalized.text.indexOf(phrase);
  expect(start, `"${phrase}" in "${normalized.text}"`).toBeGreaterThanOrEqual(0);
  const [from, to] = toOriginalRange(normalized, start, start + phrase.length);
  return text.slice(from, to);
}

describe('normalizeText', () => {
  it('converts traditional (Taiwan and Hong Kong) to simplified', () => {
    expect(normalizeText('這是快遞的問題').text).toBe('这是快递的问题');
    expect(normalizeText('唔該幫我查下個單').text).toContain('该帮我查下个单');
  });

  it('reads 妳 and 祢 as 你, so that a phrase written with 你 finds them, and quotes them as written', () => {
    expect(normalizeText('隨便妳吧').text).toBe('随便你吧');
    expect(normalizeText('妳是不是有病').text).toBe('你是不是有病');
    expect(originalOf('隨便妳吧，祢也是', '你吧')).toBe('妳吧');
    expect(originalOf('隨便妳吧，祢也是', '你也')).toBe('祢也');
  });

  it('folds full-width forms and lower-cases Latin letters', () => {
    expect(normalizeText('ＯＫ，ＡＰＰ打不開１２３').text).toBe('ok,app打不开123');
  });

  it('drops zero-width characters and maps offsets back past them', () => {
    const text = '是快\u200b递的问题';
    expect(normalizeText(text).text).toBe('是快递的问题');
    expect(originalOf(text, '快递')).toBe('快\u200b递');
  });

  it('maps a match in the normalised view to the original characters', () => {
    expect(originalOf('您好，這個是快遞那邊的問題', '是快递那边的问题')).toBe('是快遞那邊的問題');
    expect(originalOf('ＯＫ這個不歸我們管', '不归我们管')).toBe('不歸我們管');
  });

  it('keeps one position per character when a phrase conversion would change the length', () => {
    const text = '記憶體不足，請聯絡客服';
    const normalized = normalizeText(text);
    expect(normalized.text.length).toBe(text.length);
    expect(originalOf(text, '客服')).toBe('客服');
  });

  it('leaves masks, emoji and empty text intact', () => {
    expect(normalizeText('').text).toBe('');
    expect(normalizeText('[ORDERID_10086] #E-s[数字x] 😀').text).toBe('[orderid_10086] #e-s[数字x] 😀');
  });
});

describe('detectScript', () => {
  it('tells traditional from simplified input, and neither from Latin-only input', () => {
    expect(detectScript([normalizeText('請問訂單什麼時候出貨')])).toBe('traditional');
    expect(detectScript([normalizeText('请问订单什么时候发货')])).toBe('simplified');
    expect(detectScript([normalizeText('hello, where is my parcel?')])).toBe('none');
  });

  it('decides a mixed conversation by the majority of script-specific characters', () => {
    expect(detectScript([normalizeText('請問訂單什麼時候出貨'), normalizeText('好的')])).toBe('traditional');
  });
});
