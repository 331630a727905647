import { setMaxListeners } from 'node:events';
import type { AccountSnapshot } from '@mamori/core';
import { AWS_CALLS, callName, redactKeyIds } from '@mamori/core/internal';
import pLimit from 'p-limit';
import { BINDINGS } from './calls.js';
import { clientFactory, collectSnapshot } from './collect.js';
import { errorOf } from './errors.js';
import { collectorSettings } from './limits.js';
import type { CollectOptions, CollectProgress, TemporaryCredentials } from './options.js';
import { allPages } from './pages.js';
import { RateLimiter } from './rates.js';

/** Accounts collected at once by default: each runs its own units at once (`concurrency`) within its own rate limits. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

/** What `collectOrganization` is given: the role to assume in each account, and an account's collection options. */
export interface OrganizationOptions extends Omit<CollectOptions, 'credentials' | 'accountName' | 'onNotice'> {
  /** The role assumed in each account (its name; the ARN is made with the account's id and partition). */
  roleName: string;
  /** The external id the role's trust policy asks for. */
  externalId?: string;
  /** The role session's name, seen in each account's CloudTrail. Default `mamori`. */
  sessionName?: string;
  /** Only these account ids (the organisation's others are left out, and said to be). */
  accounts?: readonly string[];
  /** Accounts collected at once. Default 4. */
  accountConcurrency?: number;
  /** Each account as it ends: write its snapshot here, so that thousands of accounts are never held at once. */
  onAccount?: (outcome: AccountOutcome) => Promise<void> | void;
  /** Said as it happens, naming the account. */
  onNotice?: (message: string, accountId?: string) => void;
  // `onProgress`: the calls of the accounts under way added to those of the ones ended, with `accounts` counted.
}

