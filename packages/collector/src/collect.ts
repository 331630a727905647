import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import {
  DescribeAddressesCommand,
  DescribeRegionsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
} from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserPolicyCommand,
  IAMClient,
  paginateListAccessKeys,
  paginateListAttachedUserPolicies,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListUserPolicies,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { paginateDescribeDBClusters, paginateDescribeDBInstances, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketLifecycleConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput, STSClient } from '@aws-sdk/client-sts';
import {
  type AccountSnapshot,
  type CallError,
  COLLECTOR_CALLS,
  CREDENTIALS_EXPIRED,
  type GlobalResponses,
  policyDocumentObject,
  type RegionalResponses,
  redactSnapshotKeys,
  SNAPSHOT_SCHEMA_ID,
  SNAPSHOT_VERSION,
  VERSION,
} from '@mamori/core';
import { createWaiter, WaiterState } from '@smithy/core/client';
import { loadSharedConfigFiles } from '@smithy/core/config';
import pLimit from 'p-limit';
import { BoundedHttpHandler, BoundedRetryStrategy } from './bounded.js';
import { type CollectorSettings, collectorSettings } from './limits.js';

export interface CollectProgress {
  /** Calls finished so far (answered or failed). */
  done: number;
  /** Calls known so far; grows as listed resources reveal per-resource calls. */
  total: number;
  failed: number;
  /** What is running now, e.g. `ec2 eu-west-1`, `iam`. */
  active: string[];
}

