import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { azSpansOf } from '../entities/az-span/template.js';
import { cacheReplicationGroupsOf } from '../entities/cache-replication-group/template.js';
import { dbInstancesOf } from '../entities/db-instance/template.js';
import { securityGroupsOf } from '../entities/security-group/template.js';
import type { DbInstance } from '../model/entities.js';
import { loadTemplate } from './load.js';
import { Resolver } from './resolution/resolve.js';
import type { Template } from './template.js';

function template(body: string): Template {
  const out = loadTemplate('t.yaml', `AWSTemplateFormatVersion: '2010-09-09'\n${body}`, true);
  if (!out.template) throw new Error(JSON.stringify(out.notifications));
  return out.template;
}

function dbs(body: string, parameters?: Record<string, string>): DbInstance[] {
  const t = template(body);
  const resolver = new Resolver(t, parameters ? { parameters } : {});
  return dbInstancesOf(t, resolver, securityGroupsOf(t, resolver));
}

/** The settings rules read, without locations. */
function settings(db: DbInstance | undefined) {
  if (!db) return undefined;
  const { kind, engine, clusterId, multiAz, publiclyAccessible, storageEncrypted, backupRetentionPeriod, port, securityGroupIds, readReplicaSource } = db;
  return { kind, engine, clusterId, multiAz, publiclyAccessible, storageEncrypted, backupRetentionPeriod, port, securityGroupIds, readReplicaSource };
}

describe('dbInstancesOf', () => {
  it('fills in what CloudFormation and RDS default to', () => {
    const [db] = dbs('Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: MySQL\n');
    expect(settings(db)).toEqual({
      kind: 'DbInstance',
      engine: 'mysql',
      clusterId: undefined,
      multiAz: false,
      publiclyAccessible: true,
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      port: 3306,
      securityGroupIds: [],
      readReplicaSource: undefined,
    });
    expect(db?.settingSources?.multiAz).toEqual({ location: db?.location, defaulted: true });
    expect(db?.dbInstanceId).toBe('Db');
  });

  it('reads written values, the identifier and an explicit port', () => {
    const [db] = dbs(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: orders
      Engine: postgres
      Port: '6432'
      MultiAZ: 'true'
      PubliclyAccessible: false
      StorageEncrypted: true
      BackupRetentionPeriod: 14
`);
    expect(settings(db)).toMatchObject({
      engine: 'postgres',
      multiAz: true,
      publiclyAccessible: false,
      storageEncrypted: true,
      backupRetentionPeriod: 14,
      port: 6432,
    });
    expect(db?.dbInstanceId).toBe('orders');
    expect(db?.settingSources?.port?.location.line).toBe(8);
  });

  it('leaves cluster members to the cluster, and takes the engine and port from a cluster in the template', () => {
    const [db] = dbs(`Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
`);
    expect(settings(db)).toMatchObject({ engine: 'aurora-postgresql', clusterId: 'Cluster', port: 5432 });
    expect([db?.multiAz, db?.publiclyAccessible, db?.storageEncrypted, db?.backupRetentionPeriod]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a read replica names its source and leaves backups to it; a point-in-time restore is not a replica', () => {
    const [primary, replica, restored] = dbs(`Resources:
  Primary:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mariadb, StorageEncrypted: true}
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: {SourceDBInstanceIdentifier: !Ref Primary}
  Restored:
    Type: AWS::RDS::DBInstance
    Properties: {SourceDBInstanceIdentifier: !Ref Primary, UseLatestRestorableTime: true}
`);
    expect(primary?.readReplicaSource).toBeUndefined();
    expect(settings(replica)).toMatchObject({
      readReplicaSource: 'Primary',
      engine: 'mariadb',
      port: 3306,
      storageEncrypted: true,
      backupRetentionPeriod: undefined,
    });
    expect(replica?.settingSources?.storageEncrypted?.inheritedFrom).toBe('Primary');
    expect(settings(restored)).toMatchObject({ readReplicaSource: undefined, backupRetentionPeriod: 1, storageEncrypted: true });
  });

  it('resolves security groups: template groups by Ref and GetAtt, literal ids, and standalone ingress on an outside group', () => {
    const t = template(`Parameters:
  ExtraSg: {Type: String, Default: sg-0extra}
Resources:
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: db}
  OtherSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: other}
  Office:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: sg-0outside, IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/8}
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      VPCSecurityGroups: [!GetAtt DbSg.GroupId, !Ref OtherSg, sg-0outside, !Ref ExtraSg, !ImportValue shared-sg]
`);
    const resolver = new Resolver(t);
    const groups = securityGroupsOf(t, resolver);
    const [db] = dbInstancesOf(t, resolver, groups);
    expect(db?.securityGroupIds).toEqual(['DbSg', 'OtherSg', 'sg-0outside', 'sg-0extra']);
    expect(db?.securityGroups.map((g) => g.displayName)).toEqual(['DbSg', 'OtherSg', 'Office']);
    // The same objects the template's security group entities are: computed once per template.
    expect(db?.securityGroups[0]).toBe(groups.find((g) => g.displayName === 'DbSg'));
  });

  it('skips an instance whose Condition is false for the values given', () => {
    const body =
      'Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Condition: IsProd\n    Properties: {Engine: mysql}\n';
    expect(dbs(body, { Env: 'dev' })).toEqual([]);
    expect(dbs(body)).toHaveLength(1);
  });
});

describe('azSpansOf', () => {
  const SUBNETS = `  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZoneId: use1-az4}
  C:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.3.0/24}
