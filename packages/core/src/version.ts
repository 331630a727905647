import { readFileSync } from 'node:fs';
import type { Lang } from './i18n/lang.js';

declare const __MAMORI_VERSION__: string | undefined;

/**
 * Version of @mamori/core: fixed at bundle time for the GitHub Action's single-file entry, else read
 * from package.json (one level above both `src/` and `dist/`).
 */
export const VERSION: string =
  typeof __MAMORI_VERSION__ === 'string'
    ? __MAMORI_VERSION__
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const INFORMATION_URI = 'https://github.com/mamori-dev/mamori';

/** The docs page of a built-in rule, in `lang` (the Japanese pages are in docs/rules/ja). */
export function ruleHelpUri(name: string, lang: Lang = 'en'): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${lang === 'en' ? '' : `${lang}/`}${name}.md`;
}
