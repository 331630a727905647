import type { EntityBase, SettingSource } from '../../model/entity.js';

/** An ElastiCache replication group (`AWS::ElastiCache::ReplicationGroup`). */
export interface CacheReplicationGroup extends EntityBase {
  kind: 'CacheReplicationGroup';
  replicationGroupId: string;
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
