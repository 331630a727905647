import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSnapshot, validateSnapshot } from '@mamori/core';
import { runRules, snapshotText } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ec2Error,
  emptyAccountRoutes,
  type FakeAws,
  type FakeResponse,
  jsonError,
  queryError,
  queryXml,
  type Route,
  startFakeAws,
} from '../../../test/fake-aws.js';
import { recordedAccountRoutes } from '../../../test/recorded-account.js';
import { type CollectProgress, collectSnapshot } from './collect.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const SNAPSHOT_FIXTURE = fileURLToPath(new URL('../../core/src/snapshot/fixtures/recorded-account.json', import.meta.url));

// The SDK reads these itself: credentials from the environment, endpoints from AWS_ENDPOINT_URL[_<SERVICE>].
const ENV_KEYS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_MAX_ATTEMPTS',
];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function useEndpoint(url: string, region = 'eu-west-1'): void {
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: region,
    AWS_CONFIG_FILE: '/nonexistent/mamori-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/mamori-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
}

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** The rules that read what GetAccountAuthorizationDetails alone gives: users' groups and policies, groups, roles, policies. */
const NOT_EVALUATED_WITHOUT_DETAILS = [
  'MAM201 iam-policy-admin-star',
  'MAM202 iam-user-direct-policy',
  'MAM212 iam-role-trust-any-principal',
  'MAM215 iam-user-no-group',
];

const fast = { retryBackoff: () => 5, credentialReportPoll: 0.01, now: () => NOW } as const;

