import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const trail = (props: string): string =>
  `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n${props}`;

ruleTester.run(rule, {
  valid: [
    { name: 'multi-region', template: trail('      IsMultiRegionTrail: true\n') },
    { name: 'multi-region as a string', template: trail("      IsMultiRegionTrail: 'true'\n") },
    { name: 'from a parameter without default: unknown', template: `Parameters:\n  P: {Type: String}\n${trail('      IsMultiRegionTrail: !Ref P\n')}` },
  ],
  invalid: [
    {
      name: 'absent, CloudFormation defaults to false',
      template: trail(''),
      errors: [{ messageId: 'singleRegion', line: 2, column: 3, data: { trail: 'T', via: '' } }],
    },
    { name: 'explicitly false', template: trail('      IsMultiRegionTrail: false\n'), errors: [{ messageId: 'singleRegion', line: 7, column: 27 }] },
    {
      name: 'false on one branch',
      template: `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n${trail('      IsMultiRegionTrail: !If [C, true, false]\n')}`,
      errors: [{ messageId: 'singleRegion', line: 9, column: 41, data: { via: ' (when condition C is false)' } }],
    },
    {
      name: 'JSON, from a parameter default',
      filename: 'template.json',
      template:
        '{"Parameters": {"M": {"Type": "String", "Default": "false"}},\n "Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "b", "IsMultiRegionTrail": {"Ref": "M"}}}}}',
      errors: [{ messageId: 'singleRegion', line: 2, column: 133, data: { via: ' (default of parameter M)' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
