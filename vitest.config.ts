import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // The subpath first: an alias also matches what starts with its name and a slash.
    alias: {
      '@mamori/core/formats': fileURLToPath(new URL('./packages/core/src/reporters/formats.ts', import.meta.url)),
      '@mamori/core/internal': fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)),
      '@mamori/core': src('core'),
      '@mamori/rules': src('rules'),
      '@mamori/collector': src('collector'),
      '@mamori/cli': src('cli'),
      '@mamori/rule-tester': src('rule-tester'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.mjs'],
    testTimeout: 60_000,
    // Generated from the schemas (scripts/build-generated.mjs): not code to cover.
    coverage: { exclude: ['packages/core/src/generated/**'] },
  },
});
