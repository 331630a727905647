import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const trail = (name: string, props = ''): string =>
  `  ${name}:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n${props}`;
const noManagement =
  '      EventSelectors:\n        - IncludeManagementEvents: false\n          DataResources: [{Type: AWS::S3::Object, Values: [arn:aws:s3:::x/]}]\n';

ruleTester.run(rule, {
  valid: [
    { name: 'one trail', template: `Resources:\n${trail('A', '      IsMultiRegionTrail: true\n')}` },
    { name: 'a second trail for data events only', template: `Resources:\n${trail('A', '      IsMultiRegionTrail: true\n')}${trail('B', noManagement)}` },
    {
      name: 'a second trail with an advanced data-only selector',
      template: `Resources:\n${trail('A')}${trail('B', '      AdvancedEventSelectors:\n        - FieldSelectors: [{Field: eventCategory, Equals: [Data]}, {Field: resources.type, Equals: [AWS::S3::Object]}]\n')}`,
    },
    {
      name: 'a stopped second trail with default selectors records nothing',
      template: `Resources:\n${trail('A')}${trail('B').replace('IsLogging: true', 'IsLogging: false')}`,
    },
    {
      name: 'two stopped trails',
      template: `Resources:\n${trail('A').replace('IsLogging: true', 'IsLogging: false')}${trail('B').replace('IsLogging: true', "IsLogging: 'false'")}`,
    },
    {
      name: 'a stopped second trail records nothing',
      template: `Resources:\n${trail('A', '      IsMultiRegionTrail: true\n')}  B:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: false\n      S3BucketName: b\n`,
    },
  ],
  invalid: [
    {
      name: 'an organization trail keeps the free copy, even when written last',
      template: `Resources:\n${trail('A')}${trail('Org', '      IsMultiRegionTrail: true\n      IsOrganizationTrail: true\n')}`,
      errors: [{ messageId: 'duplicate', line: 2, column: 3, data: { trail: 'A', first: 'Org' } }],
    },
    {
      name: 'two trails with default selectors',
      template: `Resources:\n${trail('A')}${trail('B')}`,
      errors: [{ messageId: 'duplicate', line: 7, column: 3, data: { trail: 'B', first: 'A', cost: '$20.00' } }],
    },
    {
      name: 'three trails: each after the first is billed',
      template: `Resources:\n${trail('A', '      IsMultiRegionTrail: true\n')}${trail('B')}${trail('C')}`,
      errors: [
        { messageId: 'duplicate', line: 8, column: 3, data: { trail: 'B', first: 'A' } },
        { messageId: 'duplicate', line: 13, column: 3, data: { trail: 'C', first: 'A' } },
      ],
    },
    {
      name: 'a stopped first trail does not keep the free copy',
      template: `Resources:\n${trail('A').replace('IsLogging: true', 'IsLogging: false')}${trail('B')}${trail('C')}`,
      errors: [{ messageId: 'duplicate', line: 12, column: 3, data: { trail: 'C', first: 'B' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
