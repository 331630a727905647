import { AUTHORIZATION_PATH, authorizationDetails, policyNameOfArn } from '../../snapshot/authorization-details.js';
import { policyDocumentObject } from '../../snapshot/policy.js';
import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import { trustStatements } from './trust.js';
import type { IamRole } from './types.js';

/** Every role of the account's authorization details, with its trust policy (decoded when stored URL-encoded). */
export function iamRolesFromSnapshot(input: SnapshotInput): IamRole[] {
  const details = authorizationDetails(input);
  if (!details) return [];
  return (details.RoleDetailList ?? []).map((r, i) => {
    const arn = r.Arn ?? `arn:${input.partition}:iam::${input.account}:role/${r.RoleName}`;
    const path = [...AUTHORIZATION_PATH, 'RoleDetailList', i];
    const doc = policyDocumentObject(r.AssumeRolePolicyDocument);
    const boundary = r.PermissionsBoundary?.PermissionsBoundaryArn;
    const role: IamRole = {
      kind: 'IamRole',
      id: arn,
      ...input.base(undefined),
      location: input.loc.at([...path, 'RoleName'], arn),
      displayName: r.RoleName,
      roleName: r.RoleName,
      arn,
      trust: doc ? trustStatements(doc, (p) => input.loc.at([...path, 'AssumeRolePolicyDocument', ...p], arn)) : [],
      attachedPolicies: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOfArn(p.PolicyArn ?? '')),
      inlinePolicies: (r.RolePolicyList ?? []).flatMap((p) => (p.PolicyName ? [p.PolicyName] : [])),
      ...(boundary ? { permissionsBoundary: boundary } : {}),
      instanceProfiles: (r.InstanceProfileList ?? []).flatMap((p) => (p.InstanceProfileName ? [p.InstanceProfileName] : [])),
    };
    return withStack(role, r.Tags);
  });
}
