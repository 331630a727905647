import { fileURLToPath } from 'node:url';
import { rules } from '@mamori/rules';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ec2Error,
  emptyAccountRoutes,
  type FakeAws,
  type FakeRequest,
  type FakeResponse,
  json,
  jsonError,
  queryError,
  queryXml,
  type Route,
  s3Error,
  startFakeAws,
  wire,
} from '../../../../test/fake-aws.js';
import { runRules } from '../engine/run.js';
import { loadSnapshot } from '../snapshot/load.js';
import { validateSnapshot } from '../snapshot/schema.js';
import { type CollectProgress, collectSnapshot } from './collect.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const SNAPSHOT_FIXTURE = fileURLToPath(new URL('../snapshot/fixtures/recorded-account.json', import.meta.url));

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

const fast = { retryBackoff: () => 5, credentialReportPoll: 0.01, now: () => NOW } as const;

/** Splits the recorded DescribeSecurityGroups into two pages joined by a nextToken. */
function securityGroupPages(req: FakeRequest): FakeResponse {
  const xml = wire('ec2/DescribeSecurityGroups.xml');
  const head = xml.slice(0, xml.indexOf('<securityGroupInfo>') + '<securityGroupInfo>'.length);
  const tail = xml.slice(xml.indexOf('</securityGroupInfo>'));
  const items = xml
    .slice(head.length, xml.indexOf('</securityGroupInfo>'))
    .split('<item><groupDescription>')
    .filter((s) => s !== '')
    .map((s) => `<item><groupDescription>${s}`);
  if (req.params.NextToken === 'page-2') return { body: `${head}${items.slice(2).join('')}${tail}`, contentType: 'text/xml' };
  return {
    body: `${head}${items.slice(0, 2).join('')}${tail.replace('</securityGroupInfo>', '</securityGroupInfo><nextToken>page-2</nextToken>')}`,
    contentType: 'text/xml',
  };
}

function xml(name: string): FakeResponse {
  return { body: wire(name), contentType: 'text/xml' };
}

function byUser(answers: Record<string, FakeResponse>): Route {
  return (req) => answers[req.params.UserName ?? ''] ?? queryError('NoSuchEntity', `The user with name ${req.params.UserName} cannot be found.`, 404);
}

/** The recorded account, with pagination, throttling, an AccessDenied and the report's generate-then-get flow. */
function recordedAccount(): Record<string, Route> {
  return {
    'sts:GetCallerIdentity': xml('sts/GetCallerIdentity.xml'),
    'ec2:DescribeSecurityGroups': securityGroupPages,
    'ec2:DescribeNetworkAcls': xml('ec2/DescribeNetworkAcls.xml'),
    'ec2:DescribeAddresses': [ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503), xml('ec2/DescribeAddresses.xml')],
    'ec2:DescribeInstances': xml('ec2/DescribeInstances.xml'),
    'ec2:DescribeNatGateways': xml('ec2/DescribeNatGateways.xml'),
    'ec2:DescribeRouteTables': xml('ec2/DescribeRouteTables.xml'),
    'ec2:DescribeSubnets': xml('ec2/DescribeSubnets.xml'),
    'rds:DescribeDBInstances': xml('rds/DescribeDBInstances.xml'),
    'rds:DescribeDBClusters': queryError(
      'AccessDenied',
      'User: arn:aws:sts::123456789012:assumed-role/audit/ci is not authorized to perform: rds:DescribeDBClusters',
      403,
    ),
    'cloudtrail:DescribeTrails': json(wire('cloudtrail/DescribeTrails.json')),
    'cloudtrail:LookupEvents': [jsonError('ThrottlingException', 'Rate exceeded'), json(wire('cloudtrail/LookupEvents.json'))],
    'cloudtrail:GetTrailStatus': json(wire('cloudtrail/GetTrailStatus.json')),
    'cloudtrail:GetEventSelectors': (req) =>
      req.params.TrailName?.endsWith('/app')
        ? json(wire('cloudtrail/GetEventSelectors.json'))
        : json({
            TrailARN: req.params.TrailName,
            EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
          }),
    's3:GetBucketLifecycleConfiguration': (req) =>
      req.params.Bucket === 'org-trail-logs'
        ? { body: wire('s3/GetBucketLifecycleConfiguration.xml'), contentType: 'application/xml' }
        : s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404),
    'iam:GetAccountSummary': xml('iam/GetAccountSummary.xml'),
    'iam:GenerateCredentialReport': [
      xml('iam/GenerateCredentialReport.xml'),
      queryXml('iam', 'GenerateCredentialReport', '<State>INPROGRESS</State><Description>Report generation in progress</Description>'),
      queryXml('iam', 'GenerateCredentialReport', '<State>COMPLETE</State>'),
    ],
    'iam:GetCredentialReport': xml('iam/GetCredentialReport.xml'),
    // Two pages by Marker: ken, then yui.
    'iam:ListUsers': (req) => {
      const users = wire('iam/ListUsers.xml');
      const members = users.match(/<member>.*?<\/member>/g) ?? [];
      return req.params.Marker === 'after-ken'
        ? queryXml('iam', 'ListUsers', `<Users>${members[1]}</Users><IsTruncated>false</IsTruncated>`)
        : queryXml('iam', 'ListUsers', `<Users>${members[0]}</Users><IsTruncated>true</IsTruncated><Marker>after-ken</Marker>`);
    },
    'iam:ListAccessKeys': (req) =>
      req.params.UserName === 'ken'
        ? req.attempt === 1
          ? queryError('Throttling', 'Rate exceeded', 400)
          : xml('iam/ListAccessKeys.xml')
        : queryXml(
            'iam',
            'ListAccessKeys',
            '<AccessKeyMetadata><member><UserName>yui</UserName><AccessKeyId>AKIARZPUZDIKQ4YUI7MX</AccessKeyId><Status>Active</Status><CreateDate>2025-06-01T08:00:00Z</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>',
          ),
    'iam:GetAccessKeyLastUsed': (req) =>
      req.params.AccessKeyId === 'AKIARZPUZDIKQ4YUI7MX' ? xml('iam/GetAccessKeyLastUsed-used.xml') : xml('iam/GetAccessKeyLastUsed.xml'),
    'iam:ListMFADevices': xml('iam/ListMFADevices.xml'),
    'iam:ListGroupsForUser': byUser({
      yui: xml('iam/ListGroupsForUser.xml'),
      ken: queryXml('iam', 'ListGroupsForUser', '<Groups/><IsTruncated>false</IsTruncated>'),
    }),
    'iam:ListAttachedUserPolicies': byUser({
      ken: xml('iam/ListAttachedUserPolicies.xml'),
      yui: queryXml('iam', 'ListAttachedUserPolicies', '<AttachedPolicies/><IsTruncated>false</IsTruncated>'),
    }),
    'iam:ListUserPolicies': byUser({
      ken: xml('iam/ListUserPolicies.xml'),
      yui: queryXml('iam', 'ListUserPolicies', '<PolicyNames/><IsTruncated>false</IsTruncated>'),
    }),
    'iam:GetUserPolicy': xml('iam/GetUserPolicy.xml'),
    'iam:GetPolicy': xml('iam/GetPolicy.xml'),
    'iam:GetPolicyVersion': xml('iam/GetPolicyVersion.xml'),
  };
}