export interface CollectOptions {
  /** Regions to read. Default: the region of the profile or environment (AWS_REGION). */
  regions?: readonly string[];
  /** Every region enabled in the account (EC2 DescribeRegions). */
  allRegions?: boolean;
  /** A named profile of the shared config and credentials files; the standard chain applies otherwise. */
  profile?: string;
  /** How many region/service units run at once. Default 4. */
  concurrency?: number;
  /** Attempts per call, throttling and transient errors included. Default: AWS_MAX_ATTEMPTS, else 8. */
  maxAttempts?: number;
  /** Milliseconds before retry `n`; default: the SDK's standard exponential backoff with jitter. */
  retryBackoff?: (attempt: number) => number;
  /**
   * Milliseconds one attempt of a call may take, from sending it to the last byte of the answer;
   * then it fails with `TimeoutError` and is retried, up to three attempts in all for timeouts.
   * Default: `MAMORI_REQUEST_TIMEOUT` (seconds), else 20,000: a call to an endpoint that never
   * answers fails within about a minute.
   */
  requestTimeout?: number;
  /** Milliseconds to open a connection (within the request timeout). Default: `MAMORI_CONNECT_TIMEOUT` (seconds), else 5,000. */
  connectTimeout?: number;
  /** Seconds the whole collection may take: then it stops, and the snapshot holds what was read, marked incomplete. */
  deadline?: number;
  /** Stops the collection (an interrupt): the snapshot holds what was read, marked incomplete. */
  signal?: AbortSignal;
  /** Said as it happens, for a log: an endpoint that stopped answering, credentials that expired. */
  onNotice?: (message: string) => void;
  /** Seconds to wait for IAM to generate the credential report. Default 120. */
  credentialReportTimeout?: number;
  /** Seconds between credential report polls, at first; it backs off from there. Default 2. */
  credentialReportPoll?: number;
  /** Days of CloudTrail event history to search for root activity. Default 90, the history's length. */
  rootEventDays?: number;
  onProgress?: (progress: CollectProgress) => void;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Codes with which a region answers when it is not enabled for the account (an opt-in region), or unreachable. */
const REGION_UNAVAILABLE = new Set(['OptInRequired', 'AuthFailure', 'UnrecognizedClientException', 'InvalidClientTokenId', 'ENOTFOUND', 'EAI_AGAIN']);

const ENDPOINT_ENV = /^AWS_ENDPOINT_URL(_S3)?$/;

/** Codes with which an endpoint fails to answer at all: after one call failed so, the rest of its calls are not sent. */
const UNREACHABLE = new Set(['TimeoutError', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** More pages than this of one list is not an account but a broken or hostile endpoint. */
export const MAX_PAGES = 10_000;

type Json = Record<string, unknown>;

/** Drops the SDK's `$metadata` and `NextToken`-like fields: the snapshot keeps the response's data. */
function data<T extends object>(response: T): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(response)) {
    if (k === '$metadata' || k === 'NextToken' || k === 'nextToken' || k === 'Marker' || k === 'IsTruncated') continue;
    out[k] = v;
  }
  return out;
}

/**
 * Reads every page and merges the list field into one response. A call whose pages do not end (a
 * token seen before, or more than MAX_PAGES) fails, and so does one that fails on a later page: the
 * pages read before are dropped with it, so a list in the snapshot is always whole, and the error
 * says which page failed.
 */
async function allPages<T extends object>(pages: AsyncIterable<T>, key: keyof T & string): Promise<Json> {
  const items: unknown[] = [];
  const tokens = new Set<string>();
  let read = 0;
  try {
    for await (const page of pages) {
      read++;
      for (const item of ((page as Json)[key] as unknown[] | undefined) ?? []) items.push(item);
      const p = page as Json;
      const token = p.NextToken ?? p.nextToken ?? p.Marker;
      if (typeof token === 'string' && token !== '') {
        if (tokens.has(token))
          throw Object.assign(new Error(`page ${read} repeats an earlier page's token; the list does not end`), { name: 'PaginationLoop' });
        tokens.add(token);
      }
      if (read >= MAX_PAGES && token) throw Object.assign(new Error(`more than ${MAX_PAGES} pages`), { name: 'PaginationLimit' });
    }
  } catch (err) {
    if (read > 0 && err && typeof err === 'object' && !['PaginationLoop', 'PaginationLimit'].includes((err as Error).name)) {
      const e = err as { message?: string };
      e.message = `${e.message ?? 'failed'} (on page ${read + 1}; the ${read} page${read === 1 ? '' : 's'} read before were dropped)`;
    }
    throw err;
  }
  return { [key]: items };
}

function errorOf(err: unknown): Pick<CallError, 'code' | 'message' | 'httpStatus'> {
  const e = err as { name?: string; code?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const code = e.Code ?? (e.name && e.name !== 'Error' ? e.name : undefined) ?? e.code ?? 'UnknownError';
  // The HTTP handler names itself in its timeout messages; say what happened, and how often it was tried.
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? `, ${e.$metadata.attempts} attempts` : '';
  // The SDK adds lines of its own (a deserialization error's); the first says what happened.
  const first = e.message?.split('\n')[0];
  const page = pageNote(e.message);
  const message =
    code === 'TimeoutError'
      ? /^no answer within/.test(first ?? '')
        ? `${(first ?? '').replace(page, '')}${attempts}${page}`
        : /did not establish a connection/.test(first ?? '')
          ? `no connection within the connect timeout${attempts}${page}`
          : `no answer within the request timeout${attempts}${page}`
      : e.message;
  return {
    code,
    ...(message ? { message: message.split('\n')[0] ?? message } : {}),
    ...(e.$metadata?.httpStatusCode ? { httpStatus: e.$metadata.httpStatusCode } : {}),
  };
}

function pageNote(message: string | undefined): string {
  return /( \(on page \d+;.*\))$/.exec(message ?? '')?.[1] ?? '';
}

function set(target: Json, path: readonly string[], value: unknown): void {
  let cur = target;
  for (const key of path.slice(0, -1)) {
    cur[key] ??= {};
    cur = cur[key] as Json;
  }
  const last = path[path.length - 1];
  if (last !== undefined) cur[last] = value;
}

/**
 * Reads an AWS account into a snapshot, with read-only calls only. Credentials, region and
 * endpoints come from the standard chain (environment, `AWS_PROFILE` or `profile`, SSO, instance
 * and container roles; `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`). Paginated calls are read
 * to the end; throttling is retried with backoff; a call that fails is recorded in `errors` and the
 * rest goes on.
 */
export async function collectSnapshot(options: CollectOptions = {}): Promise<AccountSnapshot> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const settings = collectorSettings(options);
  if (options.profile) await checkProfile(options.profile);

  // An interrupt or the deadline stops the collection: requests under way are dropped, backoffs
  // cut short, and every call not answered is recorded as such.
  const stop = new AbortController();
  const onSignal = (): void => stop.abort('interrupted');
  if (options.signal?.aborted) onSignal();
  options.signal?.addEventListener('abort', onSignal, { once: true });
  const deadline = options.deadline !== undefined && options.deadline > 0 ? setTimeout(() => stop.abort('timeout'), options.deadline * 1000) : undefined;
  deadline?.unref?.();
  try {
    return await collect(options, { now, started, settings, stop: stop.signal });
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onSignal);
  }
}

