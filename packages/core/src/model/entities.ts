import type { SourceLocation } from './location.js';

/** Where an entity was read from. */
export type EntitySource = 'template' | 'snapshot';

export interface EntityBase {
  /** Stable identity within one scan: a template's `file#LogicalId`, or an ARN. */
  id: string;
  source: EntitySource;
  location: SourceLocation;
  /** Human name used in messages: a logical id, a group name, an ARN's short form. */
  displayName: string;
  /** Region the entity lives in, when known (always for snapshot entities of regional services). */
  region?: string;
  /** Template values reached through parameters or conditions, e.g. `when condition IsDev is true`. */
  via?: string[];
  /** Where individual fields are written, keyed by field name, so a finding can point at the exact value. */
  fieldLocations?: Partial<Record<string, SourceLocation>>;
  /** Per-field `via`, for entities whose fields depend on different parameters or conditions. */
  fieldVia?: Partial<Record<string, string[]>>;
  /** For snapshot entities: when the account was read (ISO 8601). Ages such as "unused for 90 days" are measured from it. */
  observedAt?: string;
  /**
   * Values given at deploy time to the template's `NoEcho` parameters: the engine masks them as
   * `****` in everything a finding on this entity says (message, data, properties, names).
   */
  noEchoValues?: readonly string[];
}

/**
 * One permission of a security group, flattened to a single peer, as EC2's `DescribeSecurityGroupRules`
 * does: an `IpPermissions` item with two `IpRanges` becomes two rules. Template ingress items and
 * standalone `AWS::EC2::SecurityGroupIngress` resources map onto the same shape.
 */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** Normalised protocol: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all), or an IANA protocol number as text. */
  protocol: string;
  /** Inclusive port range; undefined when the protocol has no ports or the rule covers all of them. */
  fromPort?: number;
  toPort?: number;
  /**
   * `false` when the template writes `FromPort` or `ToPort` but its value cannot be known (a parameter
   * without a default, an empty or non-numeric string): the ports are then unknown, which is not the
   * same as absent ports (all of them). Left out when the ports are known; pass it to `portRange`.
   */
  portsKnown?: boolean;
  /** Exactly one peer is set, when it is known. */
  cidrIpv4?: string;
  cidrIpv6?: string;
  sourceSecurityGroup?: string;
  prefixListId?: string;
  description?: string;
  /** Where the peer is written (the `CidrIp` value, or the snapshot's security group). */
  location: SourceLocation;
  /** How a template value was reached when it depends on parameters or conditions, e.g. `parameter SshCidr default`. */
  via?: string[];
}

export interface SecurityGroup extends EntityBase {
  kind: 'SecurityGroup';
  /** `sg-...` for live groups; the logical id for template groups. */
  groupId: string;
  groupName?: string;
  vpcId?: string;
  rules: SecurityGroupRule[];
}

export type SecretType = 'aws-access-key-id' | 'aws-secret-access-key';

/**
 * A string that looks like an AWS credential. The raw value never leaves the loader, and nothing
 * derived from it but its redacted form: the id says where it is written, not what it is.
 */
export interface SecretMatch extends EntityBase {
  kind: 'Secret';
  secretType: SecretType;
  /** e.g. `AKIA************WXYZ`. Safe to print. */
  redacted: string;
  /** Why it was taken for a secret: `access key id prefix`, `secret key name`, `next to an access key id`. */
  evidence: string;
  /** Where in the file, for messages: `resource Fn`, `parameter KeyId`, or the file name. */
  where: string;
  /** `base64`: found by decoding a base64 literal (user data written already encoded); located at the whole literal. */
  encoding?: 'base64';
}

/** One entry of a network ACL. Lower rule numbers are evaluated first; the first match decides. */
export interface NetworkAclEntry {
  /** Undefined when the template gives none (or it cannot be resolved); such entries are ordered first. */
  ruleNumber?: number;
  egress: boolean;
  action: 'allow' | 'deny';
  /** As in `SecurityGroupRule.protocol`. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  /** As in `SecurityGroupRule.portsKnown`: `false` when `PortRange` is written but its bounds cannot be known. */
  portsKnown?: boolean;
  cidrIpv4?: string;
  cidrIpv6?: string;
  location: SourceLocation;
  via?: string[];
}

export interface NetworkAcl extends EntityBase {
  kind: 'NetworkAcl';
  aclId: string;
  vpcId?: string;
  entries: NetworkAclEntry[];
}

/** What an Elastic IP is attached to. `unknown`: a template attaches it in a way that cannot be followed statically. */
export type EipAssociation = 'instance' | 'network-interface' | 'nat-gateway' | 'none' | 'unknown';

