import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Lines the layering draws (see the cycle check in `pnpm check` for the rest): read from the imports.
const repo = fileURLToPath(new URL('..', import.meta.url));
const core = path.join(repo, 'packages/core/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The module specifiers a file imports or re-exports, statically or dynamically. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)(['"])([^'"]+)\1/gm)].map((m) => m[2] ?? '');
}

describe('the layers', () => {
  it('the core does not load the catalog, in any way', () => {
    // As a string anywhere, not only in an import: it was once loaded through a variable.
    for (const file of sources(core)) expect(readFileSync(file, 'utf8'), path.relative(repo, file)).not.toMatch(/['"`]@mamori\/rules['"`]/);
    const pkg = JSON.parse(readFileSync(path.join(repo, 'packages/core/package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).not.toHaveProperty('@mamori/rules');
    expect(readFileSync(path.join(repo, 'pnpm-workspace.yaml'), 'utf8')).not.toMatch(/ignoreWorkspaceCycles/);
  });

  it('the baseline imports no reporter, and reporters import neither the pipeline nor a loader', () => {
    expect(imports(path.join(core, 'engine/baseline.ts')).filter((s) => s.includes('reporters/'))).toEqual([]);
    for (const file of sources(path.join(core, 'reporters'))) {
      const wrong = imports(file).filter((s) => /(^|\/)(scan|scan-files|config\/|template\/|snapshot\/|files\/)/.test(s.replace(/^\.\.?\//, '')));
      expect(wrong, path.relative(repo, file)).toEqual([]);
    }
  });

  it('Finding, Notification and ScanResult are declared in the model', () => {
    const declared = (name: string) =>
      sources(core)
        .filter((f) => new RegExp(`export (interface|type) ${name}\\b`).test(readFileSync(f, 'utf8')))
        .map((f) => path.relative(core, f));
    expect(declared('Finding')).toEqual(['model/finding.ts']);
    expect(declared('Notification')).toEqual(['model/finding.ts']);
    expect(declared('ScanResult')).toEqual(['model/result.ts']);
  });
});
