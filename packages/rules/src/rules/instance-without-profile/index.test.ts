import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const res = (type: string, props: string): string =>
  `Resources:\n  Profile:\n    Type: AWS::IAM::InstanceProfile\n    Properties: {Roles: [r]}\n  R:\n    Type: ${type}\n    Properties:\n${props}`;

ruleTester(rule, {
  valid: [
    { name: 'instance with a profile', template: res('AWS::EC2::Instance', '      ImageId: ami-1\n      IamInstanceProfile: !Ref Profile\n') },
    { name: 'instance with a profile by name', template: res('AWS::EC2::Instance', '      IamInstanceProfile: my-profile\n') },
    {
      name: 'launch template with a profile by ARN',
      template: res('AWS::EC2::LaunchTemplate', '      LaunchTemplateData:\n        IamInstanceProfile: {Arn: !GetAtt Profile.Arn}\n'),
    },
    { name: 'launch configuration with a profile', template: res('AWS::AutoScaling::LaunchConfiguration', '      IamInstanceProfile: !Ref Profile\n') },
    {
      name: 'instance from a launch template defined elsewhere',
      template: res('AWS::EC2::Instance', '      LaunchTemplate: {LaunchTemplateName: shared, Version: 1}\n'),
    },
  ],
  invalid: [
    {
      name: 'instance without a profile',
      template: res('AWS::EC2::Instance', '      ImageId: ami-1\n'),
      errors: [{ messageId: 'instance', line: 5, column: 3, data: { name: 'R', via: '' } }],
    },
    {
      name: 'launch template without a profile',
      template: res('AWS::EC2::LaunchTemplate', '      LaunchTemplateData: {ImageId: ami-1}\n'),
      errors: [{ messageId: 'launchTemplate', line: 5, column: 3, data: { name: 'R' } }],
    },
    {
      name: 'launch configuration without a profile',
      template: res('AWS::AutoScaling::LaunchConfiguration', '      ImageId: ami-1\n'),
      errors: [{ messageId: 'launchConfiguration', line: 5, column: 3 }],
    },
    {
      name: 'a profile on one branch only',
      template: `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${res('AWS::EC2::Instance', "      IamInstanceProfile: !If [C, !Ref Profile, !Ref 'AWS::NoValue']\n")}`,
      errors: [{ messageId: 'instance', line: 7, column: 3, data: { via: ' (when condition C is false)' } }],
    },
    {
      name: 'instance from a launch template of this file that has no profile',
      template: `${res('AWS::EC2::LaunchTemplate', '      LaunchTemplateData: {ImageId: ami-1}\n')}  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      LaunchTemplate: {LaunchTemplateId: !Ref R, Version: 1}\n`,
      errors: [
        { messageId: 'launchTemplate', line: 5, column: 3, data: { name: 'R' } },
        { messageId: 'instance', line: 9, column: 3, data: { name: 'I' } },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
