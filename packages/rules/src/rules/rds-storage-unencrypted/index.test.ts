import { fileURLToPath } from 'node:url';
import { fixtureTests, ruleTester } from '../../../../../test/rule-tester.js';
import { DB_CLUSTER, DB_INSTANCE, dbClustersSnapshot, dbInstancesSnapshot } from '../../../../../test/snapshot-builder.js';
import rule from './index.js';

/** A template with one DB instance `Db` (line 3 + the lines of `extra`, column 3) whose properties start two lines below it, at column 7. */
function db(props: string, extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${extra}Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
${props
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;
}

/** A template with a DB cluster `Cluster` (line 2, column 3; its properties from line 5, column 7) and one instance `Writer` of it. */
function cluster(props: string, type = 'AWS::RDS::DBCluster'): string {
  return `Resources:
  Cluster:
    Type: ${type}
    Properties:
${props
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBInstanceClass: db.r7g.large
      DBClusterIdentifier: !Ref Cluster
`;
}
const USE_SNAPSHOT = "Parameters:\n  SnapshotId:\n    Type: String\n    Default: ''\nConditions:\n  UseSnapshot: !Not [!Equals [!Ref SnapshotId, '']]\n";

ruleTester.run(rule, {
  valid: [
    { name: 'a cluster with StorageEncrypted true', template: cluster('Engine: aurora-mysql\nStorageEncrypted: true') },
    { name: 'a cluster naming a KMS key', template: cluster('Engine: aurora-mysql\nKmsKeyId: alias/aws/rds') },
    {
      name: 'a cluster restored from a snapshot takes its encryption',
      template: cluster('Engine: aurora-mysql\nSnapshotIdentifier: arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:s'),
    },
    {
      name: 'a clone of another cluster takes its encryption',
      template: cluster('Engine: aurora-mysql\nSourceDBClusterIdentifier: orders\nRestoreType: copy-on-write'),
    },
    { name: 'Aurora Serverless v1 is always encrypted', template: cluster('Engine: aurora-mysql\nEngineMode: serverless') },
    {
      name: 'a global database made from a cluster takes its encryption; the encrypted source is fine',
      template: `Resources:
  Global:
    Type: AWS::RDS::GlobalCluster
    Properties:
      SourceDBClusterIdentifier: !Ref Primary
  Primary:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      StorageEncrypted: true
`,
    },
    {
      name: 'a secondary cluster of a global database takes its encryption',
      template: cluster('Engine: aurora-postgresql\nGlobalClusterIdentifier: ledger'),
    },
    { name: 'StorageEncrypted true (checkov PASSED)', template: db("Engine: 'mysql'\nStorageEncrypted: true") },
    { name: "StorageEncrypted 'true' as a string", template: db("Engine: postgres\nStorageEncrypted: 'true'") },
    { name: 'a KMS key without StorageEncrypted asks for encryption', template: db('Engine: postgres\nKmsKeyId: !Ref DatabaseKey') },
    {
      name: 'Aurora engines take encryption from the cluster (checkov UNKNOWN)',
      template: `Resources:
  MyDBAurora0:
    Type: 'AWS::RDS::DBInstance'
    Properties:
      Engine: 'aurora'
  MyDBAurora1:
    Type: 'AWS::RDS::DBInstance'
    Properties:
      Engine: 'aurora-mysql'
  MyDBAurora2:
    Type: 'AWS::RDS::DBInstance'
    Properties:
      Engine: 'aurora-postgresql'
`,
    },
    {
      name: 'a cluster member with StorageEncrypted false inherits from the cluster (cfn_nag)',
      filename: 'template.json',
      template:
        '{"Resources": {"MyDB": {"Type": "AWS::RDS::DBInstance", "Properties": {"DBClusterIdentifier": "clusterId", "Engine": "MySQL", "StorageEncrypted": "false"}}}}',
    },
    { name: 'a restore from a snapshot inherits its encryption', template: db('DBSnapshotIdentifier: orders-final\nDBInstanceClass: db.m7g.large') },
    { name: 'a restore ignores StorageEncrypted', template: db('DBSnapshotIdentifier: orders-final\nStorageEncrypted: false') },
    { name: 'a replica of an instance outside the template', template: db('SourceDBInstanceIdentifier: orders\nDBInstanceClass: db.m7g.large') },
    {
      name: 'a replica of an encrypted instance in the template',
      template: db('Engine: mysql\nStorageEncrypted: true').replace(
        /$/,
        '  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Db\n',
      ),
    },
    {
      name: 'a point-in-time restore from automated backups',
      template: db('SourceDBInstanceAutomatedBackupsArn: arn:aws:rds:eu-west-1:123456789012:auto-backup:ab-1'),
    },
    {
      name: 'a parameter without a default is unknown',
      template: db('Engine: mysql\nStorageEncrypted: !Ref Encrypt', 'Parameters:\n  Encrypt:\n    Type: String\n'),
    },
  ],
  invalid: [
    {
      name: 'a cluster leaving StorageEncrypted out, at the cluster, naming its instance; the instance is not reported',
      template: cluster('Engine: aurora-mysql'),
      errors: [
        {
          messageId: 'clusterDefaultUnencrypted',
          line: 2,
          column: 3,
          message: 'DB cluster Cluster (instance Writer) does not set StorageEncrypted, so its storage, backups and snapshots are not encrypted.',
        },
      ],
    },
    {
      name: 'a cluster with StorageEncrypted false, at the value',
      template: cluster('Engine: aurora-postgresql\nStorageEncrypted: false'),
      errors: [{ messageId: 'clusterUnencrypted', line: 6, column: 25, data: { db: 'Cluster', members: ' (instance Writer)' } }],
    },
    {
      name: 'a global database without a source cluster and without StorageEncrypted, naming the clusters in it',
      template: `Resources:
  Global:
    Type: AWS::RDS::GlobalCluster
    Properties:
      Engine: aurora-postgresql
  Secondary:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      GlobalClusterIdentifier: !Ref Global
`,
      errors: [{ messageId: 'globalDefaultUnencrypted', line: 2, column: 3, data: { db: 'Global', members: ' (cluster Secondary)' } }],
    },
    {
      name: 'a global database with StorageEncrypted false',
      template: cluster('Engine: aurora-mysql\nStorageEncrypted: false', 'AWS::RDS::GlobalCluster').replace(/ {2}Writer:[\s\S]*/, ''),
      errors: [{ messageId: 'globalUnencrypted', line: 6, column: 25 }],
    },
    {
      name: 'an unencrypted account cluster, at the cluster, naming its instances; its instances are not reported',
      snapshot: dbClustersSnapshot(
        [
          {
            DBClusterIdentifier: 'events',
            Engine: 'aurora-mysql',
            StorageEncrypted: false,
            DBClusterMembers: [{ DBInstanceIdentifier: 'events-1' }, { DBInstanceIdentifier: 'events-2' }],
          },
          { DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql', StorageEncrypted: true },
        ],
        [
          { DBInstanceIdentifier: 'events-1', Engine: 'aurora-mysql', DBClusterIdentifier: 'events', StorageEncrypted: false },
          { DBInstanceIdentifier: 'events-2', Engine: 'aurora-mysql', DBClusterIdentifier: 'events', StorageEncrypted: false },
        ],
      ),
      errors: [{ messageId: 'clusterUnencrypted', at: DB_CLUSTER(0), data: { db: 'events', members: ' (instances events-1, events-2)' } }],
    },
    {
      name: 'left out and false (checkov FAIL)',
      template: `Resources:
  MyDB0:
    Type: 'AWS::RDS::DBInstance'
    Properties:
      DBName: 'mydb'
      Engine: 'mysql'
  MyDB1:
    Type: 'AWS::RDS::DBInstance'
    Properties:
      DBName: 'mydb'
      Engine: 'mysql'
      StorageEncrypted: false
`,
      errors: [
        { messageId: 'defaultUnencrypted', line: 2, column: 3, data: { db: 'MyDB0', via: '' } },
        { messageId: 'unencrypted', line: 12, column: 25, data: { db: 'MyDB1', via: '' } },
      ],
    },
    {
      name: "StorageEncrypted 'false' as a string (cfn_nag F26, JSON)",
      filename: 'template.json',
      template: `{
  "Resources": {
    "MyDB" : {
      "Type" : "AWS::RDS::DBInstance",
      "Properties" : {
        "Engine" : "MySQL",
        "StorageEncrypted": "false"
      }
    }
  }
}
`,
      errors: [{ messageId: 'unencrypted', line: 7, column: 29, data: { db: 'MyDB' } }],
    },
    {
      name: 'a replica of an unencrypted instance in the template',
      template: db('Engine: mysql').replace(/$/, '  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Db\n'),
      errors: [
        { messageId: 'defaultUnencrypted', line: 3, column: 3, data: { db: 'Db' } },
        { messageId: 'inheritedUnencrypted', line: 7, column: 3, data: { db: 'Replica', source: 'Db', via: '' } },
      ],
    },
    {
      name: 'restored from a snapshot only when a condition holds',
      template: db('Engine: postgres\nDBSnapshotIdentifier: !If [UseSnapshot, !Ref SnapshotId, !Ref AWS::NoValue]', USE_SNAPSHOT),
      errors: [{ messageId: 'defaultUnencrypted', line: 9, column: 3, data: { via: ' (when condition UseSnapshot is false)' } }],
    },
    {
      name: 'false on one branch of Fn::If',
      template: db('Engine: postgres\nStorageEncrypted: !If [IsProd, true, false]', 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n'),
      errors: [{ messageId: 'unencrypted', line: 9, column: 44, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a parameter whose default is false',
      template: db('Engine: postgres\nStorageEncrypted: !Ref Encrypt', "Parameters:\n  Encrypt:\n    Type: String\n    Default: 'false'\n"),
      errors: [{ messageId: 'unencrypted', line: 11, column: 25, data: { via: ' (default of parameter Encrypt)' } }],
    },
    {
      name: 'an unencrypted account instance, at the instance; encrypted ones and cluster members are not reported',
      snapshot: dbInstancesSnapshot([
        { DBInstanceIdentifier: 'orders', Engine: 'mysql', StorageEncrypted: false },
        { DBInstanceIdentifier: 'billing', Engine: 'postgres', StorageEncrypted: true },
        { DBInstanceIdentifier: 'analytics-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'analytics', StorageEncrypted: false },
      ]),
      errors: [
        {
          messageId: 'unencrypted',
          at: DB_INSTANCE(0),
          message: 'DB instance orders has StorageEncrypted set to false: its storage, backups and snapshots are not encrypted.',
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
