import { type AnyRule, type ScanOptions, type ScanResult, type ScanTextOptions, scanText as scanTextWithRules, scan as scanWithRules } from '@mamori/core';
import accessKeySecretExposed from './rules/access-key-secret-exposed/index.js';
import cloudtrailAllDataEvents from './rules/cloudtrail-all-data-events/index.js';
import cloudtrailBucketNoLifecycle from './rules/cloudtrail-bucket-no-lifecycle/index.js';
import cloudtrailDuplicateManagementEvents from './rules/cloudtrail-duplicate-management-events/index.js';
import cloudtrailLogValidationOff from './rules/cloudtrail-log-validation-off/index.js';
import cloudtrailMissing from './rules/cloudtrail-missing/index.js';
import cloudtrailNotLogging from './rules/cloudtrail-not-logging/index.js';
import cloudtrailNotMultiRegion from './rules/cloudtrail-not-multi-region/index.js';
import databaseIngressFromCidr from './rules/database-ingress-from-cidr/index.js';
import eipUnattached from './rules/eip-unattached/index.js';
import elasticacheNoFailover from './rules/elasticache-no-failover/index.js';
import hardcodedAwsCredentials from './rules/hardcoded-aws-credentials/index.js';
import iamAccessKeyNotRotated from './rules/iam-access-key-not-rotated/index.js';
import iamAccessKeyUnused from './rules/iam-access-key-unused/index.js';
import iamConsoleUserUnusedKey from './rules/iam-console-user-unused-key/index.js';
import iamConsoleUserWithoutMfa from './rules/iam-console-user-without-mfa/index.js';
import iamPolicyAdminStar from './rules/iam-policy-admin-star/index.js';
import iamRoleTrustAnyPrincipal from './rules/iam-role-trust-any-principal/index.js';
import iamUserDirectPolicy from './rules/iam-user-direct-policy/index.js';
import iamUserInactive from './rules/iam-user-inactive/index.js';
import iamUserNoGroup from './rules/iam-user-no-group/index.js';
import instanceWithoutProfile from './rules/instance-without-profile/index.js';
import literalPassword from './rules/literal-password/index.js';
import naclWorldOpenAdmin from './rules/nacl-world-open-admin/index.js';
import natGatewayUnused from './rules/nat-gateway-unused/index.js';
import noBillingGuardrail from './rules/no-billing-guardrail/index.js';
import passwordParameterWithoutNoecho from './rules/password-parameter-without-noecho/index.js';
import rdsBackupsDisabled from './rules/rds-backups-disabled/index.js';
import rdsNotMultiAz from './rules/rds-not-multi-az/index.js';
import rdsPubliclyAccessible from './rules/rds-publicly-accessible/index.js';
import rdsStorageUnencrypted from './rules/rds-storage-unencrypted/index.js';
import rootAccessKeys from './rules/root-access-keys/index.js';
import rootMfaDisabled from './rules/root-mfa-disabled/index.js';
import rootRecentlyUsed from './rules/root-recently-used/index.js';
import singleAzDeployment from './rules/single-az-deployment/index.js';
import worldOpenIngress from './rules/world-open-ingress/index.js';

/** The built-in catalog, in id order. */
export const rules: readonly AnyRule[] = [
  worldOpenIngress,
  naclWorldOpenAdmin,
  databaseIngressFromCidr,
  iamPolicyAdminStar,
  iamUserDirectPolicy,
  accessKeySecretExposed,
  literalPassword,
  passwordParameterWithoutNoecho,
  rootRecentlyUsed,
  rootAccessKeys,
  rootMfaDisabled,
  iamAccessKeyUnused,
  iamAccessKeyNotRotated,
  iamConsoleUserWithoutMfa,
  iamRoleTrustAnyPrincipal,
  iamUserInactive,
  iamConsoleUserUnusedKey,
  iamUserNoGroup,
  hardcodedAwsCredentials,
  instanceWithoutProfile,
  cloudtrailNotMultiRegion,
  cloudtrailLogValidationOff,
  cloudtrailNotLogging,
  cloudtrailMissing,
  rdsNotMultiAz,
  rdsPubliclyAccessible,
  rdsStorageUnencrypted,
  rdsBackupsDisabled,
  singleAzDeployment,
  elasticacheNoFailover,
  eipUnattached,
  natGatewayUnused,
  cloudtrailAllDataEvents,
  cloudtrailDuplicateManagementEvents,
  cloudtrailBucketNoLifecycle,
  noBillingGuardrail,
];

export {
  accessKeySecretExposed,
  cloudtrailAllDataEvents,
  cloudtrailBucketNoLifecycle,
  cloudtrailDuplicateManagementEvents,
  cloudtrailLogValidationOff,
  cloudtrailMissing,
  cloudtrailNotLogging,
  cloudtrailNotMultiRegion,
  databaseIngressFromCidr,
  eipUnattached,
  elasticacheNoFailover,
  hardcodedAwsCredentials,
  iamAccessKeyNotRotated,
  iamAccessKeyUnused,
  iamConsoleUserUnusedKey,
  iamConsoleUserWithoutMfa,
  iamPolicyAdminStar,
  iamRoleTrustAnyPrincipal,
  iamUserDirectPolicy,
  iamUserInactive,
  iamUserNoGroup,
  instanceWithoutProfile,
  literalPassword,
  naclWorldOpenAdmin,
  natGatewayUnused,
  noBillingGuardrail,
  passwordParameterWithoutNoecho,
  rdsBackupsDisabled,
  rdsNotMultiAz,
  rdsPubliclyAccessible,
  rdsStorageUnencrypted,
  rootAccessKeys,
  rootMfaDisabled,
  rootRecentlyUsed,
  singleAzDeployment,
  worldOpenIngress,
};

/** `scan` and `scanText` options for the catalog: `rules` defaults to it (give a subset, or add your own to it). */
export type CatalogScanOptions = Omit<ScanOptions, 'rules'> & { rules?: readonly AnyRule[] };
export type CatalogScanTextOptions = Omit<ScanTextOptions, 'rules'> & { rules?: readonly AnyRule[] };

/** `scan` of `@mamori/core` with the built-in catalog, as the `mamori` command runs it. */
export function scan(options: CatalogScanOptions): Promise<ScanResult> {
  return scanWithRules({ ...options, rules: options.rules ?? rules });
}

/** `scanText` of `@mamori/core` with the built-in catalog. */
export function scanText(options: CatalogScanTextOptions): Promise<Pick<ScanResult, 'findings' | 'notifications'>> {
  return scanTextWithRules({ ...options, rules: options.rules ?? rules });
}
