import type { ApiDbInstance } from '../../snapshot/format.js';
import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import type { DbCluster } from './types.js';

/**
 * Every `DescribeDBClusters` item. Its members are those it lists and the `DescribeDBInstances`
 * instances naming it. They span zones when the cluster says so (`MultiAZ`, which RDS sets when its
 * instances are in several zones) or the instances do; a single instance never does.
 */
export function dbClustersFromSnapshot(input: SnapshotInput): DbCluster[] {
  const out: DbCluster[] = [];
  for (const [region, r] of input.regions()) {
    // The instances naming each cluster, in list order: looked up, not searched for each of thousands of clusters.
    const byCluster = new Map<string, ApiDbInstance[]>();
    for (const d of r.rds?.DescribeDBInstances?.DBInstances ?? []) {
      if (d.DBClusterIdentifier === undefined) continue;
      const key = d.DBClusterIdentifier.toLowerCase();
      const list = byCluster.get(key);
      if (list) list.push(d);
      else byCluster.set(key, [d]);
    }
    (r.rds?.DescribeDBClusters?.DBClusters ?? []).forEach((c, i) => {
      const clusterId = c.DBClusterIdentifier ?? String(i);
      const arn = c.DBClusterArn ?? `arn:${input.partition}:rds:${region}:${input.account}:cluster:${clusterId}`;
      const own = byCluster.get(clusterId.toLowerCase()) ?? [];
      const members = [
        ...new Set([
          ...(c.DBClusterMembers ?? []).flatMap((m) => (m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [])),
          ...own.map((d) => d.DBInstanceIdentifier),
        ]),
      ];
      const zoneOf = new Map(own.flatMap((d) => (d.AvailabilityZone ? [[d.DBInstanceIdentifier, d.AvailabilityZone] as const] : [])));
      const zones = members.every((m) => zoneOf.has(m)) ? [...new Set(members.map((m) => zoneOf.get(m) ?? ''))] : undefined;
      const engineMode = c.EngineMode?.toLowerCase();
      const multiAzCluster = c.DBClusterInstanceClass !== undefined && !(c.Engine ?? '').toLowerCase().startsWith('aurora');
      let multiAz: boolean | undefined;
      if (multiAzCluster) multiAz = true;
      else if (engineMode === 'serverless' || members.length === 0) multiAz = undefined;
      else if (members.length === 1) multiAz = false;
      // RDS sets MultiAZ when the instances span zones; instances all in one zone say otherwise only when it is not set.
      else if (c.MultiAZ === true || (zones && zones.length > 1)) multiAz = true;
      else multiAz = zones ? false : c.MultiAZ;
      const cluster: DbCluster = {
        kind: 'DbCluster',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'rds', 'DescribeDBClusters', 'DBClusters', i, 'DBClusterIdentifier'], arn),
        displayName: clusterId,
        clusterId,
        resourceType: 'DBCluster',
        ...(c.Engine ? { engine: c.Engine.toLowerCase() } : {}),
        ...(engineMode ? { engineMode } : {}),
        ...(multiAzCluster ? { multiAzCluster } : {}),
        members,
        ...(zones && zones.length > 0 ? { memberZones: zones } : {}),
        ...(multiAz !== undefined ? { multiAz } : {}),
        ...(c.StorageEncrypted !== undefined ? { storageEncrypted: c.StorageEncrypted } : {}),
        ...(c.BackupRetentionPeriod !== undefined ? { backupRetentionPeriod: c.BackupRetentionPeriod } : {}),
        // The member instances say it for themselves when they are listed.
        ...(multiAzCluster && own.length === 0 && c.PubliclyAccessible !== undefined ? { publiclyAccessible: c.PubliclyAccessible } : {}),
      };
      out.push(withStack(cluster, c.TagList));
    });
  }
  return out;
}
