import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { credentialReport, iamUsers, rootRow, snapshotJson, userRow } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const file = 'snapshot.json';
const user = (i: number) => ['global', 'iam', 'ListUsers', 'Users', i, 'UserName'];

function account(names: string[], rows: ReturnType<typeof userRow>[], mfaDevices?: number): string {
  return snapshotJson({
    iam: iamUsers(
      names.map((name) => ({ name, ...(mfaDevices !== undefined ? { mfaDevices } : {}) })),
      { GetCredentialReport: credentialReport([rootRow(), ...rows]) },
    ),
  });
}

ruleTester(rule, {
  valid: [
    { name: 'console user with MFA', file, template: account(['ana'], [userRow('ana', { password_enabled: 'true', mfa_active: 'true' })]) },
    { name: 'no console password, no MFA', file, template: account(['ci'], [userRow('ci', { password_enabled: 'false', mfa_active: 'false' })]) },
    { name: 'user missing from the report (created after it): not evaluated', file, template: account(['new'], []) },
    {
      name: 'no report at all, even with no MFA device listed',
      file,
      template: snapshotJson({ iam: iamUsers([{ name: 'ana', mfaDevices: 0 }]) }),
    },
  ],
  invalid: [
    {
      name: 'console password without MFA, last used',
      file,
      template: account(
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
      file,
      template: account(['yui'], [userRow('yui', { password_enabled: 'true', mfa_active: 'false', password_last_used: 'no_information' })]),
      errors: [{ messageId: 'noMfa', at: user(0), data: { user: 'yui', lastUsed: '' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
