import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Scanning templates makes no network call: the CLI runs in a child process whose every way out
 * (sockets, TLS, HTTP/1 and 2, DNS, UDP, fetch) records the attempt and throws.
 */

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'packages', 'cli', 'dist', 'bundle', 'mamori.mjs');
let dir: string;
let preload: string;
let attempts: string;

const PRELOAD = `
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.MAMORI_NETWORK_LOG;
const refuse = (what) =>
  function () {
    appendFileSync(log, what + '\\n');
    throw new Error('network access attempted: ' + what);
  };
const trap = (object, name, label) => {
  Object.defineProperty(object, name, { value: refuse(label), writable: true, configurable: true });
};
for (const name of ['connect', 'createConnection']) trap(net, name, 'net.' + name);
trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
trap(tls, 'connect', 'tls.connect');
for (const name of ['request', 'get']) {
  trap(http, name, 'http.' + name);
  trap(https, name, 'https.' + name);
}
trap(http2, 'connect', 'http2.connect');
trap(dgram, 'createSocket', 'dgram.createSocket');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  trap(dns, name, 'dns.' + name);
  trap(dns.promises, name, 'dns.promises.' + name);
}
trap(globalThis, 'fetch', 'fetch');
`;

beforeAll(() => {
  // The scan runs the built CLI, as users do; \`pnpm run check\` builds before it tests.
  if (!existsSync(bin))
    execFileSync('npx', ['tsc', '-b', 'packages/core', 'packages/rules', 'packages/collector', 'packages/cli'], { cwd: repo, stdio: 'pipe' });
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-offline-'));
  preload = path.join(dir, 'no-network.mjs');
  attempts = path.join(dir, 'attempts.log');
  writeFileSync(preload, PRELOAD);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function offline(args: string[], env: Record<string, string> = {}) {
  rmSync(attempts, { force: true });
  const out = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env, MAMORI_NETWORK_LOG: attempts, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { ...out, attempts: existsSync(attempts) ? readFileSync(attempts, 'utf8') : '' };
}

describe('template scans make no network calls', () => {
  it('the trap works: a fetch in the same set-up is recorded and fails', () => {
    const out = offline(['--input-type=module', '-e', "try { await fetch('https://example.com'); } catch (e) { console.log(e.message); }"]);
    expect(out.stdout).toContain('network access attempted: fetch');
    expect(out.attempts).toBe('fetch\n');
  });

  it('the trap sees the network calls mamori does make: collect, which talks to AWS', () => {
    const out = offline([bin, 'collect', '--region', 'eu-west-1', '--output', path.join(dir, 'x.json'), '--quiet'], {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_MAX_ATTEMPTS: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(out.status).toBe(2);
    expect(out.attempts).toMatch(/^http\.request\n/);
  });

  it('mamori scan examples succeeds and attempts nothing, in every format', () => {
    for (const format of ['sarif', 'json', 'html', 'stylish']) {
      const out = offline([bin, 'scan', 'examples', 'test/fixtures', '--format', format, '--fail-on', 'none']);
      // The fixture folder holds a broken template: exit 2, as without the trap.
      expect(out.status, `${format}: ${out.stderr}`).toBe(2);
      expect(out.attempts, format).toBe('');
      expect(out.stderr, format).not.toContain('network access attempted');
      if (format === 'sarif') expect((JSON.parse(out.stdout) as Log).runs[0]?.results?.length).toBeGreaterThan(20);
    }
  });

  it('with plugins and declarative rules from the examples, too', () => {
    const out = offline([
      bin,
      'scan',
      'examples/custom-rules',
      '--config',
      'examples/custom-rules/mamori.config.yaml',
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.attempts).toBe('');
    expect((JSON.parse(out.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });
});
