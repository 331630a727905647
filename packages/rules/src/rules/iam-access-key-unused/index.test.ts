import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { credentialReport, iamUsers, keyId, rootRow, snapshotJson, userRow } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

// Collected at 2026-11-25T12:00:00Z.
const keysOf = (user: string, i: number) => ['global', 'iam', 'ListAccessKeys', user, 'AccessKeyMetadata', i, 'AccessKeyId'];

ruleTester.run(rule, {
  valid: [
    {
      name: 'used 10 days ago',
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('AAA1'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-11-15T00:00:00Z' }] }]),
      }),
    },
    {
      name: 'used 89 days ago',
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('AAA1'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-08-28T12:00:00Z' }] }]),
      }),
    },
    {
      name: 'an inactive key unused for years',
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'old', keys: [{ id: keyId('AAA2'), status: 'Inactive', created: '2020-01-01T00:00:00Z', lastUsed: '2020-02-01T00:00:00Z' }] }]),
      }),
    },
    {
      name: 'never used but created 30 days ago',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'new', keys: [{ id: keyId('AAA3'), created: '2026-10-26T12:00:00Z', lastUsed: null }] }]) }),
    },
    {
      name: 'last use not read (GetAccessKeyLastUsed failed): not evaluated',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'ops', keys: [{ id: keyId('AAA4'), created: '2020-01-01T00:00:00Z' }] }]) }),
    },
    {
      name: 'unused 116 days, under a configured threshold of 180 days',
      options: { days: 180 },
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA5'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-08-01T10:00:00Z' }] }]),
      }),
    },
  ],
  invalid: [
    {
      name: 'unused 40 days, over a configured threshold of 30 days',
      options: { days: 30 },
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('AAA1'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-10-16T00:00:00Z' }] }]),
      }),
      errors: [{ messageId: 'unused', at: keysOf('ci', 0), data: { user: 'ci', date: '2026-10-16', days: 40 } }],
    },
    {
      name: 'last used 116 days before the snapshot',
      snapshot: snapshotJson({
        iam: iamUsers([
          { name: 'ci', keys: [{ id: keyId('AAA1'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-11-20T00:00:00Z' }] },
          { name: 'ken', keys: [{ id: keyId('AAA5'), created: '2024-01-01T00:00:00Z', lastUsed: '2026-08-01T10:00:00Z' }] },
        ]),
      }),
      errors: [{ messageId: 'unused', at: keysOf('ken', 0), data: { key: 'AKIA************AAA5', user: 'ken', date: '2026-08-01', days: 116 } }],
    },
    {
      name: 'never used and created 177 days before',
      snapshot: snapshotJson({
        iam: iamUsers([
          {
            name: 'yui',
            keys: [
              { id: keyId('AAA6'), created: '2026-11-01T00:00:00Z', lastUsed: '2026-11-24T00:00:00Z' },
              { id: keyId('AAA7'), created: '2026-06-01T08:00:00Z', lastUsed: null },
            ],
          },
        ]),
      }),
      errors: [{ messageId: 'neverUsed', at: keysOf('yui', 1), data: { key: 'AKIA************AAA7', date: '2026-06-01', days: 177 } }],
    },
    {
      name: 'keys not listed: the credential report stands in',
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'legacy', listKeys: false }], {
          GetCredentialReport: credentialReport([
            rootRow(),
            userRow('legacy', {
              access_key_1_active: 'true',
              access_key_1_last_rotated: '2025-01-01T00:00:00+00:00',
              access_key_1_last_used_date: '2026-03-01T00:00:00+00:00',
            }),
          ]),
        }),
      }),
      errors: [{ messageId: 'unused', at: ['global', 'iam', 'GetCredentialReport'], data: { key: 'access key 1', user: 'legacy', days: 269 } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
