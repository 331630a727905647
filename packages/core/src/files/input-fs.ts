import { open, readdir, readFile, stat } from 'node:fs/promises';

/**
 * The file system calls input reading goes through: a seam, so tests can make a read fail the way
 * a permission or an I/O error would (running as root, `chmod 000` stops nothing).
 */
export const inputFs = {
  stat: (p: string) => stat(p),
  readFile: (p: string) => readFile(p),
  readdir: (p: string) => readdir(p, { withFileTypes: true }),
  /** The first `length` bytes of a file. */
  head: async (p: string, length: number): Promise<Buffer> => {
    const handle = await open(p, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};
