import { AutoScalingClient, DescribeAutoScalingGroupsCommand, type DescribeAutoScalingGroupsCommandInput } from '@aws-sdk/client-auto-scaling';
import { BudgetsClient, DescribeBudgetsCommand, type DescribeBudgetsCommandInput, type DescribeBudgetsCommandOutput } from '@aws-sdk/client-budgets';
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  type DescribeTrailsCommandInput,
  GetEventSelectorsCommand,
  type GetEventSelectorsCommandInput,
  GetTrailStatusCommand,
  type GetTrailStatusCommandInput,
  ListTagsCommand,
  type ListTagsCommandInput,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand, type DescribeAlarmsCommandInput } from '@aws-sdk/client-cloudwatch';
import {
  DescribeAddressesCommand,
  type DescribeAddressesCommandInput,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  DescribeNatGatewaysCommand,
  type DescribeNatGatewaysCommandInput,
  DescribeNetworkAclsCommand,
  type DescribeNetworkAclsCommandInput,
  DescribeRegionsCommand,
  type DescribeRegionsCommandInput,
  DescribeRouteTablesCommand,
  type DescribeRouteTablesCommandInput,
  DescribeSecurityGroupsCommand,
  type DescribeSecurityGroupsCommandInput,
  DescribeSubnetsCommand,
  type DescribeSubnetsCommandInput,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  type DescribeLoadBalancersCommandInput as DescribeClassicLoadBalancersCommandInput,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand,
  type DescribeLoadBalancersCommandInput,
  DescribeTagsCommand,
  type DescribeTagsCommandInput,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeCacheClustersCommand,
  type DescribeCacheClustersCommandInput,
  DescribeReplicationGroupsCommand,
  type DescribeReplicationGroupsCommandInput,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import {
  GenerateCredentialReportCommand,
  type GenerateCredentialReportCommandInput,
  GetAccessKeyLastUsedCommand,
  type GetAccessKeyLastUsedCommandInput,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandInput,
  GetAccountSummaryCommand,
  type GetAccountSummaryCommandInput,
  GetCredentialReportCommand,
  type GetCredentialReportCommandInput,
  IAMClient,
  ListAccessKeysCommand,
  type ListAccessKeysCommandInput,
  ListMFADevicesCommand,
  type ListMFADevicesCommandInput,
  ListUsersCommand,
  type ListUsersCommandInput,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
} from '@aws-sdk/client-iam';
import { ListAccountsCommand, type ListAccountsCommandInput, OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeDBClustersCommand,
  type DescribeDBClustersCommandInput,
  DescribeDBInstancesCommand,
  type DescribeDBInstancesCommandInput,
  DescribeDBSubnetGroupsCommand,
  type DescribeDBSubnetGroupsCommandInput,
  RDSClient,
} from '@aws-sdk/client-rds';
import { GetBucketLifecycleConfigurationCommand, type GetBucketLifecycleConfigurationCommandInput, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, type AssumeRoleCommandInput, GetCallerIdentityCommand, type GetCallerIdentityCommandInput, STSClient } from '@aws-sdk/client-sts';
import { type AwsCallName, type AwsService, isBillingAlarm, policyDocumentObject } from '@mamori/core/internal';
import { createWaiter, WaiterState } from '@smithy/core/client';
import type { BoundedHttpHandler, BoundedRetryStrategy } from './bounded.js';
import { errorOf } from './errors.js';
import type { CollectOptions, CredentialsProvider } from './options.js';
import type { Answer } from './pages.js';

// Each call the collector makes (the descriptors, `AWS_CALLS` in @mamori/core) paired with its SDK
// command: what it sends, for which resource, what the snapshot keeps of the answer, and which
// resources the answer lists for the calls made per resource.

/** One SDK client per service. */
export interface Clients {
  sts: STSClient;
  ec2: EC2Client;
  rds: RDSClient;
  cloudtrail: CloudTrailClient;
  s3: S3Client;
  iam: IAMClient;
  elasticache: ElastiCacheClient;
  budgets: BudgetsClient;
  cloudwatch: CloudWatchClient;
  elbv2: ElasticLoadBalancingV2Client;
  elb: ElasticLoadBalancingClient;
  autoscaling: AutoScalingClient;
  organizations: OrganizationsClient;
}

/** What every client of a collection is made with. */
export interface ClientConfig {
  region?: string;
  profile?: string;
  credentials?: CredentialsProvider;
  maxAttempts: number;
  retryStrategy: BoundedRetryStrategy;
  requestHandler: BoundedHttpHandler;
}

export const CLIENTS: { [S in AwsService]: (config: ClientConfig, endpointOverride: boolean) => Clients[S] } = {
  sts: (config) => new STSClient(config),
  ec2: (config) => new EC2Client(config),
  rds: (config) => new RDSClient(config),
  cloudtrail: (config) => new CloudTrailClient(config),
  // A bucket in another region answers with a redirect; an endpoint given by URL takes paths, not bucket host names.
  s3: (config, endpointOverride) => new S3Client({ ...config, followRegionRedirects: true, ...(endpointOverride ? { forcePathStyle: true } : {}) }),
  iam: (config) => new IAMClient(config),
  elasticache: (config) => new ElastiCacheClient(config),
  budgets: (config) => new BudgetsClient(config),
  cloudwatch: (config) => new CloudWatchClient(config),
  elbv2: (config) => new ElasticLoadBalancingV2Client(config),
  elb: (config) => new ElasticLoadBalancingClient(config),
  autoscaling: (config) => new AutoScalingClient(config),
  organizations: (config) => new OrganizationsClient(config),
};

/** What a collection knows once the account is identified. */
export interface RunContext {
  accountId: string;
  /** When the collection started: the end of the event history searched. */
  started: Date;
  /** The regions read, in order. */
  regions: readonly string[];
  options: CollectOptions;
  stop: AbortSignal;
}

/** What a call made per resource is asked about. */
export interface Resource<F extends object = object> {
  /** Where its answer goes under the call's name in the snapshot; joined with `/`, what an error names. */
  path: readonly string[];
  /** The region it is asked in, when that is not the region it was listed in. */
  region?: string;
  /** The request fields that name it. */
  fields: F;
}

/** Where an answer that lists resources came from: its region, and the resource it was about. */
export interface Where<P extends object = object> {
  region: string;
  regions: readonly string[];
  parent: Resource<P> | undefined;
}

/** Resources of one kind that an answer lists (see the descriptors' `per`). */
export interface Listing<A, P extends object = object> {
  resources(answer: A, where: Where<P>): Resource[];
  /** How many resources are read at once (one by default). */
  atOnce?: number;
  /** Asked in the order of their paths rather than as listed. */
  sorted?: boolean;
}

export interface Binding<C, I extends object, O extends object, F extends object> {
  /** One request: one page of a paginated call, which the collector pages through as its descriptor says. */
  send(client: C, input: I, run: RunContext): Promise<O>;
  /** The request for the call, or for one resource of a call made per resource. Default: `{}`. */
  input?(resource: Resource<F>, run: RunContext): I;
  /** What the snapshot keeps of the answer, `undefined` for nothing. Default: its data (the list, for a paginated call). */
  answer?(answer: Answer<O>): unknown;
  /** The resources the answer lists, by kind, for the calls made per resource. */
  lists?: Readonly<Record<string, Listing<Answer<O>, F>>>;
  /** Asked while the calls after it in its unit run; the unit ends when it does. */
  background?: boolean;
}

/** A binding as the collector runs it, whatever its request and answer types. */
export type AnyBinding = Binding<Clients[AwsService], object, object, object>;

/** Pairs a call with its SDK command; the request and answer types come from the command. */
function sdk<S extends AwsService, I extends object, O extends object, F extends object = object>(
  _service: S,
  send: (client: Clients[S], input: I, run: RunContext) => Promise<O>,
  more: Omit<Binding<Clients[S], I, O, F>, 'send'> = {},
): Binding<Clients[S], I, O, F> {
  return { send, ...more };
}

const decoded = (doc: string | undefined): unknown => policyDocumentObject(doc) ?? doc;

function inlineDocuments(list: PolicyDetail[] | undefined): unknown[] {
  return (list ?? []).map((p) => ({ ...p, PolicyDocument: decoded(p.PolicyDocument) }));
}

function roleDetail(role: RoleDetail): unknown {
  return {
    ...role,
    AssumeRolePolicyDocument: decoded(role.AssumeRolePolicyDocument),
    // Each profile lists its roles again, trust policy and all: only the profile is kept.
    InstanceProfileList: (role.InstanceProfileList ?? []).map(({ Roles: _roles, ...profile }) => profile),
    RolePolicyList: inlineDocuments(role.RolePolicyList),
  };
}

function managedPolicy(policy: ManagedPolicyDetail): unknown {
  return { ...policy, PolicyVersionList: (policy.PolicyVersionList ?? []).map((v) => ({ ...v, Document: decoded(v.Document) })) };
}

type User = { UserName: string };
type LoadBalancers = { ResourceArns: string[] };
/** The most resources one Elastic Load Balancing DescribeTags request may name. */
const TAGS_PER_REQUEST = 20;
type Trail = { TrailARN: string };

export const BINDINGS = {
  'sts:GetCallerIdentity': sdk('sts', (c, input: GetCallerIdentityCommandInput) => c.send(new GetCallerIdentityCommand(input))),
  'ec2:DescribeRegions': sdk('ec2', (c, input: DescribeRegionsCommandInput) => c.send(new DescribeRegionsCommand(input))),
  'ec2:DescribeSecurityGroups': sdk('ec2', (c, input: DescribeSecurityGroupsCommandInput) => c.send(new DescribeSecurityGroupsCommand(input))),
  'ec2:DescribeNetworkAcls': sdk('ec2', (c, input: DescribeNetworkAclsCommandInput) => c.send(new DescribeNetworkAclsCommand(input))),
  'ec2:DescribeAddresses': sdk('ec2', (c, input: DescribeAddressesCommandInput) => c.send(new DescribeAddressesCommand(input))),
  'ec2:DescribeInstances': sdk('ec2', (c, input: DescribeInstancesCommandInput) => c.send(new DescribeInstancesCommand(input))),
  'ec2:DescribeNatGateways': sdk('ec2', (c, input: DescribeNatGatewaysCommandInput) => c.send(new DescribeNatGatewaysCommand(input))),
  'ec2:DescribeRouteTables': sdk('ec2', (c, input: DescribeRouteTablesCommandInput) => c.send(new DescribeRouteTablesCommand(input))),
  'ec2:DescribeSubnets': sdk('ec2', (c, input: DescribeSubnetsCommandInput) => c.send(new DescribeSubnetsCommand(input))),
  'rds:DescribeDBInstances': sdk('rds', (c, input: DescribeDBInstancesCommandInput) => c.send(new DescribeDBInstancesCommand(input))),
  'rds:DescribeDBClusters': sdk('rds', (c, input: DescribeDBClustersCommandInput) => c.send(new DescribeDBClustersCommand(input))),
  'elasticache:DescribeReplicationGroups': sdk('elasticache', (c, input: DescribeReplicationGroupsCommandInput) =>
    c.send(new DescribeReplicationGroupsCommand(input)),
  ),
  // Without ShowCacheNodeInfo: the clusters' own settings are enough, and the answer stays small.
  'elasticache:DescribeCacheClusters': sdk('elasticache', (c, input: DescribeCacheClustersCommandInput) => c.send(new DescribeCacheClustersCommand(input))),
  'cloudtrail:DescribeTrails': sdk('cloudtrail', (c, input: DescribeTrailsCommandInput) => c.send(new DescribeTrailsCommand(input)), {
    input: () => ({ includeShadowTrails: true }),
    lists: {
      // A trail is listed by every region it covers: asked about once, in its home region when that is read.
      trail: {
        resources: (answer, { region, regions }) =>
          (answer.trailList ?? []).flatMap((t) =>
            t.TrailARN
              ? [{ path: [t.TrailARN], region: t.HomeRegion && regions.includes(t.HomeRegion) ? t.HomeRegion : region, fields: { TrailARN: t.TrailARN } }]
              : [],
          ),
      },
      'trail bucket': {
        resources: (answer) =>
          (answer.trailList ?? []).flatMap((t) => (t.TrailARN && t.S3BucketName ? [{ path: [t.S3BucketName], fields: { Bucket: t.S3BucketName } }] : [])),
        sorted: true,
      },
    },
  }),
  'cloudtrail:LookupEvents': sdk('cloudtrail', (c, input: LookupEventsCommandInput) => c.send(new LookupEventsCommand(input)), {
    input: (_, run) => ({
      LookupAttributes: [{ AttributeKey: 'Username' as const, AttributeValue: 'root' }],
      StartTime: new Date(run.started.getTime() - (run.options.rootEventDays ?? 90) * 86_400_000),
      EndTime: run.started,
    }),
  }),
  'cloudtrail:GetTrailStatus': sdk('cloudtrail', (c, input: GetTrailStatusCommandInput) => c.send(new GetTrailStatusCommand(input)), {
    input: (trail: Resource<Trail>) => ({ Name: trail.fields.TrailARN }),
  }),
  'cloudtrail:GetEventSelectors': sdk('cloudtrail', (c, input: GetEventSelectorsCommandInput) => c.send(new GetEventSelectorsCommand(input)), {
    input: (trail: Resource<Trail>) => ({ TrailName: trail.fields.TrailARN }),
  }),
  // One trail a request.
  'cloudtrail:ListTags': sdk('cloudtrail', (c, input: ListTagsCommandInput) => c.send(new ListTagsCommand(input)), {
    input: (trail: Resource<Trail>) => ({ ResourceIdList: [trail.fields.TrailARN] }),
  }),
  's3:GetBucketLifecycleConfiguration': sdk(
    's3',
    async (c, input: GetBucketLifecycleConfigurationCommandInput) => {
      try {
        return await c.send(new GetBucketLifecycleConfigurationCommand(input));
      } catch (err) {
        // No lifecycle configuration is an answer, not a failure.
        if (errorOf(err).code === 'NoSuchLifecycleConfiguration') return { $metadata: {}, Rules: [] };
        throw err;
      }
    },
    { input: (bucket: Resource<{ Bucket: string }>, run) => ({ Bucket: bucket.fields.Bucket, ExpectedBucketOwner: run.accountId }) },
  ),
  'iam:GetAccountSummary': sdk('iam', (c, input: GetAccountSummaryCommandInput) => c.send(new GetAccountSummaryCommand(input))),
  // The report is generated asynchronously: asked until it is COMPLETE, backing off as the SDK's waiters do, while the users are read.
  'iam:GenerateCredentialReport': sdk(
    'iam',
    async (c, input: GenerateCredentialReportCommandInput, run) => {
      const timeout = run.options.credentialReportTimeout ?? 120;
      const minDelay = run.options.credentialReportPoll ?? 2;
      const waiter = { client: c, maxWaitTime: timeout, minDelay, maxDelay: Math.max(minDelay, 10), abortSignal: run.stop };
      const result = await createWaiter(waiter, input, async (client: IAMClient) => {
        const r = await client.send(new GenerateCredentialReportCommand(input));
        return { state: r.State === 'COMPLETE' ? WaiterState.SUCCESS : WaiterState.RETRY, reason: r };
      });
      if (run.stop.aborted) throw new Error('stopped');
      if (result.state !== WaiterState.SUCCESS) {
        throw Object.assign(new Error(`credential report not ready after ${timeout} s`), { name: 'ReportInProgress' });
      }
      return result.reason ?? { $metadata: {} };
    },
    // Generated, not kept: the report is what the next call reads.
    { background: true, answer: () => undefined },
  ),
  'iam:GetCredentialReport': sdk('iam', (c, input: GetCredentialReportCommandInput) => c.send(new GetCredentialReportCommand(input)), {
    answer: (r) => ({
      Content: r.Content ? Buffer.from(r.Content).toString('utf8') : '',
      ...(r.ReportFormat ? { ReportFormat: r.ReportFormat } : {}),
      ...(r.GeneratedTime ? { GeneratedTime: r.GeneratedTime } : {}),
    }),
  }),
  'iam:ListUsers': sdk('iam', (c, input: ListUsersCommandInput) => c.send(new ListUsersCommand(input)), {
    lists: {
      user: {
        resources: (answer) =>
          (answer.Users ?? []).flatMap((u): Resource<User>[] => (u.UserName ? [{ path: [u.UserName], fields: { UserName: u.UserName } }] : [])),
        // Enough in flight that IAM's rate limit, not a distant endpoint's latency, sets the pace.
        atOnce: 8,
      },
    },
  }),
  'iam:ListAccessKeys': sdk('iam', (c, input: ListAccessKeysCommandInput) => c.send(new ListAccessKeysCommand(input)), {
    input: (user: Resource<User>) => user.fields,
    lists: {
      'access key': {
        resources: (answer) =>
          (answer.AccessKeyMetadata ?? []).flatMap((k) => (k.AccessKeyId ? [{ path: [k.AccessKeyId], fields: { AccessKeyId: k.AccessKeyId } }] : [])),
      },
    },
  }),
  'iam:GetAccessKeyLastUsed': sdk('iam', (c, input: GetAccessKeyLastUsedCommandInput) => c.send(new GetAccessKeyLastUsedCommand(input)), {
    input: (key: Resource<{ AccessKeyId: string }>) => key.fields,
  }),
  'iam:ListMFADevices': sdk('iam', (c, input: ListMFADevicesCommandInput) => c.send(new ListMFADevicesCommand(input)), {
    input: (user: Resource<User>) => user.fields,
  }),
  'iam:GetAccountAuthorizationDetails': sdk(
    'iam',
    (c, input: GetAccountAuthorizationDetailsCommandInput) => c.send(new GetAccountAuthorizationDetailsCommand(input)),
    {
      input: () => ({ Filter: ['User' as const, 'Group' as const, 'Role' as const, 'LocalManagedPolicy' as const] }),
      // Documents come URL-encoded (the SDK does not decode them): kept as objects, as the CLI prints them.
      answer: (r) => ({
        UserDetailList: (r.UserDetailList ?? []).map((u) => ({ ...u, UserPolicyList: inlineDocuments(u.UserPolicyList) })),
        GroupDetailList: (r.GroupDetailList ?? []).map((g) => ({ ...g, GroupPolicyList: inlineDocuments(g.GroupPolicyList) })),
        RoleDetailList: (r.RoleDetailList ?? []).map(roleDetail),
        Policies: (r.Policies ?? []).map(managedPolicy),
      }),
    },
  ),
  'budgets:DescribeBudgets': sdk(
    'budgets',
    async (c, input: DescribeBudgetsCommandInput): Promise<DescribeBudgetsCommandOutput> => {
      try {
        return await c.send(new DescribeBudgetsCommand(input));
      } catch (err) {
        // An account without budgets may be told so with NotFoundException: an answer, not a failure.
        if (errorOf(err).code === 'NotFoundException') return { $metadata: {}, Budgets: [] };
        throw err;
      }
    },
    { input: (_, run) => ({ AccountId: run.accountId }) },
  ),
  'cloudwatch:DescribeAlarms': sdk('cloudwatch', (c, input: DescribeAlarmsCommandInput) => c.send(new DescribeAlarmsCommand(input)), {
    // The largest page CloudWatch gives (50 by default): an account may hold thousands of alarms.
    input: () => ({ AlarmTypes: ['MetricAlarm' as const], MaxRecords: 100 }),
    // Only the billing alarms: an account may hold thousands of others, which no rule reads.
    answer: (r) => ({ MetricAlarms: (r.MetricAlarms ?? []).filter(isBillingAlarm) }),
  }),
  'rds:DescribeDBSubnetGroups': sdk('rds', (c, input: DescribeDBSubnetGroupsCommandInput) => c.send(new DescribeDBSubnetGroupsCommand(input))),
  'elbv2:DescribeLoadBalancers': sdk('elbv2', (c, input: DescribeLoadBalancersCommandInput) => c.send(new DescribeLoadBalancersCommand(input)), {
    lists: {
      // DescribeTags takes at most twenty ARNs: each batch is kept under its first ARN.
      'load balancers': {
        resources: (answer) => {
          const arns = (answer.LoadBalancers ?? []).flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
          const batches: Resource<LoadBalancers>[] = [];
          for (let i = 0; i < arns.length; i += TAGS_PER_REQUEST) {
            const batch = arns.slice(i, i + TAGS_PER_REQUEST);
            batches.push({ path: [batch[0] as string], fields: { ResourceArns: batch } });
          }
          return batches;
        },
        atOnce: 4,
      },
    },
  }),
  'elbv2:DescribeTags': sdk('elbv2', (c, input: DescribeTagsCommandInput) => c.send(new DescribeTagsCommand(input)), {
    input: (batch: Resource<LoadBalancers>) => batch.fields,
  }),
  'elb:DescribeLoadBalancers': sdk('elb', (c, input: DescribeClassicLoadBalancersCommandInput) => c.send(new DescribeClassicLoadBalancersCommand(input))),
  'autoscaling:DescribeAutoScalingGroups': sdk('autoscaling', (c, input: DescribeAutoScalingGroupsCommandInput) =>
    c.send(new DescribeAutoScalingGroupsCommand(input)),
  ),
  // `collect --org` only (stage `organization`): sent by `collectOrganization` with requests of its own.
  'organizations:ListAccounts': sdk('organizations', (c, input: ListAccountsCommandInput) => c.send(new ListAccountsCommand(input))),
  'sts:AssumeRole': sdk('sts', (c, input: AssumeRoleCommandInput) => c.send(new AssumeRoleCommand(input))),
} satisfies { [N in AwsCallName]: AnyBinding };
