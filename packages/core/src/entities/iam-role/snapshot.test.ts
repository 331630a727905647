import { describe, expect, it } from 'vitest';
import { at, of, recorded } from '../../../../../test/entities.js';

describe('IAM roles and groups from the recorded account snapshot', () => {
  const D = ['global', 'iam', 'GetAccountAuthorizationDetails'];

  it('the role with its trust policy decoded, inline policy and instance profile, located at its name', () => {
    const [role] = of('IamRole', recorded.entities);
    expect(role).toMatchObject({
      id: 'arn:aws:iam::123456789012:role/app-server',
      roleName: 'app-server',
      inlinePolicies: ['read-assets'],
      attachedPolicies: [],
      instanceProfiles: ['app-server'],
      location: expect.objectContaining(at([...D, 'RoleDetailList', 0, 'RoleName'])),
    });
    expect(role?.trust).toEqual([
      {
        effect: 'Allow',
        principals: [{ type: 'Service', value: 'ec2.amazonaws.com' }],
        notPrincipal: false,
        actions: ['sts:AssumeRole'],
        conditions: [],
        location: expect.objectContaining(at([...D, 'RoleDetailList', 0, 'AssumeRolePolicyDocument', 'Statement', 0])),
      },
    ]);
  });

  it("the group with its members from the users' group lists", () => {
    expect(of('IamGroup', recorded.entities).map((g) => [g.groupName, g.members, g.attachedPolicies, g.location.line])).toEqual([
      ['developers', ['yui'], ['ReadOnlyAccess'], at([...D, 'GroupDetailList', 0, 'GroupName']).line],
    ]);
    expect(of('IamUser', recorded.entities).map((u) => [u.userName, u.groups, u.attachedPolicies, u.inlinePolicies])).toEqual([
      ['ken', [], ['admin-everything'], ['inline-all']],
      ['yui', ['developers'], [], []],
    ]);
  });
});
