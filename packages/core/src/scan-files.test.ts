import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotJson } from '../../../test/snapshot-builder.js';
import { MAX_FILE_BYTES, MAX_SNAPSHOT_BYTES } from './files/read.js';
import { scan } from './scan.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file size limits', () => {
  it('an account snapshot may be larger than any template; a template that large is skipped', async () => {
    const padding = ' '.repeat(MAX_FILE_BYTES + 1024);
    writeFileSync(path.join(dir, 'account.json'), `${snapshotJson()}${padding}`);
    const huge = `AWSTemplateFormatVersion: "2010-09-09"\n#${padding}\nResources: {}\n`;
    writeFileSync(path.join(dir, 'huge.yaml'), huge);
    const result = await scan({ paths: ['.'], cwd: dir, rules: [] });
    expect(result.snapshots).toEqual(['account.json']);
    expect(result.notifications).toEqual([
      {
        level: 'error',
        code: 'skipped',
        file: 'huge.yaml',
        message: `Not scanned: ${huge.length.toLocaleString('en-US')} bytes (20.0 MiB) is over mamori's 20.0 MiB limit for a template file (CloudFormation accepts at most 1 MB)`,
      },
    ]);
  });

  it('a snapshot over the snapshot limit is an error even found in a folder, never a quiet pass', async () => {
    const sub = path.join(dir, 'over');
    mkdirSync(sub);
    const file = path.join(sub, 'account.json');
    writeFileSync(file, snapshotJson());
    // Sparse: the size is on record, the disk holds the text alone.
    truncateSync(file, MAX_SNAPSHOT_BYTES + 1);
    const result = await scan({ paths: ['.'], cwd: sub, rules: [] });
    expect(result.snapshots).toBeUndefined();
    expect(result.notifications).toEqual([
      {
        level: 'error',
        code: 'skipped',
        file: 'account.json',
        message:
          "Not scanned: an account snapshot of 524,288,001 bytes (500.0 MiB) is over mamori's 500.0 MiB limit for a snapshot; collect fewer regions into each (mamori collect --region)",
      },
    ]);
  });
});
