import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { Policy } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('policies from the recorded account snapshot', () => {
  it('the inline policies of a user and a role, and the customer managed policy attached to a user, with statements', () => {
    const policies = of('Policy', loaded.entities);
    const D = ['global', 'iam', 'GetAccountAuthorizationDetails'];
    expect(policies.map((p): Partial<Policy> => ({ policyName: p.policyName, policyType: p.policyType, attachedTo: p.attachedTo, id: p.id }))).toEqual([
      { policyName: 'inline-all', policyType: 'inline', attachedTo: [{ type: 'user', name: 'ken' }], id: 'arn:aws:iam::123456789012:user/ken#inline-all' },
      {
        policyName: 'read-assets',
        policyType: 'inline',
        attachedTo: [{ type: 'role', name: 'app-server', trustedBy: ['Service ec2.amazonaws.com'] }],
        id: 'arn:aws:iam::123456789012:role/app-server#read-assets',
      },
      {
        policyName: 'admin-everything',
        policyType: 'managed',
        attachedTo: [{ type: 'user', name: 'ken' }],
        id: 'arn:aws:iam::123456789012:policy/admin-everything',
      },
    ]);
    expect(policies[0]?.statements).toEqual([
      {
        effect: 'Allow',
        actions: ['*'],
        notActions: [],
        resources: ['*'],
        notResources: [],
        hasCondition: false,
        location: expect.objectContaining(at([...D, 'UserDetailList', 0, 'UserPolicyList', 0, 'PolicyDocument', 'Statement', 0])),
        actionLocations: [expect.objectContaining(at([...D, 'UserDetailList', 0, 'UserPolicyList', 0, 'PolicyDocument', 'Statement', 0, 'Action']))],
      },
    ]);
    expect(policies[2]?.location).toEqual(expect.objectContaining(at([...D, 'Policies', 0, 'PolicyVersionList', 0, 'Document'])));
    expect(policies[2]?.unattached).toBeUndefined();
  });
});

const D = ['global', 'iam', 'GetAccountAuthorizationDetails'];
const doc = (statement: Record<string, unknown>) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const ADMIN = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('policies from the authorization details', () => {
  const text = snapshotJson({
    iam: {
      ListUsers: { Users: [{ UserName: 'aiko' }, { UserName: 'ken' }] },
      GetAccountAuthorizationDetails: {
        UserDetailList: [
          { UserName: 'aiko', Arn: `arn:aws:iam::${ACCOUNT}:user/aiko`, GroupList: ['admins'], AttachedManagedPolicies: [], UserPolicyList: [] },
          {
            UserName: 'ken',
            GroupList: ['admins'],
            AttachedManagedPolicies: [],
            UserPolicyList: [],
            PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/boundary` },
          },
        ],
        GroupDetailList: [
          {
            GroupName: 'admins',
            Arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
            AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
            GroupPolicyList: [{ PolicyName: 'all', PolicyDocument: doc(ADMIN) }],
          },
        ],
        RoleDetailList: [
          {
            RoleName: 'deploy',
            Arn: `arn:aws:iam::${ACCOUNT}:role/deploy`,
            AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }),
            AttachedManagedPolicies: [{ PolicyName: 'admin', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/admin` }],
            RolePolicyList: [],
          },
        ],
        Policies: [
          {
            PolicyName: 'admin',
            Arn: `arn:aws:iam::${ACCOUNT}:policy/admin`,
            DefaultVersionId: 'v2',
            AttachmentCount: 1,
            PolicyVersionList: [
              { VersionId: 'v1', IsDefaultVersion: false, Document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
              { VersionId: 'v2', IsDefaultVersion: true, Document: doc(ADMIN) },
            ],
          },
          {
            PolicyName: 'spare',
            Arn: `arn:aws:iam::${ACCOUNT}:policy/spare`,
            AttachmentCount: 0,
            PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: { Version: '2012-10-17', Statement: [ADMIN] } }],
          },
          // An endpoint that sends AWS managed policies although only local ones were asked for: not mapped twice.
          {
            PolicyName: 'AdministratorAccess',
            Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
            AttachmentCount: 1,
            PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc(ADMIN) }],
          },
          {
            PolicyName: 'no-count',
            Arn: `arn:aws:iam::${ACCOUNT}:policy/no-count`,
            PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc(ADMIN) }],
          },
          {
            PolicyName: 'boundary',
            Arn: `arn:aws:iam::${ACCOUNT}:policy/boundary`,
            AttachmentCount: 0,
            PermissionsBoundaryUsageCount: 1,
            PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: doc(ADMIN) }],
          },
        ],
      },
    },
  });
  const entities = loadSnapshot('s.json', text).entities;
  const policies = of('Policy', entities);
  const byId = (id: string) => policies.find((p) => p.id === id);

  it('inline policies of groups and AWS managed AdministratorAccess on a group, reaching the members', () => {
    const members = { type: 'group', name: 'admins', members: ['aiko', 'ken'] };
    expect(byId(`arn:aws:iam::${ACCOUNT}:group/admins#all`)).toMatchObject({ displayName: 'inline policy all of group admins', attachedTo: [members] });
    expect(byId(`arn:aws:iam::${ACCOUNT}:group/admins#arn:aws:iam::aws:policy/AdministratorAccess`)).toMatchObject({
      attachedTo: [members],
      location: expect.objectContaining(at([...D, 'GroupDetailList', 0, 'AttachedManagedPolicies', 0, 'PolicyArn'], text)),
    });
  });

  it('customer managed policies with their default version (URL-encoded or not), who they are attached to, unattached and boundary ones marked', () => {
    expect(byId(`arn:aws:iam::${ACCOUNT}:policy/admin`)).toMatchObject({
      attachedTo: [{ type: 'role', name: 'deploy', trustedBy: ['AWS arn:aws:iam::111122223333:root'] }],
      location: expect.objectContaining(at([...D, 'Policies', 0, 'PolicyVersionList', 1, 'Document'], text)),
    });
    expect(byId(`arn:aws:iam::${ACCOUNT}:policy/admin`)?.statements.map((st) => st.actions)).toEqual([['*']]);
    expect(byId(`arn:aws:iam::${ACCOUNT}:policy/spare`)).toMatchObject({ attachedTo: [], unattached: true });
    // Without AttachmentCount, no principal of the answer attaching it says the same.
    expect(byId(`arn:aws:iam::${ACCOUNT}:policy/no-count`)).toMatchObject({ attachedTo: [], unattached: true });
    expect(policies.filter((p) => p.arn === 'arn:aws:iam::aws:policy/AdministratorAccess').map((p) => p.id)).toEqual([
      `arn:aws:iam::${ACCOUNT}:group/admins#arn:aws:iam::aws:policy/AdministratorAccess`,
    ]);
    expect(byId(`arn:aws:iam::${ACCOUNT}:policy/boundary`)).toMatchObject({ attachedTo: [], permissionsBoundary: true });
  });

  it('groups with their members, roles with their trust policy, users with their groups and boundary', () => {
    expect(of('IamGroup', entities).map((g) => [g.groupName, g.members, g.attachedPolicies, g.inlinePolicies])).toEqual([
      ['admins', ['aiko', 'ken'], ['AdministratorAccess'], ['all']],
    ]);
    const [role] = of('IamRole', entities);
    expect(role?.trust).toEqual([
      {
        effect: 'Allow',
        principals: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }],
        notPrincipal: false,
        actions: ['sts:AssumeRole'],
        conditions: [],
        location: expect.objectContaining(at([...D, 'RoleDetailList', 0, 'AssumeRolePolicyDocument'], text)),
      },
    ]);
    expect(of('IamUser', entities).map((u) => [u.userName, u.groups, u.permissionsBoundary])).toEqual([
      ['aiko', ['admins'], undefined],
      ['ken', ['admins'], `arn:aws:iam::${ACCOUNT}:policy/boundary`],
    ]);
  });
});

