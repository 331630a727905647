import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const t = (bucketProps: string, bucketRef = '!Ref Logs'): string =>
  `Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n${bucketProps}  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: ${bucketRef}\n`;
const second = (name: string, isLogging: string): string =>
  `  ${name}:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: ${isLogging}\n      S3BucketName: !Ref Logs\n`;
const rules = (rule: string): string => `      BucketName: org-logs\n      LifecycleConfiguration:\n        Rules:\n${rule}`;

ruleTester.run(rule, {
  valid: [
    { name: 'expiration', template: t(rules('          - {Status: Enabled, ExpirationInDays: 365}\n')) },
    {
      name: 'transition to Glacier',
      template: t(rules('          - Status: Enabled\n            Transitions: [{StorageClass: GLACIER, TransitionInDays: 90}]\n')),
    },
    { name: 'a bucket outside the template is not judged', template: t(rules(''), 'other-bucket') },
    { name: 'a stopped trail writes no logs', template: t('      BucketName: org-logs\n').replace('IsLogging: true', 'IsLogging: false') },
    {
      name: 'a bucket only stopped trails write to',
      template: t('      BucketName: org-logs\n').replace('IsLogging: true', 'IsLogging: false') + second('U', "'false'"),
    },
  ],
  invalid: [
    {
      name: 'no lifecycle configuration',
      template: t('      BucketName: org-logs\n'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { trails: 'trail T', bucket: 'Logs', cost: '$1.38' } }],
    },
    {
      name: 'a disabled rule does not count',
      template: t(rules('          - {Status: Disabled, ExpirationInDays: 365}\n')),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3 }],
    },
    {
      name: 'a rule that only aborts uploads does not count',
      template: t(rules('          - {Status: Enabled, AbortIncompleteMultipartUpload: {DaysAfterInitiation: 7}}\n')),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3 }],
    },
    {
      name: 'a bucket shared by two trails is reported once, with both trails',
      template: t('      BucketName: org-logs\n') + second('U', 'true'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { bucket: 'Logs', trails: 'trails T and U', cost: '$2.76' } }],
    },
    {
      name: 'a stopped trail sharing the bucket adds no log growth',
      template: t('      BucketName: org-logs\n') + second('U', 'false'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { trails: 'trail T', cost: '$1.38' } }],
    },
    {
      name: 'found by bucket name',
      template: t('      BucketName: org-logs\n', 'org-logs'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { bucket: 'org-logs' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
