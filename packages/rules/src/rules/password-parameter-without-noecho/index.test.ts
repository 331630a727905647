import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule, { namesSecret } from './index.js';

/** A template whose Parameters section is `params`; the first parameter's name is on line 3, column 3. */
function params(body: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
${body}Resources:
  Topic:
    Type: AWS::SNS::Topic
`;
}

describe('secret parameter names', () => {
  it.each([
    'DbPassword',
    'DBMasterPassword',
    'db_password',
    'MYSQL_ROOT_PASSWORD',
    'AdminPass',
    'GitHubToken',
    'GitHubOAuthToken',
    'ApiKey',
    'APIKey',
    'SSHPrivateKey',
    'ClientSecret',
    'AwsSecretAccessKey',
    'WebhookSecret',
    'SlackApiToken',
  ])('%s names a secret', (name) => expect(namesSecret(name)).toBe(true));
  it.each([
    'PasswordLength',
    'MinPasswordLength',
    'SecretArn',
    'DbSecretName',
    'TokenExpiry',
    'ApiKeyRequired',
    'KeyName',
    'AccessKeyId',
    'PrivateKeyPath',
    'SecretsManagerSecretArn',
    'Bypass',
    'PasswordParameterName',
    'TokenValidityDays',
  ])('%s does not', (name) => expect(namesSecret(name)).toBe(false));
});

ruleTester.run(rule, {
  valid: [
    { name: 'NoEcho: true', template: params('  DbPassword:\n    Type: String\n    NoEcho: true\n') },
    { name: "NoEcho: 'True' as a quoted string", template: params("  DbPassword:\n    Type: String\n    NoEcho: 'True'\n") },
    {
      name: 'names that describe a secret without holding one',
      template: params(
        '  PasswordLength:\n    Type: Number\n    Default: 16\n  DbSecretArn:\n    Type: String\n  TokenExpiry:\n    Type: String\n    Default: 1h\n  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\n',
      ),
    },
    { name: 'a choice from AllowedValues', template: params("  ApiKey:\n    Type: String\n    AllowedValues: ['true', 'false']\n") },
    {
      name: 'an SSM parameter type holds a name, not the secret',
      template: params('  DbPassword:\n    Type: AWS::SSM::Parameter::Value<String>\n    Default: /prod/db/password\n'),
    },
    {
      name: 'a parameter that names the secret inside a dynamic reference',
      template: `Parameters:
  DbSecretPath:
    Type: String
    Default: prod/db
  DbPasswordVersion:
    Type: String
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: !Sub '{{resolve:secretsmanager:\${DbSecretPath}:SecretString:password::\${DbPasswordVersion}}}'
`,
    },
  ],
  invalid: [
    {
      name: 'a parameter whose name says nothing, passed to a function as DB_PASSWORD',
      template: `Parameters:
  Db:
    Type: String
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment: { Variables: { DB_PASSWORD: !Ref Db, DB_HOST: db.internal } }
`,
      errors: [{ messageId: 'usedAsSecret', line: 2, column: 3, data: { parameter: 'Db', uses: 'Environment.Variables.DB_PASSWORD of Fn' } }],
    },
    {
      name: 'a password parameter with a default and no NoEcho',
      template: params('  DBPassword:\n    Type: String\n    Default: changeme\n'),
      errors: [{ messageId: 'namedSecret', line: 3, column: 3, data: { parameter: 'DBPassword' } }],
    },
    {
      name: 'tokens, keys and secrets, NoEcho false',
      template: params(
        "  GitHubToken:\n    Type: String\n  ApiKey:\n    Type: String\n    NoEcho: false\n  SSHPrivateKey:\n    Type: String\n    NoEcho: 'false'\n  client_secret:\n    Type: String\n",
      ),
      errors: [
        { messageId: 'namedSecret', line: 3, column: 3, data: { parameter: 'GitHubToken' } },
        { messageId: 'namedSecret', line: 5, column: 3, data: { parameter: 'ApiKey' } },
        { messageId: 'namedSecret', line: 8, column: 3, data: { parameter: 'SSHPrivateKey' } },
        { messageId: 'namedSecret', line: 11, column: 3, data: { parameter: 'client_secret' } },
      ],
    },
    {
      name: 'a parameter used as a password property, whatever its name (cfn-lint W2501)',
      template: `Parameters:
  DbLogin:
    Type: String
    AllowedPattern: '[a-zA-Z0-9]{16,}'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: !Ref DbLogin
  User:
    Type: AWS::IAM::User
    Properties:
      LoginProfile:
        Password: !Sub '\${DbLogin}'
`,
      errors: [
        { messageId: 'usedAsSecret', line: 2, column: 3, data: { parameter: 'DbLogin', uses: 'MasterUserPassword of Db, LoginProfile.Password of User' } },
      ],
    },
    {
      name: 'JSON template',
      filename: 'template.json',
      template: `{
  "Parameters": { "MasterUserPassword": { "Type": "String", "NoEcho": "false" } },
  "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }
}
`,
      errors: [{ messageId: 'namedSecret', line: 2, column: 19, data: { parameter: 'MasterUserPassword' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
