import { get } from '../../template/parsing/node.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import { isCreated, leastSafe, parseBoolean, parseInteger, refTarget, text } from '../../template/resolution/settings.js';
import type { Template, TemplateResource } from '../../template/types.js';
import type { CacheReplicationGroup } from './types.js';

const byFalse = (a: boolean, b: boolean): boolean => !a && b;
const bySmaller = (a: number, b: number): boolean => a < b;

/**
 * `AWS::ElastiCache::ReplicationGroup`s with their failover settings, ElastiCache's defaults filled
 * in, and the Redis OSS or Valkey `AWS::ElastiCache::CacheCluster`s no group of the template takes
 * as its primary: single nodes.
 */
export function cacheReplicationGroupsOf(template: Template, resolver: Resolver, graph: TemplateGraph): CacheReplicationGroup[] {
  const out: CacheReplicationGroup[] = [];
  for (const res of template.resources.values()) {
    if (res.type === 'AWS::ElastiCache::CacheCluster' && isCreated(resolver, res)) {
      const single = standaloneCluster(template, resolver, graph, res);
      if (single) out.push(single);
      continue;
    }
    if (res.type !== 'AWS::ElastiCache::ReplicationGroup' || !isCreated(resolver, res)) continue;
    const props = res.properties;
    const settingSources: NonNullable<CacheReplicationGroup['settingSources']> = {};
    // Cluster mode requires failover, and ElastiCache turns it on when the template leaves it out.
    const failover = leastSafe(resolver, res, 'AutomaticFailoverEnabled', parseBoolean, clusterMode(template, resolver, res) ? undefined : false, byFalse);
    if (failover) settingSources.automaticFailover = failover.source;
    const multiAz = leastSafe(resolver, res, 'MultiAZEnabled', parseBoolean, false, byFalse);
    if (multiAz) settingSources.multiAz = multiAz.source;
    const nodes = nodesPerShard(resolver, res);
    if (nodes) settingSources.numCacheClusters = nodes.source;
    out.push({
      kind: 'CacheReplicationGroup',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      replicationGroupId: text(resolver, get(props, 'ReplicationGroupId')) ?? res.logicalId,
      resourceType: 'ReplicationGroup',
      engine: (text(resolver, get(props, 'Engine')) ?? 'redis').toLowerCase(),
      ...(failover ? { automaticFailover: failover.value } : {}),
      ...(multiAz ? { multiAz: multiAz.value } : {}),
      ...(nodes ? { numCacheClusters: nodes.value } : {}),
      settingSources,
    });
  }
  return out;
}

/** A Redis OSS or Valkey cache cluster that no replication group of the template names: one node, no failover. */
function standaloneCluster(template: Template, resolver: Resolver, graph: TemplateGraph, res: TemplateResource): CacheReplicationGroup | undefined {
  const engines = resolver.values(get(res.properties, 'Engine')).map((c) => (typeof c.value === 'string' ? c.value.toLowerCase() : undefined));
  // Judged only when every candidate engine replicates: a parameter that may choose Memcached is left alone.
  if (engines.length === 0 || !engines.every((e) => e === 'redis' || e === 'valkey')) return undefined;
  if (graph.referencesTo(res.logicalId).some((r) => r.fromType === 'AWS::ElastiCache::ReplicationGroup')) return undefined;
  return {
    kind: 'CacheReplicationGroup',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    replicationGroupId: text(resolver, get(res.properties, 'ClusterName')) ?? res.logicalId,
    resourceType: 'CacheCluster',
    engine: engines[0] ?? 'redis',
    automaticFailover: false,
    multiAz: false,
    numCacheClusters: 1,
  };
}

/** Cluster mode: several shards, or a parameter group with `cluster-enabled: yes`. */
function clusterMode(template: Template, resolver: Resolver, res: TemplateResource): boolean {
  const props = res.properties;
  const shards = resolver.values(get(props, 'NumNodeGroups')).map((c) => parseInteger(c.value));
  const groups = get(props, 'NodeGroupConfiguration');
  if (shards.some((n) => n !== undefined && n > 1) || (groups?.kind === 'seq' && groups.items.length > 1)) return true;
  for (const b of resolver.branches(get(props, 'CacheParameterGroupName'))) {
    if (!b.node) continue;
    const target = refTarget(template, b.node);
    if (target?.type === 'AWS::ElastiCache::ParameterGroup') {
      const enabled = resolver.values(get(get(target.properties, 'Properties'), 'cluster-enabled')).map((c) => c.value);
      if (enabled.some((v) => String(v).toLowerCase() === 'yes')) return true;
    } else if (/\.cluster\.on$/i.test(text(resolver, b.node) ?? '')) return true;
  }
  return false;
}

/** Nodes per shard: `NumCacheClusters`, or one primary plus `ReplicasPerNodeGroup`; one node when neither is written. */
function nodesPerShard(resolver: Resolver, res: TemplateResource): ReturnType<typeof leastSafe<number>> {
  const props = res.properties;
  const sharded = ['NumNodeGroups', 'ReplicasPerNodeGroup', 'NodeGroupConfiguration', 'PrimaryClusterId', 'GlobalReplicationGroupId'].some(
    (k) => get(props, k) !== undefined,
  );
  if (get(props, 'NumCacheClusters') !== undefined || !sharded) {
    return leastSafe(resolver, res, 'NumCacheClusters', parseInteger, sharded ? undefined : 1, bySmaller);
  }
  const replicas = leastSafe(resolver, res, 'ReplicasPerNodeGroup', parseInteger, undefined, bySmaller);
  return replicas ? { value: replicas.value + 1, source: replicas.source } : undefined;
}
