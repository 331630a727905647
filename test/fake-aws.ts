import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AWS_CALLS, type AwsCallName, callName } from '@mamori/core/internal';

/**
 * A local HTTP server on 127.0.0.1 that answers the real AWS SDK v3 clients in AWS's own wire
 * formats: EC2, IAM, STS, RDS, Elastic Load Balancing and Auto Scaling query protocol (form body
 * in, XML out), CloudTrail JSON 1.1 and S3 REST XML. Point the SDK at it with `AWS_ENDPOINT_URL`.
 * A request is routed to the call it makes, as the collector's descriptors (`AWS_CALLS`) name it
 * (`iam:ListUsers`); a REST call is recognised by its descriptor's `http`. Adding a call takes its
 * descriptor and a handler in `emptyAccountRoutes`.
 */

export interface FakeRequest {
  /** Service from the SigV4 credential scope, as the descriptors name it: `ec2`, `iam`, `sts`, `rds`, `elasticache`, `cloudtrail`, `s3`, `autoscaling`, `budgets`, `cloudwatch` (which signs as `monitoring`); `elbv2` or `elb` by API version. */
  service: string;
  /** The access key id the request was signed with. */
  accessKeyId: string;
  /** The session token sent with temporary credentials (`x-amz-security-token`), if any. */
  sessionToken?: string;
  region: string;
  operation: string;
  /** Query-protocol form fields, CloudTrail's JSON body (top-level values as text), or S3's path parameters. */
  params: Record<string, string>;
  /** The nth request for this `service:Operation` (and region), from 1. */
  attempt: number;
  /** When it arrived (`performance.now()`, ms): request rates are checked on these. */
  at: number;
}

export interface FakeResponse {
  status?: number;
  /** Never answer: the request stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Send the status and headers, then one byte of the body every 50 ms, never ending. */
  trickle?: boolean;
  /** Send the status and headers, then a body without end, as fast as the client reads it. */
  flood?: boolean;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Route = FakeResponse | FakeResponse[] | ((req: FakeRequest) => FakeResponse);

/** Answers by call; a call without one is answered with a 500 naming it. */
export type Routes = Partial<Record<AwsCallName, Route>>;

export interface FakeAws {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const WIRE = new URL('./fixtures/aws-wire/', import.meta.url);

/** A recorded response body from `test/fixtures/aws-wire/`. */
export function wire(name: string): string {
  return readFileSync(new URL(name, WIRE), 'utf8');
}

const NS: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  elasticache: 'http://elasticache.amazonaws.com/doc/2015-02-02/',
  elbv2: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  elb: 'http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
};

/** Both generations of Elastic Load Balancing sign as `elasticloadbalancing`: the API version tells them apart. */
const ELB_VERSIONS: Record<string, string> = { '2015-12-01': 'elbv2', '2012-06-01': 'elb' };

/** A query-protocol success (IAM, STS, RDS, ElastiCache, Elastic Load Balancing, Auto Scaling): `<OpResponse><OpResult>inner</OpResult>...`. */
export function queryXml(service: 'iam' | 'sts' | 'rds' | 'elasticache' | 'elbv2' | 'elb' | 'autoscaling', operation: string, inner: string): FakeResponse {
  return {
    body: `<${operation}Response xmlns="${NS[service]}"><${operation}Result>${inner}</${operation}Result><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata></${operation}Response>`,
    contentType: 'text/xml',
  };
}

/** An EC2 success: `<OpResponse><requestId/>inner</OpResponse>`. */
export function ec2Xml(operation: string, inner: string): FakeResponse {
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>00000000-0000-4000-8000-000000000000</requestId>${inner}</${operation}Response>`,
    contentType: 'text/xml;charset=UTF-8',
  };
}

/** IAM/STS/RDS error document. */
export function queryError(code: string, message: string, status = 400): FakeResponse {
  return {
    status,
    body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-4000-8000-000000000001</RequestId></ErrorResponse>`,
    contentType: 'text/xml',
  };
}

