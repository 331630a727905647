import type { SnapshotInput } from '../slice.js';
import type { CacheReplicationGroup } from './types.js';

/** Engines that replicate and fail over; Memcached does neither. */
const REPLICATING = new Set(['redis', 'valkey']);

/**
 * Every `DescribeReplicationGroups` item, and every Redis OSS or Valkey cluster of
 * `DescribeCacheClusters` that is in no replication group: a single node, nothing to fail over to.
 */
export function cacheReplicationGroupsFromSnapshot(input: SnapshotInput): CacheReplicationGroup[] {
  const out: CacheReplicationGroup[] = [];
  for (const [region, r] of input.regions()) {
    const groups = r.elasticache?.DescribeReplicationGroups?.ReplicationGroups ?? [];
    // A group's nodes, whether or not their own answer names the group.
    const members = new Set(
      groups.flatMap((g) => [
        ...(g.MemberClusters ?? []),
        ...(g.NodeGroups ?? []).flatMap((n) => (n.NodeGroupMembers ?? []).flatMap((m) => (m.CacheClusterId ? [m.CacheClusterId] : []))),
      ]),
    );
    groups.forEach((g, i) => {
      const replicationGroupId = g.ReplicationGroupId ?? String(i);
      const arn = g.ARN ?? `arn:${input.partition}:elasticache:${region}:${input.account}:replicationgroup:${replicationGroupId}`;
      // `enabling` is on its way to on; `disabling` already gives no failover to count on.
      const failover = g.AutomaticFailover?.toLowerCase();
      const automaticFailover =
        failover === 'enabled' || failover === 'enabling' ? true : failover === 'disabled' || failover === 'disabling' ? false : undefined;
      const multiAz = g.MultiAZ?.toLowerCase();
      // Nodes in the smallest shard; a group that lists no shards counts its member clusters.
      const shards = (g.NodeGroups ?? []).map((n) => n.NodeGroupMembers?.length ?? 0).filter((n) => n > 0);
      const nodes = shards.length > 0 ? Math.min(...shards) : g.MemberClusters?.length;
      out.push({
        kind: 'CacheReplicationGroup',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'elasticache', 'DescribeReplicationGroups', 'ReplicationGroups', i, 'ReplicationGroupId'], arn),
        displayName: replicationGroupId,
        replicationGroupId,
        resourceType: 'ReplicationGroup',
        // Answers from before Valkey leave the engine out: they are Redis OSS.
        engine: (g.Engine ?? 'redis').toLowerCase(),
        ...(automaticFailover !== undefined ? { automaticFailover } : {}),
        ...(multiAz === 'enabled' || multiAz === 'disabled' ? { multiAz: multiAz === 'enabled' } : {}),
        ...(nodes !== undefined && nodes > 0 ? { numCacheClusters: nodes } : {}),
      });
    });
    (r.elasticache?.DescribeCacheClusters?.CacheClusters ?? []).forEach((c, i) => {
      const engine = c.Engine?.toLowerCase();
      const id = c.CacheClusterId ?? String(i);
      if (c.ReplicationGroupId || members.has(id) || engine === undefined || !REPLICATING.has(engine)) return;
      const arn = c.ARN ?? `arn:${input.partition}:elasticache:${region}:${input.account}:cluster:${id}`;
      out.push({
        kind: 'CacheReplicationGroup',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'elasticache', 'DescribeCacheClusters', 'CacheClusters', i, 'CacheClusterId'], arn),
        displayName: id,
        replicationGroupId: id,
        resourceType: 'CacheCluster',
        engine,
        automaticFailover: false,
        multiAz: false,
        numCacheClusters: 1,
      });
    });
  }
  return out;
}