describe('collecting the recorded account through the real SDK clients', () => {
  let aws: FakeAws;
  let snapshot: Awaited<ReturnType<typeof collectSnapshot>>;
  const progress: CollectProgress[] = [];

  beforeAll(async () => {
    aws = await startFakeAws(recordedAccountRoutes());
    useEndpoint(aws.url);
    snapshot = await collectSnapshot({ ...fast, onProgress: (p) => progress.push(p) });
  });
  afterAll(() => aws.close());

  it('writes the reviewed snapshot, which validates against the published schema', async () => {
    expect(validateSnapshot(snapshot)).toEqual([]);
    expect(snapshot).toMatchObject({ mamoriSnapshot: 1, accountId: '123456789012', partition: 'aws', regions: ['eu-west-1'], collectedAt: NOW.toISOString() });
    await expect(snapshotText(snapshot)).toMatchFileSnapshot(SNAPSHOT_FIXTURE);
  });

  it('reads every page and merges it into one response', () => {
    const sgCalls = aws.requests.filter((r) => r.operation === 'DescribeSecurityGroups');
    expect(sgCalls.map((r) => r.params.NextToken)).toEqual([undefined, 'page-2']);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups?.SecurityGroups?.map((g) => g.GroupName)).toEqual(['default', 'default', 'db-admin']);
    expect(aws.requests.filter((r) => r.operation === 'ListUsers').map((r) => r.params.Marker)).toEqual([undefined, 'after-ken']);
    expect(snapshot.global.iam?.ListUsers?.Users?.map((u) => u.UserName)).toEqual(['ken', 'yui']);
  });

  it('reads the budgets page by page, and the billing alarms in us-east-1 whatever regions are read', () => {
    const budgets = aws.requests.filter((r) => r.operation === 'DescribeBudgets');
    expect(budgets.map((r) => [r.params.AccountId, r.params.NextToken])).toEqual([
      ['123456789012', undefined],
      ['123456789012', 'AAEAAXBhZ2UtMg=='],
    ]);
    expect(snapshot.global.budgets?.DescribeBudgets?.Budgets?.map((b) => [b.BudgetName, b.BudgetType])).toEqual([
      ['monthly-cost', 'COST'],
      ['ec2-hours', 'USAGE'],
    ]);
    const alarms = aws.requests.filter((r) => r.operation === 'DescribeAlarms');
    expect(alarms.map((r) => [r.service, r.region, r.params.AlarmTypes, r.params.MaxRecords])).toEqual([['cloudwatch', 'us-east-1', '["MetricAlarm"]', '100']]);
    // The CPU alarm is left out; the metric-math alarm over the estimated charges is kept.
    expect(snapshot.global.cloudwatch?.DescribeAlarms?.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['charges-over-forecast']);
  });

  it('retries throttling (EC2, IAM and CloudTrail codes) and then succeeds', () => {
    expect(aws.requests.filter((r) => r.operation === 'DescribeAddresses').map((r) => r.attempt)).toEqual([1, 2]);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeAddresses?.Addresses).toHaveLength(3);
    expect(aws.requests.filter((r) => r.operation === 'ListAccessKeys' && r.params.UserName === 'ken')).toHaveLength(2);
    expect(snapshot.global.iam?.ListAccessKeys?.ken?.AccessKeyMetadata?.[0]?.AccessKeyId).toBe('AKIA************KWEE');
    expect(snapshot.regional['eu-west-1']?.cloudtrail?.LookupEvents?.Events).toHaveLength(2);
  });

  it('records the AccessDenied call with its code and goes on', () => {
    expect(snapshot.errors).toEqual([
      {
        service: 'rds',
        region: 'eu-west-1',
        operation: 'DescribeDBClusters',
        code: 'AccessDenied',
        message: 'User: arn:aws:sts::123456789012:assumed-role/audit/ci is not authorized to perform: rds:DescribeDBClusters',
        httpStatus: 403,
      },
    ]);
    expect(snapshot.regional['eu-west-1']?.rds?.DescribeDBInstances?.DBInstances).toHaveLength(1);
    expect(snapshot.regional['eu-west-1']?.rds?.DescribeDBClusters).toBeUndefined();
  });

  it('asks for the credential report until it is complete, then reads it as CSV text', () => {
    const calls = aws.requests.filter((r) => r.service === 'iam' && /CredentialReport/.test(r.operation)).map((r) => r.operation);
    expect(calls).toEqual(['GenerateCredentialReport', 'GenerateCredentialReport', 'GenerateCredentialReport', 'GetCredentialReport']);
    expect(snapshot.global.iam?.GetCredentialReport?.Content?.split('\n')[1]).toMatch(/^<root_account>,arn:aws:iam::123456789012:root,/);
  });

  it('asks each trail once, in its home region, and each trail bucket for its lifecycle', () => {
    expect(aws.requests.filter((r) => r.operation === 'GetTrailStatus').map((r) => [r.region, r.params.Name])).toEqual([
      ['eu-west-1', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/org'],
      ['eu-west-1', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/app'],
    ]);
    expect(snapshot.global.s3?.GetBucketLifecycleConfiguration).toEqual({
      'app-trail-logs': { Rules: [] },
      'org-trail-logs': { Rules: [{ Expiration: { Days: 365 }, ID: 'expire', Filter: { Prefix: '' }, Status: 'Enabled' }] },
    });
    const lookup = aws.requests.find((r) => r.operation === 'LookupEvents');
    expect(JSON.parse(lookup?.params.LookupAttributes ?? '[]')).toEqual([{ AttributeKey: 'Username', AttributeValue: 'root' }]);
    expect(Number(lookup?.params.StartTime)).toBe(NOW.getTime() / 1000 - 90 * 86_400);
  });

  it('reads users, groups, roles and customer managed policies in one call, every page of its four lists, documents decoded from the URL-encoded JSON IAM returns', () => {
    const asked = aws.requests.filter((r) => r.operation === 'GetAccountAuthorizationDetails');
    expect(asked.map((r) => r.params.Marker)).toEqual([undefined, 'page-2']);
    // AWS managed policies are not asked for: over a thousand documents, the same in every account.
    expect(Object.entries(asked[0]?.params ?? {}).filter(([k]) => k.startsWith('Filter'))).toEqual([
      ['Filter.member.1', 'User'],
      ['Filter.member.2', 'Group'],
      ['Filter.member.3', 'Role'],
      ['Filter.member.4', 'LocalManagedPolicy'],
    ]);
    const details = snapshot.global.iam?.GetAccountAuthorizationDetails;
    expect(details?.UserDetailList?.map((u) => [u.UserName, u.GroupList])).toEqual([
      ['ken', []],
      ['yui', ['developers']],
    ]);
    expect(details?.GroupDetailList?.map((g) => g.GroupName)).toEqual(['developers']);
    expect(details?.RoleDetailList?.map((r) => r.RoleName)).toEqual(['app-server']);
    expect(details?.Policies?.map((p) => p.Arn)).toEqual(['arn:aws:iam::123456789012:policy/admin-everything']);
    expect(details?.UserDetailList?.[0]?.UserPolicyList?.[0]?.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(details?.RoleDetailList?.[0]?.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(details?.Policies?.[0]?.PolicyVersionList?.[0]?.Document).toMatchObject({ Statement: [{ Action: ['*'], Resource: ['*'] }] });
    // The profile's copy of its roles is not kept.
    expect(details?.RoleDetailList?.[0]?.InstanceProfileList).toEqual([expect.not.objectContaining({ Roles: expect.anything() })]);
    // The calls it replaces are not made.
    const replaced = ['ListGroupsForUser', 'ListAttachedUserPolicies', 'ListUserPolicies', 'GetUserPolicy', 'GetPolicy', 'GetPolicyVersion'];
    expect(aws.requests.filter((r) => replaced.includes(r.operation))).toEqual([]);
  });

  it('reads the replication groups and every page of cache clusters; the groups, and the one standalone Redis OSS node, are entities', () => {
    expect(aws.requests.filter((r) => r.operation === 'DescribeCacheClusters').map((r) => r.params.Marker)).toEqual([undefined, 'page-2']);
    const elasticache = snapshot.regional['eu-west-1']?.elasticache;
    expect(elasticache?.DescribeCacheClusters?.CacheClusters?.map((c) => [c.CacheClusterId, c.ReplicationGroupId ?? null])).toEqual([
      ['sessions-001', 'sessions'],
      ['sessions-002', 'sessions'],
      ['jobs-001', 'jobs'],
      ['jobs-002', 'jobs'],
      ['rate-limits', null],
      ['menu-cache', null],
    ]);
    const loaded = loadSnapshot('cache.json', JSON.stringify(snapshot, null, 2), rules);
    const groups = loaded.entities.flatMap((e) => (e.kind === 'CacheReplicationGroup' ? [e] : []));
    expect(groups.map((g) => [g.replicationGroupId, g.resourceType, g.engine, g.automaticFailover, g.multiAz, g.numCacheClusters])).toEqual([
      ['sessions', 'ReplicationGroup', 'valkey', false, false, 2],
      ['jobs', 'ReplicationGroup', 'redis', true, true, 2],
      ['rate-limits', 'CacheCluster', 'redis', false, false, 1],
    ]);
    expect(
      runRules(rules, loaded.entities)
        .findings.filter((f) => f.ruleId === 'MAM606')
        .map((f) => [f.entity.displayName, f.messageId]),
    ).toEqual([
      ['sessions', 'disabled'],
      ['rate-limits', 'standalone'],
    ]);
  });

  it('makes only read-only calls', () => {
    const ops = new Set(aws.requests.map((r) => r.operation));
    for (const op of ops) expect(op).toMatch(/^(Describe|Get|List|Lookup|GenerateCredentialReport$)/);
  });

  it('reports progress up to every call done', () => {
    const last = progress[progress.length - 1];
    expect(last?.done).toBe(last?.total);
    expect(last?.failed).toBe(1);
    expect(last?.active).toEqual([]);
    expect(progress.some((p) => p.active.includes('ec2 eu-west-1'))).toBe(true);
  });

  it('the failed call becomes a not-evaluated warning naming the rules it leaves out', () => {
    const rdsRules = [
      { id: 'MAM601', name: 'rds-not-multi-az', entity: 'DbInstance' as const, reads: ['multiAz'] },
      { id: 'MAM603', name: 'rds-storage-unencrypted', entity: 'DbInstance' as const, reads: ['storageEncrypted'] },
      { id: 'MAM701', name: 'eip-unattached', entity: 'ElasticIp' as const },
    ];
    const text = JSON.stringify(snapshot, null, 2);
    const denied =
      'rds DescribeDBClusters in eu-west-1 failed with AccessDenied (User: arn:aws:sts::123456789012:assumed-role/audit/ci is not authorized to perform: rds:DescribeDBClusters)';
    // The clusters only stand in for encryption an instance does not report, and DescribeDBInstances answered.
    // The snapshot is marked incomplete all the same: a call failed.
    expect(loadSnapshot('snapshot.json', text, rdsRules).notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'incomplete-snapshot',
        message: 'Incomplete account snapshot: calls failed while it was collected (1 failed call recorded)',
      }),
      expect.objectContaining({ level: 'warning', code: 'not-evaluated', message: `${denied}; the rules that read it were evaluated from other calls` }),
    ]);
    const withoutInstances = JSON.parse(text) as typeof snapshot;
    delete withoutInstances.regional['eu-west-1']?.rds?.DescribeDBInstances;
    expect(loadSnapshot('snapshot.json', JSON.stringify(withoutInstances, null, 2), rdsRules).notifications.map((n) => n.message)).toEqual([
      'Incomplete account snapshot: calls failed while it was collected (1 failed call recorded); rules not evaluated in full: MAM603 rds-storage-unencrypted',
      `${denied}; not evaluated there: MAM603 rds-storage-unencrypted`,
      // A collector's snapshot without an answer and without a failure: not a clean instance list.
      'rds DescribeDBInstances in eu-west-1 has no answer and no failure in the snapshot: the collector that wrote it did not make that call; not evaluated there: MAM601 rds-not-multi-az, MAM603 rds-storage-unencrypted. Collect again with this version',
    ]);
  });
});

