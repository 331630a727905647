import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const PERMISSION = ['regional', 'eu-west-1', 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0, 'IpPermissions', 0];

/** An account snapshot of one security group in eu-west-1 with these IpPermissions. */
function groupSnapshot(permissions: Record<string, unknown>[]): string {
  const group = { GroupId: 'sg-0a1b2c3d4e5f60718', GroupName: 'admin', VpcId: 'vpc-0a1b2c3d4e5f60718', IpPermissions: permissions, IpPermissionsEgress: [] };
  return snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeSecurityGroups: { SecurityGroups: [group] } } } } });
}

/** A template with one security group whose only ingress item is `item` (indented as a list entry). */
function sg(item: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: test
      SecurityGroupIngress:
        - ${item.trim().split('\n').join('\n          ')}
`;
}
// In sg(), the item's first line is line 8 plus the lines of `extra`, starting at column 11.

/** Twenty conditions, and a value that is `leaf(i)` when condition `Ci` is the first true one, else `last`. */
const TWENTY = `Parameters:\n  Env: {Type: String}\nConditions:\n${Array.from({ length: 20 }, (_, i) => `  C${i}: !Equals [!Ref Env, e${i}]\n`).join('')}`;
function chain(leaf: (i: number) => string, last: string): string {
  let v = last;
  for (let i = 19; i >= 0; i--) v = `{'Fn::If': [C${i}, ${leaf(i)}, ${v}]}`;
  return v;
}
const deepWorld = sg(`IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: ${chain((i) => `'10.${i}.0.0/16'`, "'0.0.0.0/0'")}`, TWENTY);
const allFalse = Array.from({ length: 20 }, (_, i) => `when condition C${i} is false`).join(', ');

ruleTester.run(rule, {
  valid: [
    { name: 'HTTPS from the world', template: sg('IpProtocol: tcp\nFromPort: 443\nToPort: 443\nCidrIp: 0.0.0.0/0') },
    { name: 'HTTP from the world over IPv6', template: sg('IpProtocol: tcp\nFromPort: 80\nToPort: 80\nCidrIpv6: ::/0') },
    { name: 'SSH from a single admin address', template: sg('IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: 203.0.113.10/32') },
    { name: 'all traffic from a private range', template: sg('IpProtocol: -1\nCidrIp: 10.0.0.0/8') },
    { name: 'MySQL from another security group', template: sg('IpProtocol: tcp\nFromPort: 3306\nToPort: 3306\nSourceSecurityGroupId: sg-0123456789abcdef0') },
    { name: 'a range that stops short of 22', template: sg('IpProtocol: tcp\nFromPort: 23\nToPort: 1000\nCidrIp: 0.0.0.0/0') },
    { name: 'ICMP from the world', template: sg('IpProtocol: icmp\nFromPort: -1\nToPort: -1\nCidrIp: 0.0.0.0/0') },
    {
      name: 'SSH from private, unique local and quarter-internet ranges, and from text that is not a range',
      template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: test
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 172.16.0.0/12 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 192.168.0.0/16 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/2 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: 'fc00::/7' }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: '2001:db8::/32' }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: anywhere }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0/0' }
`,
    },
    {
      name: 'an account group open to private and narrow ranges only',
      snapshot: groupSnapshot([
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '172.16.0.0/12' }, { CidrIp: '0.0.0.0/2' }],
          Ipv6Ranges: [{ CidrIpv6: 'fc00::/7' }],
        },
      ]),
    },
    { name: 'SSH port over UDP is not SSH', template: sg('IpProtocol: udp\nFromPort: 22\nToPort: 22\nCidrIp: 0.0.0.0/0') },
    {
      name: 'egress to the world is not ingress',
      template: sg('IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: 0.0.0.0/0').replace('SecurityGroupIngress', 'SecurityGroupEgress'),
    },
    {
      name: 'a parameter whose default is a single address',
      template: sg(
        'IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: !Ref AdminCidr',
        'Parameters:\n  AdminCidr:\n    Type: String\n    Default: 198.51.100.7/32\n',
      ),
    },
    {
      name: 'a parameter default overridden at deploy time',
      template: sg(
        'IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: !Ref AdminCidr',
        'Parameters:\n  AdminCidr:\n    Type: String\n    Default: 0.0.0.0/0\n',
      ),
      parameters: { AdminCidr: '198.51.100.7/32' },
    },
    {
      name: 'a standalone ingress for HTTPS',
      template: `Resources:
  Ingress:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-0123456789abcdef0
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0
`,
    },
    { name: 'an inverted range (23 to 21) holds no port', template: sg('IpProtocol: tcp\nFromPort: 23\nToPort: 21\nCidrIp: 0.0.0.0/0') },
    {
      name: 'FromPort from a parameter whose default is empty is unknown, not port 0',
      template: sg('IpProtocol: tcp\nFromPort: !Ref P\nToPort: 22\nCidrIp: 0.0.0.0/0', "Parameters:\n  P:\n    Type: String\n    Default: ''\n"),
    },
    {
      name: 'both ports from a Number parameter without a default are unknown, not every port',
      template: sg('IpProtocol: tcp\nFromPort: !Ref P\nToPort: !Ref P\nCidrIp: 0.0.0.0/0', 'Parameters:\n  P:\n    Type: Number\n'),
    },
    { name: 'empty port strings are unknown', template: sg("IpProtocol: tcp\nFromPort: ''\nToPort: ''\nCidrIp: 0.0.0.0/0") },
    { name: 'non-integer port strings are unknown', template: sg("IpProtocol: tcp\nFromPort: ssh\nToPort: '22.5'\nCidrIp: 0.0.0.0/0") },
    { name: 'an ignored built-in port', template: sg('IpProtocol: tcp\nFromPort: 9200\nToPort: 9200\nCidrIp: 0.0.0.0/0'), options: { ignoredPorts: [9200] } },
    // EC2 refuses tcp and udp rules with one port (a not-deployable warning): no range 22-65535 is made up.
    { name: 'SSH with FromPort and no ToPort', template: sg('IpProtocol: tcp\nFromPort: 22\nCidrIp: 0.0.0.0/0') },
    { name: 'protocol 6 with ToPort and no FromPort', template: sg('IpProtocol: 6\nToPort: 22\nCidrIp: 0.0.0.0/0') },
    { name: "protocol '17' with FromPort 3389 and no ToPort", template: sg("IpProtocol: '17'\nFromPort: 3389\nCidrIp: ::/0".replace('CidrIp', 'CidrIpv6')) },
    {
      name: 'SSH from the world only on a branch whose protocol is UDP: conditions go together',
      template: sg(`IpProtocol: ${chain(() => 'tcp', 'udp')}\nFromPort: 22\nToPort: 22\nCidrIp: ${chain(() => "'10.0.0.0/8'", "'0.0.0.0/0'")}`, TWENTY),
    },
  ],
  invalid: [
    {
      name: 'the world in the last branch of 20 nested conditions',
      template: deepWorld,
      errors: [
        {
          messageId: 'sensitivePorts',
          line: 8 + TWENTY.split('\n').length - 1 + 3,
          column: 19 + chain((i) => `'10.${i}.0.0/16'`, "'0.0.0.0/0'").indexOf("'0.0.0.0/0'"),
          data: { services: 'SSH (22/tcp)', via: ` (${allFalse})` },
        },
      ],
    },
    {
      name: 'the same world-open rule on every branch of two conditions is reported once',
      template: sg('IpProtocol: tcp\nFromPort: !If [C0, 22, 22]\nToPort: !If [C1, 22, 22]\nCidrIp: 0.0.0.0/0', TWENTY),
      errors: [{ messageId: 'sensitivePorts', line: 34, column: 19, data: { via: ' (when condition C0 is true, when condition C1 is true)' } }],
    },
    {
      name: 'an extra port from the configuration',
      template: sg('IpProtocol: tcp\nFromPort: 8000\nToPort: 8100\nCidrIp: 0.0.0.0/0'),
      options: { extraPorts: [8080, 22] },
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 19, data: { services: 'port 8080/tcp' } }],
    },
    {
      name: 'ports left out on TCP mean every port',
      template: sg('IpProtocol: tcp\nCidrIp: 0.0.0.0/0'),
      errors: [{ messageId: 'allPorts', line: 9, column: 19, data: { protocol: 'TCP' } }],
    },
    {
      name: 'all traffic from the world, whatever its unknown ports say',
      template: sg('IpProtocol: -1\nFromPort: !Ref P\nToPort: !Ref P\nCidrIp: 0.0.0.0/0', 'Parameters:\n  P:\n    Type: Number\n'),
      errors: [{ messageId: 'allTraffic', line: 14, column: 19, data: { cidr: '0.0.0.0/0' } }],
    },
    {
      name: 'a port known on one branch of Fn::If and unknown on the other',
      template: sg(
        'IpProtocol: tcp\nFromPort: !If [Fixed, 22, !Ref P]\nToPort: 22\nCidrIp: 0.0.0.0/0',
        'Parameters:\n  P:\n    Type: Number\nConditions:\n  Fixed: !Equals [!Ref AWS::StackName, admin]\n',
      ),
      errors: [{ messageId: 'sensitivePorts', line: 16, column: 19, data: { services: 'SSH (22/tcp)', via: ' (when condition Fixed is true)' } }],
    },
    {
      name: 'SSH from 0.0.0.0/0',
      template: sg('IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: 0.0.0.0/0'),
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 19, data: { group: 'Sg', services: 'SSH (22/tcp)', cidr: '0.0.0.0/0', via: '' } }],
    },
    {
      name: 'RDP from ::/0',
      template: sg('IpProtocol: tcp\nFromPort: 3389\nToPort: 3389\nCidrIpv6: ::/0'),
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 21, data: { services: 'RDP (3389/tcp)', cidr: '::/0' } }],
    },
    {
      name: 'half of the internet, in two rules, and non-canonical spellings of the whole of it',
      template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: test
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/1 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 128.0.0.0/1 }
        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: ' 0.0.0.0/0 ' }
        - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: '0:0:0:0:0:0:0:0/0' }
        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIpv6: '8000::/1' }
        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIpv6: '2000::/3' }
        - { IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIpv6: '::ffff:0.0.0.0/96' }
