import type { Stats } from 'node:fs';
import path from 'node:path';
import { inputFs } from './input-fs.js';

/**
 * Every read of input content goes through here: open without blocking, `fstat` the descriptor,
 * refuse anything but a regular file, and read at most the cap (plus one byte, to tell a file that
 * holds more) through that descriptor. What a path names can change between a `stat` and a read;
 * the descriptor cannot, and a file that reports a size of 0 but streams without end (`/proc`
 * files) is cut at the cap rather than read whole.
 */

/**
 * Files larger than this are not templates CloudFormation would accept (1 MB) by a wide margin;
 * configuration, parameter and rule files are held to it too.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Account snapshots of large accounts are far bigger than any template (a baseline may be as large);
 * this bound keeps the text under the longest string the JavaScript engine can hold.
 */
export const MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;

export interface OpenOptions {
  /**
   * Real paths of the scanned roots. The file, once opened, must be inside one of them: a path
   * whose folders were swapped for symbolic links after it was listed is refused unread.
   */
  roots?: readonly string[];
  /** Refuse a symbolic link as the file itself (git does not follow a `.gitignore` that is one). */
  noFollow?: boolean;
}

/** Why a file was not opened for reading. */
export type OpenFailure = { problem: 'not-regular'; kind: string } | { problem: 'outside'; target: string } | { problem: 'error'; error: unknown };

export interface Opened {
  fd: number;
  /** The size `fstat` gave: 0 for files of `/proc` and `/sys`, whatever they hold. */
  size: number;
  /** What `fstat` gave when it was opened. */
  info: Stats;
}

export type BoundedRead = { bytes: Buffer; size: number } | { oversized: true; size: number; head: Buffer } | OpenFailure;

export const isFailure = (r: object): r is OpenFailure => 'problem' in r;

/** Opens a regular file for reading; anything else (a FIFO, a device, a socket, a folder) is closed unread. */
export function openRegular(absPath: string, options: OpenOptions = {}): Opened | OpenFailure {
  let fd: number;
  try {
    fd = inputFs.open(absPath, options.noFollow ? { noFollow: true } : {});
  } catch (err) {
    const code = (err as { code?: string }).code;
    // O_NOFOLLOW on a link gives ELOOP; a socket cannot be opened at all (ENXIO).
    if (code === 'ELOOP' && options.noFollow) return { problem: 'not-regular', kind: 'a symbolic link' };
    if (code === 'ENXIO') return { problem: 'not-regular', kind: 'a socket or a device without a driver' };
    return { problem: 'error', error: err };
  }
  try {
    const info = inputFs.fstat(fd);
    if (!info.isFile()) {
      inputFs.close(fd);
      return { problem: 'not-regular', kind: kindOf(info) };
    }
    if (options.roots) {
      const real = openedPath(fd, absPath);
      if (real === undefined || !insideRoots(real, options.roots)) {
        inputFs.close(fd);
        return { problem: 'outside', target: real ?? 'a path that could not be resolved' };
      }
    }
    return { fd, size: info.size, info };
  } catch (err) {
    inputFs.close(fd);
    return { problem: 'error', error: err };
  }
}

/**
 * Up to `cap` bytes from the start of an open file: `more` when it holds more than that. `size` is
 * what `fstat` said, used only to size the buffer (a file may have grown, or say 0 and stream).
 */
