import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { inputFs } from '../files/input-fs.js';
import { MAX_FILE_BYTES } from '../files/read.js';
import { scan } from '../scan.js';
import { loadSnapshot } from './read.js';

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
 * its own id), until the file is over the template limit.
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
  it('is scanned whole, as its text loads: entities, locations and warnings', async () => {
    const file = largeSnapshot('large.json', (i) => `copy ${i}`);
    const fromText = loadSnapshot('large.json', readFileSync(file, 'utf8'), rules);
    expect(fromText.entities.length).toBeGreaterThan(10_000);
    const a = await scan({ paths: [file], cwd: dir, rules });
    expect(a.snapshots).toEqual(['large.json']);
    expect(a.findings.length).toBeGreaterThan(1000);
    expect(a.notifications).toEqual(fromText.notifications);
  });

  it('one with non-ASCII text gives the same findings, columns counted in UTF-16 code units', async () => {
    const ascii = largeSnapshot('ascii.json', (i) => `rule set ${i}`);
    // As long in UTF-16 code units, which columns count: the same locations.
    const accented = largeSnapshot('accented.json', (i) => `rulé set ${i}`);
    const a = await scan({ paths: [ascii], cwd: dir, rules });
    const b = await scan({ paths: [accented], cwd: dir, rules });
    expect(a.snapshots).toEqual(['ascii.json']);
    expect(b.snapshots).toEqual(['accented.json']);
    expect(a.findings.length).toBeGreaterThan(1000);
    expect(summary(a)).toEqual(summary(b));
  });

  it('a read that fails is reported, naming the file', async () => {
    const file = largeSnapshot('flaky.json', (i) => `flaky ${i}`);
    vi.spyOn(inputFs, 'readAt').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    });
    const b = await scan({ paths: [file], cwd: dir, rules });
    expect(b.snapshots).toBeUndefined();
    expect(b.notifications).toEqual([
      expect.objectContaining({ level: 'error', code: 'read-error', file: 'flaky.json', message: 'Cannot read file: input/output error' }),
    ]);
  });
});
