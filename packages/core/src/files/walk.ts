import { existsSync, readFileSync } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Notification } from '../engine/finding.js';
import { inputFs } from './input-fs.js';

/** Folders never worth reading: dependencies, VCS data and generated build output. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam']);

export const TEMPLATE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json', '.template']);

export interface WalkedFile {
  absPath: string;
  /** Named on the command line (then a parse error is always reported) or found by walking a folder. */
  explicit: boolean;
}

interface IgnoreLayer {
  dir: string;
  matcher: Ignore;
}

function loadGitignore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return { dir, matcher: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignoredBy(layers: readonly IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.matcher.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** `.gitignore` files from the enclosing repository's root down to `dir`, so scanning a sub-folder honours them too. */
function ancestorLayers(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let cur = dir;
  for (;;) {
    chain.unshift(cur);
    if (existsSync(path.join(cur, '.git'))) break;
    const parent = path.dirname(cur);
    if (parent === cur) {
      // Not in a repository: only the folder's own .gitignore applies.
      const own = loadGitignore(dir);
      return own ? [own] : [];
    }
    cur = parent;
  }
  return chain.map(loadGitignore).filter((l): l is IgnoreLayer => l !== undefined);
}

/**
 * Lists the files under the given paths that may hold templates, in a stable order. Symbolic links to
 * folders are not followed (as git does not), which also rules out link loops.
 */
export async function walk(
  paths: readonly string[],
  cwd: string,
  accept: (absPath: string) => boolean = (p) => TEMPLATE_EXTENSIONS.has(path.extname(p).toLowerCase()),
): Promise<{ files: WalkedFile[]; notifications: Notification[] }> {
  const files = new Map<string, WalkedFile>();
  const notifications: Notification[] = [];

  /** `inherited`: the ignore files that apply above `dir`; `withOwn`: whether they include `dir`'s own already. */
  const visitDir = async (dir: string, inherited: IgnoreLayer[], withOwn: boolean): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = inputFs.readdir(dir);
    } catch (err) {
      notifications.push({ level: 'error', code: 'read-error', file: dir, message: `Cannot read folder: ${errorText(err)}` });
      return;
    }
    // The listing says whether there is a `.gitignore`: no folder is asked for one it does not have.
    const own = !withOwn && entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? loadGitignore(dir) : undefined;
    const layers = own ? [...inherited, own] : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || ignoredBy(layers, abs, true)) continue;
        await visitDir(abs, layers, false);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (ignoredBy(layers, abs, false) || !accept(abs)) continue;
        if (entry.isSymbolicLink()) {
          let target: import('node:fs').Stats;
          try {
            target = await stat(abs);
          } catch (err) {
            const code = (err as { code?: string }).code;
            // A loop is a broken input; a link to nothing holds no template, but say so.
            if (code === 'ELOOP') notifications.push({ level: 'error', code: 'read-error', file: abs, message: 'Cannot read file: symbolic link loop' });
            else notifications.push({ level: 'warning', code: 'skipped', file: abs, message: `Skipped: symbolic link to a missing file (${errorText(err)})` });
            continue;
          }
          if (!target.isFile()) continue;
        }
        if (!files.has(abs)) files.set(abs, { absPath: abs, explicit: false });
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const info = await lstat(abs).catch(() => undefined);
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
    if (real.isDirectory()) await visitDir(abs, ancestorLayers(abs), true);
    else if (real.isFile()) files.set(abs, { absPath: abs, explicit: true });
    else {
      // A named pipe would block the read; a device may never end. Neither holds a template to scan.
      const kind = real.isFIFO() ? 'a named pipe (FIFO)' : real.isSocket() ? 'a socket' : 'a device';
      notifications.push({ level: 'error', code: 'read-error', file: p, message: `Cannot read file: it is ${kind}, not a regular file` });
    }
  }
  return { files: [...files.values()], notifications };
}

export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const code = err.code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a folder';
    if (code === 'ELOOP') return 'symbolic link loop';
    if (code === 'EIO') return 'input/output error';
    if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
    if (code === 'ENOTDIR') return 'a path component is not a folder';
  }
  return err instanceof Error ? err.message : String(err);
}
