import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('IAM users from templates', () => {
  it('follows users through groups and access keys', () => {
    const list = templateEntitiesOf(`Resources:
  U:
    Type: AWS::IAM::User
    Properties:
      UserName: ursula
      Groups: [ops]
      LoginProfile: { Password: '{{resolve:secretsmanager:u:SecretString:p}}' }
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties: { GroupName: dev, Users: [ursula] }
  K:
    Type: AWS::IAM::AccessKey
    Properties: { UserName: !Ref U, Status: Inactive }
`);
    const [user] = of('IamUser', list);
    expect(user).toMatchObject({
      userName: 'ursula',
      groups: ['ops', 'dev'],
      consoleAccess: true,
      accessKeys: [{ id: 'K', active: false }],
      attachedPolicies: [],
      inlinePolicies: [],
    });
  });
});
