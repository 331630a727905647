/** A language of mamori's output: `en` (English) or `ja` (Japanese). */
export type Lang = 'en' | 'ja';

/** The languages mamori writes its output in. */
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** Tells whether `value` names one of the output languages. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language a POSIX locale name asks for: `ja`, `ja_JP`, `ja_JP.UTF-8`, `ja_JP.eucJP@...` give
 * `ja`; `C`, `POSIX` and every other locale `en`.
 */
export function localeLang(locale: string): Lang {
  return /^ja(?:[_.@-]|$)/i.test(locale.trim()) ? 'ja' : 'en';
}

/**
 * The output language: the one given (`--lang`), else the configuration's `lang`, else the locale
 * in POSIX order (the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides,
 * as it does for gettext), else English.
 */
export function resolveLang(given: { option?: Lang | undefined; config?: Lang | undefined; env?: Readonly<Record<string, string | undefined>> }): Lang {
  if (given.option) return given.option;
  if (given.config) return given.config;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = given.env?.[name];
    if (value) return localeLang(value);
  }
  return 'en';
}

/** The BCP 47 locale money and numbers are formatted for in each language. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', ja: 'ja-JP' };
