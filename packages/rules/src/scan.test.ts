import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scan as scanWithRules } from '@mamori/core';
import { afterAll, describe, expect, it } from 'vitest';
import { rules, scan, scanText } from './index.js';

const OPEN_SSH = `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`;
const dir = mkdtempSync(path.join(tmpdir(), 'mamori-preset-'));
writeFileSync(path.join(dir, 't.yaml'), OPEN_SSH);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scan with the catalog', () => {
  it('runs every built-in rule when given none', async () => {
    const result = await scan({ paths: ['t.yaml'], cwd: dir });
    expect(result.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    expect(result.findings.map((f) => f.ruleId)).toEqual(['MAM101']);
  });

  it('runs the rules it is given instead', async () => {
    const result = await scan({ paths: ['t.yaml'], cwd: dir, rules: rules.filter((r) => r.id !== 'MAM101') });
    expect(result.rules.map((r) => r.id)).not.toContain('MAM101');
    expect(result.findings).toEqual([]);
  });

  it("gives what the core's scan gives with the catalog", async () => {
    expect(await scan({ paths: ['t.yaml'], cwd: dir })).toEqual(await scanWithRules({ paths: ['t.yaml'], cwd: dir, rules }));
  });

  it('scanText runs the catalog too', async () => {
    const { findings } = await scanText({ file: 't.yaml', text: OPEN_SSH });
    expect(findings.map((f) => f.ruleId)).toEqual(['MAM101']);
  });
});
