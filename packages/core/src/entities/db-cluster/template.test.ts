import { describe, expect, it } from 'vitest';
import { templateFrom } from '../../../../../test/entities.js';
import { TemplateGraph } from '../../template/resolution/graph.js';
import { Resolver } from '../../template/resolution/resolve.js';
import { dbClustersOf } from './template.js';

function clusters(body: string) {
  const t = templateFrom(`Resources:\n${body}`);
  return dbClustersOf(t, new Resolver(t), new TemplateGraph(t));
}
const instance = (name: string, cluster: string, extra = ''): string =>
  `  ${name}:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: aurora-mysql, DBClusterIdentifier: ${cluster}${extra}}\n`;

describe('dbClustersOf', () => {
  it('links instances to their cluster through Ref, Fn::If branches and the identifier, not other clusters', () => {
    const out = clusters(
      `  A:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql, DBClusterIdentifier: Orders}\n` +
        `  B:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql}\n` +
        instance('ByRef', '!Ref A') +
        instance('ByName', 'orders') +
        instance('ByIf', '!If [C, !Ref A, !Ref B]') +
        instance('OfB', '!Ref B', ', AvailabilityZone: eu-west-1b'),
    );
    expect(out.map((c) => [c.displayName, c.members])).toEqual([
      ['A', ['ByRef', 'ByName', 'ByIf']],
      ['B', ['ByIf', 'OfB']],
    ]);
  });

  it('defaults: Aurora is provisioned, unencrypted, one day of backups; a KMS key asks for encryption', () => {
    const [plain, kms] = clusters(
      `  P:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql}\n  K:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql, KmsKeyId: k}\n`,
    );
    expect(plain).toMatchObject({ engineMode: 'provisioned', storageEncrypted: false, backupRetentionPeriod: 1, members: [] });
    expect(plain?.settingSources?.storageEncrypted?.defaulted).toBe(true);
    expect(plain?.multiAz).toBeUndefined();
    expect(kms?.storageEncrypted).toBe(true);
  });

  it('Multi-AZ: one instance never; zones from the instances, or the one zone the cluster allows; a Multi-AZ DB cluster by design', () => {
    const out = clusters(
      `  One:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql}\n` +
        instance('One1', '!Ref One', ', AvailabilityZone: eu-west-1a') +
        `  Two:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql}\n` +
        instance('Two1', '!Ref Two', ', AvailabilityZone: eu-west-1a') +
        instance('Two2', '!Ref Two', ', AvailabilityZone: eu-west-1b') +
        `  Pinned:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql, AvailabilityZones: [eu-west-1c]}\n` +
        instance('P1', '!Ref Pinned') +
        instance('P2', '!Ref Pinned') +
        `  Free:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-mysql}\n` +
        instance('F1', '!Ref Free') +
        instance('F2', '!Ref Free') +
        `  Maz:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: postgres, DBClusterInstanceClass: db.m6gd.large}\n`,
    );
    expect(out.map((c) => [c.displayName, c.multiAz ?? null, c.memberZones ?? null])).toEqual([
      ['One', false, ['eu-west-1a']],
      ['Two', true, ['eu-west-1a', 'eu-west-1b']],
      ['Pinned', false, ['eu-west-1c']],
      ['Free', null, null],
      ['Maz', true, null],
    ]);
  });

  it('a global database: from a source cluster its encryption is that cluster’s; else its own, unencrypted by default', () => {
    const out = clusters(
      `  G1:\n    Type: AWS::RDS::GlobalCluster\n    Properties: {SourceDBClusterIdentifier: !Ref Primary}\n` +
        `  G2:\n    Type: AWS::RDS::GlobalCluster\n    Properties: {Engine: aurora-postgresql}\n` +
        `  Primary:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql, StorageEncrypted: true}\n` +
        `  Secondary:\n    Type: AWS::RDS::DBCluster\n    Properties: {Engine: aurora-postgresql, GlobalClusterIdentifier: !Ref G2}\n`,
    );
    expect(out.map((c) => [c.displayName, c.resourceType, c.storageEncrypted ?? null, c.members])).toEqual([
      ['G1', 'GlobalCluster', null, []],
      ['G2', 'GlobalCluster', false, ['Secondary']],
      ['Primary', 'DBCluster', true, []],
      ['Secondary', 'DBCluster', null, []],
    ]);
  });
});
