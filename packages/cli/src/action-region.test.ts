import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding, ScanResult } from '@mamori/core';
import { afterAll, describe, expect, it } from 'vitest';
import { jobSummary, runAction } from './action.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-action-region-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scanWith(env: Record<string, string>) {
  const workspace = path.join(tmp, `ws-${Math.random().toString(36).slice(2)}`);
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'nat.yaml'), 'Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: subnet-1\n');
  let stdout = '';
  const code = await runAction(
    { GITHUB_WORKSPACE: workspace, INPUT_FORMAT: 'json', INPUT_FAIL_ON: 'none', ...env },
    { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) },
  );
  return { code, stdout };
}

describe('the Action prices templates in its region', () => {
  it('the region input, else AWS_REGION, else us-east-1', async () => {
    expect((await scanWith({})).stdout).toContain('about $36.50 a month (us-east-1 prices)');
    expect((await scanWith({ INPUT_REGION: 'ap-northeast-1' })).stdout).toContain('about $48.91 a month (ap-northeast-1 prices)');
    expect((await scanWith({ AWS_REGION: 'ap-northeast-1' })).stdout).toContain('(ap-northeast-1 prices)');
    expect((await scanWith({ INPUT_REGION: 'eu-west-1', AWS_REGION: 'ap-northeast-1' })).stdout).toContain('(eu-west-1 prices)');
  });

  it('refuses a region input that is not a region name', async () => {
    const { code, stdout } = await scanWith({ INPUT_REGION: 'Tokyo; rm -rf' });
    expect(code).toBe(2);
    expect(stdout).toContain('region must be a region name such as eu-west-1');
  });
});

describe('the Action writes in its lang input', () => {
  const japanese = 'NAT ゲートウェイ Nat を指すルートがなく';
  it("the lang input, else the runner's locale, else English", async () => {
    expect((await scanWith({})).stdout).toContain('NAT gateway Nat has no route pointing at it');
    expect((await scanWith({ INPUT_LANG: 'ja' })).stdout).toContain(japanese);
    expect((await scanWith({ LANG: 'ja_JP.UTF-8' })).stdout).toContain(japanese);
    expect((await scanWith({ INPUT_LANG: 'en', LANG: 'ja_JP.UTF-8' })).stdout).toContain('NAT gateway Nat has no route pointing at it');
  });

  it('refuses a lang input it does not know', async () => {
    const { code, stdout } = await scanWith({ INPUT_LANG: 'fr' });
    expect(code).toBe(2);
    expect(stdout).toContain('lang must be en or ja, not "fr"');
  });
});

describe('the job summary', () => {
  it("names the region of an account's finding beside its location, and the date of the prices", () => {
    const base: Omit<Finding, 'entity' | 'location'> = {
      ruleId: 'MAM702',
      ruleName: 'nat-gateway-unused',
      severity: 'warning',
      messageId: 'unused',
      message: 'NAT gateway',
      fingerprint: 'f',
    };
    const result: ScanResult = {
      root: '/r',
      files: ['account.json', 't.yaml'],
      snapshots: ['account.json'],
      findings: [
        {
          ...base,
          location: { file: 'account.json', line: 9, column: 1, endLine: 9, endColumn: 2 },
          entity: { kind: 'NatGateway', id: 'arn', displayName: 'n', region: 'ap-northeast-1' },
          properties: { estimatedMonthlyCostUsd: 1234.5 },
        },
        {
          ...base,
          fingerprint: 'g',
          location: { file: 't.yaml', line: 3, column: 1, endLine: 3, endColumn: 2 },
          entity: { kind: 'NatGateway', id: 't.yaml#N', displayName: 'N' },
        },
      ],
      notifications: [],
      rules: [],
    };
    const summary = jobSummary(result, { sarifFile: 'mamori.sarif', failOn: 'error', exitCode: 0, sarifLeftOut: 0 });
    expect(summary).toContain('| `account.json:9` `ap-northeast-1` |');
    expect(summary).toContain('| `t.yaml:3` |');
    expect(summary).toMatch(/\| Estimated monthly waste \(list prices of \d{4}-\d\d-\d\d\) \|/);
    expect(summary).toContain('| $1,234.50 |');
  });
});
