import { describe, expect, it } from 'vitest';
import { of, templateEntitiesOf } from '../../../../../test/entities.js';

describe('passwords and the parameters that hold them, from templates', () => {
  it('tells where each password comes from', () => {
    const list = templateEntitiesOf(
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
    const passwords = of('PasswordProperty', list);
    expect(passwords.map((p) => [p.displayName, p.property, p.valueSource, p.literal, p.parameter])).toEqual([
      ['A', 'MasterUserPassword', 'noecho-parameter', false, 'NoEchoNoDefault'],
      ['B', 'MasterUserPassword', 'parameter', false, 'Plain'],
      ['C', 'MasterUserPassword', 'parameter', false, 'Given'],
      ['D', 'MasterUserPassword', 'secure-reference', false, undefined],
      ['E', 'MasterUserPassword', 'managed', false, undefined],
      ['G', 'AuthenticationMode.Passwords[0]', 'literal', true, undefined],
      ['G', 'AuthenticationMode.Passwords[1]', 'secure-reference', false, undefined],
    ]);
    const params = of('TemplateParameter', list);
    expect(params.map((p) => [p.name, p.noEcho, p.hasDefault, p.usedAsSecret])).toEqual([
      ['NoEchoNoDefault', true, false, ['MasterUserPassword of A']],
      ['Plain', false, false, ['MasterUserPassword of B']],
      ['Given', false, true, ['MasterUserPassword of C']],
    ]);
  });
});

describe('passwords in environment variables, from templates', () => {
  it('reads function, container, job, service and build variables by their names, at their values', () => {
    const list = templateEntitiesOf(`Transform: AWS::Serverless-2016-10-31
Parameters:
  Token: { Type: String }
Globals:
  Function:
    Environment:
      Variables: { SHARED_SECRET: globals-secret-1, STAGE: prod }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: lambda-pass-1
          TOKEN_URL: https://auth.example.com/token
          DB_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf
          API_TOKEN: !Ref Token
          DATABASE_URL: postgres://app:url-pass-1@db:5432/app
          SIGNING_KEY: '{{resolve:secretsmanager:signing}}'
  Sam:
    Type: AWS::Serverless::Function
    Properties:
      Environment: { Variables: { stripeApiKey: sk-sam-1 } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Environment:
            - { Name: LOG_LEVEL, Value: info }
            - { Name: MYSQL_PASSWORD, Value: ecs-pass-1 }
  Job:
    Type: AWS::Batch::JobDefinition
    Properties:
      Type: container
      ContainerProperties: { Environment: [{ Name: CLIENT_SECRET, Value: batch-secret-1 }] }
  Svc:
    Type: AWS::AppRunner::Service
    Properties:
      SourceConfiguration:
        ImageRepository:
          ImageConfiguration: { RuntimeEnvironmentVariables: [{ Name: SESSION_SECRET, Value: apprunner-1 }] }
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Environment:
        EnvironmentVariables:
          - { Name: NPM_TOKEN, Value: npm-token-1 }
          - { Name: DOCKER_PASSWORD, Type: SECRETS_MANAGER, Value: docker-hub:password }
`);
    const passwords = of('PasswordProperty', list);
    expect(passwords.map((p) => [p.displayName, p.property, p.variable, p.valueSource, p.location.line, p.location.column])).toEqual([
      ['Fn', 'Environment.Variables.DB_PASSWORD', 'DB_PASSWORD', 'literal', 14, 24],
      ['Fn', 'Environment.Variables.API_TOKEN', 'API_TOKEN', 'parameter', 17, 22],
      ['Fn', 'Environment.Variables.DATABASE_URL', 'DATABASE_URL', 'literal', 18, 25],
      ['Fn', 'Environment.Variables.SIGNING_KEY', 'SIGNING_KEY', 'secure-reference', 19, 24],
      ['Sam', 'Environment.Variables.stripeApiKey', 'stripeApiKey', 'literal', 23, 49],
      ['Task', 'ContainerDefinitions[0].Environment.MYSQL_PASSWORD', 'MYSQL_PASSWORD', 'literal', 31, 46],
      ['Job', 'ContainerProperties.Environment.CLIENT_SECRET', 'CLIENT_SECRET', 'literal', 36, 74],
      ['Svc', 'SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables.SESSION_SECRET', 'SESSION_SECRET', 'literal', 42, 94],
      ['Build', 'Environment.EnvironmentVariables.NPM_TOKEN', 'NPM_TOKEN', 'literal', 48, 39],
      ['Globals', 'Function.Environment.Variables.SHARED_SECRET', 'SHARED_SECRET', 'literal', 7, 35],
    ]);
    expect(of('TemplateParameter', list).map((p) => [p.name, p.usedAsSecret])).toEqual([['Token', ['Environment.Variables.API_TOKEN of Fn']]]);
  });

  it('reports an environment variable named Password once, with the property path it always had', () => {
    const passwords = of(
      'PasswordProperty',
      templateEntitiesOf(`Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment: { Variables: { Password: p-1, DbPassword: p-2 } }
`),
    );
    expect(passwords.map((p) => [p.id, p.literal])).toEqual([
      ['t.yaml#Fn/Environment.Variables.Password', true],
      ['t.yaml#Fn/Environment.Variables.DbPassword', true],
    ]);
  });
});