export interface ElasticIp extends EntityBase {
  kind: 'ElasticIp';
  allocationId?: string;
  publicIp?: string;
  association: EipAssociation;
  instanceId?: string;
  /** State of the associated instance (`running`, `stopped`, ...), when known. */
  instanceState?: string;
  networkInterfaceId?: string;
  natGatewayId?: string;
}

export interface NatGateway extends EntityBase {
  kind: 'NatGateway';
  natGatewayId: string;
  state?: string;
  subnetId?: string;
  connectivityType?: 'public' | 'private';
  /** Route tables with a route through this gateway. */
  routeTableIds: string[];
  /** False when routes could not be read (a failed call, or routes outside the template). */
  routesKnown: boolean;
}

export interface TrailDataEventSelector {
  /** `AWS::S3::Object`, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`, ... */
  resourceType: string;
  /** Every resource of the type (`arn:aws:s3` or `arn:aws:s3:::`, `arn:aws:lambda`), not named ones. */
  allResources: boolean;
  location: SourceLocation;
}

export interface Trail extends EntityBase {
  kind: 'Trail';
  name: string;
  arn?: string;
  homeRegion?: string;
  isMultiRegion?: boolean;
  logFileValidation?: boolean;
  isLogging?: boolean;
  isOrganizationTrail?: boolean;
  s3BucketName?: string;
  /** Whether the trail's bucket expires or transitions old logs; undefined when the bucket is not known. */
  bucketHasLifecycle?: boolean;
  bucketLocation?: SourceLocation;
  /** Whether the trail records management events (the default when no selector says otherwise). */
  managementEvents?: boolean;
  dataEvents: TrailDataEventSelector[];
  /** False when the event selectors could not be read (a failed call): then `dataEvents` and `managementEvents` are unknown. */
  selectorsKnown?: boolean;
}

/** All trails of one template or one account, for rules about the set (none at all, duplicates). */
export interface TrailSet extends EntityBase {
  kind: 'TrailSet';
  scope: 'template' | 'account';
  trails: Trail[];
}

/**
 * Where a template sets one setting of an entity, for findings that point at the value. When a value
 * depends on parameters or conditions the entity holds the least safe candidate and `via` says when.
 * Snapshot entities leave it out: their settings are located at the entity.
 */
export interface SettingSource {
  location: SourceLocation;
  /** The template does not write the setting: the value is the one AWS applies by default. */
  defaulted?: boolean;
  /** The value is taken from another resource of the template, e.g. a read replica's source instance. */
  inheritedFrom?: string;
  via?: string[];
}

export type DbInstanceSetting = 'multiAz' | 'publiclyAccessible' | 'storageEncrypted' | 'backupRetentionPeriod' | 'port';

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

/** A resource that should span several availability zones: a DB subnet group, a load balancer, an auto scaling group. */
export interface AzSpan extends EntityBase {
  kind: 'AzSpan';
  resourceType: 'DbSubnetGroup' | 'LoadBalancer' | 'AutoScalingGroup';
  name: string;
  /** One entry per subnet; empty when the number of subnets is not known (a list parameter, an import). */
  subnetIds: string[];
  /** Availability zones, when knowable; `undefined` when they cannot be worked out. */
  availabilityZones?: string[];
  /** Template entities only: where the subnets or zones are written. */
  subnetsSource?: SettingSource;
}

export interface CacheReplicationGroup extends EntityBase {
  kind: 'CacheReplicationGroup';
  replicationGroupId: string;
  engine?: string;
  automaticFailover?: boolean;
  multiAz?: boolean;
  /** Nodes in each shard: the primary and its replicas. */
  numCacheClusters?: number;
  /** Template entities only: where each setting is written, or that it is left to its default. */
  settingSources?: Partial<Record<CacheReplicationGroupSetting, SettingSource>>;
}

export type CacheReplicationGroupSetting = 'automaticFailover' | 'multiAz' | 'numCacheClusters';

export interface Instance extends EntityBase {
  kind: 'Instance';
  instanceId: string;
  resourceType: 'Instance' | 'LaunchTemplate' | 'LaunchConfiguration';
  /** undefined when it cannot be known (e.g. a launch template version chosen at launch). */
  hasInstanceProfile?: boolean;
  /**
   * The logical id of an instance profile of the same template that the resource uses (directly or
   * through its launch template) and that holds no role (`Roles: []`): its instances get no role
   * credentials, as without a profile. `fieldLocations`/`fieldVia` under this name say where and when.
   */
  emptyInstanceProfile?: string;
  state?: string;
}

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  hasCondition: boolean;
  location: SourceLocation;
  /** Where each of `actions` is written, index for index, when known. */
  actionLocations?: SourceLocation[];
  /** How the statement's values were reached when they depend on parameters or conditions. */
  via?: string[];
}

