import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const trail = (props: string): string =>
  `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n${props}`;

ruleTester.run(rule, {
  valid: [
    { name: 'validation on', template: trail('      EnableLogFileValidation: true\n') },
    { name: 'validation on as a string', template: trail("      EnableLogFileValidation: 'true'\n") },
  ],
  invalid: [
    { name: 'absent, CloudFormation defaults to false', template: trail(''), errors: [{ messageId: 'off', line: 2, column: 3, data: { trail: 'T' } }] },
    { name: 'explicitly false', template: trail('      EnableLogFileValidation: false\n'), errors: [{ messageId: 'off', line: 7, column: 32 }] },
    {
      name: 'given at deploy time',
      template: `Parameters:\n  V: {Type: String, Default: 'true'}\n${trail('      EnableLogFileValidation: !Ref V\n')}`,
      parameters: { V: 'false' },
      errors: [{ messageId: 'off', line: 9, column: 32, data: { via: ' (parameter V = "false")' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
