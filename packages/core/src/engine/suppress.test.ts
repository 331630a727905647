import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rules } from '@mamori/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toSarif } from '../reporters/sarif.js';
import { scan } from '../scan.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-suppress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sg = (name: string, metadata = ''): string => `  ${name}:
    Type: AWS::EC2::SecurityGroup
${metadata}    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`;

async function run(template: string, config?: object) {
  writeFileSync(path.join(dir, 't.yaml'), `Resources:\n${template}`);
  return scan({ paths: ['t.yaml'], cwd: dir, rules, ...(config ? { config: { config, file: path.join(dir, 'mamori.config.json'), dir } } : {}) });
}

describe('suppressions', () => {
  it("mamori's own, by rule id or name, with a reason", async () => {
    const result = await run(
      sg('ById', "    Metadata:\n      mamori:\n        suppress:\n          - {rule: MAM101, reason: 'bastion behind a VPN appliance'}\n") +
        sg('ByName', '    Metadata:\n      mamori:\n        suppress: [{rule: world-open-ingress, reason: honeypot}]\n') +
        sg('Other', '    Metadata:\n      mamori:\n        suppress: [{rule: MAM701, reason: not this rule}]\n'),
    );
    const by = Object.fromEntries(result.findings.map((f) => [f.entity.displayName, f.suppression]));
    expect(by.ById).toEqual({ kind: 'inSource', justification: 'bastion behind a VPN appliance', via: 'mamori' });
    expect(by.ByName).toEqual({ kind: 'inSource', justification: 'honeypot', via: 'mamori' });
    expect(by.Other).toBeUndefined();
  });

  it('a suppression without a reason is not applied, and says so', async () => {
    const result = await run(sg('NoReason', '    Metadata:\n      mamori:\n        suppress: [{rule: MAM101}]\n'));
    expect(result.findings[0]?.suppression).toBeUndefined();
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'warning', code: 'suppression-ignored', file: 't.yaml', line: 6 })]);
  });

  it("cfn_nag's rules_to_suppress and checkov's skip, for rules that cover those checks", async () => {
    const result = await run(
      sg('CfnNag', '    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - {id: W2, reason: public bastion}\n') +
        sg('Checkov', '    Metadata:\n      checkov:\n        skip:\n          - {id: CKV_AWS_24, comment: temporary}\n') +
        sg('Unrelated', '    Metadata:\n      checkov:\n        skip:\n          - {id: CKV_AWS_20, comment: another check}\n'),
    );
    const by = Object.fromEntries(result.findings.map((f) => [f.entity.displayName, f.suppression]));
    expect(by.CfnNag).toEqual({ kind: 'inSource', justification: 'public bastion', via: 'cfn_nag' });
    expect(by.Checkov).toEqual({ kind: 'inSource', justification: 'temporary', via: 'checkov' });
    expect(by.Unrelated).toBeUndefined();
  });

  it('from the configuration, by file and resource', async () => {
    const result = await run(sg('A') + sg('B'), { suppressions: [{ rule: '*', file: '*.yaml', resource: 'B', reason: 'accepted risk #42' }] });
    expect(result.findings.map((f) => [f.entity.displayName, f.suppression?.kind])).toEqual([
      ['A', undefined],
      ['B', 'external'],
    ]);
  });

  it('suppressed findings stay in SARIF with a suppressions entry', async () => {
    const result = await run(sg('A', '    Metadata:\n      mamori:\n        suppress: [{rule: MAM101, reason: lab}]\n'));
    const sarif = toSarif(result);
    expect(sarif.runs[0]?.results?.[0]?.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'lab' }]);
  });
});

describe('configuration applied to a scan', () => {
  it('turns rules off and changes their level', async () => {
    expect((await run(sg('A'), { rules: { MAM101: 'off' } })).findings).toEqual([]);
    expect((await run(sg('A'), { rules: { 'world-open-ingress': 'note' } })).findings.map((f) => f.severity)).toEqual(['note']);
  });

  it("rule options are validated against the rule's schema", async () => {
    await expect(run(sg('A'), { rules: { 'iam-access-key-unused': { options: { days: 'soon' } } } })).rejects.toThrow(
      /rules\.iam-access-key-unused\.options\.days: must be integer/,
    );
    await expect(run(sg('A'), { rules: { MAM101: { options: { nope: 1 } } } })).rejects.toThrow(/rules\.MAM101\.options\.nope: unknown option$/);
    await expect(run(sg('A'), { rules: { 'iam-access-key-unused': { options: { dayz: 30 } } } })).rejects.toThrow(
      /rules\.iam-access-key-unused\.options\.dayz: unknown option \(did you mean days\?\)/,
    );
  });

  it('an unknown rule is an error naming the key, and the rule it may have meant', async () => {
    await expect(run(sg('A'), { rules: { MAM999: 'off' } })).rejects.toThrow(/rules\.MAM999: no such rule \(see `mamori rules`\)$/);
    await expect(run(sg('A'), { rules: { MAM1O1: 'off' } })).rejects.toThrow(/rules\.MAM1O1: no such rule \(did you mean MAM101\? see `mamori rules`\)/);
    await expect(run(sg('A'), { rules: { 'world-open-ingres': 'off' } })).rejects.toThrow(/did you mean world-open-ingress\?/);
  });

  it('every problem with the rules is in the one error', async () => {
    const err = await run(sg('A'), {
      rules: { MAM1O1: 'off', 'world-open-ingress': { options: { x: 1 } }, 'iam-access-key-unused': { options: { days: 'soon' } } },
    }).catch((e: Error) => e);
    expect(String(err)).toMatch(/rules\.MAM1O1: no such rule \(did you mean MAM101\? see `mamori rules`\)/);
    expect(String(err)).toMatch(/rules\.world-open-ingress\.options/);
    expect(String(err)).toMatch(/rules\.iam-access-key-unused\.options\.days: must be integer/);
  });

  it('parameters from the configuration', async () => {
    const template = `  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr}\n`;
    const withParam = `Parameters:\n  Cidr: {Type: String}\n`;
    writeFileSync(path.join(dir, 't.yaml'), `${withParam}Resources:\n${template}`);
    const config = { config: { parameters: { Cidr: '0.0.0.0/0' } }, file: path.join(dir, 'mamori.config.json'), dir };
    const result = await scan({ paths: ['t.yaml'], cwd: dir, rules, config });
    expect(result.findings.map((f) => f.message)).toEqual(['Security group Sg allows SSH (22/tcp) from 0.0.0.0/0 (parameter Cidr = "0.0.0.0/0").']);
  });

  it('include and exclude globs, relative to the configuration', async () => {
    writeFileSync(path.join(dir, 'keep.yaml'), `Resources:\n${sg('A')}`);
    writeFileSync(path.join(dir, 'skip.yaml'), `Resources:\n${sg('B')}`);
    const config = { config: { exclude: ['skip.yaml'] }, file: path.join(dir, 'mamori.config.json'), dir };
    const result = await scan({ paths: ['.'], cwd: dir, rules, config });
    expect(result.files).toEqual(['keep.yaml']);
  });
});

describe('baseline', () => {
  it('marks findings present in the baseline as unchanged', async () => {
    writeFileSync(path.join(dir, 't.yaml'), `Resources:\n${sg('A')}`);
    const first = await scan({ paths: ['t.yaml'], cwd: dir, rules });
    const baseline = new Set(first.findings.map((f) => f.fingerprint));
    writeFileSync(path.join(dir, 't.yaml'), `Resources:\n${sg('A')}${sg('B')}`);
    const second = await scan({ paths: ['t.yaml'], cwd: dir, rules, baseline });
    expect(second.findings.map((f) => [f.entity.displayName, f.baselineState])).toEqual([
      ['A', 'unchanged'],
      ['B', 'new'],
    ]);
    expect(toSarif(second).runs[0]?.results?.map((r) => r.baselineState)).toEqual(['unchanged', 'new']);
  });
});
