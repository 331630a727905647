import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const basic = (type: string, values: string): string =>
  `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      EventSelectors:\n        - DataResources:\n            - Type: ${type}\n              Values: ${values}\n`;
const advanced = (fields: string): string =>
  `Resources:\n  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: b\n      AdvancedEventSelectors:\n        - FieldSelectors:\n${fields}`;
const dataS3 = "            - {Field: eventCategory, Equals: [Data]}\n            - {Field: resources.type, Equals: ['AWS::S3::Object']}\n";

ruleTester.run(rule, {
  valid: [
    { name: 'one bucket', template: basic('AWS::S3::Object', "['arn:aws:s3:::customer-data/']") },
    { name: 'one function', template: basic('AWS::Lambda::Function', "['arn:aws:lambda:us-east-1:123456789012:function:pay']") },
    {
      name: 'advanced selector with a bucket prefix',
      template: advanced(`${dataS3}            - {Field: resources.ARN, StartsWith: ['arn:aws:s3:::customer-data/']}\n`),
    },
    { name: 'management events only', template: advanced('            - {Field: eventCategory, Equals: [Management]}\n') },
  ],
  invalid: [
    {
      name: 'every S3 object, arn:aws:s3',
      template: basic('AWS::S3::Object', "['arn:aws:s3']"),
      errors: [{ messageId: 'allResources', line: 10, column: 23, data: { trail: 'T', what: 'every S3 object', cost: '$50.00' } }],
    },
    {
      name: 'every S3 object, arn:aws:s3::: built with Fn::Sub',
      template: basic('AWS::S3::Object', "[!Sub 'arn:${AWS::Partition}:s3:::']"),
      errors: [{ messageId: 'allResources', line: 10, column: 23, data: { what: 'every S3 object' } }],
    },
    {
      name: 'every Lambda function',
      template: basic('AWS::Lambda::Function', '[arn:aws:lambda]'),
      errors: [{ messageId: 'allResources', line: 10, column: 23, data: { what: 'every Lambda function', cost: '$10.00' } }],
    },
    {
      name: 'advanced selector without an ARN filter',
      template: advanced(dataS3),
      errors: [{ messageId: 'allResources', line: 10, column: 15, data: { what: 'every S3 object' } }],
    },
    {
      name: 'advanced selector that only excludes some buckets',
      template: advanced(`${dataS3}            - {Field: resources.ARN, NotStartsWith: ['arn:aws:s3:::noisy/']}\n`),
      errors: [{ messageId: 'allResources', line: 10, column: 15 }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
