import { describe, expect, it } from 'vitest';
import { extractedFrom, templateEntitiesOf } from '../../../../../test/entities.js';
import type { SecurityGroup } from '../../model/entities.js';

describe('security group ports from templates', () => {
  const rules = (ingress: string, params = ''): Pick<SecurityGroup['rules'][number], 'fromPort' | 'toPort' | 'portsKnown'>[] => {
    const group = templateEntitiesOf(`${params}Resources:
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
      name: 'a port left out on one Fn::If branch is absent there: tcp with only ToPort is refused by EC2, so its ports are not judged',
      params: 'Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ingress: '{IpProtocol: tcp, FromPort: !If [C, 22, !Ref AWS::NoValue], ToPort: 22, CidrIp: 0.0.0.0/0}',
      expected: [
        { fromPort: 22, toPort: 22 },
        { fromPort: undefined, toPort: 22, portsKnown: false },
      ],
    },
    {
      name: 'both ports left out on one Fn::If branch: every port there',
      params: 'Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n',
      ingress: '{IpProtocol: tcp, FromPort: !If [C, 22, !Ref AWS::NoValue], ToPort: !If [C, 22, !Ref AWS::NoValue], CidrIp: 0.0.0.0/0}',
      // The branches of one condition go together: never FromPort 22 with ToPort absent.
      expected: [
        { fromPort: 22, toPort: 22 },
        { fromPort: undefined, toPort: undefined },
      ],
    },
  ])('$name', ({ ingress, params, expected }) => {
    expect(rules(ingress, params)).toEqual(expected);
  });
});

describe('rules EC2 would refuse', () => {
  const sg = (ingress: string, type = 'SecurityGroupIngress') => `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      ${type}:
        - ${ingress}
`;

  it.each([
    ['tcp', '{IpProtocol: tcp, FromPort: 22, CidrIp: 0.0.0.0/0}', 'ToPort'],
    ['udp', '{IpProtocol: udp, ToPort: 53, CidrIp: 0.0.0.0/0}', 'FromPort'],
    ['6 (a number)', '{IpProtocol: 6, FromPort: 22, CidrIp: 0.0.0.0/0}', 'ToPort'],
    ['"17" (a string)', "{IpProtocol: '17', ToPort: 22, CidrIp: 0.0.0.0/0}", 'FromPort'],
  ])('%s with one port: its ports unknown, one warning naming the missing property', (_name, ingress, missing) => {
    const { entities, notifications } = extractedFrom(sg(ingress));
    const group = entities.find((e): e is SecurityGroup => e.kind === 'SecurityGroup');
    expect(group?.rules).toHaveLength(1);
    expect(group?.rules[0]?.portsKnown).toBe(false);
    expect(notifications).toEqual([
      {
        level: 'warning',
        code: 'not-deployable',
        file: 't.yaml',
        line: 7,
        column: 11,
        message: expect.stringMatching(
          new RegExp(`^Security group rule Sg/SecurityGroupIngress/0 \\((tcp|udp)\\) has \\w+Port but no ${missing}: EC2 requires both`),
        ),
      },
    ]);
  });

  it.each([
    ['icmp, where the ports are type and code', '{IpProtocol: icmp, FromPort: 8, CidrIp: 0.0.0.0/0}'],
    ['all traffic, where ports are ignored', '{IpProtocol: -1, FromPort: 22, CidrIp: 0.0.0.0/0}'],
    ['tcp with both ports', '{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}'],
  ])('%s: no warning', (_name, ingress) => {
    expect(extractedFrom(sg(ingress)).notifications).toEqual([]);
  });

  it('warns once for a rule whose other properties have several Fn::If branches, and for egress and standalone rules too', () => {
    const { notifications } = extractedFrom(`Conditions:
  C: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupEgress:
        - {IpProtocol: tcp, FromPort: 443, CidrIp: !If [C, 10.0.0.0/8, 0.0.0.0/0]}
  In:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref Sg, IpProtocol: tcp, ToPort: 22, CidrIp: 0.0.0.0/0}
`);
    expect(notifications.map((n) => [n.code, n.line, n.message.split(':')[0]])).toEqual([
      ['not-deployable', 9, 'Security group rule Sg/SecurityGroupEgress/0 (tcp) has FromPort but no ToPort'],
      ['not-deployable', 12, 'Security group rule In (tcp) has ToPort but no FromPort'],
    ]);
  });
});

describe('values with more Fn::If combinations than are worked out', () => {
  const conditions = (n: number) =>
    `Parameters:\n  Env: {Type: String}\nConditions:\n${Array.from({ length: n }, (_, i) => `  C${i}: !Equals [!Ref Env, e${i}]\n`).join('')}`;
  const chain = (n: number, leaf: (i: number) => string, last: string) => {
    let v = last;
    for (let i = n - 1; i >= 0; i--) v = `{'Fn::If': [C${i}, ${leaf(i)}, ${v}]}`;
    return v;
  };

  it('a world range in the last branch of 20 nested conditions is still a rule of the group', () => {
    const { entities, notifications } = extractedFrom(`${conditions(20)}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${chain(20, (i) => `'10.${i}.0.0/16'`, "'0.0.0.0/0'")}}
`);
    const rules = entities.find((e): e is SecurityGroup => e.kind === 'SecurityGroup')?.rules ?? [];
    expect(rules).toHaveLength(21);
    expect(rules.at(-1)).toMatchObject({ cidrIpv4: '0.0.0.0/0', fromPort: 22, via: Array.from({ length: 20 }, (_, i) => `when condition C${i} is false`) });
    expect(notifications).toEqual([]);
  });

  it('branches of the same condition in different properties go together', () => {
    const { entities } = extractedFrom(`${conditions(20)}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: ${chain(20, (i) => String(1000 + i), '22')}
          ToPort: ${chain(20, (i) => String(1000 + i), '22')}
          CidrIp: ${chain(20, () => "'0.0.0.0/0'", "'10.0.0.0/8'")}
`);
    const rules = entities.find((e): e is SecurityGroup => e.kind === 'SecurityGroup')?.rules ?? [];
    // 21 consistent combinations of 21 * 21 * 21: SSH only when every condition is false, from 10.0.0.0/8.
    expect(rules).toHaveLength(21);
    expect(rules.filter((r) => r.fromPort === 22).map((r) => r.cidrIpv4)).toEqual(['10.0.0.0/8']);
  });

  it('identical rules reached through different branches are one rule', () => {
    const { entities } = extractedFrom(`${conditions(3)}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: !If [C0, 22, 22], ToPort: !If [C1, 22, 22], CidrIp: 0.0.0.0/0}
`);
    const rules = entities.find((e): e is SecurityGroup => e.kind === 'SecurityGroup')?.rules ?? [];
    expect(rules).toEqual([
      expect.objectContaining({ fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', via: ['when condition C0 is true', 'when condition C1 is true'] }),
    ]);
  });

  it('a value that cannot be worked out is a note naming the resource and the property path', () => {
    const joined = `{'Fn::Join': ['', [${Array.from({ length: 20 }, (_, i) => `{'Fn::If': [C${i}, '1', '2']}`).join(', ')}]]}`;
    const { notifications } = extractedFrom(`${conditions(20)}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${joined}}
`);
    expect(notifications).toEqual([
      {
        level: 'note',
        code: 'not-evaluated',
        file: 't.yaml',
        line: 30,
        column: expect.any(Number),
        message: expect.stringMatching(/^Sg\/Properties\/SecurityGroupIngress\/0\/CidrIp was not evaluated in full: it has more than 64 combinations/),
      },
    ]);
  });

  it('a Fn::If tree of thousands of branches: the first are judged, and a note names the value', () => {
    const tree = (depth: number, i = 0): string =>
      depth === 0 ? `'10.${i % 250}.0.0/16'` : `{'Fn::If': [C${depth}, ${tree(depth - 1, 2 * i)}, ${tree(depth - 1, 2 * i + 1)}]}`;
    const { entities, notifications } = extractedFrom(`${conditions(13)}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: t
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${tree(12)}}
`);
    expect(entities.find((e): e is SecurityGroup => e.kind === 'SecurityGroup')?.rules).toHaveLength(256);
    expect(notifications.map((n) => n.message)).toEqual([
      expect.stringMatching(/^Sg\/Properties\/SecurityGroupIngress\/0\/CidrIp was not evaluated in full: it has more than 256 Fn::If branches/),
    ]);
  });
});
