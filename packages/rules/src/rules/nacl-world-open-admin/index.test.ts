import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

/** A snapshot of one network ACL in eu-west-1 allowing all traffic from the world, used by `subnets` (undefined: not recorded). */
function aclSnapshot(isDefault: boolean, subnets: string[] | undefined, entries: Record<string, unknown>[] = [WORLD_ALLOW]): string {
  const acl = {
    NetworkAclId: 'acl-0a1b2c3d4e5f60718',
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    IsDefault: isDefault,
    ...(subnets
      ? { Associations: subnets.map((s, i) => ({ NetworkAclAssociationId: `aclassoc-${i}`, NetworkAclId: 'acl-0a1b2c3d4e5f60718', SubnetId: s })) }
      : {}),
    Entries: entries,
  };
  return snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeNetworkAcls: { NetworkAcls: [acl] } } } } });
}
const WORLD_ALLOW = { RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0' };
const ENTRY_CIDR = ['regional', 'eu-west-1', 'ec2', 'DescribeNetworkAcls', 'NetworkAcls', 0, 'Entries', 0, 'CidrBlock'];

/** An ACL and one inbound entry per line of `entries`, each `Properties: {...}` on line 8 + 3i, column 17. */
const acl = (...entries: string[]): string =>
  `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-1
${entries.map((e, i) => `  E${i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: { NetworkAclId: !Ref Acl, ${e} }`).join('\n')}
`;
// Column of the CIDR value in an entry line: `    Properties: { NetworkAclId: !Ref Acl, ` is 42 characters.
const col = (entry: string, cidr: string): number => 42 + entry.indexOf(cidr) + 1;

const allowAll = 'RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0';
const ssh = 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 22, To: 22}';
const rdp6 = "RuleNumber: 105, Protocol: '6', RuleAction: allow, Ipv6CidrBlock: '::/0', PortRange: {From: 3389, To: 3389}";
const denySsh = 'RuleNumber: 50, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/0, PortRange: {From: 22, To: 22}';
const denyAll = 'RuleNumber: 10, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0';
const range = 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 1, To: 1024}';

const sshOrHttps = 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: !If [C, {From: 443, To: 443}, {From: 22, To: 22}]';
const condition = 'Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n';

