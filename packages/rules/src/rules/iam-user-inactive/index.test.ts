import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { credentialReport, iamUsers, keyId, rootRow, snapshotJson, userRow } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

// Collected at 2026-11-25T12:00:00Z; the builder's users were created on 2024-01-10.
const USER = (i: number) => ['global', 'iam', 'ListUsers', 'Users', i, 'UserName'];
const withReport = (iam: Record<string, unknown>, ...rows: ReturnType<typeof userRow>[]) => ({
  ...iam,
  GetCredentialReport: credentialReport([rootRow(), ...rows]),
});

ruleTester.run(rule, {
  valid: [
    {
      name: 'signed in 10 days ago',
      snapshot: snapshotJson({
        iam: withReport(iamUsers([{ name: 'aiko' }]), userRow('aiko', { password_enabled: 'true', password_last_used: '2026-11-15T08:00:00+00:00' })),
      }),
    },
    {
      name: 'no sign-in for years, but a key used yesterday',
      snapshot: snapshotJson({
        iam: withReport(
          iamUsers([{ name: 'ci', keys: [{ id: keyId('AAA1'), created: '2024-01-10T09:00:00Z', lastUsed: '2026-11-24T10:00:00Z' }] }]),
          userRow('ci', { password_enabled: 'true', password_last_used: '2024-02-01T08:00:00+00:00' }),
        ),
      }),
    },
    {
      name: 'never used, but created 30 days ago',
      snapshot: snapshotJson({ iam: withReport(iamUsers([{ name: 'new' }]), userRow('new', { user_creation_time: '2026-10-26T12:00:00+00:00' })) }).replace(
        '"CreateDate": "2024-01-10T09:00:00Z"',
        '"CreateDate": "2026-10-26T12:00:00Z"',
      ),
    },
    {
      name: 'a key whose last use was not read (GetAccessKeyLastUsed failed) is not judged',
      snapshot: snapshotJson({ iam: withReport(iamUsers([{ name: 'ops', keys: [{ id: keyId('AAA4'), created: '2024-01-10T09:00:00Z' }] }]), userRow('ops')) }),
    },
    {
      name: 'inactive 100 days, under a configured threshold of 180 days',
      options: { days: 180 },
      snapshot: snapshotJson({
        iam: withReport(iamUsers([{ name: 'ken' }]), userRow('ken', { password_enabled: 'true', password_last_used: '2026-08-17T08:00:00+00:00' })),
      }),
    },
    {
      name: 'a template user: a template says nothing about use',
      template: 'Resources:\n  Old:\n    Type: AWS::IAM::User\n',
    },
  ],
  invalid: [
    {
      name: 'last signed in 100 days before the snapshot; its only key unused longer',
      snapshot: snapshotJson({
        iam: withReport(
          iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA5'), created: '2024-01-10T09:00:00Z', lastUsed: '2025-05-01T00:00:00Z' }] }]),
          userRow('ken', { password_enabled: 'true', password_last_used: '2026-08-17T08:00:00+00:00' }),
        ),
      }),
      errors: [{ messageId: 'inactive', at: USER(0), data: { user: 'ken', date: '2026-08-17', days: 100 } }],
    },
    {
      name: 'never signed in nor used a key, created on 2024-01-10',
      snapshot: snapshotJson({
        iam: withReport(
          iamUsers([{ name: 'test-user', keys: [{ id: keyId('AAA6'), created: '2024-01-10T09:00:00Z', lastUsed: null }] }]),
          userRow('test-user'),
        ),
      }),
      errors: [{ messageId: 'neverActive', at: USER(0), data: { user: 'test-user', date: '2024-01-10', days: 1050 } }],
    },
    {
      name: 'inactive 40 days, over a configured threshold of 30 days (sign-in from ListUsers, no report)',
      options: { days: 30 },
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'yui' }]) }).replace(
        '"CreateDate": "2024-01-10T09:00:00Z"',
        '"CreateDate": "2024-01-10T09:00:00Z",\n          "PasswordLastUsed": "2026-10-16T09:00:00Z"',
      ),
      errors: [{ messageId: 'inactive', at: USER(0), data: { user: 'yui', days: 40 } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
