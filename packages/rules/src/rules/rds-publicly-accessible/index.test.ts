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
const IS_PROD = 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n';
const PUBLIC_PARAM = "Parameters:\n  Public:\n    Type: String\n    Default: 'true'\n";

ruleTester.run(rule, {
  valid: [
    { name: 'an Aurora cluster is not public itself: its instances say so', template: cluster('Engine: aurora-mysql\nPubliclyAccessible: true') },
    {
      name: 'a Multi-AZ DB cluster in a DB subnet group, PubliclyAccessible left out',
      template: cluster('Engine: postgres\nDBClusterInstanceClass: db.m6gd.large\nDBSubnetGroupName: private').replace(/ {2}Writer:[\s\S]*/, ''),
    },
    { name: 'PubliclyAccessible false (checkov PASSED-2)', template: db("Engine: 'mysql'\nPubliclyAccessible: false") },
    {
      name: "a replica with PubliclyAccessible 'false' (cfn_nag, JSON)",
      filename: 'template.json',
      template:
        '{"Resources": {"PublicDB": {"Type": "AWS::RDS::DBInstance", "Properties": {"SourceDBInstanceIdentifier": "sampleDbInstance", "PubliclyAccessible": "false"}}}}',
    },
    { name: 'left out with a DB subnet group: the VPC decides', template: db('Engine: postgres\nDBSubnetGroupName: !Ref DbSubnets') },
    {
      name: 'left out with a DB subnet group from a parameter',
      template: db('Engine: postgres\nDBSubnetGroupName: !Ref SubnetGroupName', 'Parameters:\n  SubnetGroupName:\n    Type: String\n'),
    },
    {
      name: "a replica left to the default lives in its source's DB subnet group",
      template: db('Engine: mysql\nDBSubnetGroupName: dbs\nPubliclyAccessible: false').replace(
        /$/,
        '  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Db\n',
      ),
    },
    { name: 'left out on an Aurora cluster member', template: db('Engine: aurora-postgresql\nDBClusterIdentifier: !Ref Cluster') },
    { name: 'left out on an Aurora instance without a cluster id', template: db('Engine: aurora-mysql\nDBInstanceClass: db.r7g.large') },
    {
      name: 'a parameter without a default is unknown',
      template: db('Engine: mysql\nDBSubnetGroupName: dbs\nPubliclyAccessible: !Ref Public', 'Parameters:\n  Public:\n    Type: String\n'),
    },
    {
      name: 'a parameter default overridden at deploy time',
      template: db('Engine: mysql\nDBSubnetGroupName: dbs\nPubliclyAccessible: !Ref Public', PUBLIC_PARAM),
      parameters: { Public: 'false' },
    },
  ],
  invalid: [
    {
      name: 'a Multi-AZ DB cluster with PubliclyAccessible true, at the value',
      template: cluster('Engine: postgres\nDBClusterInstanceClass: db.m6gd.large\nDBSubnetGroupName: public\nPubliclyAccessible: true').replace(
        / {2}Writer:[\s\S]*/,
        '',
      ),
      errors: [{ messageId: 'clusterPublic', line: 8, column: 27, data: { db: 'Cluster' } }],
    },
    {
      name: 'a Multi-AZ DB cluster without a DB subnet group is created public in the default VPC',
      template: cluster('Engine: mysql\nDBClusterInstanceClass: db.m6gd.large').replace(/ {2}Writer:[\s\S]*/, ''),
      errors: [{ messageId: 'clusterDefaultPublic', line: 2, column: 3 }],
    },
    {
      name: 'an account Multi-AZ DB cluster whose instances are not listed; with instances listed, they are reported instead',
      snapshot: dbClustersSnapshot(
        [
          { DBClusterIdentifier: 'ledger', Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', PubliclyAccessible: true },
          { DBClusterIdentifier: 'audit', Engine: 'mysql', DBClusterInstanceClass: 'db.m6gd.large', PubliclyAccessible: true },
        ],
        [{ DBInstanceIdentifier: 'audit-1', Engine: 'mysql', DBClusterIdentifier: 'audit', PubliclyAccessible: true }],
      ),
      errors: [
        { messageId: 'public', at: DB_INSTANCE(0), data: { db: 'audit-1' } },
        { messageId: 'clusterPublic', at: DB_CLUSTER(0), data: { db: 'ledger' } },
      ],
    },
    {
      name: 'PubliclyAccessible true (checkov FAIL)',
      template: db("DBName: 'mydb'\nEngine: 'mysql'\nPubliclyAccessible: true"),
      errors: [{ messageId: 'public', line: 8, column: 27, data: { db: 'Db', via: '' } }],
    },
    {
      name: 'a replica with PubliclyAccessible true (cfn_nag F22, JSON)',
      filename: 'template.json',
      template: `{
  "Resources": {
    "PublicDB": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "SourceDBInstanceIdentifier": "sampleDbInstance",
        "PubliclyAccessible": true
      }
    }
  }
}
`,
      errors: [{ messageId: 'public', line: 7, column: 31, data: { db: 'PublicDB' } }],
    },
    {
      name: 'left out with no DB subnet group: public in the default VPC',
      template: db("DBName: 'mydb'\nDBInstanceClass: 'db.t3.micro'\nEngine: 'mysql'"),
      errors: [{ messageId: 'defaultPublic', line: 3, column: 3, data: { db: 'Db', via: '' } }],
    },
    {
      name: 'a replica left to the default with no DB subnet group (cfn_nag AmbiguousDb)',
      filename: 'template.json',
      template:
        '{\n  "Resources": {\n    "AmbiguousDb": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "SourceDBInstanceIdentifier": "sampleDbInstance"\n      }\n    }\n  }\n}\n',
      errors: [{ messageId: 'defaultPublic', line: 3, column: 5, data: { db: 'AmbiguousDb' } }],
    },
    {
      name: 'an Aurora member made public explicitly',
      template: db('Engine: aurora-mysql\nDBClusterIdentifier: !Ref Cluster\nPubliclyAccessible: "true"'),
      errors: [{ messageId: 'public', line: 8, column: 27 }],
    },
    {
      name: 'true on one branch of Fn::If',
      template: db('Engine: mysql\nDBSubnetGroupName: dbs\nPubliclyAccessible: !If [IsProd, false, true]', IS_PROD),
      errors: [{ messageId: 'public', line: 10, column: 47, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a DB subnet group on one branch only',
      template: db('Engine: mysql\nDBSubnetGroupName: !If [IsProd, !Ref DbSubnets, !Ref AWS::NoValue]', IS_PROD),
      errors: [{ messageId: 'defaultPublic', line: 5, column: 3, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a parameter whose default is true',
      template: db('Engine: mysql\nDBSubnetGroupName: dbs\nPubliclyAccessible: !Ref Public', PUBLIC_PARAM),
      errors: [{ messageId: 'public', line: 12, column: 27, data: { via: ' (default of parameter Public)' } }],
    },
    {
      name: 'a public account instance, at the instance; private and unknown ones are not reported',
      snapshot: dbInstancesSnapshot([
        { DBInstanceIdentifier: 'orders', Engine: 'mysql', PubliclyAccessible: true },
        { DBInstanceIdentifier: 'billing', Engine: 'postgres', PubliclyAccessible: false },
        { DBInstanceIdentifier: 'unknown', Engine: 'postgres' },
      ]),
      errors: [
        {
          messageId: 'public',
          at: DB_INSTANCE(0),
          message:
            'DB instance orders is publicly accessible: its endpoint resolves to a public IP address and only its security groups keep the internet out.',
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
