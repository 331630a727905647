import { defineRule, isClusterMember } from '@mamori/core';
import { moreText } from '../../lib/text.js';
import { membersText } from '../../support/clusters.js';
import { propertyFix } from '../../support/fixes.js';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM601',
  name: 'rds-not-multi-az',
  title: 'RDS DB instance or cluster runs in a single Availability Zone',
  description:
    'An RDS DB instance is not a Multi-AZ deployment, or a DB cluster has a single instance or all its instances in one Availability Zone, so there is no instance in another zone to fail over to. Cluster members are judged once, through their cluster; SQL Server Express, which cannot be Multi-AZ, is not reported.',
  severity: 'warning',
  securitySeverity: 4.0,
  area: 'resilience',
  tags: ['resilience', 'rds', 'availability'],
  compliance: { fsbp: ['RDS.5'] },
  covers: { checkov: ['CKV_AWS_157'], prowler: ['rds_instance_multi_az'] },
  fixable: true,
  docs: {
    risk: `A single-AZ DB instance lives on one host in one Availability Zone. When that host fails, when
the zone has an outage, and during maintenance such as operating system patches or instance class
changes, the database is unavailable until RDS recovers the instance or you restore it from a
backup, which can take from minutes to hours and can lose the most recent writes.

A Multi-AZ deployment keeps a synchronous standby in another zone and fails over to it
automatically, usually in one or two minutes, without data loss. CloudFormation creates single-AZ
instances unless \`MultiAZ\` is \`true\`.

An Aurora cluster keeps its storage in three zones, but its instances are where it runs: a cluster
with a single instance, or with all its instances in one zone, has no reader in another zone to
promote, and is down until Aurora creates a new instance (often ten minutes or more). Such a cluster
is reported once, naming its instances, which are not reported again. The zones are read from the
instances (their \`AvailabilityZone\`, or the cluster's \`AvailabilityZones\` when it lists a single
zone); a cluster with several instances whose zones the template leaves to RDS, or with no instance
in the template, is not judged. Multi-AZ DB clusters (\`DBClusterInstanceClass\`, a writer and two
readers in three zones) are Multi-AZ by design, and Aurora Serverless v1 clusters, which have no
instances of their own and are moved to another zone by the service, are not reported. SQL Server
Express edition does not support Multi-AZ.`,
    fix: `Set \`MultiAZ: true\` (for a template shared by several environments, on the production branch
of a condition). The change is applied without downtime, though performance can dip while the
standby is created.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    MultiAZ: true
\`\`\`

In the console: RDS → Databases → the instance → Modify → Availability and durability → Create a
standby instance. With the CLI:
\`aws rds modify-db-instance --db-instance-identifier mydb --multi-az --apply-immediately\`.

For an Aurora cluster, add a reader in another zone (an \`AWS::RDS::DBInstance\` with the cluster's
\`DBClusterIdentifier\` and another \`AvailabilityZone\`), or in the console: RDS → Databases → the
cluster → Actions → Add reader; with the CLI:
\`aws rds create-db-instance --db-cluster-identifier orders --db-instance-identifier orders-2 --engine aurora-postgresql --db-instance-class db.r7g.large --availability-zone eu-west-1b\`.`,
  },
  messages: {
    singleAz: 'DB instance {{db}} is not Multi-AZ{{via}}: if its Availability Zone or host fails, the database is down until it is recovered.',
    defaultSingleAz:
      'DB instance {{db}} does not set MultiAZ, so it runs in a single Availability Zone{{via}}: if that zone or its host fails, the database is down until it is recovered.',
    clusterSingleInstance:
      'DB cluster {{db}} has a single instance{{members}}: if its Availability Zone or host fails, the database is down until a new instance is created.',
    clusterOneZone:
      'DB cluster {{db}} has all its instances ({{names}}) in one Availability Zone, {{zone}}: if that zone fails, the database is down until it is recovered.',
    clusterSingleAz:
      'DB cluster {{db}} has no instance in a second Availability Zone{{members}}: if its zone fails, the database is down until it is recovered.',
  },
  translations: {
    ja: {
      title: 'RDS DB インスタンスまたはクラスターが単一のアベイラビリティーゾーンで動いている',
      description:
        'RDS DB インスタンスがマルチ AZ 配置ではないか、DB クラスターのインスタンスが 1 つだけ、またはすべて同じアベイラビリティーゾーンにあるため、フェイルオーバー先となる別のゾーンのインスタンスがありません。クラスターのメンバーはクラスターを通じて 1 回だけ判定します。マルチ AZ にできない SQL Server Express は報告しません。',
      docs: {
        risk: `シングル AZ の DB インスタンスは、1 つのアベイラビリティーゾーンの 1 台のホストで動いています。そのホストに障害が起きたとき、ゾーンが停止したとき、オペレーティングシステムのパッチ適用やインスタンスクラスの変更などのメンテナンス中は、RDS がインスタンスを復旧するかバックアップから復元するまでデータベースを使えません。これには数分から数時間かかり、直近の書き込みが失われることがあります。

マルチ AZ 配置は別のゾーンに同期スタンバイを置き、通常 1～2 分でデータを失わずに自動でフェイルオーバーします。CloudFormation は \`MultiAZ\` が \`true\` でない限りシングル AZ のインスタンスを作成します。

Aurora クラスターはストレージを 3 つのゾーンに置きますが、処理を実行するのはインスタンスです。インスタンスが 1 つだけ、またはすべて同じゾーンにあるクラスターには、昇格させる別のゾーンのリーダーがなく、Aurora が新しいインスタンスを作成するまで (多くの場合 10 分以上) 停止します。そのようなクラスターはインスタンスを挙げて 1 回報告し、インスタンスは改めて報告しません。ゾーンはインスタンスから読み取ります (その \`AvailabilityZone\`、またはクラスターの \`AvailabilityZones\` がゾーンを 1 つだけ挙げている場合はそれ)。テンプレートがゾーンを RDS に任せているインスタンスが複数あるクラスターや、テンプレートにインスタンスがないクラスターは判定しません。マルチ AZ DB クラスター (\`DBClusterInstanceClass\`、3 つのゾーンにライター 1 つとリーダー 2 つ) は設計上マルチ AZ であり、独自のインスタンスを持たずサービスが別のゾーンに移す Aurora Serverless v1 のクラスターも報告しません。SQL Server Express エディションはマルチ AZ に対応していません。`,
        fix: `\`MultiAZ: true\` を設定します (複数の環境で共有するテンプレートでは、条件の本番環境側で)。変更はダウンタイムなしで適用されますが、スタンバイの作成中は性能が下がることがあります。

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    MultiAZ: true
\`\`\`

コンソールでは: RDS → データベース → 対象のインスタンス → 変更 → 可用性と耐久性 → スタンバイインスタンスを作成。CLI では: \`aws rds modify-db-instance --db-instance-identifier mydb --multi-az --apply-immediately\`。

Aurora クラスターでは、別のゾーンにリーダーを追加するか (クラスターの \`DBClusterIdentifier\` と別の \`AvailabilityZone\` を持つ \`AWS::RDS::DBInstance\`)、コンソールで: RDS → データベース → 対象のクラスター → アクション → リーダーの追加。CLI では: \`aws rds create-db-instance --db-cluster-identifier orders --db-instance-identifier orders-2 --engine aurora-postgresql --db-instance-class db.r7g.large --availability-zone eu-west-1b\`。`,
      },
      messages: {
        singleAz:
          'DB インスタンス {{db}} はマルチ AZ ではありません{{via}}。アベイラビリティーゾーンまたはホストに障害が起きると、復旧するまでデータベースが停止します。',
        defaultSingleAz:
          'DB インスタンス {{db}} は MultiAZ を設定していないため、単一のアベイラビリティーゾーンで動いています{{via}}。そのゾーンまたはホストに障害が起きると、復旧するまでデータベースが停止します。',
        clusterSingleInstance:
          'DB クラスター {{db}} のインスタンスは 1 つだけです{{members}}。アベイラビリティーゾーンまたはホストに障害が起きると、新しいインスタンスが作成されるまでデータベースが停止します。',
        clusterOneZone:
          'DB クラスター {{db}} のインスタンス ({{names}}) はすべて 1 つのアベイラビリティーゾーン {{zone}} にあります。そのゾーンに障害が起きると、復旧するまでデータベースが停止します。',
        clusterSingleAz:
          'DB クラスター {{db}} には 2 つ目のアベイラビリティーゾーンのインスタンスがありません{{members}}。そのゾーンに障害が起きると、復旧するまでデータベースが停止します。',
      },
    },
  },
  entity: ['DbInstance', 'DbCluster'],
  reads: ['multiAz', 'clusterId', 'engine'],
  check(db, context) {
    if (db.kind === 'DbCluster') {
      if (db.multiAz !== false) return;
      const zone = db.memberZones?.length === 1 ? db.memberZones[0] : undefined;
      const data = { db: db.displayName, members: membersText(db) };
      if (db.members.length === 1) context.report({ messageId: 'clusterSingleInstance', data });
      else if (zone) context.report({ messageId: 'clusterOneZone', data: { db: db.displayName, names: moreText(db.members, Number.POSITIVE_INFINITY), zone } });
      else context.report({ messageId: 'clusterSingleAz', data });
      return;
    }
    if (db.multiAz !== false || isClusterMember(db)) return;
    // SQL Server Express has no Multi-AZ option.
    if (db.engine?.toLowerCase() === 'sqlserver-ex') return;
    const source = db.settingSources?.multiAz;
    context.report({
      messageId: source?.defaulted ? 'defaultSingleAz' : 'singleAz',
      data: { db: db.displayName, via: viaText(source?.via) },
      location: settingLocation(db, source),
      fix: propertyFix(db, 'MultiAZ', true),
    });
  },
});
