import { loadSnapshot, validateSnapshot } from '@mamori/core';
import { runRules } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ec2Xml,
  emptyAccountRoutes,
  type FakeAws,
  type FakeResponse,
  queryError,
  queryXml,
  type Routes,
  startFakeAws,
  useFakeAwsEnv,
  wire,
} from '../../../test/fake-aws.js';
import { collectSnapshot } from './collect.js';

// DB subnet groups, load balancers of both generations and Auto Scaling groups, each call in two
// pages (bodies in test/fixtures/aws-wire/), read through the real SDK clients.

const NOW = new Date('2026-11-25T15:00:00.000Z');
const fast = { retryBackoff: () => 5, now: () => NOW } as const;

const SUBNETS: [string, string][] = [
  ['subnet-0a1b2c3d4e5f60718', 'eu-west-1a'],
  ['subnet-0a2b3c4d5e6f70819', 'eu-west-1a'],
  ['subnet-0b1c2d3e4f5a60718', 'eu-west-1b'],
  ['subnet-0c1d2e3f4a5b60718', 'eu-west-1c'],
];

const xml = (name: string): FakeResponse => ({ body: wire(name), contentType: 'text/xml' });

/** The first page, or the second when the request carries the first page's token. */
const twoPages =
  (file: string, param: string, token: string) =>
  (req: { params: Record<string, string> }): FakeResponse =>
    xml(req.params[param] === token ? `${file}-2.xml` : `${file}.xml`);

function azRoutes(): Routes {
  return {
    ...emptyAccountRoutes(),
    'sts:GetCallerIdentity': queryXml(
      'sts',
      'GetCallerIdentity',
      '<UserId>AROAEXAMPLEROLEID:audit</UserId><Account>123456789012</Account><Arn>arn:aws:sts::123456789012:assumed-role/audit/audit</Arn>',
    ),
    'ec2:DescribeSubnets': ec2Xml(
      'DescribeSubnets',
      `<subnetSet>${SUBNETS.map(([id, zone]) => `<item><subnetId>${id}</subnetId><availabilityZone>${zone}</availabilityZone><vpcId>vpc-0f1e2d3c4b5a69788</vpcId></item>`).join('')}</subnetSet>`,
    ),
    'rds:DescribeDBSubnetGroups': twoPages('rds/DescribeDBSubnetGroups', 'Marker', 'cmVwb3J0aW5nLWRi'),
    'elbv2:DescribeLoadBalancers': twoPages('elbv2/DescribeLoadBalancers', 'Marker', 'd2VifDUwZGM2YzQ5NWMwYzkxODg='),
    // The web load balancer was made by a stack; the ingest one by hand.
    'elbv2:DescribeTags': (req) => {
      const arns = Object.entries(req.params)
        .filter(([k]) => k.startsWith('ResourceArns.member.'))
        .map(([, v]) => v);
      const tags = (arn: string) =>
        arn.includes('/app/web/')
          ? '<member><Key>aws:cloudformation:stack-name</Key><Value>shop-web</Value></member><member><Key>aws:cloudformation:logical-id</Key><Value>WebLoadBalancer</Value></member>'
          : '<member><Key>team</Key><Value>data</Value></member>';
      return queryXml(
        'elbv2',
        'DescribeTags',
        `<TagDescriptions>${arns.map((a) => `<member><ResourceArn>${a}</ResourceArn><Tags>${tags(a)}</Tags></member>`).join('')}</TagDescriptions>`,
      );
    },
    'elb:DescribeLoadBalancers': twoPages('elb/DescribeLoadBalancers', 'Marker', 'bGVnYWN5LXdlYg=='),
    'autoscaling:DescribeAutoScalingGroups': twoPages('autoscaling/DescribeAutoScalingGroups', 'NextToken', 'YmF0Y2g='),
  };
}

const MAM605 = rules.filter((r) => r.id === 'MAM605');

function findings(snapshot: Awaited<ReturnType<typeof collectSnapshot>>) {
  const loaded = loadSnapshot('account.json', JSON.stringify(snapshot, null, 2), MAM605);
  return { loaded, findings: runRules(MAM605, loaded.entities).findings.map((f) => [f.location.arn, f.message]) };
}