describe('ElastiCache through the real SDK client', () => {
  it('a denied ElastiCache call is recorded and leaves the failover rule not evaluated in that region', async () => {
    const aws = await startFakeAws({
      ...emptyAccountRoutes(),
      'elasticache:DescribeReplicationGroups': queryError(
        'AccessDenied',
        'User: arn:aws:sts::210987654321:assumed-role/audit/audit is not authorized to perform: elasticache:DescribeReplicationGroups',
        403,
      ),
    });
    try {
      useEndpoint(aws.url, 'us-east-1');
      const snapshot = await collectSnapshot({ ...fast, regions: ['us-east-1'] });
      expect(snapshot.errors).toEqual([
        expect.objectContaining({ service: 'elasticache', region: 'us-east-1', operation: 'DescribeReplicationGroups', code: 'AccessDenied', httpStatus: 403 }),
      ]);
      expect(snapshot.regional['us-east-1']?.elasticache?.DescribeCacheClusters).toEqual({ CacheClusters: [] });
      const loaded = loadSnapshot('denied.json', JSON.stringify(snapshot, null, 2), rules);
      expect(loaded.notifications.map((n) => n.message)).toContainEqual(
        expect.stringMatching(
          /^elasticache DescribeReplicationGroups in us-east-1 failed with AccessDenied .*; not evaluated there: MAM606 elasticache-no-failover$/,
        ),
      );
    } finally {
      await aws.close();
    }
  });
});

