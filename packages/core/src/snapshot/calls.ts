import type { EntityKind } from '../model/entities.js';

/**
 * What a call gives the rules: a whole entity kind (`NetworkAcl`), one field of a kind
 * (`Trail.isLogging`), or a field of the entities a kind holds (`TrailSet.trails.isLogging`).
 */
export type Feed = EntityKind | `${EntityKind}.${string}`;

export type AwsService =
  | 'sts'
  | 'ec2'
  | 'rds'
  | 'cloudtrail'
  | 's3'
  | 'iam'
  | 'elasticache'
  | 'budgets'
  | 'cloudwatch'
  | 'elbv2'
  | 'elb'
  | 'autoscaling'
  | 'organizations';

/**
 * One AWS API call the collector makes, as data. The collector (`@mamori/collector`) pairs each
 * with its SDK command; the snapshot loader reads `feeds` to say what a failed call leaves
 * unevaluated; the documented IAM policy and the test suite's fake AWS endpoint come from here too.
 */
export interface AwsCallDescriptor {
  service: AwsService;
  /** The API operation, as the SDK names it; the snapshot keeps its answer under this name. */
  operation: string;
  /** Asked in each region read, or once for the account (the snapshot's `global`). */
  scope: 'regional' | 'global';
  /**
   * For a global call: the region it is asked in, whatever regions are read, when its answer only
   * exists there (billing metrics are in us-east-1). Left out, a global call goes to the first region read.
   */
  region?: string;
  /**
   * Asked before every other call: `account` identifies the account (without its answer nothing is
   * collected); `regions` lists the enabled regions, with `--all-regions` only; `organization`
   * is asked by `collect --org` only, in the account it runs in (the management or a delegated
   * administrator account), never in the accounts it collects.
   */
  stage?: 'account' | 'regions' | 'organization';
  /**
   * Asked once per resource of a kind that another call's answer lists; the snapshot keeps a map
   * from the resource to the answer. `shared`: many answers may list the same resource (a trail in
   * every region, a policy attached to many users): it is asked about once, after all of them.
   */
  per?: { resource: string; listedBy: string; shared?: boolean };
  /** Asked once that call (`service:Operation`) has answered. */
  after?: string;
  /** Paginated: the request's token, the answer's token, and the list (or lists) the pages are merged on. */
  pages?: { inputToken: string; outputToken: string; items: string | readonly string[] };
  /** For a REST service (S3), the method and path that name the call on the wire (Smithy's `@http`). */
  http?: string;
  /** The IAM action that authorises the call; `null` when it needs no permission. */
  iamAction: string | null;
  /** What its answer gives the rules: when it fails, the rules reading these are not evaluated there. */
  feeds: readonly Feed[];
}

const TRAIL_SELECTORS = ['managementEvents', 'dataEvents', 'selectorsKnown'] as const;
const REPORT_FEEDS = [
  'RootAccount.mfaActive',
  'RootAccount.accessKeysPresent',
  'RootAccount.passwordLastUsed',
  'RootAccount.accessKeysLastUsed',
  'IamUser.consoleAccess',
  'IamUser.mfaActive',
  'IamUser.passwordLastUsed',
  'IamUser.accessKeys',
] as const satisfies readonly Feed[];

const AUTHORIZATION_FEEDS = [
  'IamUser.groups',
  'IamUser.attachedPolicies',
  'IamUser.inlinePolicies',
  'IamUser.permissionsBoundary',
  'IamGroup',
  'IamRole',
  'Policy',
] as const satisfies readonly Feed[];

const NEXT_TOKEN = { inputToken: 'NextToken', outputToken: 'NextToken' } as const;
const MARKER = { inputToken: 'Marker', outputToken: 'Marker' } as const;
const PER_USER = { resource: 'user', listedBy: 'iam:ListUsers' } as const;

