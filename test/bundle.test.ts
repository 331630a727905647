import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The published command (`packages/cli/dist/bundle/mamori.mjs`, built by scripts/build-cli.mjs)
 * loads what a command needs: a scan of templates loads neither ajv (a configuration's validator),
 * nor re2js (its globs), nor the snapshot schema validator. Each is loaded, and works, when the
 * scan has a configuration or a snapshot to read.
 */

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'packages', 'cli', 'dist', 'bundle', 'mamori.mjs');
const HOOK = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) appendFileSync(process.env.MAMORI_LOADED_LOG, result.url + '\\n');
  return result;
}
`;
const ON_DEMAND = {
  // ajv's compiler: the snapshot validator, compiled ahead of time, needs only two of ajv's runtime helpers.
  ajv: '/node_modules/ajv/dist/compile/index.js',
  re2js: '/node_modules/re2js/',
  'snapshot validator': '// packages/core/src/generated/snapshot.validate.ts',
} as const;

let dir: string;
let register: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-bundle-'));
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(hook, HOOK);
  register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundled command in `cwd`; which of the on-demand parts its loaded files hold, and its exit code. */
function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const log = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const out = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MAMORI_LOADED_LOG: log, NO_COLOR: '1' },
  });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((u) => fileURLToPath(u));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const loaded = Object.entries(ON_DEMAND)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name);
  return { code: out.status, stdout: out.stdout, stderr: out.stderr, loaded };
}

function project(name: string, files: Record<string, string>): string {
  const at = path.join(dir, name);
  cpSync(path.join(repo, 'examples', 'templates', 'bad', 'web-stack.yaml'), path.join(at, 'stack.yaml'));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
  return at;
}

describe('the bundled command', () => {
  it('holds every on-demand part (the markers below are what it is recognised by)', () => {
    const all = spawnSync('grep', ['-rlF', '-e', ON_DEMAND.ajv, '-e', ON_DEMAND.re2js, '-e', ON_DEMAND['snapshot validator'], path.dirname(bin)], {
      encoding: 'utf8',
    });
    const text = all.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const marker of Object.values(ON_DEMAND)) expect(text).toContain(marker);
  });

  it('scans a template without loading a validator, globs or the snapshot reader', () => {
    const r = run(['scan', 'stack.yaml', '--format', 'json'], project('plain', {}));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary.error).toBeGreaterThan(0);
    expect(r.loaded).toEqual([]);
  });

  it('loads ajv and re2js for a configuration with globs, and applies it', () => {
    const config = JSON.stringify({ exclude: ['stack.yaml'] });
    const other = readFileSync(path.join(repo, 'examples', 'templates', 'good', 'web-stack.yaml'), 'utf8');
    const r = run(['scan', '.', '--format', 'json'], project('configured', { 'mamori.config.json': config, 'other.yaml': other }));
    expect(r.loaded).toEqual(['ajv', 're2js']);
    expect(JSON.parse(r.stdout).files).toEqual(['other.yaml']);
  });

  it('loads ajv for a configuration that is not valid, and says why', () => {
    const r = run(['scan', 'stack.yaml'], project('invalid', { 'mamori.config.json': JSON.stringify({ exclud: ['x'] }) }));
    expect(r.loaded).toContain('ajv');
    expect(r.stderr).toContain('exclud: unknown option (did you mean exclude?)');
  });

  it('loads the snapshot validator for an account snapshot, and reads it', () => {
    const r = run(['scan', path.join(repo, 'examples', 'snapshot', 'account.json'), '--format', 'json'], repo);
    expect(r.loaded).toEqual(['snapshot validator']);
    const result = JSON.parse(r.stdout);
    expect(result.files).toEqual(['examples/snapshot/account.json']);
    expect(result.summary.findings).toBeGreaterThan(0);
  });

  it('reads on a worker thread, from the worker entry beside it, and reports the same as on one thread', () => {
    const examples = path.join(repo, 'examples');
    const env = (workers: string) => ({ ...process.env, MAMORI_WORKERS: workers, NODE_DEBUG: 'worker' });
    const args = [bin, 'scan', examples, '--format', 'sarif', '--fail-on', 'none'];
    const one = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: env('0') });
    const two = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: env('1') });
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // Node says where each worker starts from.
    expect(two.stderr).toContain(path.join(path.dirname(bin), 'scan-worker.mjs'));
    expect(one.stderr).not.toContain('scan-worker.mjs');
  });
});
