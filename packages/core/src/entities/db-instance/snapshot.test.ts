import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { DbInstance } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('databases from the recorded account snapshot', () => {
  it('the public single-AZ unencrypted database, with its security group', () => {
    const [db] = of('DbInstance', loaded.entities);
    expect(db).toMatchObject<Partial<DbInstance>>({
      id: 'arn:aws:rds:eu-west-1:123456789012:db:legacy-mysql',
      dbInstanceId: 'legacy-mysql',
      engine: 'mysql',
      multiAz: false,
      publiclyAccessible: true,
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      port: 3306,
      securityGroupIds: ['sg-b97a59397aaeed111'],
    });
    expect(db?.securityGroups.map((g) => g.groupId)).toEqual(['sg-b97a59397aaeed111']);
    expect(db?.location).toMatchObject(at([...R, 'rds', 'DescribeDBInstances', 'DBInstances', 0, 'DBInstanceIdentifier']));
  });
});

describe('databases from snapshots', () => {
  it('Aurora members carry their cluster; encryption comes from the cluster when the instance omits it', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          rds: {
            DescribeDBInstances: {
              DBInstances: [
                { DBInstanceIdentifier: 'orders-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', MultiAZ: false, PubliclyAccessible: false },
              ],
            },
            DescribeDBClusters: {
              DBClusters: [
                {
                  DBClusterIdentifier: 'orders',
                  StorageEncrypted: true,
                  MultiAZ: true,
                  DBClusterMembers: [{ DBInstanceIdentifier: 'orders-1', IsClusterWriter: true }],
                },
              ],
            },
          },
        },
      },
    });
    const [db] = of('DbInstance', loadSnapshot('s.json', doc).entities);
    expect(db).toMatchObject({ clusterId: 'orders', storageEncrypted: true, multiAz: false, id: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-1` });
  });

  it('a read replica names its source instance, or the cluster it replicates', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          rds: {
            DescribeDBInstances: {
              DBInstances: [
                { DBInstanceIdentifier: 'shop', Engine: 'mysql', BackupRetentionPeriod: 7, ReadReplicaDBInstanceIdentifiers: ['shop-replica'] },
                { DBInstanceIdentifier: 'shop-replica', Engine: 'mysql', BackupRetentionPeriod: 0, ReadReplicaSourceDBInstanceIdentifier: 'shop' },
                {
                  DBInstanceIdentifier: 'orders-replica',
                  Engine: 'mysql',
                  BackupRetentionPeriod: 0,
                  ReadReplicaSourceDBClusterIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`,
                },
              ],
            },
          },
        },
      },
    });
    expect(of('DbInstance', loadSnapshot('s.json', doc).entities).map((d) => [d.dbInstanceId, d.readReplicaSource])).toEqual([
      ['shop', undefined],
      ['shop-replica', 'shop'],
      ['orders-replica', `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`],
    ]);
  });
});