// In the order the collector asks them, which is also the order of the calls in a snapshot.
const CALLS = [
  { service: 'sts', operation: 'GetCallerIdentity', scope: 'global', stage: 'account', iamAction: null, feeds: [] },
  { service: 'ec2', operation: 'DescribeRegions', scope: 'regional', stage: 'regions', iamAction: 'ec2:DescribeRegions', feeds: [] },
  {
    service: 'ec2',
    operation: 'DescribeSecurityGroups',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'SecurityGroups' },
    iamAction: 'ec2:DescribeSecurityGroups',
    feeds: ['SecurityGroup', 'DbInstance.securityGroups'],
  },
  {
    service: 'ec2',
    operation: 'DescribeNetworkAcls',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'NetworkAcls' },
    iamAction: 'ec2:DescribeNetworkAcls',
    feeds: ['NetworkAcl'],
  },
  { service: 'ec2', operation: 'DescribeAddresses', scope: 'regional', iamAction: 'ec2:DescribeAddresses', feeds: ['ElasticIp'] },
  // The instances, and whether the instance holding an address is stopped.
  {
    service: 'ec2',
    operation: 'DescribeInstances',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'Reservations' },
    iamAction: 'ec2:DescribeInstances',
    feeds: ['Instance', 'ElasticIp.instanceState'],
  },
  // Without it an address on a NAT gateway still shows its network interface: attached either way.
  {
    service: 'ec2',
    operation: 'DescribeNatGateways',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'NatGateways' },
    iamAction: 'ec2:DescribeNatGateways',
    feeds: ['NatGateway', 'ElasticIp.natGatewayId'],
  },
  {
    service: 'ec2',
    operation: 'DescribeRouteTables',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'RouteTables' },
    iamAction: 'ec2:DescribeRouteTables',
    feeds: ['NatGateway.routeTableIds', 'NatGateway.routesKnown'],
  },
  {
    service: 'ec2',
    operation: 'DescribeSubnets',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'Subnets' },
    iamAction: 'ec2:DescribeSubnets',
    feeds: [],
  },
  {
    service: 'rds',
    operation: 'DescribeDBInstances',
    scope: 'regional',
    pages: { ...MARKER, items: 'DBInstances' },
    iamAction: 'rds:DescribeDBInstances',
    feeds: ['DbInstance'],
  },
  // The clusters, and the encryption a member instance does not report itself.
  {
    service: 'rds',
    operation: 'DescribeDBClusters',
    scope: 'regional',
    pages: { ...MARKER, items: 'DBClusters' },
    iamAction: 'rds:DescribeDBClusters',
    feeds: ['DbCluster', 'DbInstance.storageEncrypted'],
  },
  {
    service: 'elasticache',
    operation: 'DescribeReplicationGroups',
    scope: 'regional',
    pages: { ...MARKER, items: 'ReplicationGroups' },
    iamAction: 'elasticache:DescribeReplicationGroups',
    feeds: ['CacheReplicationGroup'],
  },
  // Redis OSS and Valkey clusters outside any replication group: single nodes, with nothing to fail over to.
  {
    service: 'elasticache',
    operation: 'DescribeCacheClusters',
    scope: 'regional',
    pages: { ...MARKER, items: 'CacheClusters' },
    iamAction: 'elasticache:DescribeCacheClusters',
    feeds: ['CacheReplicationGroup'],
  },
  { service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional', iamAction: 'cloudtrail:DescribeTrails', feeds: ['Trail', 'TrailSet'] },
  // Root activity: events of the user name `root`.
  {
    service: 'cloudtrail',
    operation: 'LookupEvents',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'Events' },
    iamAction: 'cloudtrail:LookupEvents',
    feeds: ['RootAccount.recentActivity'],
  },
  // Once per trail, in its home region when that is read.
  {
    service: 'cloudtrail',
    operation: 'GetTrailStatus',
    scope: 'regional',
    per: { resource: 'trail', listedBy: 'cloudtrail:DescribeTrails', shared: true },
    iamAction: 'cloudtrail:GetTrailStatus',
    feeds: ['Trail.isLogging', 'TrailSet.trails.isLogging'],
  },
  {
    service: 'cloudtrail',
    operation: 'GetEventSelectors',
    scope: 'regional',
    per: { resource: 'trail', listedBy: 'cloudtrail:DescribeTrails', shared: true },
    iamAction: 'cloudtrail:GetEventSelectors',
    feeds: [...TRAIL_SELECTORS.map((f) => `Trail.${f}` as const), ...TRAIL_SELECTORS.map((f) => `TrailSet.trails.${f}` as const)],
  },
  // The stack a trail was made by: DescribeTrails gives no tags, CloudFormation's among them.
  {
    service: 'cloudtrail',
    operation: 'ListTags',
    scope: 'regional',
    per: { resource: 'trail', listedBy: 'cloudtrail:DescribeTrails', shared: true },
    pages: { ...NEXT_TOKEN, items: 'ResourceTagList' },
    iamAction: 'cloudtrail:ListTags',
    feeds: ['Trail.stack'],
  },
  {
    service: 's3',
    operation: 'GetBucketLifecycleConfiguration',
    scope: 'global',
    per: { resource: 'trail bucket', listedBy: 'cloudtrail:DescribeTrails', shared: true },
    http: 'GET /{Bucket}?lifecycle',
    iamAction: 's3:GetLifecycleConfiguration',
    feeds: ['Trail.bucketHasLifecycle', 'TrailSet.trails.bucketHasLifecycle'],
  },
  {
    service: 'iam',
    operation: 'GetAccountSummary',
    scope: 'global',
    iamAction: 'iam:GetAccountSummary',
    feeds: ['RootAccount.mfaActive', 'RootAccount.accessKeysPresent'],
  },
  // Generating the report changes nothing in the account; it is asked again until it is complete.
  { service: 'iam', operation: 'GenerateCredentialReport', scope: 'global', iamAction: 'iam:GenerateCredentialReport', feeds: REPORT_FEEDS },
  {
    service: 'iam',
    operation: 'GetCredentialReport',
    scope: 'global',
    after: 'iam:GenerateCredentialReport',
    iamAction: 'iam:GetCredentialReport',
    feeds: REPORT_FEEDS,
  },
  // `Policy`: what older collectors read per listed user (see FEED_SOURCES: not lost when the authorization details answered).
  { service: 'iam', operation: 'ListUsers', scope: 'global', pages: { ...MARKER, items: 'Users' }, iamAction: 'iam:ListUsers', feeds: ['IamUser', 'Policy'] },
  {
    service: 'iam',
    operation: 'ListAccessKeys',
    scope: 'global',
    per: PER_USER,
    pages: { ...MARKER, items: 'AccessKeyMetadata' },
    iamAction: 'iam:ListAccessKeys',
    feeds: ['IamUser.accessKeys'],
  },
  {
    service: 'iam',
    operation: 'GetAccessKeyLastUsed',
    scope: 'global',
    per: { resource: 'access key', listedBy: 'iam:ListAccessKeys' },
    iamAction: 'iam:GetAccessKeyLastUsed',
    feeds: ['IamUser.accessKeys.lastUsedAt', 'IamUser.accessKeys.lastUsedKnown'],
  },
  {
    service: 'iam',
    operation: 'ListMFADevices',
    scope: 'global',
    per: PER_USER,
    pages: { ...MARKER, items: 'MFADevices' },
    iamAction: 'iam:ListMFADevices',
    feeds: ['IamUser.mfaActive'],
  },
  // Users, groups, roles and customer managed policies (attached or not) with their documents, in one
  // paginated call. AWS managed policies are not asked for (over a thousand documents, the same in
  // every account): an attachment names one by ARN, and AdministratorAccess is known by its ARN.
  {
    service: 'iam',
    operation: 'GetAccountAuthorizationDetails',
    scope: 'global',
    pages: { ...MARKER, items: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] },
    iamAction: 'iam:GetAccountAuthorizationDetails',
    feeds: AUTHORIZATION_FEEDS,
  },
  // Whether spending is watched: a cost budget, or an alarm on the estimated charges.
  {
    service: 'budgets',
    operation: 'DescribeBudgets',
    scope: 'global',
    pages: { ...NEXT_TOKEN, items: 'Budgets' },
    iamAction: 'budgets:ViewBudget',
    feeds: ['BillingGuardrails.costBudgets'],
  },
  // Metric alarms only, the billing ones kept: the AWS/Billing metrics exist only in us-east-1.
  {
    service: 'cloudwatch',
    operation: 'DescribeAlarms',
    scope: 'global',
    region: 'us-east-1',
    pages: { ...NEXT_TOKEN, items: 'MetricAlarms' },
    iamAction: 'cloudwatch:DescribeAlarms',
    feeds: ['BillingGuardrails.billingAlarms'],
  },
  // What spans Availability Zones. Load balancers of both generations share the IAM action (and signing name).
  {
    service: 'rds',
    operation: 'DescribeDBSubnetGroups',
    scope: 'regional',
    pages: { ...MARKER, items: 'DBSubnetGroups' },
    iamAction: 'rds:DescribeDBSubnetGroups',
    feeds: ['AzSpan'],
  },
  {
    service: 'elbv2',
    operation: 'DescribeLoadBalancers',
    scope: 'regional',
    pages: { inputToken: 'Marker', outputToken: 'NextMarker', items: 'LoadBalancers' },
    iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
    feeds: ['AzSpan'],
  },
  // The stack a load balancer was made by: its tags, asked about twenty load balancers at a time.
  {
    service: 'elbv2',
    operation: 'DescribeTags',
    scope: 'regional',
    per: { resource: 'load balancers', listedBy: 'elbv2:DescribeLoadBalancers' },
    iamAction: 'elasticloadbalancing:DescribeTags',
    feeds: ['AzSpan.stack'],
  },
  {
    service: 'elb',
    operation: 'DescribeLoadBalancers',
    scope: 'regional',
    pages: { inputToken: 'Marker', outputToken: 'NextMarker', items: 'LoadBalancerDescriptions' },
    iamAction: 'elasticloadbalancing:DescribeLoadBalancers',
    feeds: ['AzSpan'],
  },
  {
    service: 'autoscaling',
    operation: 'DescribeAutoScalingGroups',
    scope: 'regional',
    pages: { ...NEXT_TOKEN, items: 'AutoScalingGroups' },
    iamAction: 'autoscaling:DescribeAutoScalingGroups',
    feeds: ['AzSpan'],
  },
  // `collect --org`: the organisation's accounts, then a role in each. Organizations answers in us-east-1 (aws partition).
  {
    service: 'organizations',
    operation: 'ListAccounts',
    scope: 'global',
    region: 'us-east-1',
    stage: 'organization',
    pages: { ...NEXT_TOKEN, items: 'Accounts' },
    iamAction: 'organizations:ListAccounts',
    feeds: [],
  },
  { service: 'sts', operation: 'AssumeRole', scope: 'global', stage: 'organization', iamAction: 'sts:AssumeRole', feeds: [] },
] as const satisfies readonly AwsCallDescriptor[];

