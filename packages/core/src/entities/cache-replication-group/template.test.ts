import { describe, expect, it } from 'vitest';
import { templateFrom } from '../../../../../test/entities.js';
import { TemplateGraph } from '../../template/resolution/graph.js';
import { Resolver } from '../../template/resolution/resolve.js';
import { cacheReplicationGroupsOf } from './template.js';

const template = (body: string) => templateFrom(`AWSTemplateFormatVersion: '2010-09-09'\n${body}`);

describe('cacheReplicationGroupsOf', () => {
  function groups(props: string) {
    const t = template(`Resources:\n  G:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties: {ReplicationGroupDescription: g, ${props}}\n`);
    return cacheReplicationGroupsOf(t, new Resolver(t), new TemplateGraph(t)).map(({ engine, automaticFailover, multiAz, numCacheClusters }) => ({
      engine,
      automaticFailover,
      multiAz,
      numCacheClusters,
    }));
  }

  it('defaults: Redis OSS, one node, no failover, no Multi-AZ', () => {
    expect(groups('CacheNodeType: cache.t4g.small')).toEqual([{ engine: 'redis', automaticFailover: false, multiAz: false, numCacheClusters: 1 }]);
  });

  it('nodes per shard from NumCacheClusters or ReplicasPerNodeGroup', () => {
    expect(groups("Engine: Valkey, NumCacheClusters: '3', AutomaticFailoverEnabled: true, MultiAZEnabled: true")).toEqual([
      { engine: 'valkey', automaticFailover: true, multiAz: true, numCacheClusters: 3 },
    ]);
    expect(groups('NumNodeGroups: 1, ReplicasPerNodeGroup: 2')[0]?.numCacheClusters).toBe(3);
  });

  it('cluster mode leaves failover to ElastiCache', () => {
    expect(groups('NumNodeGroups: 3, ReplicasPerNodeGroup: 1')[0]?.automaticFailover).toBeUndefined();
    expect(groups('NodeGroupConfiguration: [{ReplicaCount: 1}, {ReplicaCount: 1}]')[0]?.automaticFailover).toBeUndefined();
  });

  it('a Redis OSS or Valkey cache cluster no group of the template takes as primary is a single node; Memcached is none', () => {
    const t = template(`Resources:
  Solo: {Type: AWS::ElastiCache::CacheCluster, Properties: {Engine: valkey, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}}
  Menu: {Type: AWS::ElastiCache::CacheCluster, Properties: {Engine: memcached, CacheNodeType: cache.t4g.small, NumCacheNodes: 2}}
  Primary: {Type: AWS::ElastiCache::CacheCluster, Properties: {Engine: redis, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}}
  G: {Type: AWS::ElastiCache::ReplicationGroup, Properties: {ReplicationGroupDescription: g, PrimaryClusterId: !Ref Primary}}
`);
    expect(
      cacheReplicationGroupsOf(t, new Resolver(t), new TemplateGraph(t)).map((g) => [g.displayName, g.resourceType, g.engine, g.automaticFailover]),
    ).toEqual([
      ['Solo', 'CacheCluster', 'valkey', false],
      ['G', 'ReplicationGroup', 'redis', false],
    ]);
  });
});
