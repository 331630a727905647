import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from './action.js';
import { main } from './main.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'mamori-cli-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SG =
  'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n';

function folder(): string {
  const dir = mkdtempSync(path.join(tmp, 'ws-'));
  writeFileSync(path.join(dir, 'sg.yaml'), SG);
  writeFileSync(path.join(dir, 'bucket.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
  return dir;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false, env: {} });
  return { code, stdout, stderr };
}

describe('mamori scan --cache', () => {
  it('writes .mamoricache here, or at --cache-location, and prints the same report', async () => {
    const dir = folder();
    const plain = await cli(['scan', '--format', 'json'], dir);
    expect(existsSync(path.join(dir, '.mamoricache'))).toBe(false);
    const cold = await cli(['scan', '--format', 'json', '--cache'], dir);
    expect(existsSync(path.join(dir, '.mamoricache'))).toBe(true);
    const warm = await cli(['scan', '--format', 'json', '--cache'], dir);
    for (const r of [cold, warm]) {
      expect(r.stdout).toBe(plain.stdout);
      expect(r.code).toBe(plain.code);
      expect(r.stderr).toBe('');
    }
    await cli(['scan', '--cache', '--cache-location', 'build/mamori.cache', '--cache-strategy', 'content'], dir);
    expect(readFileSync(path.join(dir, 'build', 'mamori.cache'), 'utf8')).toMatch(/^\{"mamoriCache":5,/);
  });

  it('says on stderr when the cache could not be used, and reports the same', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'my.cache'), 'notes\n');
    const plain = await cli(['scan', '--format', 'sarif'], dir);
    const r = await cli(['scan', '--format', 'sarif', '--cache', '--cache-location', 'my.cache'], dir);
    expect(r.stderr).toMatch(/^mamori: cache .*my\.cache not used: the file there is not a mamori cache, and is left as it is/);
    expect(r.stdout).toBe(plain.stdout);
    expect(readFileSync(path.join(dir, 'my.cache'), 'utf8')).toBe('notes\n');
  });

  it('refuses a strategy it does not know', async () => {
    const r = await cli(['scan', '--cache', '--cache-strategy', 'mtime'], folder());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are metadata, content/);
  });
});

describe('the Action with cache: true', () => {
  async function action(workspace: string, runnerTemp: string, inputs: Record<string, string>) {
    let stdout = '';
    const env: Record<string, string> = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp, INPUT_FORMAT: 'json', 'INPUT_FAIL-ON': 'none' };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const code = await runAction(env, { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t) });
    // The stop-commands token is random on every run.
    const token = /^::stop-commands::(.+)$/m.exec(stdout)?.[1] ?? 'none';
    return { code, stdout: stdout.replaceAll(token, 'TOKEN') };
  }

  it('keeps the cache in RUNNER_TEMP, and reports as without it', async () => {
    const workspace = folder();
    const runnerTemp = mkdtempSync(path.join(tmp, 'temp-'));
    const plain = await action(workspace, runnerTemp, {});
    const cold = await action(workspace, runnerTemp, { cache: 'true' });
    expect(existsSync(path.join(runnerTemp, '.mamoricache'))).toBe(true);
    const warm = await action(workspace, runnerTemp, { cache: 'true', 'cache-location': 'mamori/cache', 'cache-strategy': 'metadata' });
    expect(readFileSync(path.join(runnerTemp, 'mamori', 'cache'), 'utf8')).toMatch(/^\{"mamoriCache":5,/);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(existsSync(path.join(workspace, '.mamoricache'))).toBe(false);
  });

  it('refuses a cache in the workspace, where a pull request could bring its own, and inputs it does not know', async () => {
    const workspace = folder();
    const runnerTemp = mkdtempSync(path.join(tmp, 'temp-'));
    mkdirSync(path.join(workspace, 'cache'));
    const inWorkspace = await action(workspace, runnerTemp, { cache: 'true', 'cache-location': path.join(workspace, 'cache', '.mamoricache') });
    expect(inWorkspace.code).toBe(2);
    expect(inWorkspace.stdout).toMatch(/cache-location: .* is in the workspace; keep the cache in RUNNER_TEMP/);
    const outside = await action(workspace, runnerTemp, { cache: 'true', 'cache-location': '/etc/mamori-cache' });
    expect(outside.code).toBe(2);
    expect(outside.stdout).toMatch(/cache-location: cannot write \/etc\/mamori-cache: it is outside/);
    expect((await action(workspace, runnerTemp, { cache: 'yes' })).stdout).toMatch(/cache must be true or false, not "yes"/);
    expect((await action(workspace, runnerTemp, { cache: 'true', 'cache-strategy': 'mtime' })).stdout).toMatch(/cache-strategy must be metadata or content/);
  });
});
