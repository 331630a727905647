import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

/** A role with one inline policy whose single statement is `statement` (indented as a list entry). */
function role(statement: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Statement:
              - ${statement.trim().split('\n').join('\n                ')}
`;
}
/** role() with several statements, each a YAML flow map on its own line from line 15 (`Action` values at column 42). */
function roleWith(...statements: string[]): string {
  return (
    role(statements[0] ?? '{}').replace(/\n$/, '') +
    statements
      .slice(1)
      .map((st) => `\n              - ${st}`)
      .join('') +
    '\n'
  );
}
// In role(), the statement's first line is line 15 plus the lines of `extra`, its first key at column 17.

ruleTester.run(rule, {
  valid: [
    { name: 'specific actions on every resource', template: role("Effect: Allow\nAction: [s3:GetObject, s3:PutObject]\nResource: '*'") },
    { name: 'every action on one bucket', template: role("Effect: Allow\nAction: '*'\nResource: arn:aws:s3:::my-bucket/*") },
    { name: 'a service wildcard on every resource is not administrator access', template: role("Effect: Allow\nAction: 's3:*'\nResource: '*'") },
    { name: 'Deny of every action', template: role("Effect: Deny\nAction: '*'\nResource: '*'") },
    {
      name: 'Allow with NotAction on one database (cfn_nag W16 case)',
      template: role('Effect: Allow\nNotAction: rds:CreateDBInstance\nResource: !Sub arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:test*'),
    },
    {
      name: 'an unknown resource is not assumed to be "*"',
      template: role("Effect: Allow\nAction: '*'\nResource: !Ref TargetArn", 'Parameters:\n  TargetArn:\n    Type: String\n'),
    },
    {
      name: 'the "*" branch of Fn::If is not taken with the given parameters',
      template: role(
        "Effect: Allow\nAction: !If [IsDev, '*', 's3:GetObject']\nResource: '*'",
        'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\n',
      ),
      parameters: { Env: 'prod' },
    },
    {
      name: 'a bucket policy is not an identity policy',
      template: `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: my-bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:root }
            Action: '*'
            Resource: '*'
`,
    },
    {
      name: 'a managed policy used only as a permissions boundary',
      template: `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: '*'
            Resource: '*'
          - Effect: Deny
            Action: iam:*
            Resource: '*'
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      PermissionsBoundary: !Ref Boundary
`,
    },
    {
      name: 'an administrator role capped by a permissions boundary that is not itself administrator access',
      template: `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: ['s3:*', 'logs:*'], Resource: '*' }
  Delegated:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      PermissionsBoundary: !Ref Boundary
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      Policies:
        - PolicyName: all
          PolicyDocument: { Statement: [{ Effect: Allow, Action: '*', Resource: '*' }] }