/** An account of the organisation, as ListAccounts gives it. */
export interface OrganizationAccount {
  /** The twelve-digit account id. */
  id: string;
  /** Its name in the organisation. */
  name?: string;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`, `CLOSED`, `PENDING_ACTIVATION`. */
  state: string;
}

/** What became of one account: collected (with its snapshot), failed, or skipped. */
export type AccountOutcome =
  | (OrganizationAccount & { status: 'collected'; snapshot: AccountSnapshot; seconds: number; calls: number })
  /** The role could not be assumed, or the collection could not start: nothing was read. */
  | (OrganizationAccount & { status: 'failed'; error: { code: string; message: string; operation: string } })
  /** Not collected on purpose: an account that is not active, one not picked by `accounts`. */
  | (OrganizationAccount & { status: 'skipped'; reason: string });

/** What `collectOrganization` did, account by account (without the snapshots, written as they came). */
export interface OrganizationSummary {
  /** The account ListAccounts was asked in (the management or a delegated administrator account). */
  callerAccountId: string;
  /** The role assumed in each account. */
  roleName: string;
  /** When the run started (ISO 8601). */
  startedAt: string;
  /** When it ended (ISO 8601). */
  completedAt: string;
  /** Every account listed (or picked with `accounts`), by id: collected, failed or skipped. */
  accounts: (
    | Exclude<AccountOutcome, { status: 'collected' }>
    | (OrganizationAccount & { status: 'collected'; seconds: number; calls: number; failedCalls: number; incomplete?: string })
  )[];
  /** Ids asked for (`accounts`) that the organisation does not hold. */
  notInOrganization: string[];
  /** Calls made in all: ListAccounts' pages, the roles assumed, and every account's calls. */
  calls: number;
}

const ACCOUNT_ID = /^\d{12}$/;
/** The SDK refreshes credentials five minutes before they end; these are renewed a little before that. */
const REFRESH_BEFORE_MS = 6 * 60_000;

/**
 * Collects every active account of an AWS organisation: lists them (Organizations ListAccounts,
 * asked with the credentials given, in the management or a delegated administrator account),
 * assumes `roleName` in each (STS AssumeRole, its credentials refreshed by the SDK as they near
 * their end), and collects each as `collectSnapshot` does, a few accounts at once. An account whose
 * role cannot be assumed is recorded as failed, never left out; one that is not active is recorded
 * as skipped with its state.
 */
export async function collectOrganization(options: OrganizationOptions): Promise<OrganizationSummary> {
  const started = (options.now ?? (() => new Date()))();
  const settings = collectorSettings(options);
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const onSignal = (): void => stop.abort('interrupted');
  if (options.signal?.aborted) onSignal();
  options.signal?.addEventListener('abort', onSignal, { once: true });
  try {
    return await run(options, started, settings, stop.signal);
  } finally {
    options.signal?.removeEventListener('abort', onSignal);
  }
}

const descriptor = (name: string) => {
  const found = AWS_CALLS.find((c) => callName(c) === name);
  if (!found) throw new Error(`no descriptor for ${name}`);
  return found;
};

async function run(
  options: OrganizationOptions,
  started: Date,
  settings: ReturnType<typeof collectorSettings>,
  stop: AbortSignal,
): Promise<OrganizationSummary> {
  // The caller's own calls (ListAccounts, every AssumeRole) share one set of rate limits; each account has its own.
  const client = clientFactory(options, settings, stop, new RateLimiter());
  let calls = 0;
  const list = descriptor('organizations:ListAccounts');
  const assume = descriptor('sts:AssumeRole');
  let homeRegion: string;
  try {
    homeRegion = options.regions?.[0] ?? (await client('sts', undefined).config.region());
  } catch {
    homeRegion = 'us-east-1';
  }
  const caller = await BINDINGS['sts:GetCallerIdentity'].send(client('sts', homeRegion), {}, runContext(options, started, stop)).catch((err: unknown) => {
    const e = errorOf(err);
    throw new Error(`Cannot identify the account collect --org runs in (STS GetCallerIdentity failed with ${e.code}${e.message ? `: ${e.message}` : ''})`);
  });
  calls++;
  const partition = caller.Arn?.split(':')[1] ?? 'aws';
  const listed = await allPages(
    (input: object) => {
      calls++;
      return BINDINGS['organizations:ListAccounts'].send(client('organizations', list.region ?? homeRegion), input, runContext(options, started, stop));
    },
    {},
    list.pages ?? { inputToken: 'NextToken', outputToken: 'NextToken', items: 'Accounts' },
  ).catch((err: unknown) => {
    const e = errorOf(err);
    throw new Error(
      `Cannot list the organisation's accounts (Organizations ListAccounts failed with ${e.code}${e.message ? `: ${e.message}` : ''}); run collect --org with credentials of the management account or a delegated administrator, allowed organizations:ListAccounts`,
    );
  });
  const all: OrganizationAccount[] = (listed.Accounts ?? [])
    .flatMap((a) =>
      a.Id && ACCOUNT_ID.test(a.Id) ? [{ id: a.Id, ...(a.Name ? { name: a.Name } : {}), state: String(a.State ?? a.Status ?? 'UNKNOWN').toUpperCase() }] : [],
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const picked = options.accounts ? new Set(options.accounts) : undefined;
  const known = new Set(all.map((a) => a.id));
  const notInOrganization = [...(picked ?? [])].filter((id) => !known.has(id)).sort();

  const outcomes: OrganizationSummary['accounts'] = [];
  const todo: OrganizationAccount[] = [];
  for (const account of all) {
    if (picked && !picked.has(account.id)) continue;
    // ACTIVE is the only state whose account can be read; a suspended one answers nothing.
    if (account.state !== 'ACTIVE')
      outcomes.push({ ...account, status: 'skipped', reason: `the account is ${account.state.toLowerCase().replaceAll('_', ' ')}` });
    else todo.push(account);
  }
  for (const skipped of outcomes) await options.onAccount?.(skipped as AccountOutcome);

  let done = 0;
  let finishedCalls = 0;
  const active = new Map<string, CollectProgress>();
  const report = (): void => {
    if (!options.onProgress) return;
    const now = { done: 0, total: 0, failed: 0, active: [] as string[] };
    for (const [id, p] of active) {
      now.done += p.done;
      now.total += p.total;
      now.failed += p.failed;
      now.active.push(...p.active.map((a) => `${id} ${a}`));
    }
    options.onProgress({ ...now, done: now.done + finishedCalls, total: now.total + finishedCalls, accounts: { done, total: todo.length } });
  };

  const sessionName = options.sessionName ?? 'mamori';
  const limit = pLimit(Math.max(1, options.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY));
  await Promise.all(
    todo.map((account) =>
      limit(async () => {
        const roleArn = `arn:${partition}:iam::${account.id}:role/${options.roleName}`;
        const sts = client('sts', homeRegion);
        const assumeRole = async (): Promise<TemporaryCredentials> => {
          calls++;
          const answer = await BINDINGS['sts:AssumeRole'].send(
            sts,
            { RoleArn: roleArn, RoleSessionName: sessionName, ...(options.externalId ? { ExternalId: options.externalId } : {}) },
            runContext(options, started, stop),
          );
          const c = answer.Credentials;
          if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error('AssumeRole answered without credentials'), { name: 'NoCredentials' });
          return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
            ...(c.Expiration ? { expiration: c.Expiration } : {}),
          };
        };
        const began = performance.now();
        const collectOne = async (): Promise<AccountOutcome> => {
          if (stop.aborted) {
            return {
              ...account,
              status: 'failed',
              error: { code: 'Interrupted', message: 'not collected: the collection was interrupted', operation: 'sts:AssumeRole' },
            };
          }
          let first: TemporaryCredentials;
          try {
            first = await assumeRole();
          } catch (err) {
            const e = errorOf(err);
            options.onNotice?.(`cannot assume ${roleArn} (${e.code}); the account is not collected`, account.id);
            return {
              ...account,
              status: 'failed',
              error: { code: e.code, message: redactKeyIds(`${roleArn}: ${e.message ?? e.code}`), operation: callName(assume) },
            };
          }
          // Every client of the account shares them; asked for them within minutes of their end (as the
          // SDK asks again then), the role is assumed anew, once for all the clients asking.
          let current: Promise<TemporaryCredentials> = Promise.resolve(first);
          let expiresAt = first.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
          const credentials = (): Promise<TemporaryCredentials> => {
            if (expiresAt - Date.now() > REFRESH_BEFORE_MS) return current;
            expiresAt = Number.POSITIVE_INFINITY;
            current = assumeRole().then((c) => {
              expiresAt = c.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
              return c;
            });
            return current;
          };
          try {
            const snapshot = await collectSnapshot({
              ...options,
              credentials,
              ...(account.name ? { accountName: account.name } : {}),
              signal: stop,
              onNotice: (message) => options.onNotice?.(message, account.id),
              onProgress: (p) => {
                active.set(account.id, p);
                report();
              },
            });
            // The calls the account's progress counted, and STS GetCallerIdentity, asked before them.
            const made = (active.get(account.id)?.total ?? 0) + 1;
            calls += made;
            finishedCalls += made;
            // The role's credentials must reach the account asked for: anything else is not that account's snapshot.
            if (snapshot.accountId !== account.id) {
              return {
                ...account,
                status: 'failed',
                error: { code: 'WrongAccount', message: `${roleArn} gave credentials of account ${snapshot.accountId}`, operation: 'sts:GetCallerIdentity' },
              };
            }
            return { ...account, status: 'collected', snapshot, seconds: (performance.now() - began) / 1000, calls: made };
          } catch (err) {
            return {
              ...account,
              status: 'failed',
              error: { code: errorOf(err).code, message: redactKeyIds(err instanceof Error ? err.message : String(err)), operation: 'collect' },
            };
          } finally {
            active.delete(account.id);
          }
        };
        const ended = await collectOne();
        done++;
        report();
        await options.onAccount?.(ended);
        if (ended.status === 'collected') {
          const { snapshot, ...rest } = ended;
          outcomes.push({
            ...rest,
            failedCalls: snapshot.errors.length,
            ...(snapshot.incomplete ? { incomplete: snapshot.incomplete.reason } : {}),
          });
        } else outcomes.push(ended);
      }),
    ),
  );
  outcomes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    callerAccountId: caller.Account ?? '',
    roleName: options.roleName,
    startedAt: started.toISOString(),
    completedAt: (options.now ?? (() => new Date()))().toISOString(),
    accounts: outcomes,
    notInOrganization,
    calls,
  };
}

function runContext(options: OrganizationOptions, started: Date, stop: AbortSignal) {
  return { accountId: '', started, regions: options.regions ?? [], options, stop };
}
