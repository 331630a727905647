import { type AnyRule, ruleKinds } from '../engine/rule.js';
import type { Entity, EntityKind } from '../model/entities.js';
import type { Notification } from '../model/finding.js';
import type { SourceLocation } from '../model/location.js';
import { parseText, stripBom } from '../template/parsing/parse.js';
import { append } from '../util/append.js';
import { AWS_CALLS, type AwsCallName, callName, type Feed, LEGACY_CALL_FEEDS } from './calls.js';
import { unreadableDocuments } from './documents.js';
import { snapshotEntities } from './entities.js';
import { type AccountSnapshot, type CallError, CREDENTIALS_EXPIRED, type IncompleteReason } from './format.js';
import { JsonPositions } from './json-positions.js';
import { type Locator, SnapshotLocator } from './locator.js';
import { redactSnapshotKeys } from './redact.js';
import type { snapshotProblems } from './schema.js';

export { isSnapshotText } from './detect.js';

/** The schema check (`snapshotProblems` of `schema.ts`), given by the caller: it is most of the reader's code, loaded only to read a snapshot. */
export type SchemaCheck = typeof snapshotProblems;

/** What `loadSnapshot` read: the snapshot, its entities, and the notifications about it. */
export interface SnapshotLoadOutcome {
  snapshot?: AccountSnapshot;
  entities: Entity[];
  notifications: Notification[];
}

export type { Feed } from './calls.js';

/** What each call feeds (older collectors' calls included): when it fails, the rules that read those fields are not evaluated there. */
export const CALL_FEEDS: Readonly<Record<string, readonly Feed[]>> = {
  ...LEGACY_CALL_FEEDS,
  ...Object.fromEntries(AWS_CALLS.map((c) => [callName(c), c.feeds])),
};

/**
 * Fields more than one call gives: a failed call leaves such a field unread only when none of the
 * other calls answered (in the same region, or for IAM, STS and S3, at all).
 */
export const FEED_SOURCES: Readonly<Partial<Record<Feed, readonly AwsCallName[]>>> = {
  'RootAccount.mfaActive': ['iam:GetAccountSummary', 'iam:GetCredentialReport'],
  'RootAccount.accessKeysPresent': ['iam:GetAccountSummary', 'iam:GetCredentialReport'],
  'IamUser.mfaActive': ['iam:GetCredentialReport', 'iam:ListMFADevices'],
  'IamUser.passwordLastUsed': ['iam:GetCredentialReport', 'iam:ListUsers'],
  'IamUser.accessKeys': ['iam:ListAccessKeys', 'iam:GetCredentialReport'],
  'DbInstance.storageEncrypted': ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  // Older collectors read policies per listed user; when the account's authorization details answered, they give them all.
  Policy: ['iam:GetAccountAuthorizationDetails'],
};

const REGIONAL_SERVICES: readonly string[] = [...new Set(AWS_CALLS.filter((c) => c.scope === 'regional').map((c) => c.service))];

/** Everything a failed call would have given; `*` stands for every call of a service, or of a whole region. */
export function feedsOf(error: Pick<CallError, 'service' | 'operation'>): readonly Feed[] {
  if (error.operation !== '*') return CALL_FEEDS[`${error.service}:${error.operation}`] ?? [];
  const services = error.service === '*' ? REGIONAL_SERVICES : [error.service];
  return [
    ...new Set(
      Object.entries(CALL_FEEDS)
        .filter(([call]) => services.includes(call.split(':')[0] ?? ''))
        .flatMap(([, feeds]) => feeds),
    ),
  ];
}

/** Entity kinds a failed call leaves (partly) unread. */
export function kindsFedBy(error: Pick<CallError, 'service' | 'operation'>): readonly EntityKind[] {
  return [...new Set(feedsOf(error).map((f) => f.split('.')[0] as EntityKind))];
}

/** Whether a call answered: its response is in the snapshot, for the region (or globally for global services). */
export type Answered = (call: string, region: string) => boolean;

function answeredIn(snapshot: AccountSnapshot): Answered {
  return (call, region) => {
    const [service = '', op = ''] = call.split(':');
    const where = REGIONAL_SERVICES.includes(service) ? snapshot.regional[region] : snapshot.global;
    return (where as Record<string, Record<string, unknown> | undefined> | undefined)?.[service]?.[op] !== undefined;
  };
}

