import type { Notification } from '../engine/finding.js';
import type { Entity, ResourceEntity, SecretMatch } from '../model/entities.js';
import { own } from '../model/lookup.js';
import { decodeBase64Text } from '../secrets/base64.js';
import { findSecrets, secretEntity } from '../secrets/detect.js';
import { accessKeysOf } from './access-keys.js';
import { azSpansOf } from './az-spans.js';
import { cacheReplicationGroupsOf } from './cache.js';
import { elasticIpsOf, natGatewaysOf } from './cost-resources.js';
import { dbInstancesOf } from './databases.js';
import { TemplateGraph } from './graph.js';
import { instancesOf } from './instances.js';
import { networkAclsOf } from './network-acls.js';
import { type CfnEntry, type CfnNode, toPlain, walk as walkNodes } from './node.js';
import { parametersOf, passwordsOf } from './passwords.js';
import { policiesOf } from './policies.js';
import { Resolver } from './resolve.js';
import { securityGroupsOf } from './security-groups.js';
import type { Template } from './template.js';
import { trailsOf } from './trails.js';
import { iamUsersOf } from './users.js';

/** Everything rules can read from one template. Generic `Resource` entities only when a rule selects them. */
export function templateEntities(template: Template, parameters?: Readonly<Record<string, string>>, withResources = false): Entity[] {
  const { entities, notifications } = extractEntities(template, parameters, withResources);
  // Warnings and notes about the template (a rule CloudFormation would refuse) leave the entities whole.
  const failed = notifications.find((n) => n.level === 'error');
  if (failed) throw new Error(failed.message);
  return entities;
}

/**
 * The template's entities, each extractor guarded: one that fails on a strange template costs its
 * own entities in that file, reported as an error, never the other extractors or the other files.
 */
export function extractEntities(
  template: Template,
  parameters?: Readonly<Record<string, string>>,
  withResources = false,
): { entities: Entity[]; notifications: Notification[] } {
  const notifications: Notification[] = [];
  const guard = <T>(what: string, fallback: T, extract: () => T): T => {
    try {
      return extract();
    } catch (err) {
      notifications.push({
        level: 'error',
        code: 'internal-error',
        file: template.file,
        message: `Cannot read ${what} from this template (internal error: ${err instanceof Error ? err.message : String(err)}); rules on them were not evaluated here`,
      });
      return fallback;
    }
  };
  const resolver = new Resolver(template, parameters ? { parameters } : {});
  const graph = guard('resource references', undefined, () => new TemplateGraph(template));
  const { passwords, secretParameters } = guard('passwords', { passwords: [], secretParameters: new Map<string, string[]>() }, () =>
    passwordsOf(template, resolver),
  );
  const securityGroups = guard('security groups', [], () => securityGroupsOf(template, resolver, notifications));
  const withGraph = <T>(what: string, extract: (g: TemplateGraph) => T[]): T[] => (graph ? guard(what, [], () => extract(graph)) : []);
  const entities: Entity[] = [
    ...(withResources ? guard('resources', [], () => resourceEntities(template)) : []),
    ...securityGroups,
    ...withGraph('network ACLs', (g) => networkAclsOf(template, resolver, g, notifications)),
    ...withGraph('Elastic IPs', (g) => elasticIpsOf(template, resolver, g)),
    ...withGraph('NAT gateways', (g) => natGatewaysOf(template, resolver, g)),
    ...withGraph('trails', (g) => trailsOf(template, resolver, g)),
    ...withGraph('instances', (g) => instancesOf(template, resolver, g)),
    ...guard('hard-coded secrets', [], () => templateSecrets(template)),
    ...guard('IAM policies', [], () => policiesOf(template, resolver)),
    ...guard('IAM users', [], () => iamUsersOf(template, resolver)),
    ...guard('access keys', [], () => accessKeysOf(template, resolver)),
    ...passwords,
    ...guard('parameters', [], () => parametersOf(template, secretParameters)),
    ...guard('databases', [], () => dbInstancesOf(template, resolver, securityGroups)),
    ...guard('availability-zone spans', [], () => azSpansOf(template, resolver)),
    ...guard('ElastiCache replication groups', [], () => cacheReplicationGroupsOf(template, resolver)),
  ];
  notifications.push(...guard('values not evaluated', [], () => unevaluatedNotes(template, resolver)));
  return { entities, notifications };
}

/** Notes on one template's values that were not evaluated in full, beyond which only a count is given. */
const MAX_UNEVALUATED_NOTES = 20;

/**
 * A note for each value the resolver did not work out in full (more `Fn::If` combinations than it
 * follows, nesting too deep), naming the resource and the property path: what rules said of it may
 * miss an alternative, and the scan says so rather than passing it as safe.
 */
