import { describe, expect, it } from 'vitest';
import { templateFrom } from '../../../../../test/entities.js';
import type { DbInstance } from '../../model/entities.js';
import { Resolver } from '../../template/resolution/resolve.js';
import { securityGroupsOf } from '../security-group/template.js';
import { dbInstancesOf } from './template.js';

const template = (body: string) => templateFrom(`AWSTemplateFormatVersion: '2010-09-09'\n${body}`);

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
