import type { Notification } from '../engine/finding.js';
import type { Entity, ResourceEntity, SecretMatch } from '../model/entities.js';
import { own } from '../model/lookup.js';
import { decodeBase64Text } from '../secrets/base64.js';
import { findSecrets, MAX_SECRETS_PER_FILE, type RawSecret, redactSecretsIn, secretEntity, secretIds, tooManySecrets } from '../secrets/detect.js';
import { append } from '../util/append.js';
import { accessKeysOf } from './access-keys.js';
import { azSpansOf } from './az-spans.js';
import { cacheReplicationGroupsOf } from './cache.js';
import { elasticIpsOf, natGatewaysOf } from './cost-resources.js';
import { dbInstancesOf } from './databases.js';
import { instancesOf } from './instances.js';
import { networkAclsOf } from './network-acls.js';
import { type CfnNode, toPlain, walk as walkNodes } from './parsing/node.js';
import { parametersOf, passwordsOf } from './passwords.js';
import { policiesOf } from './policies.js';
import { TemplateGraph } from './resolution/graph.js';
import { Resolver } from './resolution/resolve.js';
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
    ...guard('hard-coded secrets', [], () => templateSecrets(template, notifications)),
    ...guard('IAM policies', [], () => policiesOf(template, resolver)),
    ...guard('IAM users', [], () => iamUsersOf(template, resolver)),
    ...guard('access keys', [], () => accessKeysOf(template, resolver)),
    ...passwords,
    ...guard('parameters', [], () => parametersOf(template, secretParameters)),
    ...guard('databases', [], () => dbInstancesOf(template, resolver, securityGroups)),
    ...guard('availability-zone spans', [], () => azSpansOf(template, resolver)),
    ...guard('ElastiCache replication groups', [], () => cacheReplicationGroupsOf(template, resolver)),
  ];
  append(
    notifications,
    guard('values not evaluated', [], () => unevaluatedNotes(template, resolver)),
  );
  const hidden = noEchoValues(template, parameters);
  if (hidden.length > 0) for (const e of entities) e.noEchoValues = hidden;
  return { entities, notifications };
}

/** What is given at deploy time to `NoEcho` parameters (and each item of a list): never to be shown. */
function noEchoValues(template: Template, parameters: Readonly<Record<string, string>> | undefined): string[] {
  const out: string[] = [];
  for (const p of template.parameters.values()) {
    const given = p.noEcho ? own(parameters, p.name) : undefined;
    if (given === undefined) continue;
    out.push(given, ...given.split(',').map((v) => v.trim()));
  }
  return [...new Set(out.filter((v) => v !== ''))];
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

function templateSecrets(template: Template, notifications: Notification[]): SecretMatch[] {
  const found = findSecrets(template.text);
  const encoded = base64UserDataSecrets(template);
  const tooMany = tooManySecrets(found.length + encoded.length, template.file);
  if (tooMany) notifications.push(tooMany);
  // Cut before the entities are built: their number, not the search, is what a file of keys costs.
  return [...textSecrets(template, found.slice(0, MAX_SECRETS_PER_FILE)), ...encoded].slice(0, MAX_SECRETS_PER_FILE);
}

/**
 * Keys anywhere in the template's text. Each is identified by the path of the deepest value holding
 * it (`Resources/Fn/Properties/Environment/Variables/KEY`) and its rank there, so moving lines or
 * resources keeps its id and nothing in the id comes from the key.
 */
function textSecrets(template: Template, found: readonly RawSecret[]): SecretMatch[] {
  if (found.length === 0) return [];
  const places = new NodePlaces(template.root);
  // A key written as a map key above the match is not shown whole in its id or message.
  const paths = found.map((s) => places.pathAt(s.start, s.end).map((p) => (typeof p === 'string' ? redactSecretsIn(p) : p)));
  const ids = secretIds(
    `${template.file}#`,
    found,
    paths.map((p) => p.join('/')),
  );
  return found.map((s, i) => {
    // The top-level section and entry holding the match, for messages and suppressions.
    const [section, entry] = paths[i] ?? [];
    const entryKey = typeof entry === 'string' ? entry : undefined;
    const isResource = section === 'Resources' && entryKey !== undefined;
    const noun = typeof section === 'string' ? own(SECTION_NOUNS, section) : undefined;
    const where = isResource ? `resource ${entryKey}` : noun && entryKey ? `${noun} ${entryKey}` : template.file;
    const logicalPath = isResource ? entryKey : section !== undefined && entryKey ? `${section}/${entryKey}` : undefined;
    return secretEntity(ids[i] ?? '', s, { ...template.index.location(s.start, s.end), ...(logicalPath ? { logicalPath } : {}) }, where);
  });
}

/** The path of keys and indexes to the deepest value holding a span, children found by bisection (each container sorted once). */
class NodePlaces {
  private readonly children = new Map<CfnNode, { keys: (string | number)[]; nodes: CfnNode[] }>();

  constructor(private readonly root: CfnNode) {}

  pathAt(start: number, end: number): (string | number)[] {
    const path: (string | number)[] = [];
    let node = this.root;
    // Bounded however the tree was built (an alias may repeat a node).
    for (let depth = 0; depth < 1000; depth++) {
      const { keys, nodes } = this.sorted(node);
      let lo = 0;
      let hi = nodes.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((nodes[mid]?.span[0] ?? 0) <= start) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const child = nodes[k];
      if (!child || child.span[1] < end || child === node) break;
      path.push(keys[k] ?? '');
      node = child;
    }
    return path;
  }

  private sorted(node: CfnNode): { keys: (string | number)[]; nodes: CfnNode[] } {
    const known = this.children.get(node);
    if (known) return known;
    const pairs: [string | number, CfnNode][] =
      node.kind === 'map' ? node.entries.map((e) => [e.key, e.value]) : node.kind === 'seq' ? node.items.map((n, i) => [i, n]) : [];
    // Source order, which parsers keep; sorted only when a tree was built otherwise.
    if (pairs.some((p, i) => i > 0 && (pairs[i - 1]?.[1].span[0] ?? 0) > p[1].span[0])) pairs.sort((a, b) => a[1].span[0] - b[1].span[0]);
    const out = { keys: pairs.map((p) => p[0]), nodes: pairs.map((p) => p[1]) };
    this.children.set(node, out);
    return out;
  }
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
      const logicalId = redactSecretsIn(res.logicalId);
      const where = `base64-encoded user data of resource ${logicalId}`;
      const found = findSecrets(decoded);
      const place = redactSecretsIn(`${logicalId}/${path.join('/')}`);
      const ids = secretIds(`${template.file}#Resources/${place} (base64)`, found);
      found.forEach((s, i) => {
        out.push(secretEntity(ids[i] ?? '', s, { ...node.loc, logicalPath: place }, where, 'base64'));
      });
    });
  }
  return out;
}
