import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import { entityFindings, snapshotAzSpan } from '../../../../../test/snapshot-entities.js';
import rule from './index.js';

/** Two template subnets A and B in the zones given, then `resources`: from line 14 on when both zones are given and `head` is empty. */
function withSubnets(zoneA: string, zoneB: string, resources: string, head = ''): string {
  return `${head}Resources:
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24${zoneA ? `\n      AvailabilityZone: ${zoneA}` : ''}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.2.0/24${zoneB ? `\n      AvailabilityZone: ${zoneB}` : ''}
${resources}`;
}

const SUBNET_GROUP = (ids: string) => `  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: Database subnets
      SubnetIds: ${ids}
`;

/** An account snapshot of eu-west-1 with these responses, and subnets a1, a2 (zone a) and b1 (zone b). */
function account(responses: Record<string, unknown>): string {
  const Subnets = [
    { SubnetId: 'subnet-a1', AvailabilityZone: 'eu-west-1a' },
    { SubnetId: 'subnet-a2', AvailabilityZone: 'eu-west-1a' },
    { SubnetId: 'subnet-b1', AvailabilityZone: 'eu-west-1b' },
  ];
  return snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeSubnets: { Subnets } }, ...responses } } });
}
const subnetGroups = (...DBSubnetGroups: unknown[]) => ({ rds: { DescribeDBSubnetGroups: { DBSubnetGroups } } });
const subnetGroup = (name: string, subnets: [string, string?][]) => ({
  DBSubnetGroupName: name,
  DBSubnetGroupArn: `arn:aws:rds:eu-west-1:123456789012:subgrp:${name}`,
  Subnets: subnets.map(([id, zone]) => ({ SubnetIdentifier: id, ...(zone ? { SubnetAvailabilityZone: { Name: zone } } : {}), SubnetStatus: 'Active' })),
});
const loadBalancers = (...LoadBalancers: unknown[]) => ({ elbv2: { DescribeLoadBalancers: { LoadBalancers } } });
const classicLoadBalancers = (...LoadBalancerDescriptions: unknown[]) => ({ elb: { DescribeLoadBalancers: { LoadBalancerDescriptions } } });
const autoScalingGroups = (...AutoScalingGroups: unknown[]) => ({ autoscaling: { DescribeAutoScalingGroups: { AutoScalingGroups } } });
const AT = (service: string, operation: string, list: string, i: number, key: string) => ['regional', 'eu-west-1', service, operation, list, i, key];

const ZONE_0 = "!Select [0, !GetAZs '']";
const ZONE_1 = "!Select [1, !GetAZs '']";

