/**
 * The account snapshot format, version 1: what `mamori collect` writes and `mamori scan` reads.
 *
 * Responses are kept in the shapes the AWS SDK v3 returns them (and `aws <service> <call> --output
 * json` prints them), paginated lists merged into one response. Calls made once per resource (per
 * user, per trail, per bucket) are maps from the resource to its response. Only the fields mamori
 * reads are typed here; a snapshot may carry every other field of the real responses.
 */

/** The value of the top-level marker that tells a snapshot from a template. */
export const SNAPSHOT_VERSION = 1;

/** Where the published JSON Schema of the format lives, for a snapshot's `$schema`. */
export const SNAPSHOT_SCHEMA_ID = 'https://github.com/mamori-dev/mamori/raw/main/packages/core/src/schema/snapshot.schema.json';

/** A call that failed: the rules that need its answer report "not evaluated" rather than "clean". */
export interface CallError {
  /** SDK service name: `ec2`, `iam`, `cloudtrail`, `rds`, `s3`, `sts`. `*` when a whole region failed. */
  service: string;
  /** The region the call went to, or `global` for IAM, STS and S3. */
  region: string;
  /** API operation, e.g. `DescribeSecurityGroups`; `*` when the region could not be reached at all. */
  operation: string;
  /** The user, trail, bucket or policy the call was about, for calls made per resource. */
  resource?: string;
  /** AWS error code (`AccessDenied`, `UnauthorizedOperation`, `OptInRequired`, ...), or the network error's code. */
  code: string;
  message?: string;
  httpStatus?: number;
}

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

/** A date and time as the AWS SDK writes it in JSON: ISO 8601 (`2024-05-01T12:00:00.000Z`). */
export type IsoTimestamp = string;

/** A resource tag, as EC2 responses carry them. */
export interface ApiTag {
  Key?: string;
  Value?: string;
}

// EC2

/** An item of EC2 `DescribeAddresses`. */
export interface ApiAddress {
  AllocationId?: string;
  AssociationId?: string;
  PublicIp?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  Domain?: string;
  Tags?: ApiTag[];
}

/** An item of EC2 `DescribeInstances` (inside its reservation). */
export interface ApiInstance {
  InstanceId?: string;
  State?: { Name?: string; Code?: number };
  IamInstanceProfile?: { Arn?: string };
  Tags?: ApiTag[];
}

/** An item of EC2 `DescribeNatGateways`. */
export interface ApiNatGateway {
  NatGatewayId?: string;
  State?: string;
  SubnetId?: string;
  VpcId?: string;
  ConnectivityType?: string;
  NatGatewayAddresses?: { AllocationId?: string; NetworkInterfaceId?: string; PublicIp?: string }[];
  Tags?: ApiTag[];
}

/** An entry of a network ACL in EC2 `DescribeNetworkAcls`. */
export interface ApiNetworkAclEntry {
  RuleNumber?: number;
  Egress?: boolean;
  RuleAction?: string;
  Protocol?: string;
  PortRange?: { From?: number; To?: number };
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
}

/** An item of EC2 `DescribeNetworkAcls`. */
export interface ApiNetworkAcl {
  NetworkAclId?: string;
  VpcId?: string;
  IsDefault?: boolean;
  Entries?: ApiNetworkAclEntry[];
}

/** An item of EC2 `DescribeRouteTables`. */
export interface ApiRouteTable {
  RouteTableId?: string;
  VpcId?: string;
  Routes?: { NatGatewayId?: string; DestinationCidrBlock?: string; State?: string }[];
}

/** The EC2 responses of one region in a snapshot. */
export interface Ec2Responses {
  DescribeSecurityGroups?: { SecurityGroups?: import('../entities/security-group/snapshot.js').ApiSecurityGroup[] };
  DescribeAddresses?: { Addresses?: ApiAddress[] };
  DescribeInstances?: { Reservations?: { Instances?: ApiInstance[] }[] };
  DescribeNatGateways?: { NatGateways?: ApiNatGateway[] };
  DescribeNetworkAcls?: { NetworkAcls?: ApiNetworkAcl[] };
  DescribeRouteTables?: { RouteTables?: ApiRouteTable[] };
  DescribeSubnets?: { Subnets?: { SubnetId?: string; AvailabilityZone?: string; VpcId?: string }[] };
}

// CloudTrail

/** An item of CloudTrail `DescribeTrails`. */
export interface ApiTrail {
  Name?: string;
  TrailARN?: string;
  HomeRegion?: string;
  S3BucketName?: string;
  /** Log files go under `<S3KeyPrefix>/AWSLogs/`, or `AWSLogs/` without one. */
  S3KeyPrefix?: string;
  IsMultiRegionTrail?: boolean;
  LogFileValidationEnabled?: boolean;
  IsOrganizationTrail?: boolean;
  IncludeGlobalServiceEvents?: boolean;
  HasCustomEventSelectors?: boolean;
}