/** An IAM policy document: managed, inline on a user, group or role, or a bucket/queue policy. */
export interface Policy extends EntityBase {
  kind: 'Policy';
  policyName: string;
  policyType: 'managed' | 'inline';
  /** Principals it is attached to. */
  attachedTo: { type: 'user' | 'group' | 'role'; name: string }[];
  statements: PolicyStatement[];
  /** ARN of a managed policy, e.g. `arn:aws:iam::aws:policy/AdministratorAccess` for an AWS managed one. */
  arn?: string;
  /** Set as some principal's permissions boundary: then it limits permissions rather than granting them. */
  permissionsBoundary?: boolean;
}

export interface AccessKeyInfo {
  /** Redacted id, e.g. `AKIA************WXYZ`. */
  id: string;
  active: boolean;
  createdAt?: string;
  lastUsedAt?: string;
  /** True when the key's last use was looked up: then a missing `lastUsedAt` means never used. */
  lastUsedKnown?: boolean;
  /** Where the key is listed (a snapshot's `ListAccessKeys` item). */
  location?: SourceLocation;
}

export interface IamUser extends EntityBase {
  kind: 'IamUser';
  userName: string;
  arn?: string;
  createdAt?: string;
  groups: string[];
  attachedPolicies: string[];
  inlinePolicies: string[];
  /** Has a console password. */
  consoleAccess?: boolean;
  passwordLastUsed?: string;
  mfaActive?: boolean;
  accessKeys: AccessKeyInfo[];
  /** Where each directly attached or inline policy is attached (a template's `ManagedPolicyArns` item, `Policies` item, or a policy's `Users` item). */
  policyLocations?: { name: string; type: 'managed' | 'inline'; location: SourceLocation }[];
}

export interface RootActivity {
  time: string;
  eventName: string;
  eventSource?: string;
  /** Region whose event history holds it. */
  region?: string;
  /** Where the event is recorded (a snapshot's `LookupEvents` item). */
  location?: SourceLocation;
}

/** The account's root user, from the credential report, the account summary and CloudTrail. */
export interface RootAccount extends EntityBase {
  kind: 'RootAccount';
  accountId: string;
  mfaActive?: boolean;
  accessKeysPresent?: boolean;
  passwordLastUsed?: string;
  accessKeysLastUsed: string[];
  /** Root API calls and console sign-ins seen in CloudTrail; undefined when events could not be read. */
  recentActivity?: RootActivity[];
}

/** An `AWS::IAM::AccessKey` resource and the places its secret is handed out in clear text. */
export interface AccessKeyResource extends EntityBase {
  kind: 'AccessKeyResource';
  userName?: string;
  secretExposures: { where: string; location: SourceLocation }[];
}

/** A property that holds a password (`MasterUserPassword`, `LoginProfile.Password`, ...). */
export interface PasswordProperty extends EntityBase {
  kind: 'PasswordProperty';
  resourceType: string;
  property: string;
  /** A literal value in the template (or a parameter default) rather than a NoEcho parameter or dynamic reference. */
  literal: boolean;
  /** Where the value comes from; `literal` is true for `literal`, `mapping` and `parameter-default`. */
  valueSource?: PasswordValueSource;
  /** The parameter the value is taken from, for `parameter-default`, `parameter` and `noecho-parameter`. */
  parameter?: string;
}

export type PasswordValueSource =
  | 'literal'
  | 'mapping'
  | 'parameter-default'
  | 'parameter'
  | 'noecho-parameter'
  | 'plaintext-ssm'
  | 'secure-reference'
  | 'managed'
  | 'unknown';

export interface TemplateParameterEntity extends EntityBase {
  kind: 'TemplateParameter';
  name: string;
  type?: string;
  noEcho: boolean;
  hasDefault: boolean;
  allowedValues?: string[];
  /** Password-bearing properties whose value is this parameter, e.g. `MasterUserPassword of Db`. */
  usedAsSecret?: string[];
}

/** Any template resource, as plain data (intrinsics in their long form), for declarative and plugin rules. */
export interface ResourceEntity extends EntityBase {
  kind: 'Resource';
  logicalId: string;
  resourceType: string;
  properties: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Every entity kind a rule can select, by its `kind`. */
export interface EntityMap {
  Resource: ResourceEntity;
  SecurityGroup: SecurityGroup;
  Secret: SecretMatch;
  NetworkAcl: NetworkAcl;
  ElasticIp: ElasticIp;
  NatGateway: NatGateway;
  Trail: Trail;
  TrailSet: TrailSet;
  DbInstance: DbInstance;
  AzSpan: AzSpan;
  CacheReplicationGroup: CacheReplicationGroup;
  Instance: Instance;
  Policy: Policy;
  IamUser: IamUser;
  RootAccount: RootAccount;
  AccessKeyResource: AccessKeyResource;
  PasswordProperty: PasswordProperty;
  TemplateParameter: TemplateParameterEntity;
}

export type EntityKind = keyof EntityMap;
export type Entity = EntityMap[EntityKind];
