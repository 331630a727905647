import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const nat = (extra = '', props = '      SubnetId: subnet-1\n'): string =>
  `Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n${props}${extra}`;
const route = '  R:\n    Type: AWS::EC2::Route\n    Properties: {RouteTableId: rtb-1, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}\n';

ruleTester.run(rule, {
  valid: [
    { name: 'a route uses it', template: nat(route) },
    { name: 'exported: routes may be in another stack', template: `${nat()}Outputs:\n  N: {Value: !Ref Nat, Export: {Name: n}}\n` },
    {
      name: 'passed to a nested stack',
      template: `${nat()}  S:\n    Type: AWS::CloudFormation::Stack\n    Properties: {TemplateURL: https://x, Parameters: {Nat: !Ref Nat}}\n`,
    },
  ],
  invalid: [
    {
      name: 'no route, public: the gateway and its address',
      template: nat(),
      errors: [{ messageId: 'unused', line: 2, column: 3, data: { nat: 'Nat', cost: '$36.50' } }],
    },
    {
      name: 'no route, private: the gateway alone',
      template: nat('', '      ConnectivityType: private\n      SubnetId: subnet-1\n'),
      errors: [{ messageId: 'unused', line: 2, column: 3, data: { cost: '$32.85' } }],
    },
    {
      name: 'a route to another NAT gateway does not count',
      template: `${nat()}  Other:\n    Type: AWS::EC2::NatGateway\n    Properties: {SubnetId: subnet-2}\n${route.replace('!Ref Nat', '!Ref Other')}`,
      errors: [{ messageId: 'unused', line: 2, column: 3, data: { nat: 'Nat' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
