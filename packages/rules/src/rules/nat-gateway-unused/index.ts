import { defineRule } from '@mamori/core';
import {
  COST_DATA,
  DOC_PRICES,
  DOC_REGION,
  docMonthly,
  HOURS_PER_MONTH,
  PRICE_DATE,
  pricedIn,
  REGION_PRICES_JA,
  round2,
  usd,
  usdJa,
} from '../../lib/pricing.js';
import { usdText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM702',
  name: 'nat-gateway-unused',
  title: 'NAT gateway that no route table uses',
  description: 'A NAT gateway has no route pointing at it, so it carries no traffic but is billed every hour, with its Elastic IP.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'vpc', 'nat-gateway'],
  compliance: {},
  covers: { prowler: ['vpc_nat_gateway_unused'] },
  docs: {
    // A getter: formatting money loads the locale data, which a scan that shows no rule help never needs.
    get risk() {
      return `A NAT gateway costs ${usd(DOC_PRICES.natGatewayPerHour)} an hour (${usd(docMonthly.natGateway())} a month over ${HOURS_PER_MONTH}
hours, ${DOC_REGION} list price of ${PRICE_DATE}) plus ${usd(DOC_PRICES.publicIpv4PerHour)} an hour for its public
address, before any data is processed. One that no route table sends traffic to is left over from a
removed subnet or a half-finished change, and each one wastes about
${usd(round2(docMonthly.natGateway() + docMonthly.publicIpv4()))} a month. Each finding carries
\`estimatedMonthlyCostUsd\` in its properties.

Findings use the list prices of the resource's region and say which: an account's resource is
priced in the region it is in, a template's in the scan's \`region\` setting (\`--region\`,
\`AWS_REGION\`, the configuration's \`region\`), else us-east-1. A region the price list does not
hold is priced at us-east-1's, and the finding says so.

In a template, a gateway is reported only when no \`AWS::EC2::Route\` uses it and nothing else
refers to it (an export or a nested stack may route through it from elsewhere).`;
    },
    fix: `Route the private subnets' default route through it, or delete it:

\`\`\`yaml
PrivateDefaultRoute:
  Type: AWS::EC2::Route
  Properties:
    RouteTableId: !Ref PrivateRouteTable
    DestinationCidrBlock: 0.0.0.0/0
    NatGatewayId: !Ref NatGateway
\`\`\`

In the console: VPC → NAT gateways → select → Actions → Delete NAT gateway, then release its Elastic
IP. With the CLI: \`aws ec2 delete-nat-gateway --nat-gateway-id nat-...\` and
\`aws ec2 release-address --allocation-id eipalloc-...\`.`,
  },
  messages: {
    unused: 'NAT gateway {{nat}} has no route pointing at it, about {{cost}} a month ({{prices}}).',
  },
  translations: {
    ja: {
      title: 'どのルートテーブルからも使われていない NAT ゲートウェイ',
      description: 'NAT ゲートウェイを指すルートがないため、トラフィックを運んでいないのに、Elastic IP アドレスと合わせて毎時課金されています。',
      docs: {
        get risk() {
          return `NAT ゲートウェイは、データを処理する前の時点で 1 時間あたり ${usdJa(DOC_PRICES.natGatewayPerHour)} (${HOURS_PER_MONTH} 時間で月額 ${usdJa(docMonthly.natGateway())}、
${DOC_REGION} の ${PRICE_DATE} 時点の公開料金) に、パブリックアドレスの 1 時間あたり ${usdJa(DOC_PRICES.publicIpv4PerHour)} がかかります。
どのルートテーブルもトラフィックを送っていない NAT ゲートウェイは、削除されたサブネットや途中で終わった変更の残りであり、1 つあたり月額およそ ${usdJa(round2(docMonthly.natGateway() + docMonthly.publicIpv4()))} の無駄です。各検出結果のプロパティには \`estimatedMonthlyCostUsd\` が入ります。

${REGION_PRICES_JA}

テンプレートでは、どの \`AWS::EC2::Route\` も使っておらず、他の何も参照していない場合にだけ報告します (エクスポートやネストされたスタックを通じて、別の場所からルーティングされているかもしれないためです)。`;
        },
        fix: `プライベートサブネットのデフォルトルートをこの NAT ゲートウェイに向けるか、削除します:

\`\`\`yaml
PrivateDefaultRoute:
  Type: AWS::EC2::Route
  Properties:
    RouteTableId: !Ref PrivateRouteTable
    DestinationCidrBlock: 0.0.0.0/0
    NatGatewayId: !Ref NatGateway
\`\`\`

コンソールでは: VPC → NAT ゲートウェイ → 選択 → アクション → NAT ゲートウェイを削除、そのあと Elastic IP アドレスを解放します。CLI では: \`aws ec2 delete-nat-gateway --nat-gateway-id nat-...\` と \`aws ec2 release-address --allocation-id eipalloc-...\`。`,
      },
      messages: {
        unused: 'NAT ゲートウェイ {{nat}} を指すルートがなく、月額およそ {{cost}} かかります ({{prices}})。',
      },
    },
  },
  entity: 'NatGateway',
  check(nat, context) {
    if (!nat.routesKnown || nat.routeTableIds.length > 0) return;
    if (nat.state && nat.state !== 'available' && nat.state !== 'pending') return;
    const priced = pricedIn(nat.region ?? context.region);
    const isPrivate = nat.connectivityType === 'private';
    const cost = round2(priced.natGateway() + (isPrivate ? 0 : priced.publicIpv4()));
    const items = isPrivate ? (['natGatewayPerHour'] as const) : (['natGatewayPerHour', 'publicIpv4PerHour'] as const);
    const basis = isPrivate ? 'NAT gateway hours' : 'NAT gateway hours and its public IPv4 address';
    context.report({
      volatile: COST_DATA,
      messageId: 'unused',
      data: { nat: nat.displayName, cost: usdText(cost), prices: priced.labelText(items) },
      properties: priced.properties(cost, basis, items),
    });
  },
});
