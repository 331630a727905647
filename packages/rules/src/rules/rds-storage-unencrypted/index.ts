import { defineRule, isClusterMember } from '@mamori/core';
import { settingLocation, viaText } from '../../support/settings.js';

export default defineRule({
  id: 'MAM603',
  name: 'rds-storage-unencrypted',
  title: 'RDS DB instance storage is not encrypted',
  description:
    'An RDS DB instance stores its data, logs, backups and snapshots unencrypted. A KMS key, a restore from a snapshot and a read replica of an encrypted source count as encrypted; Aurora members take encryption from their cluster.',
  severity: 'warning',
  securitySeverity: 6.0,
  area: 'resilience',
  tags: ['rds', 'encryption', 'data-protection'],
  compliance: { fsbp: ['RDS.3'], cis: ['2.3.1'] },
  covers: { checkov: ['CKV_AWS_16'], cfnNag: ['F26'], prowler: ['rds_instance_storage_encrypted'] },
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
same template.`,
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
  },
  entity: 'DbInstance',
  reads: ['storageEncrypted', 'clusterId', 'engine'],
  check(db, context) {
    if (db.storageEncrypted !== false || isClusterMember(db)) return;
    const source = db.settingSources?.storageEncrypted;
    const data = { db: db.displayName, via: viaText(source?.via) };
    context.report({
      ...(source?.inheritedFrom
        ? { messageId: 'inheritedUnencrypted', data: { ...data, source: source.inheritedFrom } }
        : { messageId: source?.defaulted ? 'defaultUnencrypted' : 'unencrypted', data }),
      location: settingLocation(db, source),
    });
  },
});