/** What the snapshot loader needs of a rule to say which rules a failed call leaves not evaluated. */
export type RuleRef = Pick<AnyRule, 'id' | 'name' | 'entity'> & { reads?: readonly string[] };

/** Whether two field paths meet: one is the other, or lies within it. */
function overlap(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rules a failed call leaves unevaluated: those reading a field the call gives, unless another
 * call that gives the field answered.
 */
export function rulesNotEvaluated<R extends RuleRef>(error: CallError, rules: readonly R[], answered: Answered = () => false): R[] {
  const call = `${error.service}:${error.operation}`;
  const lost = feedsOf(error)
    .filter((f) => !(FEED_SOURCES[f] ?? []).some((other) => other !== call && answered(other, error.region)))
    .map((f) => f.split('.'));
  return rules.filter((r) => {
    const reads = Array.isArray(r.reads) && r.reads.length > 0 ? r.reads.map((p) => String(p).split('.')) : [[]];
    const kinds: readonly string[] = ruleKinds(r);
    return lost.some(([kind = '', ...field]) => kinds.includes(kind) && reads.some((path) => overlap(field, path)));
  });
}

/**
 * Calls a snapshot written by the collector holds no answer to, and no failure of: it was written
 * by a collector that did not make them yet. Their rules are not evaluated there, as if they failed,
 * rather than silently clean. Hand-made snapshots (no `collector`) may leave out what they like.
 */
function notAsked(snapshot: AccountSnapshot): { error: CallError; regions: string[] }[] {
  if (snapshot.collector?.name !== 'mamori') return [];
  const answered = answeredIn(snapshot);
  const failed = (service: string, region: string, operation: string): boolean =>
    snapshot.errors.some((e) => e.region === region && (e.service === '*' || (e.service === service && (e.operation === '*' || e.operation === operation))));
  const out: { error: CallError; regions: string[] }[] = [];
  for (const call of AWS_CALLS) {
    if (call.stage || call.per || call.after) continue;
    const name = callName(call);
    // A call whose answer is not kept (the credential report's generation) shows through the call asked after it.
    const shown = [name, ...AWS_CALLS.filter((c) => c.after === name).map(callName)];
    const regions = (call.scope === 'regional' ? snapshot.regions : ['global']).filter(
      (region) => !shown.some((c) => answered(c, region)) && !failed(call.service, region, call.operation),
    );
    if (regions.length > 0)
      out.push({ error: { service: call.service, region: regions.join(', '), operation: call.operation, code: 'NotCollected' }, regions });
  }
  return out;
}

/** Failures of one call with one code, in one region, whatever resource they were about. */
function groupErrors(errors: readonly CallError[]): { first: number; error: CallError; resources: string[] }[] {
  const groups = new Map<string, { first: number; error: CallError; resources: string[] }>();
  errors.forEach((e, i) => {
    const key = JSON.stringify([e.service, e.region, e.operation, e.code]);
    const group = groups.get(key);
    if (group) {
      if (e.resource) group.resources.push(e.resource);
    } else groups.set(key, { first: i, error: e, resources: e.resource ? [e.resource] : [] });
  });
  return [...groups.values()];
}

/** Nesting beyond this is hostile input, not a snapshot: the template parser's bound. */
const MAX_DEPTH = 500;

type Read = { doc: unknown; locator: Locator } | { notifications: Notification[] };

/**
 * Plain JSON, read with the engine's own parser and located through a position index: no node per
 * value, so a snapshot of a large account loads in seconds. Anything else (comments, trailing
 * commas, repeated keys, deep nesting, a root that is not an object) takes the tolerant path,
 * which reports it.
 */
function readFast(file: string, text: string): Read | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const positions = JsonPositions.build(text, doc, MAX_DEPTH);
  if (!positions) return undefined;
  return { doc, locator: new PositionLocator(positions, file) };
}

