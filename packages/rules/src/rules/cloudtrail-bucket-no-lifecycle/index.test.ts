import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import rule from './index.js';

const t = (bucketProps: string, bucketRef = '!Ref Logs'): string =>
  `Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n${bucketProps}  T:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: ${bucketRef}\n`;
const rules = (rule: string): string => `      BucketName: org-logs\n      LifecycleConfiguration:\n        Rules:\n${rule}`;

ruleTester(rule, {
  valid: [
    { name: 'expiration', template: t(rules('          - {Status: Enabled, ExpirationInDays: 365}\n')) },
    {
      name: 'transition to Glacier',
      template: t(rules('          - Status: Enabled\n            Transitions: [{StorageClass: GLACIER, TransitionInDays: 90}]\n')),
    },
    { name: 'a bucket outside the template is not judged', template: t(rules(''), 'other-bucket') },
  ],
  invalid: [
    {
      name: 'no lifecycle configuration',
      template: t('      BucketName: org-logs\n'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { trail: 'T', bucket: 'Logs', cost: '$1.38' } }],
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
      name: 'found by bucket name',
      template: t('      BucketName: org-logs\n', 'org-logs'),
      errors: [{ messageId: 'noLifecycle', line: 2, column: 3, data: { bucket: 'org-logs' } }],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
