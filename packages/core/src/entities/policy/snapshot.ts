import type { SourceLocation } from '../../model/location.js';
import {
  ADMINISTRATOR_ACCESS_ARN as ADMINISTRATOR_ACCESS,
  AUTHORIZATION_PATH,
  authorizationDetails,
  policyNameOfArn,
} from '../../snapshot/authorization-details.js';
import type { ApiAttachedPolicy, ApiInlinePolicy, ApiPermissionsBoundary } from '../../snapshot/format.js';
import type { PathKey } from '../../snapshot/locator.js';
import { policyDocumentObject } from '../../snapshot/policy.js';
import { append } from '../../util/append.js';
import { trustedBy } from '../iam-role/trust.js';
import type { SnapshotInput } from '../slice.js';
import { policyStatements } from './statements.js';
import type { Policy, PolicyAttachment } from './types.js';

/**
 * The account's identity policies: inline policies of users, groups and roles, every customer
 * managed policy (attached or not) with the principals it is attached to, and the AWS managed
 * AdministratorAccess wherever it is attached. Snapshots of older collectors hold users' policies only.
 */
export function userPoliciesFromSnapshot(input: SnapshotInput): Policy[] {
  return authorizationDetails(input) ? authorizationPolicies(input) : legacyUserPolicies(input);
}

const AWS_MANAGED = /^arn:[a-z-]+:iam::aws:policy\//;

interface Principal {
  attachment: PolicyAttachment;
  arn: string;
  path: PathKey[];
  inline: ApiInlinePolicy[] | undefined;
  inlineKey: string;
  attached: ApiAttachedPolicy[] | undefined;
}

function attachment(
  type: PolicyAttachment['type'],
  name: string,
  boundary: ApiPermissionsBoundary | undefined,
  more: Partial<PolicyAttachment> = {},
): PolicyAttachment {
  const arn = boundary?.PermissionsBoundaryArn;
  return { type, name, ...more, ...(arn ? { boundary: arn } : {}) };
}

