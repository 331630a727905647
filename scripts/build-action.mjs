// Bundles the GitHub Action into one committed file, so `uses: mamori-dev/mamori@<ref>` runs with no
// install or build on the runner. `--check` fails when the committed bundle is out of date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'dist', 'action', 'index.mjs');
const check = process.argv.includes('--check');
const version = JSON.parse(readFileSync(path.join(root, 'packages/core/package.json'), 'utf8')).version;

const result = await build({
  entryPoints: [path.join(root, 'packages/cli/src/action-main.ts')],
  bundle: true,
  platform: 'node',
  // ESM builds first: jsonc-parser's UMD build requires its modules in a way a bundle cannot follow.
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  write: false,
  minify: false,
  legalComments: 'eof',
  define: { __MAMORI_VERSION__: JSON.stringify(version) },
  alias: {
    '@mamori/core': path.join(root, 'packages/core/src/index.ts'),
    '@mamori/rules': path.join(root, 'packages/rules/src/index.ts'),
  },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __mamoriCreateRequire } from 'node:module';\nconst require = __mamoriCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const text = result.outputFiles[0].text;
let current;
try {
  current = readFileSync(out, 'utf8');
} catch {
  current = undefined;
}
if (check) {
  if (current !== text) {
    console.error('dist/action/index.mjs is out of date; run `pnpm build:action` and commit it');
    process.exit(1);
  }
  console.log(`dist/action/index.mjs is up to date (${(text.length / 1024).toFixed(0)} KiB)`);
} else {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote dist/action/index.mjs (${(text.length / 1024).toFixed(0)} KiB)`);
}
