import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const USER = (i: number) => ['global', 'iam', 'ListUsers', 'Users', i, 'UserName'];

/** Users listed by ListUsers, with their groups and policies in the authorization details. */
function account(users: { name: string; groups?: string[]; managed?: string[]; inline?: string[] }[]): string {
  return snapshotJson({
    iam: {
      ListUsers: { Users: users.map((u) => ({ UserName: u.name, Arn: `arn:aws:iam::${ACCOUNT}:user/${u.name}`, CreateDate: '2024-01-10T09:00:00Z' })) },
      GetAccountAuthorizationDetails: {
        UserDetailList: users.map((u) => ({
          UserName: u.name,
          Arn: `arn:aws:iam::${ACCOUNT}:user/${u.name}`,
          GroupList: u.groups ?? [],
          AttachedManagedPolicies: (u.managed ?? []).map((p) => ({ PolicyName: p, PolicyArn: `arn:aws:iam::aws:policy/${p}` })),
          UserPolicyList: (u.inline ?? []).map((p) => ({ PolicyName: p, PolicyDocument: { Version: '2012-10-17', Statement: [] } })),
        })),
        GroupDetailList: [],
        RoleDetailList: [],
        Policies: [],
      },
    },
  });
}

ruleTester.run(rule, {
  valid: [
    {
      name: 'a user in a group, with a policy of its own too (MAM202 reports the policy)',
      snapshot: account([{ name: 'ken', groups: ['developers'], managed: ['ReadOnlyAccess'] }]),
    },
    { name: 'a user in no group and without permissions', snapshot: account([{ name: 'idle' }]) },
    {
      name: 'a template user in a group added by AWS::IAM::UserToGroupAddition',
      template: `Resources:
  Ops:
    Type: AWS::IAM::Group
  Hanako:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Ops
      Users: [!Ref Hanako]
`,
    },
    {
      name: 'a user defined elsewhere, named by a policy: its groups are not known',
      template: `Resources:
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Users: [deploy-bot]
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: '*' }] }
`,
    },
  ],
  invalid: [
    {
      name: 'users in no group with managed and inline policies',
      snapshot: account([
        { name: 'aiko', groups: ['admins'] },
        { name: 'ken', managed: ['ReadOnlyAccess', 'AmazonS3FullAccess'], inline: ['fix'] },
        { name: 'ci', inline: ['deploy'] },
      ]),
      errors: [
        { messageId: 'noGroup', at: USER(1), data: { user: 'ken', policies: '2 managed policies and 1 inline policy' } },
        { messageId: 'noGroup', at: USER(2), data: { user: 'ci', policies: '1 inline policy' } },
      ],
    },
    {
      name: 'a template user with a managed policy and no Groups',
      template: `Resources:
  Solo:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
`,
      errors: [{ messageId: 'noGroup', line: 2, column: 3, data: { user: 'Solo', policies: '1 managed policy' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