/** EC2's error document (a different shape from the other query services). */
export function ec2Error(code: string, message: string, status = 400): FakeResponse {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>00000000-0000-4000-8000-000000000002</RequestID></Response>`,
    contentType: 'text/xml;charset=UTF-8',
  };
}

export function json(value: unknown): FakeResponse {
  return { body: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/x-amz-json-1.1' };
}

/** An AWS JSON 1.0 success (CloudWatch: the SDK asks it in JSON, compatible with its query errors). */
export function json10(value: unknown): FakeResponse {
  return { body: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/x-amz-json-1.0' };
}

/** An AWS JSON 1.0 error of a service that was a query service: its query code in `x-amzn-query-error`. */
export function json10Error(code: string, message: string, status = 400): FakeResponse {
  return {
    status,
    body: JSON.stringify({ __type: `com.amazonaws.cloudwatch#${code}`, Message: message }),
    contentType: 'application/x-amz-json-1.0',
    headers: { 'x-amzn-query-error': `${code};Sender` },
  };
}

/** A JSON 1.1 error (CloudTrail). */
export function jsonError(type: string, message: string, status = 400): FakeResponse {
  return { status, body: JSON.stringify({ __type: type, message }), contentType: 'application/x-amz-json-1.1', headers: { 'x-amzn-errortype': type } };
}

