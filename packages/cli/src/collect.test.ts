import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, everyCallBut, type FakeAws, HANG, queryError, type Routes, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { main } from './main.js';

/** `collect` and `scan --account` say when a snapshot is incomplete, and exit 3 unless told to accept it. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-collect-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function serve(routes: Routes): Promise<void> {
  aws = await startFakeAws(routes);
  restore = useFakeAwsEnv(aws.url);
  process.env.AWS_MAX_ATTEMPTS = '2';
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: dir,
    color: false,
  });
  return { code, stdout, stderr };
}

const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const deniedUsers = () =>
  everyCallBut(emptyAccountRoutes(), (req) => (req.operation === 'ListUsers' ? queryError('AccessDenied', 'not allowed', 403) : undefined));

describe('a collection with failed calls', () => {
  it('writes the snapshot marked incomplete, says how many calls failed and which rules that blinds, and exits 3', async () => {
    await serve(deniedUsers());
    const { code, stderr } = await run(['collect', '-o', 'denied.json', '--quiet']);
    expect(code).toBe(3);
    expect(stderr).toBe(
      'mamori: denied.json is incomplete: calls failed while it was collected; 1 of 24 calls failed or were not made (1 AccessDenied); rules not evaluated in full: MAM202 iam-user-direct-policy, MAM209 iam-access-key-unused, MAM210 iam-access-key-not-rotated, MAM211 iam-console-user-without-mfa, MAM213 iam-user-inactive, MAM214 iam-console-user-unused-key, MAM215 iam-user-no-group. Scan it to see where\n',
    );
    expect(read('denied.json')).toMatchObject({ incomplete: { reason: 'failed-calls' }, errors: [{ operation: 'ListUsers', code: 'AccessDenied' }] });
  });

  it('--allow-incomplete accepts it: exit 0, and it is still said', async () => {
    await serve(deniedUsers());
    const { code, stderr } = await run(['collect', '-o', 'denied.json', '--quiet', '--allow-incomplete']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^mamori: denied\.json is incomplete: calls failed while it was collected; 1 of 24 calls/);
  });

  it('scan --account scans what was read, warns that the snapshot is incomplete, and exits 3 (or by the findings with --allow-incomplete)', async () => {
    await serve(deniedUsers());
    const scanned = await run(['scan', '--account', '--snapshot-output', 'account.json', '--quiet']);
    expect(scanned.code).toBe(3);
    // First under the file: the mark is near the top of the snapshot.
    expect(scanned.stdout).toMatch(
      /^account\.json\n {2}\d+:\d+ +warning +Incomplete account snapshot: calls failed while it was collected \(1 failed call recorded\); rules not evaluated in full: MAM202 /m,
    );
    // The empty account has no trail: that finding is still made.
    expect(scanned.stdout).toContain('cloudtrail-missing');
    const allowed = await run(['scan', '--account', '--snapshot-output', 'account.json', '--quiet', '--allow-incomplete']);
    expect(allowed.code).toBe(1);
    const none = await run(['scan', '--account', '--snapshot-output', 'account.json', '--quiet', '--allow-incomplete', '--fail-on', 'none']);
    expect(none.code).toBe(0);
  });

  it('a snapshot read in full exits 0 and is not marked', async () => {
    await serve(emptyAccountRoutes());
    const { code, stderr } = await run(['collect', '-o', 'full.json', '--quiet']);
    expect([code, stderr]).toEqual([0, '']);
    expect(read('full.json').incomplete).toBeUndefined();
  });
});

describe('an endpoint that never answers', () => {
  it('--request-timeout bounds each attempt; the endpoint is named as it is given up; exit 3', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.service === 'rds' ? HANG : undefined)));
    const { code, stderr } = await run(['collect', '-o', 'silent.json', '--request-timeout', '0.5']);
    expect(code).toBe(3);
    expect(stderr).toContain(
      'mamori: the rds endpoint in eu-west-1 did not answer (DescribeDBInstances: no answer within 0.5 s, 2 attempts); its other calls are not made\n',
    );
    expect(stderr).toMatch(
      /silent\.json is incomplete: calls failed while it was collected; 3 of 24 calls failed or were not made \(3 TimeoutError\); rules not evaluated in full: .*MAM601 rds-not-multi-az/,
    );
    expect(read('silent.json').errors.map((e: { operation: string; message: string }) => [e.operation, e.message])).toEqual([
      ['DescribeDBClusters', 'not called: the rds endpoint in eu-west-1 did not answer (DescribeDBInstances failed with TimeoutError)'],
      ['DescribeDBInstances', 'no answer within 0.5 s, 2 attempts'],
      ['DescribeDBSubnetGroups', 'not called: the rds endpoint in eu-west-1 did not answer (DescribeDBInstances failed with TimeoutError)'],
    ]);
  });

  it('--deadline stops the whole collection and writes what was read; --allow-incomplete accepts that', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.service === 'cloudtrail' ? HANG : undefined)));
    const stopped = await run(['collect', '-o', 'late.json', '--quiet', '--deadline', '2']);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(
      /^mamori: late\.json is incomplete: the collection ran out of time \(its deadline passed\); 2 of 24 calls failed or were not made \(2 CollectionTimeout\);/,
    );
    expect(read('late.json').incomplete).toEqual({ reason: 'timeout' });
    expect((await run(['collect', '-o', 'late.json', '--quiet', '--deadline', '2', '--allow-incomplete'])).code).toBe(0);
  });
});

describe('options', () => {
  it('a --profile that does not exist is named', async () => {
    await serve(emptyAccountRoutes());
    const config = path.join(dir, 'aws-config');
    writeFileSync(config, '[profile audit]\nregion = eu-west-1\n');
    process.env.AWS_CONFIG_FILE = config;
    const { code, stderr } = await run(['collect', '-o', 'x.json', '--profile', 'auditor']);
    expect(code).toBe(2);
    expect(stderr).toBe(`mamori: No AWS profile named "auditor" in ${config} or /nonexistent/mamori-credentials\n`);
  });

  it('times are positive numbers of seconds', async () => {
    for (const [option, value] of [
      ['--deadline', 'soon'],
      ['--request-timeout', '0'],
      ['--connect-timeout', '-1'],
    ]) {
      const { code, stderr } = await run(['collect', '-o', 'x.json', option ?? '', value ?? '']);
      expect(code).toBe(2);
      expect(stderr).toContain(`error: option '${option} <seconds>' argument '${value}' is invalid. not a positive number of seconds.`);
    }
  });

  it('--help documents the exit code, the bounds and --allow-incomplete', async () => {
    const top = await run(['--help']);
    expect(top.stdout).toContain('  3  collect, scan --account: the account snapshot is incomplete');
    const help = await run(['collect', '--help']);
    expect(help.stdout).toMatch(/--deadline <seconds>/);
    expect(help.stdout).toMatch(/--allow-incomplete/);
    expect(help.stdout).toContain('Every attempt of a call has 5 s to connect and 20 s to answer in full');
  });
});
