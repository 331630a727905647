import { defineRule } from '@mamori/core';
import { fieldViaText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM503',
  name: 'cloudtrail-not-logging',
  title: 'CloudTrail trail is stopped',
  description: 'A CloudTrail trail exists but is not logging, so it records nothing while looking like audit coverage.',
  severity: 'error',
  securitySeverity: 6.5,
  area: 'logging',
  tags: ['logging', 'cloudtrail', 'audit'],
  compliance: { fsbp: ['CloudTrail.1'], cis: ['3.1'] },
  covers: { prowler: ['cloudtrail_multi_region_enabled'] },
  docs: {
    risk: `A stopped trail is worse than none: dashboards and reviews see a trail and assume activity is being
recorded. Stopping logging is also one of the first things an intruder does (\`StopLogging\`), so a
trail found stopped in an account deserves a look at who stopped it and when.`,
    fix: `Start the trail, and keep \`IsLogging: true\` in the template so a deployment cannot stop it:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
\`\`\`

In the console: CloudTrail → Trails → the trail → "Start logging". With the CLI:
\`aws cloudtrail start-logging --name my-trail\`. Then search CloudTrail event history for
\`StopLogging\` to find who stopped it.`,
  },
  messages: {
    stopped: 'Trail {{trail}} is not logging{{via}}.',
  },
  translations: {
    ja: {
      title: 'CloudTrail の証跡が停止している',
      description: 'CloudTrail の証跡はありますがログを記録しておらず、監査の対象になっているように見えて何も記録していません。',
      docs: {
        risk: `停止した証跡は、証跡がないよりも悪い状態です。ダッシュボードやレビューでは証跡が見えるため、アクティビティが記録されていると思い込んでしまいます。ログ記録の停止 (\`StopLogging\`) は侵入者が最初に行うことの 1 つでもあり、アカウントで停止した証跡が見つかったら、誰がいつ停止したかを確認すべきです。`,
        fix: `証跡のログ記録を開始し、デプロイで停止されないようテンプレートに \`IsLogging: true\` を残します:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
\`\`\`

コンソールでは: CloudTrail → 証跡 → 対象の証跡 → 「ログ記録の開始」。CLI では: \`aws cloudtrail start-logging --name my-trail\`。そのあと CloudTrail のイベント履歴で \`StopLogging\` を検索し、誰が停止したかを調べます。`,
      },
      messages: {
        stopped: '証跡 {{trail}} はログを記録していません{{via}}。',
      },
    },
  },
  entity: 'Trail',
  reads: ['isLogging'],
  check(trail, context) {
    if (trail.isLogging !== false) return;
    context.report({
      messageId: 'stopped',
      data: { trail: trail.displayName, via: fieldViaText(trail, 'isLogging') },
      location: trail.fieldLocations?.isLogging ?? trail.location,
    });
  },
});
