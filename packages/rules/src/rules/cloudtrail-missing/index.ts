import { defineRule } from '@mamori/core';
import { moreText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM504',
  name: 'cloudtrail-missing',
  title: 'No CloudTrail trail is logging in the account',
  description: 'The account has no CloudTrail trail at all, or none of its trails is logging, so API activity is kept only in the 90-day event history.',
  severity: 'error',
  securitySeverity: 7.0,
  area: 'logging',
  tags: ['cloudtrail', 'logging', 'audit', 'account'],
  compliance: { fsbp: ['CloudTrail.1'], cis: ['3.1'] },
  covers: { prowler: ['cloudtrail_multi_region_enabled'] },
  docs: {
    risk: `Without a trail, nothing keeps a durable record of who did what in the account: the event history
holds 90 days of management events and cannot be exported, protected or alerted on. An incident found
later cannot be investigated, and many compliance frameworks require a trail.

Trails of the organization and multi-region trails count wherever they show up. When the trails of some
region could not be listed and no trail was seen, the rule is not evaluated (see the snapshot's errors).`,
    fix: `Create a multi-region trail with log file validation, or an organization trail from the management
account:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    TrailName: management-events
    S3BucketName: !Ref TrailBucket
    IsLogging: true
    IsMultiRegionTrail: true
    IncludeGlobalServiceEvents: true
    EnableLogFileValidation: true
\`\`\`

With the CLI: \`aws cloudtrail create-trail --name management-events --s3-bucket-name BUCKET
--is-multi-region-trail --enable-log-file-validation\` then
\`aws cloudtrail start-logging --name management-events\`. A trail that exists but is stopped:
\`aws cloudtrail start-logging --name TRAIL\`.`,
  },
  messages: {
    noTrail: 'Account {{account}} has no CloudTrail trail.',
    noneLogging: 'No CloudTrail trail of account {{account}} is logging ({{trails}} stopped).',
  },
  translations: {
    ja: {
      title: 'アカウントでログを記録している CloudTrail 証跡がない',
      messages: {
        noTrail: 'アカウント {{account}} には CloudTrail の証跡がありません。',
        noneLogging: 'アカウント {{account}} の CloudTrail 証跡はどれもログを記録していません ({{trails}} が停止中)。',
      },
    },
  },
  entity: 'TrailSet',
  reads: ['trails.isLogging'],
  check(set, context) {
    // A template without a trail is normal: the account may have one elsewhere.
    if (set.scope !== 'account') return;
    const account = set.id.split(':')[4] ?? set.displayName;
    if (set.trails.length === 0) {
      context.report({ messageId: 'noTrail', data: { account } });
      return;
    }
    // Unknown status (a failed GetTrailStatus) is not "stopped".
    if (set.trails.every((t) => t.isLogging === false)) {
      context.report({
        messageId: 'noneLogging',
        data: {
          account,
          trails: moreText(
            set.trails.map((t) => t.name),
            Number.POSITIVE_INFINITY,
          ),
        },
      });
    }
  },
});
