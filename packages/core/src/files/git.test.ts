import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { walk } from './walk.js';

/**
 * Which files a scan reads follows git: compared, on generated repositories, with what git itself
 * says (`git check-ignore` for untracked files, `git ls-files` for tracked ones). git runs with a
 * fixed identity and a global configuration of the test's own, never the machine's.
 */

let home: string;
let dir: string;
const saved: Record<string, string | undefined> = {};
const ENV = {
  GIT_AUTHOR_NAME: 'mamori test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'mamori test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'mamori-git-home-'));
  writeFileSync(path.join(home, '.gitconfig'), '');
  // The scan runs git with the process's environment: the global configuration is the test's.
  for (const [k, v] of Object.entries({ ...ENV, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-git-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function put(rel: string, content = 'x\n', base = dir): string {
  const abs = path.join(base, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}
function init(base = dir): void {
  git(base, 'init', '-q', '-b', 'main');
}

/** Every file under `base` on disk, `.git` folders aside, relative and `/`-separated. */
function onDisk(base: string, sub = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(base, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== '.git') out.push(...onDisk(base, rel));
    } else out.push(rel);
  }
  return out;
}

/** What git says a scan of `base` should read: tracked files, and untracked ones `git check-ignore` does not ignore. */
function gitSays(base: string, options: { skipUntracked?: readonly string[] } = {}): string[] {
  const all = onDisk(base);
  const tracked = new Set(git(base, 'ls-files', '-z', '--cached').split('\0').filter(Boolean));
  const untracked = all.filter((f) => !tracked.has(f));
  let ignored = new Set<string>();
  if (untracked.length > 0) {
    let out = '';
    try {
      out = execFileSync('git', ['check-ignore', '-z', '--stdin'], { cwd: base, input: untracked.join('\0'), encoding: 'utf8' });
    } catch (err) {
      // Exit code 1: none of them is ignored.
      if ((err as { status?: number }).status !== 1) throw err;
    }
    ignored = new Set(out.split('\0').filter(Boolean));
  }
  const skipped = (f: string): boolean => (options.skipUntracked ?? []).some((d) => f.split('/').slice(0, -1).includes(d));
  return all.filter((f) => tracked.has(f) || (!ignored.has(f) && !skipped(f))).sort();
}

async function listed(base: string, paths: string[] = ['.'], git = true): Promise<string[]> {
  const result = await walk(paths, base, () => true, { git });
  return result.files.map((f) => path.relative(base, f.absPath).split(path.sep).join('/')).sort();
}

const SKIPPED = ['node_modules', 'cdk.out', '.aws-sam'];

describe('in a git work tree, the files are those git lists', () => {
  it('negations, nested .gitignore files, info/exclude and core.excludesFile, as git check-ignore says', async () => {
    init();
    put('.gitignore', '*.yaml\n!keep.yaml\nbuild/\n/root-only.txt\n**/gen/*.json\n');
    put('keep.yaml');
    put('drop.yaml');
    put('root-only.txt');
    put('sub/root-only.txt');
    put('sub/.gitignore', '!deep.yaml\n*.txt\n!important.txt\n');
    put('sub/deep.yaml');
    put('sub/other.yaml');
    put('sub/notes.txt');
    put('sub/important.txt');
    put('build/out.json');
    put('a/gen/x.json');
    put('a/gen/x.yml');
    put('excluded-locally.md');
    put('.git/info/exclude', 'excluded-locally.md\n');
    put('global.bak');
    const excludes = put('global-excludes', '*.bak\n', home);
    writeFileSync(path.join(home, '.gitconfig'), `[core]\n\texcludesFile = ${excludes}\n`);
    try {
      const expected = gitSays(dir);
      expect(expected).toEqual(['.gitignore', 'a/gen/x.yml', 'keep.yaml', 'sub/.gitignore', 'sub/deep.yaml', 'sub/important.txt']);
      expect(await listed(dir)).toEqual(expected);
    } finally {
      writeFileSync(path.join(home, '.gitconfig'), '');
    }
  });

  it('a tracked file is read even when a .gitignore pattern matches it; a tracked file deleted from disk is passed over', async () => {
    init();
    put('.gitignore', '*.yaml\nvendor/\n');
    put('forced.yaml');
    put('vendor/lib.yaml');
    put('vendor/untracked.yaml');
    put('gone.yaml');
    put('untracked.yaml');
    git(dir, 'add', '-f', 'forced.yaml', 'vendor/lib.yaml', 'gone.yaml', '.gitignore');
    git(dir, 'commit', '-qm', 'c');
    unlinkSync(path.join(dir, 'gone.yaml'));
    const result = await walk(['.'], dir, () => true);
    expect(result.notifications).toEqual([]);
    expect(await listed(dir)).toEqual(['.gitignore', 'forced.yaml', 'vendor/lib.yaml']);
    expect(await listed(dir)).toEqual(gitSays(dir).filter((f) => f !== 'gone.yaml'));
  });

  it('node_modules, cdk.out and .aws-sam: untracked files in them are left out, tracked ones read', async () => {
    init();
    put('node_modules/pkg/index.js');
    put('cdk.out/Stack.template.json');
    put('.aws-sam/build/template.yaml');
    put('committed/cdk.out/Stack.template.json');
    put('committed/node_modules/vendored.js');
    git(dir, 'add', 'committed');
    expect(await listed(dir)).toEqual(['committed/cdk.out/Stack.template.json', 'committed/node_modules/vendored.js']);
    expect(await listed(dir)).toEqual(gitSays(dir, { skipUntracked: SKIPPED }));
  });

  it('a sub-folder given as the path: its files, by the rules of the repository above it', async () => {
    init();
    put('.gitignore', 'infra/*.bak\n!infra/keep.bak\n');
    put('infra/t.yaml');
    put('infra/old.bak');
    put('infra/keep.bak');
    put('other/x.yaml');
    expect(await listed(dir, ['infra'])).toEqual(['infra/keep.bak', 'infra/t.yaml']);
  });

  it('a folder named on the command line that git ignores (cdk.out after cdk synth) is scanned, by the ignore files inside it', async () => {
    init();
    put('.gitignore', 'cdk.out\nbuild/\n');
    put('cdk.out/Stack.template.json');
    put('cdk.out/.gitignore', '*.zip\n');
    put('cdk.out/asset.zip');
    put('build/sub/t.yaml');
    put('src/app.ts');
    for (const useGit of [true, false]) {
      expect(await listed(dir, ['.'], useGit)).toEqual(['.gitignore', 'src/app.ts']);
      expect(await listed(dir, ['cdk.out'], useGit)).toEqual(['cdk.out/.gitignore', 'cdk.out/Stack.template.json']);
      expect(await listed(dir, ['build/sub'], useGit)).toEqual(['build/sub/t.yaml']);
      expect(await listed(dir, ['src'], useGit)).toEqual(['src/app.ts']);
    }
  });

  it('a nested repository and a submodule: their files, each by its own rules', async () => {
    init();
    put('top.yaml');
    const nested = path.join(dir, 'nested');
    mkdirSync(nested);
    init(nested);
    put('.gitignore', '*.log\n', nested);
    put('n.yaml', 'x\n', nested);
    put('n.log', 'x\n', nested);
    const upstream = mkdtempSync(path.join(tmpdir(), 'mamori-git-upstream-'));
    try {
      init(upstream);
      put('s.yaml', 'x\n', upstream);
      put('.gitignore', 'local.txt\n', upstream);
      git(upstream, 'add', '.');
      git(upstream, 'commit', '-qm', 's');
      git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', upstream, 'sub');
      put('sub/local.txt');
      put('sub/untracked.yaml');
      expect(await listed(dir)).toEqual([
        '.gitmodules',
        'nested/.gitignore',
        'nested/n.yaml',
        'sub/.gitignore',
        'sub/s.yaml',
        'sub/untracked.yaml',
        'top.yaml',
      ]);
      // A submodule not checked out is an empty folder, which git lists as "./" from inside it.
      git(dir, 'submodule', 'deinit', '-q', '-f', 'sub');
      expect(await listed(dir)).toEqual(['.gitmodules', 'nested/.gitignore', 'nested/n.yaml', 'top.yaml']);
    } finally {
      rmSync(upstream, { recursive: true, force: true });
    }
  });

  it('a hostile .git/config cannot make the listing run a program (core.fsmonitor)', async () => {
    init();
    put('t.yaml');
    git(dir, 'add', 't.yaml');
    const marker = path.join(dir, 'fsmonitor-ran');
    const hook = put('hook.sh', `#!/bin/sh\ntouch '${marker}'\n`);
    execFileSync('chmod', ['+x', hook]);
    git(dir, 'config', 'core.fsmonitor', hook);
    // git itself runs it, as a hostile repository intends.
    git(dir, 'status', '--porcelain');
    expect(existsSync(marker)).toBe(true);
    unlinkSync(marker);
    // A nested repository, listed by its own git, with the same configuration.
    const nested = path.join(dir, 'vendor', 'lib');
    mkdirSync(nested, { recursive: true });
    init(nested);
    put('n.yaml', 'x\n', nested);
    git(nested, 'add', 'n.yaml');
    git(nested, 'config', 'core.fsmonitor', hook);
    expect(await listed(dir)).toEqual(['hook.sh', 't.yaml', 'vendor/lib/n.yaml']);
    expect(existsSync(marker)).toBe(false);
  });

  it('variables that point git elsewhere (set when a scan runs from a git hook) are not followed', async () => {
    init();
    put('t.yaml');
    const other = mkdtempSync(path.join(tmpdir(), 'mamori-git-other-'));
    process.env.GIT_DIR = path.join(other, '.git');
    process.env.GIT_WORK_TREE = other;
    try {
      init(other);
      put('elsewhere.yaml', 'x\n', other);
      expect(await listed(dir)).toEqual(['t.yaml']);
    } finally {
      delete process.env.GIT_DIR;
      delete process.env.GIT_WORK_TREE;
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('git that cannot read the work tree: a note, and the folder is walked with its .gitignore files', async () => {
    init();
    put('.gitignore', '*.log\n');
    put('t.yaml');
    put('x.log');
    writeFileSync(path.join(dir, '.git', 'index'), 'not an index');
    const result = await walk(['.'], dir, () => true);
    expect(result.files.map((f) => path.basename(f.absPath)).sort()).toEqual(['.gitignore', 't.yaml']);
    expect(result.notifications).toEqual([
      expect.objectContaining({
        level: 'note',
        code: 'git-listing',
        file: dir,
        message: expect.stringMatching(/^git could not list the files \(.*index.*\); the folder was walked/),
      }),
    ]);
  });

  it('a .gitignore that is a named pipe stalls git: past its time, the folder is walked, the pipe never opened', async () => {
    init();
    put('t.yaml');
    put('sub/a.txt');
    execFileSync('mkfifo', [path.join(dir, 'sub', '.gitignore')]);
    const result = await walk(['.'], dir, () => true, { gitTimeoutMs: 1000 });
    expect(result.files.map((f) => path.relative(dir, f.absPath)).sort()).toEqual(['sub/a.txt', 't.yaml']);
    expect(result.notifications.map((n) => [n.code, n.message])).toEqual([
      ['git-listing', 'git could not list the files (it did not finish within 1 s); the folder was walked and its .gitignore files read by mamori instead'],
      ['skipped', 'Not read: it is a named pipe (FIFO), not a regular file; its patterns are not applied'],
      ['skipped', 'Not scanned: it is a named pipe (FIFO), not a regular file'],
    ]);
  });

  it('a symbolic link git lists is followed inside the scanned paths and never outside them', async () => {
    init();
    const outside = mkdtempSync(path.join(tmpdir(), 'mamori-git-outside-'));
    try {
      put('secret.txt', 'x\n', outside);
      put('real/t.yaml');
      symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'out.txt'));
      symlinkSync('real/t.yaml', path.join(dir, 'in.yaml'));
      git(dir, 'add', '.');
      const result = await walk(['.'], dir, () => true);
      expect(result.files.map((f) => path.relative(dir, f.absPath)).sort()).toEqual(['in.yaml', 'real/t.yaml']);
      expect(result.notifications).toEqual([
        {
          level: 'note',
          code: 'skipped',
          file: path.join(dir, 'out.txt'),
          message: `Not followed: symbolic link to ${JSON.stringify(path.join(outside, 'secret.txt'))}, outside the scanned paths`,
        },
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('outside a work tree, the walk reads .gitignore files as git would', () => {
  it('a negation in a deeper .gitignore re-includes what a shallower one ignores', async () => {
    put('.gitignore', '*.yaml\ncache/\n');
    put('top.yaml');
    put('sub/.gitignore', '!keep.yaml\n');
    put('sub/keep.yaml');
    put('sub/drop.yaml');
    put('sub/deeper/keep.yaml');
    put('sub/cache/x.json');
    put('other/cache/y.json');
    expect(await listed(dir, ['.'], false)).toEqual(['.gitignore', 'sub/.gitignore', 'sub/deeper/keep.yaml', 'sub/keep.yaml']);
  });

  it('agrees with git check-ignore on generated trees of ignore files', async () => {
    const names = ['a.yaml', 'b.json', 'c.txt', 'keep.yaml'];
    const dirs = ['', 'x', 'x/y', 'z'];
    const pattern = fc.oneof(
      fc.constantFrom('*.yaml', '*.json', 'c.txt', 'keep.yaml', 'y/', 'x/', '/a.yaml', '**/b.json', 'y/*.txt', '*'),
      fc.constantFrom('!keep.yaml', '!*.json', '!c.txt', '!a.yaml', '!y/', '!x/'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...dirs), fc.array(pattern, { maxLength: 4 })), { maxLength: 4 }), async (ignores) => {
        const base = mkdtempSync(path.join(tmpdir(), 'mamori-git-prop-'));
        try {
          for (const d of dirs) for (const n of names) put(path.join(d, n), 'x\n', base);
          for (const [d, patterns] of ignores) put(path.join(d, '.gitignore'), `${patterns.join('\n')}\n`, base);
          init(base);
          // Nothing tracked: the walk, which reads no index, and git must agree.
          expect(await listed(base, ['.'], false)).toEqual(gitSays(base));
          expect(await listed(base, ['.'], true)).toEqual(gitSays(base));
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
