import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('policies from templates', () => {
  it('reads policy statements from YAML, JSON text and Fn::If, with where each action is written', () => {
    const list = templateEntitiesOf(`Conditions:
  C: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, !If [C, 'ec2:*', !Ref AWS::NoValue]]
                Resource: [arn:aws:s3:::b/*]
                Condition: { Bool: { aws:SecureTransport: 'true' } }
  Doc:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref Role]
      PolicyDocument: '{"Statement": {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["a", "b"]}}'
`);
    const [inline, managed] = of('Policy', list);
    expect(inline?.attachedTo).toEqual([{ type: 'role', name: 'Role' }]);
    expect(inline?.statements.map((s) => [s.actions, s.via, s.hasCondition, s.actionLocations?.map((l) => l.column)])).toEqual([
      [['s3:GetObject', 'ec2:*'], ['when condition C is true'], true, [26, 48]],
      [['s3:GetObject'], ['when condition C is false'], true, [26]],
    ]);
    expect(managed?.policyType).toBe('managed');
    expect(managed?.statements).toEqual([
      expect.objectContaining({ effect: 'Deny', actions: [], notActions: ['iam:*'], resources: [], notResources: ['a', 'b'], hasCondition: false }),
    ]);
  });
});
