import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { iamUsers, keyId, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

// Collected at 2026-11-25T12:00:00Z.
const keysOf = (user: string, i: number) => ['global', 'iam', 'ListAccessKeys', user, 'AccessKeyMetadata', i, 'AccessKeyId'];

ruleTester.run(rule, {
  valid: [
    {
      name: 'created 30 days ago',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('BBB1'), created: '2026-10-26T12:00:00Z', lastUsed: null }] }]) }),
    },
    {
      name: 'created 89 days ago',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('BBB1'), created: '2026-08-28T12:00:00Z' }] }]) }),
    },
    {
      name: 'an old key already deactivated',
      snapshot: snapshotJson({ iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('BBB2'), status: 'Inactive', created: '2019-01-01T00:00:00Z' }] }]) }),
    },
    { name: 'a user without keys', snapshot: snapshotJson({ iam: iamUsers([{ name: 'person' }]) }) },
  ],
  invalid: [
    {
      name: 'created 542 days before the snapshot',
      snapshot: snapshotJson({
        iam: iamUsers([{ name: 'ci', keys: [{ id: keyId('BBB3'), created: '2025-06-01T08:00:00Z', lastUsed: '2026-11-24T00:00:00Z' }] }]),
      }),
      errors: [{ messageId: 'notRotated', at: keysOf('ci', 0), data: { key: 'AKIA************BBB3', user: 'ci', date: '2025-06-01', days: 542 } }],
    },
    {
      name: 'exactly 90 days, and only the active one of two',
      snapshot: snapshotJson({
        iam: iamUsers([
          {
            name: 'deploy',
            keys: [
              { id: keyId('BBB4'), status: 'Inactive', created: '2020-01-01T00:00:00Z' },
              { id: keyId('BBB5'), created: '2026-08-27T12:00:00Z' },
            ],
          },
        ]),
      }),
      errors: [{ messageId: 'notRotated', at: keysOf('deploy', 1), data: { key: 'AKIA************BBB5', days: 90 } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
