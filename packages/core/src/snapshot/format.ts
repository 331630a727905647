/**
 * The account snapshot format, version 1: what `mamori collect` writes and `mamori scan` reads.
 *
 * Responses are kept in the shapes the AWS SDK v3 returns them (and `aws <service> <call> --output
 * json` prints them), paginated lists merged into one response. Calls made once per resource (per
 * user, per trail, per bucket) are maps from the resource to its response. Only the fields mamori
 * reads are typed; a snapshot may carry every other field of the real responses.
 *
 * The JSON Schema (`schema/snapshot.schema.json`) is the one description of the format: the types
 * below are generated from it (`scripts/build-generated.mjs`), as is the validator.
 */

/** The value of the top-level marker that tells a snapshot from a template. */
export const SNAPSHOT_VERSION = 1;

/** Where the published JSON Schema of the format lives, for a snapshot's `$schema`. */
export const SNAPSHOT_SCHEMA_ID = 'https://github.com/mamori-dev/mamori/raw/main/packages/core/src/schema/snapshot.schema.json';

export type {
  AccountSnapshot,
  ApiAccessKey,
  ApiAddress,
  ApiAdvancedEventSelector,
  ApiAlarmMetric,
  ApiAttachedPolicy,
  ApiAutoScalingGroup,
  ApiBudget,
  ApiCacheCluster,
  ApiCacheReplicationGroup,
  ApiClassicLoadBalancer,
  ApiDbCluster,
  ApiDbInstance,
  ApiDbSubnetGroup,
  ApiDimension,
  ApiEvent,
  ApiEventSelector,
  ApiGroupDetail,
  ApiInlinePolicy,
  ApiInstance,
  ApiIpPermission,
  ApiLifecycleFilter,
  ApiLifecycleRule,
  ApiLoadBalancer,
  ApiManagedPolicyDetail,
  ApiMetricAlarm,
  ApiNatGateway,
  ApiNetworkAcl,
  ApiNetworkAclAssociation,
  ApiNetworkAclEntry,
  ApiPermissionsBoundary,
  ApiPolicyDocument,
  ApiRoleDetail,
  ApiRouteTable,
  ApiSecurityGroup,
  ApiSubnet,
  ApiTag,
  ApiTrail,
  ApiUser,
  ApiUserDetail,
  AutoScalingResponses,
  BudgetsResponses,
  CallError,
  CloudTrailResponses,
  CloudWatchResponses,
  Ec2Responses,
  ElastiCacheResponses,
  ElbResponses,
  Elbv2Responses,
  GlobalResponses,
  IamResponses,
  IncompleteReason,
  IsoTimestamp,
  RdsResponses,
  RegionalResponses,
  S3Responses,
  StsResponses,
} from '../generated/snapshot.js';

/**
 * Codes with which calls fail once the credentials have expired. Unlike a denied call (a gap the
 * role's policy leaves, reported as a warning), these mean the collection itself broke off: the
 * snapshot is incomplete in ways no rule can account for, so they are errors.
 */
export const CREDENTIALS_EXPIRED: ReadonlySet<string> = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'CredentialsProviderError',
  'TokenProviderError',
]);

/** A quick test on the text, before parsing: a JSON object with the snapshot marker near its start. */
export function looksLikeSnapshot(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text) && /"mamoriSnapshot"\s*:/.test(text.slice(0, 4096));
}
