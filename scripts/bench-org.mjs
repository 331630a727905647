// `node scripts/bench-org.mjs [--accounts N] [--latency MS] [--regions a,b] [--concurrency N]`: an
// organisation collected with `mamori collect --org` (the built command, through the real SDK
// clients) from the fake AWS endpoint of the tests (test/fake-org.ts, compiled with esbuild): N
// member accounts (default 50) of which one has no collection role and one is suspended, every
// answer `--latency` ms late (default 50). Prints the accounts by outcome, the calls the endpoint
// answered, the wall time and the exit code; then scans the snapshots and merges their SARIF.
// Needs `pnpm build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    regions: { type: 'string', default: 'eu-west-1' },
    concurrency: { type: 'string', default: '4' },
  },
});
const count = Number(values.accounts);
const dir = mkdtempSync(path.join(os.tmpdir(), 'mamori-bench-org-'));

// The two fakes compiled as one module, their core import pointed at the built core.
const internal = pathToFileURL(path.join(root, 'packages/core/dist/internal.js')).href;
const out = path.join(dir, 'fake-org.mjs');
await build({
  stdin: { contents: "export * from './test/fake-aws.ts';\nexport * from './test/fake-org.ts';\n", resolveDir: root, loader: 'ts' },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'error',
  plugins: [{ name: 'core', setup: (b) => b.onResolve({ filter: /^@mamori\/core\/internal$/ }, () => ({ path: internal, external: true })) }],
});
const fake = await import(pathToFileURL(out).href);

const members = Array.from({ length: count }, (_, i) => {
  const id = String(200_000_000_000 + i);
  if (i === 1) return { id, name: `account-${i}`, roles: [] };
  if (i === 2) return { id, name: `account-${i}`, state: 'SUSPENDED' };
  return { id, name: `account-${i}`, ...(i % 5 === 0 ? { routes: fake.openSshGroup(id) } : {}) };
});
const aws = await fake.startFakeAws(fake.organizationRoutes(members, { pageSize: 20 }), { latency: Number(values.latency) });
const bin = path.join(root, 'packages/cli/dist/bundle/mamori.mjs');
const env = {
  PATH: process.env.PATH,
  AWS_ENDPOINT_URL: aws.url,
  AWS_ACCESS_KEY_ID: fake.MANAGEMENT_KEY,
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_REGION: 'eu-west-1',
  AWS_CONFIG_FILE: '/nonexistent/mamori-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/mamori-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const run = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const regions = values.regions.split(',').flatMap((r) => ['--region', r]);
const command = ['collect', '--org', '--role-name', 'mamori-audit', '--out-dir', 'org', '--account-concurrency', values.concurrency, ...regions, '--quiet'];
const started = performance.now();
const collected = await run(command);
const seconds = (performance.now() - started) / 1000;
const summary = JSON.parse(readFileSync(path.join(dir, 'org', 'mamori-org-summary.json'), 'utf8'));
const by = (status) => summary.accounts.filter((a) => a.status === status).length;
console.log(`mamori ${command.join(' ')}`);
console.log(
  `${count} accounts: ${by('collected')} collected, ${by('failed')} failed, ${by('skipped')} skipped; ${aws.requests.length} requests answered by the endpoint (${summary.calls} calls counted); ${seconds.toFixed(1)} s at ${values.latency} ms latency; exit ${collected.code}`,
);
console.log(collected.stderr.trim());
await aws.close();

const snapshots = readdirSync(path.join(dir, 'org')).filter((f) => /^\d{12}\.json$/.test(f));
const scanStarted = performance.now();
for (const file of snapshots)
  await run(['scan', `org/${file}`, '--format', 'sarif', '--output', `sarif/${file.replace('.json', '.sarif')}`, '--fail-on', 'none']);
const merged = await run(['merge', ...snapshots.map((f) => `sarif/${f.replace('.json', '.sarif')}`), '--output', 'org.sarif']);
const log = JSON.parse(readFileSync(path.join(dir, 'org.sarif'), 'utf8'));
console.log(
  `scanned ${snapshots.length} snapshots one by one and merged (exit ${merged.code}) in ${((performance.now() - scanStarted) / 1000).toFixed(1)} s: ${log.runs.length} run, ${log.runs[0].results.length} results, ${new Set(log.runs[0].results.map((r) => r.properties?.accountId)).size} accounts; ${path.join(dir, 'org.sarif')}`,
);
const grouped = await run(['scan', 'org', '--fail-on', 'none']);
console.log(grouped.stdout.split('\n').slice(-8).join('\n'));
if (process.env.KEEP !== '1') rmSync(dir, { recursive: true, force: true });
