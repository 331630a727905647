import type { AwsService } from '@mamori/core/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, type FakeRequest, largeAccountRoutes, startFakeAws, useFakeAwsEnv } from '../../../test/fake-aws.js';
import { collectSnapshot } from './collect.js';
import { RATE_LIMITS, type RateLimit, RateLimiter, rateLimitOf, TokenBucket } from './rates.js';

/**
 * The collector never asks a service faster than AWS allows it: the requests the fake endpoint
 * received, replayed through each service's documented bucket, never find it empty.
 */

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

/** Requests in one bucket beyond what it held when each arrived: 0 when the limit held. */
function overdraft(requests: readonly FakeRequest[]): Map<string, { requests: number; worst: number }> {
  const byBucket = new Map<string, { limit: RateLimit; times: number[] }>();
  for (const r of requests) {
    const { key, limit } = rateLimitOf(r.service as AwsService, r.operation, r.region);
    const entry = byBucket.get(key) ?? { limit, times: [] };
    entry.times.push(r.at);
    byBucket.set(key, entry);
  }
  const out = new Map<string, { requests: number; worst: number }>();
  for (const [key, { limit, times }] of byBucket) {
    times.sort((a, b) => a - b);
    let tokens = limit.burst;
    let last = times[0] ?? 0;
    let worst = 0;
    for (const t of times) {
      tokens = Math.min(limit.burst, tokens + ((t - last) * limit.perSecond) / 1000);
      last = t;
      tokens -= 1;
      worst = Math.min(worst, tokens);
    }
    out.set(key, { requests: times.length, worst: -worst });
  }
  return out;
}

describe('the request rates AWS allows', () => {
  it('each limit has a bucket and a refill', () => {
    for (const limit of Object.values(RATE_LIMITS)) {
      expect(limit.burst).toBeGreaterThanOrEqual(1);
      expect(limit.perSecond).toBeGreaterThan(0);
    }
    // IAM is one bucket for the account whatever region signs; EC2 one per region.
    expect(rateLimitOf('iam', 'ListUsers', 'us-east-1').key).toBe(rateLimitOf('iam', 'ListUsers', 'eu-west-1').key);
    expect(rateLimitOf('ec2', 'DescribeInstances', 'us-east-1').key).not.toBe(rateLimitOf('ec2', 'DescribeInstances', 'eu-west-1').key);
    expect(rateLimitOf('cloudtrail', 'LookupEvents', 'eu-west-1').limit.perSecond).toBe(1);
  });

  it('the replay finds an overdraft in requests sent faster than the bucket allows', () => {
    const burst = (n: number, service: string, at: (i: number) => number): FakeRequest[] =>
      Array.from({ length: n }, (_, i) => ({ service, operation: 'ListUsers', region: 'us-east-1', accessKeyId: 'k', params: {}, attempt: 1, at: at(i) }));
    const iam = RATE_LIMITS.iam;
    // The whole bucket at once, then one per refill: held.
    const paced = burst(iam.burst + 10, 'iam', (i) => (i < iam.burst ? 0 : ((i - iam.burst + 1) * 1000) / iam.perSecond));
    expect(overdraft(paced).get('iam')?.worst).toBeLessThanOrEqual(1e-9);
    // Ten more than the bucket at once: ten over.
    expect(overdraft(burst(iam.burst + 10, 'iam', () => 0)).get('iam')?.worst).toBe(10);
  });

  it('a token bucket lets the burst through at once, then one request per refill', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    // Reserved in order: the fourth waits half a second, the fifth a second.
    expect([bucket.take(), bucket.take()]).toEqual([500, 1000]);
    now = 3000;
    expect(bucket.take()).toBe(0);
  });

  it('collecting an account of many users keeps every service within its bucket', { timeout: 60_000 }, async () => {
    // 60 users: about 190 IAM requests, far past IAM's bucket, which an unlimited collector sends in well under a second.
    aws = await startFakeAws(largeAccountRoutes({ users: 60 }));
    restore = useFakeAwsEnv(aws.url);
    const snapshot = await collectSnapshot({ regions: ['eu-west-1', 'us-east-1'], credentialReportPoll: 0.01, concurrency: 64 });
    expect(snapshot.errors).toEqual([]);
    expect(Object.keys(snapshot.global.iam?.ListAccessKeys ?? {})).toHaveLength(60);
    const buckets = overdraft(aws.requests);
    const iam = buckets.get('iam');
    expect(iam?.requests).toBeGreaterThan(RATE_LIMITS.iam.burst * 5);
    // Less than one request over anywhere: the time between the collector's send and the fake's arrival, not a breach.
    for (const [key, { worst }] of buckets) expect({ key, worst: worst < 1 ? 'held' : worst }).toEqual({ key, worst: 'held' });
  });

  it('a stop ends the wait for a token', async () => {
    const limiter = new RateLimiter();
    const stop = new AbortController();
    // IAM's bucket emptied, then a request that would wait five seconds for its token.
    const earlier = Array.from({ length: RATE_LIMITS.iam.burst + 99 }, () =>
      limiter.acquire('iam', 'ListUsers', 'us-east-1', stop.signal).catch(() => 'stopped'),
    );
    const waiting = limiter.acquire('iam', 'ListUsers', 'us-east-1', stop.signal);
    stop.abort('timeout');
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', message: 'timeout' });
    // The burst went at once; every request still waiting was stopped.
    expect((await Promise.all(earlier)).filter((r) => r === 'stopped')).toHaveLength(99);
  });

  it('the deadline still stops a collection held back by the rate limits: what was not asked is recorded as such', { timeout: 30_000 }, async () => {
    // 1,000 users: over two minutes of IAM requests at IAM's rate.
    aws = await startFakeAws(largeAccountRoutes({ users: 1000 }));
    restore = useFakeAwsEnv(aws.url);
    const snapshot = await collectSnapshot({ credentialReportPoll: 0.01, deadline: 2 });
    expect(snapshot.incomplete).toEqual({ reason: 'timeout' });
    expect(snapshot.errors.filter((e) => e.service === 'iam' && e.code === 'CollectionTimeout').length).toBeGreaterThan(100);
  });
});
