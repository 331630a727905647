import { fileURLToPath } from 'node:url';
import type { IamUser } from '@mamori/core';
import { runRules } from '@mamori/core/internal';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const DETAIL = (k: number) => ['global', 'iam', 'GetAccountAuthorizationDetails', 'UserDetailList', k];

const DOC = '{ Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: arn:aws:s3:::b/* }] }';

ruleTester.run(rule, {
  valid: [
    {
      name: 'permissions through a group, membership on the user',
      template: `Resources:
  Readers:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      Policies:
        - PolicyName: read
          PolicyDocument: ${DOC}
  Alice:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Readers]
      LoginProfile:
        Password: '{{resolve:secretsmanager:alice:SecretString:password}}'
`,
    },
    {
      name: 'membership through UserToGroupAddition, policies on groups and roles only (checkov CKV_AWS_40 pass case)',
      template: `Resources:
  Bob:
    Type: AWS::IAM::User
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: readers
      Users: [!Ref Bob]
  ExamplePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: root
      PolicyDocument: ${DOC}
      Roles: [example_role]
      Groups: [readers]
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: ${DOC}
      Roles: [example_role]
`,
    },
    {
      name: 'a role with inline and managed policies is not a user',
      template: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      Policies: [{ PolicyName: read, PolicyDocument: ${DOC} }]
`,
    },
    {
      name: 'an empty policy list and a removed attachment',
      template: `Conditions:
  Never: !Equals [a, b]
Resources:
  Carol:
    Type: AWS::IAM::User
    Properties:
      Policies: []
      ManagedPolicyArns: !If [Never, [arn:aws:iam::aws:policy/ReadOnlyAccess], !Ref AWS::NoValue]
`,
    },
  ],
  invalid: [
    {
      name: 'managed policies and an inline policy on the user',
      template: `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/job-function/Billing
      Policies:
        - PolicyName: extra
          PolicyDocument: ${DOC}
`,
      errors: [
        { messageId: 'managed', line: 6, column: 11, data: { user: 'Alice', policy: 'ReadOnlyAccess' } },
        { messageId: 'managed', line: 7, column: 11, data: { user: 'Alice', policy: 'Billing' } },
        { messageId: 'inline', line: 9, column: 11, data: { user: 'Alice', policy: 'extra' } },
      ],
    },
    {
      name: 'an AWS::IAM::Policy naming a user defined elsewhere (checkov CKV_AWS_40 fail case)',
      template: `Resources:
  ExamplePolicy:
    Type: 'AWS::IAM::Policy'
    Properties:
      PolicyName: root
      PolicyDocument: ${DOC}
      Roles:
        - !Ref RootRole
      Users:
        - admin
  RootRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
`,
      errors: [{ messageId: 'inline', line: 10, column: 11, data: { user: 'admin', policy: 'root' } }],
    },
    {
      name: 'a managed policy, a UserPolicy and a Ref to a template managed policy (cfn_nag F12)',
      template: `Resources:
  Dave:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [!Ref Shared]
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: shared
      PolicyDocument: ${DOC}
      Users: [!Ref Dave, !Ref ExternalUser]
  Direct:
    Type: AWS::IAM::UserPolicy
    Properties:
      PolicyName: direct
      UserName: !Ref Dave
      PolicyDocument: ${DOC}
Parameters:
  ExternalUser:
    Type: String
`,
      errors: [
        { messageId: 'managed', line: 5, column: 27, data: { user: 'Dave', policy: 'Shared' } },
        { messageId: 'managed', line: 11, column: 15, data: { user: 'Dave', policy: 'shared' } },
        { messageId: 'managed', line: 11, column: 26, data: { user: '(parameter ExternalUser)', policy: 'shared' } },
        { messageId: 'inline', line: 16, column: 17, data: { user: 'Dave', policy: 'direct' } },
      ],
    },
    {
      name: 'a policy on a user, behind Fn::If',
      template: `Conditions:
  IsDev: !Equals [!Ref AWS::StackName, dev]
Resources:
  Eve:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: !If [IsDev, [arn:aws:iam::aws:policy/PowerUserAccess], !Ref AWS::NoValue]
`,
      errors: [{ messageId: 'managed', line: 7, column: 39, data: { policy: 'PowerUserAccess' } }],
    },
    {
      name: 'JSON template (cfn_nag F11 case)',
      filename: 'template.json',
      template: `{
  "Resources": {
    "TestUser": { "Type": "AWS::IAM::User" },
    "DirectPolicy": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "somePolicy",
        "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "rds:CreateDBInstance", "Resource": "*" }] },
        "Users": [{ "Ref": "TestUser" }]
      }
    }
  }
}
`,
      errors: [{ messageId: 'inline', line: 9, column: 19, data: { user: 'TestUser', policy: 'somePolicy' } }],
    },
    {
      name: 'an account user whose policies the authorization details list, each reported where it is attached',
      snapshot: snapshotJson({
        iam: {
          ListUsers: { Users: [{ UserName: 'yui' }, { UserName: 'ken', Arn: `arn:aws:iam::${ACCOUNT}:user/ken` }] },
          GetAccountAuthorizationDetails: {
            UserDetailList: [
              {
                UserName: 'ken',
                GroupList: ['developers'],
                AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
                UserPolicyList: [{ PolicyName: 'fix', PolicyDocument: '%7B%7D' }],
              },
              { UserName: 'yui', GroupList: ['developers'], AttachedManagedPolicies: [], UserPolicyList: [] },
            ],
            GroupDetailList: [{ GroupName: 'developers' }],
            RoleDetailList: [],
            Policies: [],
          },
        },
      }),
      errors: [
        { messageId: 'managed', at: [...DETAIL(0), 'AttachedManagedPolicies', 0, 'PolicyArn'], data: { user: 'ken', policy: 'ReadOnlyAccess' } },
        { messageId: 'inline', at: [...DETAIL(0), 'UserPolicyList', 0, 'PolicyName'], data: { user: 'ken', policy: 'fix' } },
      ],
    },
  ],
});

describe('iam-user-direct-policy on account snapshot users', () => {
  const location = { file: 'snapshot.json', line: 1, column: 1, endLine: 1, endColumn: 1, arn: 'arn:aws:iam::111122223333:user/ken' };
  const user = (attachedPolicies: string[], inlinePolicies: string[]): IamUser => ({
    kind: 'IamUser',
    id: 'arn:aws:iam::111122223333:user/ken',
    source: 'snapshot',
    location,
    displayName: 'ken',
    userName: 'ken',
    groups: [],
    attachedPolicies,
    inlinePolicies,
    accessKeys: [],
  });

  it('reports each attached and inline policy at the user', () => {
    const { findings } = runRules([rule], [user(['AdministratorAccess'], ['star'])]);
    expect(findings.map((f) => [f.messageId, f.message, f.location.arn])).toEqual([
      ['managed', 'IAM user ken has the managed policy AdministratorAccess attached directly; attach it to a group the user belongs to instead.', location.arn],
      ['inline', 'IAM user ken has the inline policy star; grant these permissions through a group instead.', location.arn],
    ]);
  });

  it('finds nothing for a user whose permissions come from groups', () => {
    expect(runRules([rule], [{ ...user([], []), groups: ['developers'] }]).findings).toEqual([]);
  });
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
