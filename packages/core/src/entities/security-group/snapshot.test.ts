import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../engine/run.js';
import { type ApiSecurityGroup, securityGroupFromApi } from './snapshot.js';

// The `db-admin` group of a recorded DescribeSecurityGroups response, in the SDK's (and the CLI's) JSON shape.
const dbAdmin: ApiSecurityGroup = {
  GroupId: 'sg-7a86c427f34a0cdf0',
  GroupName: 'db-admin',
  OwnerId: '123456789012',
  VpcId: 'vpc-0327ba8fad60b631e',
  IpPermissions: [
    { FromPort: 3389, IpProtocol: 'tcp', IpRanges: [], Ipv6Ranges: [{ CidrIpv6: '::/0' }], PrefixListIds: [], ToPort: 3389, UserIdGroupPairs: [] },
    {
      FromPort: 3306,
      IpProtocol: 'tcp',
      IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'temp' }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      ToPort: 3306,
      UserIdGroupPairs: [],
    },
    { IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: 'sg-7a86c427f34a0cdf0', UserId: '123456789012' }] },
  ],
  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
};

const arn = 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-7a86c427f34a0cdf0';
const location = { file: 'snapshot.json', line: 40, column: 9, endLine: 80, endColumn: 10, arn };

describe('a live security group maps onto the template entity', () => {
  it('flattens permissions to one rule per peer', () => {
    const sg = securityGroupFromApi(dbAdmin, location, 'eu-west-1');
    expect(sg).toMatchObject({
      kind: 'SecurityGroup',
      id: arn,
      source: 'snapshot',
      groupId: 'sg-7a86c427f34a0cdf0',
      displayName: 'sg-7a86c427f34a0cdf0 (db-admin)',
      region: 'eu-west-1',
    });
    expect(sg.rules.map((r) => [r.direction, r.protocol, r.fromPort, r.cidrIpv4 ?? r.cidrIpv6 ?? r.sourceSecurityGroup])).toEqual([
      ['ingress', 'tcp', 3389, '::/0'],
      ['ingress', 'tcp', 3306, '0.0.0.0/0'],
      ['ingress', '-1', undefined, 'sg-7a86c427f34a0cdf0'],
      ['egress', '-1', undefined, '0.0.0.0/0'],
    ]);
  });

  it('the same rule code judges it', () => {
    const worldOpen = rules.filter((r) => r.name === 'world-open-ingress');
    const { findings } = runRules(worldOpen, [securityGroupFromApi(dbAdmin, location)]);
    expect(findings.map((f) => f.message)).toEqual([
      'Security group sg-7a86c427f34a0cdf0 (db-admin) allows RDP (3389/tcp) from ::/0.',
      'Security group sg-7a86c427f34a0cdf0 (db-admin) allows MySQL (3306/tcp) from 0.0.0.0/0.',
    ]);
    expect(findings[0]?.location.arn).toBe(arn);
  });
});
