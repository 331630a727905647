import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { credentialReport, iamUsers, rootRow, snapshotJson, userRow } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const user = (i: number) => ['global', 'iam', 'ListUsers', 'Users', i, 'UserName'];

function account(names: string[], rows: ReturnType<typeof userRow>[], mfaDevices?: number): string {
  return snapshotJson({
    iam: iamUsers(
      names.map((name) => ({ name, ...(mfaDevices !== undefined ? { mfaDevices } : {}) })),
      { GetCredentialReport: credentialReport([rootRow(), ...rows]) },
    ),
  });
}

ruleTester.run(rule, {
  valid: [
    { name: 'console user with MFA', snapshot: account(['ana'], [userRow('ana', { password_enabled: 'true', mfa_active: 'true' })]) },
    { name: 'no console password, no MFA', snapshot: account(['ci'], [userRow('ci', { password_enabled: 'false', mfa_active: 'false' })]) },
    { name: 'user missing from the report (created after it): not evaluated', snapshot: account(['new'], []) },
    {
      name: 'no report at all, even with no MFA device listed',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'ana', mfaDevices: 0 }]) }),
    },
  ],
  invalid: [
    {
      name: 'console password without MFA, last used',
      snapshot: account(
        ['ana', 'ken'],
        [
          userRow('ana', { password_enabled: 'true', mfa_active: 'true' }),
          userRow('ken', { password_enabled: 'true', mfa_active: 'false', password_last_used: '2026-11-20T08:12:44+00:00' }),
        ],
      ),
      errors: [{ messageId: 'noMfa', at: user(1), data: { user: 'ken', lastUsed: ' (last used on 2026-11-20)' } }],
    },
    {
      name: 'console password never used, no MFA',
      snapshot: account(['yui'], [userRow('yui', { password_enabled: 'true', mfa_active: 'false', password_last_used: 'no_information' })]),
      errors: [{ messageId: 'noMfa', at: user(0), data: { user: 'yui', lastUsed: '' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