/** A `--profile` that no shared file defines: named, rather than failing later as "no region" or "no credentials". */
async function checkProfile(profile: string): Promise<void> {
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  if (Object.hasOwn(files.configFile, profile) || Object.hasOwn(files.credentialsFile, profile)) return;
  const config = process.env.AWS_CONFIG_FILE ?? '~/.aws/config';
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials';
  throw new Error(`No AWS profile named "${profile}" in ${config} or ${credentials}`);
}

interface Run {
  now: () => Date;
  started: Date;
  settings: CollectorSettings;
  stop: AbortSignal;
}

async function collect(options: CollectOptions, run: Run): Promise<AccountSnapshot> {
  const { now, started, stop } = run;
  const { maxAttempts, timeoutAttempts, requestTimeout, connectTimeout } = run.settings;
  // Each client gets its own handler and retry quota, as the SDK gives them by default.
  const base = () => ({
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts,
    retryStrategy: new BoundedRetryStrategy(maxAttempts, timeoutAttempts, stop, options.retryBackoff),
    requestHandler: new BoundedHttpHandler(requestTimeout, connectTimeout, stop),
  });
  const stopped = (): CallError['code'] => (stop.reason === 'timeout' ? 'CollectionTimeout' : 'Interrupted');
  const stoppedWhy = (): string => (stop.reason === 'timeout' ? `the collection's deadline (${options.deadline} s) passed` : 'the collection was interrupted');

  const progress: CollectProgress = { done: 0, total: 0, failed: 0, active: [] };
  const report = (): void => options.onProgress?.({ ...progress, active: [...progress.active] });
  const errors: CallError[] = [];
  const global: Json = {};
  const regional: Json = {};

  // Once the credentials have expired, or an endpoint has not answered, further calls would only fail the same way.
  let expired: CallError | undefined;
  const unreachable = new Map<string, CallError>();

  /** Runs one call, stores its answer under `store`, or records its failure. */
  const call = async <T>(where: { service: string; region: string; operation: string; resource?: string }, run: () => Promise<T>): Promise<T | undefined> => {
    progress.total++;
    report();
    const endpoint = `${where.service} ${where.region}`;
    try {
      if (stop.aborted) {
        errors.push({ ...where, code: stopped(), message: `not called: ${stoppedWhy()}` });
        progress.failed++;
        return undefined;
      }
      const earlier = expired ?? unreachable.get(endpoint);
      if (earlier) {
        const why =
          earlier === expired
            ? 'the credentials had expired'
            : `the ${where.service} endpoint${where.region === 'global' ? '' : ` in ${where.region}`} did not answer`;
        errors.push({ ...where, code: earlier.code, message: `not called: ${why} (${earlier.operation} failed with ${earlier.code})` });
        progress.failed++;
        return undefined;
      }
      return await run();
    } catch (err) {
      const error: CallError = stop.aborted ? { ...where, code: stopped(), message: `not answered: ${stoppedWhy()}` } : { ...where, ...errorOf(err) };
      errors.push(error);
      progress.failed++;
      if (CREDENTIALS_EXPIRED.has(error.code)) {
        if (!expired) options.onNotice?.(`the credentials expired (${error.service} ${error.operation} failed with ${error.code}); no further call is made`);
        expired ??= error;
      } else if (UNREACHABLE.has(error.code) && !unreachable.has(endpoint)) {
        unreachable.set(endpoint, error);
        const where = error.region === 'global' ? '' : ` in ${error.region}`;
        options.onNotice?.(
          `the ${error.service} endpoint${where} did not answer (${error.operation}: ${error.message ?? error.code}); its other calls are not made`,
        );
      }
      return undefined;
    } finally {
      progress.done++;
      report();
    }
  };
  const unit = async (label: string, body: () => Promise<void>): Promise<void> => {
    progress.active.push(label);
    report();
    try {
      await body();
    } finally {
      progress.active.splice(progress.active.indexOf(label), 1);
      report();
    }
  };

  // Region and account first: nothing else can be read without them.
  let homeRegion: string;
  const probe = new STSClient({ ...base(), ...(options.regions?.[0] ? { region: options.regions[0] } : {}) });
  try {
    homeRegion = options.regions?.[0] ?? (await probe.config.region());
  } catch {
    // Listing the enabled regions needs a region to ask; us-east-1 answers for the aws partition.
    if (!options.allRegions) throw new Error('No AWS region: pass --region, or set AWS_REGION or a region in the profile');
    homeRegion = 'us-east-1';
  }
  const sts = new STSClient({ ...base(), region: homeRegion });
  let identity: GetCallerIdentityCommandOutput;
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (err) {
    // Without the account there is no snapshot to write.
    if (stop.aborted) throw new Error(`Nothing collected: ${stoppedWhy()} before the account was identified (STS GetCallerIdentity)`);
    const e = errorOf(err);
    throw new Error(`Cannot identify the account (STS GetCallerIdentity failed with ${e.code}${e.message ? `: ${e.message}` : ''})`);
  }
  const accountId = identity.Account ?? '';
  const partition = identity.Arn?.split(':')[1] ?? 'aws';
  set(global, ['sts', 'GetCallerIdentity'], data(identity));

  let regions = [...new Set(options.regions ?? [homeRegion])];
  if (options.allRegions) {
    const ec2 = new EC2Client({ ...base(), region: homeRegion });
    const answer = await call({ service: 'ec2', region: homeRegion, operation: 'DescribeRegions' }, () => ec2.send(new DescribeRegionsCommand({})));
    if (answer?.Regions) {
      regions = answer.Regions.map((r) => r.RegionName ?? '')
        .filter((r) => r !== '')
        .sort();
    }
  }

  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  const endpointOverride = Object.keys(process.env).some((k) => ENDPOINT_ENV.test(k));

  const iamUnit = (): Promise<void> =>
    unit('iam', async () => {
      const iam = new IAMClient({ ...base(), region: homeRegion });
      await collectIam(iam, (path, value) => set(global, ['iam', ...path], value), call, options, stop);
    });

  const regionUnits = regions.flatMap((region) => {
    const put = (service: string) => (op: string, value: unknown) => set(regional, [region, service, op], value);
    return [
      () =>
        unit(`ec2 ${region}`, async () => {
          const ec2 = new EC2Client({ ...base(), region });
          const c = { service: 'ec2', region };
          const p = put('ec2');
          const r = async (operation: string, run: () => Promise<Json>) => {
            const v = await call({ ...c, operation }, run);
            if (v) p(operation, v);
          };
          await r('DescribeSecurityGroups', () => allPages(paginateDescribeSecurityGroups({ client: ec2 }, {}), 'SecurityGroups'));
          await r('DescribeNetworkAcls', () => allPages(paginateDescribeNetworkAcls({ client: ec2 }, {}), 'NetworkAcls'));
          await r('DescribeAddresses', async () => data(await ec2.send(new DescribeAddressesCommand({}))));
          await r('DescribeInstances', () => allPages(paginateDescribeInstances({ client: ec2 }, {}), 'Reservations'));
          await r('DescribeNatGateways', () => allPages(paginateDescribeNatGateways({ client: ec2 }, {}), 'NatGateways'));
          await r('DescribeRouteTables', () => allPages(paginateDescribeRouteTables({ client: ec2 }, {}), 'RouteTables'));
          await r('DescribeSubnets', () => allPages(paginateDescribeSubnets({ client: ec2 }, {}), 'Subnets'));
        }),
      () =>
        unit(`rds ${region}`, async () => {
          const rds = new RDSClient({ ...base(), region });
          const p = put('rds');
          const instances = await call({ service: 'rds', region, operation: 'DescribeDBInstances' }, () =>
            allPages(paginateDescribeDBInstances({ client: rds }, {}), 'DBInstances'),
          );
          if (instances) p('DescribeDBInstances', instances);
          const clusters = await call({ service: 'rds', region, operation: 'DescribeDBClusters' }, () =>
            allPages(paginateDescribeDBClusters({ client: rds }, {}), 'DBClusters'),
          );
          if (clusters) p('DescribeDBClusters', clusters);
        }),
      () =>
        unit(`cloudtrail ${region}`, async () => {
          const ct = new CloudTrailClient({ ...base(), region });
          const p = put('cloudtrail');
          const trails = await call({ service: 'cloudtrail', region, operation: 'DescribeTrails' }, async () =>
            data(await ct.send(new DescribeTrailsCommand({ includeShadowTrails: true }))),
          );
          if (trails) p('DescribeTrails', trails);
          const days = options.rootEventDays ?? 90;
          const events = await call({ service: 'cloudtrail', region, operation: 'LookupEvents' }, () =>
            allPages(
              paginateLookupEvents(
                { client: ct },
                {
                  LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'root' }],
                  StartTime: new Date(started.getTime() - days * 86_400_000),
                  EndTime: started,
                },
              ),
              'Events',
            ),
          );
          if (events) p('LookupEvents', events);
        }),
    ];
  });

  await Promise.all([iamUnit, ...regionUnits].map((u) => limit(u)));

  // Per trail, once however many regions list it: in its home region when that was read.
  const trailTasks: (() => Promise<void>)[] = [];
  const buckets = new Set<string>();
  const seen = new Set<string>();
  for (const region of regions) {
    const list = ((regional[region] as RegionalResponses | undefined)?.cloudtrail?.DescribeTrails?.trailList ?? []).slice();
    for (const t of list) {
      const arn = t.TrailARN;
      if (!arn || seen.has(arn)) continue;
      seen.add(arn);
      if (t.S3BucketName) buckets.add(t.S3BucketName);
      const where = t.HomeRegion && regions.includes(t.HomeRegion) ? t.HomeRegion : region;
      trailTasks.push(() =>
        unit(`cloudtrail ${where}`, async () => {
          const ct = new CloudTrailClient({ ...base(), region: where });
          const status = await call({ service: 'cloudtrail', region: where, operation: 'GetTrailStatus', resource: arn }, async () =>
            data(await ct.send(new GetTrailStatusCommand({ Name: arn }))),
          );
          if (status) set(regional, [where, 'cloudtrail', 'GetTrailStatus', arn], status);
          const selectors = await call({ service: 'cloudtrail', region: where, operation: 'GetEventSelectors', resource: arn }, async () =>
            data(await ct.send(new GetEventSelectorsCommand({ TrailName: arn }))),
          );
          if (selectors) set(regional, [where, 'cloudtrail', 'GetEventSelectors', arn], selectors);
        }),
      );
    }
  }
  const s3 = new S3Client({ ...base(), region: homeRegion, followRegionRedirects: true, ...(endpointOverride ? { forcePathStyle: true } : {}) });
  const bucketTasks = [...buckets].sort().map(
    (bucket) => () =>
      unit('s3', async () => {
        const lifecycle = await call({ service: 's3', region: 'global', operation: 'GetBucketLifecycleConfiguration', resource: bucket }, async () => {
          try {
            return data(await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket, ExpectedBucketOwner: accountId })));
          } catch (err) {
            // No lifecycle configuration is an answer, not a failure.
            if (errorOf(err).code === 'NoSuchLifecycleConfiguration') return { Rules: [] };
            throw err;
          }
        });
        if (lifecycle) set(global, ['s3', 'GetBucketLifecycleConfiguration', bucket], lifecycle);
      }),
  );
  await Promise.all([...trailTasks, ...bucketTasks].map((t) => limit(t)));

  const failed = collapseUnavailableRegions(errors, regions);
  // Said near the top of the file (a scan of it warns there first), and `collect` exits non-zero.
  const incomplete: AccountSnapshot['incomplete'] = stop.aborted
    ? { reason: stop.reason === 'timeout' ? 'timeout' : 'interrupted' }
    : failed.length > 0
      ? { reason: 'failed-calls' }
      : undefined;
  const snapshot: AccountSnapshot = {
    $schema: SNAPSHOT_SCHEMA_ID,
    mamoriSnapshot: SNAPSHOT_VERSION,
    accountId,
    partition,
    collectedAt: started.toISOString(),
    completedAt: now().toISOString(),
    ...(incomplete ? { incomplete } : {}),
    collector: { name: 'mamori', version: VERSION },
    regions,
    global: canonical(global) as GlobalResponses,
    regional: Object.fromEntries(regions.map((r) => [r, canonical((regional[r] ?? {}) as Json) as RegionalResponses])),
    errors: failed,
  };
  // Dates and byte arrays become the text JSON writes, so the result is the snapshot as stored; key
  // ids (listed keys, CloudTrail events, error messages) are kept redacted from here on.
  return redactSnapshotKeys(JSON.parse(JSON.stringify(snapshot)) as AccountSnapshot, true);
}

