import { defineRule, engineLabel, isWorldCidr, portRange, type SecurityGroupRule } from '@mamori/core';
import { texts } from '../../lib/text.js';
import { viaText } from '../../support/settings.js';
import { SENSITIVE_PORTS } from '../world-open-ingress/index.js';

/** A single address (`/32`, `/128`, or no prefix) is a deliberate grant to one host: a bastion, a VPN or NAT address. */
function isSingleHost(cidr: string): boolean {
  const [, len] = cidr.trim().split('/');
  return len === undefined || (cidr.includes(':') ? Number(len) === 128 : Number(len) === 32);
}

/** Whether the rule reaches the port; with the port unknown, only rules open to every port do. */
function reaches(rule: SecurityGroupRule, port: number | undefined): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== 'tcp') return false;
  const range = portRange(rule.protocol, rule.fromPort, rule.toPort, rule.portsKnown);
  if (!range) return false;
  return port === undefined ? range[0] === 0 && range[1] === 65535 : range[0] <= port && port <= range[1];
}

/** world-open-ingress (MAM101) already reports world-open rules on all traffic or a well-known database port. */
function reportedAsWorldOpen(rule: SecurityGroupRule): boolean {
  if (rule.protocol === '-1') return true;
  const range = portRange(rule.protocol, rule.fromPort, rule.toPort, rule.portsKnown);
  return range !== undefined && SENSITIVE_PORTS.some((p) => p.protocols.includes(rule.protocol) && range[0] <= p.port && p.port <= range[1]);
}

export default defineRule({
  id: 'MAM103',
  name: 'database-ingress-from-cidr',
  title: "Database security group admits an address range instead of the application's security group",
  description:
    'A security group of an RDS DB instance admits the database port from a CIDR range (a subnet, the whole VPC, an office network) rather than from the security group of the application that uses it. Single addresses (/32, /128) are not reported, nor are world-open rules that world-open-ingress reports.',
  severity: 'note',
  securitySeverity: 3.0,
  area: 'network',
  tags: ['network', 'security-group', 'rds', 'least-privilege'],
  compliance: {},
  covers: {},
  docs: {
    risk: `A database should accept connections from the application that owns it and from little else.
Admitting a CIDR range admits everything that ever gets an address in it: every instance, container,
Lambda function and bastion in the subnet or VPC, including ones added later for other purposes, and
anything an attacker compromises there. A rule naming the application's security group follows the
application as it scales or moves, and admits nothing else.

A single address (\`/32\` or \`/128\`) is a deliberate grant to one host, such as a bastion or a VPN
gateway, and is not reported. A range open to the whole internet (\`0.0.0.0/0\`, \`::/0\`, or one as wide
as half of it, such as \`0.0.0.0/1\` or \`2000::/4\`, as world-open-ingress defines it) on a well-known
database port is reported by world-open-ingress (MAM101) instead; on another port it is reported here
as open to the whole internet.`,
    fix: `Replace the CIDR with the application's security group as the source.

\`\`\`yaml
DatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: PostgreSQL from the application only
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId
\`\`\`

In the console: EC2 → Security Groups → the database's group → Edit inbound rules → change the
source from the CIDR to the application's security group. With the CLI:
\`aws ec2 authorize-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --source-group sg-app\`,
then \`aws ec2 revoke-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --cidr 10.0.0.0/16\`.`,
  },
  messages: {
    range:
      "Security group {{group}} of DB instance {{db}} admits {{service}} from the address range {{cidr}}{{via}} rather than from the application's security group.",
    world: 'Security group {{group}} of DB instance {{db}} admits {{service}} from the whole internet ({{cidr}}){{via}}.',
  },
  translations: {
    ja: {
      title: 'データベースのセキュリティグループがアプリケーションのセキュリティグループではなくアドレス範囲からの接続を許可している',
      description:
        'RDS DB インスタンスのセキュリティグループが、データベースのポートを、利用するアプリケーションのセキュリティグループではなく CIDR 範囲 (サブネット、VPC 全体、オフィスのネットワーク) に許可しています。単一のアドレス (/32、/128) と、world-open-ingress が報告するインターネット全体に開いたルールは報告しません。',
      docs: {
        risk: `データベースが接続を受け付けるのは、それを所有するアプリケーションからと、ごく限られた相手からだけにすべきです。CIDR 範囲を許可すると、その範囲のアドレスを得たものすべてを許可することになります。サブネットや VPC にあるすべてのインスタンス、コンテナ、Lambda 関数、踏み台ホストが対象で、後から別の目的で追加されたものや、攻撃者がそこで乗っ取ったものも含みます。アプリケーションのセキュリティグループを指定したルールは、アプリケーションがスケールしたり移動したりしても追従し、それ以外は何も許可しません。

単一のアドレス (\`/32\` または \`/128\`) は、踏み台ホストや VPN ゲートウェイなど 1 台のホストへの意図的な許可であり、報告しません。インターネット全体に開いた範囲 (\`0.0.0.0/0\`、\`::/0\`、または world-open-ingress の定義どおり \`0.0.0.0/1\` や \`2000::/4\` のようにその半分以上の広さの範囲) は、よく知られたデータベースのポートなら world-open-ingress (MAM101) が代わりに報告し、それ以外のポートならここでインターネット全体に開いていると報告します。`,
        fix: `CIDR を、アプリケーションのセキュリティグループをソースとするルールに置き換えます。

\`\`\`yaml
DatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: PostgreSQL from the application only
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !GetAtt AppSecurityGroup.GroupId
\`\`\`

コンソールでは: EC2 → セキュリティグループ → データベースのグループ → インバウンドのルールを編集 → ソースを CIDR からアプリケーションのセキュリティグループに変更します。CLI では: \`aws ec2 authorize-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --source-group sg-app\` のあと \`aws ec2 revoke-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --cidr 10.0.0.0/16\`。`,
      },
      messages: {
        range:
          'DB インスタンス {{db}} のセキュリティグループ {{group}} は、アプリケーションのセキュリティグループではなくアドレス範囲 {{cidr}} からの {{service}} を許可しています{{via}}。',
        world: 'DB インスタンス {{db}} のセキュリティグループ {{group}} は、インターネット全体 ({{cidr}}) からの {{service}} を許可しています{{via}}。',
      },
    },
  },
  entity: 'DbInstance',
  reads: ['securityGroups', 'port'],
  check(db, context) {
    for (const group of db.securityGroups) {
      for (const rule of group.rules) {
        const cidr = rule.cidrIpv4 ?? rule.cidrIpv6;
        if (rule.direction !== 'ingress' || !cidr || isSingleHost(cidr) || !reaches(rule, db.port)) continue;
        const world = isWorldCidr(cidr);
        if (world && reportedAsWorldOpen(rule)) continue;
        context.report({
          messageId: world ? 'world' : 'range',
          data: {
            // A template ingress on a group outside the template is named by the group's id.
            group: group.source === 'template' ? group.groupId : group.displayName,
            db: db.displayName,
            service:
              db.port === undefined
                ? texts({ en: 'every port', ja: 'すべてのポート' })
                : texts({ en: `${engineLabel(db.engine)} port ${db.port}`, ja: `${engineLabel(db.engine)} のポート ${db.port}` }),
            cidr: cidr.trim(),
            via: viaText(rule.via),
          },
          location: rule.location,
        });
      }
    }
  },
});
