import { type AccountSnapshot, loadSnapshot, ruleKinds, validateSnapshot } from '@mamori/core';
import { runRules } from '@mamori/core/internal';
import { rules } from '@mamori/rules';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ec2Error,
  ec2Xml,
  emptyAccountRoutes,
  everyCallBut,
  type FakeAws,
  type FakeRequest,
  type FakeResponse,
  HANG,
  json10Error,
  jsonError,
  queryError,
  type Routes,
  startFakeAws,
  useFakeAwsEnv,
} from '../../../test/fake-aws.js';
import { recordedAccountRoutes } from '../../../test/recorded-account.js';
import { type CollectOptions, collectSnapshot } from './collect.js';

/**
 * Faults of a real endpoint, served on 127.0.0.1 to the real SDK clients: every one ends in a
 * bounded number of requests and a bounded time, is recorded in the snapshot's `errors`, and comes
 * back from the scan as a notification naming the rules it leaves unevaluated.
 */

const NOW = new Date('2026-11-25T15:00:00.000Z');
const fast: CollectOptions = { retryBackoff: () => 1, credentialReportPoll: 0.01, now: () => NOW, maxAttempts: 3 };

let aws: FakeAws | undefined;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  await aws?.close();
  aws = undefined;
});

async function collect(routes: Routes, options: CollectOptions = {}): Promise<{ snapshot: AccountSnapshot; seconds: number }> {
  aws = await startFakeAws(routes);
  restore = useFakeAwsEnv(aws.url);
  const started = performance.now();
  const snapshot = await collectSnapshot({ ...fast, ...options });
  return { snapshot, seconds: (performance.now() - started) / 1000 };
}

/** The call's own error document, in each service's wire format. */
function fault(req: FakeRequest, code: string, message: string, status: number): FakeResponse {
  if (req.service === 'ec2') return ec2Error(code, message, status);
  if (req.service === 'cloudtrail' || req.service === 'budgets') return jsonError(code === 'Throttling' ? 'ThrottlingException' : code, message, status);
  if (req.service === 'cloudwatch') return json10Error(code, message, status);
  return queryError(code, message, status);
}

/** Requests per call (operation, region and parameters), to check the retries. */
function attemptsPerCall(requests: readonly FakeRequest[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requests.filter((x) => x.service !== 'sts'))
    out.set(`${r.service}:${r.operation}@${r.region}`, Math.max(out.get(`${r.service}:${r.operation}@${r.region}`) ?? 0, r.attempt));
  return out;
}

const REGIONAL_CALLS = [
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeAddresses',
  'ec2:DescribeInstances',
  'ec2:DescribeNatGateways',
  'ec2:DescribeRouteTables',
  'ec2:DescribeSubnets',
  'rds:DescribeDBInstances',
  'rds:DescribeDBClusters',
  'elasticache:DescribeReplicationGroups',
  'elasticache:DescribeCacheClusters',
  'cloudtrail:DescribeTrails',
  'cloudtrail:LookupEvents',
  'rds:DescribeDBSubnetGroups',
  'elbv2:DescribeLoadBalancers',
  'elb:DescribeLoadBalancers',
  'autoscaling:DescribeAutoScalingGroups',
];
const GLOBAL_CALLS = [
  'iam:GetAccountSummary',
  'iam:GenerateCredentialReport',
  'iam:ListUsers',
  'iam:GetAccountAuthorizationDetails',
  'budgets:DescribeBudgets',
  'cloudwatch:DescribeAlarms',
];

/** The catalog's rules that read these entities, as a not-evaluated message lists them. */
function readersOf(...kinds: string[]): string {
  return rules
    .filter((r) => ruleKinds(r).some((k) => kinds.includes(k)))
    .map((r) => `${r.id} ${r.name}`)
    .join(', ');
}

function recorded(snapshot: AccountSnapshot): string[] {
  return snapshot.errors.map((e) => `${e.service}:${e.operation}`).sort();
}

