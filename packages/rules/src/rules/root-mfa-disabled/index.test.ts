import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { accountSummary, credentialReport, rootRow, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const REPORT = ['global', 'iam', 'GetCredentialReport', 'Content'];

ruleTester.run(rule, {
  valid: [
    {
      name: 'MFA on in both',
      snapshot: snapshotJson({ iam: { GetAccountSummary: accountSummary({ mfa: true, keys: false }), GetCredentialReport: credentialReport([rootRow()]) } }),
    },
    {
      name: 'the live summary has MFA on though the older report says off',
      snapshot: snapshotJson({
        iam: { GetAccountSummary: accountSummary({ mfa: true, keys: false }), GetCredentialReport: credentialReport([rootRow({ mfa_active: 'false' })]) },
      }),
    },
    { name: 'a summary without the MFA entry and no report', snapshot: snapshotJson({ iam: { GetAccountSummary: { SummaryMap: { Users: 3 } } } }) },
  ],
  invalid: [
    {
      name: 'the summary says no MFA',
      snapshot: snapshotJson({
        iam: { GetAccountSummary: accountSummary({ mfa: false, keys: false }), GetCredentialReport: credentialReport([rootRow({ mfa_active: 'false' })]) },
      }),
      errors: [{ messageId: 'noMfa', at: REPORT, data: { account: '123456789012' } }],
    },
    {
      name: 'only the report, which says no MFA',
      snapshot: snapshotJson({ iam: { GetCredentialReport: credentialReport([rootRow({ mfa_active: 'false' })]) } }),
      errors: [{ messageId: 'noMfa', at: REPORT }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
