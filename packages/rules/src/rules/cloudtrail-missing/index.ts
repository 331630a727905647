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
      description:
        'アカウントに CloudTrail の証跡が 1 つもないか、どの証跡もログを記録していないため、API のアクティビティは 90 日間のイベント履歴にしか残りません。',
      docs: {
        risk: `証跡がなければ、アカウントで誰が何をしたかを長期的に記録するものがありません。イベント履歴に残るのは 90 日分の管理イベントだけで、エクスポートも保護もアラートもできません。後から見つかったインシデントは調査できず、多くのコンプライアンスフレームワークが証跡を求めています。

組織の証跡とマルチリージョンの証跡は、どこに現れても数えます。あるリージョンの証跡を一覧できず、証跡が 1 つも見つからなかった場合、このルールは評価されません (スナップショットのエラーを参照してください)。`,
        fix: `ログファイルの検証を有効にしたマルチリージョンの証跡を作成するか、管理アカウントから組織の証跡を作成します:

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

CLI では: \`aws cloudtrail create-trail --name management-events --s3-bucket-name BUCKET
--is-multi-region-trail --enable-log-file-validation\` のあと \`aws cloudtrail start-logging --name management-events\`。証跡はあるが停止している場合: \`aws cloudtrail start-logging --name TRAIL\`。`,
      },
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
