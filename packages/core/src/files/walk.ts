import { stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Notification } from '../model/finding.js';
import { errorText, failureText, insideRoots, kindOf, mib, quoted, readBounded } from './bounded.js';
import { gitIgnores, gitListing } from './git.js';
import { inputFs } from './input-fs.js';

/**
 * Folders never worth reading: dependencies, VCS data and generated build output. In a git work
 * tree they only leave out untracked files: what git tracks is scanned wherever it is.
 */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam']);

export const TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.template']);

/** git reads no ignore file larger than this (its own limit); neither does the walker. */
const MAX_IGNORE_FILE_BYTES = 100 * 1024 * 1024;

export interface WalkedFile {
  absPath: string;
  /** Named on the command line (then a parse error is always reported) or found by walking a folder. */
  explicit: boolean;
}

export interface WalkOptions {
  /**
   * List folders in a git work tree with git itself (default); `false` walks them and reads their
   * `.gitignore` files, as is done anyway where git is not installed or the folder is not in a work tree.
   */
  git?: boolean;
  /** How long git may take to list one folder before it is walked instead (default `GIT_TIMEOUT_MS`, a minute). */
  gitTimeoutMs?: number;
}

export interface Walked {
  files: WalkedFile[];
  notifications: Notification[];
  /** Real paths of the paths given: what a file must be inside to be read. */
  roots: string[];
}

interface IgnoreLayer {
  dir: string;
  matcher: Ignore;
}

/**
 * Lists the files under the given paths, in a stable order. In a git work tree, the files are
 * those git tracks and the untracked ones it does not ignore; elsewhere the folders are walked,
 * honouring `.gitignore` files as git does. Symbolic links to folders are not followed (git stores
 * the link), which also rules out link loops; a symbolic link to a file outside the paths given is
 * never followed, and named in a note.
 */
