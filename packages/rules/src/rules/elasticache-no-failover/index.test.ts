import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import { entityFindings, snapshotCacheReplicationGroup } from '../../../../../test/snapshot-entities.js';
import rule from './index.js';

/** A template with one replication group `Cache` (line 3 + the lines of `extra`, column 3) whose properties start two lines below it, at column 7. */
function group(props: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: test
      CacheNodeType: cache.t4g.small
${props
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;
}

/** A template with one cache cluster `Cache` (line 2, column 3) of this engine. */
const cluster = (engine: string, extra = ''): string =>
  `Resources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Engine: ${engine}\n      CacheNodeType: cache.t4g.small\n      NumCacheNodes: 1\n${extra}`;

/** An account whose eu-west-1 answers these ElastiCache lists. */
const account = (groups: Record<string, unknown>[], clusters: Record<string, unknown>[] = []): string =>
  snapshotJson({
    regional: {
      'eu-west-1': { elasticache: { DescribeReplicationGroups: { ReplicationGroups: groups }, DescribeCacheClusters: { CacheClusters: clusters } } },
    },
  });
const R = ['regional', 'eu-west-1', 'elasticache'];

ruleTester.run(rule, {
  valid: [
    { name: 'a Memcached cluster neither replicates nor fails over: out of scope', template: cluster('memcached') },
    {
      name: 'an engine a parameter may set to Memcached is not judged',
      template: cluster('!Ref Engine', '').replace('Resources:', 'Parameters:\n  Engine:\n    Type: String\n    AllowedValues: [redis, memcached]\nResources:'),
    },
    {
      name: 'a Redis OSS cluster a replication group of the template takes as its primary is judged through the group',
      template: `${cluster('redis')}  Group:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: g\n      PrimaryClusterId: !Ref Cache\n      AutomaticFailoverEnabled: true\n`,
    },
    {
      name: 'account groups with failover enabled or being enabled, member clusters, Memcached',
      snapshot: account(
        [
          { ReplicationGroupId: 'jobs', AutomaticFailover: 'enabled', MultiAZ: 'enabled', Engine: 'redis', MemberClusters: ['jobs-001', 'jobs-002'] },
          { ReplicationGroupId: 'cart', AutomaticFailover: 'enabling', MultiAZ: 'disabled', MemberClusters: ['cart-001', 'cart-002'] },
        ],
        [
          { CacheClusterId: 'jobs-001', Engine: 'redis', ReplicationGroupId: 'jobs' },
          { CacheClusterId: 'menu', Engine: 'memcached', NumCacheNodes: 2 },
        ],
      ),
    },
    { name: 'automatic failover with a replica', template: group('Engine: redis\nNumCacheClusters: 2\nAutomaticFailoverEnabled: true\nMultiAZEnabled: true') },
    { name: "failover 'true' as a string", template: group("Engine: valkey\nNumCacheClusters: 3\nAutomaticFailoverEnabled: 'true'") },
    {
      name: 'cluster mode with several shards turns failover on (cfn-lint E3026 good)',
      template: group('Engine: redis\nNumNodeGroups: 2\nReplicasPerNodeGroup: 1'),
    },
    {
      name: 'a parameter group in the template with cluster-enabled yes',
      template: `Resources:
  ClusterParameters:
    Type: AWS::ElastiCache::ParameterGroup
    Properties:
      Description: cluster mode
      CacheParameterGroupFamily: redis7
      Properties:
        cluster-enabled: 'yes'
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: test
      CacheNodeType: cache.t4g.small
      CacheParameterGroupName: !Ref ClusterParameters
      NumNodeGroups: 1
      ReplicasPerNodeGroup: 1
`,
    },
    { name: 'a cluster-mode default parameter group', template: group('CacheParameterGroupName: default.redis7.cluster.on\nReplicasPerNodeGroup: 2') },
    { name: 'memcached is not a replication group engine', template: group('Engine: memcached\nAutomaticFailoverEnabled: false') },
    {
      name: 'a parameter without a default is unknown',
      template: group('NumCacheClusters: 2\nAutomaticFailoverEnabled: !Ref Failover', 'Parameters:\n  Failover:\n    Type: String\n'),
    },
    {
      name: 'a condition decided by the values given',
      template: group(
        'NumCacheClusters: 2\nAutomaticFailoverEnabled: !If [IsProd, true, false]',
        'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n',
      ),
      parameters: { Env: 'prod' },
    },
  ],
  invalid: [
    {
      name: 'a standalone Redis OSS cache cluster is a single node without failover, at the resource',
      template: cluster('redis'),
      errors: [
        {
          messageId: 'standalone',
          line: 2,
          column: 3,
          message:
            'Cache cluster Cache is a single Redis OSS node in no replication group, so it has no automatic failover: if the node fails, the cache is down until it is replaced.',
        },
      ],
    },
    {
      name: 'a standalone Valkey cache cluster',
      template: cluster('Valkey'),
      errors: [{ messageId: 'standalone', line: 2, column: 3, data: { engine: 'Valkey' } }],
    },
    {
      name: 'account: groups with failover disabled or being disabled (engine left out: Redis OSS), and a standalone Valkey node',
      snapshot: account(
        [
          { ReplicationGroupId: 'sessions', AutomaticFailover: 'disabled', MultiAZ: 'disabled', MemberClusters: ['sessions-001'] },
          { ReplicationGroupId: 'cart', AutomaticFailover: 'disabling', MultiAZ: 'disabled', Engine: 'valkey', MemberClusters: ['cart-001', 'cart-002'] },
        ],
        [
          { CacheClusterId: 'sessions-001', Engine: 'redis', ReplicationGroupId: 'sessions' },
          { CacheClusterId: 'rate-limits', Engine: 'valkey', NumCacheNodes: 1 },
        ],
      ),
      errors: [
        { messageId: 'disabled', at: [...R, 'DescribeReplicationGroups', 'ReplicationGroups', 0, 'ReplicationGroupId'], data: { group: 'sessions' } },
        { messageId: 'disabled', at: [...R, 'DescribeReplicationGroups', 'ReplicationGroups', 1, 'ReplicationGroupId'], data: { group: 'cart' } },
        {
          messageId: 'standalone',
          at: [...R, 'DescribeCacheClusters', 'CacheClusters', 1, 'CacheClusterId'],
          data: { group: 'rate-limits', engine: 'Valkey' },
        },
      ],
    },
    {
      name: 'left out on a single-node group',
      template: group('Engine: redis\nNumCacheClusters: 1'),
      errors: [{ messageId: 'defaultDisabled', line: 3, column: 3, data: { group: 'Cache', via: '' } }],
    },
    {
      name: 'the engine left out is Redis OSS',
      template: group('NumCacheClusters: 2\nMultiAZEnabled: false'),
      errors: [{ messageId: 'defaultDisabled', line: 3, column: 3 }],
    },
    {
      name: 'turned off on Valkey',
      template: group('Engine: valkey\nNumCacheClusters: 2\nAutomaticFailoverEnabled: false'),
      errors: [{ messageId: 'disabled', line: 10, column: 33, data: { group: 'Cache', via: '' } }],
    },
    {
      name: 'off on one branch of Fn::If (cfn-lint E3026 bad)',
      template: group(
        'AutomaticFailoverEnabled: !If [isCluster, false, true]\nEngine: redis\nNumNodeGroups: 2\nNumCacheClusters: 1\nReplicasPerNodeGroup: 3',
        "Parameters:\n  toCluster:\n    Type: String\n    Default: 'yes'\nConditions:\n  isCluster: !Equals [!Ref 'toCluster', 'yes']\n",
      ),
      errors: [{ messageId: 'disabled', line: 14, column: 49, data: { via: ' (when condition isCluster is true)' } }],
    },
    {
      name: 'a parameter whose default is false',
      template: group('NumCacheClusters: 2\nAutomaticFailoverEnabled: !Ref Failover', "Parameters:\n  Failover:\n    Type: String\n    Default: 'false'\n"),
      errors: [{ messageId: 'disabled', line: 13, column: 33, data: { via: ' (default of parameter Failover)' } }],
    },
    {
      name: 'JSON template',
      filename: 'template.json',
      template:
        '{"Resources": {"Sessions": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"ReplicationGroupDescription": "s", "AutomaticFailoverEnabled": "false"}}}}',
      errors: [{ messageId: 'disabled', line: 1, column: 154, data: { group: 'Sessions' } }],
    },
  ],
});

describe('elasticache-no-failover on snapshot entities', () => {
  it('reports a Redis OSS or Valkey group without failover', () => {
    const findings = entityFindings(rule, [
      snapshotCacheReplicationGroup('sessions', { engine: 'redis', automaticFailover: false, numCacheClusters: 1 }),
      snapshotCacheReplicationGroup('queue', { engine: 'valkey', automaticFailover: true, numCacheClusters: 2 }),
      snapshotCacheReplicationGroup('unknown', { engine: 'redis' }),
    ]);
    expect(findings.map((f) => [f.messageId, f.location.arn, f.message])).toEqual([
      [
        'disabled',
        'arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:sessions',
        'Replication group sessions has automatic failover turned off: if its primary node fails, writes stop until it is replaced.',
      ],
    ]);
  });
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
