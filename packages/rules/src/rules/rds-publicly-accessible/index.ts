import { defineRule } from '@mamori/core';
import { propertyFix } from '../../support/fixes.js';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM602',
  name: 'rds-publicly-accessible',
  title: 'RDS DB instance or cluster is publicly accessible',
  description:
    'An RDS DB instance has PubliclyAccessible set, or leaves it out without a DB subnet group so that RDS creates it public in the default VPC: its endpoint resolves to a public IP address.',
  severity: 'error',
  securitySeverity: 8.0,
  area: 'network',
  tags: ['network', 'rds', 'exposure'],
  compliance: { fsbp: ['RDS.2'], cis: ['2.3.3'] },
  covers: { checkov: ['CKV_AWS_17'], cfnNag: ['F22'], prowler: ['rds_instance_no_public_access'] },
  fixable: true,
  docs: {
    risk: `A publicly accessible DB instance gets a public IP address and a DNS name that resolves to it from
the internet. Its security groups are then the only barrier between the database and every
scanner on the internet: one rule that admits too wide a range, now or in a later change, exposes
the database to password guessing and to bugs in the database server. Databases almost never need
to be reached from outside their VPC; applications, bastions and VPN users reach them privately.

When \`PubliclyAccessible\` is left out, RDS decides: without a DB subnet group the instance is created
in the account's default VPC, which has an internet gateway, and is made public. With a DB subnet
group the answer depends on that VPC, so mamori does not guess and reports nothing.

Aurora instances, members of a cluster, hold the setting themselves and are reported as instances.
A Multi-AZ DB cluster (\`DBClusterInstanceClass\`) holds it for its instances, which a template does
not describe: the cluster is reported (in an account, its instances are listed and reported
instead, each once).`,
    fix: `Set \`PubliclyAccessible: false\` and place the instance in private subnets with a DB subnet group.
Reach it from the application's security group, through a bastion or Session Manager port
forwarding, or over a VPN.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: mysql
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: 20
    PubliclyAccessible: false
    DBSubnetGroupName: !Ref PrivateDbSubnetGroup
    VPCSecurityGroups:
      - !GetAtt DatabaseSecurityGroup.GroupId
\`\`\`

In the console: RDS → Databases → the instance → Modify → Connectivity → Additional configuration →
Not publicly accessible. With the CLI:
\`aws rds modify-db-instance --db-instance-identifier mydb --no-publicly-accessible --apply-immediately\`.`,
  },
  messages: {
    public:
      'DB instance {{db}} is publicly accessible{{via}}: its endpoint resolves to a public IP address and only its security groups keep the internet out.',
    defaultPublic:
      'DB instance {{db}} does not set PubliclyAccessible and names no DB subnet group, so RDS creates it in the default VPC as a publicly accessible instance{{via}}.',
    clusterPublic:
      "Multi-AZ DB cluster {{db}} is publicly accessible{{via}}: its instances' endpoints resolve to public IP addresses and only its security groups keep the internet out.",
    clusterDefaultPublic:
      'Multi-AZ DB cluster {{db}} does not set PubliclyAccessible and names no DB subnet group, so RDS creates its instances in the default VPC as publicly accessible{{via}}.',
  },
  translations: {
    ja: {
      title: 'RDS DB インスタンスまたはクラスターがパブリックアクセス可能',
      description:
        'RDS DB インスタンスで PubliclyAccessible が設定されているか、DB サブネットグループなしで省略されているために RDS がデフォルト VPC にパブリックなインスタンスとして作成します。エンドポイントはパブリック IP アドレスに解決されます。',
      docs: {
        risk: `パブリックアクセス可能な DB インスタンスには、パブリック IP アドレスと、インターネットからそこに解決される DNS 名が与えられます。そうなると、データベースとインターネット上のあらゆるスキャナーとの間にある障壁はセキュリティグループだけです。広すぎる範囲を許可するルールが 1 つあれば、今であれ後の変更であれ、データベースはパスワードの推測やデータベースサーバーのバグにさらされます。データベースが VPC の外から接続される必要はほとんどなく、アプリケーション、踏み台ホスト、VPN のユーザーはプライベートに接続します。

\`PubliclyAccessible\` を省略すると RDS が決めます。DB サブネットグループがなければ、インスタンスはインターネットゲートウェイのあるアカウントのデフォルト VPC に作成され、パブリックになります。DB サブネットグループがあれば、結果はその VPC 次第なので、mamori は推測せず何も報告しません。

クラスターのメンバーである Aurora のインスタンスは自身でこの設定を持ち、インスタンスとして報告します。マルチ AZ DB クラスター (\`DBClusterInstanceClass\`) はインスタンスの設定をクラスターで持ち、テンプレートはそのインスタンスを記述しないため、クラスターを報告します (アカウントでは、代わりにそのインスタンスを一覧して、それぞれ 1 回報告します)。`,
        fix: `\`PubliclyAccessible: false\` を設定し、DB サブネットグループでインスタンスをプライベートサブネットに配置します。アプリケーションのセキュリティグループから、踏み台ホストや Session Manager のポートフォワーディングを通じて、または VPN 経由で接続します。

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: mysql
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: 20
    PubliclyAccessible: false
    DBSubnetGroupName: !Ref PrivateDbSubnetGroup
    VPCSecurityGroups:
      - !GetAtt DatabaseSecurityGroup.GroupId
\`\`\`

コンソールでは: RDS → データベース → 対象のインスタンス → 変更 → 接続 → 追加設定 → パブリックアクセス不可。CLI では: \`aws rds modify-db-instance --db-instance-identifier mydb --no-publicly-accessible --apply-immediately\`。`,
      },
      messages: {
        public:
          'DB インスタンス {{db}} はパブリックアクセス可能です{{via}}。エンドポイントはパブリック IP アドレスに解決され、インターネットからの接続を防いでいるのはセキュリティグループだけです。',
        defaultPublic:
          'DB インスタンス {{db}} は PubliclyAccessible を設定せず DB サブネットグループも指定していないため、RDS はデフォルト VPC にパブリックアクセス可能なインスタンスとして作成します{{via}}。',
        clusterPublic:
          'マルチ AZ DB クラスター {{db}} はパブリックアクセス可能です{{via}}。インスタンスのエンドポイントはパブリック IP アドレスに解決され、インターネットからの接続を防いでいるのはセキュリティグループだけです。',
        clusterDefaultPublic:
          'マルチ AZ DB クラスター {{db}} は PubliclyAccessible を設定せず DB サブネットグループも指定していないため、RDS はデフォルト VPC にパブリックアクセス可能なインスタンスを作成します{{via}}。',
      },
    },
  },
  entity: ['DbInstance', 'DbCluster'],
  reads: ['publiclyAccessible'],
  check(db, context) {
    if (db.publiclyAccessible !== true) return;
    const source = db.settingSources?.publiclyAccessible;
    const cluster = db.kind === 'DbCluster';
    context.report({
      messageId: source?.defaulted ? (cluster ? 'clusterDefaultPublic' : 'defaultPublic') : cluster ? 'clusterPublic' : 'public',
      data: { db: db.displayName, via: viaText(source?.via) },
      location: settingLocation(db, source),
      fix: propertyFix(db, 'PubliclyAccessible', false),
    });
  },
});
