import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyAccountRoutes, everyCallBut, type FakeAws, HANG, startFakeAws, useFakeAwsEnv } from './fake-aws.js';

/**
 * The built command, interrupted while an endpoint stalls: it writes what it read, marked
 * interrupted, and exits 3. Run as users run it, in its own process, with a real signal.
 */

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'packages', 'cli', 'dist', 'bundle', 'mamori.mjs');
let dir: string;

beforeAll(() => {
  // `pnpm run check` builds before it tests.
  if (!existsSync(bin))
    execFileSync('npx', ['tsc', '-b', 'packages/core', 'packages/rules', 'packages/collector', 'packages/cli'], { cwd: repo, stdio: 'pipe' });
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-signals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

/** Runs the command until the endpoint has been asked `operation`, then sends `signal`. */
async function interrupt(args: string[], operation: string, signal: NodeJS.Signals) {
  // Every call answers but `operation`, which hangs: only the signal can end the run.
  aws = await startFakeAws(everyCallBut(emptyAccountRoutes(), (req) => (req.operation === operation ? HANG : undefined)));
  restore = useFakeAwsEnv(aws.url);
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, MAMORI_REQUEST_TIMEOUT: '120' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Bounded: a command that ignores the signal is killed and the test fails on its exit code.
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  while (!aws.requests.some((r) => r.operation === operation) && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  const code = await exited;
  clearTimeout(killer);
  return { code, stdout, stderr };
}

describe('mamori collect, interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s writes what was read, marked interrupted, and exits 3', async (signal) => {
    const out = `${signal}.json`;
    const { code, stderr } = await interrupt(['collect', '--output', out, '--region', 'eu-west-1'], 'DescribeTrails', signal);
    expect(code).toBe(3);
    expect(stderr).toContain(`mamori: ${signal}: stopping; the snapshot will hold what was read so far (again to exit at once)\n`);
    expect(stderr).toMatch(
      new RegExp(
        `mamori: ${out.replace('.', '\\.')} is incomplete: the collection was interrupted; \\d+ of \\d+ calls failed or were not made \\(\\d+ Interrupted\\);`,
      ),
    );
    const snapshot = JSON.parse(readFileSync(path.join(dir, out), 'utf8'));
    expect(snapshot.incomplete).toEqual({ reason: 'interrupted' });
    expect(snapshot.errors).toContainEqual({
      service: 'cloudtrail',
      region: 'eu-west-1',
      operation: 'DescribeTrails',
      code: 'Interrupted',
      message: 'not answered: the collection was interrupted',
    });
    // What answered before the signal is kept.
    expect(snapshot.regional['eu-west-1'].ec2.DescribeSecurityGroups).toEqual({ SecurityGroups: [] });
  });

  it('scan --account writes the partial snapshot, does not judge it, and exits 3', async () => {
    const { code, stdout, stderr } = await interrupt(['scan', '--account', '--snapshot-output', 'partial.json', '--quiet'], 'ListUsers', 'SIGINT');
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain('mamori: not scanned: the collection was interrupted (scan partial.json to judge what was read)\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'partial.json'), 'utf8')).incomplete).toEqual({ reason: 'interrupted' });
  });
});