/** Through the template parser: its messages and positions for syntax errors and limits. */
function readTolerant(file: string, text: string): Read {
  const parsed = parseText(file, text, 'json', 'snapshot');
  if (!parsed.ok) {
    return {
      notifications: [
        {
          level: 'error',
          code: 'parse-error',
          file,
          line: parsed.problem.line,
          column: parsed.problem.column,
          message: parsed.problem.message,
        },
      ],
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // jsonc-parser accepts comments and trailing commas; a snapshot is plain JSON.
    return {
      notifications: [
        { level: 'error', code: 'invalid-snapshot', file, line: 1, column: 1, message: 'Account snapshot is not plain JSON (comments or trailing commas)' },
      ],
    };
  }
  return { doc, locator: new SnapshotLocator(parsed.root, file) };
}

/** `SnapshotLocator`'s answers from a position index. */
class PositionLocator implements Locator {
  constructor(
    private readonly positions: JsonPositions,
    private readonly file: string,
  ) {}

  at(path: readonly (string | number)[], arn?: string): SourceLocation {
    for (let n = path.length; n >= 0; n--) {
      const location = this.positions.locate(this.file, path, n, arn);
      if (location) return location;
    }
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1, ...(arn ? { arn } : {}) };
  }
}

/** Resources named in one message before the rest are counted. */
const NAMED_RESOURCES = 3;

/**
 * Reads an account snapshot: validated against the published schema (a bad snapshot is an error
 * naming the JSON path), then mapped onto entities located at their place in the file. Every call
 * that failed becomes a `not-evaluated` warning naming the rules it leaves unevaluated.
 */
export function loadSnapshotWith(check: SchemaCheck, file: string, raw: string, rules: readonly RuleRef[] = []): SnapshotLoadOutcome {
  try {
    const text = stripBom(raw);
    const read = readFast(file, text) ?? readTolerant(file, text);
    if ('notifications' in read) return { entities: [], notifications: read.notifications };
    return load(check, file, read.doc, read.locator, rules);
  } catch (err) {
    return internalError(file, err);
  }
}

function internalError(file: string, err: unknown): SnapshotLoadOutcome {
  // A bug must cost one file, reported, never the scan.
  const message = `Cannot read the account snapshot (internal error: ${err instanceof Error ? err.message : String(err)})`;
  return { entities: [], notifications: [{ level: 'error', code: 'internal-error', file, message }] };
}

/** Validates a parsed snapshot and maps it onto entities, located through `locator`. */
function load(check: SchemaCheck, file: string, doc: unknown, locator: Locator, rules: readonly RuleRef[]): SnapshotLoadOutcome {
  const MAX = 20;
  const { problems, count } = check(doc, MAX);
  if (count > 0) {
    const notifications: Notification[] = problems.map((p) => {
      const at = locator.at(p.pointer);
      return { level: 'error', code: 'invalid-snapshot', file, line: at.line, column: at.column, message: `Invalid account snapshot: ${p.message}` };
    });
    if (count > MAX) notifications.push({ level: 'error', code: 'invalid-snapshot', file, message: `Invalid account snapshot: ${count - MAX} more problems` });
    return { entities: [], notifications };
  }
  // Snapshots written before key ids were redacted hold them whole: nothing of them goes further.
  const snapshot = redactSnapshotKeys(doc as AccountSnapshot);
  // The same failure for many users or trails is one warning, located at its first entry.
  const notifications = groupErrors(snapshot.errors).map(({ first, error, resources }): Notification => {
    const at = locator.at(['errors', first]);
    const about =
      resources.length <= 1
        ? error
        : {
            ...error,
            resource: `${resources.length} resources (${resources.slice(0, NAMED_RESOURCES).join(', ')}${resources.length > NAMED_RESOURCES ? ` and ${resources.length - NAMED_RESOURCES} more` : ''})`,
          };
    if (CREDENTIALS_EXPIRED.has(error.code)) {
      const message = `The credentials expired while the account was collected: ${notEvaluatedMessage(about, rules, answeredIn(snapshot))}. Collect again with fresh credentials`;
      return { level: 'error', code: 'not-evaluated', file, line: at.line, column: at.column, message };
    }
    return {
      level: 'warning',
      code: 'not-evaluated',
      file,
      line: at.line,
      column: at.column,
      message: notEvaluatedMessage(about, rules, answeredIn(snapshot)),
    };
  });
  for (const { error, regions } of notAsked(snapshot)) {
    const blinded = regions.flatMap((region) => rulesNotEvaluated({ ...error, region }, rules, answeredIn(snapshot)));
    if (blinded.length === 0) continue;
    const names = [...new Set(blinded)].map((r) => `${r.id} ${r.name}`);
    const where = error.region === 'global' ? '' : ` in ${error.region}`;
    const at = locator.at(['collector']);
    notifications.push({
      level: 'warning',
      code: 'not-evaluated',
      file,
      line: at.line,
      column: at.column,
      message: `${error.service} ${error.operation}${where} has no answer and no failure in the snapshot: the collector that wrote it did not make that call; not evaluated${error.region === 'global' ? '' : ' there'}: ${names.join(', ')}. Collect again with this version`,
    });
  }
  append(
    notifications,
    unreadableDocuments(snapshot, locator, file, (trust) => {
      const kind = trust ? 'IamRole' : 'Policy';
      const named = rules.filter((r) => (ruleKinds(r) as readonly string[]).includes(kind)).map((r) => `${r.id} ${r.name}`);
      return named.length > 0 ? named.join(', ') : `the rules about ${trust ? 'roles' : 'policies'}`;
    }),
  );
  const incomplete = incompleteMessage(snapshot, rules);
  if (incomplete) {
    const at = locator.at(['incomplete']);
    notifications.unshift({ level: 'warning', code: 'incomplete-snapshot', file, line: at.line, column: at.column, message: incomplete });
  }
  const mapped = snapshotEntities(snapshot, locator, file);
  append(notifications, mapped.notifications);
  return { snapshot, entities: mapped.entities, notifications };
}

