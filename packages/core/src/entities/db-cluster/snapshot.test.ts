import { describe, expect, it } from 'vitest';
import { at, of } from '../../../../../test/entities.js';
import { DB_CLUSTER, dbClustersSnapshot } from '../../../../../test/snapshot-builder.js';
import type { DbCluster } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

const clusters = (doc: string): DbCluster[] => of('DbCluster', loadSnapshot('s.json', doc).entities);
const aurora = (id: string, az: string): Record<string, unknown> => ({
  DBInstanceIdentifier: id,
  Engine: 'aurora-postgresql',
  DBClusterIdentifier: 'orders',
  AvailabilityZone: az,
});

describe('DB clusters from snapshots', () => {
  it('members from the cluster and from the instances naming it; zones from the instances', () => {
    const doc = dbClustersSnapshot(
      [
        {
          DBClusterIdentifier: 'orders',
          DBClusterArn: 'arn:aws:rds:eu-west-1:123456789012:cluster:orders',
          Engine: 'aurora-postgresql',
          EngineMode: 'provisioned',
          MultiAZ: false,
          StorageEncrypted: false,
          BackupRetentionPeriod: 7,
          DBClusterMembers: [{ DBInstanceIdentifier: 'orders-1', IsClusterWriter: true }],
        },
      ],
      [aurora('orders-1', 'eu-west-1a'), aurora('orders-2', 'eu-west-1a')],
    );
    const [c] = clusters(doc);
    expect(c).toMatchObject<Partial<DbCluster>>({
      id: 'arn:aws:rds:eu-west-1:123456789012:cluster:orders',
      clusterId: 'orders',
      resourceType: 'DBCluster',
      engine: 'aurora-postgresql',
      engineMode: 'provisioned',
      members: ['orders-1', 'orders-2'],
      memberZones: ['eu-west-1a'],
      multiAz: false,
      storageEncrypted: false,
      backupRetentionPeriod: 7,
    });
    expect(c?.location).toMatchObject(at(DB_CLUSTER(0), doc));
  });

  it('Multi-AZ: the cluster saying so, instances in two zones; a single instance never; unknown without instances or for Serverless v1', () => {
    const doc = dbClustersSnapshot(
      [
        {
          DBClusterIdentifier: 'said',
          Engine: 'aurora-mysql',
          MultiAZ: true,
          DBClusterMembers: [{ DBInstanceIdentifier: 'a' }, { DBInstanceIdentifier: 'b' }],
        },
        { DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql', MultiAZ: false },
        { DBClusterIdentifier: 'solo', Engine: 'aurora-mysql', MultiAZ: true, DBClusterMembers: [{ DBInstanceIdentifier: 'solo-1' }] },
        { DBClusterIdentifier: 'headless', Engine: 'aurora-mysql', MultiAZ: false, DBClusterMembers: [] },
        { DBClusterIdentifier: 'sls', Engine: 'aurora-mysql', EngineMode: 'serverless', MultiAZ: false, DBClusterMembers: [{ DBInstanceIdentifier: 'x' }] },
        { DBClusterIdentifier: 'maz', Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', PubliclyAccessible: true },
        { DBClusterIdentifier: 'maz-listed', Engine: 'mysql', DBClusterInstanceClass: 'db.m6gd.large', PubliclyAccessible: true },
      ],
      [
        aurora('orders-1', 'eu-west-1a'),
        aurora('orders-2', 'eu-west-1b'),
        { DBInstanceIdentifier: 'maz-listed-1', Engine: 'mysql', DBClusterIdentifier: 'maz-listed' },
      ],
    );
    expect(clusters(doc).map((c) => [c.clusterId, c.multiAz ?? null, c.multiAzCluster ?? false, c.publiclyAccessible ?? null])).toEqual([
      ['said', true, false, null],
      ['orders', true, false, null],
      ['solo', false, false, null],
      ['headless', null, false, null],
      ['sls', null, false, null],
      ['maz', true, true, true],
      // Its instances are listed and say it for themselves.
      ['maz-listed', true, true, null],
    ]);
  });
});
