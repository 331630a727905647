import { closeSync, type Dirent, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * The file system calls input reading goes through: a seam, so tests can make a read fail the way
 * a permission or an I/O error would (running as root, `chmod 000` stops nothing). Files and folders
 * are read synchronously: a scan reads thousands of small files, on worker threads as well as the
 * main one, and a promise per call costs more than the read (a monorepo's thousands of folders took
 * a second and a half listed one awaited promise at a time).
 */
export const inputFs = {
  stat: (p: string) => statSync(p),
  readFile: (p: string): Buffer => readFileSync(p),
  readdir: (p: string): Dirent[] => readdirSync(p, { withFileTypes: true }),
  open: (p: string): number => openSync(p, 'r'),
  /** Up to `length` bytes at `position` of an open file, into `buffer` at `offset`: how many were read. */
  readAt: (fd: number, buffer: Buffer, offset: number, length: number, position: number): number => readSync(fd, buffer, offset, length, position),
  fstat: (fd: number) => fstatSync(fd),
  close: (fd: number): void => closeSync(fd),
  /** The first `length` bytes of a file. */
  head: (p: string, length: number): Buffer => {
    const fd = openSync(p, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const bytesRead = readSync(fd, buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      closeSync(fd);
    }
  },
};
