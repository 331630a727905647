// The template's functions, run with the real SDK clients against the test suite's fake AWS
// organisation (test/fake-org.ts); S3 is a recorder, as the fake endpoint answers the collector's calls only.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { memberKey, openSshGroup, organizationRoutes } from '../../../test/fake-org.js';
import { AccountNotCollected, handler as collectAccount } from './collect-account.mjs';
import { handler as listAccounts } from './list-accounts.mjs';

const MEMBERS = [
  { id: '222222222222', name: 'prod', routes: openSshGroup('222222222222') },
  { id: '333333333333', name: 'sandbox', roles: [] },
  { id: '444444444444', name: 'closed-shop', state: 'SUSPENDED' },
];

let aws;
let restore;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function organisation() {
  aws = await startFakeAws(organizationRoutes(MEMBERS));
  restore = useFakeAwsEnv(aws.url);
}

/** An S3 client that keeps what is put. */
function bucket() {
  const objects = new Map();
  return { objects, send: async (command) => objects.set(command.input.Key, { body: command.input.Body, type: command.input.ContentType }) };
}

const env = { BUCKET: 'results', COLLECT_ROLE_NAME: 'mamori-audit', REGIONS: 'eu-west-1', DEADLINE: '60' };

describe('the org-scan functions', () => {
  it('list-accounts writes every account of every page, sorted, with its state', async () => {
    await organisation();
    const s3 = bucket();
    const out = await listAccounts({ prefix: 'runs/exec-1/' }, { organizations: new OrganizationsClient({ region: 'us-east-1' }), s3, env });
    expect(out).toEqual({ key: 'runs/exec-1/accounts.json', prefix: 'runs/exec-1/', accounts: 3 });
    expect(JSON.parse(s3.objects.get('runs/exec-1/accounts.json').body)).toEqual([
      { id: '222222222222', name: 'prod', state: 'ACTIVE' },
      { id: '333333333333', name: 'sandbox', state: 'ACTIVE' },
      { id: '444444444444', name: 'closed-shop', state: 'SUSPENDED' },
    ]);
    await expect(listAccounts({ prefix: '../etc/' }, { s3 })).rejects.toThrow(/prefix must be runs\/<name>\//);
  });

  it("collect-account reads the account with its own role's credentials and writes its snapshot and SARIF", async () => {
    await organisation();
    const s3 = bucket();
    const out = await collectAccount(
      { account: { id: '222222222222', name: 'prod', state: 'ACTIVE' }, prefix: 'runs/exec-1/' },
      { sts: new STSClient({ region: 'eu-west-1' }), s3, env },
    );
    expect(out).toMatchObject({ accountId: '222222222222', status: 'collected', incomplete: null, failedCalls: 0 });
    expect(out.findings).toBeGreaterThan(0);
    const snapshot = JSON.parse(s3.objects.get('runs/exec-1/222222222222.json').body);
    expect(snapshot).toMatchObject({ accountId: '222222222222', accountName: 'prod', regions: ['eu-west-1'] });
    const sarif = JSON.parse(s3.objects.get('runs/exec-1/222222222222.sarif').body);
    expect(sarif.runs[0].automationDetails.id).toBe('mamori-org/');
    const open = sarif.runs[0].results.filter((r) => r.ruleId === 'MAM101');
    expect(open).toHaveLength(1);
    expect(open[0].properties).toMatchObject({ accountId: '222222222222', accountName: 'prod' });
    // Every call in the account was signed with the credentials AssumeRole gave for it.
    const own = aws.requests.filter((r) => r.accessKeyId === memberKey('222222222222').accessKeyId);
    expect(own.length).toBe(aws.requests.filter((r) => r.operation !== 'AssumeRole').length);
  });

  it('collect-account fails the item for a role that cannot be assumed, and skips a suspended account', async () => {
    await organisation();
    const s3 = bucket();
    const sts = new STSClient({ region: 'eu-west-1' });
    const failed = collectAccount({ account: { id: '333333333333', name: 'sandbox', state: 'ACTIVE' }, prefix: 'runs/exec-1/' }, { sts, s3, env });
    await expect(failed).rejects.toBeInstanceOf(AccountNotCollected);
    await expect(failed).rejects.toThrow(/333333333333: cannot assume arn:aws:iam::333333333333:role\/mamori-audit: AccessDenied/);
    expect(
      await collectAccount({ account: { id: '444444444444', name: 'closed-shop', state: 'SUSPENDED' }, prefix: 'runs/exec-1/' }, { sts, s3, env }),
    ).toEqual({ accountId: '444444444444', status: 'skipped', reason: 'the account is suspended' });
    expect(s3.objects.size).toBe(0);
  });
});
