import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { accountSummary, credentialReport, rootRow, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const REPORT = ['global', 'iam', 'GetCredentialReport', 'Content'];

function account(iam: Record<string, unknown>): string {
  return snapshotJson({ iam });
}

ruleTester.run(rule, {
  valid: [
    {
      name: 'no keys in the summary or the report',
      snapshot: account({ GetAccountSummary: accountSummary({ mfa: true, keys: false }), GetCredentialReport: credentialReport([rootRow()]) }),
    },
    {
      name: 'the live summary says no key though the older report still shows one',
      snapshot: account({
        GetAccountSummary: accountSummary({ mfa: true, keys: false }),
        GetCredentialReport: credentialReport([rootRow({ access_key_1_active: 'true', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' })]),
      }),
    },
    {
      name: 'an inactive key in the report, no summary',
      snapshot: account({
        GetCredentialReport: credentialReport([rootRow({ access_key_1_active: 'false', access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' })]),
      }),
    },
    { name: 'neither the summary nor the report could be read', snapshot: account({}) },
  ],
  invalid: [
    {
      name: 'the summary counts a root key; the report gives its last use',
      snapshot: account({
        GetAccountSummary: accountSummary({ mfa: true, keys: true }),
        GetCredentialReport: credentialReport([rootRow({ access_key_1_active: 'true', access_key_1_last_used_date: '2026-11-02T07:15:00+00:00' })]),
      }),
      errors: [{ messageId: 'accessKey', at: REPORT, data: { account: '123456789012', lastUsed: ' (last used on 2026-11-02)' } }],
    },
    {
      name: 'only the summary, pointed at it',
      snapshot: account({ GetAccountSummary: accountSummary({ mfa: true, keys: true }) }),
      errors: [{ messageId: 'accessKey', at: ['global', 'iam', 'GetAccountSummary'], data: { lastUsed: '' } }],
    },
    {
      name: 'only the report, with the second key active',
      snapshot: account({
        GetCredentialReport: credentialReport([rootRow({ access_key_2_active: 'true', access_key_2_last_rotated: '2021-05-05T00:00:00+00:00' })]),
      }),
      errors: [{ messageId: 'accessKey', at: REPORT, data: { lastUsed: '' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