/** From IAM GetAccountAuthorizationDetails. */
function authorizationPolicies(input: SnapshotInput): Policy[] {
  const details = authorizationDetails(input);
  const members = new Map(input.of('IamGroup').map((g) => [g.groupName, g.members]));
  const roles = new Map(input.of('IamRole').map((r) => [r.roleName, trustedBy(r.trust)]));
  const principals: Principal[] = [
    ...(details?.UserDetailList ?? []).map((u, i) => ({
      attachment: attachment('user', u.UserName, u.PermissionsBoundary),
      arn: u.Arn ?? `arn:${input.partition}:iam::${input.account}:user/${u.UserName}`,
      path: [...AUTHORIZATION_PATH, 'UserDetailList', i],
      inline: u.UserPolicyList,
      inlineKey: 'UserPolicyList',
      attached: u.AttachedManagedPolicies,
    })),
    ...(details?.GroupDetailList ?? []).map((g, i) => ({
      attachment: attachment('group', g.GroupName, undefined, { members: members.get(g.GroupName) ?? [] }),
      arn: g.Arn ?? `arn:${input.partition}:iam::${input.account}:group/${g.GroupName}`,
      path: [...AUTHORIZATION_PATH, 'GroupDetailList', i],
      inline: g.GroupPolicyList,
      inlineKey: 'GroupPolicyList',
      attached: g.AttachedManagedPolicies,
    })),
    ...(details?.RoleDetailList ?? []).map((r, i) => ({
      attachment: attachment('role', r.RoleName, r.PermissionsBoundary, (roles.get(r.RoleName) ?? []).length > 0 ? { trustedBy: roles.get(r.RoleName) } : {}),
      arn: r.Arn ?? `arn:${input.partition}:iam::${input.account}:role/${r.RoleName}`,
      path: [...AUTHORIZATION_PATH, 'RoleDetailList', i],
      inline: r.RolePolicyList,
      inlineKey: 'RolePolicyList',
      attached: r.AttachedManagedPolicies,
    })),
  ];
  const out: Policy[] = [];
  const attachedTo = new Map<string, PolicyAttachment[]>();
  const boundaries = new Set<string>();
  for (const p of principals) {
    const { type, name } = p.attachment;
    if (p.attachment.boundary) boundaries.add(p.attachment.boundary);
    (p.inline ?? []).forEach((policy, k) => {
      const doc = policyDocumentObject(policy.PolicyDocument);
      const policyName = policy.PolicyName ?? `#${k + 1}`;
      if (!doc) return;
      const path = [...p.path, p.inlineKey, k, 'PolicyDocument'];
      out.push({
        kind: 'Policy',
        // An inline policy has no ARN of its own; its principal's ARN and its name identify it.
        id: `${p.arn}#${policyName}`,
        ...input.base(undefined),
        location: input.loc.at(path, p.arn),
        displayName: `inline policy ${policyName} of ${type} ${name}`,
        policyName,
        policyType: 'inline',
        attachedTo: [p.attachment],
        statements: policyStatements(doc, (q) => input.loc.at([...path, ...q], p.arn)),
      });
    });
    (p.attached ?? []).forEach((policy, k) => {
      if (!policy.PolicyArn) return;
      attachedTo.set(policy.PolicyArn, [...(attachedTo.get(policy.PolicyArn) ?? []), p.attachment]);
      if (ADMINISTRATOR_ACCESS.test(policy.PolicyArn)) {
        out.push(
          administratorAccess(input, p.arn, p.attachment, policy.PolicyArn, input.loc.at([...p.path, 'AttachedManagedPolicies', k, 'PolicyArn'], p.arn)),
        );
      }
    });
  }
  (details?.Policies ?? []).forEach((policy, i) => {
    // Only customer managed policies are asked for; an AWS managed one an endpoint sends anyway is judged by its attachments above.
    if (AWS_MANAGED.test(policy.Arn)) return;
    const versions = policy.PolicyVersionList ?? [];
    const j = Math.max(
      0,
      versions.findIndex((v) => v.IsDefaultVersion === true || (policy.DefaultVersionId !== undefined && v.VersionId === policy.DefaultVersionId)),
    );
    const doc = policyDocumentObject(versions[j]?.Document);
    if (!doc) return;
    const path = [...AUTHORIZATION_PATH, 'Policies', i, 'PolicyVersionList', j, 'Document'];
    const policyName = policy.PolicyName ?? policyNameOfArn(policy.Arn);
    const to = attachedTo.get(policy.Arn) ?? [];
    out.push({
      kind: 'Policy',
      id: policy.Arn,
      ...input.base(undefined),
      location: input.loc.at(path, policy.Arn),
      displayName: `managed policy ${policyName}`,
      policyName,
      policyType: 'managed',
      attachedTo: to,
      statements: policyStatements(doc, (q) => input.loc.at([...path, ...q], policy.Arn)),
      arn: policy.Arn,
      ...((policy.PermissionsBoundaryUsageCount ?? 0) > 0 || boundaries.has(policy.Arn) ? { permissionsBoundary: true } : {}),
      // Every user, group and role is in the same answer: attached to none of them is attached to nothing.
      ...(to.length === 0 && (policy.AttachmentCount ?? 0) === 0 ? { unattached: true } : {}),
    });
  });
  return out;
}

function administratorAccess(input: SnapshotInput, principalArn: string, to: PolicyAttachment, arn: string, location: SourceLocation): Policy {
  return {
    kind: 'Policy',
    id: `${principalArn}#${arn}`,
    ...input.base(undefined),
    location,
    displayName: `AWS managed policy AdministratorAccess on ${to.type} ${to.name}`,
    policyName: 'AdministratorAccess',
    policyType: 'managed',
    attachedTo: [to],
    statements: [{ effect: 'Allow', actions: ['*'], notActions: [], resources: ['*'], notResources: [], hasCondition: false, location }],
    arn,
  };
}

