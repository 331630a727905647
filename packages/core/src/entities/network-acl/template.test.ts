import { describe, expect, it } from 'vitest';
import { extractedFrom, templateEntitiesOf } from '../../../../../test/entities.js';
import type { NetworkAcl } from '../../model/entities.js';

describe('network ACL entries from templates', () => {
  const entries = (props: string): NetworkAcl['entries'] =>
    templateEntitiesOf(`Parameters:
  P:
    Type: Number
Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, ${props} }
`).flatMap((e) => (e.kind === 'NetworkAcl' ? e.entries : []));

  it('keeps an absent rule number absent rather than 0', () => {
    expect(entries('PortRange: {From: 22, To: 22}')[0]?.ruleNumber).toBeUndefined();
    expect(entries('RuleNumber: 100, PortRange: {From: 22, To: 22}')[0]?.ruleNumber).toBe(100);
  });

  it('marks a port range it cannot resolve as unknown', () => {
    expect(entries('RuleNumber: 1, PortRange: {From: !Ref P, To: 22}')[0]).toMatchObject({ toPort: 22, portsKnown: false });
    const allTraffic = extractedFrom(`Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 1, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0 }
`);
    expect(allTraffic.entities.flatMap((e) => (e.kind === 'NetworkAcl' ? e.entries.map((x) => x.portsKnown) : []))).toEqual([undefined]);
    expect(allTraffic.notifications).toEqual([]);
  });

  it('judges each Fn::If branch of a port range, not only a range all branches agree on', () => {
    const found = extractedFrom(`Conditions:
  C: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 1, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: !If [C, {From: 22, To: 22}, {From: 443, To: 443}] }
`).entities.flatMap((e) => (e.kind === 'NetworkAcl' ? e.entries : []));
    expect(found.map(({ fromPort, toPort, via }) => ({ fromPort, toPort, via }))).toEqual([
      { fromPort: 22, toPort: 22, via: ['when condition C is true'] },
      { fromPort: 443, toPort: 443, via: ['when condition C is false'] },
    ]);
  });
});

describe('network ACL entries EC2 would refuse', () => {
  it.each([
    ['no PortRange', 'Protocol: 6', 'PortRange'],
    ['a PortRange without To', "Protocol: '17', PortRange: {From: 53}", 'PortRange.To'],
  ])('a tcp or udp network ACL entry with %s: its ports unknown, a warning', (_name, props, missing) => {
    const { entities, notifications } = extractedFrom(`Resources:
  E:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: acl-1, RuleNumber: 1, RuleAction: allow, CidrBlock: 0.0.0.0/0, ${props} }
`);
    expect(entities.flatMap((e) => (e.kind === 'NetworkAcl' ? e.entries.map((x) => x.portsKnown) : []))).toEqual([false]);
    expect(notifications.map((n) => [n.level, n.code, n.line, n.message.split(':')[0]])).toEqual([
      ['warning', 'not-deployable', 2, `Network ACL entry E (${props.includes('17') ? 'udp' : 'tcp'}) has no ${missing}`],
    ]);
  });
});
