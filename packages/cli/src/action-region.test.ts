import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from './action.js';

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
