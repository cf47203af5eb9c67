import { z } from 'zod';
import { zhHans, type MessageKey } from './zh-Hans.js';
import { zhHant } from './zh-Hant.js';
import { en } from './en.js';

export type { MessageKey } from './zh-Hans.js';

/** The languages the command line speaks. Rule messages follow `zh-Hans` / `zh-Hant` (see engine/lint.ts). */
export const UI_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** A catalogue holds every key of the zh-Hans one, and no other. */
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Readonly<Record<UiLocale, Catalogue>> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

let current: UiLocale = 'zh-Hans';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** Chooses the language of what supportlint says from now on: the command line sets it once per run. */
export function setUiLocale(locale: UiLocale): void {
  current = locale;
  // zod's own messages (a wrong type, a number out of range) follow the same language.
  z.config(locale === 'en' ? z.locales.en() : locale === 'zh-Hant' ? z.locales.zhTW() : z.locales.zhCN());
}

setUiLocale('zh-Hans');

export function uiLocale(): UiLocale {
  return current;
}

/**
 * The message under `key` in the current language, with `{name}` placeholders filled. A value is
 * inserted as it is: the catalogue text is never re-read for placeholders after filling.
 */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const template = CATALOGUES[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A list as the language writes it: 、 in Chinese, a comma in English. */
export function list(items: readonly string[]): string {
  return items.join(current === 'en' ? ', ' : '、');
}
