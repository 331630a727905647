import { policyDocumentObject } from '../../snapshot/policy.js';
import { append } from '../../util/append.js';
import type { SnapshotInput } from '../slice.js';
import { policyStatements } from './statements.js';
import type { Policy } from './types.js';

const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

/** Inline policies of users and the customer managed policies attached to them, with their documents. */
export function userPoliciesFromSnapshot(input: SnapshotInput): Policy[] {
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
