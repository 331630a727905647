import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inputFs } from './files/input-fs.js';
import { toHtml } from './reporters/html.js';
import { toJson } from './reporters/json.js';
import { toSarif } from './reporters/sarif.js';
import { toStylish } from './reporters/stylish.js';
import { type ScanResult, scan } from './scan.js';

/** The same input gives the same bytes, whatever the order of the paths given or of the folder listings. */

const repo = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-determinism-'));
  cpSync(path.join(repo, 'examples', 'templates'), path.join(dir, 'templates'), { recursive: true });
  cpSync(path.join(repo, 'examples', 'snapshot'), path.join(dir, 'snapshot'), { recursive: true });
  // Inputs that give notifications of every kind, in both folders.
  writeFileSync(path.join(dir, 'templates', 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n");
  writeFileSync(path.join(dir, 'templates', 'commented.json'), '{\n  // c\n  "Resources": {"Q": {"Type": "AWS::SQS::Queue"}},\n}\n');
  writeFileSync(path.join(dir, 'snapshot', 'latin1.yaml'), Buffer.from('AWSTemplateFormatVersion: x\nDescription: \xe9\n', 'latin1'));
  writeFileSync(
    path.join(dir, 'snapshot', 'cycle.yaml'),
    'Resources:\n  A: {Type: AWS::SNS::Topic, DependsOn: B}\n  B: {Type: AWS::SNS::Topic, DependsOn: A}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

const reports = (result: ScanResult): Record<string, string> => ({
  sarif: JSON.stringify(toSarif(result), null, 2),
  json: toJson(result),
  html: toHtml(result),
  stylish: toStylish(result, { color: false }),
});

describe('deterministic reports', () => {
  let reference: Record<string, string>;
  beforeAll(async () => {
    reference = reports(await scan({ paths: ['templates', 'snapshot'], cwd: dir, rules }));
  });

  it('the reference scan has findings and notifications of several kinds, so the comparisons mean something', () => {
    const report = JSON.parse(reference.json ?? '{}') as { findings: unknown[]; notifications: { code: string }[] };
    expect(report.findings.length).toBeGreaterThan(20);
    expect(new Set(report.notifications.map((n) => n.code))).toEqual(new Set(['parse-error', 'read-error', 'not-deployable', 'not-evaluated']));
  });

  it('scanning the same folders twice gives the same bytes in every format', async () => {
    expect(reports(await scan({ paths: ['templates', 'snapshot'], cwd: dir, rules }))).toEqual(reference);
  });

  it('folders given in the other order give the same bytes', async () => {
    expect(reports(await scan({ paths: ['snapshot', 'templates'], cwd: dir, rules }))).toEqual(reference);
  });

  it('files also named one by one, before or after their folder, change nothing', async () => {
    const named = ['templates/bad/web-stack.yaml', 'snapshot/account.json'];
    const before = reports(await scan({ paths: [...named, 'snapshot', 'templates'], cwd: dir, rules }));
    const after = reports(await scan({ paths: ['templates', 'snapshot', ...named.reverse()], cwd: dir, rules }));
    expect(before).toEqual(reference);
    expect(after).toEqual(reference);
  });

  it('folder listings in another order (as another file system returns them) give the same bytes', async () => {
    const readdir = inputFs.readdir;
    for (const order of ['reverse', 'shuffle'] as const) {
      let seed = 7;
      vi.spyOn(inputFs, 'readdir').mockImplementation((p: string) => {
        const entries = readdir(p);
        if (order === 'reverse') return entries.reverse();
        // A fixed shuffle (a small linear congruential generator), different for every folder.
        return entries
          .map((e) => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return { e, k: seed };
          })
          .sort((a, b) => a.k - b.k)
          .map(({ e }) => e);
      });
      expect(reports(await scan({ paths: ['templates', 'snapshot'], cwd: dir, rules })), order).toEqual(reference);
      vi.restoreAllMocks();
    }
  });
});
