// Bundles the `mamori` command into packages/cli/dist/bundle/: mamori.mjs (the package's `bin`),
// scan-worker.mjs beside it (the entry of the worker threads a scan of many files reads them on),
// and the chunks they share. One file per entry point, with the parts only some commands need
// (account snapshots, a configuration's validator, plugins, the HTML report...) in chunks loaded
// when used: resolving and compiling the hundreds of modules of the unbundled packages took two
// thirds of a one-file scan. The library entries (`@mamori/cli`, `@mamori/core`) stay unbundled.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

// Modules the command loads on demand (`await import()`) that core's entry points also re-export
// for the library: a configuration's validator (ajv), rule options, the snapshot reader and its
// schema validator. esbuild would count such a re-export as a static import and put them in the
// chunks every command loads, so the bundle reads the entry points without those lines; a command
// importing one of their names statically fails the build, and so does a name here that neither
// entry point re-exports any more.
const ON_DEMAND = ['./config/options.js', './config/validate.js', './snapshot/schema.js', './snapshot/read.js'];
const stripped = new Set();
const onDemandOnly = {
  name: 'on-demand-only',
  setup(b) {
    b.onLoad({ filter: /packages[\\/]core[\\/]src[\\/](index|internal)\.ts$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const spec of ON_DEMAND) {
        const statement = new RegExp(`^export (?:type )?\\{[^}]*\\} from '${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';\\n`, 'm');
        if (statement.test(contents)) stripped.add(spec);
        contents = contents.replace(statement, '');
      }
      return { contents, loader: 'ts' };
    });
  },
};
const outdir = path.join(root, 'packages/cli/dist/bundle');
const version = JSON.parse(readFileSync(path.join(root, 'packages/core/package.json'), 'utf8')).version;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    mamori: path.join(root, 'packages/cli/src/bin.ts'),
    'scan-worker': path.join(root, 'packages/core/src/scan-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  // ESM builds first: jsonc-parser's UMD build requires its modules in a way a bundle cannot follow.
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'node20',
  legalComments: 'eof',
  define: { __MAMORI_VERSION__: JSON.stringify(version) },
  // The collector (and the AWS SDK) is an optional peer, loaded from node_modules for `collect` and `--account`.
  external: ['@mamori/collector'],
  alias: {
    '@mamori/core/formats': path.join(root, 'packages/core/src/reporters/formats.ts'),
    '@mamori/core/internal': path.join(root, 'packages/core/src/internal.ts'),
    '@mamori/core': path.join(root, 'packages/core/src/index.ts'),
    '@mamori/rules': path.join(root, 'packages/rules/src/index.ts'),
  },
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __mamoriCreateRequire } from 'node:module';\nconst require = __mamoriCreateRequire(import.meta.url);" },
  plugins: [onDemandOnly],
  logLevel: 'warning',
});
const missing = ON_DEMAND.filter((spec) => !stripped.has(spec));
if (missing.length > 0) {
  console.error(`scripts/build-cli.mjs: no export from ${missing.join(', ')} in core's index.ts or internal.ts; update ON_DEMAND`);
  process.exit(1);
}
