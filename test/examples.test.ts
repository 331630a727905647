import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINGERPRINT_KEY, scan, toSarif } from '@mamori/core';
import { describe, expect, it } from 'vitest';
import { multitoolIssues, schemaErrors } from './sarif-validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the bundled examples', () => {
  it('every bad example has findings and no good example has any', async () => {
    const result = await scan({ paths: ['examples'], cwd: root });
    // The example account snapshot records one call that failed (a trail bucket owned elsewhere), as real ones do.
    expect(result.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'not-evaluated',
        file: 'examples/snapshot/account.json',
        message: expect.stringMatching(/^s3 GetBucketLifecycleConfiguration for acme-legacy-trail-logs failed with AccessDenied/),
      }),
    ]);
    expect(result.snapshots).toEqual(['examples/snapshot/account.json', 'examples/snapshot/sandbox-account.json']);
    const badFiles = result.files.filter((f) => f.includes('/bad/'));
    expect(badFiles.length).toBeGreaterThan(0);
    for (const f of badFiles)
      expect(
        result.findings.some((x) => x.location.file === f),
        f,
      ).toBe(true);
    expect(result.findings.filter((f) => f.location.file.includes('/good/'))).toEqual([]);
    // Each rule shows up in the examples at least once.
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(new Set(result.rules.map((r) => r.id)));
  });

  it('their SARIF is valid against the SARIF 2.1.0 schema and has what GitHub needs', async () => {
    const sarif = toSarif(await scan({ paths: ['examples'], cwd: root }));
    expect(schemaErrors(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run?.automationDetails?.id).toBe('mamori/');
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule.help?.markdown).toMatch(/## Fix/);
      if (rule.properties?.tags?.includes('cost')) expect(rule.properties?.['security-severity']).toBeUndefined();
      else {
        expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
        expect(rule.properties?.tags).toContain('security');
      }
    }
    for (const r of run?.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(loc?.artifactLocation?.uri).toMatch(/^examples\//);
      expect(loc?.region).toEqual({
        startLine: expect.any(Number),
        startColumn: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
      });
      expect(r.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('sarif-multitool validate --rule-kind "Gh;Sarif" reports no error and no warning', async () => {
    const sarif = toSarif(await scan({ paths: ['examples'], cwd: root }));
    expect(multitoolIssues(sarif)).toEqual([]);
  });

  it('a parse error becomes a toolExecutionNotification that still validates', async () => {
    const sarif = toSarif(await scan({ paths: ['examples', 'test/fixtures/broken-template.yaml'], cwd: root }));
    const invocation = sarif.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications?.filter((n) => n.descriptor?.id !== 'not-evaluated')).toEqual([
      expect.objectContaining({
        level: 'error',
        descriptor: { id: 'parse-error' },
        locations: [
          {
            physicalLocation: expect.objectContaining({
              artifactLocation: { uri: 'test/fixtures/broken-template.yaml', uriBaseId: '%SRCROOT%' },
              region: expect.objectContaining({ startLine: 7 }),
            }),
          },
        ],
      }),
    ]);
    expect(schemaErrors(sarif)).toEqual([]);
    expect(multitoolIssues(sarif)).toEqual([]);
  });
});

describe('the library example', () => {
  it('scans with the security rules only and writes SARIF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-library-'));
    try {
      const run = spawnSync(process.execPath, [path.join(root, 'examples/library/scan.mjs'), path.join(root, 'examples/templates/bad')], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/ error MAM101 Security group WebSecurityGroup allows SSH/);
      expect(run.stdout).not.toMatch(/ MAM7\d\d /);
      const sarif = JSON.parse(readFileSync(path.join(dir, 'mamori.sarif'), 'utf8')) as { runs: { automationDetails: { id: string } }[] };
      expect(sarif.runs[0]?.automationDetails.id).toBe('mamori/security');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
