import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

declare const __MAMORI_VERSION__: string | undefined;

/** The version `mamori --version` prints: @mamori/core's, read from its package.json as core reads it (or fixed in a bundle). */
export function cliVersion(): string {
  if (typeof __MAMORI_VERSION__ === 'string') return __MAMORI_VERSION__;
  const file = createRequire(import.meta.url).resolve('@mamori/core/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