type Call = (typeof CALLS)[number];

/**
 * Calls older collectors made, which snapshots written then still hold (answers and failures): the
 * loader maps their answers, and a failure of one leaves these fields not evaluated.
 */
export const LEGACY_CALL_FEEDS: Readonly<Record<string, readonly Feed[]>> = {
  'iam:ListGroupsForUser': ['IamUser.groups'],
  'iam:ListAttachedUserPolicies': ['IamUser.attachedPolicies', 'Policy'],
  'iam:ListUserPolicies': ['IamUser.inlinePolicies', 'Policy'],
  'iam:GetUserPolicy': ['Policy'],
  'iam:GetPolicy': ['Policy'],
  'iam:GetPolicyVersion': ['Policy'],
};

/** `service:Operation` of every call the collector makes. */
export type AwsCallName = Call extends infer C ? (C extends Call ? `${C['service']}:${C['operation']}` : never) : never;

/** Every call the collector makes, in the order it asks them. */
export const AWS_CALLS: readonly AwsCallDescriptor[] = CALLS;

export function callName(call: Pick<AwsCallDescriptor, 'service' | 'operation'>): AwsCallName {
  return `${call.service}:${call.operation}` as AwsCallName;
}

/** The calls the collector makes, as `service:Operation`, in the order it asks them. */
export const COLLECTOR_CALLS: readonly string[] = AWS_CALLS.map(callName);

