import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotJson } from '../../../test/snapshot-builder.js';
import { MAX_FILE_BYTES } from './files/read.js';
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
});