`;

  function spans(resources: string, head = '') {
    const t = template(`${head}Resources:\n${SUBNETS}${resources}`);
    return azSpansOf(t, new Resolver(t)).map(({ resourceType, name, subnetIds, availabilityZones }) => ({ resourceType, name, subnetIds, availabilityZones }));
  }

  it('follows template subnets to their zone or zone id', () => {
    expect(
      spans('  G:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties: {DBSubnetGroupDescription: g, DBSubnetGroupName: db, SubnetIds: [!Ref A, !Ref B]}\n'),
    ).toEqual([{ resourceType: 'DbSubnetGroup', name: 'db', subnetIds: ['A', 'B'], availabilityZones: ['Fn::GetAZs[0]', 'use1-az4'] }]);
  });

  it('a subnet without a zone, or a literal id, leaves the zones unknown', () => {
    expect(spans('  L:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: {Subnets: [!Ref A, !Ref C, subnet-0d]}\n')).toEqual([
      { resourceType: 'LoadBalancer', name: 'L', subnetIds: ['A', 'C', 'subnet-0d'], availabilityZones: undefined },
    ]);
  });

  it('counts comma-separated subnets of an Auto Scaling group, and gives up on an unknown item', () => {
    const asg = (zone: string) =>
      `  W:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: {MinSize: '1', MaxSize: '1', VPCZoneIdentifier: ${zone}}\n`;
    expect(spans(asg("['subnet-0a, subnet-0b']"))[0]?.subnetIds).toEqual(['subnet-0a', 'subnet-0b']);
    expect(spans(asg('[!ImportValue app-subnets]'))[0]?.subnetIds).toEqual([]);
    expect(spans(asg('!Ref Subnets'), 'Parameters:\n  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}\n')[0]?.subnetIds).toEqual([]);
  });

  it('lists zones written directly when there are no subnets', () => {
    expect(
      spans('  E:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties: {AvailabilityZones: [us-east-1a, us-east-1b], Listeners: []}\n'),
    ).toEqual([{ resourceType: 'LoadBalancer', name: 'E', subnetIds: [], availabilityZones: ['us-east-1a', 'us-east-1b'] }]);
  });
});

describe('cacheReplicationGroupsOf', () => {
  function groups(props: string) {
    const t = template(`Resources:\n  G:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties: {ReplicationGroupDescription: g, ${props}}\n`);
    return cacheReplicationGroupsOf(t, new Resolver(t)).map(({ engine, automaticFailover, multiAz, numCacheClusters }) => ({
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
});

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
        cacheReplicationGroupsOf(t, resolver);
      }),
      { numRuns: 300 },
    );
  });
});