/** A basic event selector of CloudTrail `GetEventSelectors`. */
export interface ApiEventSelector {
  ReadWriteType?: string;
  IncludeManagementEvents?: boolean;
  DataResources?: { Type?: string; Values?: string[] }[];
}

/** An advanced event selector of CloudTrail `GetEventSelectors`. */
export interface ApiAdvancedEventSelector {
  Name?: string;
  FieldSelectors?: {
    Field?: string;
    Equals?: string[];
    StartsWith?: string[];
    EndsWith?: string[];
    NotEquals?: string[];
    NotStartsWith?: string[];
    NotEndsWith?: string[];
  }[];
}

/** An item of CloudTrail `LookupEvents`. */
export interface ApiEvent {
  EventId?: string;
  EventName?: string;
  EventTime?: IsoTimestamp;
  EventSource?: string;
  Username?: string;
  /** The full event record, as a JSON string. */
  CloudTrailEvent?: string;
}

/** The CloudTrail responses of one region in a snapshot. */
export interface CloudTrailResponses {
  DescribeTrails?: { trailList?: ApiTrail[] };
  /** By trail ARN. */
  GetTrailStatus?: Record<string, { IsLogging?: boolean }>;
  /** By trail ARN. */
  GetEventSelectors?: Record<string, { EventSelectors?: ApiEventSelector[]; AdvancedEventSelectors?: ApiAdvancedEventSelector[] }>;
  /** Events whose user name is `root`, over the last 90 days. */
  LookupEvents?: { Events?: ApiEvent[] };
}

// RDS

/** An item of RDS `DescribeDBInstances`. */
export interface ApiDbInstance {
  DBInstanceIdentifier?: string;
  DBInstanceArn?: string;
  Engine?: string;
  DBClusterIdentifier?: string;
  MultiAZ?: boolean;
  PubliclyAccessible?: boolean;
  StorageEncrypted?: boolean;
  BackupRetentionPeriod?: number;
  Endpoint?: { Port?: number };
  DbInstancePort?: number;
  VpcSecurityGroups?: { VpcSecurityGroupId?: string; Status?: string }[];
  /** Set on a read replica: its source instance (an ARN when in another region). */
  ReadReplicaSourceDBInstanceIdentifier?: string;
  /** Set on an instance that replicates a DB cluster. */
  ReadReplicaSourceDBClusterIdentifier?: string;
}

/** An item of RDS `DescribeDBClusters`. */
export interface ApiDbCluster {
  DBClusterIdentifier?: string;
  DBClusterArn?: string;
  Engine?: string;
  MultiAZ?: boolean;
  StorageEncrypted?: boolean;
  PubliclyAccessible?: boolean;
  DBClusterMembers?: { DBInstanceIdentifier?: string; IsClusterWriter?: boolean }[];
}

/** The RDS responses of one region in a snapshot. */
export interface RdsResponses {
  DescribeDBInstances?: { DBInstances?: ApiDbInstance[] };
  DescribeDBClusters?: { DBClusters?: ApiDbCluster[] };
}

// IAM

/** An item of IAM `ListUsers`. */
export interface ApiUser {
  UserName?: string;
  UserId?: string;
  Arn?: string;
  CreateDate?: IsoTimestamp;
  PasswordLastUsed?: IsoTimestamp;
}

/** An item of IAM `ListAccessKeys`. */
export interface ApiAccessKey {
  UserName?: string;
  AccessKeyId?: string;
  Status?: string;
  CreateDate?: IsoTimestamp;
}

/** A policy document: a JSON object, or the URL-encoded JSON text the IAM API returns. */
export type ApiPolicyDocument = string | Record<string, unknown>;

