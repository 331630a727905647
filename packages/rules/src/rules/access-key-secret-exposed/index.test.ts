import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const KEY = `  Deployer:
    Type: AWS::IAM::User
  DeployerKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref Deployer
`;
// With KEY first under Resources, the template's next line is line 8.

ruleTester.run(rule, {
  valid: [
    {
      name: 'the secret stored in Secrets Manager, with Fn::Sub and Fn::Join',
      template: `Resources:
${KEY}  KeySecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      SecretString: !Sub '{"id":"\${DeployerKey}","secret":"\${DeployerKey.SecretAccessKey}"}'
  KeySecret2:
    Type: AWS::SecretsManager::Secret
    Properties:
      SecretString: !Join ['', ['{"secret":"', !GetAtt DeployerKey.SecretAccessKey, '"}']]
Outputs:
  KeyId:
    Value: !Ref DeployerKey
  SecretArn:
    Value: !Ref KeySecret
`,
    },
    {
      name: 'an access key whose secret is never read',
      template: `Resources:
${KEY}`,
    },
    {
      name: 'a SecretAccessKey attribute of something that is not an AWS::IAM::AccessKey',
      template: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vault:
    Type: Custom::KeyVault
    Properties:
      ServiceToken: arn:aws:lambda:eu-west-1:111122223333:function:vault
Outputs:
  Secret:
    Value: !GetAtt Vault.SecretAccessKey
`,
    },
  ],
  invalid: [
    {
      name: 'outputs, short and long GetAtt, Fn::Join and an export',
      template: `Resources:
${KEY}Outputs:
  Secret:
    Value: !GetAtt DeployerKey.SecretAccessKey
  SecretLong:
    Value:
      Fn::GetAtt: [DeployerKey, SecretAccessKey]
  Pair:
    Value: !Join [':', [!Ref DeployerKey, !GetAtt [DeployerKey, SecretAccessKey]]]
    Export:
      Name: deployer-key
`,
      errors: [
        { messageId: 'exposed', line: 10, column: 12, data: { key: 'DeployerKey', user: ' (user Deployer)', where: 'output Secret' } },
        { messageId: 'exposed', line: 13, column: 7, data: { where: 'output SecretLong' } },
        { messageId: 'exposed', line: 15, column: 43, data: { where: 'output Pair' } },
      ],
    },
    {
      name: 'Lambda environment, a String SSM parameter and tags',
      template: `Resources:
${KEY}  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: 'def handler(e, c): pass' }
      Environment:
        Variables:
          AWS_SECRET_ACCESS_KEY: !GetAtt DeployerKey.SecretAccessKey
      Tags:
        - Key: secret
          Value: !GetAtt DeployerKey.SecretAccessKey
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Sub '\${DeployerKey}:\${DeployerKey.SecretAccessKey}'
`,
      errors: [
        { messageId: 'exposed', line: 17, column: 34, data: { where: 'environment variable AWS_SECRET_ACCESS_KEY of Fn' } },
        { messageId: 'exposed', line: 20, column: 18, data: { where: 'tags of Fn' } },
        { messageId: 'exposed', line: 25, column: 35, data: { where: 'SSM parameter Param (type String)' } },
      ],
    },
    {
      name: 'user data through Fn::Base64 and Fn::Sub, an ECS container variable, SAM Globals',
      template: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        SECRET: !GetAtt DeployerKey.SecretAccessKey
Resources:
${KEY}  Vm:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          aws configure set aws_access_key_id \${DeployerKey}
          aws configure set aws_secret_access_key \${DeployerKey.SecretAccessKey}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:latest
          Environment:
            - Name: SECRET_KEY
              Value: !GetAtt DeployerKey.SecretAccessKey
`,
      errors: [
        { messageId: 'exposed', line: 6, column: 17, data: { where: 'environment variable SECRET in Globals' } },
        { messageId: 'exposed', line: 22, column: 51, data: { where: 'UserData of Vm' } },
        { messageId: 'exposed', line: 31, column: 22, data: { where: 'environment variable SECRET_KEY of Task' } },
      ],
    },
    {
      name: 'JSON template',
      filename: 'template.json',
      template: `{
  "Resources": {
    "Key": { "Type": "AWS::IAM::AccessKey", "Properties": { "UserName": "ci" } }
  },
  "Outputs": {
    "SecretKey": { "Value": { "Fn::GetAtt": ["Key", "SecretAccessKey"] } },
    "Both": { "Value": { "Fn::Sub": "\${Key}/\${Key.SecretAccessKey}" } }
  }
}
`,
      errors: [
        { messageId: 'exposed', line: 6, column: 29, data: { key: 'Key', user: ' (user ci)', where: 'output SecretKey' } },
        { messageId: 'exposed', line: 7, column: 45, data: { where: 'output Both' } },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
