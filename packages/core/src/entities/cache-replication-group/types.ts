import type { EntityBase, SettingSource } from '../../model/entity.js';

/**
 * An ElastiCache replication group (`AWS::ElastiCache::ReplicationGroup`, `DescribeReplicationGroups`),
 * or a Redis OSS or Valkey cache cluster in no replication group (`AWS::ElastiCache::CacheCluster`,
 * `DescribeCacheClusters`): a single node, without failover. Memcached clusters, which do not
 * replicate, are not entities.
 */
export interface CacheReplicationGroup extends EntityBase {
  kind: 'CacheReplicationGroup';
  /** The group's id, or the standalone cluster's. */
  replicationGroupId: string;
  /** A replication group, or a standalone Redis OSS or Valkey cache cluster (one node, no failover). */
  resourceType: 'ReplicationGroup' | 'CacheCluster';
  engine?: string;
  automaticFailover?: boolean;
  multiAz?: boolean;
  /** Nodes in each shard: the primary and its replicas. */
  numCacheClusters?: number;
  /** Template entities only: where each setting is written, or that it is left to its default. */
  settingSources?: Partial<Record<CacheReplicationGroupSetting, SettingSource>>;
}

/** The settings of a replication group whose source a rule can point at. */
export type CacheReplicationGroupSetting = 'automaticFailover' | 'multiAz' | 'numCacheClusters';
