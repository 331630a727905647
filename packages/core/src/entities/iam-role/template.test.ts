import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('IAM roles from templates', () => {
  it('with their trust statements (principals, conditions, Fn::If branches), policies, boundary and instance profiles', () => {
    const list = templateEntitiesOf(`Conditions:
  Open: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  App:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: [ec2.amazonaws.com] }
            Action: sts:AssumeRole
          - Effect: Allow
            Principal: { AWS: !If [Open, '*', !Sub 'arn:\${AWS::Partition}:iam::111122223333:root'] }
            Action: [sts:AssumeRole]
            Condition: { StringEquals: { 'sts:ExternalId': abc } }
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      PermissionsBoundary: !Ref Boundary
      Policies:
        - PolicyName: inline
          PolicyDocument: { Statement: [] }
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:*, Resource: '*' }] }
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties: { Roles: [!Ref App] }
`);
    const [role] = of('IamRole', list);
    expect(role).toMatchObject({
      roleName: 'app',
      attachedPolicies: ['ReadOnlyAccess'],
      inlinePolicies: ['inline'],
      permissionsBoundary: 'Boundary',
      instanceProfiles: ['Profile'],
    });
    expect(role?.trust.map((s) => [s.principals, s.actions, s.conditions, s.via, s.location.line])).toEqual([
      [[{ type: 'Service', value: 'ec2.amazonaws.com' }], ['sts:AssumeRole'], [], undefined, 11],
      [
        [{ type: 'AWS', value: '*' }],
        ['sts:AssumeRole'],
        [{ operator: 'StringEquals', key: 'sts:externalid', values: ['abc'] }],
        ['when condition Open is true'],
        14,
      ],
      [
        [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }],
        ['sts:AssumeRole'],
        [{ operator: 'StringEquals', key: 'sts:externalid', values: ['abc'] }],
        ['when condition Open is false'],
        14,
      ],
    ]);
  });

  it('a trust policy written as JSON text, and one that cannot be read', () => {
    const list = templateEntitiesOf(`Resources:
  Text:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}}'
  Broken:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{not json'
`);
    const [text, broken] = of('IamRole', list);
    expect(text?.trust).toMatchObject([{ effect: 'Allow', notPrincipal: true, principals: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }] }]);
    expect(broken?.trust).toEqual([]);
  });
});
