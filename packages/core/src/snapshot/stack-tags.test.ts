import { describe, expect, it } from 'vitest';
import { snapshotJson } from '../../../../test/snapshot-builder.js';
import { loadSnapshot } from './read.js';
import { stackOfTags } from './stack-tags.js';

const tags = (logicalId: string, stack = 'shop-web-prod') => [
  { Key: 'Name', Value: 'whatever' },
  { Key: 'aws:cloudformation:stack-name', Value: stack },
  { Key: 'aws:cloudformation:logical-id', Value: logicalId },
];

describe('the stack a resource was made in', () => {
  it('is named by both aws:cloudformation tags, with the stack id when tagged', () => {
    expect(stackOfTags(tags('Web'))).toEqual({ name: 'shop-web-prod', logicalId: 'Web' });
    const id = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/shop-web-prod/1';
    expect(stackOfTags([...tags('Web'), { Key: 'aws:cloudformation:stack-id', Value: id }])).toEqual({ name: 'shop-web-prod', logicalId: 'Web', id });
    // Either tag alone, an empty value, another case or nothing: no stack.
    expect(stackOfTags([{ Key: 'aws:cloudformation:stack-name', Value: 'shop' }])).toBeUndefined();
    expect(stackOfTags([{ Key: 'aws:cloudformation:logical-id', Value: 'Web' }])).toBeUndefined();
    expect(stackOfTags(tags(''))).toBeUndefined();
    expect(
      stackOfTags([
        { Key: 'AWS:CloudFormation:Stack-Name', Value: 'shop' },
        { Key: 'aws:cloudformation:logical-id', Value: 'Web' },
      ]),
    ).toBeUndefined();
    expect(stackOfTags(undefined)).toBeUndefined();
    expect(stackOfTags([{}, { Key: 'aws:cloudformation:stack-name' }])).toBeUndefined();
  });

  it('is kept on every kind whose answer carries tags', () => {
    const text = snapshotJson({
      iam: {
        GetAccountAuthorizationDetails: {
          UserDetailList: [],
          GroupDetailList: [],
          Policies: [],
          RoleDetailList: [{ RoleName: 'app', Arn: 'arn:aws:iam::123456789012:role/app', AssumeRolePolicyDocument: {}, Tags: tags('AppRole') }],
        },
      },
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeSecurityGroups: { SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', Tags: tags('WebSecurityGroup') }, { GroupId: 'sg-2' }] },
            DescribeNetworkAcls: { NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [], Tags: tags('PublicAcl') }] },
            DescribeAddresses: { Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '203.0.113.1', Tags: tags('Address') }] },
            DescribeInstances: { Reservations: [{ Instances: [{ InstanceId: 'i-1', State: { Name: 'running' }, Tags: tags('Server') }] }] },
            DescribeNatGateways: { NatGateways: [{ NatGatewayId: 'nat-1', State: 'available', Tags: tags('Nat') }] },
          },
          rds: {
            DescribeDBInstances: { DBInstances: [{ DBInstanceIdentifier: 'db-1', TagList: tags('Database') }] },
            DescribeDBClusters: { DBClusters: [{ DBClusterIdentifier: 'cluster-1', TagList: tags('Cluster') }] },
          },
          autoscaling: {
            DescribeAutoScalingGroups: {
              AutoScalingGroups: [
                {
                  AutoScalingGroupName: 'web-asg',
                  AvailabilityZones: ['eu-west-1a'],
                  Tags: tags('WebGroup').map((t) => ({ ...t, ResourceId: 'web-asg', ResourceType: 'auto-scaling-group', PropagateAtLaunch: true })),
                },
              ],
            },
          },
        },
      },
    });
    const { entities, notifications } = loadSnapshot('account.json', text);
    expect(notifications.filter((n) => n.code === 'invalid-snapshot')).toEqual([]);
    const byKind = Object.fromEntries(entities.filter((e) => e.stack).map((e) => [e.kind, e.stack?.logicalId]));
    expect(byKind).toEqual({
      SecurityGroup: 'WebSecurityGroup',
      NetworkAcl: 'PublicAcl',
      ElasticIp: 'Address',
      Instance: 'Server',
      NatGateway: 'Nat',
      DbInstance: 'Database',
      DbCluster: 'Cluster',
      IamRole: 'AppRole',
      AzSpan: 'WebGroup',
    });
    // A resource without CloudFormation's tags has no stack.
    expect(entities.find((e) => e.id.endsWith('security-group/sg-2'))?.stack).toBeUndefined();
  });
});
