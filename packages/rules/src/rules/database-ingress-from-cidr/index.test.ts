import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { dbInstancesSnapshot } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

/**
 * A database security group `DbSg` whose only ingress item is `item` (its first line is line 8 +
 * the lines of `extra`, at column 11), and a MySQL instance using it, with `dbProps` added.
 */
function dbWithIngress(item: string, extra = '', dbProps = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: database
      SecurityGroupIngress:
        - ${item.trim().split('\n').join('\n          ')}
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      VPCSecurityGroups: [!GetAtt DbSg.GroupId]${dbProps ? `\n      ${dbProps.trim().split('\n').join('\n      ')}` : ''}
`;
}

const MYSQL = (peer: string) => `IpProtocol: tcp\nFromPort: 3306\nToPort: 3306\n${peer}`;

ruleTester.run(rule, {
  valid: [
    // EC2 refuses it (a not-deployable warning): FromPort alone is not read as 3306-65535.
    { name: 'a range with FromPort 3306 and no ToPort', template: dbWithIngress('IpProtocol: tcp\nFromPort: 3306\nCidrIp: 10.0.0.0/8') },
    { name: "the application's security group", template: dbWithIngress(MYSQL('SourceSecurityGroupId: !Ref AppSg')) },
    { name: 'a single address', template: dbWithIngress(MYSQL('CidrIp: 10.0.3.15/32')) },
    { name: 'a single IPv6 address', template: dbWithIngress(MYSQL('CidrIpv6: 2001:db8::15/128')) },
    { name: 'a range on another port', template: dbWithIngress('IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: 10.0.0.0/8') },
    { name: 'a range on the engine port over UDP', template: dbWithIngress('IpProtocol: udp\nFromPort: 3306\nToPort: 3306\nCidrIp: 10.0.0.0/8') },
    { name: 'the whole internet on MySQL: world-open-ingress reports it', template: dbWithIngress(MYSQL('CidrIp: 0.0.0.0/0')) },
    { name: 'all traffic from the whole internet: world-open-ingress reports it', template: dbWithIngress("IpProtocol: '-1'\nCidrIpv6: ::/0") },
    { name: 'half of the internet on MySQL: world-open-ingress reports it', template: dbWithIngress(MYSQL('CidrIp: 128.0.0.0/1')) },
    { name: 'a prefix list', template: dbWithIngress(MYSQL('SourcePrefixListId: pl-0123456789abcdef0')) },
    {
      name: 'a CIDR parameter without a default is unknown',
      template: dbWithIngress(MYSQL('CidrIp: !Ref AppCidr'), 'Parameters:\n  AppCidr:\n    Type: String\n'),
    },
    { name: 'the instance listens on another port', template: dbWithIngress(MYSQL('CidrIp: 10.0.0.0/16'), '', 'Port: 3307') },
    {
      name: 'a range on a security group the instance does not use',
      template: dbWithIngress(MYSQL('SourceSecurityGroupId: !Ref AppSg')).replace(
        'Resources:\n',
        'Resources:\n  BastionSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: bastion\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/8}]\n',
      ),
    },
    {
      name: 'egress to a range',
      template: dbWithIngress(MYSQL('SourceSecurityGroupId: !Ref AppSg')).replace(
        '      SecurityGroupIngress:',
        '      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/8}]\n      SecurityGroupIngress:',
      ),
    },
    {
      name: 'an engine whose port is unknown and a rule for one port',
      template: dbWithIngress(MYSQL('CidrIp: 10.0.0.0/16'))
        .replace('Engine: mysql', 'Engine: !Ref Engine')
        .replace('Resources:', 'Parameters:\n  Engine:\n    Type: String\nResources:'),
    },
    {
      name: 'a range whose ports come from a parameter without a default',
      template: dbWithIngress('IpProtocol: tcp\nFromPort: !Ref P\nToPort: !Ref P\nCidrIp: 10.0.0.0/16', 'Parameters:\n  P:\n    Type: Number\n'),
    },
    {
      name: 'a world range on empty ports: neither every port nor the database port',
      template: dbWithIngress("IpProtocol: tcp\nFromPort: ''\nToPort: ''\nCidrIp: 0.0.0.0/0"),
    },
    { name: 'an inverted range around the engine port', template: dbWithIngress('IpProtocol: tcp\nFromPort: 3307\nToPort: 3305\nCidrIp: 10.0.0.0/16') },
  ],
  invalid: [
    {
      name: 'MySQL from a private range',
      template: dbWithIngress(MYSQL('CidrIp: 10.0.0.0/16')),
      errors: [{ messageId: 'range', line: 11, column: 19, data: { group: 'DbSg', db: 'Db', service: 'MySQL port 3306', cidr: '10.0.0.0/16', via: '' } }],
    },
    {
      name: "the VPC's own CIDR block",
      template: dbWithIngress(MYSQL('CidrIp: !GetAtt Vpc.CidrBlock')).replace(
        'Resources:\n',
        'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.20.0.0/16\n',
      ),
      errors: [{ messageId: 'range', line: 15, column: 19, data: { cidr: '10.20.0.0/16', via: ' (CidrBlock of Vpc)' } }],
    },
    {
      name: 'a CIDR parameter whose default is a range',
      template: dbWithIngress(MYSQL('CidrIp: !Ref AppCidr'), 'Parameters:\n  AppCidr:\n    Type: String\n    Default: 172.16.0.0/12\n'),
      errors: [{ messageId: 'range', line: 15, column: 19, data: { cidr: '172.16.0.0/12', via: ' (default of parameter AppCidr)' } }],
    },
    {
      name: 'an IPv6 range',
      template: dbWithIngress(MYSQL('CidrIpv6: 2001:db8:1234::/56')),
      errors: [{ messageId: 'range', line: 11, column: 21, data: { cidr: '2001:db8:1234::/56' } }],
    },
    {
      name: 'all traffic from a range',
      template: dbWithIngress("IpProtocol: '-1'\nCidrIp: 10.0.0.0/8"),
      errors: [{ messageId: 'range', line: 9, column: 19, data: { service: 'MySQL port 3306', cidr: '10.0.0.0/8' } }],
    },
    {
      name: 'half of the IPv6 global unicast space on a port world-open-ingress does not watch is the whole internet',
      template: dbWithIngress("IpProtocol: tcp\nFromPort: 3307\nToPort: 3307\nCidrIpv6: '3000::/4'", '', 'Port: 3307'),
      errors: [{ messageId: 'world', line: 11, column: 21, data: { service: 'MySQL port 3307', cidr: '3000::/4' } }],
    },
    {
      name: 'the whole internet on a port world-open-ingress does not watch',
      template: dbWithIngress('IpProtocol: tcp\nFromPort: 3307\nToPort: 3307\nCidrIp: 0.0.0.0/0', '', 'Port: 3307'),
      errors: [{ messageId: 'world', line: 11, column: 19, data: { service: 'MySQL port 3307', cidr: '0.0.0.0/0' } }],
    },
    {
      name: 'a standalone ingress on every TCP port, attached by Ref',
      template: dbWithIngress(MYSQL('SourceSecurityGroupId: !Ref AppSg')).replace(
        '  Db:\n',
        '  Office:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: !Ref DbSg, IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 192.168.0.0/16}\n  Db:\n',
      ),
      errors: [{ messageId: 'range', line: 14, column: 91, data: { group: 'DbSg', cidr: '192.168.0.0/16' } }],
    },
    {
      name: 'a group outside the template, named by id, with an ingress in the template',
      template: `Resources:
  Office:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-0123456789abcdef0
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      CidrIp: 10.8.0.0/16
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      VPCSecurityGroups: [sg-0123456789abcdef0]
`,
      errors: [{ messageId: 'range', line: 9, column: 15, data: { group: 'sg-0123456789abcdef0', service: 'PostgreSQL port 5432', cidr: '10.8.0.0/16' } }],
    },
    {
      name: 'an Aurora member uses the security groups of its cluster',
      template: `Resources:
  ClusterSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: aurora
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16}
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      VpcSecurityGroupIds: [!Ref ClusterSg]
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
`,
      errors: [{ messageId: 'range', line: 7, column: 67, data: { group: 'ClusterSg', db: 'Writer', service: 'Aurora PostgreSQL port 5432' } }],
    },
    {
      name: 'an EC2-Classic DB security group',
      template: `Resources:
  DbSecurityGroup:
    Type: AWS::RDS::DBSecurityGroup
    Properties:
      GroupDescription: classic
      DBSecurityGroupIngress:
        - CIDRIP: 192.168.0.0/16
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBSecurityGroups: [!Ref DbSecurityGroup]
`,
      errors: [{ messageId: 'range', line: 7, column: 19, data: { group: 'DbSecurityGroup', cidr: '192.168.0.0/16' } }],
    },
    {
      name: 'the security groups an account snapshot attaches to the instance',
      snapshot: dbInstancesSnapshot(
        [{ DBInstanceIdentifier: 'orders', Engine: 'postgres', Endpoint: { Port: 5432 }, VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db' }] }],
        {
          DescribeSecurityGroups: {
            SecurityGroups: [
              {
                GroupId: 'sg-0db',
                IpPermissions: [
                  { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
                  { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-0app' }] },
                ],
              },
            ],
          },
        },
      ),
      errors: [
        {
          messageId: 'range',
          at: ['regional', 'eu-west-1', 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0, 'IpPermissions', 0, 'IpRanges', 0, 'CidrIp'],
          message:
            "Security group sg-0db of DB instance orders admits PostgreSQL port 5432 from the address range 10.0.0.0/16 rather than from the application's security group.",
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