describe('a role denied IAM GetAccountAuthorizationDetails', () => {
  it('records the denial, and the IAM policy rules are named not evaluated rather than clean', async () => {
    const routes = emptyAccountRoutes();
    routes['iam:GetAccountAuthorizationDetails'] = queryError(
      'AccessDenied',
      'User: arn:aws:sts::210987654321:assumed-role/audit/audit is not authorized to perform: iam:GetAccountAuthorizationDetails',
      403,
    );
    const aws = await startFakeAws(routes);
    try {
      useEndpoint(aws.url, 'us-east-1');
      const snapshot = await collectSnapshot({ ...fast, regions: ['us-east-1'] });
      expect(snapshot.errors).toEqual([
        expect.objectContaining({ service: 'iam', region: 'global', operation: 'GetAccountAuthorizationDetails', code: 'AccessDenied' }),
      ]);
      expect(snapshot.global.iam?.GetAccountAuthorizationDetails).toBeUndefined();
      const loaded = loadSnapshot('denied.json', JSON.stringify(snapshot, null, 2), rules);
      const warning = loaded.notifications.find((n) => n.code === 'not-evaluated')?.message ?? '';
      expect(warning).toMatch(/^iam GetAccountAuthorizationDetails failed with AccessDenied .*; not evaluated: /);
      const named = warning.replace(/^.*not evaluated: /, '').split(', ');
      expect(named).toEqual(NOT_EVALUATED_WITHOUT_DETAILS);
    } finally {
      await aws.close();
    }
  });
});

