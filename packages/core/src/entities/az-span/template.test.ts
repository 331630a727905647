import { describe, expect, it } from 'vitest';
import { templateFrom } from '../../../../../test/entities.js';
import { Resolver } from '../../template/resolution/resolve.js';
import { azSpansOf } from './template.js';

const template = (body: string) => templateFrom(`AWSTemplateFormatVersion: '2010-09-09'\n${body}`);

describe('azSpansOf', () => {
  const SUBNETS = `  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZoneId: use1-az4}
  C:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.3.0/24}
`;

  function spans(resources: string, head = '') {
    const t = template(`${head}Resources:\n${SUBNETS}${resources}`);
    return azSpansOf(t, new Resolver(t)).map(({ resourceType, name, subnetIds, availabilityZones }) => ({ resourceType, name, subnetIds, availabilityZones }));
  }

  it('follows template subnets to their zone or zone id', () => {
    expect(
      spans('  G:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties: {DBSubnetGroupDescription: g, DBSubnetGroupName: db, SubnetIds: [!Ref A, !Ref B]}\n'),
    ).toEqual([{ resourceType: 'DbSubnetGroup', name: 'db', subnetIds: ['A', 'B'], availabilityZones: ['Fn::GetAZs[0]', 'use1-az4'] }]);
  });

  it('a subnet without a zone, or a literal id, leaves the zones unknown', () => {
    expect(spans('  L:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: {Subnets: [!Ref A, !Ref C, subnet-0d]}\n')).toEqual([
      { resourceType: 'LoadBalancer', name: 'L', subnetIds: ['A', 'C', 'subnet-0d'], availabilityZones: undefined },
    ]);
  });

  it('counts comma-separated subnets of an Auto Scaling group, and gives up on an unknown item', () => {
    const asg = (zone: string) =>
      `  W:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: {MinSize: '1', MaxSize: '1', VPCZoneIdentifier: ${zone}}\n`;
    expect(spans(asg("['subnet-0a, subnet-0b']"))[0]?.subnetIds).toEqual(['subnet-0a', 'subnet-0b']);
    expect(spans(asg('[!ImportValue app-subnets]'))[0]?.subnetIds).toEqual([]);
    expect(spans(asg('!Ref Subnets'), 'Parameters:\n  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}\n')[0]?.subnetIds).toEqual([]);
  });

  it('lists zones written directly when there are no subnets', () => {
    expect(
      spans('  E:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties: {AvailabilityZones: [us-east-1a, us-east-1b], Listeners: []}\n'),
    ).toEqual([{ resourceType: 'LoadBalancer', name: 'E', subnetIds: [], availabilityZones: ['us-east-1a', 'us-east-1b'] }]);
  });
});
