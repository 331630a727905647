import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

const eip = (extra = ''): string => `Resources:\n  Ip:\n    Type: AWS::EC2::EIP\n    Properties:\n      Domain: vpc\n${extra}`;

/** An account with one Elastic IP held by instance i-0build, which is in `state`. */
const heldBy = (state: string): string =>
  snapshotJson({
    regional: {
      'eu-west-1': {
        ec2: {
          DescribeAddresses: {
            Addresses: [
              { AllocationId: 'eipalloc-0build', Domain: 'vpc', PublicIp: '198.51.100.20', AssociationId: 'eipassoc-0build', InstanceId: 'i-0build' },
            ],
          },
          DescribeInstances: { Reservations: [{ Instances: [{ InstanceId: 'i-0build', State: { Code: state === 'stopped' ? 80 : 16, Name: state } }] }] },
        },
      },
    },
  });
const ALLOCATION = ['regional', 'eu-west-1', 'ec2', 'DescribeAddresses', 'Addresses', 0, 'AllocationId'];

ruleTester.run(rule, {
  valid: [
    { name: 'attached to an instance id', template: eip('      InstanceId: i-0123456789abcdef0\n') },
    { name: 'associated by public IP (Ref)', template: `${eip()}  A:\n    Type: AWS::EC2::EIPAssociation\n    Properties: {EIP: !Ref Ip, InstanceId: i-1}\n` },
    {
      name: 'used by a custom resource: not followed, not reported',
      template: `${eip()}  C:\n    Type: Custom::Attach\n    Properties: {ServiceToken: arn:aws:lambda:x, Ip: !Ref Ip}\n`,
    },
    {
      name: 'used in an instance user data through Fn::Sub',
      template: `${eip()}  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: !Base64 {'Fn::Sub': 'aws ec2 associate-address --allocation-id \${Ip.AllocationId}'}\n`,
    },
    {
      name: 'allocation id exported for other stacks',
      template: `${eip()}Outputs:\n  Alloc:\n    Value: !GetAtt Ip.AllocationId\n    Export: {Name: shared-eip-alloc}\n`,
    },
    {
      name: 'address exported through Fn::Sub',
      template: `${eip()}Outputs:\n  Cidr:\n    Value: !Sub '\${Ip}/32'\n    Export:\n      Name: eip-cidr\n`,
    },
    {
      name: 'passed to a nested stack',
      template: `${eip()}  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/child.yaml\n      Parameters: {AllocationId: !GetAtt Ip.AllocationId}\n`,
    },
    { name: 'an account address held by a running instance', snapshot: heldBy('running') },
  ],
  invalid: [
    {
      name: 'nothing uses it',
      template: eip(),
      errors: [{ messageId: 'unattached', line: 2, column: 3, data: { eip: 'Ip', cost: '$3.65', via: '' } }],
    },
    {
      name: 'only an output refers to it',
      template: `${eip()}Outputs:\n  Address: {Value: !Ref Ip}\n`,
      errors: [{ messageId: 'unattached', line: 2, column: 3 }],
    },
    {
      name: 'an export that only names itself after the address does not export it',
      template: `${eip()}Outputs:\n  Stack:\n    Value: !Ref AWS::StackName\n    Export: {Name: !Sub 'stack-\${Ip}'}\n`,
      errors: [{ messageId: 'unattached', line: 2, column: 3 }],
    },
    {
      name: 'attached on one branch only',
      template: `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${eip("      InstanceId: !If [C, i-1, !Ref 'AWS::NoValue']\n")}`,
      errors: [{ messageId: 'unattached', line: 4, column: 3, data: { via: ' (when condition C is false)' } }],
    },
    {
      name: 'an account address held by a stopped instance',
      snapshot: heldBy('stopped'),
      errors: [{ messageId: 'stoppedInstance', at: ALLOCATION, data: { eip: '198.51.100.20 (eipalloc-0build)', instance: 'i-0build', cost: '$3.65' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