`,
    },
    {
      name: 'an Allow of everything that the same policy denies without condition',
      template: roleWith("{ Effect: Allow, Action: '*', Resource: '*' }", "{ Effect: Deny, Action: '*', Resource: '*' }"),
    },
    {
      name: 'ARN patterns that do not match every resource',
      template: role("Effect: Allow\nAction: '*'\nResource: ['arn:aws:s3:::*', 'arn:aws:*:eu-west-1:*:*', 'arn:*:iam::*']"),
    },
    {
      name: 'ReadOnlyAccess and SAM policy templates',
      template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Policies:
        - ReadOnlyAccess
        - S3ReadPolicy:
            BucketName: my-bucket
        - arn:aws:iam::aws:policy/ReadOnlyAccess
`,
    },
    {
      name: 'SAM ignores Policies when the function has its own Role',
      template: `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/app
      Policies: AdministratorAccess
`,
    },
    {
      name: 'a policy document that is a list under Fn::If (malformed) is skipped',
      template: `Resources:
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      PolicyDocument:
        - Fn::If:
            - Cond
            - Statement: {}
            - Statement: []
`,
    },
  ],
  invalid: [
    {
      name: 'Action "*" on Resource "*" in a role inline policy',
      template: role("Effect: Allow\nAction: '*'\nResource: '*'"),
      errors: [
        {
          messageId: 'adminStatement',
          line: 16,
          column: 25,
          data: { action: '*', policy: 'inline policy app of role AppRole', attached: ' (assumable by Service lambda.amazonaws.com)', via: '' },
        },
      ],
    },
    {
      name: '"*:*" among other actions, and "*" among other resources',
      template: role("Effect: Allow\nAction:\n  - s3:GetObject\n  - '*:*'\nResource:\n  - arn:aws:s3:::b1\n  - '*'"),
      errors: [{ messageId: 'adminStatement', line: 18, column: 21, data: { action: '*:*' } }],
    },
    {
      name: 'a statement with a Condition is still administrator access',
      template: role("Effect: Allow\nAction: '*'\nResource: '*'\nCondition:\n  Bool: { aws:MultiFactorAuthPresent: 'true' }"),
      errors: [{ messageId: 'adminStatement', line: 16, column: 25 }],
    },
    {
      name: 'on one branch of Fn::If, named in the message',
      template: role("Effect: Allow\nAction: !If [IsDev, '*', 's3:GetObject']\nResource: '*'", 'Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n'),
      errors: [{ messageId: 'adminStatement', line: 18, column: 37, data: { via: ' (when condition IsDev is true)' } }],
    },
    {
      name: 'Allow with NotAction on every resource',
      template: role("Effect: Allow\nNotAction: [iam:*, organizations:*]\nResource: '*'"),
      errors: [{ messageId: 'notActionStar', line: 16, column: 28, data: { notActions: '"iam:*", "organizations:*"' } }],
    },
    {
      name: 'AWS managed AdministratorAccess on a role, written with Fn::Sub',
      template: `Resources:
  Admin:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
`,
      errors: [{ messageId: 'awsManagedAdmin', line: 8, column: 11, data: { principals: 'role Admin (assumable by Service ec2.amazonaws.com)' } }],
    },
    {
      name: 'AWS::IAM::Policy attached to a group and a user, statement as a single map',
      template: `Resources:
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: everything
      Groups: [!Ref Admins]
      Users: [deploy-bot]
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: ['*']
          Resource: ['*']
  Admins:
    Type: AWS::IAM::Group
`,
      errors: [
        {
          messageId: 'adminStatement',
          line: 11,
          column: 20,
          data: { policy: 'policy everything (Pol)', attached: ', attached to user deploy-bot, group Admins (no members)' },
        },
      ],
    },
    {
      name: 'an unattached managed policy and a RolePolicy',
      template: `Resources:
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: admin
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: '*', Resource: '*' }
  RolePol:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: app-role
      PolicyName: admin
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: '*:*'
            Resource: '*'
`,
      errors: [
        { messageId: 'adminStatement', line: 8, column: 38, data: { policy: 'managed policy admin (Managed)', attached: ', attached to no principal yet' } },
        { messageId: 'adminStatement', line: 17, column: 21, data: { policy: 'inline policy admin (RolePol)', attached: ', attached to role app-role' } },
      ],
    },
    {
      name: 'a policy document written as JSON in Fn::Sub under Fn::If (checkov CKV_AWS_62 case)',
      template: `Conditions:
  CreateExecPolicy: !Equals [0, 0]
Resources:
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies: !If
        - CreateExecPolicy
        - - PolicyName: root
            PolicyDocument: !Sub |
              { "Version": "2012-10-17", "Statement": [
                { "Effect": "Allow", "Resource": "\${AWS::Partition}", "Action": "*" },
                { "Effect": "Allow", "Action": "*", "Resource": "*" }
              ]}
        - !Ref AWS::NoValue
`,
      errors: [{ messageId: 'adminStatement', line: 14, column: 38, data: { via: ' (when condition CreateExecPolicy is true)' } }],
    },
    {
      name: 'SAM function: AdministratorAccess and a statement document, on the generated role',
      template: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Policies:
        - AdministratorAccess
        - Statement:
            - Effect: Allow
              Action: '*'
              Resource: '*'
`,
      errors: [
        { messageId: 'awsManagedAdmin', line: 9, column: 11, data: { principals: 'role FnRole' } },
        { messageId: 'adminStatement', line: 12, column: 23, data: { policy: 'inline policy of function Fn', attached: ', attached to role FnRole' } },
      ],
    },
    {
      name: 'resource patterns that match every resource: "arn:*", "arn:aws:*:*:*:*"; NotAction on "arn:aws:*"',
      template: roleWith(
        "{ Effect: Allow, Action: '*:*', Resource: 'arn:*' }",
        "{ Effect: Allow, Action: '*', Resource: 'arn:aws:*:*:*:*' }",
        "{ Effect: Allow, NotAction: 'iam:*', Resource: 'arn:aws:*' }",
      ),
      errors: [
        { messageId: 'adminStatementArn', line: 15, column: 42, data: { action: '*:*', resource: 'arn:*' } },
        { messageId: 'adminStatementArn', line: 16, column: 42, data: { action: '*', resource: 'arn:aws:*:*:*:*' } },
        { messageId: 'notActionStarArn', line: 17, column: 45, data: { notActions: '"iam:*"', resource: 'arn:aws:*' } },
      ],
    },
    {
      name: 'a managed policy attached through ManagedPolicyArns of a group and a role: the members and who may assume the role are named',
      template: `Resources:
  Admin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: '*', Resource: '*' }
  Ops:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [!Ref Admin]
  Hanako:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Ops]
  Taro:
    Type: AWS::IAM::User
  AddTaro:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Ops
      Users: [!Ref Taro]
  Break:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: sts:AssumeRole }
      ManagedPolicyArns: [!Ref Admin]
`,
      errors: [
        {
          messageId: 'adminStatement',
          line: 7,
          column: 38,
          data: {
            policy: 'managed policy Admin',
            attached: ', attached to group Ops (members: Hanako, Taro), role Break (assumable by AWS arn:aws:iam::111122223333:root)',
          },
        },
      ],
    },
    {
      name: 'AWS managed AdministratorAccess on a group and a user',
      template: `Resources:
  Admins:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess']
  Aiko:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Admins]
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
`,
      errors: [
        { messageId: 'awsManagedAdmin', line: 5, column: 27, data: { principals: 'group Admins (members: Aiko)' } },
        { messageId: 'awsManagedAdmin', line: 10, column: 27, data: { principals: 'user Aiko' } },
      ],
    },
    {
      name: 'JSON template (checkov iam_policy.fail case)',
      filename: 'template.json',
      template: `{
  "Resources": {
    "NEWPolicy": {
      "Type": "AWS::IAM::Policy",
      "Properties": {
        "PolicyName": "CFNUsers",
        "PolicyDocument": {
          "Statement": [
            { "Action": ["s3:HeadBucket", "*"], "Effect": "Allow", "Resource": ["arn:aws:s3:::b1", "*"] }
          ]
        },
        "Groups": [{ "Ref": "CFNUserGroup" }]
      }
    },
    "CFNUserGroup": { "Type": "AWS::IAM::Group", "Properties": { "Policies": [] } }
  }
}
`,
      errors: [
        {
          messageId: 'adminStatement',
          line: 9,
          column: 43,
          data: { policy: 'policy CFNUsers (NEWPolicy)', attached: ', attached to group CFNUserGroup (no members)' },
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