describe('collecting what spans Availability Zones through the real SDK clients', () => {
  let aws: FakeAws;
  let restore: () => void;
  let snapshot: Awaited<ReturnType<typeof collectSnapshot>>;

  beforeAll(async () => {
    aws = await startFakeAws(azRoutes());
    restore = useFakeAwsEnv(aws.url);
    snapshot = await collectSnapshot({ ...fast });
  });
  afterAll(async () => {
    restore();
    await aws.close();
  });

  it('reads every page of each call, passing on its own token, and tells the two load balancer APIs apart', () => {
    expect(validateSnapshot(snapshot)).toEqual([]);
    expect(snapshot.errors).toEqual([]);
    const tokens = (service: string, operation: string, param: string) =>
      aws.requests.filter((r) => r.service === service && r.operation === operation).map((r) => r.params[param]);
    expect(tokens('rds', 'DescribeDBSubnetGroups', 'Marker')).toEqual([undefined, 'cmVwb3J0aW5nLWRi']);
    expect(tokens('elbv2', 'DescribeLoadBalancers', 'Marker')).toEqual([undefined, 'd2VifDUwZGM2YzQ5NWMwYzkxODg=']);
    expect(tokens('elb', 'DescribeLoadBalancers', 'Marker')).toEqual([undefined, 'bGVnYWN5LXdlYg==']);
    expect(tokens('autoscaling', 'DescribeAutoScalingGroups', 'NextToken')).toEqual([undefined, 'YmF0Y2g=']);
    // Both load balancers' tags in one DescribeTags request, after both pages; the stack's on its load balancer.
    const tagged = aws.requests.filter((r) => r.service === 'elbv2' && r.operation === 'DescribeTags');
    expect(tagged.map((r) => Object.keys(r.params).filter((k) => k.startsWith('ResourceArns.member.')).length)).toEqual([2]);
    const { loaded } = findings(snapshot);
    expect(loaded.entities.flatMap((e) => (e.kind === 'AzSpan' && e.stack ? [[e.name, e.stack]] : []))).toEqual([
      ['web', { name: 'shop-web', logicalId: 'WebLoadBalancer' }],
    ]);
    const r = snapshot.regional['eu-west-1'];
    expect(r?.rds?.DescribeDBSubnetGroups?.DBSubnetGroups?.map((g) => [g.DBSubnetGroupName, g.Subnets?.map((s) => s.SubnetAvailabilityZone?.Name)])).toEqual([
      ['orders-db', ['eu-west-1a', 'eu-west-1b']],
      ['reporting-db', ['eu-west-1a', 'eu-west-1a']],
      ['legacy-db', ['eu-west-1c']],
    ]);
    expect(r?.elbv2?.DescribeLoadBalancers?.LoadBalancers?.map((lb) => [lb.LoadBalancerName, lb.Type, lb.AvailabilityZones?.map((z) => z.ZoneName)])).toEqual([
      ['web', 'application', ['eu-west-1a', 'eu-west-1b']],
      ['ingest', 'network', ['eu-west-1c']],
    ]);
    expect(r?.elb?.DescribeLoadBalancers?.LoadBalancerDescriptions?.map((lb) => [lb.LoadBalancerName, lb.Subnets])).toEqual([
      ['legacy-web', ['subnet-0a1b2c3d4e5f60718']],
      ['legacy-api', ['subnet-0a1b2c3d4e5f60718', 'subnet-0b1c2d3e4f5a60718']],
    ]);
    expect(
      r?.autoscaling?.DescribeAutoScalingGroups?.AutoScalingGroups?.map((g) => [
        g.AutoScalingGroupName,
        g.DesiredCapacity,
        g.AvailabilityZones,
        g.VPCZoneIdentifier,
      ]),
    ).toEqual([
      ['web', 2, ['eu-west-1a', 'eu-west-1b'], 'subnet-0a1b2c3d4e5f60718,subnet-0b1c2d3e4f5a60718'],
      ['batch', 0, ['eu-west-1a'], 'subnet-0a1b2c3d4e5f60718,subnet-0a2b3c4d5e6f70819'],
      ['reports', 1, ['eu-west-1c'], 'subnet-0c1d2e3f4a5b60718'],
    ]);
  });

  it('reports each resource confined to one zone, at its ARN, and none of those spread over two', () => {
    expect(findings(snapshot).findings).toEqual([
      [
        'arn:aws:rds:eu-west-1:123456789012:subgrp:reporting-db',
        'The DB subnet group reporting-db has 2 subnets, all in Availability Zone eu-west-1a: it goes down with that zone.',
      ],
      [
        'arn:aws:rds:eu-west-1:123456789012:subgrp:legacy-db',
        'The DB subnet group legacy-db has a single subnet, subnet-0c1d2e3f4a5b60718, in Availability Zone eu-west-1c: it goes down with that zone.',
      ],
      [
        'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/ingest/73e2d6bc24d8a067',
        'The load balancer ingest has a single subnet, subnet-0c1d2e3f4a5b60718, in Availability Zone eu-west-1c: it goes down with that zone.',
      ],
      [
        'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/legacy-web',
        'The load balancer legacy-web has a single subnet, subnet-0a1b2c3d4e5f60718, in Availability Zone eu-west-1a: it goes down with that zone.',
      ],
      [
        'arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:5f2c7e1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/batch',
        'The Auto Scaling group batch has 2 subnets, all in Availability Zone eu-west-1a: it goes down with that zone.',
      ],
      [
        'arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d:autoScalingGroupName/reports',
        'The Auto Scaling group reports has a single subnet, subnet-0c1d2e3f4a5b60718, in Availability Zone eu-west-1c: it goes down with that zone.',
      ],
    ]);
  });
});

describe('a denied Auto Scaling call', () => {
  it('is recorded, leaves MAM605 not evaluated in that region, and the other resources are still judged', async () => {
    const denied = 'User: arn:aws:sts::123456789012:assumed-role/audit/audit is not authorized to perform: autoscaling:DescribeAutoScalingGroups';
    const aws = await startFakeAws({ ...azRoutes(), 'autoscaling:DescribeAutoScalingGroups': queryError('AccessDenied', denied, 403) });
    const restore = useFakeAwsEnv(aws.url);
    try {
      const snapshot = await collectSnapshot({ ...fast });
      expect(snapshot.errors).toEqual([
        { service: 'autoscaling', region: 'eu-west-1', operation: 'DescribeAutoScalingGroups', code: 'AccessDenied', message: denied, httpStatus: 403 },
      ]);
      expect(snapshot.regional['eu-west-1']?.autoscaling).toBeUndefined();
      const { loaded, findings: found } = findings(snapshot);
      expect(loaded.notifications.filter((n) => n.code === 'not-evaluated').map((n) => n.message)).toEqual([
        `autoscaling DescribeAutoScalingGroups in eu-west-1 failed with AccessDenied (${denied}); not evaluated there: MAM605 single-az-deployment`,
      ]);
      expect(found.map(([arn]) => arn?.split(':')[2])).toEqual(['rds', 'rds', 'elasticloadbalancing', 'elasticloadbalancing']);
    } finally {
      restore();
      await aws.close();
    }
  });
});