const PER_RESOURCE = new Set([
  'GetTrailStatus',
  'GetEventSelectors',
  'GetBucketLifecycleConfiguration',
  'ListAccessKeys',
  'GetAccessKeyLastUsed',
  'ListMFADevices',
  'ListGroupsForUser',
  'ListAttachedUserPolicies',
  'ListUserPolicies',
  'GetUserPolicy',
  'GetPolicy',
  'GetPolicyVersion',
]);

/** Services, then calls in the order of COLLECTOR_CALLS, then resources by name: the same account always gives the same file. */
function canonical(byService: Json): Json {
  const order = (op: string) => COLLECTOR_CALLS.findIndex((c) => c.endsWith(`:${op}`));
  const out: Json = {};
  for (const service of Object.keys(byService).sort()) {
    const calls = byService[service] as Json;
    const sorted: Json = {};
    for (const op of Object.keys(calls).sort((a, b) => order(a) - order(b))) {
      const value = calls[op];
      sorted[op] =
        PER_RESOURCE.has(op) && value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : value;
    }
    out[service] = sorted;
  }
  return out;
}

/** A region where every call failed with the same "not enabled" code is one error, not one per call. */
function collapseUnavailableRegions(errors: CallError[], regions: readonly string[]): CallError[] {
  const out = [...errors];
  for (const region of regions) {
    const mine = out.filter((e) => e.region === region);
    // Only when nothing in the region answered: its first calls (one per service) need no resource, so all of them failed.
    const services = new Set(mine.map((e) => e.service));
    if (services.size < 3 || !mine.every((e) => REGION_UNAVAILABLE.has(e.code))) continue;
    const first = mine[0] as CallError;
    for (const e of mine) out.splice(out.indexOf(e), 1);
    out.push({ service: '*', region, operation: '*', code: first.code, ...(first.message ? { message: first.message } : {}) });
  }
  return sortErrors(out);
}

