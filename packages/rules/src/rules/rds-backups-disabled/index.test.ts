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
const RETENTION = "Parameters:\n  Retention:\n    Type: Number\n    Default: '0'\n";

ruleTester.run(rule, {
  valid: [
    { name: 'a cluster leaving BackupRetentionPeriod out keeps one day', template: cluster('Engine: aurora-mysql') },
    { name: 'a cluster keeping backups for a week', template: cluster('Engine: aurora-mysql\nBackupRetentionPeriod: 7') },
    {
      name: 'account clusters keep at least a day',
      snapshot: dbClustersSnapshot([{ DBClusterIdentifier: 'events', Engine: 'aurora-mysql', BackupRetentionPeriod: 1 }]),
    },
    { name: 'seven days of backups', template: db('Engine: mysql\nBackupRetentionPeriod: 7') },
    { name: 'left out: CloudFormation keeps one day', template: db('Engine: mysql') },
    { name: 'one day as a string', template: db("Engine: postgres\nBackupRetentionPeriod: '1'") },
    { name: 'a read replica with backups off', template: db('SourceDBInstanceIdentifier: orders\nBackupRetentionPeriod: 0') },
    { name: 'a read replica left to its default', template: db('SourceDBInstanceIdentifier: !Ref Primary') },
    {
      name: 'an Aurora member, whose retention is the cluster’s',
      template: db('Engine: aurora-mysql\nDBClusterIdentifier: !Ref Cluster\nBackupRetentionPeriod: 0'),
    },
    {
      name: 'a parameter without a default is unknown',
      template: db('Engine: mysql\nBackupRetentionPeriod: !Ref Retention', 'Parameters:\n  Retention:\n    Type: Number\n'),
    },
    {
      name: 'a parameter default of 0 overridden at deploy time',
      template: db('Engine: mysql\nBackupRetentionPeriod: !Ref Retention', RETENTION),
      parameters: { Retention: '7' },
    },
  ],
  invalid: [
    {
      name: 'a cluster given BackupRetentionPeriod 0, at the value, naming its instance; the instance is not reported',
      template: cluster('Engine: aurora-mysql\nBackupRetentionPeriod: 0'),
      errors: [
        {
          messageId: 'clusterDisabled',
          line: 6,
          column: 30,
          message: 'DB cluster Cluster (instance Writer) has BackupRetentionPeriod 0: automated backups and point-in-time recovery are turned off.',
        },
      ],
    },
    {
      name: 'an account cluster answering 0, at the cluster',
      snapshot: dbClustersSnapshot(
        [{ DBClusterIdentifier: 'events', Engine: 'aurora-mysql', BackupRetentionPeriod: 0, DBClusterMembers: [{ DBInstanceIdentifier: 'events-1' }] }],
        [{ DBInstanceIdentifier: 'events-1', Engine: 'aurora-mysql', DBClusterIdentifier: 'events', BackupRetentionPeriod: 0 }],
      ),
      errors: [{ messageId: 'clusterDisabled', at: DB_CLUSTER(0), data: { db: 'events', members: ' (instance events-1)' } }],
    },
    {
      name: 'BackupRetentionPeriod 0',
      template: db('Engine: mysql\nBackupRetentionPeriod: 0'),
      errors: [{ messageId: 'disabled', line: 7, column: 30, data: { db: 'Db', via: '' } }],
    },
    {
      name: "'0' as a string in JSON",
      filename: 'template.json',
      template:
        '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": { "Engine": "postgres", "BackupRetentionPeriod": "0" }\n    }\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 5, column: 70, data: { db: 'Db' } }],
    },
    {
      name: 'a parameter whose default is 0',
      template: db('Engine: mysql\nBackupRetentionPeriod: !Ref Retention', RETENTION),
      errors: [{ messageId: 'disabled', line: 11, column: 30, data: { via: ' (default of parameter Retention)' } }],
    },
    {
      name: '0 on one branch of Fn::If',
      template: db('Engine: mysql\nBackupRetentionPeriod: !If [IsProd, 7, 0]', 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n'),
      errors: [{ messageId: 'disabled', line: 9, column: 46, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: '0 for one environment of a mapping',
      template: db(
        'Engine: mysql\nBackupRetentionPeriod: !FindInMap [Environments, !Ref Env, Retention]',
        'Parameters:\n  Env:\n    Type: String\nMappings:\n  Environments:\n    dev: {Retention: 0}\n    prod: {Retention: 14}\n',
      ),
      errors: [{ messageId: 'disabled', line: 14, column: 30, data: { via: ' (parameter Env, mapping Environments.dev)' } }],
    },
    {
      name: 'an account instance without backups, not its read replica nor one with backups',
      snapshot: dbInstancesSnapshot([
        { DBInstanceIdentifier: 'orders', Engine: 'mysql', BackupRetentionPeriod: 0 },
        { DBInstanceIdentifier: 'orders-replica', Engine: 'mysql', BackupRetentionPeriod: 0, ReadReplicaSourceDBInstanceIdentifier: 'orders' },
        { DBInstanceIdentifier: 'billing', Engine: 'postgres', BackupRetentionPeriod: 7 },
      ]),
      errors: [
        {
          messageId: 'disabled',
          at: DB_INSTANCE(0),
          message: 'DB instance orders has BackupRetentionPeriod 0: automated backups and point-in-time recovery are turned off.',
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
