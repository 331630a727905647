import { defineRule } from '@mamori/core';
import { ASSUMED, costProperties, monthly, PRICE_DATE, PRICE_REGION, PRICES, usd } from '../../lib/pricing.js';

export default defineRule({
  id: 'MAM705',
  name: 'cloudtrail-bucket-no-lifecycle',
  title: 'CloudTrail logs are kept forever in S3 Standard',
  description: "A trail's bucket has no lifecycle rule that expires or archives old log files, so storage grows and is billed every month without end.",
  severity: 'note',
  area: 'cost',
  tags: ['cost', 'cloudtrail', 's3'],
  compliance: {},
  covers: { checkov: ['CKV2_AWS_61'] },
  docs: {
    risk: `CloudTrail writes compressed log files to S3 for as long as the trail runs, and S3 Standard costs
${usd(PRICES.s3StandardPerGbMonth)} per GB-month (${PRICE_REGION} list price of ${PRICE_DATE}). Without a lifecycle rule the bucket only grows:
at an assumed ${ASSUMED.trailLogGbPerMonth} GB of logs a month, a year of logs costs ${usd(monthly.retainedLogs())} a month and rising, and busy
accounts write far more. Most retention policies need a year or a few years of logs, not all of
them, and older logs can sit in Glacier at a fraction of the price. Each finding carries
\`estimatedMonthlyCostUsd\` (after a year, at the assumed volume) in its properties.`,
    fix: `Add a lifecycle rule to the log bucket that moves old logs to a cheaper class and expires them
when your retention period ends:

\`\`\`yaml
TrailBucket:
  Type: AWS::S3::Bucket
  Properties:
    LifecycleConfiguration:
      Rules:
        - Id: archive-then-expire
          Status: Enabled
          Transitions:
            - { StorageClass: GLACIER_IR, TransitionInDays: 90 }
          ExpirationInDays: 730
\`\`\`

In the console: S3 → the bucket → Management → Create lifecycle rule. With the CLI:
\`aws s3api put-bucket-lifecycle-configuration --bucket my-trail-logs --lifecycle-configuration file://lifecycle.json\`.`,
  },
  messages: {
    noLifecycle:
      'Trail {{trail}} writes to bucket {{bucket}}, which never expires or archives old logs, about {{cost}} a month after a year at the assumed volume.',
  },
  entity: 'Trail',
  reads: ['bucketHasLifecycle'],
  check(trail, context) {
    if (trail.bucketHasLifecycle !== false) return;
    const cost = monthly.retainedLogs();
    context.report({
      messageId: 'noLifecycle',
      data: { trail: trail.displayName, bucket: trail.s3BucketName ?? 'unknown', cost: usd(cost) },
      location: trail.bucketLocation ?? trail.location,
      properties: costProperties(cost, `${ASSUMED.trailLogGbPerMonth} GB of logs a month kept ${ASSUMED.monthsRetained} months in S3 Standard`),
    });
  },
});
