import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from './cli.js';
import { applyFixes } from './fix.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

const io = (cwd: string): CliIo => ({ stdout: () => undefined, stderr: () => undefined, cwd, color: false, env: {} });

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    color: false,
    env: {},
  });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TEMPLATE = [
  '# Orders database',
  'Mappings:',
  '  Env: { prod: { MultiAz: false } }',
  'Resources:',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres  # engine',
  '      DBSubnetGroupName: !Ref Subnets',
  '      StorageEncrypted: false',
  '      MultiAZ: false',
  '  Other:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      DBSubnetGroupName: !Ref Subnets',
  '      StorageEncrypted: true',
  '      MultiAZ: !FindInMap [Env, prod, MultiAz]',
  '',
].join('\r\n');

function project(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'db.yaml'), TEMPLATE);
  return dir;
}

describe('mamori fix', () => {
  it('--dry-run prints a unified diff and writes nothing', async () => {
    const dir = project('dry');
    const { code, stdout, stderr } = await run(['fix', '--dry-run', '.'], dir);
    // A fix left undone leaves a finding to deal with by hand.
    expect(code).toBe(1);
    expect(readFileSync(path.join(dir, 'db.yaml'), 'utf8')).toBe(TEMPLATE);
    expect(stdout).toContain('--- a/db.yaml\n+++ b/db.yaml\n');
    expect(stdout).toContain('-      StorageEncrypted: false\r\n-      MultiAZ: false\r\n+      StorageEncrypted: true\r\n+      MultiAZ: true\r\n');
    expect(stderr).toContain(
      'mamori: not fixed: db.yaml:18:16 MAM601 (the value of Resources/Other/Properties/MultiAZ comes from mapping Env: edit the mapping)',
    );
    expect(stderr).toContain('mamori: would fix 2 finding(s) in 1 file(s); 1 left unfixed');
  });

  it('writes the fixes, keeping the rest of the file, and a second run changes nothing', async () => {
    const dir = project('write');
    expect((await run(['fix', '.'], dir)).stderr).toContain('mamori: fixed 2 finding(s) in 1 file(s); 1 left unfixed');
    const fixed = readFileSync(path.join(dir, 'db.yaml'), 'utf8');
    expect(fixed).toBe(TEMPLATE.replace('StorageEncrypted: false', 'StorageEncrypted: true').replace('MultiAZ: false', 'MultiAZ: true'));
    const again = await run(['fix', '.'], dir);
    expect(again.stderr).toContain('mamori: fixed 0 finding(s) in 0 file(s); 1 left unfixed');
    expect(readFileSync(path.join(dir, 'db.yaml'), 'utf8')).toBe(fixed);
    expect((await run(['fix', '--dry-run', '.'], dir)).stdout).toBe('');
  });

  it('--rule keeps one rule, by id or by name', async () => {
    const dir = project('rule');
    await run(['fix', '--rule', 'rds-storage-unencrypted', '.'], dir);
    expect(readFileSync(path.join(dir, 'db.yaml'), 'utf8')).toBe(TEMPLATE.replace('StorageEncrypted: false', 'StorageEncrypted: true'));
    await run(['fix', '--rule', 'MAM601', '.'], dir);
    expect(readFileSync(path.join(dir, 'db.yaml'), 'utf8')).toBe(
      TEMPLATE.replace('StorageEncrypted: false', 'StorageEncrypted: true').replace('MultiAZ: false', 'MultiAZ: true'),
    );
  });

  it('never writes through a link, nor to a file outside the scanned paths', async () => {
    const outside = project('outside');
    const dir = path.join(tmp, 'linked');
    mkdirSync(dir);
    symlinkSync(path.join(outside, 'db.yaml'), path.join(dir, 'db.yaml'));
    const { stderr } = await run(['fix', '.'], dir);
    expect(readFileSync(path.join(outside, 'db.yaml'), 'utf8')).toBe(TEMPLATE);
    expect(stderr).toMatch(/fixed 0 finding\(s\) in 0 file\(s\)/);
  });

  it('refuses a finding whose file is a link or outside the scanned paths, even when a scan reported it', async () => {
    const outside = project('outside-2');
    const dir = path.join(tmp, 'linked-2');
    mkdirSync(dir);
    symlinkSync(path.join(outside, 'db.yaml'), path.join(dir, 'db.yaml'));
    const scanned = await runScan([outside], { format: 'json', failOn: 'none', config: false }, io(outside));
    expect(scanned.findings.filter((f) => f.fix)).toHaveLength(3);
    const viaLink = { ...scanned, root: dir };
    const outcome = await applyFixes(viaLink, ['.'], io(dir), { dryRun: false });
    expect(outcome.refused.map((r) => r.reason)).toEqual(Array(3).fill('the file is a symbolic link, which is never written through'));
    const elsewhere = await applyFixes(scanned, [dir], io(dir), { dryRun: false });
    expect(elsewhere.refused.map((r) => r.reason)).toEqual(Array(3).fill('the file is outside the scanned paths'));
    expect(readFileSync(path.join(outside, 'db.yaml'), 'utf8')).toBe(TEMPLATE);
  });

  it("--dry-run shows a template's control characters written out, never as they are", async () => {
    const dir = path.join(tmp, 'steering');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'db.yaml'), TEMPLATE.replace('# engine', '# \u001b[2J\u001b]0;owned\u0007 engine'));
    const { stdout } = await run(['fix', '--dry-run', '.'], dir);
    expect(stdout).toContain('+      StorageEncrypted: true\r\n');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('# \\x1b[2J\\x1b]0;owned\\x07 engine');
  });
});