ruleTester.run(rule, {
  valid: [
    { name: 'a DB subnet group over zones 0 and 1 of the region', template: withSubnets(ZONE_0, ZONE_1, SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')) },
    { name: 'two named zones', template: withSubnets('us-east-1a', 'us-east-1b', SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')) },
    { name: 'a zone given for one subnet only: the other is unknown', template: withSubnets('us-east-1a', '', SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')) },
    {
      name: 'zone 0 of the region named by AWS::Region, and zone 1',
      template: withSubnets("!Select [0, !GetAZs {Ref: 'AWS::Region'}]", ZONE_1, SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')),
    },
    {
      name: 'zones a and b of the region, written with Fn::Sub',
      template: withSubnets("!Sub '${AWS::Region}a'", "!Sub '${AWS::Region}b'", SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')),
    },
    { name: 'two subnet ids whose zones are unknown', template: `Resources:\n${SUBNET_GROUP('[subnet-0a, subnet-0b]')}` },
    {
      name: 'subnets from a list parameter',
      template: `Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\nResources:\n${SUBNET_GROUP('!Ref Subnets')}`,
    },
    {
      name: 'an imported comma-separated list, split',
      template: `Resources:\n${SUBNET_GROUP("!Split [',', !ImportValue network-PrivateSubnets]")}`,
    },
    {
      name: 'a network load balancer with two subnet mappings',
      template: `Resources:
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      SubnetMappings:
        - SubnetId: subnet-0a
          AllocationId: eipalloc-0a
        - SubnetId: subnet-0b
          AllocationId: eipalloc-0b
`,
    },
    {
      name: 'a load balancer without subnets (cfn-lint E3680 good)',
      template: 'Resources:\n  Nlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Type: network\n',
    },
    {
      name: 'an Auto Scaling group with one imported item, which may hold several comma-separated subnets',
      template: `Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      VPCZoneIdentifier:
        - !ImportValue network-PrivateSubnets
`,
    },
    {
      name: 'an Auto Scaling group with one comma-separated item',
      template:
        "Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n      VPCZoneIdentifier: ['subnet-0a,subnet-0b']\n",
    },
    {
      name: 'an Auto Scaling group in every zone of the region',
      template:
        "Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n      AvailabilityZones: !GetAZs ''\n",
    },
    {
      name: 'a Classic Load Balancer in two zones',
      template: `Resources:\n  Clb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [${ZONE_0}, ${ZONE_1}]\n      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]\n`,
    },
    {
      name: 'a list parameter default of one subnet overridden at deploy time',
      template: `Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: subnet-0a\nResources:\n${SUBNET_GROUP('!Ref Subnets')}`,
      parameters: { Subnets: 'subnet-0a,subnet-0b' },
    },
    {
      name: 'an account: a DB subnet group, an application, a network and a Classic load balancer and an Auto Scaling group over two zones',
      snapshot: account({
        ...subnetGroups(
          subnetGroup('orders', [
            ['subnet-a1', 'eu-west-1a'],
            ['subnet-b1', 'eu-west-1b'],
          ]),
        ),
        ...loadBalancers(
          {
            LoadBalancerName: 'web',
            Type: 'application',
            AvailabilityZones: [
              { ZoneName: 'eu-west-1a', SubnetId: 'subnet-a1' },
              { ZoneName: 'eu-west-1b', SubnetId: 'subnet-b1' },
            ],
          },
          {
            LoadBalancerName: 'ingest',
            Type: 'network',
            Scheme: 'internal',
            AvailabilityZones: [
              { ZoneName: 'eu-west-1a', SubnetId: 'subnet-a1' },
              { ZoneName: 'eu-west-1b', SubnetId: 'subnet-b1' },
            ],
          },
        ),
        ...classicLoadBalancers({ LoadBalancerName: 'legacy', AvailabilityZones: ['eu-west-1a', 'eu-west-1b'], Subnets: ['subnet-a1', 'subnet-b1'] }),
        ...autoScalingGroups(
          { AutoScalingGroupName: 'web', DesiredCapacity: 2, AvailabilityZones: ['eu-west-1a', 'eu-west-1b'], VPCZoneIdentifier: 'subnet-a1,subnet-b1' },
          { AutoScalingGroupName: 'zones', DesiredCapacity: 0, AvailabilityZones: ['eu-west-1a', 'eu-west-1b'], VPCZoneIdentifier: '' },
        ),
      }),
    },
    {
      name: 'an account: two subnets whose zones neither the group nor DescribeSubnets gives are not judged',
      snapshot: account(subnetGroups(subnetGroup('shared', [['subnet-0e1'], ['subnet-0e2']]))),
    },
  ],
  invalid: [
    {
      name: 'a DB subnet group of one literal subnet',
      template: `Resources:\n${SUBNET_GROUP('[subnet-0a]')}`,
      errors: [{ messageId: 'singleSubnet', line: 6, column: 18, data: { type: 'DB subnet group', name: 'Group', subnet: 'subnet-0a', via: '' } }],
    },
    {
      name: 'two subnets in zone 0 of the region',
      template: withSubnets(ZONE_0, ZONE_0, SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')),
      errors: [{ messageId: 'sameZone', line: 18, column: 18, data: { type: 'DB subnet group', count: 2, zone: ZONE_0 } }],
    },
    {
      name: 'zone 0 of the region written two ways is one zone',
      template: withSubnets("!Select [0, !GetAZs {Ref: 'AWS::Region'}]", ZONE_0, SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')),
      errors: [{ messageId: 'sameZone', line: 18, column: 18, data: { zone: ZONE_0 } }],
    },
    {
      name: 'zone a of the region written with Fn::Sub and with Fn::Join is one zone',
      template: withSubnets("!Sub '${AWS::Region}a'", "!Join ['', [!Ref 'AWS::Region', a]]", SUBNET_GROUP('[!Ref SubnetA, !Ref SubnetB]')),
      errors: [{ messageId: 'sameZone', line: 18, column: 18, data: { zone: '${AWS::Region}a' } }],
    },
    {
      name: 'two subnets in the same named zone, behind an application load balancer',
      template: withSubnets(
        'us-east-1a',
        'us-east-1a',
        '  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Name: web\n      Subnets:\n        - !Ref SubnetA\n        - !Ref SubnetB\n',
      ),
      errors: [{ messageId: 'sameZone', line: 19, column: 9, data: { type: 'load balancer', name: 'web', count: 2, zone: 'us-east-1a' } }],
    },
    {
      name: 'an application load balancer with one subnet (cfn-lint E3680 bad)',
      filename: 'template.json',
      template: '{"Resources": {"Alb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Type": "application", "Subnets": ["SubnetA"]}}}}',
      errors: [{ messageId: 'singleSubnet', line: 1, column: 126, data: { type: 'load balancer', name: 'Alb', subnet: 'SubnetA' } }],
    },
    {
      name: 'a network load balancer with one subnet mapping',
      template:
        'Resources:\n  Nlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Type: network\n      SubnetMappings: [{SubnetId: subnet-0a}]\n',
      errors: [{ messageId: 'singleSubnet', line: 6, column: 23, data: { subnet: 'subnet-0a' } }],
    },
    {
      name: 'an Auto Scaling group in one named zone',
      template:
        "Resources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n      AvailabilityZones: [us-east-1a]\n",
      errors: [{ messageId: 'singleZone', line: 7, column: 26, data: { type: 'Auto Scaling group', name: 'Asg', zone: 'us-east-1a' } }],
    },
    {
      name: 'a Classic Load Balancer in zone 0 of the region',
      template: `Resources:\n  Clb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [${ZONE_0}]\n      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]\n`,
      errors: [{ messageId: 'singleZone', line: 5, column: 26, data: { type: 'load balancer', zone: ZONE_0 } }],
    },
    {
      name: 'an Auto Scaling group in one subnet given by a subnet id parameter',
      template:
        "Parameters:\n  PrivateSubnet:\n    Type: AWS::EC2::Subnet::Id\nResources:\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n      VPCZoneIdentifier: [!Ref PrivateSubnet]\n",
      errors: [{ messageId: 'singleSubnet', line: 10, column: 26, data: { subnet: '!Ref PrivateSubnet' } }],
    },
    {
      name: 'a list parameter whose default is one subnet',
      template: `Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: subnet-0a\nResources:\n${SUBNET_GROUP('!Ref Subnets')}`,
      errors: [{ messageId: 'singleSubnet', line: 10, column: 18, data: { subnet: 'subnet-0a', via: ' (default of parameter Subnets)' } }],
    },
    {
      name: 'one subnet on one branch of Fn::If',
      template: withSubnets(
        ZONE_0,
        ZONE_1,
        SUBNET_GROUP('!If [IsProd, [!Ref SubnetA, !Ref SubnetB], [!Ref SubnetA]]'),
        'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n',
      ),
      errors: [{ messageId: 'singleSubnet', line: 20, column: 61, data: { subnet: 'SubnetA', via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a second subnet only when a condition holds',
      template: withSubnets(
        ZONE_0,
        ZONE_1,
        SUBNET_GROUP('[!Ref SubnetA, !If [IsProd, !Ref SubnetB, !Ref AWS::NoValue]]'),
        'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n',
      ),
      errors: [{ messageId: 'singleSubnet', line: 20, column: 18, data: { subnet: 'SubnetA', via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'an account DB subnet group with two subnets in one zone, at its name; the spread one is not reported',
      snapshot: account(
        subnetGroups(
          subnetGroup('orders', [
            ['subnet-a1', 'eu-west-1a'],
            ['subnet-b1', 'eu-west-1b'],
          ]),
          subnetGroup('reporting', [['subnet-a1', 'eu-west-1a'], ['subnet-a2']]),
        ),
      ),
      errors: [
        {
          messageId: 'sameZone',
          at: AT('rds', 'DescribeDBSubnetGroups', 'DBSubnetGroups', 1, 'DBSubnetGroupName'),
          message: 'The DB subnet group reporting has 2 subnets, all in Availability Zone eu-west-1a: it goes down with that zone.',
        },
      ],
    },
    {
      name: 'an internal network load balancer in one subnet, named with its zone',
      snapshot: account(
        loadBalancers({
          LoadBalancerName: 'ingest',
          Type: 'network',
          Scheme: 'internal',
          AvailabilityZones: [{ ZoneName: 'eu-west-1b', SubnetId: 'subnet-b1' }],
        }),
      ),
      errors: [
        {
          messageId: 'singleSubnetInZone',
          at: AT('elbv2', 'DescribeLoadBalancers', 'LoadBalancers', 0, 'LoadBalancerName'),
          message: 'The load balancer ingest has a single subnet, subnet-b1, in Availability Zone eu-west-1b: it goes down with that zone.',
        },
      ],
    },
    {
      name: 'a Classic Load Balancer outside a VPC in one zone',
      snapshot: account(classicLoadBalancers({ LoadBalancerName: 'classic', AvailabilityZones: ['eu-west-1a'], Subnets: [] })),
      errors: [
        {
          messageId: 'singleZone',
          at: AT('elb', 'DescribeLoadBalancers', 'LoadBalancerDescriptions', 0, 'LoadBalancerName'),
          message: 'The load balancer classic lists a single Availability Zone, eu-west-1a: it goes down with that zone.',
        },
      ],
    },
    {
      name: 'an Auto Scaling group scaled to zero in one subnet is reported: it launches there when it scales out',
      snapshot: account(
        autoScalingGroups({ AutoScalingGroupName: 'batch', DesiredCapacity: 0, MinSize: 0, AvailabilityZones: ['eu-west-1a'], VPCZoneIdentifier: 'subnet-a2' }),
      ),
      errors: [
        {
          messageId: 'singleSubnetInZone',
          at: AT('autoscaling', 'DescribeAutoScalingGroups', 'AutoScalingGroups', 0, 'AutoScalingGroupName'),
          data: { type: 'Auto Scaling group', name: 'batch', subnet: 'subnet-a2', zone: 'eu-west-1a' },
        },
      ],
    },
    {
      name: 'an Auto Scaling group in one subnet whose zone is not known is reported by its subnet',
      snapshot: account(autoScalingGroups({ AutoScalingGroupName: 'edge', VPCZoneIdentifier: 'subnet-0e9' })),
      errors: [
        {
          messageId: 'singleSubnet',
          at: AT('autoscaling', 'DescribeAutoScalingGroups', 'AutoScalingGroups', 0, 'AutoScalingGroupName'),
          data: { subnet: 'subnet-0e9' },
        },
      ],
    },
  ],
});

describe('single-az-deployment on snapshot entities', () => {
  it('judges the zones a snapshot reports', () => {
    const findings = entityFindings(rule, [
      snapshotAzSpan('db-private', { subnetIds: ['subnet-0a', 'subnet-0b'], availabilityZones: ['eu-west-1a', 'eu-west-1a'] }),
      snapshotAzSpan('db-spread', { subnetIds: ['subnet-0a', 'subnet-0b'], availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
      snapshotAzSpan('web', { resourceType: 'AutoScalingGroup', subnetIds: ['subnet-0c'], availabilityZones: ['eu-west-1c'] }),
    ]);
    expect(findings.map((f) => [f.messageId, f.location.arn, f.message])).toEqual([
      [
        'sameZone',
        'arn:aws:rds:eu-west-1:123456789012:subgrp:db-private',
        'The DB subnet group db-private has 2 subnets, all in Availability Zone eu-west-1a: it goes down with that zone.',
      ],
      [
        'singleSubnetInZone',
        'arn:aws:rds:eu-west-1:123456789012:subgrp:web',
        'The Auto Scaling group web has a single subnet, subnet-0c, in Availability Zone eu-west-1c: it goes down with that zone.',
      ],
    ]);
  });
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