/** An identity-based IAM policy as the documentation prints it. */
export interface IamPolicy {
  /** The policy language version, `2012-10-17`. */
  Version: string;
  /** Its statements, each allowing actions on resources. */
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[];
}

/** The smallest IAM policy that allows every call made in a collected account (the AWS managed `SecurityAudit` allows them too). */
export function minimalIamPolicy(): IamPolicy {
  const actions = [...new Set(AWS_CALLS.flatMap((c) => (c.iamAction && c.stage !== 'organization' ? [c.iamAction] : [])))];
  return { Version: '2012-10-17', Statement: [{ Sid: 'MamoriCollect', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/**
 * What `collect --org` needs beyond that in the account it runs in: listing the organisation's
 * accounts, and assuming the collection role (named `roleName`, default a placeholder) in each.
 */
export function organizationIamPolicy(roleName = 'MAMORI-ROLE-NAME', partition = 'aws'): IamPolicy {
  const of = (stage: string, service: string) =>
    AWS_CALLS.filter((c) => c.stage === stage && c.service === service).flatMap((c) => (c.iamAction ? [c.iamAction] : []));
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'MamoriListAccounts', Effect: 'Allow', Action: of('organization', 'organizations'), Resource: '*' },
      { Sid: 'MamoriAssumeCollectRole', Effect: 'Allow', Action: of('organization', 'sts'), Resource: `arn:${partition}:iam::*:role/${roleName}` },
    ],
  };
}