function sortErrors(errors: CallError[]): CallError[] {
  const key = (e: CallError) => [e.region === 'global' ? '' : e.region, e.service, e.operation, e.resource ?? ''].join('\u0000');
  return errors.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

type CallFn = <T>(where: { service: string; region: string; operation: string; resource?: string }, run: () => Promise<T>) => Promise<T | undefined>;

async function collectIam(
  iam: IAMClient,
  put: (path: string[], value: unknown) => void,
  call: CallFn,
  options: CollectOptions,
  stop: AbortSignal,
): Promise<void> {
  const g = { service: 'iam', region: 'global' };
  const summary = await call({ ...g, operation: 'GetAccountSummary' }, async () => data(await iam.send(new GetAccountSummaryCommand({}))));
  if (summary) put(['GetAccountSummary'], summary);

  // The report is generated asynchronously: ask until it is COMPLETE, backing off as the SDK's waiters do,
  // while the users are read.
  const report = (async () => {
    const generated = await call({ ...g, operation: 'GenerateCredentialReport' }, async () => {
      const timeout = options.credentialReportTimeout ?? 120;
      const minDelay = options.credentialReportPoll ?? 2;
      const waiter = { client: iam, maxWaitTime: timeout, minDelay, maxDelay: Math.max(minDelay, 10), abortSignal: stop };
      const result = await createWaiter(waiter, {}, async (client: IAMClient) => {
        const r = await client.send(new GenerateCredentialReportCommand({}));
        return r.State === 'COMPLETE' ? { state: WaiterState.SUCCESS, reason: r } : { state: WaiterState.RETRY, reason: r };
      });
      if (stop.aborted) throw new Error('stopped');
      if (result.state !== WaiterState.SUCCESS) {
        throw Object.assign(new Error(`credential report not ready after ${timeout} s`), { name: 'ReportInProgress' });
      }
      return true;
    });
    if (generated) {
      const reportAnswer = await call({ ...g, operation: 'GetCredentialReport' }, async () => {
        const r = await iam.send(new GetCredentialReportCommand({}));
        return {
          Content: r.Content ? Buffer.from(r.Content).toString('utf8') : '',
          ...(r.ReportFormat ? { ReportFormat: r.ReportFormat } : {}),
          ...(r.GeneratedTime ? { GeneratedTime: r.GeneratedTime } : {}),
        };
      });
      if (reportAnswer) put(['GetCredentialReport'], reportAnswer);
    }
  })();

  const users = await call({ ...g, operation: 'ListUsers' }, () => allPages(paginateListUsers({ client: iam }, {}), 'Users'));
  if (!users) {
    await report;
    return;
  }
  put(['ListUsers'], users);
  const names = ((users.Users as { UserName?: string }[]) ?? []).map((u) => u.UserName ?? '').filter((n) => n !== '');
  const perUser = pLimit(4);
  const policies = new Set<string>();
  await Promise.all(
    names.map((UserName) =>
      perUser(async () => {
        const u = { ...g, resource: UserName };
        const keys = await call({ ...u, operation: 'ListAccessKeys' }, () =>
          allPages(paginateListAccessKeys({ client: iam }, { UserName }), 'AccessKeyMetadata'),
        );
        if (keys) {
          put(['ListAccessKeys', UserName], keys);
          for (const k of (keys.AccessKeyMetadata as { AccessKeyId?: string }[]) ?? []) {
            const AccessKeyId = k.AccessKeyId;
            if (!AccessKeyId) continue;
            const last = await call({ ...g, operation: 'GetAccessKeyLastUsed', resource: AccessKeyId }, async () =>
              data(await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId }))),
            );
            if (last) put(['GetAccessKeyLastUsed', AccessKeyId], last);
          }
        }
        const mfa = await call({ ...u, operation: 'ListMFADevices' }, () => allPages(paginateListMFADevices({ client: iam }, { UserName }), 'MFADevices'));
        if (mfa) put(['ListMFADevices', UserName], mfa);
        const groups = await call({ ...u, operation: 'ListGroupsForUser' }, () => allPages(paginateListGroupsForUser({ client: iam }, { UserName }), 'Groups'));
        if (groups) put(['ListGroupsForUser', UserName], groups);
        const attached = await call({ ...u, operation: 'ListAttachedUserPolicies' }, () =>
          allPages(paginateListAttachedUserPolicies({ client: iam }, { UserName }), 'AttachedPolicies'),
        );
        if (attached) {
          put(['ListAttachedUserPolicies', UserName], attached);
          for (const p of (attached.AttachedPolicies as { PolicyArn?: string }[]) ?? []) {
            // AWS managed policies are the same in every account; only customer managed documents are read.
            if (p.PolicyArn && !/^arn:[a-z-]+:iam::aws:policy\//.test(p.PolicyArn)) policies.add(p.PolicyArn);
          }
        }
        const inline = await call({ ...u, operation: 'ListUserPolicies' }, () =>
          allPages(paginateListUserPolicies({ client: iam }, { UserName }), 'PolicyNames'),
        );
        if (inline) {
          put(['ListUserPolicies', UserName], inline);
          for (const PolicyName of (inline.PolicyNames as string[]) ?? []) {
            const doc = await call({ ...g, operation: 'GetUserPolicy', resource: `${UserName}/${PolicyName}` }, async () => {
              const r = data(await iam.send(new GetUserPolicyCommand({ UserName, PolicyName })));
              return { ...r, PolicyDocument: policyDocumentObject(r.PolicyDocument as string | undefined) ?? r.PolicyDocument };
            });
            if (doc) put(['GetUserPolicy', UserName, PolicyName], doc);
          }
        }
      }),
    ),
  );
  for (const PolicyArn of [...policies].sort()) {
    const policy = await call({ ...g, operation: 'GetPolicy', resource: PolicyArn }, async () => data(await iam.send(new GetPolicyCommand({ PolicyArn }))));
    if (!policy) continue;
    put(['GetPolicy', PolicyArn], policy);
    const VersionId = (policy.Policy as { DefaultVersionId?: string } | undefined)?.DefaultVersionId;
    if (!VersionId) continue;
    const version = await call({ ...g, operation: 'GetPolicyVersion', resource: PolicyArn }, async () => {
      const r = data(await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId })));
      const v = r.PolicyVersion as { Document?: string } | undefined;
      return { ...r, PolicyVersion: { ...v, Document: policyDocumentObject(v?.Document) ?? v?.Document } };
    });
    if (version) put(['GetPolicyVersion', PolicyArn], version);
  }
  await report;
}
