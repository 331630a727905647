import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import { runRules } from '../../engine/run.js';
import type { ApiSecurityGroup } from '../../snapshot/format.js';
import { loadSnapshot } from '../../snapshot/read.js';
import { securityGroupFromApi } from './snapshot.js';

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

describe('security groups from the recorded account snapshot', () => {
  it('security groups are located at their GroupId and keep the region', () => {
    const [first, , dbAdmin] = of('SecurityGroup', loaded.entities);
    expect(first?.location).toMatchObject({
      ...at([...R, 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0, 'GroupId']),
      arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-b97a59397aaeed111',
    });
    expect(dbAdmin).toMatchObject({ groupId: 'sg-7a86c427f34a0cdf0', displayName: 'sg-7a86c427f34a0cdf0 (db-admin)', region: 'eu-west-1' });
    expect(dbAdmin?.rules.filter((r) => r.direction === 'ingress').map((r) => r.cidrIpv4 ?? r.cidrIpv6 ?? r.sourceSecurityGroup)).toEqual([
      '::/0',
      '0.0.0.0/0',
      'sg-7a86c427f34a0cdf0',
    ]);
  });
});

describe('security groups from snapshots', () => {
  it('security group rules are located at the value naming their peer: IPv4 and IPv6 ranges, another group, a prefix list', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeSecurityGroups: {
              SecurityGroups: [
                {
                  GroupId: 'sg-0a1b2c3d4e5f60718',
                  GroupName: 'web',
                  IpPermissions: [
                    {
                      IpProtocol: 'tcp',
                      FromPort: 22,
                      ToPort: 22,
                      IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '0.0.0.0/0' }],
                      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
                      PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0' }],
                      UserIdGroupPairs: [{ GroupId: 'sg-0f0e0d0c0b0a09080', UserId: ACCOUNT }],
                    },
                  ],
                  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
                },
              ],
            },
          },
        },
      },
    });
    const [sg] = of('SecurityGroup', loadSnapshot('s.json', doc).entities);
    const group = ['regional', 'eu-west-1', 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0];
    const ingress = [...group, 'IpPermissions', 0];
    const arn = `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`;
    expect(
      sg?.rules.map((r) => [r.cidrIpv4 ?? r.cidrIpv6 ?? r.sourceSecurityGroup ?? r.prefixListId, r.location.line, r.location.column, r.location.arn]),
    ).toEqual(
      [
        ['10.0.0.0/8', at([...ingress, 'IpRanges', 0, 'CidrIp'], doc)],
        ['0.0.0.0/0', at([...ingress, 'IpRanges', 1, 'CidrIp'], doc)],
        ['::/0', at([...ingress, 'Ipv6Ranges', 0, 'CidrIpv6'], doc)],
        ['sg-0f0e0d0c0b0a09080', at([...ingress, 'UserIdGroupPairs', 0, 'GroupId'], doc)],
        ['pl-0123456789abcdef0', at([...ingress, 'PrefixListIds', 0, 'PrefixListId'], doc)],
        ['0.0.0.0/0', at([...group, 'IpPermissionsEgress', 0, 'IpRanges', 0, 'CidrIp'], doc)],
      ].map(([peer, pos]) => [peer, (pos as { line: number }).line, (pos as { column: number }).column, arn]),
    );
  });
});
