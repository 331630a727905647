import { type AzSpan, defineRule } from '@mamori/core';
import { texts } from '../../lib/text.js';
import { settingLocation, viaText } from '../../support/settings.js';

const TYPE_LABELS: Readonly<Record<AzSpan['resourceType'], string>> = {
  DbSubnetGroup: 'DB subnet group',
  LoadBalancer: 'load balancer',
  AutoScalingGroup: 'Auto Scaling group',
};
const TYPE_LABELS_JA: Readonly<Record<AzSpan['resourceType'], string>> = {
  DbSubnetGroup: 'DB サブネットグループ',
  LoadBalancer: 'ロードバランサー',
  AutoScalingGroup: 'Auto Scaling グループ',
};

/** Zones from `!Select [i, !GetAZs '']` are known only by index: show them as written. */
function zoneText(zone: string): string {
  const m = /^Fn::GetAZs(?:\((.*)\))?\[(\d+)\]$/.exec(zone);
  return m ? `!Select [${m[2]}, !GetAZs '${m[1] ?? ''}']` : zone;
}

export default defineRule({
  id: 'MAM605',
  name: 'single-az-deployment',
  title: 'DB subnet group, load balancer or Auto Scaling group confined to one Availability Zone',
  description:
    'A DB subnet group, a load balancer or an Auto Scaling group has a single subnet, subnets that are all in the same Availability Zone, or a single zone. Subnets whose zones cannot be known from the template (ids from a parameter or an import) are not judged. In an account, every DB subnet group, Application, Network, Gateway and Classic Load Balancer and Auto Scaling group of each region read is judged by the zones AWS reports.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'resilience',
  tags: ['resilience', 'availability', 'rds', 'elb', 'autoscaling'],
  compliance: { fsbp: ['AutoScaling.2', 'ELB.10', 'ELB.13'] },
  covers: {
    cfnLint: ['E3680'],
    prowler: ['autoscaling_group_multiple_az', 'elb_is_in_multiple_az', 'elbv2_is_in_multiple_az'],
  },
  docs: {
    risk: `An Availability Zone is the unit AWS failures come in: a power or network event, a bad deployment,
a capacity shortage. A load balancer in one zone stops answering when that zone does; an Auto
Scaling group in one zone cannot launch replacements anywhere else; a DB subnet group in one zone
leaves a Multi-AZ database nowhere to put its standby (RDS refuses such a group, so the stack fails
to deploy). Spreading over two or more zones costs little and is what lets the rest of the
architecture survive a zone outage.

mamori follows the template's own subnets to their \`AvailabilityZone\`: two subnets written
\`!Select [0, !GetAZs '']\` are in the same zone, \`!Select [0, …]\` and \`!Select [1, …]\` in different ones.
Subnet ids from a parameter or an import are not judged, since their zones cannot be known, unless
there is only one of them.

In an account snapshot the zones are those AWS reports (RDS \`DescribeDBSubnetGroups\`, Elastic Load
Balancing \`DescribeLoadBalancers\` of both generations, Auto Scaling \`DescribeAutoScalingGroups\`,
and \`DescribeSubnets\` for a subnet whose answer leaves its zone out). Every such resource is judged,
as a template's are: a DB subnet group no database uses yet, an internal Network Load Balancer and
an Auto Scaling group scaled to zero each go down with their zone once they are used. An Auto
Scaling group being deleted is not judged. The zones the account can use in the region are not
read: in a region where it has only one, the finding stands, and the remedy is another region.`,
    fix: `Give the resource subnets in at least two zones (three for production where the region allows).

\`\`\`yaml
PrivateSubnetA:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.1.0/24
    AvailabilityZone: !Select [0, !GetAZs '']
PrivateSubnetB:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.2.0/24
    AvailabilityZone: !Select [1, !GetAZs '']
DbSubnetGroup:
  Type: AWS::RDS::DBSubnetGroup
  Properties:
    DBSubnetGroupDescription: Private subnets in two zones
    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
\`\`\`

For an Auto Scaling group list the subnets in \`VPCZoneIdentifier\`; for a load balancer in \`Subnets\`
or \`SubnetMappings\`. With the CLI:
\`aws autoscaling update-auto-scaling-group --auto-scaling-group-name web --vpc-zone-identifier "subnet-a,subnet-b"\`,
\`aws elbv2 set-subnets --load-balancer-arn ... --subnets subnet-a subnet-b\`,
\`aws elb attach-load-balancer-to-subnets --load-balancer-name legacy --subnets subnet-b\` (a Classic Load Balancer),
\`aws rds modify-db-subnet-group --db-subnet-group-name db --subnet-ids subnet-a subnet-b\`. In the console: the
load balancer's Network mapping, the Auto Scaling group's Network settings, or the RDS subnet group, **Edit**.`,
  },
  messages: {
    singleSubnet: 'The {{type}} {{name}} has a single subnet, {{subnet}}{{via}}, so it runs in one Availability Zone and goes down with it.',
    singleSubnetInZone: 'The {{type}} {{name}} has a single subnet, {{subnet}}, in Availability Zone {{zone}}: it goes down with that zone.',
    sameZone: 'The {{type}} {{name}} has {{count}} subnets, all in Availability Zone {{zone}}{{via}}: it goes down with that zone.',
    singleZone: 'The {{type}} {{name}} lists a single Availability Zone, {{zone}}{{via}}: it goes down with that zone.',
  },
  translations: {
    ja: {
      title: '1 つのアベイラビリティーゾーンに限られた DB サブネットグループ、ロードバランサー、Auto Scaling グループ',
      description:
        'DB サブネットグループ、ロードバランサー、Auto Scaling グループのサブネットが 1 つだけか、すべて同じアベイラビリティーゾーンにあるか、ゾーンが 1 つだけです。テンプレートからゾーンが分からないサブネット (パラメータやインポートから得た ID) は判定しません。アカウントでは、読み取った各リージョンのすべての DB サブネットグループ、Application Load Balancer、Network Load Balancer、Gateway Load Balancer、Classic Load Balancer、Auto Scaling グループを、AWS が報告するゾーンで判定します。',
      docs: {
        risk: `アベイラビリティーゾーンは AWS の障害が起きる単位です: 電源やネットワークの事象、誤ったデプロイ、キャパシティ不足。1 つのゾーンにあるロードバランサーはそのゾーンが止まると応答しなくなり、1 つのゾーンにある Auto Scaling グループは他の場所に代わりを起動できず、1 つのゾーンにある DB サブネットグループではマルチ AZ のデータベースがスタンバイを置く場所がありません (RDS はそのようなグループを拒否するため、スタックのデプロイが失敗します)。2 つ以上のゾーンに分散する費用はわずかで、それがアーキテクチャの他の部分をゾーンの障害から守ります。

mamori はテンプレート自身のサブネットをその \`AvailabilityZone\` までたどります: \`!Select [0, !GetAZs '']\` と書かれた 2 つのサブネットは同じゾーンにあり、\`!Select [0, …]\` と \`!Select [1, …]\` は別のゾーンにあります。パラメータやインポートから得たサブネット ID は、ゾーンが分からないため、1 つだけの場合を除いて判定しません。

アカウントのスナップショットでは、ゾーンは AWS が報告するものです (RDS の \`DescribeDBSubnetGroups\`、両世代の Elastic Load Balancing の \`DescribeLoadBalancers\`、Auto Scaling の \`DescribeAutoScalingGroups\`、応答にゾーンがないサブネットには \`DescribeSubnets\`)。テンプレートと同じく、そのようなリソースはすべて判定します: まだどのデータベースも使っていない DB サブネットグループ、内部向けの Network Load Balancer、ゼロにスケールした Auto Scaling グループも、使われ始めればゾーンと一緒に停止します。削除中の Auto Scaling グループは判定しません。アカウントがリージョンで使えるゾーンは読み取りません。ゾーンが 1 つしかないリージョンでは検出結果はそのまま残り、対策は別のリージョンです。`,
        fix: `リソースに少なくとも 2 つのゾーン (リージョンが許せば本番環境では 3 つ) のサブネットを与えます。

\`\`\`yaml
PrivateSubnetA:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.1.0/24
    AvailabilityZone: !Select [0, !GetAZs '']
PrivateSubnetB:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.2.0/24
    AvailabilityZone: !Select [1, !GetAZs '']
DbSubnetGroup:
  Type: AWS::RDS::DBSubnetGroup
  Properties:
    DBSubnetGroupDescription: Private subnets in two zones
    SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
\`\`\`

Auto Scaling グループでは \`VPCZoneIdentifier\` に、ロードバランサーでは \`Subnets\` または \`SubnetMappings\` にサブネットを挙げます。CLI では: \`aws autoscaling update-auto-scaling-group --auto-scaling-group-name web --vpc-zone-identifier "subnet-a,subnet-b"\`、\`aws elbv2 set-subnets --load-balancer-arn ... --subnets subnet-a subnet-b\`、\`aws elb attach-load-balancer-to-subnets --load-balancer-name legacy --subnets subnet-b\` (Classic Load Balancer)、\`aws rds modify-db-subnet-group --db-subnet-group-name db --subnet-ids subnet-a subnet-b\`。コンソールでは: ロードバランサーのネットワークマッピング、Auto Scaling グループのネットワーク設定、RDS のサブネットグループで **編集**。`,
      },
      messages: {
        singleSubnet:
          '{{type}} {{name}} のサブネットは {{subnet}} の 1 つだけです{{via}}。1 つのアベイラビリティーゾーンで動き、そのゾーンとともに停止します。',
        singleSubnetInZone: '{{type}} {{name}} のサブネットはアベイラビリティーゾーン {{zone}} の {{subnet}} 1 つだけです。そのゾーンとともに停止します。',
        sameZone: '{{type}} {{name}} の {{count}} 個のサブネットはすべてアベイラビリティーゾーン {{zone}} にあります{{via}}。そのゾーンとともに停止します。',
        singleZone: '{{type}} {{name}} が挙げるアベイラビリティーゾーンは {{zone}} の 1 つだけです{{via}}。そのゾーンとともに停止します。',
      },
    },
  },
  entity: 'AzSpan',
  check(span, context) {
    const base = {
      type: texts({ en: TYPE_LABELS[span.resourceType], ja: TYPE_LABELS_JA[span.resourceType] }),
      name: span.name,
      via: viaText(span.subnetsSource?.via),
    };
    const location = settingLocation(span, span.subnetsSource);
    const zones = span.availabilityZones ? [...new Set(span.availabilityZones)] : undefined;
    const [subnet, ...others] = span.subnetIds;
    const [zone] = zones ?? [];
    if (subnet !== undefined && others.length === 0) {
      // An account names the subnet's zone; a template's findings keep the wording they have always had.
      if (span.source === 'snapshot' && zones?.length === 1 && zone !== undefined) {
        context.report({ messageId: 'singleSubnetInZone', data: { ...base, subnet, zone }, location });
      } else context.report({ messageId: 'singleSubnet', data: { ...base, subnet }, location });
      return;
    }
    if (zones?.length !== 1 || zone === undefined) return;
    if (span.subnetIds.length > 1) {
      context.report({ messageId: 'sameZone', data: { ...base, count: span.subnetIds.length, zone: zoneText(zone) }, location });
    } else {
      context.report({ messageId: 'singleZone', data: { ...base, zone: zoneText(zone) }, location });
    }
  },
});