/** What scanning the snapshot says: one notification per failed call, and no finding that claims an absence. */
function scanned(snapshot: AccountSnapshot) {
  expect(validateSnapshot(snapshot)).toEqual([]);
  const loaded = loadSnapshot('account.json', JSON.stringify(snapshot, null, 2), rules);
  // A collection with failed calls is marked incomplete, and the scan says so first.
  expect(snapshot.incomplete).toEqual({ reason: 'failed-calls' });
  const [incomplete, ...notifications] = loaded.notifications;
  expect(incomplete).toMatchObject({ level: 'warning', code: 'incomplete-snapshot' });
  expect(incomplete?.message).toMatch(
    /^Incomplete account snapshot: calls failed while it was collected \(\d+ failed calls? recorded\); rules not evaluated in full: /,
  );
  return { notifications, findings: runRules(rules, loaded.entities).findings };
}

describe('throttling storms and server errors', () => {
  it('a storm of throttling is retried a bounded number of times, then each call is recorded as failed', async () => {
    const { snapshot, seconds } = await collect(
      everyCallBut(emptyAccountRoutes(), (req) => fault(req, req.service === 'ec2' ? 'RequestLimitExceeded' : 'Throttling', 'Rate exceeded', 400)),
    );
    expect(seconds).toBeLessThan(20);
    expect(recorded(snapshot)).toEqual([...REGIONAL_CALLS, ...GLOBAL_CALLS].sort());
    // Three attempts each (maxAttempts), never more.
    expect(new Set(attemptsPerCall(aws?.requests ?? []).values())).toEqual(new Set([3]));
    expect(snapshot.errors.find((e) => e.operation === 'DescribeSecurityGroups')).toEqual({
      service: 'ec2',
      region: 'eu-west-1',
      operation: 'DescribeSecurityGroups',
      code: 'RequestLimitExceeded',
      message: 'Rate exceeded',
      httpStatus: 400,
    });
    const { notifications, findings } = scanned(snapshot);
    expect(notifications).toHaveLength(23);
    expect(notifications.every((n) => n.level === 'warning' && n.code === 'not-evaluated')).toBe(true);
    expect(notifications.find((n) => n.message.startsWith('ec2 DescribeSecurityGroups'))?.message).toMatch(
      /^ec2 DescribeSecurityGroups in eu-west-1 failed with RequestLimitExceeded \(Rate exceeded\); not evaluated there: MAM101 world-open-ingress, /,
    );
    expect(findings).toEqual([]);
  });

  it('5xx answers are retried, then recorded with their status', async () => {
    const { snapshot } = await collect(
      everyCallBut(emptyAccountRoutes(), (req) =>
        req.service === 'rds' ? fault(req, 'InternalFailure', 'We encountered an internal error.', 500) : undefined,
      ),
    );
    expect(snapshot.errors).toEqual([
      {
        service: 'rds',
        region: 'eu-west-1',
        operation: 'DescribeDBClusters',
        code: 'InternalFailure',
        message: 'We encountered an internal error.',
        httpStatus: 500,
      },
      {
        service: 'rds',
        region: 'eu-west-1',
        operation: 'DescribeDBInstances',
        code: 'InternalFailure',
        message: 'We encountered an internal error.',
        httpStatus: 500,
      },
      {
        service: 'rds',
        region: 'eu-west-1',
        operation: 'DescribeDBSubnetGroups',
        code: 'InternalFailure',
        message: 'We encountered an internal error.',
        httpStatus: 500,
      },
    ]);
    expect((aws?.requests ?? []).filter((r) => r.service === 'rds')).toHaveLength(9);
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups).toEqual({ SecurityGroups: [] });
  });
});

