import { defineRule } from '@mamori/core';
import { COST_DATA, DOC_PRICES, DOC_REGION, docMonthly, HOURS_PER_MONTH, PRICE_DATE, pricedIn, REGION_PRICES_JA, usd, usdJa } from '../../lib/pricing.js';
import { usdText, viaText } from '../../lib/text.js';

export default defineRule({
  id: 'MAM701',
  name: 'eip-unattached',
  title: 'Elastic IP address paid for but not used',
  description: 'An Elastic IP is associated with nothing, or with an instance that is stopped: it is billed every hour and serves no traffic.',
  severity: 'warning',
  area: 'cost',
  tags: ['cost', 'ec2', 'elastic-ip'],
  compliance: { fsbp: ['EC2.12'] },
  covers: { prowler: ['ec2_elastic_ip_unassigned'] },
  docs: {
    // A getter: formatting money loads the locale data, which a scan that shows no rule help never needs.
    get risk() {
      return `Since February 2024 AWS bills every public IPv4 address by the hour, ${usd(DOC_PRICES.publicIpv4PerHour)} an hour
(${usd(docMonthly.publicIpv4())} a month over ${HOURS_PER_MONTH} hours, ${DOC_REGION} list price of ${PRICE_DATE}),
whether or not it is attached. An address left behind after an instance is deleted, or held by a
stopped instance, is pure waste, and forgotten addresses add up across regions and accounts. Each
finding carries \`estimatedMonthlyCostUsd\` in its properties.

Findings use the list prices of the resource's region and say which: an account's resource is
priced in the region it is in, a template's in the scan's \`region\` setting (\`--region\`,
\`AWS_REGION\`, the configuration's \`region\`), else us-east-1. A region the price list does not
hold is priced at us-east-1's, and the finding says so.

In a template, an address is reported only when nothing uses it: no \`InstanceId\`, no
\`AWS::EC2::EIPAssociation\`, no NAT gateway or load balancer allocation, and no other resource
refers to it (a reference the template cannot follow is given the benefit of the doubt, and so is an
address or allocation id exported in \`Outputs\` or passed to a nested stack; an output without
\`Export\` is only shown, and does not count).`;
    },
    fix: `Release addresses you do not need, or associate them:

\`\`\`yaml
WebAddress:
  Type: AWS::EC2::EIP
  Properties:
    Domain: vpc
    InstanceId: !Ref WebInstance
\`\`\`

In the console: EC2 → Elastic IPs → select → Actions → Release Elastic IP addresses. With the CLI:
\`aws ec2 release-address --allocation-id eipalloc-...\`. For a stopped instance, start it, or
release the address and allocate a new one when it comes back.`,
  },
  messages: {
    unattached: 'Elastic IP {{eip}} is not associated with anything, about {{cost}} a month ({{prices}}){{via}}.',
    stoppedInstance: 'Elastic IP {{eip}} is held by stopped instance {{instance}}, about {{cost}} a month ({{prices}}).',
  },
  translations: {
    ja: {
      title: '料金が発生しているが使われていない Elastic IP アドレス',
      description:
        'Elastic IP アドレスがどこにも関連付けられていないか、停止中のインスタンスに関連付けられています。毎時課金されますが、トラフィックを処理していません。',
      docs: {
        get risk() {
          return `2024 年 2 月から、AWS はすべてのパブリック IPv4 アドレスに、関連付けの有無にかかわらず 1 時間あたり ${usdJa(DOC_PRICES.publicIpv4PerHour)} を課金しています (${HOURS_PER_MONTH} 時間で月額 ${usdJa(docMonthly.publicIpv4())}、${DOC_REGION} の ${PRICE_DATE} 時点の公開料金)。インスタンスの削除後に残されたアドレスや、停止中のインスタンスが保持しているアドレスはまったくの無駄で、忘れられたアドレスはリージョンやアカウントをまたいで積み重なります。各検出結果のプロパティには \`estimatedMonthlyCostUsd\` が入ります。

${REGION_PRICES_JA}

テンプレートでは、アドレスを何も使っていない場合にだけ報告します。\`InstanceId\` も \`AWS::EC2::EIPAssociation\` もなく、NAT ゲートウェイやロードバランサーの割り当てもなく、他のどのリソースも参照していない場合です (テンプレートからたどれない参照は使われているものとみなし、\`Outputs\` でエクスポートされたりネストされたスタックに渡されたりするアドレスや割り当て ID も同様です。\`Export\` のない出力は表示されるだけで、使用には数えません)。`;
        },
        fix: `不要なアドレスは解放するか、関連付けます:

\`\`\`yaml
WebAddress:
  Type: AWS::EC2::EIP
  Properties:
    Domain: vpc
    InstanceId: !Ref WebInstance
\`\`\`

コンソールでは: EC2 → Elastic IP → 選択 → アクション → Elastic IP アドレスの解放。CLI では: \`aws ec2 release-address --allocation-id eipalloc-...\`。停止中のインスタンスの場合は、インスタンスを起動するか、アドレスを解放してインスタンスを再開するときに新しいアドレスを割り当てます。`,
      },
      messages: {
        unattached: 'Elastic IP アドレス {{eip}} はどこにも関連付けられておらず、月額およそ {{cost}} かかります ({{prices}}){{via}}。',
        stoppedInstance: 'Elastic IP アドレス {{eip}} は停止中のインスタンス {{instance}} が保持しており、月額およそ {{cost}} かかります ({{prices}})。',
      },
    },
  },
  entity: 'ElasticIp',
  reads: ['association', 'instanceState'],
  check(eip, context) {
    const priced = pricedIn(eip.region ?? context.region);
    const cost = priced.publicIpv4();
    const prices = priced.labelText(['publicIpv4PerHour']);
    const properties = priced.properties(cost, `one public IPv4 address at ${usd(priced.prices.publicIpv4PerHour)}/hour`, ['publicIpv4PerHour']);
    if (eip.association === 'none') {
      context.report({
        volatile: COST_DATA,
        messageId: 'unattached',
        data: { eip: eip.displayName, cost: usdText(cost), prices, via: viaText(eip.via) },
        properties,
      });
    } else if (eip.association === 'instance' && eip.instanceState === 'stopped') {
      context.report({
        volatile: COST_DATA,
        messageId: 'stoppedInstance',
        data: { eip: eip.displayName, instance: eip.instanceId ?? 'unknown', cost: usdText(cost), prices },
        properties,
      });
    }
  },
});
