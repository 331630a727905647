import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of } from '../../../../../test/entities.js';
import type { IamUser } from '../../model/entities.js';

describe('IAM users from the recorded account snapshot', () => {
  it('IAM users from ListUsers, the credential report, keys with last use, groups and policies', () => {
    const [ken, yui] = of('IamUser', loaded.entities);
    expect(ken).toMatchObject<Partial<IamUser>>({
      userName: 'ken',
      arn: 'arn:aws:iam::123456789012:user/ken',
      consoleAccess: true,
      mfaActive: false,
      groups: [],
      attachedPolicies: ['admin-everything'],
      inlinePolicies: ['inline-all'],
      accessKeys: [
        {
          id: 'AKIA************KWEE',
          active: true,
          createdAt: '2026-11-25T14:04:34.059Z',
          lastUsedKnown: true,
          location: expect.objectContaining(at(['global', 'iam', 'ListAccessKeys', 'ken', 'AccessKeyMetadata', 0, 'AccessKeyId'])),
        },
      ],
    });
    expect(ken?.passwordLastUsed).toBeUndefined();
    expect(ken?.location).toMatchObject(at(['global', 'iam', 'ListUsers', 'Users', 0, 'UserName']));
    expect(yui).toMatchObject<Partial<IamUser>>({ userName: 'yui', consoleAccess: false, groups: ['developers'], attachedPolicies: [], inlinePolicies: [] });
    expect(yui?.accessKeys[0]).toMatchObject({ active: true, lastUsedAt: '2026-11-24T09:31:00.000Z', createdAt: '2025-06-01T08:00:00.000Z' });
  });
});
