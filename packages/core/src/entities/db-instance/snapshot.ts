import { withStack } from '../../snapshot/stack-tags.js';
import { nonEmpty } from '../../util/non-empty.js';
import type { SecurityGroup } from '../security-group/types.js';
import type { SnapshotInput } from '../slice.js';
import type { DbInstance } from './types.js';

/** Every `DescribeDBInstances` item, with its security groups and what its cluster says of encryption. */
export function dbInstancesFromSnapshot(input: SnapshotInput): DbInstance[] {
  const out: DbInstance[] = [];
  // Security groups by region and id, each with its place in the list, so a database's come in list order.
  const groups = new Map<string, { order: number; group: SecurityGroup }[]>();
  input.of('SecurityGroup').forEach((g, order) => {
    const key = `${g.region}\u0000${g.groupId}`;
    const list = groups.get(key);
    if (list) list.push({ order, group: g });
    else groups.set(key, [{ order, group: g }]);
  });
  const groupsOf = (region: string, ids: readonly string[]): SecurityGroup[] => {
    // Most databases have one group, whose list is already in order.
    if (ids.length === 1) return (groups.get(`${region}\u0000${ids[0]}`) ?? []).map((g) => g.group);
    return [...new Set(ids)]
      .flatMap((id) => groups.get(`${region}\u0000${id}`) ?? [])
      .sort((a, b) => a.order - b.order)
      .map((g) => g.group);
  };
  for (const [region, r] of input.regions()) {
    const clusters = new Map((r.rds?.DescribeDBClusters?.DBClusters ?? []).map((c) => [c.DBClusterIdentifier ?? '', c]));
    (r.rds?.DescribeDBInstances?.DBInstances ?? []).forEach((db, i) => {
      const dbInstanceId = db.DBInstanceIdentifier ?? String(i);
      const arn = db.DBInstanceArn ?? `arn:${input.partition}:rds:${region}:${input.account}:db:${dbInstanceId}`;
      const cluster = db.DBClusterIdentifier ? clusters.get(db.DBClusterIdentifier) : undefined;
      const securityGroupIds = (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter((id) => id !== '');
      const storageEncrypted = db.StorageEncrypted ?? cluster?.StorageEncrypted;
      const port = db.Endpoint?.Port ?? db.DbInstancePort;
      const readReplicaSource = nonEmpty(db.ReadReplicaSourceDBInstanceIdentifier) ?? nonEmpty(db.ReadReplicaSourceDBClusterIdentifier);
      const instance: DbInstance = {
        kind: 'DbInstance',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'rds', 'DescribeDBInstances', 'DBInstances', i, 'DBInstanceIdentifier'], arn),
        displayName: dbInstanceId,
        dbInstanceId,
        ...(db.Engine ? { engine: db.Engine } : {}),
        ...(db.DBClusterIdentifier ? { clusterId: db.DBClusterIdentifier } : {}),
        ...(db.MultiAZ !== undefined ? { multiAz: db.MultiAZ } : {}),
        ...(db.PubliclyAccessible !== undefined ? { publiclyAccessible: db.PubliclyAccessible } : {}),
        ...(storageEncrypted !== undefined ? { storageEncrypted } : {}),
        ...(db.BackupRetentionPeriod !== undefined ? { backupRetentionPeriod: db.BackupRetentionPeriod } : {}),
        ...(port !== undefined && port > 0 ? { port } : {}),
        securityGroupIds,
        securityGroups: groupsOf(region, securityGroupIds),
        ...(readReplicaSource ? { readReplicaSource } : {}),
      };
      out.push(withStack(instance, db.TagList));
    });
  }
  return out;
}
