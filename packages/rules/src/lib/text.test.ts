import { scanText } from '@mamori/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../index.js';

const template = `Parameters:
  Open: {Type: String, Default: 0.0.0.0/0}
Conditions:
  IsDev: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: !Ref Open}
  Ip:
    Type: AWS::EC2::EIP
    Properties:
      Domain: !If [IsDev, vpc, vpc]
`;

async function messages(lang: 'en' | 'ja') {
  const { findings } = await scanText({ file: 't.yaml', text: template, rules, lang });
  return findings.map((f) => ({ rule: f.ruleName, message: f.message, fingerprint: f.fingerprint, data: f.data }));
}

describe('words rules build in code', () => {
  it('are in Japanese in a Japanese scan, while fingerprints and data stay those of the English scan', async () => {
    const en = await messages('en');
    const ja = await messages('ja');
    const sg = ja.find((f) => f.rule === 'world-open-ingress');
    expect(sg?.message).toContain('(パラメータ Open のデフォルト値)');
    expect(sg?.message).toContain('ほか');
    expect(sg?.message).not.toMatch(/default of parameter| more/);
    const eip = ja.find((f) => f.rule === 'eip-unattached');
    expect(eip?.message).toContain('(us-east-1 の料金)');
    expect(eip?.message).toContain('$3.65');
    expect(en.find((f) => f.rule === 'eip-unattached')?.message).toContain('(us-east-1 prices)');
    expect(ja.map((f) => f.fingerprint)).toEqual(en.map((f) => f.fingerprint));
    expect(ja.map((f) => f.data)).toEqual(en.map((f) => f.data));
  });
});