describe('collecting the recorded account through the real SDK clients', () => {
  let aws: FakeAws;
  let snapshot: Awaited<ReturnType<typeof collectSnapshot>>;
  const progress: CollectProgress[] = [];

  beforeAll(async () => {
    aws = await startFakeAws(recordedAccount());
    useEndpoint(aws.url);
    snapshot = await collectSnapshot({ ...fast, onProgress: (p) => progress.push(p) });
  });
  afterAll(() => aws.close());

  it('writes the reviewed snapshot, which validates against the published schema', async () => {
    expect(validateSnapshot(snapshot)).toEqual([]);
    expect(snapshot).toMatchObject({ mamoriSnapshot: 1, accountId: '123456789012', partition: 'aws', regions: ['eu-west-1'], collectedAt: NOW.toISOString() });
    await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot(SNAPSHOT_FIXTURE);
  });

  it('reads every page and merges it into one response', () => {
    const sgCalls = aws.requests.filter((r) => r.operation === 'DescribeSecurityGroups');
    expect(sgCalls.map((r) => r.params.NextToken)).toEqual([undefined, 'page-2']);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups?.SecurityGroups?.map((g) => g.GroupName)).toEqual(['default', 'default', 'db-admin']);
    expect(aws.requests.filter((r) => r.operation === 'ListUsers').map((r) => r.params.Marker)).toEqual([undefined, 'after-ken']);
    expect(snapshot.global.iam?.ListUsers?.Users?.map((u) => u.UserName)).toEqual(['ken', 'yui']);
  });

  it('retries throttling (EC2, IAM and CloudTrail codes) and then succeeds', () => {
    expect(aws.requests.filter((r) => r.operation === 'DescribeAddresses').map((r) => r.attempt)).toEqual([1, 2]);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeAddresses?.Addresses).toHaveLength(3);
    expect(aws.requests.filter((r) => r.operation === 'ListAccessKeys' && r.params.UserName === 'ken')).toHaveLength(2);
    expect(snapshot.global.iam?.ListAccessKeys?.ken?.AccessKeyMetadata?.[0]?.AccessKeyId).toBe('AKIARZPUZDIKN7ZCKWEE');
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

  it('keeps policy documents as objects, decoded from the URL-encoded JSON IAM returns', () => {
    expect(snapshot.global.iam?.GetUserPolicy?.ken?.['inline-all']?.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(aws.requests.filter((r) => r.operation === 'GetPolicyVersion').map((r) => r.params.VersionId)).toEqual(['v1']);
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
      { id: 'MAM601', name: 'rds-not-multi-az', entity: 'DbInstance' as const },
      { id: 'MAM701', name: 'eip-unattached', entity: 'ElasticIp' as const },
    ];
    const loaded = loadSnapshot('snapshot.json', JSON.stringify(snapshot, null, 2), rdsRules);
    expect(loaded.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'not-evaluated',
        message:
          'rds DescribeDBClusters in eu-west-1 failed with AccessDenied (User: arn:aws:sts::123456789012:assumed-role/audit/ci is not authorized to perform: rds:DescribeDBClusters); not evaluated there: MAM601 rds-not-multi-az',
      }),
    ]);
  });
});

describe('an empty account, a region that is not enabled, a per-service endpoint', () => {
  it('collects an empty snapshot in which only the missing trail is a finding', async () => {
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
      expect(findings.map((f) => [f.ruleId, f.messageId])).toEqual([['MAM504', 'noTrail']]);
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
