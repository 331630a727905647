import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { credentialReport, iamUsers, keyId, rootRow, snapshotJson, userRow } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const KEY = (user: string, i: number) => ['global', 'iam', 'ListAccessKeys', user, 'AccessKeyMetadata', i, 'AccessKeyId'];
const consoleRow = (name: string) => userRow(name, { password_enabled: 'true', password_last_used: '2026-11-20T08:00:00+00:00' });

function template(keyStatus: string, loginProfile = true): string {
  return `Resources:
  Operator:
    Type: AWS::IAM::User
    Properties:
${loginProfile ? '      LoginProfile:\n        Password: !Ref OperatorPassword\n        PasswordResetRequired: true\n' : '      Path: /\n'}  OperatorKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Operator
${keyStatus ? `      Status: ${keyStatus}\n` : ''}Parameters:
  OperatorPassword:
    Type: String
    NoEcho: true
`;
}

ruleTester.run(rule, {
  valid: [
    {
      name: 'a console user without keys',
      snapshot: snapshotJson({ iam: { ...iamUsers([{ name: 'aiko', keys: [] }]), GetCredentialReport: credentialReport([rootRow(), consoleRow('aiko')]) } }),
    },
    {
      name: 'a console user whose key is used (a person who uses the CLI)',
      snapshot: snapshotJson({
        iam: {
          ...iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA1'), created: '2025-01-01T00:00:00Z', lastUsed: '2026-11-24T00:00:00Z' }] }]),
          GetCredentialReport: credentialReport([rootRow(), consoleRow('ken')]),
        },
      }),
    },
    {
      name: 'a console user whose unused key is inactive',
      snapshot: snapshotJson({
        iam: {
          ...iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA2'), status: 'Inactive', created: '2025-01-01T00:00:00Z', lastUsed: null }] }]),
          GetCredentialReport: credentialReport([rootRow(), consoleRow('ken')]),
        },
      }),
    },
    {
      name: 'a key never used by a user without console access (the key rules judge it)',
      snapshot: snapshotJson({
        iam: {
          ...iamUsers([{ name: 'ci', keys: [{ id: keyId('AAA3'), created: '2025-01-01T00:00:00Z', lastUsed: null }] }]),
          GetCredentialReport: credentialReport([rootRow(), userRow('ci')]),
        },
      }),
    },
    {
      name: 'last use not read (GetAccessKeyLastUsed failed): not judged',
      snapshot: snapshotJson({
        iam: {
          ...iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA4'), created: '2025-01-01T00:00:00Z' }] }]),
          GetCredentialReport: credentialReport([rootRow(), consoleRow('ken')]),
        },
      }),
    },
    { name: 'a template user with a key but no LoginProfile', template: template('', false) },
    { name: 'a template console user whose key is created inactive', template: template('Inactive') },
  ],
  invalid: [
    {
      name: 'a console user with an active key never used',
      snapshot: snapshotJson({
        iam: {
          ...iamUsers([{ name: 'ken', keys: [{ id: keyId('AAA5'), created: '2025-03-01T00:00:00Z', lastUsed: null }] }]),
          GetCredentialReport: credentialReport([rootRow(), consoleRow('ken')]),
        },
      }),
      errors: [{ messageId: 'neverUsed', at: KEY('ken', 0), data: { user: 'ken', key: 'AKIA************AAA5', date: '2025-03-01' } }],
    },
    {
      name: 'a template user with a LoginProfile and an access key (Status left to its default, Active)',
      template: template(''),
      errors: [{ messageId: 'templateKey', line: 8, column: 3, data: { user: 'Operator', key: 'OperatorKey' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
