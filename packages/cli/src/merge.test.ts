import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAws, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { type FakeMember, openSshGroup, organizationRoutes } from '../../../test/fake-org.js';
import { multitoolIssues, schemaErrors } from '../../../test/sarif-validate.js';
import { main } from './main.js';

// An organisation collected, each account scanned on its own (as a matrix of jobs would), and the
// reports merged: one run, the same bytes whatever the order, valid for GitHub code scanning.

const MEMBERS: FakeMember[] = [
  { id: '222222222222', name: 'prod', routes: openSshGroup('222222222222') },
  { id: '333333333333', name: 'staging', routes: openSshGroup('333333333333') },
  { id: '444444444444', name: 'sandbox' },
];

let dir: string;
let aws: FakeAws;
let restore: () => void;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: dir,
    color: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mamori-merge-'));
  aws = await startFakeAws(organizationRoutes(MEMBERS));
  restore = useFakeAwsEnv(aws.url);
  expect((await run(['collect', '--org', '--role-name', 'mamori-audit', '--out-dir', 'org', '--region', 'eu-west-1', '--quiet'])).code).toBe(0);
  for (const { id } of MEMBERS) {
    for (const format of ['sarif', 'json']) {
      const scanned = await run(['scan', `org/${id}.json`, '--format', format, '--output', `${id}.${format}`, '--fail-on', 'none']);
      expect(scanned.code).toBe(0);
    }
  }
});
afterAll(async () => {
  restore();
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = MEMBERS.map((m) => m.id);

describe('mamori merge', () => {
  it('merges SARIF of many accounts into one run, the same bytes in any order, valid for the SARIF schema and GitHub', async () => {
    const forward = await run(['merge', ...ids.map((id) => `${id}.sarif`)]);
    const backward = await run(['merge', ...[...ids].reverse().map((id) => `${id}.sarif`), `${ids[0]}.sarif`]);
    expect(forward.code).toBe(0);
    expect(backward.stdout).toBe(forward.stdout);
    const merged = JSON.parse(forward.stdout) as Log;
    expect(merged.runs).toHaveLength(1);
    const inputs = ids.map((id) => JSON.parse(readFileSync(path.join(dir, `${id}.sarif`), 'utf8')) as Log);
    const results = merged.runs[0]?.results ?? [];
    expect(results).toHaveLength(inputs.reduce((n, log) => n + (log.runs[0]?.results?.length ?? 0), 0));
    // Each result's rule index points at its rule; each account's results name their account.
    const rules = merged.runs[0]?.tool.driver.rules ?? [];
    for (const r of results) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    const byAccount = (id: string) => results.filter((r) => r.properties?.accountId === id);
    expect(byAccount('222222222222').some((r) => r.ruleId === 'MAM101')).toBe(true);
    expect(byAccount('333333333333').some((r) => r.ruleId === 'MAM101')).toBe(true);
    expect(byAccount('444444444444').some((r) => r.ruleId === 'MAM101')).toBe(false);
    expect(results.every((r) => r.locations?.[0]?.logicalLocations?.some((l) => l.fullyQualifiedName === `aws-account:${r.properties?.accountId}`))).toBe(true);
    expect(schemaErrors(merged)).toEqual([]);
    expect(multitoolIssues(merged)).toEqual([]);
  }, 60_000);

  it("keeps the most severe results within GitHub's limit for a run, and says how many were left out", async () => {
    const all = JSON.parse((await run(['merge', ...ids.map((id) => `${id}.sarif`), '--sarif-max-results', '0'])).stdout) as Log;
    const total = all.runs[0]?.results?.length ?? 0;
    const errors = (all.runs[0]?.results ?? []).filter((r) => r.level === 'error').length;
    expect(errors).toBeGreaterThan(1);
    const capped = JSON.parse((await run(['merge', ...ids.map((id) => `${id}.sarif`), '--sarif-max-results', String(errors)])).stdout) as Log;
    expect(capped.runs[0]?.results?.map((r) => r.level)).toEqual(Array(errors).fill('error'));
    expect(capped.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.at(-1)).toMatchObject({
      level: 'warning',
      descriptor: { id: 'results-capped' },
      message: { text: expect.stringContaining(`the ${errors} most severe of ${total} merged results; ${total - errors} were left out`) },
    });
    expect(schemaErrors(capped)).toEqual([]);
  });

  it('merges JSON reports, counting each account again', async () => {
    const forward = await run(['merge', '--format', 'json', ...ids.map((id) => `${id}.json`), '--output', 'merged.json']);
    expect(forward.code).toBe(0);
    const backward = await run(['merge', '--format', 'json', ...[...ids].reverse().map((id) => `${id}.json`)]);
    expect(backward.stdout).toBe(readFileSync(path.join(dir, 'merged.json'), 'utf8'));
    const merged = JSON.parse(backward.stdout);
    const inputs = ids.map((id) => JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')));
    expect(merged.accounts.map((a: { accountId: string }) => a.accountId)).toEqual(ids);
    expect(merged.accounts.map((a: { findings: number }) => a.findings)).toEqual(inputs.map((r) => r.accounts[0].findings));
    expect(merged.summary.findings).toBe(inputs.reduce((n, r) => n + r.summary.findings, 0));
    expect(merged.files).toEqual(ids.map((id) => `org/${id}.json`));
  });

  it('refuses what it cannot merge, in one line', async () => {
    writeFileSync(path.join(dir, 'other.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] }));
    writeFileSync(path.join(dir, 'broken.sarif'), '{"version": "2.1.0", "runs": [');
    expect(await run(['merge', `${ids[0]}.sarif`, 'other.sarif'])).toMatchObject({
      code: 2,
      stderr: 'mamori: cannot merge: other.sarif: a run of "eslint", not of mamori\n',
    });
    expect((await run(['merge', 'broken.sarif'])).stderr).toMatch(/^mamori: cannot merge: broken.sarif: not JSON \(.*\)\n$/);
    expect(await run(['merge', 'missing.sarif'])).toMatchObject({ code: 2, stderr: 'mamori: cannot read missing.sarif: no such file\n' });
    const mamoriRun = (run: object) => JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'mamori' } }, ...run }] });
    writeFileSync(path.join(dir, 'odd-locations.sarif'), mamoriRun({ results: [{ ruleId: 'MAM101', locations: 'here' }] }));
    writeFileSync(path.join(dir, 'odd-rules.sarif'), mamoriRun({ tool: { driver: { name: 'mamori', rules: [{ name: 'no id' }] } } }));
    expect((await run(['merge', 'odd-locations.sarif'])).stderr).toBe(
      "mamori: cannot merge: odd-locations.sarif: a result's locations are not a list of objects\n",
    );
    expect((await run(['merge', 'odd-rules.sarif'])).stderr).toBe('mamori: cannot merge: odd-rules.sarif: its rules are not a list of rules with ids\n');
    expect((await run(['merge', '--format', 'json', `${ids[0]}.sarif`])).stderr).toBe(
      `mamori: cannot merge: ${ids[0]}.sarif: not a mamori JSON report (--format json)\n`,
    );
  });

  it('marks the merged run unsuccessful when one input was, and keeps its notifications once', async () => {
    const log = JSON.parse(readFileSync(path.join(dir, `${ids[2]}.sarif`), 'utf8')) as Log;
    const failed = structuredClone(log);
    const invocation = failed.runs[0]?.invocations?.[0];
    if (!invocation) throw new Error('no invocation');
    invocation.executionSuccessful = false;
    invocation.toolExecutionNotifications = [{ level: 'error', message: { text: 'org/555555555555.json: cannot be read.' }, descriptor: { id: 'read-error' } }];
    writeFileSync(path.join(dir, 'failed.sarif'), JSON.stringify(failed));
    const merged = JSON.parse((await run(['merge', `${ids[0]}.sarif`, 'failed.sarif', 'failed.sarif'])).stdout) as Log;
    expect(merged.runs[0]?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'org/555555555555.json: cannot be read.' }, descriptor: { id: 'read-error' } }],
      },
    ]);
  });
});
