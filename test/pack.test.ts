import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danglingMaps } from './packed.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['--yes', 'pnpm@12.4.2'];
/** Every package that would be published: the folders under packages/ whose package.json is not private. */
const packages = readdirSync(path.join(repo, 'packages')).filter((name) => {
  const manifest = path.join(repo, 'packages', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true;
});
let dir: string;
/** Folder name under packages/ to the unpacked tarball's `package/` folder. */
const unpacked = new Map<string, string>();
/** Folder name to the files its tarball holds, relative to `package/`. */
const listings = new Map<string, string[]>();

function filesUnder(root: string, sub = ''): string[] {
  return readdirSync(path.join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, path.posix.join(sub, e.name)) : [path.posix.join(sub, e.name)],
  );
}

/** The first ```js block of a Markdown file. */
function firstJsBlock(file: string): string {
  const block = /```js\n([\s\S]*?)```/.exec(readFileSync(file, 'utf8'))?.[1];
  if (!block) throw new Error(`${file} has no js example`);
  return block;
}

// The published packages, installed from their tarballs alone: no workspace links, no sources.
describe('packed packages', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mamori-pack-'));
    const tarballs = path.join(dir, 'tarballs');
    for (const pkg of packages) {
      const out = path.join(tarballs, pkg);
      execFileSync('npx', [...PNPM, 'pack', '--pack-destination', out], { cwd: path.join(repo, 'packages', pkg), stdio: 'pipe' });
      const tarball = path.join(out, readdirSync(out)[0] ?? '');
      const into = path.join(dir, 'unpacked', pkg);
      mkdirSync(into, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', into]);
      unpacked.set(pkg, path.join(into, 'package'));
      listings.set(pkg, filesUnder(path.join(into, 'package')));
    }
    const app = path.join(dir, 'app');
    cpSync(path.join(repo, 'examples'), path.join(app, 'examples'), { recursive: true });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const files = packages.map((pkg) => {
      const out = path.join(tarballs, pkg);
      return path.join(out, readdirSync(out)[0] ?? '');
    });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: app, stdio: 'pipe' });
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are core, rules and cli at least', () => {
    expect(packages).toEqual(expect.arrayContaining(['core', 'rules', 'cli']));
  });

  it('ship no tests, fixtures or sources', () => {
    for (const pkg of packages) {
      const listing = listings.get(pkg) ?? [];
      expect(listing, pkg).toContain('dist/index.js');
      expect(
        listing.filter((f) => /\.test\.|fixtures|(^|\/)src\/|\.tsbuildinfo$/.test(f)),
        pkg,
      ).toEqual([]);
    }
  });

  it('each carry the root LICENSE, a README and where to find the project', () => {
    const license = readFileSync(path.join(repo, 'LICENSE'), 'utf8');
    const root = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    for (const pkg of packages) {
      const at = unpacked.get(pkg) ?? '';
      expect(readFileSync(path.join(at, 'LICENSE'), 'utf8'), pkg).toBe(license);
      const readme = readFileSync(path.join(at, 'README.md'), 'utf8');
      const manifest = JSON.parse(readFileSync(path.join(at, 'package.json'), 'utf8'));
      expect(readme.startsWith(`# ${manifest.name}\n`), pkg).toBe(true);
      expect(readme, pkg).toContain('https://github.com/mamori-dev/mamori');
      expect(manifest.license, pkg).toBe(root.license);
      expect(manifest.repository, pkg).toEqual({ ...root.repository, directory: `packages/${pkg}` });
      expect(manifest.bugs, pkg).toEqual(root.bugs);
      expect(manifest.homepage, pkg).toBe(`https://github.com/mamori-dev/mamori/tree/main/packages/${pkg}#readme`);
    }
  });

  it('no source map, and no reference to one, points at a file the tarball does not hold', () => {
    for (const pkg of packages) {
      const at = unpacked.get(pkg) ?? '';
      const listing = listings.get(pkg) ?? [];
      expect(
        danglingMaps(listing, (f) => readFileSync(path.join(at, f), 'utf8')),
        pkg,
      ).toEqual([]);
    }
  });

  it('npx mamori scan works from the installed tarballs', () => {
    const out = spawnSync('npx', ['mamori', 'scan', 'examples'], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/MAM101 world-open-ingress/);
    expect(out.stdout).toMatch(/✖ \d+ problems/);
  });

  it("import { scan } from '@mamori/core' finds the built-in rules", () => {
    const script = "import { scan } from '@mamori/core'; const r = await scan({ paths: ['examples'] }); console.log(r.rules.length, r.findings.length > 0);";
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    expect(out.trim()).toMatch(/^[1-9]\d* true$/);
  });

  it("the packages' README examples run against the installed tarballs", () => {
    const app = path.join(dir, 'app');
    for (const pkg of ['core', 'rules']) {
      const script = firstJsBlock(path.join(repo, 'packages', pkg, 'README.md')).replaceAll("'infra/'", "'examples'");
      const out = spawnSync('node', ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
      expect(out.stderr, pkg).toBe('');
      expect(out.stdout, pkg).toMatch(/MAM\d{3}/);
    }
  });
});
