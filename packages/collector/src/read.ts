import { AWS_CALLS, type AwsCallDescriptor, type AwsService, callName } from '@mamori/core/internal';
import pLimit from 'p-limit';
import { type AnyBinding, BINDINGS, type Clients, type Resource, type RunContext } from './calls.js';
import { DEFAULT_CONCURRENCY } from './limits.js';
import { allPages, data, type Json } from './pages.js';
import type { CallLog } from './run.js';

// The account read call by call as the descriptors (`AWS_CALLS`) say: each unit (a service in a
// region, or a global service) asks its calls in order; an answer that lists resources (users,
// keys, trails) leads to the calls made about each of them.

const binding = (call: AwsCallDescriptor): AnyBinding => BINDINGS[callName(call)];

/** Calls asked once per unit; the others are asked first (`stage`) or about what an answer lists (`per`, `after`). */
const ROOTS = AWS_CALLS.filter((c) => !c.stage && !c.per && !c.after);
const unitServices = (scope: AwsCallDescriptor['scope']): AwsService[] => [...new Set(ROOTS.filter((c) => c.scope === scope).map((c) => c.service))];
const GLOBAL_UNITS = unitServices('global');
/** Services read in each region. */
export const REGIONAL_UNITS = unitServices('regional');

/** By call: the calls asked about each kind of resource its answer lists, in the order they are asked. */
const CALLS_ABOUT = new Map<string, Map<string, AwsCallDescriptor[]>>();
for (const c of AWS_CALLS) {
  if (!c.per) continue;
  const kinds = CALLS_ABOUT.get(c.per.listedBy) ?? new Map<string, AwsCallDescriptor[]>();
  kinds.set(c.per.resource, [...(kinds.get(c.per.resource) ?? []), c]);
  CALLS_ABOUT.set(c.per.listedBy, kinds);
}

/** By call: the calls asked once it has answered. */
const FOLLOW_UPS = new Map<string, AwsCallDescriptor[]>();
for (const c of AWS_CALLS) if (c.after) FOLLOW_UPS.set(c.after, [...(FOLLOW_UPS.get(c.after) ?? []), c]);

/**
 * Kinds of resource that many answers may list (`per.shared`): each is asked about once, after all
 * of them, in the order of the kinds' calls.
 */
const SHARED = [...new Set(AWS_CALLS.flatMap((c) => (c.per?.shared ? [c.per.resource] : [])))].map((kind) => {
  const calls = AWS_CALLS.filter((c) => c.per?.resource === kind);
  const lister = AWS_CALLS.find((c) => callName(c) === calls[0]?.per?.listedBy);
  return { kind, calls, lister, sorted: (lister && binding(lister).lists?.[kind]?.sorted) === true };
});

/** The region a call's answer is kept under and its failure names: `global` for a global call. */
const regionOf = (call: AwsCallDescriptor, region: string): string => (call.scope === 'global' ? 'global' : region);

