import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { accountSummary, credentialReport, rootEvent, rootRow, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

// Every snapshot here is collected at 2026-11-25T12:00:00Z.
const REPORT = ['global', 'iam', 'GetCredentialReport', 'Content'];
const EVENTS = ['regional', 'us-east-1', 'cloudtrail', 'LookupEvents', 'Events'];

function account(root: Parameters<typeof rootRow>[0], events?: Record<string, unknown>[]): string {
  return snapshotJson({
    iam: { GetAccountSummary: accountSummary({ mfa: true, keys: false }), GetCredentialReport: credentialReport([rootRow(root)]) },
    regional: { 'us-east-1': events ? { cloudtrail: { LookupEvents: { Events: events } } } : {} },
  });
}

ruleTester.run(rule, {
  valid: [
    { name: 'root never used', snapshot: account({}, []) },
    { name: 'console sign-in 91 days before the snapshot', snapshot: account({ password_last_used: '2026-08-26T11:00:00+00:00' }) },
    {
      name: 'calls AWS services made on behalf of root, and another identity named root',
      snapshot: account({}, [
        rootEvent('AssumeRole', '2026-11-24T10:00:00.000Z', { source: 'sts.amazonaws.com', invokedBy: 'config.amazonaws.com' }),
        rootEvent('CreateUser', '2026-11-24T11:00:00.000Z', { type: 'IAMUser' }),
      ]),
    },
    { name: 'event history not read and no use in the report', snapshot: account({ password_last_used: 'N/A' }) },
    {
      name: 'a root event older than the threshold',
      snapshot: account({}, [rootEvent('ListBuckets', '2026-08-01T00:00:00.000Z', { source: 's3.amazonaws.com' })]),
    },
  ],
  invalid: [
    {
      name: 'console sign-in 5 days before',
      snapshot: account({ password_last_used: '2026-11-20T08:12:44+00:00' }),
      errors: [{ messageId: 'consoleSignIn', at: REPORT, data: { account: '123456789012', date: '2026-11-20', days: 5 } }],
    },
    {
      name: 'console sign-in exactly 90 days before',
      snapshot: account({ password_last_used: '2026-08-27T12:00:00+00:00' }),
      errors: [{ messageId: 'consoleSignIn', at: REPORT, data: { days: 90 } }],
    },
    {
      name: 'an access key used, the latest of two uses',
      snapshot: account({
        password_last_used: '2026-10-01T00:00:00+00:00',
        access_key_1_active: 'true',
        access_key_1_last_used_date: '2026-11-02T07:15:00+00:00',
      }),
      errors: [{ messageId: 'accessKey', at: REPORT, data: { date: '2026-11-02', days: 23 } }],
    },
    {
      name: 'an API call in the event history newer than the sign-in, pointed at the event',
      snapshot: account({ password_last_used: '2026-11-20T08:12:44+00:00' }, [
        rootEvent('CreateUser', '2026-11-24T10:00:00.000Z'),
        rootEvent('ListBuckets', '2026-11-21T09:00:00.000Z', { source: 's3.amazonaws.com' }),
      ]),
      errors: [{ messageId: 'apiCall', at: [...EVENTS, 0, 'EventName'], data: { eventName: 'CreateUser', date: '2026-11-24', days: 1, count: 2 } }],
    },
    {
      name: 'a console sign-in seen only in the event history',
      snapshot: account({}, [rootEvent('ConsoleLogin', '2026-11-10T06:00:00.000Z', { source: 'signin.amazonaws.com' })]),
      errors: [{ messageId: 'consoleSignIn', at: [...EVENTS, 0, 'EventName'], data: { date: '2026-11-10', days: 15 } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
