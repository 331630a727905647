import type { AwsCallName } from '@mamori/core/internal';
import {
  ec2Error,
  ec2Xml,
  emptyAccountRoutes,
  type FakeRequest,
  type FakeResponse,
  json,
  jsonError,
  queryError,
  queryXml,
  type Route,
  type Routes,
  s3Error,
} from './fake-aws.js';

/**
 * An AWS organisation on the fake endpoint: a management account (signing with the environment's
 * key, `AKIAIOSFODNN7EXAMPLE`) answering Organizations ListAccounts and STS AssumeRole, and member
 * accounts each answering with its own credentials only. AssumeRole gives each account a key and
 * session token of its own; every call is answered by the account that key belongs to, and a call
 * signed with the wrong key or token is refused as AWS refuses it. A snapshot of an account thus
 * holds that account's answers only if its credentials reached its calls.
 */
export interface FakeMember {
  id: string;
  name: string;
  /** `ACTIVE` by default; `SUSPENDED` accounts are listed but hold no role that can be assumed. */
  state?: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED';
  /** The role names the account holds (default: `mamori-audit`); assuming another is refused with AccessDenied. */
  roles?: string[];
  /** External id the role's trust policy asks for. */
  externalId?: string;
  /** Answers of this account, over an empty account's. */
  routes?: Routes;
}

export const MANAGEMENT_ACCOUNT = '111111111111';
export const MANAGEMENT_KEY = 'AKIAIOSFODNN7EXAMPLE';

/** The access key and session token AssumeRole gives for an account (the fake knows the account by them). */
export function memberKey(id: string): { accessKeyId: string; sessionToken: string } {
  return { accessKeyId: `ASIA${id}TEMP`, sessionToken: `token-for-${id}` };
}

/** A security group open to the world on SSH, named after its account: a finding each member's snapshot shows as its own. */
export function openSshGroup(id: string): Routes {
  return {
    'ec2:DescribeSecurityGroups': ec2Xml(
      'DescribeSecurityGroups',
      `<securityGroupInfo><item><ownerId>${id}</ownerId><groupId>sg-0${id}</groupId><groupName>ssh-${id}</groupName><groupDescription>ssh</groupDescription><vpcId>vpc-1</vpcId><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissions><ipPermissionsEgress/></item></securityGroupInfo>`,
    ),
  };
}

/** How the service answering `req` says the credentials are not valid. */
function refused(req: FakeRequest, why: string): FakeResponse {
  if (req.service === 'ec2') return ec2Error('AuthFailure', why, 401);
  if (req.service === 's3') return s3Error('InvalidAccessKeyId', why, 403);
  if (['cloudtrail', 'budgets', 'organizations'].includes(req.service)) return jsonError('UnrecognizedClientException', why, 403);
  if (req.service === 'cloudwatch') return { ...jsonError('UnrecognizedClientException', why, 403), contentType: 'application/x-amz-json-1.0' };
  return queryError('InvalidClientTokenId', why, 403);
}

function serve(route: Route | undefined, req: FakeRequest): FakeResponse {
  if (route === undefined) return { status: 500, body: 'no route', contentType: 'text/plain' };
  if (typeof route === 'function') return route(req);
  if (Array.isArray(route)) return route[Math.min(req.attempt, route.length) - 1] as FakeResponse;
  return route;
}

/** Routes for an organisation of `members`, its accounts listed `pageSize` to a page. */
export function organizationRoutes(members: readonly FakeMember[], { pageSize = 2 } = {}): Routes {
  const callerIdentity = (id: string, arn: string): FakeResponse =>
    queryXml('sts', 'GetCallerIdentity', `<UserId>AIDAEXAMPLE:${id}</UserId><Account>${id}</Account><Arn>${arn}</Arn>`);
  const management: Routes = {
    ...emptyAccountRoutes(),
    'sts:GetCallerIdentity': callerIdentity(MANAGEMENT_ACCOUNT, `arn:aws:iam::${MANAGEMENT_ACCOUNT}:user/platform`),
    'organizations:ListAccounts': (req) => {
      const from = Number(req.params.NextToken ?? '0');
      const page = members.slice(from, from + pageSize).map((m) => ({
        Id: m.id,
        Arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:account/o-example/${m.id}`,
        Email: `${m.id}@example.com`,
        Name: m.name,
        State: m.state ?? 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1_700_000_000,
      }));
      return json({ Accounts: page, ...(from + pageSize < members.length ? { NextToken: String(from + pageSize) } : {}) });
    },
    'sts:AssumeRole': (req) => {
      const arn = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(req.params.RoleArn ?? '');
      const member = members.find((m) => m.id === arn?.[1]);
      const holds = member && (member.state ?? 'ACTIVE') === 'ACTIVE' && (member.roles ?? ['mamori-audit']).includes(arn?.[2] ?? '');
      if (!member || !holds || (member.externalId !== undefined && member.externalId !== req.params.ExternalId)) {
        return queryError(
          'AccessDenied',
          `User: arn:aws:iam::${MANAGEMENT_ACCOUNT}:user/platform is not authorized to perform: sts:AssumeRole on resource: ${req.params.RoleArn}`,
          403,
        );
      }
      const { accessKeyId, sessionToken } = memberKey(member.id);
      return queryXml(
        'sts',
        'AssumeRole',
        `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>secret-${member.id}</SecretAccessKey><SessionToken>${sessionToken}</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:${req.params.RoleSessionName}</AssumedRoleId><Arn>arn:aws:sts::${member.id}:assumed-role/${arn?.[2]}/${req.params.RoleSessionName}</Arn></AssumedRoleUser>`,
      );
    },
  };
  const byKey = new Map<string, { routes: Routes; token?: string }>([[MANAGEMENT_KEY, { routes: management }]]);
  for (const m of members) {
    const { accessKeyId, sessionToken } = memberKey(m.id);
    const routes: Routes = {
      ...emptyAccountRoutes(),
      'sts:GetCallerIdentity': callerIdentity(m.id, `arn:aws:sts::${m.id}:assumed-role/mamori-audit/mamori`),
      ...m.routes,
    };
    byKey.set(accessKeyId, { routes, token: sessionToken });
  }
  const names = Object.keys(emptyAccountRoutes()) as AwsCallName[];
  return Object.fromEntries(
    names.map((name): [AwsCallName, Route] => [
      name,
      (req) => {
        const account = byKey.get(req.accessKeyId);
        if (!account) return refused(req, `The security token included in the request is invalid (${req.accessKeyId}).`);
        if (account.token !== req.sessionToken) return refused(req, 'The security token included in the request is invalid.');
        return serve(account.routes[name], req);
      },
    ]),
  );
}
