import { defineRule, formatLocation, type Lang, type TemplateFix, type Trail } from '@mamori/core';
import { ASSUMED, COST_DATA, DOC_PRICES, DOC_REGION, docMonthly, PRICE_DATE, pricedIn, REGION_PRICES_JA, round2, usd, usdJa } from '../../lib/pricing.js';
import { usdText } from '../../lib/text.js';

/**
 * A lifecycle rule for a template's trail bucket that loses no log a usual retention policy keeps:
 * logs move to Glacier Instant Retrieval after 90 days and expire after seven years. Where the
 * bucket already has a lifecycle configuration, the fix is refused: its rules are the owner's to extend.
 */
function lifecycleFix(bucket: Trail['bucketLocation']): TemplateFix | undefined {
  const logicalId = bucket?.logicalPath;
  if (!bucket || bucket.arn !== undefined || !logicalId || logicalId.includes('/')) return undefined;
  return {
    description: {
      en: `Add a lifecycle rule to ${logicalId} that moves logs to Glacier Instant Retrieval after 90 days and expires them after 7 years (shorten it to your retention period).`,
      ja: `${logicalId} に、90 日後にログを Glacier Instant Retrieval に移行し 7 年後に失効させるライフサイクルルールを追加します (保管期間に合わせて短くしてください)。`,
    },
    edits: [
      {
        op: 'add',
        path: ['Resources', logicalId, 'Properties', 'LifecycleConfiguration'],
        value: {
          Rules: [
            {
              Id: 'archive-then-expire-trail-logs',
              Status: 'Enabled',
              Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
              ExpirationInDays: 2557,
            },
          ],
        },
      },
    ],
  };
}

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
  fixable: true,
  docs: {
    // A getter: formatting money loads the locale data, which a scan that shows no rule help never needs.
    get risk() {
      return `CloudTrail writes compressed log files to S3 for as long as the trail runs, and S3 Standard costs
${usd(DOC_PRICES.s3StandardPerGbMonth)} per GB-month (${DOC_REGION} list price of ${PRICE_DATE}). Without a lifecycle rule the bucket only grows:
at an assumed ${ASSUMED.trailLogGbPerMonth} GB of logs a month, a year of logs costs ${usd(docMonthly.retainedLogs())} a month and rising, and busy
accounts write far more. Most retention policies need a year or a few years of logs, not all of
them, and older logs can sit in Glacier at a fraction of the price. Each finding carries
\`estimatedMonthlyCostUsd\` (after a year, at the assumed volume) in its properties, at the prices of the
first trail's home region, where its bucket usually is.

Findings use the list prices of the resource's region and say which: an account's resource is
priced in the region it is in, a template's in the scan's \`region\` setting (\`--region\`,
\`AWS_REGION\`, the configuration's \`region\`), else us-east-1. A region the price list does not
hold is priced at us-east-1's, and the finding says so.

A bucket shared by several trails is reported once, with the log growth of every trail that writes
to it; a stopped trail (\`IsLogging: false\`) writes nothing and is not counted, and a bucket that
only stopped trails use is not reported.`;
    },
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
    noLifecycle: 'Bucket {{bucket}} never expires or archives the logs of {{trails}}, about {{cost}} a month after a year at the assumed volume ({{prices}}).',
  },
  translations: {
    ja: {
      title: 'CloudTrail のログが S3 標準に無期限で保管されている',
      description:
        '証跡のバケットに、古いログファイルを削除またはアーカイブするライフサイクルルールがないため、ストレージが増え続け、毎月際限なく課金されます。',
      docs: {
        get risk() {
          return `CloudTrail は証跡が動いている限り、圧縮したログファイルを S3 に書き込み続けます。S3 Standard は 1 GB・月あたり ${usdJa(DOC_PRICES.s3StandardPerGbMonth)} です (${DOC_REGION} の ${PRICE_DATE} 時点の公開料金)。ライフサイクルルールがなければバケットは増える一方です。ログを月 ${ASSUMED.trailLogGbPerMonth} GB と仮定すると、1 年分のログで月額 ${usdJa(docMonthly.retainedLogs())} となり、さらに増え続けます。利用の多いアカウントははるかに多くのログを書き込みます。多くの保持ポリシーが求めるのは 1 年から数年分のログであり、すべてではありません。古いログは Glacier に移せば数分の一の料金で保存できます。各検出結果のプロパティには \`estimatedMonthlyCostUsd\` (仮定の量で 1 年後の額) が入り、最初の証跡のホームリージョン (通常はバケットのあるリージョン) の料金で計算します。

${REGION_PRICES_JA}

複数の証跡が共有するバケットは、書き込むすべての証跡のログの増加分を合わせて 1 回だけ報告します。停止中の証跡 (\`IsLogging: false\`) は何も書き込まないため数えず、停止中の証跡しか使わないバケットは報告しません。`;
        },
        fix: `ログのバケットにライフサイクルルールを追加し、古いログを安いストレージクラスに移して、保持期間が終わったら削除します:

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

コンソールでは: S3 → 対象のバケット → 管理 → ライフサイクルルールを作成する。CLI では: \`aws s3api put-bucket-lifecycle-configuration --bucket my-trail-logs --lifecycle-configuration file://lifecycle.json\`。`,
      },
      messages: {
        noLifecycle: 'バケット {{bucket}} は {{trails}} のログを失効もアーカイブもせず、想定の量で 1 年後に月額およそ {{cost}} かかります ({{prices}})。',
      },
    },
  },
  entity: 'TrailSet',
  reads: ['trails.bucketHasLifecycle', 'trails.isLogging'],
  check(set, context) {
    // One finding per bucket, however many trails share it.
    const byBucket = new Map<string, Trail[]>();
    for (const trail of set.trails) {
      if (trail.bucketHasLifecycle !== false) continue;
      const key = trail.bucketLocation ? formatLocation(trail.bucketLocation) : `name:${trail.s3BucketName ?? trail.id}`;
      byBucket.set(key, [...(byBucket.get(key) ?? []), trail]);
    }
    for (const trails of byBucket.values()) {
      // A stopped trail writes no logs: it adds nothing to the bucket.
      const live = trails.filter((t) => t.isLogging !== false);
      const first = live[0];
      if (!first) continue;
      const region = first.homeRegion ?? first.region;
      const priced = pricedIn(region ?? context.region);
      const cost = round2(priced.retainedLogs() * live.length);
      const names = live.map((t) => t.displayName);
      const fix = set.source === 'template' ? lifecycleFix(first.bucketLocation) : undefined;
      context.report({
        volatile: COST_DATA,
        messageId: 'noLifecycle',
        data: {
          bucket: first.s3BucketName ?? 'unknown',
          trails: (lang: Lang) =>
            lang === 'ja'
              ? `証跡 ${names.join('、')}`
              : names.length === 1
                ? `trail ${names[0]}`
                : `trails ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`,
          cost: usdText(cost),
          prices: priced.labelText(['s3StandardPerGbMonth']),
        },
        location: first.bucketLocation ?? first.location,
        properties: priced.properties(
          cost,
          `${ASSUMED.trailLogGbPerMonth} GB of logs a month per trail (${live.length}) kept ${ASSUMED.monthsRetained} months in S3 Standard`,
          ['s3StandardPerGbMonth'],
        ),
        ...(region ? { region } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
