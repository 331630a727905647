import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { inputFs } from '../files/input-fs.js';
import { MAX_FILE_BYTES } from '../files/read.js';
import { scan } from '../scan.js';
import { loadSnapshot, loadSnapshotFile } from './load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mamori-large-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

interface Group {
  GroupId: string;
  Description?: string;
  [key: string]: unknown;
}

/**
 * The example account with its first region's security groups copied over and over (each with
 * its own id), until the file is over the template limit: a snapshot read from its file.
 */
function largeSnapshot(name: string, description: (i: number) => string): string {
  const doc = JSON.parse(readFileSync(new URL('../../../../examples/snapshot/account.json', import.meta.url), 'utf8')) as {
    regional: Record<string, { ec2: { DescribeSecurityGroups: { SecurityGroups: Group[] } } }>;
  };
  const region = Object.values(doc.regional)[0];
  if (!region) throw new Error('no region');
  const groups = region.ec2.DescribeSecurityGroups.SecurityGroups;
  const originals = [...groups];
  const each = JSON.stringify(originals, null, 2).length / originals.length;
  for (let i = 0; i * each < MAX_FILE_BYTES * 1.05; i++) {
    const g = originals[i % originals.length] as Group;
    groups.push({ ...g, GroupId: `sg-${String(i).padStart(17, '0')}`, Description: description(i) });
  }
  const file = path.join(dir, name);
  const text = JSON.stringify(doc, null, 2);
  expect(text.length).toBeGreaterThan(MAX_FILE_BYTES);
  writeFileSync(file, text);
  return file;
}

const summary = (r: Awaited<ReturnType<typeof scan>>) =>
  r.findings.map((f) => [f.ruleId, f.location.line, f.location.column, f.location.endLine, f.location.endColumn, f.message]);

describe('an account snapshot over the template limit', () => {
  it('is read from its file into what its text gives: snapshot, entities, locations and warnings', () => {
    const file = largeSnapshot('large.json', (i) => `copy ${i}`);
    const fromFile = loadSnapshotFile(file, 'large.json', rules);
    expect(fromFile).toBeDefined();
    const fromText = loadSnapshot('large.json', readFileSync(file, 'utf8'), rules);
    expect(fromFile?.entities.length).toBeGreaterThan(10_000);
    expect(fromFile?.notifications.length).toBeGreaterThan(0);
    expect(fromFile).toEqual(fromText);
  });

  it('is left to the text path when it cannot be streamed, or has no marker among its top-level keys', () => {
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    expect(loadSnapshotFile(write('nested.json', '{"x": {"mamoriSnapshot": 1}}'), 'nested.json', rules)).toBeUndefined();
    expect(loadSnapshotFile(write('comment.json', '{"mamoriSnapshot": 1 /* x */}'), 'comment.json', rules)).toBeUndefined();
    expect(loadSnapshotFile(path.join(dir, 'missing.json'), 'missing.json', rules)).toBeUndefined();
    // Streamed, and found wanting by the schema like any other snapshot.
    const invalid = loadSnapshotFile(write('invalid.json', '{"mamoriSnapshot": 1}'), 'invalid.json', rules);
    expect(invalid?.notifications[0]).toEqual(expect.objectContaining({ code: 'invalid-snapshot', file: 'invalid.json', line: 1, column: 1 }));
    expect(invalid).toEqual(loadSnapshot('invalid.json', '{"mamoriSnapshot": 1}', rules));
  });

  it('is read again as text when the file changed while it was loaded', () => {
    const file = path.join(dir, 'changing.json');
    writeFileSync(file, readFileSync(new URL('../../../../examples/snapshot/account.json', import.meta.url)));
    const real = inputFs.fstat;
    let calls = 0;
    vi.spyOn(inputFs, 'fstat').mockImplementation((fd: number) => {
      const info = real(fd);
      calls++;
      return calls === 1 ? info : Object.assign(info, { mtimeMs: info.mtimeMs + 1000 });
    });
    expect(loadSnapshotFile(file, 'changing.json', rules)).toBeUndefined();
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect(loadSnapshotFile(file, 'changing.json', rules)?.entities.length).toBeGreaterThan(0);
  });

  it('is scanned without reading it whole; one with non-ASCII text is read whole, with the same findings', async () => {
    const ascii = largeSnapshot('ascii.json', (i) => `rule set ${i}`);
    // As long in UTF-16 code units, which columns count: the same locations.
    const accented = largeSnapshot('accented.json', (i) => `rulé set ${i}`);
    // The text path asks for the whole file in one read; the stream reads a window at a time.
    const read = vi.spyOn(inputFs, 'readAt');
    const wholeReads = () => read.mock.calls.filter(([, , , length]) => length > MAX_FILE_BYTES).length;
    const a = await scan({ paths: [ascii], cwd: dir, rules });
    expect(wholeReads()).toBe(0);
    const b = await scan({ paths: [accented], cwd: dir, rules });
    expect(wholeReads()).toBe(1);
    expect(a.snapshots).toEqual(['ascii.json']);
    expect(b.snapshots).toEqual(['accented.json']);
    expect(a.findings.length).toBeGreaterThan(1000);
    expect(summary(a)).toEqual(summary(b));
  });

  it('a read that fails while it is streamed leaves the file to the text path, which reads it or reports it', async () => {
    const file = largeSnapshot('flaky.json', (i) => `flaky ${i}`);
    const streamed = await scan({ paths: [file], cwd: dir, rules });
    // Reads of the stream's window fail; the text path's read of the first 64 KiB, and then of the whole file, do not.
    const readAt = inputFs.readAt;
    const failing = vi.spyOn(inputFs, 'readAt').mockImplementation((fd, buffer, offset, length, position) => {
      if (length > 64 * 1024 && length <= 1024 * 1024) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      return readAt(fd, buffer, offset, length, position);
    });
    expect(loadSnapshotFile(file, 'flaky.json', rules)).toBeUndefined();
    const a = await scan({ paths: [file], cwd: dir, rules });
    expect(failing).toHaveBeenCalled();
    expect(a.snapshots).toEqual(['flaky.json']);
    expect(a.findings.length).toBeGreaterThan(1000);
    expect(summary(a)).toEqual(summary(streamed));
    failing.mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    });
    const b = await scan({ paths: [file], cwd: dir, rules });
    expect(b.snapshots).toBeUndefined();
    expect(b.notifications).toEqual([
      expect.objectContaining({ level: 'error', code: 'read-error', file: 'flaky.json', message: 'Cannot read file: input/output error' }),
    ]);
  });
});