/** Inline policies of users and the customer managed policies attached to them, from the per-user calls of older collectors. */
function legacyUserPolicies(input: SnapshotInput): Policy[] {
  const iam = input.snapshot.global.iam;
  const out: Policy[] = [];
  // The first listed user of each name, as a search of the list would find.
  const listed = new Map<string, string | undefined>();
  for (const u of iam?.ListUsers?.Users ?? []) if (u.UserName !== undefined && !listed.has(u.UserName)) listed.set(u.UserName, u.Arn);
  for (const [userName, byName] of Object.entries(iam?.GetUserPolicy ?? {})) {
    const userArn = listed.get(userName) ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    for (const [policyName, response] of Object.entries(byName)) {
      const doc = policyDocumentObject(response.PolicyDocument);
      if (!doc) continue;
      const path = ['global', 'iam', 'GetUserPolicy', userName, policyName, 'PolicyDocument'];
      // An inline policy has no ARN of its own; the user's ARN and the policy name identify it.
      const arn = `${userArn}#${policyName}`;
      out.push({
        kind: 'Policy',
        id: arn,
        ...input.base(undefined),
        location: input.loc.at(path, userArn),
        displayName: `inline policy ${policyName} of user ${userName}`,
        policyName,
        policyType: 'inline',
        attachedTo: [{ type: 'user', name: userName }],
        statements: policyStatements(doc, (p) => input.loc.at([...path, ...p], userArn)),
      });
    }
  }
  append(out, awsManagedAdmin(input, listed));
  const attached = new Map<string, { name: string; users: string[] }>();
  for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
    for (const p of r.AttachedPolicies ?? []) {
      if (!p.PolicyArn) continue;
      const entry = attached.get(p.PolicyArn) ?? { name: p.PolicyName ?? p.PolicyArn, users: [] };
      entry.users.push(userName);
      attached.set(p.PolicyArn, entry);
    }
  }
  for (const [policyArn, response] of Object.entries(iam?.GetPolicyVersion ?? {})) {
    const doc = policyDocumentObject(response.PolicyVersion?.Document);
    if (!doc) continue;
    const path = ['global', 'iam', 'GetPolicyVersion', policyArn, 'PolicyVersion', 'Document'];
    const users = attached.get(policyArn);
    const policyName = users?.name ?? policyArn.split('/').pop() ?? policyArn;
    out.push({
      kind: 'Policy',
      id: policyArn,
      ...input.base(undefined),
      location: input.loc.at(path, policyArn),
      displayName: `managed policy ${policyName}`,
      policyName,
      policyType: 'managed',
      attachedTo: (users?.users ?? []).map((name) => ({ type: 'user' as const, name })),
      statements: policyStatements(doc, (p) => input.loc.at([...path, ...p], policyArn)),
      arn: policyArn,
    });
  }
  return out;
}

/**
 * The AWS managed AdministratorAccess policy wherever it is attached to a user, one policy per
 * attachment as templates give it: its document is the same in every account, so it is not collected.
 */
function awsManagedAdmin(input: SnapshotInput, listed: ReadonlyMap<string, string | undefined>): Policy[] {
  const iam = input.snapshot.global.iam;
  const out: Policy[] = [];
  for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
    const userArn = listed.get(userName) ?? `arn:${input.partition}:iam::${input.account}:user/${userName}`;
    (r.AttachedPolicies ?? []).forEach((p, k) => {
      if (!p.PolicyArn || !ADMINISTRATOR_ACCESS.test(p.PolicyArn)) return;
      const location = input.loc.at(['global', 'iam', 'ListAttachedUserPolicies', userName, 'AttachedPolicies', k, 'PolicyArn'], userArn);
      out.push({
        kind: 'Policy',
        id: `${userArn}#${p.PolicyArn}`,
        ...input.base(undefined),
        location,
        displayName: `AWS managed policy AdministratorAccess on user ${userName}`,
        policyName: 'AdministratorAccess',
        policyType: 'managed',
        attachedTo: [{ type: 'user', name: userName }],
        statements: [{ effect: 'Allow', actions: ['*'], notActions: [], resources: ['*'], notResources: [], hasCondition: false, location }],
        arn: p.PolicyArn,
      });
    });
  }
  return out;
}
