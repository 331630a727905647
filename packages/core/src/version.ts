import { readFileSync } from 'node:fs';

/** Version of @mamori/core, read from its package.json (one level above both `src/` and `dist/`). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const INFORMATION_URI = 'https://github.com/mamori-dev/mamori';

export function ruleHelpUri(name: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${name}.md`;
}
