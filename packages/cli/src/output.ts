import type { Stats } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { printable } from '@mamori/core/internal';

// Every file mamori writes (reports, snapshots, baselines, `init`) goes through here. A checkout is
// not trusted: a pull request can commit `mamori.sarif` as a link to ~/.bashrc, or `reports` as a
// link to /home/runner. So:
// - folders between the working folder and the file are never links (each is checked with lstat;
//   missing ones are created one at a time); folders above the working folder, or on an absolute
//   path outside it, were chosen by whoever typed the command and are taken as they are;
// - the file itself is never written through: the text goes to a new file beside it (opened with
//   O_EXCL, which also refuses a link) and is renamed over it, which replaces a link rather than
//   following it;
// - with `within` (the Action), nothing is written outside those folders at all.

export class OutputError extends Error {}

export interface OutputRules {
  /** The working folder: relative paths start here, and folders below it must not be links. */
  cwd: string;
  /** When set, the file must be inside one of these folders, and no folder below that one may be a link. */
  within?: readonly string[];
}

export interface OutputTarget {
  /** The path as the user gave it, for messages. */
  shown: string;
  abs: string;
  /** Checks the path again and replaces the file with `content`, atomically. */
  write(content: string | Uint8Array): Promise<void>;
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
}

async function lstatOrNothing(p: string): Promise<Stats | undefined> {
  try {
    return await lstat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a folder on its path is a file',
    ENAMETOOLONG: 'the name is too long',
    EDQUOT: 'over the disk quota',
  };
  return (e.code && reasons[e.code]) ?? (err instanceof Error ? err.message : String(err));
}

/** Checks the folders from the trusted root down to the file's, creating the missing ones. */
async function prepareFolders(abs: string, root: string | undefined, shown: string): Promise<void> {
  const dir = path.dirname(abs);
  if (root === undefined) {
    // Outside the working folder: the user named this place; only make sure it exists.
    await mkdir(dir, { recursive: true });
    return;
  }
  const parts = path.relative(root, dir).split(path.sep).filter(Boolean);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = await lstatOrNothing(current);
    if (!stat) {
      await mkdir(current);
      continue;
    }
    const rel = printable(path.relative(root, current));
    if (stat.isSymbolicLink()) {
      throw new OutputError(
        `cannot write ${shown}: the folder ${rel} is a symbolic link, and reports are never written through links; remove the link or write elsewhere`,
      );
    }
    if (!stat.isDirectory()) throw new OutputError(`cannot write ${shown}: ${rel} is not a folder`);
  }
}

async function replaceFile(abs: string, content: string | Uint8Array): Promise<void> {
  // Hidden, unique, in the same folder (a rename does not cross file systems), never an existing file;
  // a fixed length, so a long file name cannot make it too long.
  const temp = path.join(path.dirname(abs), `.mamori-${process.getBuiltinModule('node:crypto').randomUUID()}.tmp`);
  const handle = await open(temp, 'wx', 0o666);
  try {
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    await rename(temp, abs);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/**
 * Checks where `file` would be written, creating missing folders and proving the folder writable,
 * before any long work starts; `write` checks again and writes.
 */
export async function prepareOutput(file: string, rules: OutputRules): Promise<OutputTarget> {
  const shown = printable(file);
  const abs = path.resolve(rules.cwd, file);
  let root: string | undefined;
  if (rules.within) {
    const roots = rules.within.map((r) => path.resolve(r));
    if (roots.includes(abs)) throw new OutputError(`cannot write ${shown}: it is a folder`);
    root = roots.filter((r) => isInside(abs, r)).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) throw new OutputError(`cannot write ${shown}: it is outside ${roots.map(printable).join(' and ')}`);
  } else {
    const cwd = path.resolve(rules.cwd);
    root = isInside(abs, cwd) ? cwd : undefined;
  }
  const check = async (): Promise<void> => {
    try {
      await prepareFolders(abs, root, shown);
      const stat = await lstatOrNothing(abs);
      if (stat?.isDirectory()) throw new OutputError(`cannot write ${shown}: it is a folder`);
    } catch (err) {
      if (err instanceof OutputError) throw err;
      throw new OutputError(`cannot write ${shown}: ${describe(err)}`);
    }
  };
  await check();
  // A file created and removed again proves the folder takes new files (permissions, read-only mounts).
  const probe = path.join(path.dirname(abs), `.mamori-probe.${process.getBuiltinModule('node:crypto').randomUUID()}.tmp`);
  try {
    await (await open(probe, 'wx', 0o600)).close();
    await unlink(probe);
  } catch (err) {
    throw new OutputError(`cannot write ${shown}: ${describe(err)}`);
  }
  return {
    shown,
    abs,
    async write(content) {
      await check();
      try {
        await replaceFile(abs, content);
      } catch (err) {
        throw new OutputError(`cannot write ${shown}: ${describe(err)}`);
      }
    },
  };
}
