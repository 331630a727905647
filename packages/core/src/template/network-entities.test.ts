import { describe, expect, it } from 'vitest';
import type { Entity, NetworkAcl, SecurityGroup } from '../model/entities.js';
import { templateEntities } from '../scan.js';
import { loadTemplate } from './load.js';

function entities(text: string): Entity[] {
  const { template } = loadTemplate('t.yaml', text, true);
  if (!template) throw new Error('not a template');
  return templateEntities(template);
}

describe('security group ports from templates', () => {
  const rules = (ingress: string, params = ''): Pick<SecurityGroup['rules'][number], 'fromPort' | 'toPort' | 'portsKnown'>[] => {
    const group = entities(`${params}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - ${ingress}
`).find((e): e is SecurityGroup => e.kind === 'SecurityGroup');
    return (group?.rules ?? []).map(({ fromPort, toPort, portsKnown }) => ({ fromPort, toPort, ...(portsKnown === undefined ? {} : { portsKnown }) }));
  };

  it.each([
    { name: 'literal ports', ingress: '{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}', expected: [{ fromPort: 22, toPort: 22 }] },
    { name: 'absent ports are known (every port)', ingress: '{IpProtocol: tcp, CidrIp: 0.0.0.0/0}', expected: [{ fromPort: undefined, toPort: undefined }] },
    {
      name: 'an empty string is unknown, not 0',
      ingress: "{IpProtocol: tcp, FromPort: '', ToPort: 22, CidrIp: 0.0.0.0/0}",
      expected: [{ fromPort: undefined, toPort: 22, portsKnown: false }],
    },
    {
      name: 'a parameter without a default is unknown',
      params: 'Parameters:\n  P:\n    Type: Number\n',
      ingress: '{IpProtocol: tcp, FromPort: !Ref P, ToPort: !Ref P, CidrIp: 0.0.0.0/0}',
      expected: [{ fromPort: undefined, toPort: undefined, portsKnown: false }],
    },
    {
      name: 'a port left out on one Fn::If branch is absent there, not unknown',
      params: 'Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ingress: '{IpProtocol: tcp, FromPort: !If [C, 22, !Ref AWS::NoValue], ToPort: 22, CidrIp: 0.0.0.0/0}',
      expected: [
        { fromPort: 22, toPort: 22 },
        { fromPort: undefined, toPort: 22 },
      ],
    },
  ])('$name', ({ ingress, params, expected }) => {
    expect(rules(ingress, params)).toEqual(expected);
  });
});

describe('network ACL entries from templates', () => {
  const entries = (props: string): NetworkAcl['entries'] =>
    entities(`Parameters:
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
    expect(entries('RuleNumber: 1')[0]?.portsKnown).toBeUndefined();
  });
});
