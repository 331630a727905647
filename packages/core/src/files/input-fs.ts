import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';

/**
 * Opening never waits (a FIFO would block `open` until a writer came), never makes a terminal
 * the process's controlling one, and, with `noFollow`, refuses a symbolic link as the last part of
 * the path. The flags that do not exist on a platform are left out.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * The file system calls input reading goes through: a seam, so tests can make a read fail the way
 * a permission or an I/O error would (running as root, `chmod 000` stops nothing). There is no
 * whole-file read here on purpose: content is read through `readBounded` (bounded.ts), which reads
 * at most its cap through the descriptor. Files and folders are read synchronously: a scan reads
 * thousands of small files, on worker threads as well as the main one, and a promise per call costs
 * more than the read (a monorepo's thousands of folders took a second and a half listed one
 * awaited promise at a time).
 */
export const inputFs = {
  stat: (p: string) => statSync(p),
  lstat: (p: string) => lstatSync(p),
  realpath: (p: string): string => realpathSync(p),
  readlink: (p: string): string => readlinkSync(p),
  readdir: (p: string): Dirent[] => readdirSync(p, { withFileTypes: true }),
  open: (p: string, options: { noFollow?: boolean } = {}): number => openSync(p, OPEN_FLAGS | (options.noFollow ? NO_FOLLOW : 0)),
  /** Up to `length` bytes at `position` (or, with `null`, where the last read ended) of an open file, into `buffer` at `offset`: how many were read. */
  readAt: (fd: number, buffer: Buffer, offset: number, length: number, position: number | null): number => readSync(fd, buffer, offset, length, position),
  fstat: (fd: number) => fstatSync(fd),
  close: (fd: number): void => closeSync(fd),
};