export function s3Error(code: string, message: string, status: number): FakeResponse {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>0000000000000003</RequestId><HostId>aG9zdA==</HostId></Error>`,
    contentType: 'application/xml',
  };
}

/**
 * The REST call a request makes, by the method, path and query flags of its descriptor's `http`
 * (`GET /{Bucket}?lifecycle`), with the path's parameters; else the method and query keys, to name it.
 */
function restCall(service: string, method: string, url: URL): { operation: string; params: Record<string, string> } {
  const got = url.pathname.split('/').filter((s) => s !== '');
  for (const call of AWS_CALLS) {
    if (call.service !== service || !call.http) continue;
    const [verb = '', target = ''] = call.http.split(' ');
    const [path = '', flags = ''] = target.split('?');
    const want = path.split('/').filter((s) => s !== '');
    if (verb !== method || want.length !== got.length || !flags.split('&').every((f) => f === '' || url.searchParams.has(f))) continue;
    const params: Record<string, string> = {};
    const matches = want.every((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name) params[name] = decodeURIComponent(got[i] ?? '');
      return name !== undefined || segment === got[i];
    });
    if (matches) return { operation: call.operation, params };
  }
  return { operation: `${method} ${[...url.searchParams.keys()].join('&')}`, params: {} };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function describe(req: IncomingMessage, body: string): Omit<FakeRequest, 'attempt' | 'at'> {
  const auth = String(req.headers.authorization ?? '');
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  const accessKeyId = scope?.[1] ?? 'unknown';
  const region = scope?.[2] ?? 'unknown';
  const signing = scope?.[3] ?? 'unknown';
  // The descriptors name services as the SDK's clients do; CloudWatch signs as `monitoring`.
  const service = signing === 'monitoring' ? 'cloudwatch' : signing;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const params = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return { service, accessKeyId, region, operation: target.split('.').pop() ?? target, params };
  }
  if (service === 's3') return { service, accessKeyId, region, ...restCall(service, req.method ?? 'GET', url) };
  const form = new URLSearchParams(body);
  const params = Object.fromEntries(form.entries());
  const named = service === 'elasticloadbalancing' ? (ELB_VERSIONS[params.Version ?? ''] ?? service) : service;
  return { service: named, accessKeyId, region, operation: params.Action ?? 'unknown', params };
}

const CALLS = new Set<string>(AWS_CALLS.map(callName));

export interface FakeAwsOptions {
  /** Milliseconds added before every answer, as a distant endpoint takes. */
  latency?: number;
}

/** Starts the server; every request is recorded, and an unrouted one is answered with a 500 naming it. */
export async function startFakeAws(routes: Routes, options: FakeAwsOptions = {}): Promise<FakeAws> {
  const requests: FakeRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const at = performance.now();
      const body = await readBody(req);
      const described = describe(req, body);
      const key = `${described.service}:${described.operation}`;
      const countKey = `${key}@${described.region}@${JSON.stringify(described.params)}`;
      const attempt = (counts.get(countKey) ?? 0) + 1;
      counts.set(countKey, attempt);
      const token = req.headers['x-amz-security-token'];
      const request: FakeRequest = { ...described, ...(typeof token === 'string' ? { sessionToken: token } : {}), attempt, at };
      requests.push(request);
      const route = CALLS.has(key) ? routes[key as AwsCallName] : undefined;
      let answer: FakeResponse;
      if (!CALLS.has(key)) answer = { status: 500, body: `not a call the collector makes: ${key}`, contentType: 'text/plain' };
      else if (route === undefined) answer = { status: 500, body: `no route for ${key}`, contentType: 'text/plain' };
      else if (typeof route === 'function') answer = route(request);
      else if (Array.isArray(route)) answer = route[Math.min(attempt, route.length) - 1] ?? { status: 500, body: 'empty route' };
      else answer = route;
      if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
      if (answer.hang) return;
      res.writeHead(answer.status ?? 200, {
        'content-type': answer.contentType ?? 'text/xml',
        'x-amzn-requestid': '00000000-0000-4000-8000-000000000009',
        ...answer.headers,
      });
      if (answer.flood) {
        const chunk = Buffer.alloc(1024 * 1024, '<a>x</a>');
        const more = (): void => {
          while (!res.destroyed && res.write(chunk));
        };
        res.on('drain', more);
        more();
        return;
      }
      if (answer.trickle) {
        res.write(' ');
        const drip = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(drip));
        return;
      }
      res.end(answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * Answers for an account with nothing in it: every list empty, no trail, no user, the report
 * holding only root. One for every call the collector makes: a new call needs its answer here.
 */
export function emptyAccountRoutes(): Record<AwsCallName, Route> {
  const rootOnly = [
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    '<root_account>,arn:aws:iam::210987654321:root,2026-10-01T08:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
    '',
  ].join('\n');
  return {
    'sts:GetCallerIdentity': queryXml(
      'sts',
      'GetCallerIdentity',
      '<UserId>AROAEXAMPLEROLEID:audit</UserId><Account>210987654321</Account><Arn>arn:aws:sts::210987654321:assumed-role/audit/audit</Arn>',
    ),
    'ec2:DescribeRegions': ec2Xml(
      'DescribeRegions',
      '<regionInfo><item><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item><item><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint><regionName>eu-west-1</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo>',
    ),
    'ec2:DescribeSecurityGroups': ec2Xml('DescribeSecurityGroups', '<securityGroupInfo/>'),
    'ec2:DescribeNetworkAcls': ec2Xml('DescribeNetworkAcls', '<networkAclSet/>'),
    'ec2:DescribeAddresses': ec2Xml('DescribeAddresses', '<addressesSet/>'),
    'ec2:DescribeInstances': ec2Xml('DescribeInstances', '<reservationSet/>'),
    'ec2:DescribeNatGateways': ec2Xml('DescribeNatGateways', '<natGatewaySet/>'),
    'ec2:DescribeRouteTables': ec2Xml('DescribeRouteTables', '<routeTableSet/>'),
    'ec2:DescribeSubnets': ec2Xml('DescribeSubnets', '<subnetSet/>'),
    'rds:DescribeDBInstances': queryXml('rds', 'DescribeDBInstances', '<DBInstances/>'),
    'rds:DescribeDBClusters': queryXml('rds', 'DescribeDBClusters', '<DBClusters/>'),
    'elasticache:DescribeReplicationGroups': queryXml('elasticache', 'DescribeReplicationGroups', '<ReplicationGroups/>'),
    'elasticache:DescribeCacheClusters': queryXml('elasticache', 'DescribeCacheClusters', '<CacheClusters/>'),
    'rds:DescribeDBSubnetGroups': queryXml('rds', 'DescribeDBSubnetGroups', '<DBSubnetGroups/>'),
    'elbv2:DescribeLoadBalancers': queryXml('elbv2', 'DescribeLoadBalancers', '<LoadBalancers/>'),
    // Asked about load balancers the account does not hold: AWS's answer for an ARN it does not know.
    'elbv2:DescribeTags': (req) =>
      queryError('LoadBalancerNotFound', `One or more load balancers not found: ${req.params['ResourceArns.member.1'] ?? ''}`, 400),
    'elb:DescribeLoadBalancers': queryXml('elb', 'DescribeLoadBalancers', '<LoadBalancerDescriptions/>'),
    'autoscaling:DescribeAutoScalingGroups': queryXml('autoscaling', 'DescribeAutoScalingGroups', '<AutoScalingGroups/>'),
    'cloudtrail:DescribeTrails': json({ trailList: [] }),
    'cloudtrail:LookupEvents': json({ Events: [] }),
    'iam:GetAccountSummary': queryXml(
      'iam',
      'GetAccountSummary',
      '<SummaryMap><entry><key>Users</key><value>0</value></entry><entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>',
    ),
    'iam:GenerateCredentialReport': queryXml('iam', 'GenerateCredentialReport', '<State>COMPLETE</State>'),
    'iam:GetCredentialReport': queryXml(
      'iam',
      'GetCredentialReport',
      `<Content>${Buffer.from(rootOnly).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-25T12:00:00Z</GeneratedTime>`,
    ),
    'iam:ListUsers': queryXml('iam', 'ListUsers', '<Users/><IsTruncated>false</IsTruncated>'),
    // Asked about what the account does not hold: AWS's answers for a name it does not know.
    'cloudtrail:GetTrailStatus': noTrail,
    'cloudtrail:GetEventSelectors': noTrail,
    'cloudtrail:ListTags': (req) => jsonError('ResourceNotFoundException', `Resource not found: ${req.params.ResourceIdList ?? ''} for the user: 210987654321`),
    's3:GetBucketLifecycleConfiguration': (req) => s3Error('NoSuchBucket', `The specified bucket ${req.params.Bucket} does not exist`, 404),
    'iam:ListAccessKeys': noUser,
    'iam:GetAccessKeyLastUsed': (req) => queryError('NoSuchEntity', `The Access Key with id ${req.params.AccessKeyId} cannot be found`, 404),
    'iam:ListMFADevices': noUser,
    'iam:GetAccountAuthorizationDetails': queryXml(
      'iam',
      'GetAccountAuthorizationDetails',
      '<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/><IsTruncated>false</IsTruncated>',
    ),
    // An account without budgets is told so with an error (Budgets' JSON 1.1).
    'budgets:DescribeBudgets': (req) =>
      jsonError('NotFoundException', `[Exception=NotFoundException] Unable to get budgets for account: ${req.params.AccountId} - the account has no budgets`),
    'cloudwatch:DescribeAlarms': json10({ MetricAlarms: [], CompositeAlarms: [] }),
    // `collect --org`: an account outside any organisation, and no role it may assume (see test/fake-org.ts).
    'organizations:ListAccounts': jsonError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'),
    'sts:AssumeRole': (req) =>
      queryError(
        'AccessDenied',
        `User: arn:aws:iam::210987654321:user/audit is not authorized to perform: sts:AssumeRole on resource: ${req.params.RoleArn}`,
        403,
      ),
  };
}

const noUser = (req: FakeRequest): FakeResponse => queryError('NoSuchEntity', `The user with name ${req.params.UserName} cannot be found.`, 404);
const noTrail = (req: FakeRequest): FakeResponse =>
  jsonError('TrailNotFoundException', `Unknown trail: ${req.params.Name ?? req.params.TrailName} for the user: 210987654321`);

/** A response that never comes. */
export const HANG: FakeResponse = { hang: true, body: '' };

/** A response whose body never ends: a byte every 50 ms. */
export const TRICKLE: FakeResponse = { trickle: true, body: '' };

/** A response whose body never ends, sent as fast as it is read. */
export const FLOOD: FakeResponse = { flood: true, body: '' };

/** Environment variables the SDK reads, pointed at a fake endpoint; returns a function that restores them. */
export function useFakeAwsEnv(url: string, region = 'eu-west-1'): () => void {
  const aws = (): string[] => Object.keys(process.env).filter((k) => k.startsWith('AWS_'));
  const saved = Object.fromEntries(aws().map((k) => [k, process.env[k]]));
  for (const k of aws()) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: region,
    AWS_CONFIG_FILE: '/nonexistent/mamori-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/mamori-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return () => {
    for (const k of aws()) delete process.env[k];
    Object.assign(process.env, saved);
  };
}

/** Wraps every route but STS GetCallerIdentity (the account must be known to collect at all). */
export function everyCallBut(routes: Routes, answer: (req: FakeRequest, route: Route) => FakeResponse | undefined): Routes {
  const serve = (route: Route, req: FakeRequest): FakeResponse =>
    typeof route === 'function' ? route(req) : Array.isArray(route) ? (route[Math.min(req.attempt, route.length) - 1] as FakeResponse) : route;
  return Object.fromEntries(
    Object.entries(routes).map(([key, route]): [string, Route] => [
      key,
      key === 'sts:GetCallerIdentity' ? route : (req) => answer(req, route) ?? serve(route, req),
    ]),
  );
}

/** How a large account is made: its users (each with an access key) and what else IAM holds. */
export interface LargeAccount {
  users: number;
  groups?: number;
  roles?: number;
  policies?: number;
}

/** Items per page of IAM's paginated answers when MaxItems is not given, as IAM pages them. */
export const IAM_PAGE = 100;

/**
 * An account of many IAM users, each with an access key, answered as IAM answers: users and the
 * authorization details a hundred items a page (the details' four lists counted together), the
 * credential report first generated (`STARTED`), then complete, with a row per user. Regional
 * services answer empty.
 */
export function largeAccountRoutes({ users, groups = 10, roles = 50, policies = 20 }: LargeAccount): Record<AwsCallName, Route> {
  const account = '210987654321';
  const pad = (i: number): string => String(i).padStart(5, '0');
  const name = (i: number): string => `user-${pad(i)}`;
  const keyId = (i: number): string => `AKIA${pad(i).padStart(16, 'Q')}`;
  const created = '2025-01-15T09:00:00Z';
  const page = (req: FakeRequest): number => Number(req.params.Marker ?? '0');
  const more = (next: number, total: number): string =>
    next < total ? `<IsTruncated>true</IsTruncated><Marker>${next}</Marker>` : '<IsTruncated>false</IsTruncated>';
  const userOf = (i: number): string =>
    `<Path>/</Path><UserName>${name(i)}</UserName><UserId>AIDA${pad(i).padStart(17, 'U')}</UserId><Arn>arn:aws:iam::${account}:user/${name(i)}</Arn><CreateDate>${created}</CreateDate>`;
  const index = (userName: string | undefined): number => Number(/^user-(\d+)$/.exec(userName ?? '')?.[1] ?? -1);
  const trust = encodeURIComponent(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  );
  const document = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }));
  // The authorization details in IAM's order of lists, each item one of MaxItems.
  const details: [list: string, xml: string][] = [
    ...Array.from({ length: users }, (_, i): [string, string] => [
      'UserDetailList',
      `<member>${userOf(i)}<GroupList><member>group-${i % Math.max(1, groups)}</member></GroupList><AttachedManagedPolicies/><UserPolicyList/><Tags/></member>`,
    ]),
    ...Array.from({ length: groups }, (_, i): [string, string] => [
      'GroupDetailList',
      `<member><Path>/</Path><GroupName>group-${i}</GroupName><GroupId>AGPA${pad(i).padStart(17, 'G')}</GroupId><Arn>arn:aws:iam::${account}:group/group-${i}</Arn><CreateDate>${created}</CreateDate><GroupPolicyList/><AttachedManagedPolicies><member><PolicyName>policy-${i % Math.max(1, policies)}</PolicyName><PolicyArn>arn:aws:iam::${account}:policy/policy-${i % Math.max(1, policies)}</PolicyArn></member></AttachedManagedPolicies></member>`,
    ]),
    ...Array.from({ length: roles }, (_, i): [string, string] => [
      'RoleDetailList',
      `<member><Path>/</Path><RoleName>role-${i}</RoleName><RoleId>AROA${pad(i).padStart(17, 'R')}</RoleId><Arn>arn:aws:iam::${account}:role/role-${i}</Arn><CreateDate>${created}</CreateDate><AssumeRolePolicyDocument>${trust}</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/><Tags/></member>`,
    ]),
    ...Array.from({ length: policies }, (_, i): [string, string] => [
      'Policies',
      `<member><PolicyName>policy-${i}</PolicyName><PolicyId>ANPA${pad(i).padStart(17, 'P')}</PolicyId><Arn>arn:aws:iam::${account}:policy/policy-${i}</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable><CreateDate>${created}</CreateDate><UpdateDate>${created}</UpdateDate><PolicyVersionList><member><Document>${document}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>${created}</CreateDate></member></PolicyVersionList></member>`,
    ]),
  ];
  const header =
    'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
  const report = [
    header,
    `<root_account>,arn:aws:iam::${account}:root,2024-10-01T08:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ...Array.from(
      { length: users },
      (_, i) =>
        `${name(i)},arn:aws:iam::${account}:user/${name(i)},${created},false,N/A,N/A,N/A,false,true,${created},2026-11-20T10:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ),
    '',
  ].join('\n');
  return {
    ...emptyAccountRoutes(),
    'iam:GetAccountSummary': queryXml(
      'iam',
      'GetAccountSummary',
      `<SummaryMap><entry><key>Users</key><value>${users}</value></entry><entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>`,
    ),
    'iam:GenerateCredentialReport': [
      queryXml('iam', 'GenerateCredentialReport', '<State>STARTED</State><Description>No report exists. Starting a new report generation task</Description>'),
      queryXml('iam', 'GenerateCredentialReport', '<State>COMPLETE</State>'),
    ],
    'iam:GetCredentialReport': queryXml(
      'iam',
      'GetCredentialReport',
      `<Content>${Buffer.from(report).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-25T12:00:00Z</GeneratedTime>`,
    ),
    'iam:ListUsers': (req) => {
      const from = page(req);
      const to = Math.min(users, from + IAM_PAGE);
      const members = Array.from({ length: to - from }, (_, j) => `<member>${userOf(from + j)}</member>`).join('');
      return queryXml('iam', 'ListUsers', `<Users>${members}</Users>${more(to, users)}`);
    },
    'iam:ListAccessKeys': (req) => {
      const i = index(req.params.UserName);
      if (i < 0 || i >= users) return noUser(req);
      return queryXml(
        'iam',
        'ListAccessKeys',
        `<UserName>${name(i)}</UserName><AccessKeyMetadata><member><UserName>${name(i)}</UserName><AccessKeyId>${keyId(i)}</AccessKeyId><Status>Active</Status><CreateDate>${created}</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
      );
    },
    'iam:GetAccessKeyLastUsed': (req) => {
      const i = Number(/(\d{5})$/.exec(req.params.AccessKeyId ?? '')?.[1] ?? -1);
      return queryXml(
        'iam',
        'GetAccessKeyLastUsed',
        `<UserName>${name(i)}</UserName><AccessKeyLastUsed><LastUsedDate>2026-11-20T10:00:00Z</LastUsedDate><ServiceName>s3</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>`,
      );
    },
    'iam:ListMFADevices': (req) => {
      const i = index(req.params.UserName);
      if (i < 0 || i >= users) return noUser(req);
      return queryXml('iam', 'ListMFADevices', '<MFADevices/><IsTruncated>false</IsTruncated>');
    },
    'iam:GetAccountAuthorizationDetails': (req) => {
      const from = page(req);
      const to = Math.min(details.length, from + IAM_PAGE);
      const slice = details.slice(from, to);
      const lists = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].map((list) => {
        const members = slice.filter(([l]) => l === list).map(([, xml]) => xml);
        return members.length > 0 ? `<${list}>${members.join('')}</${list}>` : `<${list}/>`;
      });
      return queryXml('iam', 'GetAccountAuthorizationDetails', `${more(to, details.length)}${lists.join('')}`);
    },
  };
}
