import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const res = (type: string, props: string): string =>
  `Resources:\n  Profile:\n    Type: AWS::IAM::InstanceProfile\n    Properties: {Roles: [r]}\n  R:\n    Type: ${type}\n    Properties:\n${props}`;

/** An instance profile `Empty` with no role (line 2, its properties `props` on line 4), then resource `R` from line 5, its properties from line 8. */
const withEmpty = (type: string, props: string, profileProps = 'Path: /, Roles: []'): string =>
  `Resources:\n  Empty:\n    Type: AWS::IAM::InstanceProfile\n    Properties: {${profileProps}}\n  R:\n    Type: ${type}\n    Properties:\n${props}`;

/** An account whose eu-west-1 runs these instances, one per reservation. */
const account = (instances: Record<string, unknown>[]): string =>
  snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeInstances: { Reservations: instances.map((i) => ({ Instances: [i] })) } } } } });
const INSTANCE = (i: number): (string | number)[] => ['regional', 'eu-west-1', 'ec2', 'DescribeInstances', 'Reservations', i, 'Instances', 0, 'InstanceId'];

ruleTester.run(rule, {
  valid: [
    {
      name: 'account instances with a profile, and instances terminated or shutting down without one',
      snapshot: account([
        { InstanceId: 'i-0a1b2c3d4e5f60718', State: { Name: 'running' }, IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/web' } },
        { InstanceId: 'i-0b2c3d4e5f6071829', State: { Name: 'terminated' } },
        { InstanceId: 'i-0c3d4e5f607182930', State: { Name: 'shutting-down' } },
      ]),
    },
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
    {
      name: 'a literal name equal to the logical id of a profile with no role names another profile',
      template: withEmpty('AWS::EC2::Instance', '      ImageId: ami-1\n      IamInstanceProfile: Empty\n'),
    },
    {
      name: 'roles from a list parameter are not judged',
      template: `Parameters:\n  RoleNames:\n    Type: CommaDelimitedList\n${withEmpty('AWS::EC2::Instance', '      IamInstanceProfile: !Ref Empty\n', 'Roles: !Ref RoleNames')}`,
    },
    {
      name: 'a role left out on no branch',
      template: `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${withEmpty('AWS::EC2::Instance', '      IamInstanceProfile: !Ref Empty\n', 'Roles: [!If [C, a, b]]')}`,
    },
  ],
  invalid: [
    {
      name: 'instance using an instance profile with no role',
      template: withEmpty('AWS::EC2::Instance', '      ImageId: ami-1\n      IamInstanceProfile: !Ref Empty\n'),
      errors: [{ messageId: 'profileWithoutRole', line: 9, column: 27, data: { resource: 'EC2 instance', name: 'R', profile: 'Empty', via: '' } }],
    },
    {
      name: 'launch template naming a profile with no role by ARN',
      template: withEmpty('AWS::EC2::LaunchTemplate', '      LaunchTemplateData:\n        IamInstanceProfile: {Arn: !GetAtt Empty.Arn}\n'),
      errors: [{ messageId: 'profileWithoutRole', line: 9, column: 35, data: { resource: 'launch template', profile: 'Empty' } }],
    },
    {
      name: 'launch configuration naming a profile with no role by its name',
      template: withEmpty('AWS::AutoScaling::LaunchConfiguration', '      IamInstanceProfile: no-role\n', 'InstanceProfileName: no-role, Roles: []'),
      errors: [{ messageId: 'profileWithoutRole', line: 8, column: 27, data: { resource: 'launch configuration', profile: 'Empty' } }],
    },
    {
      name: 'roles empty on one branch',
      template: `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${withEmpty('AWS::EC2::Instance', '      IamInstanceProfile: !Ref Empty\n', 'Roles: !If [C, [a], []]')}`,
      errors: [{ messageId: 'profileWithoutRole', line: 10, column: 27, data: { via: ' (when condition C is false)' } }],
    },
    {
      name: 'instance from a launch template of this file whose profile holds no role',
      template: `${withEmpty('AWS::EC2::LaunchTemplate', '      LaunchTemplateData:\n        IamInstanceProfile: {Name: !Ref Empty}\n')}  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      LaunchTemplate: {LaunchTemplateId: !Ref R, Version: 1}\n`,
      errors: [
        { messageId: 'profileWithoutRole', line: 9, column: 36, data: { resource: 'launch template', name: 'R' } },
        { messageId: 'profileWithoutRole', line: 13, column: 42, data: { resource: 'EC2 instance', name: 'I', profile: 'Empty' } },
      ],
    },
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
    {
      name: 'account instances without a profile, running or stopped, at the instance id, named by their Name tag',
      snapshot: account([
        { InstanceId: 'i-0e5f60718293a4b52', State: { Name: 'running' }, Tags: [{ Key: 'Name', Value: 'ops-bastion' }] },
        { InstanceId: 'i-0f60718293a4b5c63', State: { Name: 'stopped' } },
      ]),
      errors: [
        { messageId: 'instance', at: INSTANCE(0), message: 'EC2 instance i-0e5f60718293a4b52 (ops-bastion) has no IAM instance profile.' },
        { messageId: 'instance', at: INSTANCE(1), data: { name: 'i-0f60718293a4b5c63' } },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
