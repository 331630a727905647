import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

// Made-up keys of the real shape. Built from parts so this file is not itself a leak report.
const KEY_ID = ['AKIA', 'Z7QXW4LM2RTB6NHE'].join('');
const TEMP_KEY_ID = ['ASIA', 'QW3RTY7UI2OPLK5J'].join('');
const SECRET = ['q3Xv9LmT2rBfK8wZpN4s', 'Yd7HcJ1eGuA6oVtR0kWi'].join('');

const fn = (env: string): string => `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Environment:
        Variables:
${env}`;

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
/** An instance whose `UserData` (line 6, value at column 17) is `userData` as written. */
const vm = (userData: string): string =>
  `Resources:\n  Vm:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData: ${userData}\n`;

ruleTester.run(rule, {
  valid: [
    {
      name: 'AWS documentation example keys',
      template: fn(`          AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n          AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`),
    },
    { name: 'a dynamic reference to Secrets Manager', template: fn(`          TOKEN: '{{resolve:secretsmanager:prod/token:SecretString:value}}'\n`) },
    { name: 'a 40-character hex digest is not a secret key', template: fn(`          SECRET_COMMIT: 3f786850e387550fdab836ed7e6dc881de23001b\n`) },
    { name: 'a random 40-character string with no secret context', template: fn(`          BUILD_ID: ${SECRET}\n`) },
    { name: 'an AKIA-like word that is too long', template: fn(`          NAME: ${KEY_ID}X\n`) },
    {
      name: 'base64 user data with the documentation example keys',
      template: vm(b64('#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n')),
    },
    { name: 'base64 user data without keys', template: vm(b64('#!/bin/bash\nyum install -y httpd\nsystemctl start httpd\n')) },
    { name: 'a base64 value outside user data is not decoded', template: `${vm('ami')}      Tags: [{Key: blob, Value: ${b64(`id ${KEY_ID}`)}}]\n` },
  ],
  invalid: [
    {
      name: 'access key id in user data written as a base64 literal',
      template: vm(b64(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`)),
      errors: [{ messageId: 'accessKeyId', line: 6, column: 17, data: { redacted: 'AKIA************6NHE', where: 'base64-encoded user data of resource Vm' } }],
    },
    {
      name: 'secret key in base64 user data, found by the name before it',
      template: vm(b64(`#!/bin/bash\naws configure set aws_secret_access_key ${SECRET}\n`)),
      errors: [{ messageId: 'secretAccessKey', line: 6, column: 17, data: { evidence: 'secret key name', where: 'base64-encoded user data of resource Vm' } }],
    },
    {
      name: 'base64 user data of a launch template in JSON',
      filename: 'template.json',
      template: `{"Resources": {"Lt": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"UserData": "${b64(`#!/bin/sh\n${KEY_ID}\n`)}"}}}}}`,
      errors: [{ messageId: 'accessKeyId', line: 1, column: 109, data: { where: 'base64-encoded user data of resource Lt' } }],
    },
    {
      name: 'access key id and secret in Lambda environment',
      template: fn(`          AWS_ACCESS_KEY_ID: ${KEY_ID}\n          AWS_SECRET_ACCESS_KEY: ${SECRET}\n`),
      errors: [
        { messageId: 'accessKeyId', line: 8, column: 30, data: { redacted: 'AKIA************6NHE', where: 'resource Fn' } },
        { messageId: 'secretAccessKey', line: 9, column: 34, data: { redacted: 'q3Xv************************************', evidence: 'secret key name' } },
      ],
    },
    {
      name: 'temporary key id in a parameter default, secret next to it',
      template: `Parameters:\n  Key:\n    Type: String\n    Default: ${TEMP_KEY_ID}\n  Other:\n    Type: String\n    Default: ${SECRET}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n`,
      errors: [
        { messageId: 'accessKeyId', line: 4, column: 14, data: { redacted: 'ASIA************LK5J', where: 'parameter Key' } },
        { messageId: 'secretAccessKey', line: 7, column: 14, data: { evidence: 'next to an access key id', where: 'parameter Other' } },
      ],
    },
    {
      name: 'keys inside UserData in Fn::Base64 and Fn::Sub',
      template: `Resources:
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          aws configure set aws_access_key_id ${KEY_ID}
          aws configure set aws_secret_access_key ${SECRET}
`,
      errors: [
        { messageId: 'accessKeyId', line: 8, column: 47 },
        { messageId: 'secretAccessKey', line: 9, column: 51 },
      ],
    },
    {
      name: 'a key in a comment is still leaked',
      template: `# deployed with ${KEY_ID}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n`,
      errors: [{ messageId: 'accessKeyId', line: 1, column: 17, data: { where: 'template.yaml' } }],
    },
    {
      name: 'JSON template',
      filename: 'template.json',
      template: `{"Resources": {"U": {"Type": "AWS::IAM::User", "Metadata": {"SecretAccessKey": "${SECRET}"}}}}`,
      errors: [{ messageId: 'secretAccessKey', line: 1, column: 81, data: { where: 'resource U' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
