import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('IAM groups from templates', () => {
  it('with the users that name them and those a UserToGroupAddition adds, and their policies', () => {
    const list = templateEntitiesOf(`Resources:
  Ops:
    Type: AWS::IAM::Group
    Properties:
      GroupName: operators
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess, !Ref Extra]
      Policies:
        - PolicyName: logs
          PolicyDocument: { Statement: [{ Effect: Allow, Action: logs:Get*, Resource: '*' }] }
  Extra:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: '*' }] }
  Hanako:
    Type: AWS::IAM::User
    Properties: { Groups: [!Ref Ops] }
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties: { GroupName: !Ref Ops, Users: [taro] }
  Other:
    Type: AWS::IAM::Group
`);
    expect(of('IamGroup', list).map((g) => [g.displayName, g.groupName, g.members, g.attachedPolicies, g.inlinePolicies, g.location.line])).toEqual([
      ['Ops', 'operators', ['Hanako', 'taro'], ['ReadOnlyAccess', 'Extra'], ['logs'], 2],
      ['Other', 'Other', [], [], [], 20],
    ]);
  });
});
