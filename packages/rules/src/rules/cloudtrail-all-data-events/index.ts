import { defineRule } from '@mamori/core';
import { ASSUMED, COST_DATA, countJa, DOC_PRICES, DOC_REGION, docMonthly, PRICE_DATE, pricedIn, REGION_PRICES_JA, usd, usdJa } from '../../lib/pricing.js';
import { texts, usdText } from '../../lib/text.js';

const TYPE_NAMES: Record<string, string> = {
  'AWS::S3::Object': 'every S3 object',
  'AWS::Lambda::Function': 'every Lambda function',
  'AWS::DynamoDB::Table': 'every DynamoDB table',
};
const TYPE_NAMES_JA: Record<string, string> = {
  'AWS::S3::Object': 'すべての S3 オブジェクト',
  'AWS::Lambda::Function': 'すべての Lambda 関数',
  'AWS::DynamoDB::Table': 'すべての DynamoDB テーブル',
};

export default defineRule({
  id: 'MAM703',
  name: 'cloudtrail-all-data-events',
  title: 'CloudTrail logs data events for every S3 object or Lambda function',
  description:
    'A trail records data events for all resources of a type rather than for the buckets or functions that need it, which bills every object read and every invocation.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'cloudtrail', 'data-events'],
  compliance: {},
  covers: {},
  docs: {
    // A getter: formatting money loads the locale data, which a scan that shows no rule help never needs.
    get risk() {
      return `Data events are billed at ${usd(DOC_PRICES.cloudTrailDataPer100k)} per 100,000 (${DOC_REGION} list price of ${PRICE_DATE}), and a selector on
\`arn:aws:s3\` (every object in every bucket) or \`arn:aws:lambda\` (every function) records every
GET, PUT and invocation, including those of busy data-lake, log and build buckets. At an assumed
${(ASSUMED.s3DataEventsPerMonth / 1e6).toFixed(0)} million S3 object events a month that is ${usd(docMonthly.dataEvents('AWS::S3::Object'))} a month, before the S3 cost of storing
the logs; busy accounts see thousands. Each finding carries \`estimatedMonthlyCostUsd\` (from those
assumed volumes) in its properties.

Findings use the list prices of the resource's region and say which: an account's resource is
priced in the region it is in, a template's in the scan's \`region\` setting (\`--region\`,
\`AWS_REGION\`, the configuration's \`region\`), else us-east-1. A region the price list does not
hold is priced at us-east-1's, and the finding says so.

Object-level logging is worth having for buckets that hold sensitive data; name those buckets.`;
    },
    fix: `Log data events only for the buckets and functions that need them, with advanced event selectors:

\`\`\`yaml
AdvancedEventSelectors:
  - Name: Sensitive buckets only
    FieldSelectors:
      - { Field: eventCategory, Equals: [Data] }
      - { Field: resources.type, Equals: ['AWS::S3::Object'] }
      - { Field: resources.ARN, StartsWith: [!Sub 'arn:\${AWS::Partition}:s3:::\${CustomerDataBucket}/'] }
\`\`\`

In the console: CloudTrail → Trails → the trail → Data events → Edit. With the CLI:
\`aws cloudtrail put-event-selectors --trail-name my-trail --advanced-event-selectors file://selectors.json\`.`,
  },
  messages: {
    allResources: 'Trail {{trail}} records data events for {{what}}, about {{cost}} a month at the assumed volume ({{prices}}).',
  },
  translations: {
    ja: {
      title: 'CloudTrail がすべての S3 オブジェクトまたは Lambda 関数のデータイベントを記録している',
      description:
        '証跡が、必要なバケットや関数だけでなく、ある種類のすべてのリソースのデータイベントを記録しており、オブジェクトの読み取りや関数の呼び出しのたびに課金されます。',
      docs: {
        get risk() {
          return `データイベントは 100,000 件あたり ${usdJa(DOC_PRICES.cloudTrailDataPer100k)} で課金されます (${DOC_REGION} の ${PRICE_DATE} 時点の公開料金)。\`arn:aws:s3\` (すべてのバケットのすべてのオブジェクト) や \`arn:aws:lambda\` (すべての関数) を対象とするセレクタは、データレイク、ログ、ビルド用の頻繁に使われるバケットも含め、すべての GET、PUT、呼び出しを記録します。S3 のオブジェクトイベントを月 ${countJa(ASSUMED.s3DataEventsPerMonth)}件と仮定すると月額 ${usdJa(docMonthly.dataEvents('AWS::S3::Object'))} で、ログを保存する S3 の料金は別です。利用の多いアカウントではその何倍にもなります。各検出結果のプロパティには、この仮定の件数から求めた \`estimatedMonthlyCostUsd\` が入ります。

${REGION_PRICES_JA}

オブジェクトレベルのログ記録は、機密データを保存するバケットには価値があります。そのバケットを名指しで指定してください。`;
        },
        fix: `データイベントは、必要なバケットと関数に限って、高度なイベントセレクタで記録します:

\`\`\`yaml
AdvancedEventSelectors:
  - Name: Sensitive buckets only
    FieldSelectors:
      - { Field: eventCategory, Equals: [Data] }
      - { Field: resources.type, Equals: ['AWS::S3::Object'] }
      - { Field: resources.ARN, StartsWith: [!Sub 'arn:\${AWS::Partition}:s3:::\${CustomerDataBucket}/'] }
\`\`\`

コンソールでは: CloudTrail → 証跡 → 対象の証跡 → データイベント → 編集。CLI では: \`aws cloudtrail put-event-selectors --trail-name my-trail --advanced-event-selectors file://selectors.json\`。`,
      },
      messages: {
        allResources: '証跡 {{trail}} は {{what}} のデータイベントを記録しており、想定の量で月額およそ {{cost}} かかります ({{prices}})。',
      },
    },
  },
  entity: 'Trail',
  reads: ['dataEvents'],
  check(trail, context) {
    const priced = pricedIn(trail.region ?? context.region);
    const prices = priced.labelText(['cloudTrailDataPer100k']);
    const seen = new Set<string>();
    for (const sel of trail.dataEvents) {
      if (!sel.allResources || seen.has(sel.resourceType)) continue;
      seen.add(sel.resourceType);
      const cost = priced.dataEvents(sel.resourceType);
      const known = Object.hasOwn(TYPE_NAMES, sel.resourceType);
      const what = texts({
        en: (known ? TYPE_NAMES[sel.resourceType] : undefined) ?? `every ${sel.resourceType} resource`,
        ja: (known ? TYPE_NAMES_JA[sel.resourceType] : undefined) ?? `すべての ${sel.resourceType} リソース`,
      });
      context.report({
        volatile: COST_DATA,
        messageId: 'allResources',
        data: { trail: trail.displayName, what, cost: usdText(cost), prices },
        location: sel.location,
        properties: priced.properties(cost, `data events at ${usd(priced.prices.cloudTrailDataPer100k)} per 100,000, assumed volume`, [
          'cloudTrailDataPer100k',
        ]),
      });
    }
  },
});