describe('an endpoint that never answers', () => {
  it('each attempt gives up after the request timeout; the endpoint is not asked again; the rest is collected', async () => {
    const { snapshot, seconds } = await collect(
      everyCallBut(emptyAccountRoutes(), (req) => (req.service === 'ec2' ? HANG : undefined)),
      { requestTimeout: 300, maxAttempts: 2 },
    );
    // Two attempts of 300 ms for the first EC2 call; the six after it are not sent.
    expect(seconds).toBeLessThan(10);
    expect((aws?.requests ?? []).filter((r) => r.service === 'ec2').map((r) => [r.operation, r.attempt])).toEqual([
      ['DescribeSecurityGroups', 1],
      ['DescribeSecurityGroups', 2],
    ]);
    expect(snapshot.errors.map((e) => [e.operation, e.code, e.message])).toEqual([
      ['DescribeAddresses', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
      ['DescribeInstances', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
      ['DescribeNatGateways', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
      ['DescribeNetworkAcls', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
      ['DescribeRouteTables', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
      ['DescribeSecurityGroups', 'TimeoutError', 'no answer within 0.3 s, 2 attempts'],
      ['DescribeSubnets', 'TimeoutError', 'not called: the ec2 endpoint in eu-west-1 did not answer (DescribeSecurityGroups failed with TimeoutError)'],
    ]);
    expect(snapshot.regional['eu-west-1']?.rds?.DescribeDBInstances).toEqual({ DBInstances: [] });
    const { notifications, findings } = scanned(snapshot);
    expect(notifications.map((n) => n.message)).toContain(
      `ec2 DescribeSecurityGroups in eu-west-1 failed with TimeoutError (no answer within 0.3 s, 2 attempts); not evaluated there: MAM101 world-open-ingress, MAM103 database-ingress-from-cidr`,
    );
    // As for the empty account read in full: CloudTrail answered, and it has no trail; it has no budget or billing alarm either. Nothing is said about EC2.
    expect(findings.map((f) => f.ruleId)).toEqual(['MAM504', 'MAM706']);
  });

  it('when STS never answers, collecting stops with a clear error in bounded time', async () => {
    const started = performance.now();
    aws = await startFakeAws({ 'sts:GetCallerIdentity': HANG });
    restore = useFakeAwsEnv(aws.url);
    await expect(collectSnapshot({ ...fast, requestTimeout: 200, maxAttempts: 2 })).rejects.toThrow(
      'Cannot identify the account (STS GetCallerIdentity failed with TimeoutError: no answer within 0.2 s, 2 attempts)',
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(aws.requests).toHaveLength(2);
  });
});

describe('AccessDenied on every call', () => {
  it('each denial is recorded once (not retried) and reported as a gap; nothing is claimed about what was not read', async () => {
    const { snapshot } = await collect(
      everyCallBut(recordedAccountRoutes(), (req) =>
        req.service === 'ec2'
          ? ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
          : req.service === 'cloudtrail' || req.service === 'budgets'
            ? jsonError('AccessDeniedException', `User is not authorized to perform: ${req.service}:*`, 400)
            : req.service === 'cloudwatch'
              ? json10Error('AccessDenied', 'User is not authorized to perform: cloudwatch:DescribeAlarms', 403)
              : queryError('AccessDenied', `User is not authorized to perform: ${req.service}:${req.operation}`, 403),
      ),
    );
    expect(recorded(snapshot)).toEqual([...REGIONAL_CALLS, ...GLOBAL_CALLS].sort());
    expect(new Set(attemptsPerCall(aws?.requests ?? []).values())).toEqual(new Set([1]));
    const { notifications, findings } = scanned(snapshot);
    expect(notifications).toHaveLength(23);
    expect(notifications.every((n) => n.level === 'warning')).toBe(true);
    expect(notifications.find((n) => n.message.startsWith('cloudwatch DescribeAlarms'))?.message).toBe(
      'cloudwatch DescribeAlarms failed with AccessDenied (User is not authorized to perform: cloudwatch:DescribeAlarms); not evaluated: MAM706 no-billing-guardrail',
    );
    expect(notifications.find((n) => n.message.startsWith('iam ListUsers'))?.message).toBe(
      // The authorization details were denied too: no policy was read from anywhere.
      `iam ListUsers failed with AccessDenied (User is not authorized to perform: iam:ListUsers); not evaluated: ${readersOf('Policy', 'IamUser')}`,
    );
    // No trail seen and no user seen are not findings when the calls that would show them failed.
    expect(findings).toEqual([]);
  });
});

describe('a page that fails in the middle of a list', () => {
  it('the pages read before are dropped with the call, the failure says which page, and nothing is claimed about the list', async () => {
    const routes = recordedAccountRoutes();
    const sg = routes['ec2:DescribeSecurityGroups'] as (req: FakeRequest) => FakeResponse;
    const users = routes['iam:ListUsers'] as (req: FakeRequest) => FakeResponse;
    const { snapshot } = await collect({
      ...routes,
      'ec2:DescribeSecurityGroups': (req) => (req.params.NextToken === 'page-2' ? ec2Error('InternalError', 'An internal error has occurred', 500) : sg(req)),
      'iam:ListUsers': (req) => (req.params.Marker === 'after-ken' ? queryError('AccessDenied', 'not authorized for the second page', 403) : users(req)),
    });
    expect(snapshot.regional['eu-west-1']?.ec2?.DescribeSecurityGroups).toBeUndefined();
    expect(snapshot.global.iam?.ListUsers).toBeUndefined();
    expect(snapshot.errors.filter((e) => e.operation === 'DescribeSecurityGroups' || e.operation === 'ListUsers')).toEqual([
      {
        service: 'iam',
        region: 'global',
        operation: 'ListUsers',
        code: 'AccessDenied',
        message: 'not authorized for the second page (on page 2; the 1 page read before were dropped)',
        httpStatus: 403,
      },
      {
        service: 'ec2',
        region: 'eu-west-1',
        operation: 'DescribeSecurityGroups',
        code: 'InternalError',
        message: 'An internal error has occurred (on page 2; the 1 page read before were dropped)',
        httpStatus: 500,
      },
    ]);
    // The users of the first page are not asked about: the list they came from is not in the snapshot.
    expect((aws?.requests ?? []).some((r) => r.operation === 'ListAccessKeys')).toBe(false);
    const { notifications, findings } = scanned(snapshot);
    expect(notifications.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        `iam ListUsers failed with AccessDenied (not authorized for the second page (on page 2; the 1 page read before were dropped)); not evaluated: ${readersOf('IamUser')}`,
        `ec2 DescribeSecurityGroups in eu-west-1 failed with InternalError (An internal error has occurred (on page 2; the 1 page read before were dropped)); not evaluated there: MAM101 world-open-ingress, MAM103 database-ingress-from-cidr`,
      ]),
    );
    expect(findings.filter((f) => ['SecurityGroup', 'IamUser'].includes(f.entity.kind))).toEqual([]);
  });

  it('a list whose pages never end (a token that comes back) fails after the repeat, not in an endless loop', async () => {
    const { snapshot } = await collect({
      ...emptyAccountRoutes(),
      'ec2:DescribeNetworkAcls': ec2Xml('DescribeNetworkAcls', '<networkAclSet/><nextToken>again</nextToken>'),
    });
    expect((aws?.requests ?? []).filter((r) => r.operation === 'DescribeNetworkAcls')).toHaveLength(2);
    expect(snapshot.errors).toEqual([
      {
        service: 'ec2',
        region: 'eu-west-1',
        operation: 'DescribeNetworkAcls',
        code: 'PaginationLoop',
        message: "page 2 repeats an earlier page's token; the list does not end",
      },
    ]);
  });
});

describe('credentials that expire during the run', () => {
  it('the first ExpiredToken stops further calls at once; every gap is recorded; scanning the snapshot is an error', async () => {
    let expiredAfter = 3;
    const { snapshot, seconds } = await collect(
      everyCallBut(recordedAccountRoutes(), (req) =>
        --expiredAfter < 0
          ? fault(req, req.service === 'cloudtrail' ? 'ExpiredTokenException' : 'ExpiredToken', 'The security token included in the request is expired', 400)
          : undefined,
      ),
      { concurrency: 1 },
    );
    expect(seconds).toBeLessThan(10);
    // STS, three answers, and the ExpiredToken answers to the (at most two) requests already under way; then nothing is sent.
    expect(aws?.requests.length).toBeLessThanOrEqual(1 + 3 + 2);
    expect(snapshot.errors.filter((e) => e.message?.startsWith('not called')).length).toBeGreaterThanOrEqual(10);
    const expired = snapshot.errors.filter((e) => e.code === 'ExpiredToken');
    expect(expired.length).toBe(snapshot.errors.length);
    expect(expired.filter((e) => !e.message?.startsWith('not called')).length).toBeLessThanOrEqual(2);
    expect(expired.find((e) => e.message?.startsWith('not called'))?.message).toMatch(
      /^not called: the credentials had expired \(\w+ failed with ExpiredToken\)$/,
    );
    const { notifications } = scanned(snapshot);
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.level === 'error' && n.code === 'not-evaluated')).toBe(true);
    expect(notifications[0]?.message).toMatch(
      /^The credentials expired while the account was collected: .* failed with ExpiredToken .*\. Collect again with fresh credentials$/,
    );
  });
});
