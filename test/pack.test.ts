import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, startFakeAws } from './fake-aws.js';
import { danglingMaps } from './packed.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['--yes', 'pnpm@12.4.2'];
/** Every package that would be published: the folders under packages/ whose package.json is not private. */
const PACKAGES = readdirSync(path.join(repo, 'packages')).filter((name) => {
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
const tarball = (pkg: string): string => {
  const file = readdirSync(path.join(dir, 'tarballs')).find((f) => f.startsWith(`mamori-${pkg}-`));
  return path.join(dir, 'tarballs', file ?? `mamori-${pkg}-missing.tgz`);
};

/** An empty project with the tarballs of `packages` installed, and the examples beside them. */
function app(name: string, packages: string[]): string {
  const cwd = path.join(dir, name);
  mkdirSync(cwd);
  cpSync(path.join(repo, 'examples'), path.join(cwd, 'examples'), { recursive: true });
  writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages.map(tarball)], { cwd, stdio: 'pipe' });
  return cwd;
}

// The published packages, installed from their tarballs alone: no workspace links, no sources. The
// command installed without @mamori/collector scans templates and has no AWS SDK; with it, it collects.
describe('packed packages', () => {
  let scanner: string;
  let collector: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mamori-pack-'));
    for (const pkg of PACKAGES) {
      execFileSync('npx', [...PNPM, 'pack', '--pack-destination', path.join(dir, 'tarballs')], { cwd: path.join(repo, 'packages', pkg), stdio: 'pipe' });
      const into = path.join(dir, 'unpacked', pkg);
      mkdirSync(into, { recursive: true });
      execFileSync('tar', ['-xzf', tarball(pkg), '-C', into]);
      unpacked.set(pkg, path.join(into, 'package'));
      listings.set(pkg, filesUnder(path.join(into, 'package')));
    }
    scanner = app('scanner', ['core', 'rules', 'cli', 'rule-tester']);
    collector = app('collector', ['core', 'rules', 'collector', 'cli']);
  }, 480_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are core, rules, collector, cli and rule-tester', () => {
    expect([...PACKAGES].sort()).toEqual(['cli', 'collector', 'core', 'rule-tester', 'rules']);
  });

  it.each(PACKAGES)('@mamori/%s ships no tests, fixtures or sources', (pkg) => {
    const listing = listings.get(pkg) ?? [];
    expect(listing).toContain('dist/index.js');
    expect(listing.filter((f) => /\.test\.|fixtures|(^|\/)src\/|\.tsbuildinfo$/.test(f))).toEqual([]);
  });

  it.each(PACKAGES)('@mamori/%s carries the root LICENSE, a README and where to find the project', (pkg) => {
    const license = readFileSync(path.join(repo, 'LICENSE'), 'utf8');
    const root = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    const at = unpacked.get(pkg) ?? '';
    expect(readFileSync(path.join(at, 'LICENSE'), 'utf8')).toBe(license);
    const readme = readFileSync(path.join(at, 'README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(path.join(at, 'package.json'), 'utf8'));
    expect(readme.startsWith(`# ${manifest.name}\n`)).toBe(true);
    expect(readme).toContain('https://github.com/mamori-dev/mamori');
    expect(manifest.license).toBe(root.license);
    expect(manifest.repository).toEqual({ ...root.repository, directory: `packages/${pkg}` });
    expect(manifest.bugs).toEqual(root.bugs);
    expect(manifest.homepage).toBe(`https://github.com/mamori-dev/mamori/tree/main/packages/${pkg}#readme`);
  });

  it.each(PACKAGES)('@mamori/%s has no source map, or reference to one, pointing at a file it does not hold', (pkg) => {
    const at = unpacked.get(pkg) ?? '';
    expect(danglingMaps(listings.get(pkg) ?? [], (f) => readFileSync(path.join(at, f), 'utf8'))).toEqual([]);
  });

  it("the core and rules READMEs' examples run against the installed tarballs", () => {
    for (const pkg of ['core', 'rules']) {
      const script = firstJsBlock(path.join(repo, 'packages', pkg, 'README.md')).replaceAll("'infra/'", "'examples'");
      const out = spawnSync('node', ['--input-type=module', '-e', script], { cwd: scanner, encoding: 'utf8' });
      expect(out.stderr, pkg).toBe('');
      expect(out.stdout, pkg).toMatch(/MAM\d{3}/);
    }
  });

  it("the rule tester runs a plugin's table under node:test, and its failures say what differs", () => {
    const app = scanner;
    const table = (column: number) => `import { describe, it } from 'node:test';
import { RuleTester } from '@mamori/rule-tester';
import { rules } from './examples/custom-rules/acme-plugin.mjs';
RuleTester.describe = describe;
RuleTester.it = it;
new RuleTester().run(rules[0], {
  valid: ['Resources:\\n  Jobs:\\n    Type: AWS::SQS::Queue\\n'],
  invalid: [{ name: 'untagged bucket', template: 'Resources:\\n  Uploads:\\n    Type: AWS::S3::Bucket\\n', errors: [{ messageId: 'missing', line: 2, column: ${column} }] }],
});
`;
    writeFileSync(path.join(app, 'good.test.mjs'), table(3));
    writeFileSync(path.join(app, 'bad.test.mjs'), table(4));
    const good = spawnSync('node', ['--test', 'good.test.mjs'], { cwd: app, encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/# pass 3\n/);
    const bad = spawnSync('node', ['--test', 'bad.test.mjs'], { cwd: app, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/error #1: column should be 4, was 3/);
  });

  it('npx mamori scan works from the installed tarballs, without the collector and the AWS SDK', () => {
    expect(existsSync(path.join(scanner, 'node_modules', '@mamori', 'collector'))).toBe(false);
    expect(existsSync(path.join(scanner, 'node_modules', '@aws-sdk'))).toBe(false);
    expect(existsSync(path.join(scanner, 'node_modules', '@smithy'))).toBe(false);
    const out = spawnSync('npx', ['mamori', 'scan', 'examples'], { cwd: scanner, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/MAM101 world-open-ingress/);
    expect(out.stdout).toMatch(/✖ \d+ problems/);
  });

  it('npx mamori collect without the collector says in one line what to install', () => {
    const out = spawnSync('npx', ['mamori', 'collect', '--output', 'account.json'], { cwd: scanner, encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(
      'mamori: collect needs @mamori/collector (the AWS SDK), which is not installed: install it beside @mamori/cli (npm install @mamori/collector), or run npx -p @mamori/cli -p @mamori/collector mamori collect\n',
    );
    expect(existsSync(path.join(scanner, 'account.json'))).toBe(false);
  });

  it('npx mamori collect with the collector installed reads an account, and the snapshot scans', async () => {
    const aws = await startFakeAws(emptyAccountRoutes());
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
      Object.assign(env, {
        AWS_ENDPOINT_URL: aws.url,
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        AWS_REGION: 'eu-west-1',
        AWS_CONFIG_FILE: path.join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
      });
      // Asynchronously: the endpoint answers from this process.
      const collected = await promisify(execFile)('npx', ['mamori', 'collect', '--output', 'account.json', '--quiet'], { cwd: collector, env });
      // Quiet: nothing of mamori's own (the AWS SDK warns of Node.js versions it will drop).
      expect(collected.stderr).not.toMatch(/mamori/);
    } finally {
      await aws.close();
    }
    const snapshot = JSON.parse(readFileSync(path.join(collector, 'account.json'), 'utf8'));
    expect(snapshot).toMatchObject({ mamoriSnapshot: 1, accountId: '210987654321', regions: ['eu-west-1'], errors: [] });
    const scanned = spawnSync('npx', ['mamori', 'scan', 'account.json', '--format', 'json'], { cwd: collector, encoding: 'utf8' });
    expect(scanned.stderr).toBe('');
    const report = JSON.parse(scanned.stdout);
    expect(report.files).toEqual(['account.json']);
    // An account without a trail, a budget or a billing alarm: the account rules ran on it.
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['MAM706', 'MAM504']);
  });

  it("import { scan } from '@mamori/rules' scans with the built-in rules", () => {
    const script = "import { scan } from '@mamori/rules'; const r = await scan({ paths: ['examples'] }); console.log(r.rules.length, r.findings.length > 0);";
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: scanner, encoding: 'utf8' });
    expect(out.trim()).toMatch(/^[1-9]\d* true$/);
  });
});