/**
 * Why the collector marked the snapshot incomplete. A snapshot without the mark (hand-made, or
 * written before it) may still list failed calls: each of those is its own not-evaluated warning.
 */
export function incompleteReason(snapshot: AccountSnapshot): IncompleteReason | undefined {
  return snapshot.incomplete?.reason;
}

/** The rules that calls which failed (or were not made) leave unevaluated somewhere, in catalog order. */
export function rulesBlinded<R extends RuleRef>(snapshot: AccountSnapshot, rules: readonly R[]): R[] {
  const answered = answeredIn(snapshot);
  const blinded = new Set<R>();
  for (const e of snapshot.errors) for (const r of rulesNotEvaluated(e, rules, answered)) blinded.add(r);
  return rules.filter((r) => blinded.has(r));
}

/** Why an incomplete snapshot is so, in words. */
export function incompleteCause(reason: IncompleteReason): string {
  if (reason === 'interrupted') return 'the collection was interrupted';
  return reason === 'timeout' ? 'the collection ran out of time (its deadline passed)' : 'calls failed while it was collected';
}

/** One line saying that, and why, a snapshot does not hold the whole account; the not-evaluated warnings say where. */
export function incompleteMessage(snapshot: AccountSnapshot, rules: readonly RuleRef[]): string | undefined {
  const reason = incompleteReason(snapshot);
  if (!reason) return undefined;
  const why = incompleteCause(reason);
  const calls = snapshot.errors.length;
  const blinded = rulesBlinded(snapshot, rules).map((r) => `${r.id} ${r.name}`);
  const list = blinded.length > 0 ? `; rules not evaluated in full: ${blinded.join(', ')}` : '';
  return `Incomplete account snapshot: ${why} (${calls} failed call${calls === 1 ? '' : 's'} recorded)${list}`;
}

export function notEvaluatedMessage(e: CallError, rules: readonly RuleRef[], answered?: Answered): string {
  const call = e.operation === '*' ? (e.service === '*' ? 'every call' : `every ${e.service} call`) : `${e.service} ${e.operation}`;
  const where = e.region === 'global' ? '' : ` in ${e.region}`;
  const about = e.resource ? ` for ${e.resource}` : '';
  const affected = rulesNotEvaluated(e, rules, answered).map((r) => `${r.id} ${r.name}`);
  const scope = e.region === 'global' ? '' : ' there';
  let rulesText = `not evaluated${scope}: ${affected.join(', ')}`;
  // Without the list of enabled regions, the collector reads only the region it started in.
  if (e.service === 'ec2' && e.operation === 'DescribeRegions') rulesText = `only ${e.region} was read`;
  else if (affected.length === 0)
    rulesText = rulesNotEvaluated(e, rules).length > 0 ? 'the rules that read it were evaluated from other calls' : 'no rule reads its answer';
  return `${call}${where}${about} failed with ${e.code}${e.message ? ` (${e.message})` : ''}; ${rulesText}`;
}