`,
      errors: [
        { messageId: 'sensitivePorts', line: 7, column: 64, data: { services: 'SSH (22/tcp)', cidr: '0.0.0.0/1' } },
        { messageId: 'sensitivePorts', line: 8, column: 64, data: { services: 'SSH (22/tcp)', cidr: '128.0.0.0/1' } },
        { messageId: 'sensitivePorts', line: 9, column: 68, data: { services: 'RDP (3389/tcp)', cidr: '0.0.0.0/0' } },
        { messageId: 'sensitivePorts', line: 10, column: 70, data: { services: 'RDP (3389/tcp)', cidr: '0:0:0:0:0:0:0:0/0' } },
        { messageId: 'sensitivePorts', line: 11, column: 70, data: { services: 'PostgreSQL (5432/tcp)', cidr: '8000::/1' } },
        { messageId: 'sensitivePorts', line: 12, column: 70, data: { services: 'PostgreSQL (5432/tcp)', cidr: '2000::/3' } },
        { messageId: 'sensitivePorts', line: 13, column: 70, data: { services: 'Redis (6379/tcp)', cidr: '::ffff:0.0.0.0/96' } },
      ],
    },
    {
      name: 'an account group open to the two halves of the IPv4 internet and to 8000::/1',
      snapshot: groupSnapshot([
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/1' }, { CidrIp: '128.0.0.0/1' }, { CidrIp: '10.0.0.0/8' }],
          Ipv6Ranges: [{ CidrIpv6: '8000::/1' }],
        },
      ]),
      errors: [
        { messageId: 'sensitivePorts', at: [...PERMISSION, 'IpRanges', 0, 'CidrIp'], data: { cidr: '0.0.0.0/1', services: 'SSH (22/tcp)' } },
        { messageId: 'sensitivePorts', at: [...PERMISSION, 'IpRanges', 1, 'CidrIp'], data: { cidr: '128.0.0.0/1', services: 'SSH (22/tcp)' } },
        { messageId: 'sensitivePorts', at: [...PERMISSION, 'Ipv6Ranges', 0, 'CidrIpv6'], data: { cidr: '8000::/1', services: 'SSH (22/tcp)' } },
      ],
    },
    {
      name: 'a standalone ingress open to ::/1 and one to 0.0.0.0/1 through a parameter default',
      template: `Parameters:
  AdminCidr: { Type: String, Default: 0.0.0.0/1 }
