import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGateData, loadGateData } from '../../src/text/conversion-gate.js';
import { mayChangeInConversion, normalizeText, toSimplified } from '../../src/text/normalize.js';

// Every character that appears in a key of the dictionaries behind the conversion, and some that do not.
const configs = OpenCC.Locale.configs as unknown as Record<string, { conversionChain: ReadonlyArray<ReadonlyArray<string | ReadonlyArray<readonly [string, string]>>> }>;
const keyChars = new Set<string>();
for (const name of ['tw2sp', 'hk2s']) {
  for (const group of configs[name]!.conversionChain) {
    for (const dict of group) {
      const keys = typeof dict === 'string' ? dict.split('|').map((pair) => pair.split(' ')[0]!) : dict.map(([key]) => key);
      for (const key of keys) for (const char of key) keyChars.add(char);
    }
  }
}
const alphabet = [...keyChars, ...'的了我您好快递订单退款么吗呢，。？！ abc123'];

/** What the conversion makes of a text, with the one repair normalizeText applies (么 read as 幺). */
function converted(text: string): string {
  const out = toSimplified(text);
  return out.includes('幺') ? [...out].map((c, i) => (c === '幺' && [...text][i] === '么' ? '么' : c)).join('') : out;
}

describe('the conversion gate', () => {
  it('is false only for texts that conversion to simplified leaves unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }), (chars) => {
        const text = chars.join('');
        if (!mayChangeInConversion(text)) expect(converted(text)).toBe(text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps out phrases whose conversion changes nothing, such as 什么 and 地址', () => {
    expect(mayChangeInConversion('为什么这么慢，详细地址是什么，怎么装')).toBe(false);
    expect(mayChangeInConversion('滑鼠')).toBe(true);
  });

  it('is loaded as the build computed it from the installed dictionaries', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    expect(loadGateData(toSimplified, toTraditional)).toEqual(computeGateData(toSimplified, toTraditional));
  });

  it('lets traditional text and Taiwan terms written in shared characters through to conversion', () => {
    expect(mayChangeInConversion('我的訂單還沒到')).toBe(true);
    expect(normalizeText('我的訂單還沒到').text).toBe('我的订单还没到');
    expect(normalizeText('滑鼠壞了').text).toBe(normalizeText(toSimplified('滑鼠壞了')).text);
    expect(mayChangeInConversion('我的快递三天都没动了')).toBe(false);
    expect(normalizeText('怎么还没到').text).toBe('怎么还没到');
  });
});

describe('folding', () => {
  it('gives the same view and positions whether or not a text needs folding', () => {
    // Chosen characters, and any UTF-16 code unit at all (lone surrogates, every script's capitals).
    const chars = fc.oneof(fc.constantFrom(...'abcABCÀÉ中文訂單妳祢ＡＢＣ１２３　\u00a0\u200b\ufeffİΣ𐐀😀，。!? '), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (list) => {
        const text = list.join('');
        const normalized = normalizeText(text);
        // Reference: fold one code unit at a time, as normalizeText does for text that needs it.
        let expected = '';
        const positions: number[] = [];
        for (let i = 0; i < text.length; i++) {
          const char = text[i]!;
          if (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(char)) continue;
          const code = char.charCodeAt(0);
          expected += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0).toLowerCase() : code === 0x3000 || code === 0x00a0 ? ' ' : char === '妳' || char === '祢' ? '你' : char.toLowerCase().length === 1 ? char.toLowerCase() : char;
          positions.push(i);
        }
        if (!mayChangeInConversion(expected)) {
          expect(normalized.text).toBe(expected);
          expect([...normalized.toOriginal.slice(0, positions.length)]).toEqual(positions);
        }
      }),
      { numRuns: 20_000 },
    );
  });
});
