import path from 'node:path';

/** A work tree's listing: paths relative to the folder listed, `/`-separated; a nested repository ends with `/`. */
export type GitListing =
  | { kind: 'listed'; paths: string[]; undecodable: string[] }
  /** git is not installed, or the folder is not in a work tree: the walker lists it. */
  | { kind: 'none' }
  /** git is there but could not list this work tree: the walker lists it, and the scan says so. */
  | { kind: 'failed'; reason: string };

/**
 * Generous for the largest monorepos (git lists 100,000 files in well under a second). git waits
 * without end on a `.gitignore` that is a named pipe (which no clone holds, but a scanned folder
 * may): past this the folder is walked instead, which never opens one.
 */
export const GIT_TIMEOUT_MS = 60_000;
const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Variables that point git at another repository, index or object store (git's own list of "local"
 * variables, which it clears itself before running in a submodule). A scan that runs from a git
 * hook inherits them; here the repository is the one the folder is in.
 */
const LOCAL_REPO_ENV = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LOCAL_REPO_ENV) delete env[name];
  for (const name of Object.keys(env)) if (/^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(name)) delete env[name];
  // Messages in English, to tell "not a repository" from a failure; never a prompt or a lock.
  return { ...env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat' };
}

/**
 * The files git sees in the folder `dir`: those it tracks, and untracked ones it does not ignore
 * (nested `.gitignore` files, negations, `.git/info/exclude`, `core.excludesFile`), exactly as
 * `git ls-files --cached --others --exclude-standard` lists them. Untracked files in folders named
 * in `skippedDirs` (node_modules, ...) are left out by git itself; tracked ones are listed. The
 * system and global configuration are the machine's, not the scanned content's, and are read as git
 * reads them (they may name an excludes file).
 */
export async function gitListing(dir: string, skippedDirs: Iterable<string> = [], timeoutMs = GIT_TIMEOUT_MS): Promise<GitListing> {
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  for (const name of skippedDirs) args.push(`--exclude=${name}/`);
  let stdout: Buffer;
  try {
    stdout = await runGit(dir, args, timeoutMs);
  } catch (err) {
    return classify(err as GitError, timeoutMs);
  }
  const paths: string[] = [];
  const undecodable: string[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let end = stdout.indexOf(0); end >= 0; start = end + 1, end = stdout.indexOf(0, start)) {
    if (end === start) continue;
    const raw = stdout.subarray(start, end);
    try {
      paths.push(utf8.decode(raw));
    } catch {
      // The file system calls take names as strings: a name that is not UTF-8 cannot be opened by it.
      undecodable.push(raw.toString('utf8'));
    }
  }
  // Unmerged files are listed once per stage.
  return { kind: 'listed', paths: [...new Set(paths)], undecodable };
}

/**
 * Whether git ignores the folder `dir` itself (or a folder above it), as it ignores `cdk.out` or
 * `build/` in most repositories. `false` outside a work tree, or when git cannot tell.
 */
export async function gitIgnores(dir: string, timeoutMs = GIT_TIMEOUT_MS): Promise<boolean> {
  try {
    await runGit(path.dirname(dir), ['check-ignore', '-q', '--', `${path.basename(dir)}/`], timeoutMs);
    return true;
  } catch {
    // Exit code 1: not ignored; 128: not in a work tree.
    return false;
  }
}

type GitError = NodeJS.ErrnoException & { stderrText?: string; killed?: boolean; signal?: string | null };

/**
 * Runs git in `dir` on a command that only reads. The repository's own configuration is read by
 * git, and a scanned folder's `.git/config` may be hostile: `core.fsmonitor` is the one setting
 * these commands would run a program for, and it is overridden on the command line (which wins over
 * every configuration file); no pager runs (the output is not a terminal, and --no-pager). git is
 * started from the file system's root rather than from the scanned folder (`-C` takes it there), so
 * a `git` executable in the folder is never the one run.
 */
function runGit(dir: string, args: string[], timeoutMs: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    // Loaded when git is first asked: most scans of a file or two never do.
    process.getBuiltinModule('node:child_process').execFile(
      'git',
      ['--no-pager', '-c', 'core.fsmonitor=false', '-C', dir, ...args],
      {
        cwd: path.parse(dir).root,
        env: gitEnv(),
        encoding: 'buffer',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_BUFFER,
        windowsHide: true,
      },
      (err, out, errOut) => (err ? reject(Object.assign(err, { stderrText: errOut.toString('utf8') })) : resolve(out)),
    );
  });
}

function classify(err: GitError, timeoutMs: number): GitListing {
  // No git on this machine: the spawn itself failed.
  if (err.code === 'ENOENT' || err.code === 'EACCES') return { kind: 'none' };
  const stderr = err.stderrText ?? '';
  // Not in a work tree (or inside a .git folder): nothing of git's to follow.
  if (/not a git repository|must be run in a work tree/i.test(stderr)) return { kind: 'none' };
  if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return { kind: 'failed', reason: `its listing is over ${MAX_BUFFER / 1024 / 1024} MiB` };
  if (err.killed || err.signal) return { kind: 'failed', reason: `it did not finish within ${timeoutMs / 1000} s` };
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  // git's message may quote the repository's content: control characters are not passed on.
  const reason = line ? withoutControls(line.replace(/^fatal:\s*/, '')).slice(0, 300) : `exit code ${String(err.code)}`;
  return { kind: 'failed', reason };
}

function withoutControls(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '?' : c;
  }
  return out;
}
