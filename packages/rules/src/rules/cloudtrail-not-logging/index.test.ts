import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const trail = (props: string): string => `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      S3BucketName: b\n${props}`;

ruleTester.run(rule, {
  valid: [
    { name: 'logging', template: trail('      IsLogging: true\n') },
    { name: 'logging from a parameter without default: unknown', template: `Parameters:\n  L: {Type: String}\n${trail('      IsLogging: !Ref L\n')}` },
  ],
  invalid: [
    {
      name: 'IsLogging false',
      template: trail('      IsLogging: false\n'),
      errors: [{ messageId: 'stopped', line: 6, column: 18, data: { trail: 'T', via: '' } }],
    },
    { name: "IsLogging 'false' as a string", template: trail("      IsLogging: 'false'\n"), errors: [{ messageId: 'stopped', line: 6, column: 18 }] },
    {
      name: 'stopped on one branch',
      template: `Conditions:\n  Off: !Equals [!Ref AWS::Region, x]\n${trail('      IsLogging: !If [Off, false, true]\n')}`,
      errors: [{ messageId: 'stopped', line: 8, column: 28, data: { via: ' (when condition Off is true)' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