describe('policies from snapshots of older collectors (per-user calls)', () => {
  it('the AWS managed AdministratorAccess attached to a user is a policy located at the attachment; users know where each policy is attached', () => {
    const doc = snapshotJson({
      iam: {
        ListUsers: { Users: [{ UserName: 'ken', Arn: `arn:aws:iam::${ACCOUNT}:user/ken` }] },
        ListAttachedUserPolicies: {
          ken: {
            AttachedPolicies: [
              { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
              { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
            ],
          },
        },
        ListUserPolicies: { ken: { PolicyNames: ['s3-fix'] } },
      },
    });
    const entities = loadSnapshot('s.json', doc).entities;
    const attached = ['global', 'iam', 'ListAttachedUserPolicies', 'ken', 'AttachedPolicies'];
    const [admin, ...others] = of('Policy', entities);
    expect(others).toEqual([]);
    expect(admin).toMatchObject<Partial<Policy>>({
      id: `arn:aws:iam::${ACCOUNT}:user/ken#arn:aws:iam::aws:policy/AdministratorAccess`,
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      policyName: 'AdministratorAccess',
      policyType: 'managed',
      attachedTo: [{ type: 'user', name: 'ken' }],
      location: expect.objectContaining({ ...at([...attached, 1, 'PolicyArn'], doc), arn: `arn:aws:iam::${ACCOUNT}:user/ken` }),
    });
    expect(admin?.statements.map((st) => [st.effect, st.actions, st.resources])).toEqual([['Allow', ['*'], ['*']]]);
    const [ken] = of('IamUser', entities);
    expect(ken?.policyLocations?.map((p) => [p.type, p.name, p.location.line, p.location.column])).toEqual([
      ['managed', 'ReadOnlyAccess', at([...attached, 0, 'PolicyArn'], doc).line, at([...attached, 0, 'PolicyArn'], doc).column],
      ['managed', 'AdministratorAccess', at([...attached, 1, 'PolicyArn'], doc).line, at([...attached, 1, 'PolicyArn'], doc).column],
      [
        'inline',
        's3-fix',
        at(['global', 'iam', 'ListUserPolicies', 'ken', 'PolicyNames', 0], doc).line,
        at(['global', 'iam', 'ListUserPolicies', 'ken', 'PolicyNames', 0], doc).column,
      ],
    ]);
  });
});
