import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSnapshot, validateSnapshot } from '@mamori/core';
import { rules } from '@mamori/rules';
import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyAccountRoutes,
  everyCallBut,
  type FakeAws,
  FLOOD,
  HANG,
  queryXml,
  type Routes,
  startFakeAws,
  TRICKLE,
  useFakeAwsEnv,
} from '../../../test/fake-aws.js';
import { type CollectOptions, collectSnapshot } from './collect.js';
import { collectorSettings, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT, TIMEOUT_ATTEMPTS } from './limits.js';

/**
 * The collection is bounded: each call by its timeouts and attempts, the whole run by a deadline or
 * an interrupt, after which the snapshot holds what was read and says it is incomplete.
 */

const NOW = new Date('2026-11-25T15:00:00.000Z');
const fast: CollectOptions = { retryBackoff: () => 1, credentialReportPoll: 0.01, now: () => NOW };

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function serve(routes: Routes): Promise<FakeAws> {
  aws = await startFakeAws(routes);
  restore = useFakeAwsEnv(aws.url);
  return aws;
}

const requestsOf = (operation: string) => (aws?.requests ?? []).filter((r) => r.operation === operation);

describe('the documented bounds', () => {
  it('by default: 5 s to connect, 20 s per attempt, 8 attempts of which 3 may time out (a silent endpoint costs a call a minute)', () => {
    expect([DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ATTEMPTS, TIMEOUT_ATTEMPTS]).toEqual([5_000, 20_000, 8, 3]);
    expect(collectorSettings({}, {})).toEqual({ maxAttempts: 8, timeoutAttempts: 3, requestTimeout: 20_000, connectTimeout: 5_000 });
  });

  it('the environment sets them in seconds, options win over it, and nonsense is ignored', () => {
    const env = { MAMORI_REQUEST_TIMEOUT: '1.5', MAMORI_CONNECT_TIMEOUT: '0.25', AWS_MAX_ATTEMPTS: '2' };
    expect(collectorSettings({}, env)).toEqual({ maxAttempts: 2, timeoutAttempts: 2, requestTimeout: 1_500, connectTimeout: 250 });
    expect(collectorSettings({ requestTimeout: 300, maxAttempts: 5 }, env)).toEqual({
      maxAttempts: 5,
      timeoutAttempts: 3,
      requestTimeout: 300,
      connectTimeout: 250,
    });
    const nonsense = { MAMORI_REQUEST_TIMEOUT: 'soon', MAMORI_CONNECT_TIMEOUT: '-1', AWS_MAX_ATTEMPTS: '2.5' };
    expect(collectorSettings({}, nonsense)).toEqual(collectorSettings({}, {}));
    // Connecting is part of an attempt.
    expect(collectorSettings({ requestTimeout: 100 }, {}).connectTimeout).toBe(100);
  });
});

describe('an endpoint that accepts connections and never answers', () => {
  it('a call is given up after three timed-out attempts however many are allowed, said at once, and the endpoint is not asked again', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.service === 'ec2' ? HANG : undefined)));
    const notices: string[] = [];
    const snapshot = await collectSnapshot({ ...fast, maxAttempts: 8, requestTimeout: 500, onNotice: (m) => notices.push(m) });
    expect(requestsOf('DescribeSecurityGroups').map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect((aws?.requests ?? []).filter((r) => r.service === 'ec2')).toHaveLength(3);
    expect(snapshot.errors.find((e) => e.operation === 'DescribeSecurityGroups')).toEqual({
      service: 'ec2',
      region: 'eu-west-1',
      operation: 'DescribeSecurityGroups',
      code: 'TimeoutError',
      message: 'no answer within 0.5 s, 3 attempts',
    });
    expect(notices).toEqual([
      'the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups: no answer within 0.5 s, 3 attempts); its other calls are not made',
    ]);
    expect(snapshot.incomplete).toEqual({ reason: 'failed-calls' });
  });

  it('an answer whose body never ends is cut at the request timeout too (the SDK bounds only the wait for headers)', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.operation === 'DescribeDBInstances' ? TRICKLE : undefined)));
    const snapshot = await collectSnapshot({ ...fast, maxAttempts: 4, requestTimeout: 500 });
    expect(requestsOf('DescribeDBInstances').map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(snapshot.errors.find((e) => e.operation === 'DescribeDBInstances')).toMatchObject({
      code: 'TimeoutError',
      message: 'no answer within 0.5 s, 3 attempts',
    });
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups).toEqual({ SecurityGroups: [] });
  });
});

describe('an endpoint that floods', () => {
  it('an answer that never ends and comes fast is cut at 64 MiB, not retried, and the rest is collected', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.operation === 'DescribeDBInstances' ? FLOOD : undefined)));
    const snapshot = await collectSnapshot({ ...fast, maxAttempts: 3, requestTimeout: 60_000 });
    expect(snapshot.errors.find((e) => e.operation === 'DescribeDBInstances')).toMatchObject({
      code: 'ResponseTooLarge',
      message: 'answer larger than 64 MiB',
    });
    expect(requestsOf('DescribeDBInstances')).toHaveLength(1);
    expect(snapshot.regional['eu-west-1']?.rds?.DescribeDBClusters).toEqual({ DBClusters: [] });
  });
});

