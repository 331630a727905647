import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['--yes', 'pnpm@12.4.2'];
let dir: string;

// The published packages, installed from their tarballs alone: no workspace links, no sources.
describe('packed packages', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mamori-pack-'));
    const tarballs = path.join(dir, 'tarballs');
    for (const pkg of ['core', 'rules', 'cli', 'rule-tester']) {
      execFileSync('npx', [...PNPM, 'pack', '--pack-destination', tarballs], { cwd: path.join(repo, 'packages', pkg), stdio: 'pipe' });
    }
    const app = path.join(dir, 'app');
    cpSync(path.join(repo, 'examples'), path.join(app, 'examples'), { recursive: true });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const files = readdirSync(tarballs).map((f) => path.join(tarballs, f));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: app, stdio: 'pipe' });
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ship no tests, fixtures or sources', () => {
    for (const name of ['rules', 'rule-tester']) {
      const tarball = readdirSync(path.join(dir, 'tarballs')).find((f) => f.startsWith(`mamori-${name}-`)) ?? '';
      const listing = execFileSync('tar', ['-tzf', path.join(dir, 'tarballs', tarball)], { encoding: 'utf8' });
      expect(listing).toMatch(/package\/dist\/index\.js/);
      expect(listing).not.toMatch(/\.test\.|fixtures|\/src\//);
    }
  });

  it("the rule tester runs a plugin's table under node:test, and its failures say what differs", () => {
    const app = path.join(dir, 'app');
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

  it('npx mamori scan works from the installed tarballs', () => {
    const out = spawnSync('npx', ['mamori', 'scan', 'examples'], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/MAM101 world-open-ingress/);
    expect(out.stdout).toMatch(/✖ \d+ problems/);
  });

  it("import { scan } from '@mamori/rules' scans with the built-in rules", () => {
    const script = "import { scan } from '@mamori/rules'; const r = await scan({ paths: ['examples'] }); console.log(r.rules.length, r.findings.length > 0);";
    const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: path.join(dir, 'app'), encoding: 'utf8' });
    expect(out.trim()).toMatch(/^[1-9]\d* true$/);
  });
});
