import type { EntityBase, SettingSource } from '../../model/entity.js';
import type { SecurityGroup } from '../security-group/types.js';

/** The settings of a DB instance whose source a rule can point at. */
export type DbInstanceSetting = 'multiAz' | 'publiclyAccessible' | 'storageEncrypted' | 'backupRetentionPeriod' | 'port';

/** An RDS DB instance (`AWS::RDS::DBInstance`, `DescribeDBInstances`). */
export interface DbInstance extends EntityBase {
  kind: 'DbInstance';
  dbInstanceId: string;
  engine?: string;
  /** Set for Aurora and Multi-AZ DB cluster members: availability is the cluster's business. */
  clusterId?: string;
  multiAz?: boolean;
  publiclyAccessible?: boolean;
  storageEncrypted?: boolean;
  backupRetentionPeriod?: number;
  port?: number;
  securityGroupIds: string[];
  /** The security groups among `securityGroupIds` that the same input defines. */
  securityGroups: SecurityGroup[];
  /** The source instance of a read replica (`SourceDBInstanceIdentifier`, `ReadReplicaSourceDBInstanceIdentifier`). */
  readReplicaSource?: string;
  /** Template entities only: where each setting is written, or that it is left to its default. */
  settingSources?: Partial<Record<DbInstanceSetting, SettingSource>>;
}