Resources:
  V6:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: sg-0123456789abcdef0, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: '::/1' }
  V4:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: { GroupId: sg-0123456789abcdef0, IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: !Ref AdminCidr }
`,
      errors: [
        { messageId: 'sensitivePorts', line: 6, column: 103, data: { group: 'V6', cidr: '::/1', services: 'SSH (22/tcp)' } },
        { messageId: 'sensitivePorts', line: 9, column: 105, data: { group: 'V4', cidr: '0.0.0.0/1', via: ' (default of parameter AdminCidr)' } },
      ],
    },
    {
      name: 'protocol given by number and ports as strings',
      template: sg("IpProtocol: '6'\nFromPort: '5432'\nToPort: '5432'\nCidrIp: 0.0.0.0/0"),
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 19, data: { services: 'PostgreSQL (5432/tcp)' } }],
    },
    {
      name: 'a range covering MySQL and RDP, listed by port',
      template: sg('IpProtocol: tcp\nFromPort: 3000\nToPort: 3400\nCidrIp: 0.0.0.0/0'),
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 19, data: { services: 'MySQL (3306/tcp), RDP (3389/tcp)' } }],
    },
    {
      name: 'every TCP port',
      template: sg('IpProtocol: tcp\nFromPort: 0\nToPort: 65535\nCidrIp: 0.0.0.0/0'),
      errors: [
        {
          messageId: 'allPorts',
          line: 11,
          column: 19,
          data: { protocol: 'TCP', services: 'SSH (22/tcp), SQL Server (1433/tcp), Oracle (1521/tcp), MySQL (3306/tcp) and 7 more' },
        },
      ],
    },
    {
      name: 'all traffic as -1, quoted and unquoted',
      template: sg("IpProtocol: '-1'\nCidrIp: 0.0.0.0/0").replace(
        "        - IpProtocol: '-1'",
        "        - IpProtocol: -1\n          CidrIpv6: ::/0\n        - IpProtocol: '-1'",
      ),
      errors: [
        { messageId: 'allTraffic', line: 9, column: 21, data: { cidr: '::/0' } },
        { messageId: 'allTraffic', line: 11, column: 19, data: { cidr: '0.0.0.0/0' } },
      ],
    },
    {
      name: 'Memcached over UDP',
      template: sg('IpProtocol: udp\nFromPort: 11211\nToPort: 11211\nCidrIp: 0.0.0.0/0'),
      errors: [{ messageId: 'sensitivePorts', line: 11, column: 19, data: { services: 'Memcached (11211/udp)' } }],
    },
    {
      name: 'world CIDR reached through a parameter default, named in the message',
      template: sg(
        'IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: !Ref AdminCidr',
        'Parameters:\n  AdminCidr:\n    Type: String\n    Default: 0.0.0.0/0\n',
      ),
      errors: [{ messageId: 'sensitivePorts', line: 15, column: 19, data: { cidr: '0.0.0.0/0', via: ' (default of parameter AdminCidr)' } }],
    },
    {
      name: 'world CIDR on one branch of Fn::If',
      template: sg(
        'IpProtocol: tcp\nFromPort: 22\nToPort: 22\nCidrIp: !If [IsDev, 0.0.0.0/0, 10.0.0.0/8]',
        'Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n',
      ),
      errors: [{ messageId: 'sensitivePorts', line: 13, column: 31, data: { via: ' (when condition IsDev is true)' } }],
    },
    {
      name: 'standalone ingress resources, attached by Ref, by GetAtt and to an outside group',
      template: `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
  ByRef:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref Sg
      IpProtocol: tcp
      FromPort: 27017
      ToPort: 27017
      CidrIp: 0.0.0.0/0
  ByGetAtt:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt [Sg, GroupId]
      IpProtocol: tcp
      FromPort: 6379
      ToPort: 6379
      CidrIpv6: ::/0
  Outside:
    Type: 'AWS::EC2::SecurityGroupIngress'
    Properties: {GroupId: sg-0123456789abcdef0, IpProtocol: tcp, FromPort: 9200, ToPort: 9200, CidrIp: 0.0.0.0/0}
