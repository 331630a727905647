import { defineRule } from '@mamori/core';
import { fieldViaText } from '../../lib/text.js';
import { propertyFix } from '../../support/fixes.js';

export default defineRule({
  id: 'MAM501',
  name: 'cloudtrail-not-multi-region',
  title: 'CloudTrail trail records one region only',
  description:
    'A CloudTrail trail is not multi-region, so activity in every other region, including regions an attacker picks because nobody watches them, goes unrecorded.',
  severity: 'warning',
  securitySeverity: 5.0,
  area: 'logging',
  tags: ['logging', 'cloudtrail', 'audit'],
  compliance: { fsbp: ['CloudTrail.1'], cis: ['3.1'] },
  covers: { checkov: ['CKV_AWS_67'], prowler: ['cloudtrail_multi_region_enabled'] },
  fixable: true,
  docs: {
    risk: `A single-region trail records API calls in its own region only. Attackers with stolen keys routinely
start instances or create users in regions the team never uses, precisely because nothing records
or alarms there. A multi-region trail costs the same for its first copy of management events and
also captures global service events (IAM, STS, CloudFront) once.`,
    fix: `Make the trail multi-region:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    IsMultiRegionTrail: true
    IncludeGlobalServiceEvents: true
    EnableLogFileValidation: true
    S3BucketName: !Ref TrailBucket
\`\`\`

In the console: CloudTrail → Trails → the trail → General details → Edit → "Enable for all
regions". With the CLI: \`aws cloudtrail update-trail --name my-trail --is-multi-region-trail\`.`,
  },
  messages: {
    singleRegion: 'Trail {{trail}} records only the region it is created in{{via}}.',
  },
  translations: {
    ja: {
      title: 'CloudTrail の証跡が 1 つのリージョンしか記録していない',
      description:
        'CloudTrail の証跡がマルチリージョンではないため、他のすべてのリージョン (誰も見ていないことを理由に攻撃者が選ぶリージョンを含む) のアクティビティが記録されません。',
      docs: {
        risk: `単一リージョンの証跡は、そのリージョンの API 呼び出ししか記録しません。盗んだアクセスキーを持つ攻撃者は、チームが使っていないリージョンでインスタンスを起動したりユーザーを作成したりすることがよくあります。そこでは何も記録されず、アラームも鳴らないからです。マルチリージョンの証跡は、管理イベントの最初のコピーについては同じ料金で、グローバルサービスのイベント (IAM、STS、CloudFront) も 1 回だけ記録します。`,
        fix: `証跡をマルチリージョンにします:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    IsMultiRegionTrail: true
    IncludeGlobalServiceEvents: true
    EnableLogFileValidation: true
    S3BucketName: !Ref TrailBucket
\`\`\`

コンソールでは: CloudTrail → 証跡 → 対象の証跡 → 全般的な詳細 → 編集 → 「すべてのリージョンで有効化」。CLI では: \`aws cloudtrail update-trail --name my-trail --is-multi-region-trail\`。`,
      },
      messages: {
        singleRegion: '証跡 {{trail}} は作成されたリージョンしか記録していません{{via}}。',
      },
    },
  },
  entity: 'Trail',
  reads: ['isMultiRegion'],
  check(trail, context) {
    if (trail.isMultiRegion !== false) return;
    context.report({
      messageId: 'singleRegion',
      data: { trail: trail.displayName, via: fieldViaText(trail, 'isMultiRegion') },
      location: trail.fieldLocations?.isMultiRegion ?? trail.location,
      // CloudTrail refuses a multi-region trail that leaves out global service events.
      fix: propertyFix(trail, 'IsMultiRegionTrail', true, { IncludeGlobalServiceEvents: true }),
    });
  },
});
