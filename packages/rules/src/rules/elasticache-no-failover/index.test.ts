import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
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

ruleTester.run(rule, {
  valid: [
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
