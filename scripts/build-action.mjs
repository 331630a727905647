// Bundles the GitHub Action into committed files, so `uses: mamori-dev/mamori@<ref>` runs with no
// install or build on the runner: index.mjs, and scan-worker.mjs beside it, the entry of the worker
// threads a scan of many files reads them on (without it the bundle reads them on one thread).
// `--check` fails when the committed bundle is out of date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist', 'action');
const check = process.argv.includes('--check');
const version = JSON.parse(readFileSync(path.join(root, 'packages/core/package.json'), 'utf8')).version;

const result = await build({
  entryPoints: {
    index: path.join(root, 'packages/cli/src/action-main.ts'),
    'scan-worker': path.join(root, 'packages/core/src/scan-worker.ts'),
  },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
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
  // The Action scans; it never collects an account, so the collector and the AWS SDK stay out of it.
  external: ['@mamori/collector'],
  alias: {
    '@mamori/core/formats': path.join(root, 'packages/core/src/reporters/formats.ts'),
    '@mamori/core/internal': path.join(root, 'packages/core/src/internal.ts'),
    '@mamori/core': path.join(root, 'packages/core/src/index.ts'),
    '@mamori/rules': path.join(root, 'packages/rules/src/index.ts'),
  },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __mamoriCreateRequire } from 'node:module';\nconst require = __mamoriCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const stale = [];
for (const file of result.outputFiles) {
  const name = path.relative(root, file.path);
  let current;
  try {
    current = readFileSync(file.path, 'utf8');
  } catch {
    current = undefined;
  }
  if (check) {
    if (current !== file.text) stale.push(name);
    else console.log(`${name} is up to date (${(file.text.length / 1024).toFixed(0)} KiB)`);
  } else {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text);
    console.log(`wrote ${name} (${(file.text.length / 1024).toFixed(0)} KiB)`);
  }
}
if (stale.length > 0) {
  console.error(`${stale.join(', ')} out of date; run \`pnpm build:action\` and commit it`);
  process.exit(1);
}
