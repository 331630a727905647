import type { EntityBase, SettingSource } from '../../model/entity.js';

/** The settings of a DB cluster whose source a rule can point at. */
export type DbClusterSetting = 'multiAz' | 'publiclyAccessible' | 'storageEncrypted' | 'backupRetentionPeriod';

/**
 * An RDS DB cluster: Aurora, or a Multi-AZ DB cluster of RDS for MySQL or PostgreSQL
 * (`AWS::RDS::DBCluster`, `DescribeDBClusters`), or an Aurora global database
 * (`AWS::RDS::GlobalCluster`). The settings it holds for its member instances are judged here, once,
 * and the findings name the members.
 */
export interface DbCluster extends EntityBase {
  kind: 'DbCluster';
  /** `DBClusterIdentifier` (`GlobalClusterIdentifier`), or the template's logical id when it is not written. */
  clusterId: string;
  /** A DB cluster, or an Aurora global database (which judges only encryption). */
  resourceType: 'DBCluster' | 'GlobalCluster';
  /** Lower case: `aurora-postgresql`, `mysql` ... */
  engine?: string;
  /** `provisioned`, `serverless` (Aurora Serverless v1, which has no instances of its own), `global` ... */
  engineMode?: string;
  /** A Multi-AZ DB cluster (a writer and two readers in three zones, `DBClusterInstanceClass`): Multi-AZ by design. */
  multiAzCluster?: boolean;
  /** The member instances' identifiers (template: their logical ids), in order. */
  members: string[];
  /** The zones the members run in, where known. */
  memberZones?: string[];
  /** Whether the members span more than one Availability Zone; undefined when it cannot be known. */
  multiAz?: boolean;
  storageEncrypted?: boolean;
  /** Days of automated backups; RDS keeps at least one for clusters, so 0 is only ever asked for. */
  backupRetentionPeriod?: number;
  /** Multi-AZ DB clusters only, when no member instance of the same input says it for itself. */
  publiclyAccessible?: boolean;
  /** Template entities only: where each setting is written, or that it is left to its default. */
  settingSources?: Partial<Record<DbClusterSetting, SettingSource>>;
}
