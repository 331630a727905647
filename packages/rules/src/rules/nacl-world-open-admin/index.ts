import { DeniedRanges, defineRule, type LocalizedText, type NetworkAcl, type NetworkAclEntry, portRange } from '@mamori/core';
import { texts, viaText } from '../../lib/text.js';

const ADMIN_PORTS = [
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
] as const;

function covers(entry: NetworkAclEntry, port: number): boolean {
  if (entry.protocol === '-1') return true;
  if (entry.protocol !== 'tcp') return false;
  const range = portRange('tcp', entry.fromPort, entry.toPort, entry.portsKnown);
  return range !== undefined && range[0] <= port && port <= range[1];
}

export default defineRule({
  id: 'MAM102',
  name: 'nacl-world-open-admin',
  title: 'Network ACL admits the whole internet to SSH or RDP',
  description:
    'An inbound network ACL entry allows the whole internet (0.0.0.0/0, ::/0, or a range as wide as half of it, such as 0.0.0.0/1) to reach port 22 or 3389 (or all traffic), and lower-numbered entries do not deny it first. A default network ACL is reported only when a subnet uses it.',
  severity: 'warning',
  securitySeverity: 5.3,
  area: 'network',
  tags: ['network', 'nacl', 'vpc', 'exposure'],
  compliance: { fsbp: ['EC2.21'], cis: ['5.1'] },
  covers: {
    checkov: ['CKV_AWS_231', 'CKV_AWS_232'],
    prowler: ['ec2_networkacl_allow_ingress_tcp_port_22', 'ec2_networkacl_allow_ingress_tcp_port_3389', 'ec2_networkacl_allow_ingress_any_port'],
  },
  docs: {
    risk: `Network ACLs are the subnet-wide layer under security groups. An ACL that lets the whole internet
reach SSH (22) or RDP (3389) leaves one control between every instance in the subnet and
brute-force logins: a single security group mistake then exposes the instance.

Entries are evaluated in rule-number order and the first match decides, so an entry is reported
only when what it allows, less what lower-numbered entries deny for the same port, still admits the
world. The world is \`0.0.0.0/0\` and \`::/0\`, and any range admitting at least half of the addresses
the internet can send from: an IPv4 prefix of /1 or shorter (\`0.0.0.0/1\`, \`128.0.0.0/1\`), an IPv6
prefix of /1 or shorter (\`::/1\`, \`8000::/1\`), a range holding half or more of the global unicast
space \`2000::/3\` (\`::/2\`, \`2000::/3\`, \`2000::/4\`, \`3000::/4\`), or an IPv4-mapped IPv6 range
(\`::ffff:0.0.0.0/96\`) that maps such an IPv4 range. Private ranges and anything narrower are not.
An entry that allows all traffic from the world counts, since it covers both ports, and its message
names only the ports no earlier entry denies. An entry without a rule number is taken to come first.

A VPC's default network ACL allows all traffic unless changed, and applies to every subnet not
associated with another ACL. In an account it is reported only when a subnet uses it, and the
message names those subnets; a default ACL no subnet uses admits nothing. A custom ACL is reported
whether or not a subnet uses it now: associating it is one call away. Outbound
entries are not reported, nor are entries whose port range the template cannot tell (a parameter
without a default).`,
    fix: `Deny administration ports from the world before the broad allow, or allow them only from your
admin range. Reach instances with Session Manager instead of SSH where you can.

\`\`\`yaml
DenySshFromWorld:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicAcl
    RuleNumber: 90          # lower than the allow-all entry
    Protocol: 6
    RuleAction: deny
    CidrBlock: 0.0.0.0/0
    PortRange: { From: 22, To: 22 }
\`\`\`

In the console: VPC → Network ACLs → the ACL → Inbound rules → Edit. With the CLI:
\`aws ec2 create-network-acl-entry --network-acl-id acl-... --ingress --rule-number 90 --protocol 6 --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny\`.`,
  },
  messages: {
    allTraffic: 'Network ACL {{acl}} allows all traffic from {{cidr}} in {{entry}}, including {{services}}{{via}}.',
    adminPorts: 'Network ACL {{acl}} allows {{services}} from {{cidr}} in {{entry}}{{via}}.',
    defaultAllTraffic:
      'Network ACL {{acl}}, the default network ACL of {{vpc}} used by {{subnets}}, allows all traffic from {{cidr}} in {{entry}}, including {{services}}{{via}}.',
    defaultAdminPorts: 'Network ACL {{acl}}, the default network ACL of {{vpc}} used by {{subnets}}, allows {{services}} from {{cidr}} in {{entry}}{{via}}.',
  },
  translations: {
    ja: {
      title: 'ネットワーク ACL がインターネット全体から SSH または RDP を許可している',
      description:
        'インバウンドのネットワーク ACL エントリが、インターネット全体 (0.0.0.0/0、::/0、または 0.0.0.0/1 のようにその半分以上の広さの範囲) からポート 22 または 3389 (またはすべてのトラフィック) への到達を許可しており、より小さい番号のエントリが先に拒否していません。デフォルトのネットワーク ACL は、サブネットが使っている場合にだけ報告します。',
      docs: {
        risk: `ネットワーク ACL は、セキュリティグループの下にあるサブネット全体の防御層です。インターネット全体から SSH (22) や RDP (3389) への到達を許可する ACL では、サブネット内のすべてのインスタンスとブルートフォースによるログインとの間に防御が 1 つしか残りません。セキュリティグループの設定を 1 つ誤るだけで、インスタンスが露出します。

エントリはルール番号の順に評価され、最初に一致したものが決めます。そのため、エントリが許可するものから、同じポートについてより小さい番号のエントリが拒否するものを除いても、なおインターネット全体を許可する場合にだけ報告します。インターネット全体とは \`0.0.0.0/0\` と \`::/0\`、およびインターネットの送信元アドレスの半分以上を許可する範囲です: /1 以下の IPv4 プレフィックス (\`0.0.0.0/1\`、\`128.0.0.0/1\`)、/1 以下の IPv6 プレフィックス (\`::/1\`、\`8000::/1\`)、グローバルユニキャスト空間 \`2000::/3\` の半分以上を含む範囲 (\`::/2\`、\`2000::/3\`、\`2000::/4\`、\`3000::/4\`)、そのような IPv4 の範囲を対応付ける IPv4 射影 IPv6 の範囲 (\`::ffff:0.0.0.0/96\`) です。プライベートの範囲とそれより狭い範囲は含みません。インターネット全体からのすべてのトラフィックを許可するエントリは両方のポートを含むため対象となり、そのメッセージは先のエントリが拒否していないポートだけを挙げます。ルール番号のないエントリは最初に来るものとみなします。

VPC のデフォルトのネットワーク ACL は、変更しない限りすべてのトラフィックを許可し、他の ACL に関連付けられていないすべてのサブネットに適用されます。アカウントでは、サブネットが使っている場合にだけ報告し、メッセージはそのサブネットを挙げます。どのサブネットも使っていないデフォルトの ACL は何も許可しません。カスタム ACL は、現在サブネットが使っているかどうかにかかわらず報告します。関連付けは呼び出し 1 回でできるからです。アウトバウンドのエントリと、テンプレートからポート範囲が分からないエントリ (デフォルト値のないパラメータ) は報告しません。`,
        fix: `広い許可の前に、インターネット全体からの管理用ポートを拒否するか、管理用のアドレス範囲からだけ許可します。可能であれば、SSH ではなく Session Manager でインスタンスに接続します。

\`\`\`yaml
DenySshFromWorld:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicAcl
    RuleNumber: 90          # lower than the allow-all entry
    Protocol: 6
    RuleAction: deny
    CidrBlock: 0.0.0.0/0
    PortRange: { From: 22, To: 22 }
\`\`\`

コンソールでは: VPC → ネットワーク ACL → 対象の ACL → インバウンドルール → 編集。CLI では: \`aws ec2 create-network-acl-entry --network-acl-id acl-... --ingress --rule-number 90 --protocol 6 --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny\`。`,
      },
      messages: {
        allTraffic: 'ネットワーク ACL {{acl}} は {{entry}} で {{cidr}} からのすべてのトラフィックを許可しており、{{services}} も含まれます{{via}}。',
        adminPorts: 'ネットワーク ACL {{acl}} は {{entry}} で {{cidr}} からの {{services}} を許可しています{{via}}。',
        defaultAllTraffic:
          'ネットワーク ACL {{acl}} ({{vpc}} のデフォルトネットワーク ACL で、{{subnets}} が使用) は {{entry}} で {{cidr}} からのすべてのトラフィックを許可しており、{{services}} も含まれます{{via}}。',
        defaultAdminPorts:
          'ネットワーク ACL {{acl}} ({{vpc}} のデフォルトネットワーク ACL で、{{subnets}} が使用) は {{entry}} で {{cidr}} からの {{services}} を許可しています{{via}}。',
      },
    },
  },
  entity: 'NetworkAcl',
  reads: ['entries'],
  check(acl, context) {
    // A default ACL applies only to the subnets associated with it: with none, it admits nothing.
    if (acl.isDefault && acl.subnetIds?.length === 0) return;
    // An entry without a rule number cannot be placed: it is taken to come first, as the extractors order it.
    const inbound = acl.entries.filter((e) => !e.egress).sort((a, b) => (a.ruleNumber ?? -1) - (b.ruleNumber ?? -1));
    // For each admin port and address family, the first allow whose range, less the earlier denies, still admits the world.
    const hits = new Map<NetworkAclEntry, string[]>();
    for (const family of ['cidrIpv4', 'cidrIpv6'] as const) {
      for (const { port, service } of ADMIN_PORTS) {
        const denied = new DeniedRanges();
        for (const e of inbound) {
          if (!covers(e, port)) continue;
          if (e.action === 'deny') {
            denied.add(e[family]);
            continue;
          }
          if (denied.admitsWorld(e[family])) {
            hits.set(e, [...(hits.get(e) ?? []), `${service} (${port})`]);
            break;
          }
        }
      }
    }
    const usedDefault = acl.isDefault && acl.subnetIds !== undefined;
    for (const [entry, services] of hits) {
      const data = {
        acl: acl.displayName,
        entry: texts(
          entry.ruleNumber === undefined
            ? { en: 'an entry without a rule number', ja: 'ルール番号のないエントリ' }
            : { en: `rule ${entry.ruleNumber}`, ja: `ルール ${entry.ruleNumber}` },
        ),
        ...(entry.ruleNumber === undefined ? {} : { rule: entry.ruleNumber }),
        cidr: (entry.cidrIpv4 ?? entry.cidrIpv6 ?? '').trim(),
        // Only the ports this entry decides: a lower-numbered deny may already block one of them.
        services: texts({ en: services.join(' and '), ja: services.join('と') }),
        via: viaText(entry.via),
        ...(usedDefault ? { vpc: acl.vpcId ?? texts({ en: 'its VPC', ja: 'その VPC' }), subnets: subnetList(acl) } : {}),
      };
      const messageId = entry.protocol === '-1' ? (usedDefault ? 'defaultAllTraffic' : 'allTraffic') : usedDefault ? 'defaultAdminPorts' : 'adminPorts';
      context.report({ messageId, data, location: entry.location });
    }
  },
});

const MAX_SUBNETS = 5;

function subnetList(acl: NetworkAcl): LocalizedText {
  const ids = acl.subnetIds ?? [];
  if (ids.length <= MAX_SUBNETS) return texts({ en: ids.join(', '), ja: ids.join('、') });
  const more = ids.length - MAX_SUBNETS;
  return texts({
    en: `${ids.slice(0, MAX_SUBNETS).join(', ')} and ${more} more subnets`,
    ja: `${ids.slice(0, MAX_SUBNETS).join('、')} ほか ${more} 個のサブネット`,
  });
}
