import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../reporters/html.js';
import { toJson } from '../reporters/json.js';
import { toSarif } from '../reporters/sarif.js';
import { toStylish } from '../reporters/stylish.js';
import { scan, scanText } from '../scan.js';

/** Values given at deploy time to `NoEcho` parameters are evaluated by the rules but never shown. */

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AllowedCidr: { Type: String, NoEcho: true }
  AdminPort: { Type: Number, NoEcho: true }
  OpenV6: { Type: String }
  WorkerSubnet: { Type: String, NoEcho: true }
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AllowedCidr}
        - {IpProtocol: tcp, FromPort: !Ref AdminPort, ToPort: !Ref AdminPort, CidrIp: 10.0.0.0/8}
        - {IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: !Ref OpenV6}
  Workers:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      VPCZoneIdentifier: [!Ref WorkerSubnet]
`;

const given = { AllowedCidr: '0.0.0.0/0', AdminPort: '22', OpenV6: '::/0', WorkerSubnet: 'subnet-0a1b2c3d4e5f' };

describe('NoEcho parameters given at deploy time', () => {
  it('still decide findings, and are shown as **** in messages, data, names and fingerprints', async () => {
    const { findings } = await scanText({ file: 'stack.yaml', text: TEMPLATE, rules, parameters: given });
    const messages = findings.map((f) => `${f.ruleName}: ${f.message}`);
    expect(messages).toEqual([
      // The NoEcho port (22) is masked as a word; 3389 is not touched.
      'world-open-ingress: Security group Sg allows SSH (****/tcp) from **** (parameter AllowedCidr (NoEcho)).',
      // A parameter without NoEcho keeps its value in the message.
      'world-open-ingress: Security group Sg allows RDP (3389/tcp) from ::/0 (parameter OpenV6 = "::/0").',
      'single-az-deployment: The Auto Scaling group Workers has a single subnet, ****, so it runs in one Availability Zone and goes down with it.',
    ]);
    expect(findings.map((f) => f.data?.cidr ?? f.data?.subnet)).toEqual(['****', '::/0', '****']);
  });

  it('appear in no report of a scan given them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-noecho-'));
    try {
      writeFileSync(path.join(dir, 'stack.yaml'), TEMPLATE.replace('OpenV6: { Type: String }', 'OpenV6: { Type: String, NoEcho: true }'));
      const result = await scan({ paths: ['.'], cwd: dir, rules, parameters: given });
      expect(result.findings.map((f) => f.ruleName)).toEqual(['world-open-ingress', 'world-open-ingress', 'single-az-deployment']);
      const reports = [toJson(result), JSON.stringify(toSarif(result)), toHtml(result), toStylish(result, { color: false })];
      for (const report of reports) expect(report).not.toContain('subnet-0a1b2c3d4e5f');
      // The CIDRs appear in the rules' help text, so the findings are checked for them.
      for (const value of ['0.0.0.0/0', '::/0']) expect(JSON.stringify(result.findings)).not.toContain(value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the fingerprint is the same whatever the NoEcho value, so it cannot be searched back', async () => {
    const a = await scanText({ file: 'stack.yaml', text: TEMPLATE, rules, parameters: given });
    const b = await scanText({ file: 'stack.yaml', text: TEMPLATE, rules, parameters: { ...given, WorkerSubnet: 'subnet-9f8e7d6c5b4a' } });
    const subnet = (r: typeof a) => r.findings.filter((f) => f.ruleName === 'single-az-deployment').map((f) => [f.fingerprint, f.message, f.entity]);
    expect(subnet(a)).toHaveLength(1);
    expect(subnet(b)).toEqual(subnet(a));
  });
});
