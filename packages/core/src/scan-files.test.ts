import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotJson } from '../../../test/snapshot-builder.js';
import { scan } from './scan.js';
import { MAX_FILE_BYTES } from './scan-files.js';

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
      { level: 'warning', code: 'skipped', file: 'huge.yaml', message: `Skipped: ${huge.length} bytes is over the ${MAX_FILE_BYTES}-byte limit` },
    ]);
  });
});
