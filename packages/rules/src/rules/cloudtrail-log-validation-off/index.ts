import { defineRule } from '@mamori/core';
import { fieldViaText } from '../../lib/text.js';
import { propertyFix } from '../../support/fixes.js';

export default defineRule({
  id: 'MAM502',
  name: 'cloudtrail-log-validation-off',
  title: 'CloudTrail log file validation is off',
  description: 'A CloudTrail trail does not write digest files, so nobody can prove its logs were not altered or deleted after delivery.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'logging',
  tags: ['logging', 'cloudtrail', 'integrity'],
  compliance: { fsbp: ['CloudTrail.4'], cis: ['3.2'] },
  covers: { checkov: ['CKV_AWS_36'], prowler: ['cloudtrail_log_file_validation_enabled'] },
  fixable: true,
  docs: {
    risk: `Without log file validation, CloudTrail writes no signed digest files, so an intruder who reaches the
log bucket can edit or delete the records of what they did and nobody can tell. Validation costs
nothing beyond a few small objects a day and is required by most audit frameworks.`,
    fix: `Turn validation on:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    EnableLogFileValidation: true
\`\`\`

In the console: CloudTrail → Trails → the trail → Edit → Additional settings → "Log file
validation: Enabled". With the CLI: \`aws cloudtrail update-trail --name my-trail --enable-log-file-validation\`.
Check logs later with \`aws cloudtrail validate-logs\`.`,
  },
  messages: {
    off: 'Trail {{trail}} does not validate its log files{{via}}.',
  },
  translations: {
    ja: {
      title: 'CloudTrail のログファイルの検証が無効',
      description: 'CloudTrail の証跡がダイジェストファイルを書き込まないため、配信後にログが改ざんや削除をされていないことを誰も証明できません。',
      docs: {
        risk: `ログファイルの検証がオフだと、CloudTrail は署名付きのダイジェストファイルを書き込みません。ログのバケットに到達した侵入者は、自分の行動の記録を編集したり削除したりでき、誰もそれに気付けません。検証にかかる費用は 1 日数個の小さなオブジェクトだけで、ほとんどの監査フレームワークが求めています。`,
        fix: `検証をオンにします:

\`\`\`yaml
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    EnableLogFileValidation: true
\`\`\`

コンソールでは: CloudTrail → 証跡 → 対象の証跡 → 編集 → 追加の設定 → 「ログファイルの検証: 有効」。CLI では: \`aws cloudtrail update-trail --name my-trail --enable-log-file-validation\`。後でログを確認するには \`aws cloudtrail validate-logs\` を使います。`,
      },
      messages: {
        off: '証跡 {{trail}} はログファイルの検証を有効にしていません{{via}}。',
      },
    },
  },
  entity: 'Trail',
  reads: ['logFileValidation'],
  check(trail, context) {
    if (trail.logFileValidation !== false) return;
    context.report({
      messageId: 'off',
      data: { trail: trail.displayName, via: fieldViaText(trail, 'logFileValidation') },
      location: trail.fieldLocations?.logFileValidation ?? trail.location,
      fix: propertyFix(trail, 'EnableLogFileValidation', true),
    });
  },
});
