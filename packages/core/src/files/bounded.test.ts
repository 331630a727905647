import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBounded, readInputText } from './bounded.js';
import { inputFs } from './input-fs.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-bounded-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Bytes asked of the file system across all reads. */
function countReads(): () => number {
  const read = vi.spyOn(inputFs, 'readAt');
  return () => read.mock.calls.reduce((sum, [, , , length]) => sum + length, 0);
}

describe('readBounded', () => {
  it('reads a regular file whole when it is within the cap', () => {
    writeFileSync(path.join(dir, 'a.txt'), 'hello');
    const read = readBounded(path.join(dir, 'a.txt'), 5);
    expect('bytes' in read && read.bytes.toString()).toBe('hello');
  });

  it('refuses devices that stream without end, named directly or through a link, without reading a byte', () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const asked = countReads();
    for (const p of ['/dev/zero', '/dev/urandom', path.join(dir, 'zero.txt')]) {
      expect(readBounded(p, 1024)).toEqual({ problem: 'not-regular', kind: 'a device' });
    }
    expect(asked()).toBe(0);
  });

  it('a named pipe is opened without waiting for a writer, and refused', () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(readBounded(fifo, 1024)).toEqual({ problem: 'not-regular', kind: 'a named pipe (FIFO)' });
  });

  it('a /proc file that says it has 0 bytes is read no further than the cap', () => {
    const asked = countReads();
    const read = readBounded('/proc/self/pagemap', 64 * 1024);
    // pagemap has 8 bytes for every page of the address space.
    expect(read).toEqual(expect.objectContaining({ oversized: true }));
    expect(asked()).toBeLessThanOrEqual(64 * 1024 + 1);
  });

  it('a file whose size says 0 but that holds more than the cap is oversized, read no further', () => {
    const file = path.join(dir, 'streams');
    writeFileSync(file, 'x'.repeat(10_000));
    const fstat = inputFs.fstat;
    vi.spyOn(inputFs, 'fstat').mockImplementation((fd) => Object.assign(fstat(fd), { size: 0 }));
    const asked = countReads();
    const read = readBounded(file, 1000);
    expect(read).toEqual(expect.objectContaining({ oversized: true, size: 1001 }));
    expect(asked()).toBe(1001);
  });

  it('a file that grew after fstat is read no further than the cap', () => {
    const file = path.join(dir, 'grown');
    writeFileSync(file, 'x'.repeat(5000));
    const fstat = inputFs.fstat;
    vi.spyOn(inputFs, 'fstat').mockImplementation((fd) => Object.assign(fstat(fd), { size: 10 }));
    const asked = countReads();
    expect(readBounded(file, 100)).toEqual(expect.objectContaining({ oversized: true }));
    expect(asked()).toBeLessThanOrEqual(101);
  });

  it('a file over the cap by its size is not read, apart from its head', () => {
    const file = path.join(dir, 'big');
    writeFileSync(file, 'y'.repeat(100_000));
    const asked = countReads();
    const read = readBounded(file, 50_000, { headBytes: 10 });
    expect(read).toEqual({ oversized: true, size: 100_000, head: Buffer.from('y'.repeat(10)) });
    expect(asked()).toBe(10);
  });

  it('with roots, a file reached through a folder that links out of them is refused unread; inside them it is read', () => {
    const root = path.join(dir, 'root');
    const outside = path.join(dir, 'outside');
    mkdirSync(path.join(root, 'real'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    writeFileSync(path.join(root, 'real', 'ok.txt'), 'ok');
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    const asked = countReads();
    expect(readBounded(path.join(root, 'escape', 'secret.txt'), 100, { roots: [root] })).toEqual({
      problem: 'outside',
      target: path.join(outside, 'secret.txt'),
    });
    expect(asked()).toBe(0);
    const inside = readBounded(path.join(root, 'alias', 'ok.txt'), 100, { roots: [root] });
    expect('bytes' in inside && inside.bytes.toString()).toBe('ok');
  });

  it('with noFollow, a symbolic link is refused (as git reads no .gitignore through one)', () => {
    writeFileSync(path.join(dir, 'target'), 'x');
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'));
    expect(readBounded(path.join(dir, 'link'), 100, { noFollow: true })).toEqual({ problem: 'not-regular', kind: 'a symbolic link' });
  });
});

describe('readInputText (configuration, parameter, baseline and rule files)', () => {
  it('says in a few words why a file cannot be read', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    writeFileSync(path.join(dir, 'big.json'), 'x'.repeat(2000));
    expect(() => readInputText('/dev/zero', 1000)).toThrow(/^it is a device, not a regular file$/);
    expect(() => readInputText(path.join(dir, 'pipe.yaml'), 1000)).toThrow(/^it is a named pipe \(FIFO\), not a regular file$/);
    expect(() => readInputText(path.join(dir, 'big.json'), 1000)).toThrow(/^it is larger than mamori's 0\.0 MiB limit for this file$/);
    expect(() => readInputText(path.join(dir, 'missing.json'), 1000)).toThrow(/^no such file$/);
  });
});
