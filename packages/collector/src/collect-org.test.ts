import { validateSnapshot } from '@mamori/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { type FakeMember, MANAGEMENT_ACCOUNT, MANAGEMENT_KEY, memberKey, openSshGroup, organizationRoutes } from '../../../test/fake-org.js';
import { type AccountOutcome, collectOrganization } from './org.js';

// The real SDK clients against the fake endpoint: Organizations and STS answered by the management
// account, each member's calls answered only with the credentials AssumeRole gave for it.

const MEMBERS: FakeMember[] = [
  { id: '222222222222', name: 'prod', routes: openSshGroup('222222222222') },
  { id: '333333333333', name: 'staging' },
  // Its role was never created: AssumeRole is refused.
  { id: '444444444444', name: 'sandbox', roles: [] },
  { id: '555555555555', name: 'closed-shop', state: 'SUSPENDED' },
  { id: '666666666666', name: 'data', externalId: 'ext-1' },
];

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function run(members: FakeMember[], more: Partial<Parameters<typeof collectOrganization>[0]> = {}) {
  aws = await startFakeAws(organizationRoutes(members));
  restore = useFakeAwsEnv(aws.url);
  const ended: AccountOutcome[] = [];
  const summary = await collectOrganization({
    roleName: 'mamori-audit',
    externalId: 'ext-1',
    regions: ['eu-west-1'],
    retryBackoff: () => 0,
    onAccount: (o) => {
      ended.push(o);
    },
    ...more,
  });
  return { summary, ended, requests: aws.requests };
}

describe('collectOrganization', () => {
  it('lists every page of accounts, collects the active ones through their own role, and records the others', async () => {
    const { summary, ended, requests } = await run(MEMBERS);
    expect(summary.callerAccountId).toBe(MANAGEMENT_ACCOUNT);
    // Five accounts, two to a page: three pages, each asked with the management credentials.
    const pages = requests.filter((r) => r.operation === 'ListAccounts');
    expect(pages.map((r) => r.params.NextToken ?? '')).toEqual(['', '2', '4']);
    expect(pages.every((r) => r.accessKeyId === MANAGEMENT_KEY)).toBe(true);

    const status = Object.fromEntries(summary.accounts.map((a) => [a.id, a.status]));
    expect(status).toEqual({
      '222222222222': 'collected',
      '333333333333': 'collected',
      '444444444444': 'failed',
      '555555555555': 'skipped',
      '666666666666': 'collected',
    });
    const denied = summary.accounts.find((a) => a.id === '444444444444');
    expect(denied).toMatchObject({ status: 'failed', error: { code: 'AccessDenied', operation: 'sts:AssumeRole' } });
    expect(denied?.status === 'failed' && denied.error.message).toContain('arn:aws:iam::444444444444:role/mamori-audit');
    expect(summary.accounts.find((a) => a.id === '555555555555')).toMatchObject({ status: 'skipped', reason: 'the account is suspended', name: 'closed-shop' });
    // A suspended account is never asked for a role.
    expect(requests.some((r) => r.operation === 'AssumeRole' && r.params.RoleArn?.includes('555555555555'))).toBe(false);
    // The external id reaches AssumeRole.
    expect(requests.find((r) => r.operation === 'AssumeRole' && r.params.RoleArn?.includes('666666666666'))?.params.ExternalId).toBe('ext-1');

    // Each snapshot is its own account's: its calls signed with its own key and token, its own answers.
    const snapshots = new Map(ended.flatMap((o) => (o.status === 'collected' ? [[o.id, o.snapshot] as const] : [])));
    expect([...snapshots.keys()].sort()).toEqual(['222222222222', '333333333333', '666666666666']);
    for (const [id, snapshot] of snapshots) {
      expect(validateSnapshot(snapshot)).toEqual([]);
      expect(snapshot.accountId).toBe(id);
      expect(snapshot.errors).toEqual([]);
      const own = requests.filter((r) => r.accessKeyId === memberKey(id).accessKeyId);
      expect(own.length).toBeGreaterThan(20);
      expect(own.every((r) => r.sessionToken === memberKey(id).sessionToken)).toBe(true);
      expect(own.some((r) => r.operation === 'AssumeRole' || r.operation === 'ListAccounts')).toBe(false);
    }
    expect(snapshots.get('222222222222')?.accountName).toBe('prod');
    const groups = (id: string) => JSON.stringify(snapshots.get(id)?.regional['eu-west-1']?.ec2?.DescribeSecurityGroups ?? []);
    expect(groups('222222222222')).toContain('sg-0222222222222');
    expect(groups('333333333333')).not.toContain('sg-0');
    // Every request was signed with a key the fake knows: none was refused.
    expect(requests.every((r) => r.accessKeyId === MANAGEMENT_KEY || snapshots.has(r.accessKeyId.slice(4, 16)))).toBe(true);
    expect(summary.calls).toBe(requests.length);
  });

  it('collects only the accounts asked for, and names the ones the organisation does not hold', async () => {
    const { summary, requests } = await run(MEMBERS, { accounts: ['333333333333', '999999999999'] });
    expect(summary.accounts.map((a) => [a.id, a.status])).toEqual([['333333333333', 'collected']]);
    expect(summary.notInOrganization).toEqual(['999999999999']);
    // One role assumed for the account, whatever number of clients its collection makes.
    expect(requests.filter((r) => r.operation === 'AssumeRole')).toHaveLength(1);
  });

  it('without the external id the role asks for, that account fails and the others are collected', async () => {
    const { summary } = await run(MEMBERS, { externalId: undefined, accounts: ['333333333333', '666666666666'] });
    expect(summary.accounts.map((a) => [a.id, a.status])).toEqual([
      ['333333333333', 'collected'],
      ['666666666666', 'failed'],
    ]);
  });

  it('says plainly when the organisation cannot be listed', async () => {
    aws = await startFakeAws({
      ...organizationRoutes([]),
      'organizations:ListAccounts': {
        status: 400,
        body: '{"__type":"AccessDeniedException","Message":"You don\'t have permissions to access this resource."}',
        contentType: 'application/x-amz-json-1.1',
      },
    });
    restore = useFakeAwsEnv(aws.url);
    await expect(collectOrganization({ roleName: 'mamori-audit', regions: ['eu-west-1'], retryBackoff: () => 0 })).rejects.toThrow(
      /Cannot list the organisation's accounts \(Organizations ListAccounts failed with AccessDeniedException.*management account or a delegated administrator/,
    );
  });
});
