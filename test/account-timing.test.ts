import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@mamori/cli';
import { scan } from '@mamori/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeAws } from './fake-aws.js';
import { recordedAccountRoutes } from './recorded-account.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-timing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// How long the two account steps take, as a user runs them: `mamori collect` against a local AWS
// endpoint (the recorded account in three regions, with its throttling, pagination and the
// credential report's polling, at the SDK's own retry delays), and scanning the example snapshot.
describe('account collection and scanning times', () => {
  it('mamori collect of three regions against a local endpoint', async () => {
    const aws = await startFakeAws(recordedAccountRoutes());
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: aws.url,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: path.join(tmp, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
    try {
      const out = path.join(tmp, 'collected.json');
      const started = performance.now();
      // The recorded account denies rds:DescribeDBClusters: the snapshot is incomplete, and accepted so.
      const args = [
        'collect',
        '--region',
        'eu-west-1',
        '--region',
        'us-east-1',
        '--region',
        'ap-northeast-1',
        '--output',
        out,
        '--quiet',
        '--allow-incomplete',
      ];
      const code = await main(args, {
        stdout: () => undefined,
        stderr: () => undefined,
        cwd: tmp,
        color: false,
      });
      const seconds = (performance.now() - started) / 1000;
      expect(code).toBe(0);
      const snapshot = JSON.parse(readFileSync(out, 'utf8')) as { regions: string[] };
      expect(snapshot.regions).toHaveLength(3);
      console.log(`collect: ${aws.requests.length} requests in ${seconds.toFixed(2)} s`);
      // Most of it is the credential report's polling (2 s, then backing off) and the SDK's retry delays.
      expect(seconds).toBeLessThan(30);
    } finally {
      await aws.close();
      process.env = saved;
    }
  });

  it('scanning the example account snapshot', async () => {
    const started = performance.now();
    const result = await scan({ paths: ['examples/snapshot/account.json'], cwd: root });
    const seconds = (performance.now() - started) / 1000;
    expect(result.findings.length).toBeGreaterThan(0);
    console.log(`scan: ${result.findings.length} findings in ${seconds.toFixed(3)} s`);
    expect(seconds).toBeLessThan(5);
  });
});