`,
      errors: [
        { messageId: 'sensitivePorts', line: 13, column: 15, data: { group: 'Sg', services: 'MongoDB (27017/tcp)' } },
        { messageId: 'sensitivePorts', line: 21, column: 17, data: { group: 'Sg', services: 'Redis (6379/tcp)' } },
        { messageId: 'sensitivePorts', line: 24, column: 104, data: { group: 'Outside', services: 'Elasticsearch (9200/tcp)' } },
      ],
    },
    {
      name: 'security groups created by Fn::ForEach, one open to the world',
      template: `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Mappings:
  Sources:
    Admin: {Cidr: 0.0.0.0/0}
    Db: {Cidr: 10.0.0.0/8}
Resources:
  Fn::ForEach::Groups:
    - Name
    - [Admin, Db]
    - \${Name}Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: !Sub '\${Name} group'
          SecurityGroupIngress:
            - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !FindInMap [Sources, !Ref Name, Cidr]}
`,
      // Both copies share the loop body's positions: the finding points at the FindInMap in it.
      errors: [{ messageId: 'sensitivePorts', line: 16, column: 67, data: { group: 'AdminSg', services: 'SSH (22/tcp)' } }],
    },
    {
      name: 'JSON template',
      filename: 'template.json',
      template: `{
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "test",
        "SecurityGroupIngress": [
          { "IpProtocol": "tcp", "FromPort": 1433, "ToPort": 1433, "CidrIp": "0.0.0.0/0" }
        ]
      }
    }
  }
}
`,
      errors: [{ messageId: 'sensitivePorts', line: 8, column: 78, data: { services: 'SQL Server (1433/tcp)' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
