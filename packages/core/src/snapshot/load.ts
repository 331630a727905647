import type { Notification } from '../engine/finding.js';
import type { AnyRule } from '../engine/rule.js';
import type { Entity, EntityKind } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';
import { parseText, stripBom } from '../template/parse.js';
import { type Locator, SnapshotLocator, snapshotEntities } from './entities.js';
import type { AccountSnapshot, CallError } from './format.js';
import { JsonPositions } from './json-positions.js';
import { validateSnapshot } from './schema.js';

export { isSnapshotText } from './detect.js';

export interface SnapshotLoadOutcome {
  snapshot?: AccountSnapshot;
  entities: Entity[];
  notifications: Notification[];
}

/** The entities each call feeds: when it fails, the rules reading them are not evaluated there. */
export const CALL_FEEDS: Readonly<Record<string, readonly EntityKind[]>> = {
  'ec2:DescribeSecurityGroups': ['SecurityGroup', 'DbInstance'],
  'ec2:DescribeNetworkAcls': ['NetworkAcl'],
  'ec2:DescribeAddresses': ['ElasticIp'],
  'ec2:DescribeInstances': ['ElasticIp'],
  'ec2:DescribeNatGateways': ['NatGateway', 'ElasticIp'],
  'ec2:DescribeRouteTables': ['NatGateway'],
  'ec2:DescribeSubnets': [],
  'cloudtrail:DescribeTrails': ['Trail', 'TrailSet'],
  'cloudtrail:GetTrailStatus': ['Trail', 'TrailSet'],
  'cloudtrail:GetEventSelectors': ['Trail', 'TrailSet'],
  'cloudtrail:LookupEvents': ['RootAccount'],
  'rds:DescribeDBInstances': ['DbInstance'],
  'rds:DescribeDBClusters': ['DbInstance'],
  's3:GetBucketLifecycleConfiguration': ['Trail'],
  'sts:GetCallerIdentity': [],
  'iam:GetAccountSummary': ['RootAccount'],
  'iam:GenerateCredentialReport': ['RootAccount', 'IamUser'],
  'iam:GetCredentialReport': ['RootAccount', 'IamUser'],
  'iam:ListUsers': ['IamUser', 'Policy'],
  'iam:ListAccessKeys': ['IamUser'],
  'iam:GetAccessKeyLastUsed': ['IamUser'],
  'iam:ListMFADevices': ['IamUser'],
  'iam:ListGroupsForUser': ['IamUser'],
  'iam:ListAttachedUserPolicies': ['IamUser', 'Policy'],
  'iam:ListUserPolicies': ['IamUser', 'Policy'],
  'iam:GetUserPolicy': ['Policy'],
  'iam:GetPolicy': ['Policy'],
  'iam:GetPolicyVersion': ['Policy'],
};

const REGIONAL_KINDS: readonly EntityKind[] = ['SecurityGroup', 'NetworkAcl', 'ElasticIp', 'NatGateway', 'DbInstance', 'Trail', 'TrailSet', 'RootAccount'];

/** Entity kinds a failed call leaves unread. */
export function kindsFedBy(error: Pick<CallError, 'service' | 'operation'>): readonly EntityKind[] {
  if (error.operation === '*')
    return error.service === '*'
      ? REGIONAL_KINDS
      : [
          ...new Set(
            Object.entries(CALL_FEEDS)
              .filter(([k]) => k.startsWith(`${error.service}:`))
              .flatMap(([, v]) => v),
          ),
        ];
  return CALL_FEEDS[`${error.service}:${error.operation}`] ?? [];
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
  const parsed = parseText(file, text, 'json');
  if (!parsed.ok) {
    return {
      notifications: [{ level: 'error', code: 'parse-error', file, line: parsed.problem.line, column: parsed.problem.column, message: parsed.problem.message }],
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
export function loadSnapshot(file: string, raw: string, rules: readonly Pick<AnyRule, 'id' | 'name' | 'entity'>[] = []): SnapshotLoadOutcome {
  const text = stripBom(raw);
  const read = readFast(file, text) ?? readTolerant(file, text);
  if ('notifications' in read) return { entities: [], notifications: read.notifications };
  const { doc, locator } = read;
  const problems = validateSnapshot(doc);
  if (problems.length > 0) {
    const MAX = 20;
    const notifications: Notification[] = problems.slice(0, MAX).map((p) => {
      const at = locator.at(p.pointer);
      return { level: 'error', code: 'invalid-snapshot', file, line: at.line, column: at.column, message: `Invalid account snapshot: ${p.message}` };
    });
    if (problems.length > MAX)
      notifications.push({ level: 'error', code: 'invalid-snapshot', file, message: `Invalid account snapshot: ${problems.length - MAX} more problems` });
    return { entities: [], notifications };
  }
  const snapshot = doc as AccountSnapshot;
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
    return { level: 'warning', code: 'not-evaluated', file, line: at.line, column: at.column, message: notEvaluatedMessage(about, rules) };
  });
  return { snapshot, entities: snapshotEntities(snapshot, locator), notifications };
}

export function notEvaluatedMessage(e: CallError, rules: readonly Pick<AnyRule, 'id' | 'name' | 'entity'>[]): string {
  const call = e.operation === '*' ? (e.service === '*' ? 'every call' : `every ${e.service} call`) : `${e.service} ${e.operation}`;
  const where = e.region === 'global' ? '' : ` in ${e.region}`;
  const about = e.resource ? ` for ${e.resource}` : '';
  const kinds = kindsFedBy(e);
  const affected = rules.filter((r) => kinds.includes(r.entity)).map((r) => `${r.id} ${r.name}`);
  const scope = e.region === 'global' ? '' : ' there';
  const rulesText = affected.length > 0 ? `not evaluated${scope}: ${affected.join(', ')}` : 'no rule reads its answer';
  return `${call}${where}${about} failed with ${e.code}${e.message ? ` (${e.message})` : ''}; ${rulesText}`;
}