/** Keys come from AWS answers: a resource named `__proto__` (a valid IAM user name) must be kept as data. */
function own(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function set(target: Json, path: readonly string[], value: unknown): void {
  let cur = target;
  for (const key of path.slice(0, -1)) {
    if (!Object.hasOwn(cur, key)) own(cur, key, {});
    cur = cur[key] as Json;
  }
  const last = path[path.length - 1];
  if (last !== undefined) own(cur, last, value);
}

export interface AccountReader {
  run: RunContext;
  /** The region global calls are sent to. */
  homeRegion: string;
  log: CallLog;
  /** A new client of a service for a region (each unit has its own, as the SDK's retry quotas are per client). */
  client: (service: AwsService, region: string) => Clients[AwsService];
  /** Where answers are kept: `global[service][operation]`, `regional[region][service][operation]`. */
  global: Json;
  regional: Json;
}

/** Reads the account: every call but the first (`stage`) ones, units a few at once. */
export async function readAccount(reader: AccountReader): Promise<void> {
  const { run, log, homeRegion } = reader;
  const { regions } = run;
  const limit = pLimit(Math.max(1, run.options.concurrency ?? DEFAULT_CONCURRENCY));
  /** Resources of the shared kinds, as each answer listed them, with the region of the answer. */
  const listed = new Map<string, { region: string; resources: Resource[] }[]>();

  /** A unit's clients: one per service and region, made when first needed. */
  const clientsOfUnit = (): ((service: AwsService, region: string) => Clients[AwsService]) => {
    const made = new Map<string, Clients[AwsService]>();
    return (service, region) => {
      const key = `${service} ${region}`;
      const client = made.get(key) ?? reader.client(service, region);
      made.set(key, client);
      return client;
    };
  };
  type UnitClients = ReturnType<typeof clientsOfUnit>;

  /**
   * Asks one call (every page of it) and keeps its answer, then the calls about what the answer
   * lists: at once for what it alone lists, later for what many answers may list.
   */
  const ask = async (c: AwsCallDescriptor, region: string, resource: Resource | undefined, clients: UnitClients): Promise<void> => {
    const b = binding(c);
    const where = regionOf(c, resource?.region ?? region);
    const client = clients(c.service, where === 'global' ? (c.region ?? homeRegion) : where);
    const input = b.input?.(resource ?? { path: [], fields: {} }, run) ?? {};
    const about = resource ? { resource: resource.path.join('/') } : {};
    const answered = await log.call({ service: c.service, region: where, operation: c.operation, ...about }, async () => {
      const answer = c.pages ? await allPages((i: object) => b.send(client, i, run), input, c.pages) : await b.send(client, input, run);
      return { answer, kept: b.answer ? b.answer(answer) : c.pages ? answer : data(answer) };
    });
    if (!answered) return;
    if (answered.kept !== undefined) {
      const path = [...(where === 'global' ? [] : [where]), c.service, c.operation, ...(resource?.path ?? [])];
      set(where === 'global' ? reader.global : reader.regional, path, answered.kept);
    }
    for (const [kind, calls] of CALLS_ABOUT.get(callName(c)) ?? []) {
      const listing = b.lists?.[kind];
      const resources = listing?.resources(answered.answer, { region: where, regions, parent: resource }) ?? [];
      if (calls[0]?.per?.shared) {
        const entries = listed.get(kind) ?? [];
        entries.push({ region: where, resources });
        listed.set(kind, entries);
        continue;
      }
      const atOnce = pLimit(listing?.atOnce ?? 1);
      await Promise.all(
        resources.map((r) =>
          atOnce(async () => {
            for (const next of calls) await ask(next, where, r, clients);
          }),
        ),
      );
    }
    for (const next of FOLLOW_UPS.get(callName(c)) ?? []) await ask(next, where, resource, clients);
  };

  /** The resources of a shared kind once each (as the first region to list one says), in the order of the regions. */
  const take = (kind: string, sorted: boolean): Resource[] => {
    const order = (region: string): number => regions.indexOf(region);
    const entries = (listed.get(kind) ?? []).sort((a, b) => order(a.region) - order(b.region));
    listed.delete(kind);
    const once = new Map<string, Resource>();
    for (const { region, resources } of entries) {
      for (const r of resources) {
        const id = r.path.join('/');
        if (!once.has(id)) once.set(id, r.region ? r : { ...r, region });
      }
    }
    const out = [...once.entries()];
    if (sorted) out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return out.map(([, r]) => r);
  };
  const label = (service: string, region: string): string => (region === 'global' ? service : `${service} ${region}`);

  const units = [
    ...GLOBAL_UNITS.map((service) => ({ service, region: 'global' })),
    ...regions.flatMap((region) => REGIONAL_UNITS.map((service) => ({ service, region }))),
  ];
  await Promise.all(
    units.map(({ service, region }) =>
      limit(() =>
        log.unit(label(service, region), async () => {
          const clients = clientsOfUnit();
          const background: Promise<void>[] = [];
          for (const c of ROOTS.filter((r) => r.service === service && regionOf(r, region) === region)) {
            const asked = ask(c, region, undefined, clients);
            if (binding(c).background) background.push(asked);
            else await asked;
          }
          // What this unit's global calls list (a policy attached to many users), at its end.
          for (const { kind, calls, sorted } of SHARED.filter((s) => s.lister?.scope === 'global' && s.lister.service === service)) {
            for (const r of take(kind, sorted)) for (const c of calls) await ask(c, region, r, clients);
          }
          await Promise.all(background);
        }),
      ),
    ),
  );

  // What regional calls list (a trail, listed by every region it covers) once every region is read, each resource a unit.
  const tasks = SHARED.filter((s) => s.lister?.scope === 'regional').flatMap(({ kind, calls, sorted }) =>
    take(kind, sorted).map((r) => {
      const first = calls[0] as AwsCallDescriptor;
      const region = regionOf(first, r.region ?? homeRegion);
      return () =>
        log.unit(label(first.service, region), async () => {
          const clients = clientsOfUnit();
          for (const c of calls) await ask(c, region, r, clients);
        });
    }),
  );
  await Promise.all(tasks.map((t) => limit(t)));
}