describe('the credential report', () => {
  it('that stays in progress is waited for a bounded time, then recorded as not ready; it is not read', async () => {
    const inProgress = queryXml('iam', 'GenerateCredentialReport', '<State>INPROGRESS</State>');
    await serve({ ...emptyAccountRoutes(), 'iam:GenerateCredentialReport': () => inProgress });
    const snapshot = await collectSnapshot({ ...fast, credentialReportTimeout: 0.3, credentialReportPoll: 0.05 });
    expect(snapshot.errors).toEqual([
      { service: 'iam', region: 'global', operation: 'GenerateCredentialReport', code: 'ReportInProgress', message: 'credential report not ready after 0.3 s' },
    ]);
    // Polls at least 0.05 s apart: a handful in 0.3 s, not a busy loop.
    expect(requestsOf('GenerateCredentialReport').length).toBeLessThan(20);
    expect(requestsOf('GetCredentialReport')).toEqual([]);
  });
});

describe('a deadline for the whole collection', () => {
  it('stops the calls under way and those not yet made, keeps what was read, and marks the snapshot', async () => {
    await serve(everyCallBut(emptyAccountRoutes(), (req) => (req.service === 'cloudtrail' || req.operation === 'ListUsers' ? HANG : undefined)));
    // Only the deadline can end the hanging calls.
    const snapshot = await collectSnapshot({ ...fast, requestTimeout: 60_000, deadline: 2 });
    expect(snapshot.incomplete).toEqual({ reason: 'timeout' });
    expect(validateSnapshot(snapshot)).toEqual([]);
    expect(snapshot.errors.filter((e) => e.service === 'cloudtrail' || e.operation === 'ListUsers')).toEqual([
      {
        service: 'iam',
        region: 'global',
        operation: 'ListUsers',
        code: 'CollectionTimeout',
        message: "not answered: the collection's deadline (2 s) passed",
      },
      {
        service: 'cloudtrail',
        region: 'eu-west-1',
        operation: 'DescribeTrails',
        code: 'CollectionTimeout',
        message: "not answered: the collection's deadline (2 s) passed",
      },
      {
        service: 'cloudtrail',
        region: 'eu-west-1',
        operation: 'LookupEvents',
        code: 'CollectionTimeout',
        message: "not called: the collection's deadline (2 s) passed",
      },
    ]);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups).toEqual({ SecurityGroups: [] });
    expect(requestsOf('DescribeTrails')).toHaveLength(1);
    // Asked after the user list in the IAM unit: never asked.
    expect(snapshot.errors).toContainEqual(expect.objectContaining({ operation: 'GetAccountAuthorizationDetails', code: 'CollectionTimeout' }));
    const loaded = loadSnapshot('account.json', JSON.stringify(snapshot, null, 2), rules);
    expect(loaded.notifications[0]).toMatchObject({ level: 'warning', code: 'incomplete-snapshot' });
    expect(loaded.notifications[0]?.message).toMatch(
      /^Incomplete account snapshot: the collection ran out of time \(its deadline passed\) \(4 failed calls recorded\); rules not evaluated in full: .*MAM504 cloudtrail-missing/,
    );
  });
});

describe('an interrupt', () => {
  it('drops the requests under way and returns what was read, marked interrupted', async () => {
    const stop = new AbortController();
    await serve(
      everyCallBut(emptyAccountRoutes(), (req) => {
        if (req.operation !== 'ListUsers') return undefined;
        stop.abort();
        return HANG;
      }),
    );
    const snapshot = await collectSnapshot({ ...fast, requestTimeout: 60_000, signal: stop.signal });
    expect(snapshot.incomplete).toEqual({ reason: 'interrupted' });
    expect(snapshot.errors.find((e) => e.operation === 'ListUsers')).toEqual({
      service: 'iam',
      region: 'global',
      operation: 'ListUsers',
      code: 'Interrupted',
      message: 'not answered: the collection was interrupted',
    });
    expect(snapshot.errors.every((e) => e.code === 'Interrupted')).toBe(true);
    expect(validateSnapshot(snapshot)).toEqual([]);
    // What was not sent before the interrupt is not sent after it, and nothing is retried.
    const notCalled = snapshot.errors.filter((e) => e.message?.startsWith('not called')).map((e) => `${e.service}:${e.operation}`);
    expect(notCalled.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect((aws?.requests ?? []).filter((r) => notCalled.includes(`${r.service}:${r.operation}`))).toEqual([]);
    expect((aws?.requests ?? []).filter((r) => r.attempt > 1)).toEqual([]);
  });

  it('before the account is known there is nothing to write: a clear error', async () => {
    const stop = new AbortController();
    await serve({
      'sts:GetCallerIdentity': () => {
        stop.abort();
        return HANG;
      },
    });
    await expect(collectSnapshot({ ...fast, requestTimeout: 60_000, signal: stop.signal })).rejects.toThrow(
      'Nothing collected: the collection was interrupted before the account was identified (STS GetCallerIdentity)',
    );
  });
});

describe('a profile that does not exist', () => {
  it('is named in the error, with the files looked in', async () => {
    await serve(emptyAccountRoutes());
    const dir = mkdtempSync(path.join(tmpdir(), 'mamori-profile-'));
    try {
      const config = path.join(dir, 'config');
      writeFileSync(
        config,
        '[profile audit]\nregion = eu-west-1\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      );
      process.env.AWS_CONFIG_FILE = config;
      // The profile's keys, not the environment's, sign the calls.
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await expect(collectSnapshot({ ...fast, profile: 'nope' })).rejects.toThrow(
        `No AWS profile named "nope" in ${config} or /nonexistent/mamori-credentials`,
      );
      expect(aws?.requests).toEqual([]);
      // One that exists is used.
      const snapshot = await collectSnapshot({ ...fast, profile: 'audit' });
      expect(snapshot.accountId).toBe('210987654321');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
