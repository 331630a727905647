import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

/** As Node.js fails to import a package that is not installed. */
const notInstalled = (name: string): Error =>
  Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/@mamori/cli/dist/collect.js`), { code: 'ERR_MODULE_NOT_FOUND' });

// The command as it runs where @mamori/collector is not installed (the packed packages' test runs it for real).
vi.mock('./collect.js', async (actual) => {
  const real = await actual<typeof import('./collect.js')>();
  return { ...real, loadCollector: (command: string) => real.loadCollector(command, () => Promise.reject(notInstalled('@mamori/collector'))) };
});

const dir = mkdtempSync(path.join(tmpdir(), 'mamori-no-collector-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    cwd: dir,
    color: false,
  };
  return { code: await main(args, io), stdout, stderr };
}

describe('without @mamori/collector', () => {
  it('collect says in one line what to install, exits 2, and writes nothing', async () => {
    expect(await run(['collect', '-o', 'account.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mamori: collect needs @mamori/collector (the AWS SDK), which is not installed: install it beside @mamori/cli (npm install @mamori/collector), or run npx -p @mamori/cli -p @mamori/collector mamori collect\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('scan --account says so before it scans or writes anything', async () => {
    const { code, stdout, stderr } = await run(['scan', '--account', '--format', 'sarif', '--output', 'report.sarif']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'mamori: scan --account needs @mamori/collector (the AWS SDK), which is not installed: install it beside @mamori/cli (npm install @mamori/collector), or run npx -p @mamori/cli -p @mamori/collector mamori scan --account\n',
    );
    expect(existsSync(path.join(dir, 'report.sarif'))).toBe(false);
  });

  it('a template scan does not need it', async () => {
    const templates = fileURLToPath(new URL('../../../examples/templates/bad', import.meta.url));
    const { code, stdout } = await run(['scan', '--no-config', '--fail-on', 'none', templates]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/MAM101 world-open-ingress/);
  });

  it('a dependency of the collector that is missing is named as it is, not taken for the collector', async () => {
    const { loadCollector } = await vi.importActual<typeof import('./collect.js')>('./collect.js');
    const broken = notInstalled('@aws-sdk/client-ec2');
    await expect(loadCollector('collect', () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
