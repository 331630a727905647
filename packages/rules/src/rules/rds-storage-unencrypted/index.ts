import { defineRule, isClusterMember } from '@mamori/core';
import { membersText } from '../../support/clusters.js';
import { propertyFix } from '../../support/fixes.js';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM603',
  name: 'rds-storage-unencrypted',
  title: 'RDS DB instance or cluster storage is not encrypted',
  description:
    'An RDS DB instance, or a DB cluster (Aurora, Multi-AZ DB cluster, Aurora global database) with all its instances, stores its data, logs, backups and snapshots unencrypted. A KMS key, a restore from a snapshot and a read replica of an encrypted source count as encrypted; cluster members are judged once, through their cluster.',
  severity: 'warning',
  securitySeverity: 6.0,
  area: 'resilience',
  tags: ['rds', 'encryption', 'data-protection'],
  compliance: { fsbp: ['RDS.3'], cis: ['2.3.1'] },
  covers: { checkov: ['CKV_AWS_16'], cfnNag: ['F26'], prowler: ['rds_instance_storage_encrypted'] },
  fixable: true,
  docs: {
    risk: `Without storage encryption the instance's volumes, its automated backups, its snapshots and its
read replicas hold the data in clear. A snapshot shared with the wrong account, or copied out by
someone who may read snapshots but not the database, exposes everything in it. Encryption with KMS
adds a second permission (use of the key) that such copies also need, and it is what most
compliance regimes expect for data at rest.

Encryption can only be chosen when an instance is created: an unencrypted instance must be copied
through an encrypted snapshot to become encrypted. CloudFormation creates unencrypted instances
unless \`StorageEncrypted\` is \`true\`. Naming a \`KmsKeyId\` asks for encryption; restores and read
replicas inherit it from their snapshot or source and are judged by that source when it is in the
same template.

A DB cluster (Aurora, or a Multi-AZ DB cluster) holds the setting for all its instances: the cluster
is reported once, naming its instances, and the instances are not reported again. A cluster restored
from a snapshot, cloned from another cluster or added to a global database takes its encryption from
that source; Aurora Serverless v1 clusters are always encrypted. An \`AWS::RDS::GlobalCluster\` that
names no \`SourceDBClusterIdentifier\` is reported when it leaves \`StorageEncrypted\` out or false:
the clusters created in it inherit it.`,
    fix: `Set \`StorageEncrypted: true\`, optionally with your own KMS key. For an existing instance this
replaces it: take a snapshot, copy it with encryption, restore from the copy (or set
\`DBSnapshotIdentifier\` to the encrypted copy), then switch the application over.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey
\`\`\`

With the CLI: \`aws rds create-db-snapshot\`, then
\`aws rds copy-db-snapshot --source-db-snapshot-identifier mydb-snap --target-db-snapshot-identifier mydb-snap-enc --kms-key-id alias/aws/rds\`,
then \`aws rds restore-db-instance-from-db-snapshot\` from the encrypted copy.`,
  },
  messages: {
    unencrypted: 'DB instance {{db}} has StorageEncrypted set to false{{via}}: its storage, backups and snapshots are not encrypted.',
    defaultUnencrypted: 'DB instance {{db}} does not set StorageEncrypted, so its storage, backups and snapshots are not encrypted{{via}}.',
    inheritedUnencrypted:
      'DB instance {{db}} is a copy of {{source}}, which is not encrypted{{via}}, so its storage, backups and snapshots are not encrypted either.',
    clusterUnencrypted: 'DB cluster {{db}}{{members}} has StorageEncrypted set to false{{via}}: its storage, backups and snapshots are not encrypted.',
    clusterDefaultUnencrypted: 'DB cluster {{db}}{{members}} does not set StorageEncrypted, so its storage, backups and snapshots are not encrypted{{via}}.',
    globalUnencrypted: 'Aurora global database {{db}}{{members}} has StorageEncrypted set to false{{via}}: the clusters created in it are not encrypted.',
    globalDefaultUnencrypted:
      'Aurora global database {{db}}{{members}} sets neither StorageEncrypted nor a source cluster, so the clusters created in it are not encrypted{{via}}.',
  },
  translations: {
    ja: {
      title: 'RDS DB インスタンスまたはクラスターのストレージが暗号化されていない',
      description:
        'RDS DB インスタンス、または DB クラスター (Aurora、マルチ AZ DB クラスター、Aurora グローバルデータベース) とそのすべてのインスタンスが、データ、ログ、バックアップ、スナップショットを暗号化せずに保存しています。KMS キー、スナップショットからの復元、暗号化されたソースのリードレプリカは暗号化されているとみなします。クラスターのメンバーはクラスターを通じて 1 回だけ判定します。',
      docs: {
        risk: `ストレージの暗号化がなければ、インスタンスのボリューム、自動バックアップ、スナップショット、リードレプリカはデータを平文で保持します。誤ったアカウントと共有したスナップショットや、データベースは読めなくてもスナップショットは読める人が持ち出したコピーから、中身がすべて露出します。KMS による暗号化は、そうしたコピーにも必要となる 2 つ目の権限 (キーの使用) を加えるもので、ほとんどのコンプライアンス制度が保管データに求めるものです。

暗号化はインスタンスの作成時にしか選べません。暗号化されていないインスタンスを暗号化するには、暗号化したスナップショットを通じてコピーする必要があります。CloudFormation は \`StorageEncrypted\` が \`true\` でない限り、暗号化されていないインスタンスを作成します。\`KmsKeyId\` を指定すると暗号化を求めたことになります。復元とリードレプリカは暗号化をスナップショットやソースから引き継ぎ、ソースが同じテンプレートにあればそのソースで判定します。

DB クラスター (Aurora またはマルチ AZ DB クラスター) はすべてのインスタンスの設定をクラスターで持ちます。クラスターをインスタンスを挙げて 1 回報告し、インスタンスは改めて報告しません。スナップショットから復元したクラスター、別のクラスターからクローンしたクラスター、グローバルデータベースに追加したクラスターは、暗号化をそのソースから引き継ぎます。Aurora Serverless v1 のクラスターは常に暗号化されています。\`SourceDBClusterIdentifier\` を指定しない \`AWS::RDS::GlobalCluster\` は、\`StorageEncrypted\` を省略するか false にすると報告します。その中に作成されるクラスターがそれを引き継ぐためです。`,
        fix: `\`StorageEncrypted: true\` を設定します。必要なら独自の KMS キーも指定します。既存のインスタンスでは置き換えになります: スナップショットを取り、暗号化してコピーし、そのコピーから復元して (または \`DBSnapshotIdentifier\` に暗号化したコピーを指定して)、アプリケーションを切り替えます。

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey
\`\`\`

CLI では: \`aws rds create-db-snapshot\` のあと \`aws rds copy-db-snapshot --source-db-snapshot-identifier mydb-snap --target-db-snapshot-identifier mydb-snap-enc --kms-key-id alias/aws/rds\`、そのあと暗号化したコピーから \`aws rds restore-db-instance-from-db-snapshot\`。`,
      },
      messages: {
        unencrypted: 'DB インスタンス {{db}} は StorageEncrypted が false です{{via}}。ストレージ、バックアップ、スナップショットが暗号化されません。',
        defaultUnencrypted:
          'DB インスタンス {{db}} は StorageEncrypted を設定していないため、ストレージ、バックアップ、スナップショットが暗号化されません{{via}}。',
        inheritedUnencrypted:
          'DB インスタンス {{db}} は暗号化されていない {{source}} のコピーのため{{via}}、ストレージ、バックアップ、スナップショットも暗号化されません。',
        clusterUnencrypted:
          'DB クラスター {{db}}{{members}} は StorageEncrypted が false です{{via}}。ストレージ、バックアップ、スナップショットが暗号化されません。',
        clusterDefaultUnencrypted:
          'DB クラスター {{db}}{{members}} は StorageEncrypted を設定していないため、ストレージ、バックアップ、スナップショットが暗号化されません{{via}}。',
        globalUnencrypted:
          'Aurora グローバルデータベース {{db}}{{members}} は StorageEncrypted が false です{{via}}。その中に作成されるクラスターは暗号化されません。',
        globalDefaultUnencrypted:
          'Aurora グローバルデータベース {{db}}{{members}} は StorageEncrypted もソースクラスターも設定していないため、その中に作成されるクラスターは暗号化されません{{via}}。',
      },
    },
  },
  entity: ['DbInstance', 'DbCluster'],
  reads: ['storageEncrypted', 'clusterId', 'engine'],
  check(db, context) {
    if (db.kind === 'DbCluster') {
      if (db.storageEncrypted !== false) return;
      const source = db.settingSources?.storageEncrypted;
      const global = db.resourceType === 'GlobalCluster';
      context.report({
        messageId: source?.defaulted
          ? global
            ? 'globalDefaultUnencrypted'
            : 'clusterDefaultUnencrypted'
          : global
            ? 'globalUnencrypted'
            : 'clusterUnencrypted',
        data: { db: db.displayName, members: membersText(db), via: viaText(source?.via) },
        location: settingLocation(db, source),
        fix: propertyFix(db, 'StorageEncrypted', true),
      });
      return;
    }
    if (db.storageEncrypted !== false || isClusterMember(db)) return;
    const source = db.settingSources?.storageEncrypted;
    const data = { db: db.displayName, via: viaText(source?.via) };
    context.report({
      ...(source?.inheritedFrom
        ? { messageId: 'inheritedUnencrypted', data: { ...data, source: source.inheritedFrom } }
        : // A copy's encryption is its source's: nothing to write on the copy itself.
          { messageId: source?.defaulted ? 'defaultUnencrypted' : 'unencrypted', data, fix: propertyFix(db, 'StorageEncrypted', true) }),
      location: settingLocation(db, source),
    });
  },
});