export async function walk(
  paths: readonly string[],
  cwd: string,
  accept: (absPath: string) => boolean = (p) => TEMPLATE_EXTENSIONS.has(path.extname(p).toLowerCase()),
  options: WalkOptions = {},
): Promise<Walked> {
  const files = new Map<string, WalkedFile>();
  const notifications: Notification[] = [];
  const add = (abs: string): void => {
    if (!files.has(abs)) files.set(abs, { absPath: abs, explicit: false });
  };
  // A path named on the command line is reported as such: not again as found in a folder.
  const given = new Set(paths.map((p) => path.resolve(cwd, p)));
  const note = (file: string, message: string, level: Notification['level'] = 'note', code: Notification['code'] = 'skipped'): void => {
    if (!given.has(file)) notifications.push({ level, code, file, message });
  };

  // A root given as a symbolic link is the user's choice: its target is the root.
  const roots: string[] = [];
  for (const p of paths) {
    try {
      roots.push(inputFs.realpath(path.resolve(cwd, p)));
    } catch {
      // Reported below, as the path is looked at.
    }
  }

  /**
   * A symbolic link found in a folder: followed when it leads to a regular file inside the roots.
   * `true` when the file it leads to is to be read.
   */
  const followLink = (abs: string): boolean => {
    let real: string;
    try {
      real = inputFs.realpath(abs);
    } catch (err) {
      const code = (err as { code?: string }).code;
      // A loop is a broken input; a link to nothing holds no template, but say so.
      if (code === 'ELOOP') note(abs, 'Cannot read file: symbolic link loop', 'error', 'read-error');
      else note(abs, `Skipped: symbolic link to a missing file (${errorText(err)})`, 'warning');
      return false;
    }
    if (!insideRoots(real, roots)) {
      let target = real;
      try {
        target = inputFs.readlink(abs);
      } catch {
        // The resolved path says enough.
      }
      const resolved = target === real ? '' : ` (${quoted(real)})`;
      note(abs, `Not followed: symbolic link to ${quoted(target)}${resolved}, outside the scanned paths`);
      return false;
    }
    let info: import('node:fs').Stats;
    try {
      info = inputFs.stat(real);
    } catch (err) {
      note(abs, `Cannot read file: ${errorText(err)}`, 'error', 'read-error');
      return false;
    }
    // A link to a folder inside the roots: its files are listed where they are.
    if (info.isDirectory()) return false;
    if (!info.isFile()) {
      note(abs, `Not scanned: symbolic link to ${kindOf(info)}, not a regular file`);
      return false;
    }
    return true;
  };

  /** One file, link or other entry of a folder, found by git or by the walk. */
  const consider = (abs: string, info: Parameters<typeof kindOf>[0] & { isFile(): boolean }): void => {
    if (!accept(abs)) return;
    if (info.isFile()) add(abs);
    else if (info.isSymbolicLink()) {
      if (followLink(abs)) add(abs);
    } else note(abs, `Not scanned: it is ${kindOf(info)}, not a regular file`);
  };

  /** `inherited`: the ignore files that apply above `dir`; `withOwn`: whether they include `dir`'s own already. */
  const visitDir = (dir: string, inherited: IgnoreLayer[], withOwn: boolean): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = inputFs.readdir(dir);
    } catch (err) {
      notifications.push({ level: 'error', code: 'read-error', file: dir, message: `Cannot read folder: ${errorText(err)}` });
      return;
    }
    // The listing says whether there is a `.gitignore`: no folder is asked for one it does not have.
    const own = !withOwn && entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? loadGitignore(dir, notifications) : undefined;
    const layers = own ? [...inherited, own] : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || ignoredBy(layers, abs, true)) continue;
        visitDir(abs, layers, false);
      } else if (!ignoredBy(layers, abs, false)) {
        consider(abs, entry);
      }
    }
  };

  /**
   * A folder named on the command line that git ignores (`cdk.out` after `cdk synth`, a build
   * folder) is scanned as asked, as a file named is: walked with the ignore files inside it only.
   */
  const listNamedDir = async (dir: string): Promise<void> => {
    if (options.git !== false && (await gitIgnores(dir, options.gitTimeoutMs))) return visitDir(dir, [], false);
    return listDir(dir, true);
  };

  /** A folder: listed by git in a work tree (nested repositories and submodules by their own git), else walked. */
  const listDir = async (dir: string, named = false): Promise<void> => {
    const listing = options.git === false ? ({ kind: 'none' } as const) : await gitListing(dir, SKIPPED_DIRS, options.gitTimeoutMs);
    if (listing.kind !== 'listed') {
      if (listing.kind === 'failed') {
        const message = `git could not list the files (${listing.reason}); the folder was walked and its .gitignore files read by mamori instead`;
        notifications.push({ level: 'note', code: 'git-listing', file: dir, message });
      }
      const layers = ancestorLayers(dir, notifications);
      if (named && ignoredFolder(layers, dir)) visitDir(dir, [], false);
      else visitDir(dir, layers, true);
      return;
    }
    for (const name of listing.undecodable) note(path.join(dir, name), 'Not scanned: its name is not valid UTF-8');
    const nested: string[] = [];
    for (const rel of listing.paths.sort()) {
      const segments = rel.split('/');
      if (rel.endsWith('/')) segments.pop();
      // git lists paths inside the folder (an uninitialised submodule lists itself as "./"); anything else is not followed.
      if (segments.some((s) => s === '' || s === '.' || s === '..') || path.isAbsolute(rel)) continue;
      const abs = path.join(dir, ...segments);
      let info: import('node:fs').Stats;
      try {
        info = inputFs.lstat(abs);
      } catch (err) {
        const code = (err as { code?: string }).code;
        // Tracked but deleted from the work tree (or outside a sparse checkout): nothing there to scan.
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        note(abs, `Cannot read file: ${errorText(err)}`, 'error', 'read-error');
        continue;
      }
      // A submodule is listed as the folder it is checked out in; a repository inside this one that
      // it does not track, with a trailing slash. Each has its own files, by its own rules.
      if (info.isDirectory()) nested.push(abs);
      else if (rel.endsWith('/')) continue;
      else consider(abs, info);
    }
    for (const sub of nested) await listDir(sub);
  };

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const info = lstatOrUndefined(abs);
    if (!info) {
      notifications.push({ level: 'error', code: 'path-not-found', file: p, message: `No such file or folder: ${p}` });
      continue;
    }
    let real = info;
    if (info.isSymbolicLink()) {
      try {
        real = await stat(abs);
      } catch (err) {
        const code = (err as { code?: string }).code;
        const why = code === 'ELOOP' ? 'symbolic link loop' : code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : errorText(err);
        notifications.push({ level: 'error', code: 'read-error', file: p, message: `Cannot read file: ${why}` });
        continue;
      }
    }
    if (real.isDirectory()) await listNamedDir(abs);
    else if (real.isFile()) files.set(abs, { absPath: abs, explicit: true });
    else {
      // A named pipe would block the read; a device may never end. Neither holds a template to scan.
      notifications.push({ level: 'error', code: 'read-error', file: p, message: `Cannot read file: it is ${kindOf(real)}, not a regular file` });
    }
  }
  return { files: [...files.values()], notifications, roots };
}

