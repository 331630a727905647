import { defineRule, type Trail } from '@mamori/core';
import { ASSUMED, COST_DATA, countJa, DOC_PRICES, DOC_REGION, docMonthly, PRICE_DATE, pricedIn, REGION_PRICES_JA, usd, usdJa } from '../../lib/pricing.js';
import { usdText } from '../../lib/text.js';

/**
 * Regions a trail records management events in; `*` for a multi-region trail. None for a stopped
 * trail, which records nothing, nor for one whose event selectors could not be read.
 */
function coverage(trail: Trail): string | undefined {
  if (trail.managementEvents !== true || trail.isLogging === false) return undefined;
  return trail.isMultiRegion ? '*' : (trail.homeRegion ?? trail.region ?? 'home');
}

/** Which copy to keep: an organization trail first, then a multi-region trail, then the first listed. */
function rank(trail: Trail): number {
  return trail.isOrganizationTrail ? 0 : trail.isMultiRegion ? 1 : 2;
}

export default defineRule({
  id: 'MAM704',
  name: 'cloudtrail-duplicate-management-events',
  title: 'More than one trail records the same management events',
  description: 'Two or more trails record management events for the same region; the first copy is free and every further copy is billed.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'cloudtrail'],
  compliance: {},
  covers: {},
  docs: {
    // A getter: formatting money loads the locale data, which a scan that shows no rule help never needs.
    get risk() {
      return `CloudTrail delivers the first copy of management events in each region free of charge; every
additional trail that records them again is billed ${usd(DOC_PRICES.cloudTrailManagementPer100k)} per 100,000 events
(${DOC_REGION} list price of ${PRICE_DATE}). At an assumed ${(ASSUMED.managementEventsPerMonth / 1e6).toFixed(0)} million management events a month that is
${usd(docMonthly.extraManagementCopy())} a month per extra copy and region, plus the storage of the duplicate logs. Duplicates
usually come from a team trail created next to an organization or Control Tower trail. Each finding
carries \`estimatedMonthlyCostUsd\` in its properties, at the prices of the extra trail's home region.

Findings use the list prices of the resource's region and say which: an account's resource is
priced in the region it is in, a template's in the scan's \`region\` setting (\`--region\`,
\`AWS_REGION\`, the configuration's \`region\`), else us-east-1. A region the price list does not
hold is priced at us-east-1's, and the finding says so.

A multi-region trail overlaps with every other trail; single-region trails overlap when they share a
region (in a template, they are all created in the stack's region). The free copy is taken to be the
organization trail's, else a multi-region trail's, else the first trail's; the others are reported.
A stopped trail records nothing and is not counted, nor is a trail whose event selectors could not
be read from the account.`;
    },
    fix: `Keep one multi-region trail for management events (often the organization trail) and turn
management events off on the others, keeping them for the data events they exist for:

\`\`\`yaml
AppDataTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    EventSelectors:
      - IncludeManagementEvents: false
        DataResources:
          - Type: AWS::S3::Object
            Values: [!Sub 'arn:\${AWS::Partition}:s3:::\${AppBucket}/']
\`\`\`

Or delete the extra trail: CloudTrail → Trails → select → Delete, or
\`aws cloudtrail delete-trail --name extra-trail\`.`,
  },
  messages: {
    duplicate:
      'Trail {{trail}} records management events that trail {{first}} already records, about {{cost}} a month per region at the assumed volume ({{prices}}).',
  },
  translations: {
    ja: {
      title: '複数の証跡が同じ管理イベントを記録している',
      description: '2 つ以上の証跡が同じリージョンの管理イベントを記録しています。最初のコピーは無料ですが、それ以降のコピーはすべて課金されます。',
      docs: {
        get risk() {
          return `CloudTrail は各リージョンの管理イベントの最初のコピーを無料で配信します。それを再び記録する追加の証跡には 100,000 イベントあたり ${usdJa(DOC_PRICES.cloudTrailManagementPer100k)} が課金されます (${DOC_REGION} の ${PRICE_DATE} 時点の公開料金)。管理イベントを月 ${countJa(ASSUMED.managementEventsPerMonth)}件と仮定すると、追加のコピー 1 つ・リージョン 1 つあたり月額 ${usdJa(docMonthly.extraManagementCopy())} に、重複したログの保存料金が加わります。重複はたいてい、組織の証跡や Control Tower の証跡の横にチームが証跡を作ったことから生じます。各検出結果のプロパティには、追加の証跡のホームリージョンの料金で \`estimatedMonthlyCostUsd\` が入ります。

${REGION_PRICES_JA}

マルチリージョンの証跡は他のすべての証跡と重複し、単一リージョンの証跡はリージョンが同じときに重複します (テンプレートでは、すべてスタックのリージョンに作成されます)。無料のコピーは組織の証跡のもの、なければマルチリージョンの証跡のもの、なければ最初の証跡のものとみなし、それ以外を報告します。停止中の証跡は何も記録しないため数えず、アカウントからイベントセレクタを読み取れなかった証跡も数えません。`;
        },
        fix: `管理イベントはマルチリージョンの証跡 1 つ (多くの場合は組織の証跡) で記録し、他の証跡では管理イベントをオフにして、本来の目的であるデータイベントの記録だけを残します:

\`\`\`yaml
AppDataTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    EventSelectors:
      - IncludeManagementEvents: false
        DataResources:
          - Type: AWS::S3::Object
            Values: [!Sub 'arn:\${AWS::Partition}:s3:::\${AppBucket}/']
\`\`\`

または追加の証跡を削除します: CloudTrail → 証跡 → 選択 → 削除、または \`aws cloudtrail delete-trail --name extra-trail\`。`,
      },
      messages: {
        duplicate:
          '証跡 {{trail}} は証跡 {{first}} がすでに記録している管理イベントを記録しており、想定の量でリージョンごとに月額およそ {{cost}} かかります ({{prices}})。',
      },
    },
  },
  entity: 'TrailSet',
  reads: ['trails.managementEvents', 'trails.isMultiRegion', 'trails.homeRegion', 'trails.isLogging', 'trails.isOrganizationTrail'],
  check(set, context) {
    const recording = set.trails.filter((t) => coverage(t) !== undefined).sort((a, b) => rank(a) - rank(b));
    for (const [i, trail] of recording.entries()) {
      const mine = coverage(trail);
      // The earliest trail that overlaps this one keeps the free copy.
      const first = recording.slice(0, i).find((t) => coverage(t) === '*' || mine === '*' || coverage(t) === mine);
      if (!first) continue;
      const region = trail.homeRegion ?? trail.region;
      const priced = pricedIn(region ?? context.region);
      const cost = priced.extraManagementCopy();
      context.report({
        volatile: COST_DATA,
        messageId: 'duplicate',
        data: { trail: trail.displayName, first: first.displayName, cost: usdText(cost), prices: priced.labelText(['cloudTrailManagementPer100k']) },
        location: trail.location,
        properties: priced.properties(
          cost,
          `an extra copy of management events at ${usd(priced.prices.cloudTrailManagementPer100k)} per 100,000, assumed volume`,
          ['cloudTrailManagementPer100k'],
        ),
        ...(region ? { region } : {}),
      });
    }
  },
});