export function readOpened(fd: number, cap: number, size: number): { bytes: Buffer; more: boolean } {
  const limit = cap + 1;
  let buffer = Buffer.allocUnsafe(Math.min(limit, size > 0 ? size + 1 : 64 * 1024));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      // Up to the cap, then by the one byte that tells whether there is more: reads of files of
      // /proc that come in whole entries (pagemap's are 8 bytes) stay whole until then.
      const grown = Buffer.allocUnsafe(length >= cap ? limit : Math.min(cap, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const asked = buffer.length - length;
    let n: number;
    try {
      n = inputFs.readAt(fd, buffer, length, asked, length);
    } catch (err) {
      // The one-byte read past the cap, refused by a file of /proc that reads in whole entries
      // (pagemap's are 8 bytes): it held the cap's worth, which is enough to pass it over.
      if (length >= cap) return { bytes: buffer.subarray(0, cap), more: true };
      throw err;
    }
    if (n === 0) break;
    length += n;
    // A regular file that said its size reads short only at its end: no read more to find it. (One
    // that says 0, as /proc files do, reads short all along.)
    if (size > 0 && n < asked) break;
  }
  return length > cap ? { bytes: buffer.subarray(0, cap), more: true } : { bytes: buffer.subarray(0, length), more: false };
}

/** The first `length` bytes of an open file. */
export function readHead(fd: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let n = 0;
  for (let got = -1; got !== 0 && n < length; n += got) got = inputFs.readAt(fd, buffer, n, length - n, n);
  return buffer.subarray(0, n);
}

/** A regular file's bytes, read through its descriptor, when there are at most `cap` of them; else its first `headBytes` (default 64 KiB). */
export function readBounded(absPath: string, cap: number, options: OpenOptions & { headBytes?: number } = {}): BoundedRead {
  const opened = openRegular(absPath, options);
  if (isFailure(opened)) return opened;
  try {
    if (opened.size > cap) return { oversized: true, size: opened.size, head: readHead(opened.fd, Math.min(cap, options.headBytes ?? 64 * 1024)) };
    const read = readOpened(opened.fd, cap, opened.size);
    if (read.more) return { oversized: true, size: Math.max(opened.size, cap + 1), head: read.bytes.subarray(0, options.headBytes ?? 64 * 1024) };
    return { bytes: read.bytes, size: opened.size };
  } catch (err) {
    return { problem: 'error', error: err };
  } finally {
    inputFs.close(opened.fd);
  }
}

/**
 * The text of a file the user points mamori at (configuration, parameters, baseline, rule files),
 * read as UTF-8 within `cap` bytes. Throws an error whose message says, in a few words, why it
 * could not be read; callers put it after the file's name.
 */
export function readInputText(absPath: string, cap: number): string {
  const read = readBounded(absPath, cap);
  if ('bytes' in read) return read.bytes.toString('utf8');
  if ('oversized' in read) throw new Error(`it is larger than mamori's ${mib(cap)} limit for this file`);
  throw new Error(failureText(read));
}

/** A failure in words, as in "Cannot read file: <this>". */
export function failureText(failure: OpenFailure): string {
  switch (failure.problem) {
    case 'not-regular':
      return `it is ${failure.kind}, not a regular file`;
    case 'outside':
      return `it resolves to ${quoted(failure.target)}, outside the scanned folders`;
    default:
      return errorText(failure.error);
  }
}

export function kindOf(info: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Whether a real path is one of the roots or inside one. */
export function insideRoots(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

/**
 * The real path of the file an open descriptor refers to: from `/proc/self/fd` where there is one
 * (it names the file that was opened, whatever the path names now), else the path's real path
 * when it still leads to that same file.
 */
function openedPath(fd: number, absPath: string): string | undefined {
  if (process.platform === 'linux') {
    try {
      return inputFs.readlink(`/proc/self/fd/${fd}`).replace(/ \(deleted\)$/, '');
    } catch {
      // No /proc mounted (some containers): as on other systems.
    }
  }
  try {
    const real = inputFs.realpath(absPath);
    const now = inputFs.stat(real);
    const opened = inputFs.fstat(fd);
    return now.dev === opened.dev && now.ino === opened.ino ? real : undefined;
  } catch {
    return undefined;
  }
}

/** A path written so that control characters (a line break, an escape sequence) in it show as escapes. */
export function quoted(p: string): string {
  return JSON.stringify(p);
}

export const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

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
  return err instanceof Error ? err.message.split('\n')[0] || String(err) : String(err);
}