ruleTester.run(rule, {
  valid: [
    // EC2 refuses a tcp entry without a port range (a not-deployable warning): it is not read as every port.
    { name: 'a TCP entry without PortRange', template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0') },
    {
      name: 'a TCP entry whose PortRange has no To',
      template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 22}'),
    },
    { name: 'HTTPS from the world', template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 443, To: 443}') },
    {
      name: 'SSH from a private range',
      template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/8, PortRange: {From: 22, To: 22}'),
    },
    { name: 'a deny for everything first', template: acl(denyAll, allowAll) },
    { name: 'outbound allow-all', template: acl(`${allowAll}, Egress: true`) },
    { name: 'a deny of all traffic from the world', template: acl('RuleNumber: 100, Protocol: -1, RuleAction: deny, CidrBlock: 0.0.0.0/0') },
    {
      name: 'a port range from a parameter without a default is unknown',
      template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: !Ref P, To: !Ref P}').replace(
        'Resources:',
        'Parameters:\n  P:\n    Type: Number\nResources:',
      ),
    },
    { name: 'an inverted port range', template: acl('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 23, To: 21}') },
    {
      name: 'two denies of the halves of the internet before an allow from everywhere',
      template: acl(
        'RuleNumber: 10, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/1, PortRange: {From: 22, To: 22}',
        'RuleNumber: 20, Protocol: 6, RuleAction: deny, CidrBlock: 128.0.0.0/1, PortRange: {From: 22, To: 22}',
        ssh.replace('100', '30'),
      ),
    },
    {
      name: 'SSH from private and narrow ranges, IPv4 and IPv6',
      template: acl(
        'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 172.16.0.0/12, PortRange: {From: 22, To: 22}',
        'RuleNumber: 101, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/2, PortRange: {From: 22, To: 22}',
        "RuleNumber: 102, Protocol: 6, RuleAction: allow, Ipv6CidrBlock: 'fc00::/7', PortRange: {From: 22, To: 22}",
        "RuleNumber: 103, Protocol: 6, RuleAction: allow, Ipv6CidrBlock: '2001:db8::/32', PortRange: {From: 22, To: 22}",
        'RuleNumber: 104, Protocol: 6, RuleAction: allow, CidrBlock: not-a-range, PortRange: {From: 22, To: 22}',
      ),
    },
    { name: 'a default network ACL no subnet uses', snapshot: aclSnapshot(true, []) },
    { name: 'UDP on 22 is not SSH', template: acl('RuleNumber: 100, Protocol: 17, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 22, To: 22}') },
  ],
  invalid: [
    {
      name: 'SSH on one Fn::If branch of the port range',
      template: `${condition}${acl(sshOrHttps)}`,
      errors: [
        { messageId: 'adminPorts', line: 10, column: col(sshOrHttps, '0.0.0.0/0'), data: { services: 'SSH (22)', via: ' (when condition C is false)' } },
      ],
    },
    {
      name: 'allow all traffic from 0.0.0.0/0',
      template: acl(allowAll),
      errors: [
        {
          messageId: 'allTraffic',
          line: 8,
          column: col(allowAll, '0.0.0.0/0'),
          data: { acl: 'Acl', entry: 'rule 100', rule: 100, cidr: '0.0.0.0/0', services: 'SSH (22) and RDP (3389)' },
        },
      ],
    },
    {
      name: 'allow all behind a deny of SSH names RDP only',
      template: acl(denySsh, allowAll),
      errors: [{ messageId: 'allTraffic', line: 11, column: col(allowAll, '0.0.0.0/0'), data: { entry: 'rule 100', services: 'RDP (3389)', rule: 100 } }],
    },
    {
      name: 'an entry without a rule number is not called rule 0',
      template: acl('Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 22, To: 22}'),
      errors: [
        {
          messageId: 'adminPorts',
          line: 8,
          column: col('Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0', '0.0.0.0/0'),
          data: { entry: 'an entry without a rule number', services: 'SSH (22)' },
        },
      ],
    },
    {
      name: 'SSH, and RDP over IPv6, as separate entries',
      template: acl(ssh, rdp6),
      errors: [
        { messageId: 'adminPorts', line: 8, column: col(ssh, '0.0.0.0/0'), data: { services: 'SSH (22)', rule: 100 } },
        { messageId: 'adminPorts', line: 11, column: col(rdp6, "'::/0'"), data: { services: 'RDP (3389)', cidr: '::/0' } },
      ],
    },
    {
      name: 'a deny for SSH first still leaves the range open to RDP',
      template: acl(denySsh, 'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: {From: 0, To: 65535}'),
      errors: [
        {
          messageId: 'adminPorts',
          line: 11,
          column: col('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0', '0.0.0.0/0'),
          data: { services: 'RDP (3389)' },
        },
      ],
    },
    {
      name: 'half of the internet is the world: 128.0.0.0/1, and 2000::/4 of the IPv6 global unicast space',
      template: acl(
        'RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 128.0.0.0/1, PortRange: {From: 22, To: 22}',
        "RuleNumber: 101, Protocol: 6, RuleAction: allow, Ipv6CidrBlock: '2000::/4', PortRange: {From: 3389, To: 3389}",
      ),
      errors: [
        {
          messageId: 'adminPorts',
          line: 8,
          column: col('RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 128.0.0.0/1', '128.0.0.0/1'),
          data: { services: 'SSH (22)', cidr: '128.0.0.0/1' },
        },
        {
          messageId: 'adminPorts',
          line: 11,
          column: col("RuleNumber: 101, Protocol: 6, RuleAction: allow, Ipv6CidrBlock: '2000::/4'", "'2000::/4'"),
          data: { services: 'RDP (3389)', cidr: '2000::/4' },
        },
      ],
    },
    {
      name: 'a deny of one half of the internet leaves the other half open',
      template: acl('RuleNumber: 10, Protocol: 6, RuleAction: deny, CidrBlock: 0.0.0.0/1, PortRange: {From: 22, To: 22}', ssh),
      errors: [{ messageId: 'adminPorts', line: 11, column: col(ssh, '0.0.0.0/0'), data: { services: 'SSH (22)', cidr: '0.0.0.0/0' } }],
    },
    {
      name: 'the default network ACL names the VPC and the subnets that use it',
      snapshot: aclSnapshot(true, ['subnet-0aaa', 'subnet-0bbb']),
      errors: [
        {
          messageId: 'defaultAllTraffic',
          at: ENTRY_CIDR,
          data: { acl: 'acl-0a1b2c3d4e5f60718', vpc: 'vpc-0a1b2c3d4e5f60718', subnets: 'subnet-0aaa, subnet-0bbb', services: 'SSH (22) and RDP (3389)' },
        },
      ],
    },
    {
      name: 'the default network ACL used by many subnets, on SSH only',
      snapshot: aclSnapshot(
        true,
        ['subnet-01', 'subnet-02', 'subnet-03', 'subnet-04', 'subnet-05', 'subnet-06', 'subnet-07'],
        [{ RuleNumber: 100, Egress: false, RuleAction: 'allow', Protocol: '6', PortRange: { From: 22, To: 22 }, CidrBlock: '0.0.0.0/0' }],
      ),
      errors: [
        {
          messageId: 'defaultAdminPorts',
          at: ENTRY_CIDR,
          data: { subnets: 'subnet-01, subnet-02, subnet-03, subnet-04, subnet-05 and 2 more subnets', services: 'SSH (22)' },
        },
      ],
    },
    {
      name: 'a default network ACL from a snapshot that does not record its subnets is reported as any ACL',
      snapshot: aclSnapshot(true, undefined),
      errors: [{ messageId: 'allTraffic', at: ENTRY_CIDR, data: { acl: 'acl-0a1b2c3d4e5f60718' } }],
    },
    {
      name: 'a custom network ACL no subnet uses yet is reported',
      snapshot: aclSnapshot(false, []),
      errors: [{ messageId: 'allTraffic', at: ENTRY_CIDR }],
    },
    {
      name: 'a port range covering SSH only',
      template: acl(range),
      errors: [{ messageId: 'adminPorts', line: 8, column: col(range, '0.0.0.0/0'), data: { services: 'SSH (22)' } }],
    },
    {
      name: 'an entry for an ACL outside the template',
      template: `Resources:\n  E:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: { NetworkAclId: acl-0123456789abcdef0, ${allowAll} }\n`,
      errors: [{ messageId: 'allTraffic', line: 4, column: 55 + allowAll.indexOf('0.0.0.0/0') + 1, data: { acl: 'acl-0123456789abcdef0' } }],
    },
    {
      name: 'a world CIDR on one branch of Fn::If, named in the message',
      template: acl('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: !If [Open, 0.0.0.0/0, 10.0.0.0/8]').replace(
        'Resources:',
        'Conditions:\n  Open: !Equals [!Ref AWS::Region, us-east-1]\nResources:',
      ),
      errors: [
        {
          messageId: 'allTraffic',
          line: 10,
          column: col('RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: !If [Open, 0.0.0.0/0', '0.0.0.0/0'),
          data: { via: ' (when condition Open is true)' },
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