describe('an empty account, a region that is not enabled, a per-service endpoint', () => {
  it('collects an empty snapshot in which only the missing trail and the missing billing guardrail are findings', async () => {
    const aws = await startFakeAws(emptyAccountRoutes());
    try {
      useEndpoint(aws.url, 'us-east-1');
      const snapshot = await collectSnapshot({ ...fast, regions: ['us-east-1', 'eu-central-1'] });
      expect(validateSnapshot(snapshot)).toEqual([]);
      expect(snapshot.errors).toEqual([]);
      expect(snapshot.accountId).toBe('210987654321');
      expect(Object.keys(snapshot.regional)).toEqual(['us-east-1', 'eu-central-1']);
      const loaded = loadSnapshot('empty.json', JSON.stringify(snapshot, null, 2), rules);
      const { findings } = runRules(rules, loaded.entities);
      // No budgets is told with NotFoundException: an answer, an empty list, not a failed call.
      expect(snapshot.global.budgets?.DescribeBudgets).toEqual({ Budgets: [] });
      expect(findings.map((f) => [f.ruleId, f.messageId])).toEqual([
        ['MAM504', 'noTrail'],
        ['MAM706', 'none'],
      ]);
    } finally {
      await aws.close();
    }
  });

  it('records a region that is not enabled once, and the other regions still answer', async () => {
    const routes = emptyAccountRoutes();
    const disabled = (service: string): FakeResponse =>
      service === 'ec2'
        ? ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401)
        : service === 'cloudtrail'
          ? jsonError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400)
          : queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    const wrapped = Object.fromEntries(
      Object.entries(routes).map(([key, route]): [string, Route] => [
        key,
        (req) =>
          req.region === 'ap-east-1'
            ? disabled(req.service)
            : typeof route === 'function'
              ? route(req)
              : Array.isArray(route)
                ? (route[0] as FakeResponse)
                : route,
      ]),
    );
    const aws = await startFakeAws(wrapped);
    try {
      useEndpoint(aws.url, 'us-east-1');
      const snapshot = await collectSnapshot({ ...fast, regions: ['us-east-1', 'ap-east-1'] });
      expect(snapshot.errors).toEqual([
        {
          service: '*',
          region: 'ap-east-1',
          operation: '*',
          code: expect.stringMatching(/AuthFailure|UnrecognizedClientException|InvalidClientTokenId/),
          message: expect.any(String),
        },
      ]);
      expect(snapshot.regional['us-east-1']?.ec2?.DescribeSecurityGroups).toEqual({ SecurityGroups: [] });
      const loaded = loadSnapshot('partial.json', JSON.stringify(snapshot, null, 2), rules);
      expect(loaded.notifications.map((n) => n.message)).toEqual([
        expect.stringMatching(
          /^Incomplete account snapshot: calls failed while it was collected \(1 failed call recorded\); rules not evaluated in full: MAM101 /,
        ),
        expect.stringMatching(/^every call in ap-east-1 failed with \w+ .*; not evaluated there: MAM101 /),
      ]);
      // With a region unread and no trail seen, "no trail" cannot be claimed.
      expect(runRules(rules, loaded.entities).findings.filter((f) => f.ruleId === 'MAM504')).toEqual([]);
    } finally {
      await aws.close();
    }
  });

  it('honours AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL', async () => {
    const main = await startFakeAws(emptyAccountRoutes());
    const stsOnly = await startFakeAws({
      'sts:GetCallerIdentity': queryXml(
        'sts',
        'GetCallerIdentity',
        '<UserId>AIDAEXAMPLE</UserId><Account>333333333333</Account><Arn>arn:aws:iam::333333333333:user/x</Arn>',
      ),
    });
    try {
      useEndpoint(main.url, 'us-east-1');
      process.env.AWS_ENDPOINT_URL_STS = stsOnly.url;
      const snapshot = await collectSnapshot({ ...fast });
      expect(snapshot.accountId).toBe('333333333333');
      expect(stsOnly.requests.map((r) => r.operation)).toEqual(['GetCallerIdentity']);
      expect(main.requests.some((r) => r.service === 'sts')).toBe(false);
      expect(main.requests.some((r) => r.service === 'ec2')).toBe(true);
    } finally {
      await main.close();
      await stsOnly.close();
    }
  });

  it('takes credentials and region from a named profile of the shared files', async () => {
    const aws = await startFakeAws(emptyAccountRoutes());
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-profile-'));
    try {
      useEndpoint(aws.url);
      delete process.env.AWS_REGION;
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      writeFileSync(path.join(dir, 'config'), '[profile audit]\nregion = ap-northeast-1\n');
      writeFileSync(
        path.join(dir, 'credentials'),
        '[audit]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY\n',
      );
      process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
      const snapshot = await collectSnapshot({ ...fast, profile: 'audit' });
      expect(snapshot.regions).toEqual(['ap-northeast-1']);
      expect(new Set(aws.requests.map((r) => r.accessKeyId))).toEqual(new Set(['AKIAI44QH8DHBEXAMPLE']));
      expect(new Set(aws.requests.filter((r) => r.service === 'ec2').map((r) => r.region))).toEqual(new Set(['ap-northeast-1']));
    } finally {
      await aws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly when the account cannot be identified', async () => {
    const aws = await startFakeAws({ 'sts:GetCallerIdentity': queryError('ExpiredToken', 'The security token included in the request is expired', 403) });
    try {
      useEndpoint(aws.url);
      await expect(collectSnapshot({ ...fast })).rejects.toThrow(/^Cannot identify the account \(STS GetCallerIdentity failed with ExpiredToken: /);
    } finally {
      await aws.close();
    }
  });
});

describe('regions', () => {
  it('without any region configured, --all-regions asks us-east-1 for the list; a single collect stops with a clear error', async () => {
    const aws = await startFakeAws(emptyAccountRoutes());
    try {
      useEndpoint(aws.url);
      delete process.env.AWS_REGION;
      await expect(collectSnapshot({ ...fast })).rejects.toThrow('No AWS region: pass --region, or set AWS_REGION or a region in the profile');
      const snapshot = await collectSnapshot({ ...fast, allRegions: true });
      expect(aws.requests.find((r) => r.operation === 'DescribeRegions')?.region).toBe('us-east-1');
      expect(snapshot.regions).toEqual(['eu-west-1', 'us-east-1']);
    } finally {
      await aws.close();
    }
  });
});