/** The IAM responses in a snapshot. */
export interface IamResponses {
  GetAccountSummary?: { SummaryMap?: Record<string, number> };
  /** `Content` is the report's CSV text; the base64 the CLI prints is accepted too. */
  GetCredentialReport?: { Content?: string; ReportFormat?: string; GeneratedTime?: IsoTimestamp };
  ListUsers?: { Users?: ApiUser[] };
  /** By user name. */
  ListAccessKeys?: Record<string, { AccessKeyMetadata?: ApiAccessKey[] }>;
  /** By access key id. */
  GetAccessKeyLastUsed?: Record<string, { UserName?: string; AccessKeyLastUsed?: { LastUsedDate?: IsoTimestamp; ServiceName?: string; Region?: string } }>;
  /** By user name. */
  ListMFADevices?: Record<string, { MFADevices?: { SerialNumber?: string; EnableDate?: IsoTimestamp }[] }>;
  /** By user name. */
  ListGroupsForUser?: Record<string, { Groups?: { GroupName?: string }[] }>;
  /** By user name. */
  ListAttachedUserPolicies?: Record<string, { AttachedPolicies?: { PolicyName?: string; PolicyArn?: string }[] }>;
  /** By user name. */
  ListUserPolicies?: Record<string, { PolicyNames?: string[] }>;
  /** By user name, then policy name. */
  GetUserPolicy?: Record<string, Record<string, { UserName?: string; PolicyName?: string; PolicyDocument?: ApiPolicyDocument }>>;
  /** By policy ARN: the default version of customer managed policies attached to users. */
  GetPolicyVersion?: Record<string, { PolicyVersion?: { Document?: ApiPolicyDocument; VersionId?: string; IsDefaultVersion?: boolean } }>;
}

// S3

/** Which objects a lifecycle rule applies to. */
export interface ApiLifecycleFilter {
  Prefix?: string;
  Tag?: ApiTag;
  ObjectSizeGreaterThan?: number;
  ObjectSizeLessThan?: number;
  And?: { Prefix?: string; Tags?: ApiTag[]; ObjectSizeGreaterThan?: number; ObjectSizeLessThan?: number };
}

/** A rule of S3 `GetBucketLifecycleConfiguration`. */
export interface ApiLifecycleRule {
  ID?: string;
  Status?: string;
  /** The rule's filter; older configurations give a top-level `Prefix` instead. */
  Filter?: ApiLifecycleFilter;
  Prefix?: string;
  Expiration?: { Days?: number; Date?: IsoTimestamp; ExpiredObjectDeleteMarker?: boolean };
  Transitions?: { Days?: number; StorageClass?: string }[];
  NoncurrentVersionExpiration?: { NoncurrentDays?: number };
  NoncurrentVersionTransitions?: { NoncurrentDays?: number }[];
}

/** The S3 responses in a snapshot. */
export interface S3Responses {
  /** By bucket name. A bucket without lifecycle configuration (`NoSuchLifecycleConfiguration`) is `{ "Rules": [] }`. */
  GetBucketLifecycleConfiguration?: Record<string, { Rules?: ApiLifecycleRule[] }>;
}

/** The STS responses in a snapshot. */
export interface StsResponses {
  GetCallerIdentity?: { Account?: string; Arn?: string; UserId?: string };
}

/** The responses of the regional services in one region of a snapshot. */
export interface RegionalResponses {
  ec2?: Ec2Responses;
  cloudtrail?: CloudTrailResponses;
  rds?: RdsResponses;
}

/** The responses of the global services (IAM, S3, STS) in a snapshot. */
export interface GlobalResponses {
  sts?: StsResponses;
  iam?: IamResponses;
  s3?: S3Responses;
}

/** An AWS account snapshot (format version 1): the AWS API responses mamori reads, by region and service. */
export interface AccountSnapshot {
  /** Format version; its presence marks the document as a snapshot. */
  mamoriSnapshot: typeof SNAPSHOT_VERSION;
  $schema?: string;
  /** From STS GetCallerIdentity. */
  accountId: string;
  /** `aws`, `aws-cn`, `aws-us-gov`. Defaults to `aws`. */
  partition?: string;
  /** When collecting started, ISO 8601. Rules about age ("unused for 90 days") measure from here. */
  collectedAt: IsoTimestamp;
  /** When collecting ended. */
  completedAt?: IsoTimestamp;
  /** Set when the snapshot does not hold the whole account: a scan of it says so (see `IncompleteReason`). */
  incomplete?: { reason: IncompleteReason };
  collector?: { name: string; version: string };
  /** Regions whose regional services were collected. */
  regions: string[];
  global: GlobalResponses;
  /** By region name. */
  regional: Record<string, RegionalResponses>;
  /** Every call that failed, so a rule can tell "not evaluated" from "clean". */
  errors: CallError[];
}

/**
 * Why a snapshot is incomplete: `interrupted` (the collection was stopped by a signal), `timeout`
 * (its deadline passed), `failed-calls` (it ran to the end, but calls failed). In each case every
 * call that failed or was not made is in `errors`.
 */
export type IncompleteReason = 'interrupted' | 'timeout' | 'failed-calls';

/** A quick test on the text, before parsing: a JSON object with the snapshot marker near its start. */
export function looksLikeSnapshot(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text) && /"mamoriSnapshot"\s*:/.test(text.slice(0, 4096));
}
