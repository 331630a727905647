import { AUTHORIZATION_PATH, authorizationDetails, policyNameOfArn } from '../../snapshot/authorization-details.js';
import type { SnapshotInput } from '../slice.js';
import type { IamGroup } from './types.js';

/** Every group of the account's authorization details, with the users its members' `GroupList`s name. */
export function iamGroupsFromSnapshot(input: SnapshotInput): IamGroup[] {
  const details = authorizationDetails(input);
  if (!details) return [];
  const members = new Map<string, string[]>();
  for (const u of details.UserDetailList ?? []) {
    for (const g of u.GroupList ?? []) members.set(g, [...(members.get(g) ?? []), u.UserName]);
  }
  return (details.GroupDetailList ?? []).map((g, i) => {
    const arn = g.Arn ?? `arn:${input.partition}:iam::${input.account}:group/${g.GroupName}`;
    return {
      kind: 'IamGroup',
      id: arn,
      ...input.base(undefined),
      location: input.loc.at([...AUTHORIZATION_PATH, 'GroupDetailList', i, 'GroupName'], arn),
      displayName: g.GroupName,
      groupName: g.GroupName,
      arn,
      members: members.get(g.GroupName) ?? [],
      attachedPolicies: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyName ?? policyNameOfArn(p.PolicyArn ?? '')),
      inlinePolicies: (g.GroupPolicyList ?? []).flatMap((p) => (p.PolicyName ? [p.PolicyName] : [])),
    };
  });
}
