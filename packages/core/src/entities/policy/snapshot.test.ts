import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of } from '../../../../../test/entities.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { Policy } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/load.js';

describe('policies from the recorded account snapshot', () => {
  it('the user inline policy and the customer managed policy attached to a user, with statements', () => {
    const policies = of('Policy', loaded.entities);
    expect(policies.map((p): Partial<Policy> => ({ policyName: p.policyName, policyType: p.policyType, attachedTo: p.attachedTo, id: p.id }))).toEqual([
      { policyName: 'inline-all', policyType: 'inline', attachedTo: [{ type: 'user', name: 'ken' }], id: 'arn:aws:iam::123456789012:user/ken#inline-all' },
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
        location: expect.objectContaining(at(['global', 'iam', 'GetUserPolicy', 'ken', 'inline-all', 'PolicyDocument', 'Statement', 0])),
        actionLocations: [expect.objectContaining(at(['global', 'iam', 'GetUserPolicy', 'ken', 'inline-all', 'PolicyDocument', 'Statement', 0, 'Action']))],
      },
    ]);
  });
});

describe('policies from snapshots', () => {
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
