import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../test/entities.js';
import { accountSummary, credentialReport, rootRow, snapshotJson } from '../../../../test/snapshot-builder.js';
import { COLLECTOR_CALLS, LEGACY_CALL_FEEDS } from './calls.js';
import type { CallError } from './format.js';
import { CALL_FEEDS, FEED_SOURCES, kindsFedBy, notEvaluatedMessage, rulesNotEvaluated } from './load.js';
import { loadSnapshot } from './read.js';

const ids = (error: Omit<CallError, 'code'>, answered?: (call: string, region: string) => boolean): string[] =>
  rulesNotEvaluated({ ...error, code: 'AccessDenied' }, rules, answered).map((r) => r.id);
const regional = (service: string, operation: string, resource?: string) => ({ service, region: 'eu-west-1', operation, ...(resource ? { resource } : {}) });
const global = (service: string, operation: string, resource?: string) => ({ service, region: 'global', operation, ...(resource ? { resource } : {}) });

describe('what each failed call leaves unevaluated', () => {
  it('every call the collector makes says what it feeds, and fallbacks name calls that exist', () => {
    expect(Object.keys(CALL_FEEDS).sort()).toEqual([...COLLECTOR_CALLS, ...Object.keys(LEGACY_CALL_FEEDS)].sort());
    for (const [feed, sources] of Object.entries(FEED_SOURCES)) {
      for (const call of sources ?? [])
        expect(
          CALL_FEEDS[call]?.some((f) => feed === f || feed.startsWith(`${f}.`)),
          `${call} gives ${feed}`,
        ).toBe(true);
    }
  });

  it('security groups feed the security group rules and the database ingress rule, not the other database rules', () => {
    expect(ids(regional('ec2', 'DescribeSecurityGroups'))).toEqual(['MAM101', 'MAM103']);
    expect(ids(regional('ec2', 'DescribeNetworkAcls'))).toEqual(['MAM102']);
  });

  it('instances, NAT gateways and route tables: the instance, Elastic IP and NAT gateway rules as far as they read them', () => {
    expect(ids(regional('ec2', 'DescribeAddresses'))).toEqual(['MAM701']);
    expect(ids(regional('ec2', 'DescribeInstances'))).toEqual(['MAM401', 'MAM701']);
    expect(ids(regional('ec2', 'DescribeNatGateways'))).toEqual(['MAM702']);
    expect(ids(regional('ec2', 'DescribeRouteTables'))).toEqual(['MAM702']);
    expect(ids(regional('ec2', 'DescribeSubnets'))).toEqual([]);
  });

  it('each CloudTrail call feeds only the trail rules that read its answer', () => {
    expect(ids(regional('cloudtrail', 'DescribeTrails'))).toEqual(['MAM501', 'MAM502', 'MAM503', 'MAM504', 'MAM703', 'MAM704', 'MAM705']);
    expect(ids(regional('cloudtrail', 'GetTrailStatus', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/a'))).toEqual([
      'MAM503',
      'MAM504',
      'MAM704',
      'MAM705',
    ]);
    expect(ids(regional('cloudtrail', 'GetEventSelectors', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/a'))).toEqual(['MAM703', 'MAM704']);
    expect(ids(global('s3', 'GetBucketLifecycleConfiguration', 'logs'))).toEqual(['MAM705']);
    expect(ids(regional('cloudtrail', 'LookupEvents'))).toEqual(['MAM206']);
  });

  it('RDS: the instance list feeds every database rule; the cluster list the rules that judge clusters, which no other call gives', () => {
    expect(ids(regional('rds', 'DescribeDBInstances'))).toEqual(['MAM103', 'MAM601', 'MAM602', 'MAM603', 'MAM604']);
    expect(ids(regional('rds', 'DescribeDBClusters'))).toEqual(['MAM601', 'MAM602', 'MAM603', 'MAM604']);
    expect(ids(regional('rds', 'DescribeDBClusters'), (call, region) => call === 'rds:DescribeDBInstances' && region === 'eu-west-1')).toEqual([
      'MAM601',
      'MAM602',
      'MAM603',
      'MAM604',
    ]);
  });

  it('ElastiCache: either list feeds the failover rule', () => {
    expect(ids(regional('elasticache', 'DescribeReplicationGroups'))).toEqual(['MAM606']);
    expect(ids(regional('elasticache', 'DescribeCacheClusters'))).toEqual(['MAM606']);
  });

  it('each call listing what spans zones feeds the single-AZ rule, even when the others answered: each lists resources of its own', () => {
    const all = () => true;
    for (const [service, operation] of [
      ['rds', 'DescribeDBSubnetGroups'],
      ['elbv2', 'DescribeLoadBalancers'],
      ['elb', 'DescribeLoadBalancers'],
      ['autoscaling', 'DescribeAutoScalingGroups'],
    ] as const)
      expect(ids(regional(service, operation), all), `${service} ${operation}`).toEqual(['MAM605']);
  });

  it('IAM: each per-user call feeds the user rules that read it', () => {
    const userRules = ['MAM202', 'MAM209', 'MAM210', 'MAM211', 'MAM213', 'MAM214', 'MAM215'];
    // Older collectors read policies per listed user: without the list, and without the authorization details, none were read.
    expect(ids(global('iam', 'ListUsers'))).toEqual(['MAM201', ...userRules]);
    expect(ids(global('iam', 'ListUsers'), (call) => call === 'iam:GetAccountAuthorizationDetails')).toEqual(userRules);
    expect(ids(global('iam', 'ListAccessKeys', 'ken'))).toEqual(['MAM209', 'MAM210', 'MAM213', 'MAM214']);
    expect(ids(global('iam', 'GetAccessKeyLastUsed', 'AKIA1'))).toEqual(['MAM209', 'MAM213', 'MAM214']);
    expect(ids(global('iam', 'ListMFADevices', 'ken'))).toEqual(['MAM211']);
  });

  it('IAM: the authorization details feed the policy, role and group rules; the per-user calls of older collectors still name theirs', () => {
    expect(ids(global('iam', 'GetAccountAuthorizationDetails'))).toEqual(['MAM201', 'MAM202', 'MAM212', 'MAM215']);
    expect(ids(global('iam', 'ListGroupsForUser', 'ken'))).toEqual(['MAM215']);
    expect(ids(global('iam', 'ListAttachedUserPolicies', 'ken'))).toEqual(['MAM201', 'MAM202', 'MAM215']);
    expect(ids(global('iam', 'ListUserPolicies', 'ken'))).toEqual(['MAM201', 'MAM202', 'MAM215']);
    expect(ids(global('iam', 'GetUserPolicy', 'ken/inline'))).toEqual(['MAM201']);
    expect(ids(global('iam', 'GetPolicy', 'arn:aws:iam::123456789012:policy/p'))).toEqual(['MAM201']);
    expect(ids(global('iam', 'GetPolicyVersion', 'arn:aws:iam::123456789012:policy/p'))).toEqual(['MAM201']);
  });

  it('the account summary and the credential report stand in for each other', () => {
    expect(ids(global('iam', 'GetAccountSummary'))).toEqual(['MAM207', 'MAM208']);
    expect(ids(global('iam', 'GetAccountSummary'), (call) => call === 'iam:GetCredentialReport')).toEqual([]);
    expect(ids(global('iam', 'GetCredentialReport'))).toEqual(['MAM206', 'MAM207', 'MAM208', 'MAM209', 'MAM210', 'MAM211', 'MAM213', 'MAM214']);
    // With the summary, the MFA devices, the user list and the access key list answered, only what the report alone gives is lost:
    // root activity, and whether a user has a console password.
    expect(ids(global('iam', 'GenerateCredentialReport'), () => true)).toEqual(['MAM206', 'MAM211', 'MAM214']);
  });

  it('a region that could not be read at all leaves every regional rule, and root activity, unevaluated there', () => {
    expect(ids({ service: '*', region: 'ap-east-1', operation: '*' })).toEqual([
      'MAM101',
      'MAM102',
      'MAM103',
      'MAM206',
      'MAM401',
      'MAM501',
      'MAM502',
      'MAM503',
      'MAM504',
      'MAM601',
      'MAM602',
      'MAM603',
      'MAM604',
      'MAM605',
      'MAM606',
      'MAM701',
      'MAM702',
      'MAM703',
      'MAM704',
      'MAM705',
    ]);
    expect(kindsFedBy({ service: 'rds', operation: '*' })).toEqual(['DbInstance', 'DbCluster', 'AzSpan']);
  });

  it('a rule without `reads` (a plugin rule) is named for any call that feeds its entity', () => {
    const plugin = { id: 'ACME1', name: 'acme-trail-tags', entity: 'Trail' as const };
    expect(rulesNotEvaluated({ ...global('s3', 'GetBucketLifecycleConfiguration', 'logs'), code: 'AccessDenied' }, [plugin])).toEqual([plugin]);
  });
});

describe('not-evaluated warnings', () => {
  it('name the rules a failed call leaves out, and no others', () => {
    const doc = snapshotJson({
      iam: { GetAccountSummary: accountSummary({ mfa: true, keys: false }) },
      regional: { 'eu-west-1': { rds: { DescribeDBInstances: { DBInstances: [] } } } },
      errors: [
        {
          service: 'iam',
          region: 'global',
          operation: 'GenerateCredentialReport',
          code: 'ReportInProgress',
          message: 'credential report not ready after 120 s',
        },
        { service: 's3', region: 'global', operation: 'GetBucketLifecycleConfiguration', resource: 'logs', code: 'AccessDenied', httpStatus: 403 },
        { service: 'rds', region: 'eu-west-1', operation: 'DescribeDBClusters', code: 'AccessDenied', httpStatus: 403 },
      ],
    });
    expect(loadSnapshot('s.json', doc, rules).notifications.map((n) => n.message)).toEqual([
      'iam GenerateCredentialReport failed with ReportInProgress (credential report not ready after 120 s); not evaluated: MAM206 root-recently-used, MAM209 iam-access-key-unused, MAM210 iam-access-key-not-rotated, MAM211 iam-console-user-without-mfa, MAM213 iam-user-inactive, MAM214 iam-console-user-unused-key',
      's3 GetBucketLifecycleConfiguration for logs failed with AccessDenied; not evaluated: MAM705 cloudtrail-bucket-no-lifecycle',
      'rds DescribeDBClusters in eu-west-1 failed with AccessDenied; not evaluated there: MAM601 rds-not-multi-az, MAM602 rds-publicly-accessible, MAM603 rds-storage-unencrypted, MAM604 rds-backups-disabled',
    ]);
  });

  it('the account summary failing while the credential report answered leaves nothing out', () => {
    const doc = snapshotJson({
      iam: { GetCredentialReport: credentialReport([rootRow()]) },
      errors: [{ service: 'iam', region: 'global', operation: 'GetAccountSummary', code: 'AccessDenied' }],
    });
    expect(loadSnapshot('s.json', doc, rules).notifications.map((n) => n.message)).toEqual([
      'iam GetAccountSummary failed with AccessDenied; the rules that read it were evaluated from other calls',
    ]);
  });

  it('without the list of regions, only the starting region was read', () => {
    expect(notEvaluatedMessage({ service: 'ec2', region: 'us-east-1', operation: 'DescribeRegions', code: 'UnauthorizedOperation' }, rules)).toBe(
      'ec2 DescribeRegions in us-east-1 failed with UnauthorizedOperation; only us-east-1 was read',
    );
  });
});

describe('a call the collector that wrote the snapshot did not make', () => {
  const recorded = JSON.parse(recordedText) as { collector?: unknown; regional: Record<string, Record<string, unknown>>; global: Record<string, unknown> };
  const warnings = (doc: unknown) =>
    loadSnapshot('s.json', JSON.stringify(doc, null, 2), rules)
      .notifications.filter((n) => n.message.includes('has no answer and no failure'))
      .map((n) => n.message);

  it('is said, naming the rules it leaves not evaluated, instead of judging them clean', () => {
    const older = structuredClone(recorded);
    delete older.regional['eu-west-1']?.elbv2;
    delete older.global.budgets;
    expect(warnings(older)).toEqual([
      'budgets DescribeBudgets has no answer and no failure in the snapshot: the collector that wrote it did not make that call; not evaluated: MAM706 no-billing-guardrail. Collect again with this version',
      'elbv2 DescribeLoadBalancers in eu-west-1 has no answer and no failure in the snapshot: the collector that wrote it did not make that call; not evaluated there: MAM605 single-az-deployment. Collect again with this version',
    ]);
  });

  it('is not said of a whole snapshot, a failed call (its failure says it), a call whose answer is not kept, or a hand-made snapshot', () => {
    // The recorded account: DescribeDBClusters failed, GenerateCredentialReport shows through GetCredentialReport.
    expect(warnings(recorded)).toEqual([]);
    const handMade = structuredClone(recorded);
    delete handMade.collector;
    delete handMade.regional['eu-west-1']?.elbv2;
    expect(warnings(handMade)).toEqual([]);
  });
});

describe('a policy document the snapshot holds but no one can read', () => {
  it('is said, naming the rules that could not read it, instead of granting nothing', () => {
    const doc = JSON.parse(recordedText) as { global: { iam: { GetAccountAuthorizationDetails: Record<string, Record<string, unknown>[]> } } };
    const details = doc.global.iam.GetAccountAuthorizationDetails;
    const user = details.UserDetailList?.[0] as { UserName: string; UserPolicyList: unknown[] };
    user.UserPolicyList = [
      { PolicyName: 'bad-encoding', PolicyDocument: '%E0%A4%A' },
      { PolicyName: 'statement-text', PolicyDocument: '{"Statement":"x"}' },
      { PolicyName: 'fine', PolicyDocument: '%7B%22Statement%22%3A%5B%5D%7D' },
    ];
    const role = details.RoleDetailList?.[0] as { RoleName: string; AssumeRolePolicyDocument: unknown };
    role.AssumeRolePolicyDocument = 'not json';
    const messages = loadSnapshot('s.json', JSON.stringify(doc, null, 2), rules)
      .notifications.filter((n) => n.message.includes('not a readable'))
      .map((n) => n.message);
    expect(messages).toEqual([
      `Inline policy bad-encoding of user ${user.UserName} is not a readable IAM policy document; not evaluated for it: MAM201 iam-policy-admin-star`,
      `Inline policy statement-text of user ${user.UserName} is not a readable IAM policy document; not evaluated for it: MAM201 iam-policy-admin-star`,
      `The trust policy of role ${role.RoleName} is not a readable IAM policy document; not evaluated for it: MAM212 iam-role-trust-any-principal`,
    ]);
  });
});

describe('a snapshot that breaks the schema in many places', () => {
  it('names the first 20 problems where they are and counts the rest, each once', () => {
    const addresses = Array.from({ length: 26 }, (_, i) => ({ AllocationId: `eipalloc-${i}`, PublicIp: i }));
    const text = snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeAddresses: { Addresses: addresses } } } } });
    const out = loadSnapshot('s.json', text, rules);
    expect(out.entities).toEqual([]);
    expect(out.notifications).toHaveLength(21);
    const lines = text.split('\n');
    out.notifications.slice(0, 20).forEach((n, i) => {
      expect(n.message).toBe(`Invalid account snapshot: $.regional['eu-west-1'].ec2.DescribeAddresses.Addresses[${i}].PublicIp: must be string`);
      expect(lines[(n.line ?? 0) - 1]?.slice((n.column ?? 0) - 1)).toBe(`${i}`);
    });
    expect(out.notifications[20]).toEqual({ level: 'error', code: 'invalid-snapshot', file: 's.json', message: 'Invalid account snapshot: 6 more problems' });
  });
});
