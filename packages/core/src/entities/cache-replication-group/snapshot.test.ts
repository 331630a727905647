import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('ElastiCache from the recorded account snapshot', () => {
  it('both replication groups and the standalone Redis OSS node; member clusters and Memcached are not entities', () => {
    const groups = of('CacheReplicationGroup', loaded.entities);
    expect(groups.map((g) => [g.id, g.resourceType, g.engine, g.automaticFailover, g.multiAz, g.numCacheClusters])).toEqual([
      ['arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:sessions', 'ReplicationGroup', 'valkey', false, false, 2],
      ['arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:jobs', 'ReplicationGroup', 'redis', true, true, 2],
      ['arn:aws:elasticache:eu-west-1:123456789012:cluster:rate-limits', 'CacheCluster', 'redis', false, false, 1],
    ]);
    expect(groups[2]?.location).toMatchObject(at([...R, 'elasticache', 'DescribeCacheClusters', 'CacheClusters', 4, 'CacheClusterId']));
  });
});

describe('ElastiCache from snapshots', () => {
  it('failover states, nodes in the smallest shard, an answer without Engine is Redis OSS', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          elasticache: {
            DescribeReplicationGroups: {
              ReplicationGroups: [
                { ReplicationGroupId: 'a', AutomaticFailover: 'enabling', MultiAZ: 'enabled', MemberClusters: ['a-1', 'a-2', 'a-3'] },
                {
                  ReplicationGroupId: 'b',
                  AutomaticFailover: 'disabling',
                  Engine: 'Valkey',
                  NodeGroups: [
                    { NodeGroupId: '0001', NodeGroupMembers: [{ CacheClusterId: 'b-1' }, { CacheClusterId: 'b-2' }] },
                    { NodeGroupId: '0002', NodeGroupMembers: [{ CacheClusterId: 'b-3' }] },
                  ],
                },
                { ReplicationGroupId: 'c' },
              ],
            },
            // A member listed by its group but not naming it is no standalone node.
            DescribeCacheClusters: {
              CacheClusters: [
                { CacheClusterId: 'a-1', Engine: 'redis' },
                { CacheClusterId: 'b-3', Engine: 'valkey' },
              ],
            },
          },
        },
      },
    });
    const groups = of('CacheReplicationGroup', loadSnapshot('s.json', doc).entities);
    expect(groups.map((g) => [g.replicationGroupId, g.engine, g.automaticFailover ?? null, g.multiAz ?? null, g.numCacheClusters ?? null])).toEqual([
      ['a', 'redis', true, true, 3],
      ['b', 'valkey', false, null, 1],
      ['c', 'redis', null, null, null],
    ]);
  });
});
