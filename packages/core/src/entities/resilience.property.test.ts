import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadTemplate } from '../template/load.js';
import { TemplateGraph } from '../template/resolution/graph.js';
import { Resolver } from '../template/resolution/resolve.js';
import { azSpansOf } from './az-span/template.js';
import { cacheReplicationGroupsOf } from './cache-replication-group/template.js';
import { dbClustersOf } from './db-cluster/template.js';
import { dbInstancesOf } from './db-instance/template.js';
import { securityGroupsOf } from './security-group/template.js';

describe('the resilience extractors on malformed templates', () => {
  const TYPES = [
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBSubnetGroup',
    'AWS::RDS::DBSecurityGroup',
    'AWS::RDS::DBSecurityGroupIngress',
    'AWS::EC2::Subnet',
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::ElasticLoadBalancing::LoadBalancer',
    'AWS::AutoScaling::AutoScalingGroup',
    'AWS::ElastiCache::ReplicationGroup',
    'AWS::ElastiCache::ParameterGroup',
    'AWS::ElastiCache::CacheCluster',
    'AWS::RDS::GlobalCluster',
  ];
  const KEYS = [
    'Engine',
    'MultiAZ',
    'PubliclyAccessible',
    'StorageEncrypted',
    'BackupRetentionPeriod',
    'Port',
    'VPCSecurityGroups',
    'DBSecurityGroups',
    'DBClusterIdentifier',
    'SourceDBInstanceIdentifier',
    'DBSnapshotIdentifier',
    'DBSubnetGroupName',
    'SubnetIds',
    'Subnets',
    'SubnetMappings',
    'AvailabilityZones',
    'VPCZoneIdentifier',
    'AvailabilityZone',
    'AutomaticFailoverEnabled',
    'NumCacheClusters',
    'NumNodeGroups',
    'ReplicasPerNodeGroup',
    'NodeGroupConfiguration',
    'CacheParameterGroupName',
    'DBSecurityGroupIngress',
    'DBSecurityGroupName',
    'VpcSecurityGroupIds',
    'DBClusterInstanceClass',
    'EngineMode',
    'GlobalClusterIdentifier',
    'SourceDBClusterIdentifier',
    'KmsKeyId',
    'PrimaryClusterId',
  ];
  const refs = fc.constantFrom('A', 'B', 'P', 'AWS::NoValue', 'AWS::Region', 'Missing');
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1, max: 70000 }), fc.constantFrom('', 'x', 'true', '0', 'a,b', 'subnet-1')),
    intrinsic: fc.oneof(
      refs.map((r) => ({ Ref: r })),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => ({ 'Fn::If': ['C', a, b] })),
      fc.tuple(fc.constantFrom(0, 1, 'x'), refs).map(([i, r]) => ({ 'Fn::Select': [i, { 'Fn::GetAZs': { Ref: r } }] })),
      refs.map((r) => ({ 'Fn::GetAtt': [r, 'CidrBlock'] })),
    ),
    node: fc.oneof(
      { maxDepth: 3 },
      tie('leaf'),
      tie('intrinsic'),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('SubnetId', 'CIDRIP', 'x'), tie('node'), { maxKeys: 2 }),
    ),
  })).node;
  const resource = fc.record({ Type: fc.constantFrom(...TYPES), Properties: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }) });

  it('never throw, whatever the properties hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), resource, { minKeys: 1 }), (resources) => {
        const text = JSON.stringify({
          Parameters: { P: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1' } },
          Conditions: { C: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'x'] } },
          Resources: resources,
        });
        const t = loadTemplate('t.json', text, true).template;
        if (!t) return;
        const resolver = new Resolver(t);
        dbInstancesOf(t, resolver, securityGroupsOf(t, resolver));
        azSpansOf(t, resolver);
        const graph = new TemplateGraph(t);
        cacheReplicationGroupsOf(t, resolver, graph);
        dbClustersOf(t, resolver, graph);
      }),
      { numRuns: 300 },
    );
  });
});
