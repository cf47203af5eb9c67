import { describe, expect, it } from 'vitest';
import { normalizedPattern, normalizedPhrase } from '../../src/config/normalized-entries.js';
import { normalizeText } from '../../src/text/normalize.js';

describe('custom rule entries are written as the normalised text is', () => {
  it('phrases: half-width, lower case, simplified', () => {
    expect(normalizedPhrase('您好，请问')).toBe('您好,请问');
    expect(normalizedPhrase('我們會處理')).toBe('我们会处理');
    expect(normalizedPhrase('请提供VIP编号')).toBe('请提供vip编号');
    expect(normalizedPhrase('退款呢？')).toBe('退款呢?');
  });

  it('patterns: literal characters and ranges, with escapes kept and metacharacters escaped', () => {
    expect(normalizedPattern('VIP编号')).toBe('vip编号');
    expect(normalizedPattern('[A-Z]{3}编号')).toBe('[a-z]{3}编号');
    expect(normalizedPattern('[Ａ-Ｚ]+')).toBe('[a-z]+');
    expect(normalizedPattern('帮您？')).toBe('帮您\\?');
    expect(normalizedPattern('您好，请问')).toBe('您好,请问');
    expect(normalizedPattern('我們(會|将)處理')).toBe('我们(会|将)处理');
    // Escapes and mixed ranges mean what they say.
    expect(normalizedPattern('\\W\\S\\D\\P{Script=Han}')).toBe('\\W\\S\\D\\P{Script=Han}');
    expect(normalizedPattern('[A-z]')).toBe('[A-z]');
    expect(normalizedPattern('[［］]')).toBe('[\\[\\]]');
    // What the parser does not read stays as written.
    expect(normalizedPattern('(?P<x>A)')).toBe('(?P<x>A)');
  });

  it('each rewritten pattern matches the normalised text that the written one was meant for', () => {
    for (const [pattern, text] of [
      ['VIP编号', '请提供VIP编号'],
      ['[A-Z]{3}编号', 'ABC编号'],
      ['帮您？', '有什么可以帮您？'],
      ['我們會處理', '我們會處理的'],
    ] as const) {
      const view = normalizeText(text).text;
      expect(new RegExp(pattern, 'u').test(view), `${pattern} as written`).toBe(false);
      expect(new RegExp(normalizedPattern(pattern), 'u').test(view), pattern).toBe(true);
    }
  });
});
