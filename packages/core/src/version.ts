import { readFileSync } from 'node:fs';

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

export function ruleHelpUri(name: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${name}.md`;
}