function lstatOrUndefined(abs: string): import('node:fs').Stats | undefined {
  try {
    return inputFs.lstat(abs);
  } catch {
    return undefined;
  }
}

/** A folder's `.gitignore`, read as git reads it: not through a symbolic link, and not over git's size limit. */
function loadGitignore(dir: string, notifications: Notification[], name = '.gitignore'): IgnoreLayer | undefined {
  const file = path.join(dir, name);
  const read = readBounded(file, MAX_IGNORE_FILE_BYTES, { noFollow: true });
  if ('bytes' in read) return { dir, matcher: ignore().add(read.bytes.toString('utf8')) };
  // Not applying its patterns scans more, never less; said all the same.
  if ('oversized' in read) {
    notifications.push({
      level: 'note',
      code: 'skipped',
      file,
      message: `Not read: over ${mib(MAX_IGNORE_FILE_BYTES)}, as git reads none that large; its patterns are not applied`,
    });
  } else if (read.problem !== 'error' || (read.error as { code?: string }).code !== 'ENOENT') {
    notifications.push({ level: 'note', code: 'skipped', file, message: `Not read: ${failureText(read)}; its patterns are not applied` });
  }
  return undefined;
}

/**
 * Whether a path is ignored, as git decides: the deepest ignore file with a pattern that matches
 * the path decides (the last such pattern in it, a negation `!` re-including), then the shallower
 * ones, then `.git/info/exclude`. Folders that are ignored are not walked into, so a file in one is
 * never re-included, as in git.
 */
function ignoredBy(layers: readonly IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i] as IgnoreLayer;
    const rel = path.relative(layer.dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    // This file ignores a folder above the path that a deeper one re-included (else the walk would
    // not be here); the library then cannot tell what it makes of the path itself. No say from it:
    // an error towards scanning more.
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && layer.matcher.test(rel.slice(0, slash + 1)).ignored) continue;
    const result = layer.matcher.test(isDir ? `${rel}/` : rel);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/** Whether the ignore files ignore `dir` or a folder between it and the top of the first of them. */
function ignoredFolder(layers: readonly IgnoreLayer[], dir: string): boolean {
  const top = layers[0]?.dir;
  if (top === undefined) return false;
  const chain: string[] = [];
  for (let cur = dir; cur !== top && path.dirname(cur) !== cur; cur = path.dirname(cur)) chain.unshift(cur);
  return chain.some((folder) => ignoredBy(layers, folder, true));
}

/**
 * The ignore files that apply to `dir` from above it: the enclosing repository's `.git/info/exclude`
 * and `.gitignore` files from its root down to `dir`, so scanning a sub-folder honours them too.
 */
function ancestorLayers(dir: string, notifications: Notification[]): IgnoreLayer[] {
  const chain: string[] = [];
  let cur = dir;
  for (;;) {
    chain.unshift(cur);
    const dotGit = path.join(cur, '.git');
    const gitInfo = (() => {
      try {
        return inputFs.lstat(dotGit);
      } catch {
        return undefined;
      }
    })();
    if (gitInfo) {
      // A work tree's own .git folder (a submodule's or a linked work tree's is a file naming another).
      const exclude = gitInfo.isDirectory() ? loadGitignore(path.join(dotGit, 'info'), notifications, 'exclude') : undefined;
      const layers = chain.map((d) => loadGitignore(d, notifications)).filter((l): l is IgnoreLayer => l !== undefined);
      return exclude ? [{ dir: cur, matcher: exclude.matcher }, ...layers] : layers;
    }
    const parent = path.dirname(cur);
    if (parent === cur) {
      // Not in a repository: only the folder's own .gitignore applies.
      const own = loadGitignore(dir, notifications);
      return own ? [own] : [];
    }
    cur = parent;
  }
}
