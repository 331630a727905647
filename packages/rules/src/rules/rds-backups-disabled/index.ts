import { defineRule, isClusterMember } from '@mamori/core';
import { membersText } from '../../support/clusters.js';
import { propertyFix } from '../../support/fixes.js';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM604',
  name: 'rds-backups-disabled',
  title: 'RDS DB instance or cluster has automated backups turned off',
  description:
    'An RDS DB instance or DB cluster has a backup retention period of 0 days, which turns off automated backups and point-in-time recovery. Read replicas are not reported: their source keeps the backups; cluster members are judged once, through their cluster.',
  severity: 'warning',
  securitySeverity: 5.0,
  area: 'resilience',
  tags: ['resilience', 'rds', 'backup'],
  compliance: { fsbp: ['RDS.11'] },
  covers: { prowler: ['rds_instance_backup_enabled'] },
  fixable: true,
  docs: {
    risk: `With \`BackupRetentionPeriod: 0\` RDS takes no daily snapshots and keeps no transaction logs, so a
dropped table, a bad migration, corrupted data or ransomware cannot be undone by restoring to a
point in time. Only manual snapshots remain, if anyone took them. Setting the period to 0 on an
existing instance also deletes its existing automated backups.

CloudFormation keeps backups for one day when the property is left out, so only an explicit 0 (or a
parameter or condition that gives 0) is reported. Read replicas start with backups off and are not
reported; the source instance keeps the backups.

Aurora and Multi-AZ DB clusters hold the retention for their instances, and RDS keeps at least one
day for them: their backups cannot be turned off. A cluster is reported only when it is given 0
anyway (a template writing 0, which RDS refuses when the stack deploys, or an account answering 0),
once, naming its instances; its instances are not reported.`,
    fix: `Keep automated backups for at least a week (up to 35 days), and test restores.

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    BackupRetentionPeriod: 7
    PreferredBackupWindow: '03:00-04:00'
\`\`\`

In the console: RDS → Databases → the instance → Modify → Backup → Backup retention period. With the
CLI: \`aws rds modify-db-instance --db-instance-identifier mydb --backup-retention-period 7 --apply-immediately\`.`,
  },
  messages: {
    disabled: 'DB instance {{db}} has BackupRetentionPeriod 0{{via}}: automated backups and point-in-time recovery are turned off.',
    clusterDisabled: 'DB cluster {{db}}{{members}} has BackupRetentionPeriod 0{{via}}: automated backups and point-in-time recovery are turned off.',
  },
  translations: {
    ja: {
      title: 'RDS DB インスタンスまたはクラスターの自動バックアップが無効',
      description:
        'RDS DB インスタンスまたは DB クラスターのバックアップ保持期間が 0 日で、自動バックアップとポイントインタイムリカバリがオフになっています。リードレプリカは報告しません (ソースがバックアップを保持します)。クラスターのメンバーはクラスターを通じて 1 回だけ判定します。',
      docs: {
        risk: `\`BackupRetentionPeriod: 0\` では、RDS は日次のスナップショットを取らず、トランザクションログも保持しません。そのため、削除したテーブル、誤ったマイグレーション、破損したデータ、ランサムウェアを、ある時点への復元で元に戻せません。残るのは、誰かが取っていれば手動のスナップショットだけです。既存のインスタンスで期間を 0 にすると、既存の自動バックアップも削除されます。

CloudFormation はプロパティを省略するとバックアップを 1 日保持するため、明示的な 0 (または 0 を与えるパラメータや条件) だけを報告します。リードレプリカはバックアップがオフの状態で始まるため報告しません。バックアップはソースのインスタンスが保持します。

Aurora とマルチ AZ DB クラスターはインスタンスの保持期間をクラスターで持ち、RDS は少なくとも 1 日保持するため、バックアップをオフにできません。クラスターは、それでも 0 が与えられた場合 (テンプレートが 0 を書き、スタックのデプロイ時に RDS が拒否する場合や、アカウントが 0 と答える場合) にだけ、インスタンスを挙げて 1 回報告し、そのインスタンスは報告しません。`,
        fix: `自動バックアップを少なくとも 1 週間 (最大 35 日) 保持し、復元を試しておきます。

\`\`\`yaml
Database:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.m7g.large
    AllocatedStorage: 100
    BackupRetentionPeriod: 7
    PreferredBackupWindow: '03:00-04:00'
\`\`\`

コンソールでは: RDS → データベース → 対象のインスタンス → 変更 → バックアップ → バックアップ保持期間。CLI では: \`aws rds modify-db-instance --db-instance-identifier mydb --backup-retention-period 7 --apply-immediately\`。`,
      },
      messages: {
        disabled: 'DB インスタンス {{db}} は BackupRetentionPeriod が 0 です{{via}}。自動バックアップとポイントインタイムリカバリが無効になっています。',
        clusterDisabled:
          'DB クラスター {{db}}{{members}} は BackupRetentionPeriod が 0 です{{via}}。自動バックアップとポイントインタイムリカバリが無効になっています。',
      },
    },
  },
  entity: ['DbInstance', 'DbCluster'],
  reads: ['backupRetentionPeriod', 'clusterId', 'engine', 'readReplicaSource'],
  check(db, context) {
    if (db.kind === 'DbCluster') {
      if (db.backupRetentionPeriod !== 0) return;
      const source = db.settingSources?.backupRetentionPeriod;
      context.report({
        messageId: 'clusterDisabled',
        data: { db: db.displayName, members: membersText(db), via: viaText(source?.via) },
        location: settingLocation(db, source),
        fix: propertyFix(db, 'BackupRetentionPeriod', 7),
      });
      return;
    }
    if (db.backupRetentionPeriod !== 0 || isClusterMember(db) || db.readReplicaSource !== undefined) return;
    const source = db.settingSources?.backupRetentionPeriod;
    context.report({
      messageId: 'disabled',
      data: { db: db.displayName, via: viaText(source?.via) },
      location: settingLocation(db, source),
      fix: propertyFix(db, 'BackupRetentionPeriod', 7),
    });
  },
});
