import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { ACCOUNT, snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

/** A role whose trust policy has the one statement given as a YAML flow map, on line 8 (`Principal` value at column 41). */
function role(statement: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - ${statement}
`;
}

const ROLE = (i: number) => ['global', 'iam', 'GetAccountAuthorizationDetails', 'RoleDetailList', i, 'AssumeRolePolicyDocument', 'Statement', 0];

function account(...trust: Record<string, unknown>[]): string {
  return snapshotJson({
    iam: {
      GetAccountAuthorizationDetails: {
        UserDetailList: [],
        GroupDetailList: [],
        Policies: [],
        RoleDetailList: trust.map((statement, i) => ({
          RoleName: `role-${i}`,
          Arn: `arn:aws:iam::${ACCOUNT}:role/role-${i}`,
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [statement] },
          AttachedManagedPolicies: [],
          RolePolicyList: [],
        })),
      },
    },
  });
}

ruleTester.run(rule, {
  valid: [
    { name: 'a service principal', template: role('{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }') },
    { name: 'one other account', template: role("{ Effect: Allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: sts:AssumeRole }") },
    {
      name: 'any principal, narrowed to the organization',
      template: role("{ Effect: Allow, Principal: '*', Action: sts:AssumeRole, Condition: { StringEquals: { 'aws:PrincipalOrgID': o-a1b2c3d4e5 } } }"),
    },
    {
      name: 'any AWS principal with an external id (a third party)',
      template: role("{ Effect: Allow, Principal: { AWS: '*' }, Action: sts:AssumeRole, Condition: { StringEquals: { 'sts:ExternalId': 'f3a9c1' } } }"),
    },
    {
      name: 'any principal, narrowed to principal ARNs with ArnLike',
      template: role(
        "{ Effect: Allow, Principal: { AWS: '*' }, Action: sts:AssumeRole, Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } } }",
      ),
    },
    { name: 'a Deny for everyone', template: role("{ Effect: Deny, Principal: '*', Action: sts:AssumeRole }") },
    {
      name: 'a federated web identity (GitHub OIDC) with its subject condition',
      template: role(
        "{ Effect: Allow, Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }, Action: sts:AssumeRoleWithWebIdentity, Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/shop:*' } } }",
      ),
    },
    {
      name: 'the "*" branch of Fn::If is not taken with the given parameters',
      template: role(
        "{ Effect: Allow, Principal: { AWS: !If [Open, '*', 'arn:aws:iam::111122223333:root'] }, Action: sts:AssumeRole }",
        'Parameters:\n  Mode:\n    Type: String\nConditions:\n  Open: !Equals [!Ref Mode, open]\n',
      ),
      parameters: { Mode: 'closed' },
    },
    {
      name: 'an account role trusted by one account',
      snapshot: account({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }),
    },
  ],
  invalid: [
    {
      name: 'Principal "*"',
      template: role("{ Effect: Allow, Principal: '*', Action: sts:AssumeRole }"),
      errors: [{ messageId: 'anyPrincipal', line: 8, column: 41, data: { role: 'Shared', principal: 'Principal "*"' } }],
    },
    {
      name: 'Principal { AWS: "*" } with conditions that do not narrow who: negated, IfExists, a wildcard value, the source IP',
      template: role(
        "{ Effect: Allow, Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': o-1 }, StringEqualsIfExists: { 'sts:ExternalId': x }, StringLike: { 'aws:PrincipalArn': '*' }, IpAddress: { 'aws:SourceIp': 203.0.113.0/24 } } }",
      ),
      errors: [{ messageId: 'anyPrincipal', line: 8, column: 41, data: { principal: 'Principal { "AWS": "*" }' } }],
    },
    {
      name: 'every account: arn:aws:iam::*:root, in a list',
      template: role(
        "{ Effect: Allow, Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::*:root'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }",
      ),
      errors: [{ messageId: 'anyPrincipal', line: 8, column: 41, data: { principal: 'Principal { "AWS": "arn:aws:iam::*:root" } (every AWS account)' } }],
    },
    {
      name: 'Allow with NotPrincipal',
      template: role("{ Effect: Allow, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: sts:AssumeRole }"),
      errors: [{ messageId: 'anyPrincipal', line: 8, column: 44, data: { principal: 'NotPrincipal (everyone but the principals it names)' } }],
    },
    {
      name: 'on one branch of Fn::If, named in the message',
      template: role(
        "{ Effect: Allow, Principal: { AWS: !If [Open, '*', 'arn:aws:iam::111122223333:root'] }, Action: sts:AssumeRole }",
        'Conditions:\n  Open: !Equals [!Ref AWS::StackName, open]\n',
      ),
      errors: [{ messageId: 'anyPrincipal', line: 10, column: 41, data: { via: ' (when condition Open is true)' } }],
    },
    {
      name: 'a trust policy written as JSON text',
      template: role('{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }').replace(
        /AssumeRolePolicyDocument:\n {8}Statement:\n {10}- .*\n/,
        'AssumeRolePolicyDocument: \'{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}\'\n',
      ),
      errors: [{ messageId: 'anyPrincipal', line: 6, column: 33 }],
    },
    {
      name: 'an account role anyone may assume; another whose org condition is negated',
      snapshot: account(
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } },
      ),
      errors: [
        { messageId: 'anyPrincipal', at: ROLE(0), data: { role: 'role-0' } },
        { messageId: 'anyPrincipal', at: ROLE(1), data: { role: 'role-1', principal: 'Principal "*"' } },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
