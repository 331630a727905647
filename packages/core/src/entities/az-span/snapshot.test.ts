import { describe, expect, it } from 'vitest';
import { at, of } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { AzSpan } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

const SUBNETS = {
  ec2: {
    DescribeSubnets: {
      Subnets: [
        { SubnetId: 'subnet-a1', AvailabilityZone: 'eu-west-1a' },
        { SubnetId: 'subnet-a2', AvailabilityZone: 'eu-west-1a' },
        { SubnetId: 'subnet-b1', AvailabilityZone: 'eu-west-1b' },
      ],
    },
  },
};

function spans(regional: Record<string, Record<string, unknown>>): { text: string; spans: AzSpan[] } {
  const text = snapshotJson({ regional });
  return { text, spans: of('AzSpan', loadSnapshot('s.json', text).entities) };
}

const view = ({ id, resourceType, name, subnetIds, availabilityZones, region }: AzSpan) => ({ id, resourceType, name, subnetIds, availabilityZones, region });

describe('availability-zone spans from snapshots', () => {
  it('a DB subnet group: its subnets and their zones, by its ARN, located at its name', () => {
    const { text, spans: got } = spans({
      'eu-west-1': {
        rds: {
          DescribeDBSubnetGroups: {
            DBSubnetGroups: [
              {
                DBSubnetGroupName: 'orders',
                DBSubnetGroupArn: `arn:aws:rds:eu-west-1:${ACCOUNT}:subgrp:orders`,
                Subnets: [
                  { SubnetIdentifier: 'subnet-a1', SubnetAvailabilityZone: { Name: 'eu-west-1a' } },
                  { SubnetIdentifier: 'subnet-a2', SubnetAvailabilityZone: { Name: 'eu-west-1a' } },
                ],
              },
            ],
          },
        },
      },
    });
    expect(got.map(view)).toEqual([
      {
        id: `arn:aws:rds:eu-west-1:${ACCOUNT}:subgrp:orders`,
        resourceType: 'DbSubnetGroup',
        name: 'orders',
        subnetIds: ['subnet-a1', 'subnet-a2'],
        availabilityZones: ['eu-west-1a'],
        region: 'eu-west-1',
      },
    ]);
    expect(got[0]?.source).toBe('snapshot');
    expect(got[0]?.location).toMatchObject({
      ...at(['regional', 'eu-west-1', 'rds', 'DescribeDBSubnetGroups', 'DBSubnetGroups', 0, 'DBSubnetGroupName'], text),
      arn: `arn:aws:rds:eu-west-1:${ACCOUNT}:subgrp:orders`,
    });
  });

  it('a subnet whose answer leaves out its zone takes it from DescribeSubnets; one DescribeSubnets does not list leaves the zones unknown', () => {
    const group = (name: string, ids: string[]) => ({ DBSubnetGroupName: name, Subnets: ids.map((SubnetIdentifier) => ({ SubnetIdentifier })) });
    const { spans: got } = spans({
      'eu-west-1': {
        ...SUBNETS,
        rds: { DescribeDBSubnetGroups: { DBSubnetGroups: [group('known', ['subnet-a1', 'subnet-b1']), group('unknown', ['subnet-a1', 'subnet-zz'])] } },
      },
    });
    expect(got.map(view)).toEqual([
      expect.objectContaining({ id: `arn:aws:rds:eu-west-1:${ACCOUNT}:subgrp:known`, availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
      expect.objectContaining({ name: 'unknown', subnetIds: ['subnet-a1', 'subnet-zz'], availabilityZones: undefined }),
    ]);
  });

  it('load balancers of both generations: subnets and zones as each API reports them, a Classic one outside a VPC by its zones alone', () => {
    const nlb = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/net/ingest/73e2d6bc24d8a067`;
    const { text, spans: got } = spans({
      'eu-west-1': {
        elbv2: {
          DescribeLoadBalancers: {
            LoadBalancers: [
              {
                LoadBalancerArn: nlb,
                LoadBalancerName: 'ingest',
                Type: 'network',
                Scheme: 'internal',
                AvailabilityZones: [{ ZoneName: 'eu-west-1b', SubnetId: 'subnet-b1' }],
              },
            ],
          },
        },
        elb: {
          DescribeLoadBalancers: {
            LoadBalancerDescriptions: [
              { LoadBalancerName: 'legacy', AvailabilityZones: ['eu-west-1a', 'eu-west-1b'], Subnets: ['subnet-a1', 'subnet-b1'] },
              { LoadBalancerName: 'classic', AvailabilityZones: ['us-east-1a'], Subnets: [] },
            ],
          },
        },
      },
    });
    expect(got.map(view)).toEqual([
      { id: nlb, resourceType: 'LoadBalancer', name: 'ingest', subnetIds: ['subnet-b1'], availabilityZones: ['eu-west-1b'], region: 'eu-west-1' },
      {
        id: `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/legacy`,
        resourceType: 'LoadBalancer',
        name: 'legacy',
        subnetIds: ['subnet-a1', 'subnet-b1'],
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        region: 'eu-west-1',
      },
      expect.objectContaining({ name: 'classic', subnetIds: [], availabilityZones: ['us-east-1a'] }),
    ]);
    expect(got[0]?.location).toMatchObject(at(['regional', 'eu-west-1', 'elbv2', 'DescribeLoadBalancers', 'LoadBalancers', 0, 'LoadBalancerName'], text));
    expect(got[2]?.location).toMatchObject(
      at(['regional', 'eu-west-1', 'elb', 'DescribeLoadBalancers', 'LoadBalancerDescriptions', 1, 'LoadBalancerName'], text),
    );
  });

  it('Auto Scaling groups: the comma-separated subnets, the zones Auto Scaling reports; one scaled to zero is kept, one being deleted is not', () => {
    const arn = (name: string) => `arn:aws:autoscaling:eu-west-1:${ACCOUNT}:autoScalingGroup:5f2c7e1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/${name}`;
    const { text, spans: got } = spans({
      'eu-west-1': {
        ...SUBNETS,
        autoscaling: {
          DescribeAutoScalingGroups: {
            AutoScalingGroups: [
              {
                AutoScalingGroupName: 'batch',
                AutoScalingGroupARN: arn('batch'),
                DesiredCapacity: 0,
                AvailabilityZones: ['eu-west-1a'],
                VPCZoneIdentifier: 'subnet-a1, subnet-a2',
              },
              { AutoScalingGroupName: 'zones', AvailabilityZones: ['eu-west-1a', 'eu-west-1b'], VPCZoneIdentifier: '' },
              { AutoScalingGroupName: 'by-subnets', VPCZoneIdentifier: 'subnet-a1,subnet-b1' },
              { AutoScalingGroupName: 'old', Status: 'Delete in progress', AvailabilityZones: ['eu-west-1a'], VPCZoneIdentifier: 'subnet-a1' },
            ],
          },
        },
      },
    });
    expect(got.map(view)).toEqual([
      {
        id: arn('batch'),
        resourceType: 'AutoScalingGroup',
        name: 'batch',
        subnetIds: ['subnet-a1', 'subnet-a2'],
        availabilityZones: ['eu-west-1a'],
        region: 'eu-west-1',
      },
      expect.objectContaining({ name: 'zones', subnetIds: [], availabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
      expect.objectContaining({
        id: `arn:aws:autoscaling:eu-west-1:${ACCOUNT}:autoScalingGroup:*:autoScalingGroupName/by-subnets`,
        subnetIds: ['subnet-a1', 'subnet-b1'],
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      }),
    ]);
    expect(got[0]?.location).toMatchObject(
      at(['regional', 'eu-west-1', 'autoscaling', 'DescribeAutoScalingGroups', 'AutoScalingGroups', 0, 'AutoScalingGroupName'], text),
    );
  });

  it('every region its own: a subnet id is looked up in its own region only', () => {
    const { spans: got } = spans({
      'eu-west-1': SUBNETS,
      'us-east-1': {
        autoscaling: { DescribeAutoScalingGroups: { AutoScalingGroups: [{ AutoScalingGroupName: 'web', VPCZoneIdentifier: 'subnet-a1,subnet-b1' }] } },
      },
    });
    expect(got.map(view)).toEqual([expect.objectContaining({ region: 'us-east-1', availabilityZones: undefined })]);
  });
});
