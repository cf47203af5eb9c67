import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, setUiLocale, t, UI_LOCALES } from '../../src/i18n/index.js';
import { closest, editDistance } from '../../src/i18n/did-you-mean.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  afterEach(() => setUiLocale('zh-Hans'));

  it('there is one per locale, in src/i18n', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '../../src/i18n')).filter((f) => /^(zh|en)/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual([...UI_LOCALES].sort());
  });

  it.each(UI_LOCALES.filter((l) => l !== 'zh-Hans'))('%s has every key of zh-Hans, no other, and the same placeholders', (locale) => {
    const reference = CATALOGUES['zh-Hans'];
    const catalogue = CATALOGUES[locale];
    expect(Object.keys(reference).filter((key) => !(key in catalogue)), 'missing keys').toEqual([]);
    expect(Object.keys(catalogue).filter((key) => !(key in reference)), 'extra keys').toEqual([]);
    for (const key of Object.keys(reference) as Array<keyof typeof reference>) {
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(reference[key]));
      expect(catalogue[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders with values as they are, in the chosen language', () => {
    setUiLocale('en');
    expect(t('option.wholeNumber', { flag: '--seed', value: '{min}', min: 0 })).toBe('--seed {min}: expected a whole number of at least 0.');
    setUiLocale('zh-Hant');
    expect(t('input.noSuchFile')).toBe('沒有這個檔案');
  });
});

describe('did-you-mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('lnit', 'lint')).toBe(1);
    expect(editDistance('小材', '小林')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only a name close enough to be a typo', () => {
    expect(closest('lnit', ['lint', 'init', 'rules'])).toBe('lint');
    expect(closest('timezon', ['timezone', 'rules'])).toBe('timezone');
    expect(closest('report', ['lint', 'rules'])).toBeUndefined();
    expect(closest('lint', ['lint'])).toBeUndefined(); // not a typo at all
  });
});
