import { setMaxListeners } from 'node:events';
import { type AccountSnapshot, type GlobalResponses, type RegionalResponses, SNAPSHOT_SCHEMA_ID, SNAPSHOT_VERSION, VERSION } from '@mamori/core';
import { AWS_CALLS, type AwsService, COLLECTOR_CALLS, redactSnapshotKeys } from '@mamori/core/internal';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { BoundedHttpHandler, BoundedRetryStrategy } from './bounded.js';
import { BINDINGS, CLIENTS, type Clients, type RunContext } from './calls.js';
import { collapseUnavailableRegions, errorOf } from './errors.js';
import { type CollectorSettings, collectorSettings } from './limits.js';
import type { CollectOptions } from './options.js';
import { data, type Json } from './pages.js';
import { RateLimiter } from './rates.js';
import { REGIONAL_UNITS, readAccount, set } from './read.js';
import { CallLog } from './run.js';

export type { CollectOptions, CollectProgress } from './options.js';

const ENDPOINT_ENV = /^AWS_ENDPOINT_URL(_S3)?$/;

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
  // Every request under way, and every one waiting for its rate limit, listens for the stop.
  setMaxListeners(0, stop.signal);
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

/** The one method of a client's middleware stack used here. */
interface RelativeStack<M> {
  addRelativeTo(middleware: M, options: { relation: 'before' | 'after'; toMiddleware: string; name: string }): void;
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

/** Makes the SDK clients of one collection: each bounded in time, retried within bounds, and every request counted against `limiter`. */
export function clientFactory(
  options: Pick<CollectOptions, 'profile' | 'credentials' | 'retryBackoff'>,
  settings: CollectorSettings,
  stop: AbortSignal,
  limiter: RateLimiter,
): <S extends AwsService>(service: S, region: string | undefined) => Clients[S] {
  const { maxAttempts, timeoutAttempts, requestTimeout, connectTimeout } = settings;
  const endpointOverride = Object.keys(process.env).some((k) => ENDPOINT_ENV.test(k));
  // Each client gets its own handler and retry quota, as the SDK gives them by default.
  return <S extends AwsService>(service: S, region: string | undefined): Clients[S] => {
    const made = CLIENTS[service](
      {
        ...(options.profile ? { profile: options.profile } : {}),
        // Given credentials (a role assumed in another account) win over the profile's; the profile still names the region.
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(region ? { region } : {}),
        maxAttempts,
        retryStrategy: new BoundedRetryStrategy(maxAttempts, timeoutAttempts, stop, options.retryBackoff),
        requestHandler: new BoundedHttpHandler(requestTimeout, connectTimeout, stop),
      },
      endpointOverride,
    );
    // Each attempt (a retry, a page, a poll) waits for its token before it is signed and sent.
    const throttle =
      (next: (args: object) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: object): Promise<unknown> => {
        await limiter.acquire(service, (context.commandName ?? '').replace(/Command$/, ''), region ?? 'global', stop);
        return next(args);
      };
    (made.middlewareStack as unknown as RelativeStack<typeof throttle>).addRelativeTo(throttle, {
      relation: 'before',
      toMiddleware: 'httpSigningMiddleware',
      name: 'mamoriRateLimit',
    });
    return made;
  };
}

async function collect(options: CollectOptions, { now, started, settings, stop }: Run): Promise<AccountSnapshot> {
  // One limiter for the collection: every request of every client counts against its service's bucket.
  const client = clientFactory(options, settings, stop, new RateLimiter());
  const log = new CallLog(options, stop);
  const global: Json = {};
  const regional: Json = {};

  // Region and account first: nothing else can be read without them.
  let homeRegion: string;
  try {
    homeRegion = options.regions?.[0] ?? (await client('sts', undefined).config.region());
  } catch {
    // Listing the enabled regions needs a region to ask; us-east-1 answers for the aws partition.
    if (!options.allRegions) throw new Error('No AWS region: pass --region, or set AWS_REGION or a region in the profile');
    homeRegion = 'us-east-1';
  }
  const first: RunContext = { accountId: '', started, regions: [homeRegion], options, stop };
  const identity = await BINDINGS['sts:GetCallerIdentity'].send(client('sts', homeRegion), {}, first).catch((err: unknown) => {
    // Without the account there is no snapshot to write.
    if (stop.aborted) throw new Error(`Nothing collected: ${log.stoppedWhy()} before the account was identified (STS GetCallerIdentity)`);
    const e = errorOf(err);
    throw new Error(`Cannot identify the account (STS GetCallerIdentity failed with ${e.code}${e.message ? `: ${e.message}` : ''})`);
  });
  const accountId = identity.Account ?? '';
  const partition = identity.Arn?.split(':')[1] ?? 'aws';
  set(global, ['sts', 'GetCallerIdentity'], data(identity));

  let regions = [...new Set(options.regions ?? [homeRegion])];
  if (options.allRegions) {
    const answer = await log.call({ service: 'ec2', region: homeRegion, operation: 'DescribeRegions' }, () =>
      BINDINGS['ec2:DescribeRegions'].send(client('ec2', homeRegion), {}, first),
    );
    if (answer?.Regions) {
      regions = answer.Regions.map((r) => r.RegionName ?? '')
        .filter((r) => r !== '')
        .sort();
    }
  }

  await readAccount({ run: { accountId, started, regions, options, stop }, homeRegion, log, client, global, regional });

  const failed = collapseUnavailableRegions(log.errors, regions, REGIONAL_UNITS.length);
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
    ...(options.accountName ? { accountName: options.accountName } : {}),
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

/** Calls whose answers are maps from the resource they were asked about. */
const PER_RESOURCE = new Set(AWS_CALLS.filter((c) => c.per).map((c) => c.operation));

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
