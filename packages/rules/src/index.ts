import type { AnyRule } from '@mamori/core';
import databaseIngressFromCidr from './rules/database-ingress-from-cidr/index.js';
import elasticacheNoFailover from './rules/elasticache-no-failover/index.js';
import hardcodedAwsCredentials from './rules/hardcoded-aws-credentials/index.js';
import rdsBackupsDisabled from './rules/rds-backups-disabled/index.js';
import rdsNotMultiAz from './rules/rds-not-multi-az/index.js';
import rdsPubliclyAccessible from './rules/rds-publicly-accessible/index.js';
import rdsStorageUnencrypted from './rules/rds-storage-unencrypted/index.js';
import singleAzDeployment from './rules/single-az-deployment/index.js';
import worldOpenIngress from './rules/world-open-ingress/index.js';

/** The built-in catalog, in id order. */
export const rules: readonly AnyRule[] = [
  worldOpenIngress,
  databaseIngressFromCidr,
  hardcodedAwsCredentials,
  rdsNotMultiAz,
  rdsPubliclyAccessible,
  rdsStorageUnencrypted,
  rdsBackupsDisabled,
  singleAzDeployment,
  elasticacheNoFailover,
];

export {
  databaseIngressFromCidr,
  elasticacheNoFailover,
  hardcodedAwsCredentials,
  rdsBackupsDisabled,
  rdsNotMultiAz,
  rdsPubliclyAccessible,
  rdsStorageUnencrypted,
  singleAzDeployment,
  worldOpenIngress,
};