function unevaluatedNotes(template: Template, resolver: Resolver): Notification[] {
  if (resolver.unevaluated.size === 0) return [];
  const pending = new Map(resolver.unevaluated);
  const found: { node: CfnNode; where: string; reason: string }[] = [];
  for (const res of template.resources.values()) {
    walkNodes(res.node, (node, path) => {
      const reason = pending.get(node);
      if (reason === undefined) return;
      pending.delete(node);
      found.push({ node, where: `${res.logicalId}/${path.join('/')}`.replace(/\/$/, ''), reason });
    });
    if (pending.size === 0) break;
  }
  for (const [node, reason] of pending) found.push({ node, where: `the value at line ${node.loc.line}`, reason });
  found.sort((a, b) => a.node.loc.line - b.node.loc.line || a.node.loc.column - b.node.loc.column);
  const out: Notification[] = found.slice(0, MAX_UNEVALUATED_NOTES).map(({ node, where, reason }) => ({
    level: 'note',
    code: 'not-evaluated',
    file: template.file,
    line: node.loc.line,
    column: node.loc.column,
    message: `${where} was not evaluated in full: ${reason}; rules that read it may miss an alternative`,
  }));
  const more = found.length - MAX_UNEVALUATED_NOTES;
  if (more > 0) {
    out.push({
      level: 'note',
      code: 'not-evaluated',
      file: template.file,
      message: `${more} more values were not evaluated in full (as the ${MAX_UNEVALUATED_NOTES} noted)`,
    });
  }
  return out;
}

function resourceEntities(template: Template): ResourceEntity[] {
  return [...template.resources.values()].map((res) => ({
    kind: 'Resource',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    logicalId: res.logicalId,
    resourceType: res.type,
    properties: (res.properties ? toPlain(res.properties) : {}) as Record<string, unknown>,
    ...(res.metadata ? { metadata: toPlain(res.metadata) as Record<string, unknown> } : {}),
  }));
}

const SECTION_NOUNS: Readonly<Record<string, string>> = {
  Parameters: 'parameter',
  Outputs: 'output',
  Mappings: 'mapping',
  Conditions: 'condition',
  Globals: 'globals',
};

function templateSecrets(template: Template): SecretMatch[] {
  return [...textSecrets(template), ...base64UserDataSecrets(template)];
}

/**
 * Finds the entry of a map whose value holds a range of the text, by bisection over the entries
 * sorted once: values of one map never overlap (copies made by `Fn::ForEach` share their loop body's
 * span, and the first of them is taken, as a search in order would).
 */
function entryFinder(map: CfnNode | undefined): (start: number, end: number) => CfnEntry | undefined {
  if (map?.kind !== 'map') return () => undefined;
  const sorted = map.entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.value.span[0] - b.e.value.span[0] || a.i - b.i);
  const starts = sorted.map((x) => x.e.value.span[0]);
  return (start, end) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // The first of the entries that start there: copies of one loop body.
    while (found > 0 && starts[found - 1] === starts[found]) found--;
    const entry = sorted[found]?.e;
    return entry && end <= entry.value.span[1] ? entry : undefined;
  };
}

function textSecrets(template: Template): SecretMatch[] {
  const matches = findSecrets(template.text);
  if (matches.length === 0) return [];
  const inRoot = entryFinder(template.root);
  const inSection = new Map<CfnEntry, (start: number, end: number) => CfnEntry | undefined>();
  return matches.map((s) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const section = inRoot(s.start, s.end);
    let find = section ? inSection.get(section) : undefined;
    if (section && !find) {
      find = entryFinder(section.value);
      inSection.set(section, find);
    }
    const entry = find?.(s.start, s.end);
    const isResource = section?.key === 'Resources' && entry !== undefined;
    const noun = section ? own(SECTION_NOUNS, section.key) : undefined;
    const where = isResource ? `resource ${entry.key}` : noun && entry ? `${noun} ${entry.key}` : template.file;
    const logicalPath = isResource ? entry.key : section && entry ? `${section.key}/${entry.key}` : undefined;
    return secretEntity(`${template.file}#${s.hash}`, s, { ...template.index.location(s.start, s.end), ...(logicalPath ? { logicalPath } : {}) }, where);
  });
}

/**
 * Keys in `UserData` written as a base64 literal, which the text search cannot see. The match has no
 * position of its own inside the encoding, so it is located at the whole value.
 */
function base64UserDataSecrets(template: Template): SecretMatch[] {
  const out: SecretMatch[] = [];
  const seen = new Set<number>();
  for (const res of template.resources.values()) {
    walkNodes(res.node, (node, path) => {
      if (path.at(-1) !== 'UserData' || node.kind !== 'scalar' || typeof node.value !== 'string' || seen.has(node.span[0])) return;
      // A loop body expanded several times is still one value in the file.
      seen.add(node.span[0]);
      const decoded = decodeBase64Text(node.value);
      if (decoded === undefined) return;
      const where = `base64-encoded user data of resource ${res.logicalId}`;
      for (const s of findSecrets(decoded)) {
        out.push(
          secretEntity(`${template.file}#${s.hash}@${node.span[0]}`, s, { ...node.loc, logicalPath: `${res.logicalId}/${path.join('/')}` }, where, 'base64'),
        );
      }
    });
  }
  return out;
}
