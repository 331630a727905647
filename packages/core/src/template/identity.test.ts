import { describe, expect, it } from 'vitest';
import type { AccessKeyResource, Entity, IamUser, PasswordProperty, Policy, TemplateParameterEntity } from '../model/entities.js';
import { templateEntities } from '../scan.js';
import { loadTemplate } from './load.js';

function entities(text: string, parameters?: Record<string, string>): Entity[] {
  const { template } = loadTemplate('t.yaml', text, true);
  if (!template) throw new Error('not a template');
  return templateEntities(template, parameters);
}

const of = <K extends Entity['kind']>(list: Entity[], kind: K): Extract<Entity, { kind: K }>[] =>
  list.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);

describe('identity entities from templates', () => {
  it('reads policy statements from YAML, JSON text and Fn::If, with where each action is written', () => {
    const list = entities(`Conditions:
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
    const [inline, managed] = of(list, 'Policy') as Policy[];
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

  it('follows users through groups, policies and access keys', () => {
    const list = entities(`Resources:
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
    const [user] = of(list, 'IamUser') as IamUser[];
    expect(user).toMatchObject({
      userName: 'ursula',
      groups: ['ops', 'dev'],
      consoleAccess: true,
      accessKeys: [{ id: 'K', active: false }],
      attachedPolicies: [],
      inlinePolicies: [],
    });
    const [key] = of(list, 'AccessKeyResource') as AccessKeyResource[];
    expect(key).toMatchObject({ userName: 'U', secretExposures: [] });
  });

  it('tells where each password comes from', () => {
    const list = entities(
      `Parameters:
  NoEchoNoDefault: { Type: String, NoEcho: true }
  Plain: { Type: String }
  Given: { Type: String, Default: x }
Resources:
  A: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref NoEchoNoDefault } }
  B: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref Plain } }
  C: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref Given } }
  D: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: '{{resolve:ssm-secure:/d}}' } }
  E: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !GetAtt Gen.Password } }
  F: { Type: AWS::RDS::DBCluster, Properties: { ManageMasterUserPassword: true, MasterUserPassword: ignored } }
  G: { Type: AWS::MemoryDB::User, Properties: { AuthenticationMode: { Type: password, Passwords: [p1, '{{resolve:secretsmanager:g}}'] } } }
`,
      { Given: 'deploy-time' },
    );
    const passwords = of(list, 'PasswordProperty') as PasswordProperty[];
    expect(passwords.map((p) => [p.displayName, p.property, p.valueSource, p.literal, p.parameter])).toEqual([
      ['A', 'MasterUserPassword', 'noecho-parameter', false, 'NoEchoNoDefault'],
      ['B', 'MasterUserPassword', 'parameter', false, 'Plain'],
      ['C', 'MasterUserPassword', 'parameter', false, 'Given'],
      ['D', 'MasterUserPassword', 'secure-reference', false, undefined],
      ['E', 'MasterUserPassword', 'managed', false, undefined],
      ['G', 'AuthenticationMode.Passwords[0]', 'literal', true, undefined],
      ['G', 'AuthenticationMode.Passwords[1]', 'secure-reference', false, undefined],
    ]);
    const params = of(list, 'TemplateParameter') as TemplateParameterEntity[];
    expect(params.map((p) => [p.name, p.noEcho, p.hasDefault, p.usedAsSecret])).toEqual([
      ['NoEchoNoDefault', true, false, ['MasterUserPassword of A']],
      ['Plain', false, false, ['MasterUserPassword of B']],
      ['Given', false, true, ['MasterUserPassword of C']],
    ]);
  });

  it('keeps a template without identity resources free of identity entities', () => {
    const list = entities('Resources:\n  T:\n    Type: AWS::SNS::Topic\n');
    expect(list.filter((e) => e.kind !== 'Secret')).toEqual([]);
  });
});
