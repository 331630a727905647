import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAws, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { type FakeMember, openSshGroup, organizationRoutes } from '../../../test/fake-org.js';
import { main } from './main.js';

// `mamori collect --org` against the fake organisation (test/fake-org.ts), through the real SDK.

const MEMBERS: FakeMember[] = [
  { id: '222222222222', name: 'prod', routes: openSshGroup('222222222222') },
  { id: '333333333333', name: 'staging' },
  { id: '444444444444', name: 'sandbox', roles: [] },
  { id: '555555555555', name: 'closed-shop', state: 'SUSPENDED' },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-org-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function run(args: string[], members = MEMBERS) {
  aws = await startFakeAws(organizationRoutes(members));
  restore = useFakeAwsEnv(aws.url);
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

describe('collect --org', () => {
  it('writes a snapshot per collected account and a summary, says the failed and skipped accounts, and exits 3 for the failed one', async () => {
    const { code, stderr } = await run(['collect', '--org', '--role-name', 'mamori-audit', '--out-dir', 'org', '--region', 'eu-west-1']);
    expect(code).toBe(3);
    expect(readdirSync(path.join(dir, 'org')).sort()).toEqual(['222222222222.json', '333333333333.json', 'mamori-org-summary.json']);
    expect(stderr).toContain(
      'mamori: account 444444444444 (sandbox): NOT collected: sts:AssumeRole failed with AccessDenied: arn:aws:iam::444444444444:role/mamori-audit: User: arn:aws:iam::111111111111:user/platform is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444444444444:role/mamori-audit\n',
    );
    expect(stderr).toContain('mamori: account 555555555555 (closed-shop): skipped: the account is suspended\n');
    expect(stderr).toMatch(
      /mamori: organisation of 111111111111: 4 account\(s\): 2 collected, 1 failed, 1 skipped; \d+ calls in [\d.]+ s; summary written to org\/mamori-org-summary.json\n/,
    );
    const summary = JSON.parse(readFileSync(path.join(dir, 'org', 'mamori-org-summary.json'), 'utf8'));
    expect(summary).toMatchObject({ mamoriOrganizationSummary: 1, callerAccountId: '111111111111', roleName: 'mamori-audit' });
    expect(summary.accounts.map((a: { id: string; status: string }) => `${a.id} ${a.status}`)).toEqual([
      '222222222222 collected',
      '333333333333 collected',
      '444444444444 failed',
      '555555555555 skipped',
    ]);
    const prod = JSON.parse(readFileSync(path.join(dir, 'org', '222222222222.json'), 'utf8'));
    expect(prod).toMatchObject({ accountId: '222222222222', accountName: 'prod', errors: [] });

    // The folder scanned: findings grouped by account, the same read through the cache.
    for (const pass of ['first', 'from the cache']) {
      const scanned = await main(['scan', 'org', '--format', 'json', '--output', 'org.json', '--fail-on', 'none', '--cache', '--cache-location', 'org.cache'], {
        stdout: () => undefined,
        stderr: () => undefined,
        cwd: dir,
        color: false,
      });
      // The account not collected is an error of the scan (exit 2), the suspended one a note: neither is passed over.
      expect(scanned, pass).toBe(2);
      const report = JSON.parse(readFileSync(path.join(dir, 'org.json'), 'utf8'));
      expect(
        report.notifications.filter((n: { code: string }) => n.code === 'account-not-collected'),
        pass,
      ).toEqual([
        {
          level: 'error',
          code: 'account-not-collected',
          file: 'org/mamori-org-summary.json',
          message:
            'Account 444444444444 (sandbox) was not collected: sts:AssumeRole failed with AccessDenied: arn:aws:iam::444444444444:role/mamori-audit: User: arn:aws:iam::111111111111:user/platform is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444444444444:role/mamori-audit; it is not in this scan',
        },
        {
          level: 'note',
          code: 'account-not-collected',
          file: 'org/mamori-org-summary.json',
          message: 'Account 555555555555 (closed-shop) was skipped when the organisation was collected: the account is suspended',
        },
      ]);
      expect(
        report.accounts.map((a: { accountId: string; accountName: string }) => `${a.accountId} ${a.accountName}`),
        pass,
      ).toEqual(['222222222222 prod', '333333333333 staging']);
      // The prod account's world-open SSH group is its own; staging has none.
      const open = report.findings.filter((f: { ruleName: string }) => f.ruleName === 'world-open-ingress');
      expect(
        open.map((f: { location: { file: string } }) => f.location.file),
        pass,
      ).toEqual(['org/222222222222.json']);
      expect(report.accounts[0].findings).toBeGreaterThan(report.accounts[1].findings);
    }
  });

  it('exits 0 when every active account was collected (a suspended one is said, not a failure)', async () => {
    const { code, stderr } = await run(
      ['collect', '--org', '--role-name', 'mamori-audit', '--out-dir', 'clean', '--region', 'eu-west-1', '--quiet'],
      [MEMBERS[1] as FakeMember, MEMBERS[3] as FakeMember],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits 3 for an account asked for that the organisation does not hold, even with --quiet', async () => {
    const { code, stderr } = await run([
      'collect',
      '--org',
      '--role-name',
      'mamori-audit',
      '--out-dir',
      'picked',
      '--accounts',
      '333333333333,999999999999',
      '--region',
      'eu-west-1',
      '--quiet',
    ]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/1 account\(s\): 1 collected, 0 failed, 0 skipped, 1 not in the organisation \(999999999999\)/);
  });

  it('refuses options that do not go together, in one line', async () => {
    expect((await run(['collect', '--org', '--out-dir', 'x'])).stderr).toBe('mamori: collect --org needs --role-name <name> and --out-dir <folder>\n');
    expect((await run(['collect', '--role-name', 'r', '-o', 'a.json'])).stderr).toBe('mamori: --role-name is an option of collect --org\n');
    const bad = await run(['collect', '--org', '--role-name', 'r', '--out-dir', 'x', '--accounts', '12345']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"12345" is not an account id');
  });
});
