import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';

describe('network ACLs from the recorded account snapshot', () => {
  it('network ACL entries, each at its CIDR', () => {
    const [acl] = of('NetworkAcl', loaded.entities);
    expect(acl).toMatchObject({
      aclId: 'acl-8f69a602d8d0e4070',
      vpcId: 'vpc-ab096950892822a2d',
      id: 'arn:aws:ec2:eu-west-1:123456789012:network-acl/acl-8f69a602d8d0e4070',
      isDefault: true,
      subnetIds: ['subnet-7027f9f7a4d6ceafd', 'subnet-42842388e3f2b9e57', 'subnet-54401f2a48be7f94e'],
    });
    expect(acl?.entries.map((e) => [e.ruleNumber, e.egress, e.action, e.protocol, e.cidrIpv4])).toEqual([
      [100, true, 'allow', '-1', '0.0.0.0/0'],
      [32767, true, 'deny', '-1', '0.0.0.0/0'],
      [100, false, 'allow', '-1', '0.0.0.0/0'],
      [32767, false, 'deny', '-1', '0.0.0.0/0'],
    ]);
    expect(acl?.entries[2]?.location).toMatchObject(at([...R, 'ec2', 'DescribeNetworkAcls', 'NetworkAcls', 0, 'Entries', 2, 'CidrBlock']));
  });
});
