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

/** A template with an Aurora cluster `Cluster` (line 3, column 3) and these instances of it, each `Name: AvailabilityZone` (or `Name:` for none). */
function aurora(instances: Record<string, string | undefined>, clusterProps = 'Engine: aurora-postgresql'): string {
  const members = Object.entries(instances)
    .map(
      ([name, az]) =>
        `  ${name}:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-postgresql\n      DBInstanceClass: db.r7g.large\n      DBClusterIdentifier: !Ref Cluster\n${az ? `      AvailabilityZone: ${az}\n` : ''}`,
    )
    .join('');
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n${clusterProps
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n')}\n${members}`;
}

const IS_PROD = 'Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n';
const ENV = 'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n';

ruleTester.run(rule, {
  valid: [
    { name: 'MultiAZ true', template: db('Engine: mysql\nMultiAZ: true') },
    { name: "MultiAZ 'true' as a string", template: db("Engine: postgres\nMultiAZ: 'true'") },
    { name: 'an Aurora cluster member', template: db('Engine: aurora-mysql\nDBClusterIdentifier: !Ref Cluster') },
    { name: 'an Aurora instance without a cluster id (checkov PASSED-2)', template: db('Engine: aurora-mysql\nDBInstanceClass: db.t3.micro') },
    { name: "engine 'aurora' and 'aurora-postgresql'", template: db('Engine: aurora\nMultiAZ: false').replace('Engine: aurora', 'Engine: aurora-postgresql') },
    { name: 'a Multi-AZ DB cluster member', template: db('Engine: mysql\nDBClusterIdentifier: orders-cluster') },
    { name: 'SQL Server Express, which has no Multi-AZ', template: db('Engine: sqlserver-ex\nMultiAZ: false') },
    { name: 'a parameter without a default is unknown', template: db('Engine: mysql\nMultiAZ: !Ref MultiAz', 'Parameters:\n  MultiAz:\n    Type: String\n') },
    {
      name: 'a parameter default of false overridden at deploy time',
      template: db('Engine: mysql\nMultiAZ: !Ref MultiAz', "Parameters:\n  MultiAz:\n    Type: String\n    Default: 'false'\n"),
      parameters: { MultiAz: 'true' },
    },
    {
      name: 'a condition decided by the values given takes only its branch',
      template: db('Engine: mysql\nMultiAZ: !If [IsProd, true, false]', ENV),
      parameters: { Env: 'prod' },
    },
    { name: 'an Aurora cluster with instances in two zones', template: aurora({ Writer: 'eu-west-1a', Reader: 'eu-west-1b' }) },
    { name: 'an Aurora cluster whose two instances leave their zones to RDS is not judged', template: aurora({ Writer: undefined, Reader: undefined }) },
    { name: 'an Aurora cluster with no instance in the template is not judged', template: aurora({}) },
    {
      name: 'a Multi-AZ DB cluster is Multi-AZ by design',
      template: aurora({}, 'Engine: mysql\nDBClusterInstanceClass: db.m6gd.large\nAllocatedStorage: 100\nStorageType: io1\nIops: 1000'),
    },
    { name: 'Aurora Serverless v1 has no instances to place', template: aurora({}, 'Engine: aurora-mysql\nEngineMode: serverless') },
    {
      name: 'an account cluster whose instances are in two zones',
      snapshot: dbClustersSnapshot(
        [
          {
            DBClusterIdentifier: 'orders',
            Engine: 'aurora-postgresql',
            MultiAZ: true,
            DBClusterMembers: [{ DBInstanceIdentifier: 'orders-1' }, { DBInstanceIdentifier: 'orders-2' }],
          },
        ],
        [
          { DBInstanceIdentifier: 'orders-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', AvailabilityZone: 'eu-west-1a', MultiAZ: false },
          { DBInstanceIdentifier: 'orders-2', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', AvailabilityZone: 'eu-west-1b', MultiAZ: false },
        ],
      ),
    },
    {
      name: 'account clusters without instances, Multi-AZ DB clusters and Aurora Serverless v1 are not reported',
      snapshot: dbClustersSnapshot([
        { DBClusterIdentifier: 'headless', Engine: 'aurora-mysql', MultiAZ: false, DBClusterMembers: [] },
        { DBClusterIdentifier: 'maz', Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', MultiAZ: true },
        { DBClusterIdentifier: 'sls', Engine: 'aurora-mysql', EngineMode: 'serverless', MultiAZ: false },
      ]),
    },
    {
      name: 'an instance whose Condition is false is not created',
      template: `Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
    Properties:
      Engine: mysql
`,
      parameters: { Env: 'dev' },
    },
  ],
  invalid: [
    {
      name: 'MultiAZ left out (checkov FAILED-2): the default is a single zone',
      template: db("DBName: 'mydb-default'\nDBInstanceClass: 'db.t3.micro'\nEngine: 'mysql'"),
      errors: [{ messageId: 'defaultSingleAz', line: 3, column: 3, data: { db: 'Db', via: '' } }],
    },
    {
      name: 'MultiAZ false (checkov FAILED)',
      template: db('Engine: mysql\nMultiAZ: false'),
      errors: [{ messageId: 'singleAz', line: 7, column: 16, data: { db: 'Db', via: '' } }],
    },
    {
      name: "MultiAZ 'false' as a string, engine in capitals",
      template: db("Engine: MySQL\nMultiAZ: 'false'"),
      errors: [{ messageId: 'singleAz', line: 7, column: 16 }],
    },
    {
      name: 'a parameter whose default is false, named in the message',
      template: db('Engine: postgres\nMultiAZ: !Ref MultiAz', "Parameters:\n  MultiAz:\n    Type: String\n    Default: 'false'\n"),
      errors: [{ messageId: 'singleAz', line: 11, column: 16, data: { via: ' (default of parameter MultiAz)' } }],
    },
    {
      name: 'false on one branch of Fn::If, pointed at that branch',
      template: db('Engine: postgres\nMultiAZ: !If [IsProd, true, false]', IS_PROD),
      errors: [{ messageId: 'singleAz', line: 9, column: 35, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'AWS::NoValue on one branch leaves the default',
      template: db('Engine: postgres\nMultiAZ: !If [IsProd, true, !Ref AWS::NoValue]', IS_PROD),
      errors: [{ messageId: 'defaultSingleAz', line: 9, column: 16, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a condition decided false by the values given',
      template: db('Engine: mariadb\nMultiAZ: !If [IsProd, true, false]', ENV),
      parameters: { Env: 'dev' },
      errors: [{ messageId: 'singleAz', line: 12, column: 35, data: { via: ' (when condition IsProd is false)' } }],
    },
    {
      name: 'a read replica is judged like any instance',
      template: db('SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:123456789012:db:orders\nDBInstanceClass: db.t3.micro'),
      errors: [{ messageId: 'defaultSingleAz', line: 3, column: 3 }],
    },
    {
      name: 'JSON template with two instances, one of them Multi-AZ',
      filename: 'template.json',
      template: `{
  "Resources": {
    "Primary": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "oracle-ee", "MultiAZ": "true" } },
    "Reporting": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "oracle-ee", "MultiAZ": false } }
  }
}
`,
      errors: [{ messageId: 'singleAz', line: 4, column: 102, data: { db: 'Reporting' } }],
    },
    {
      name: 'an Aurora cluster with a single instance, at the cluster, naming the instance; the instance is not reported',
      template: aurora({ Writer: undefined }),
      errors: [
        {
          messageId: 'clusterSingleInstance',
          line: 3,
          column: 3,
          message:
            'DB cluster Cluster has a single instance (instance Writer): if its Availability Zone or host fails, the database is down until a new instance is created.',
        },
      ],
    },
    {
      name: 'an Aurora cluster whose instances are all in one zone',
      template: aurora({ Writer: 'eu-west-1a', Reader: 'eu-west-1a' }),
      errors: [{ messageId: 'clusterOneZone', line: 3, column: 3, data: { db: 'Cluster', names: 'Writer, Reader', zone: 'eu-west-1a' } }],
    },
    {
      name: "a cluster's own AvailabilityZones naming a single zone places its instances there",
      template: aurora({ Writer: undefined, Reader: undefined }, 'Engine: aurora-mysql\nAvailabilityZones: [eu-west-1c]'),
      errors: [{ messageId: 'clusterOneZone', line: 3, column: 3, data: { zone: 'eu-west-1c' } }],
    },
    {
      name: 'an instance names its cluster by identifier rather than by Ref',
      template: `Resources:
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: Orders
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-mysql
      DBClusterIdentifier: orders
`,
      errors: [{ messageId: 'clusterSingleInstance', line: 2, column: 3, data: { members: ' (instance Writer)' } }],
    },
    {
      name: 'account clusters: one instance, instances in one zone, members not listed with a single-AZ cluster',
      snapshot: dbClustersSnapshot(
        [
          {
            DBClusterIdentifier: 'solo',
            Engine: 'aurora-mysql',
            MultiAZ: false,
            DBClusterMembers: [{ DBInstanceIdentifier: 'solo-1', IsClusterWriter: true }],
          },
          { DBClusterIdentifier: 'orders', Engine: 'aurora-postgresql', MultiAZ: false },
          {
            DBClusterIdentifier: 'billing',
            Engine: 'aurora-postgresql',
            MultiAZ: false,
            DBClusterMembers: [{ DBInstanceIdentifier: 'billing-1' }, { DBInstanceIdentifier: 'billing-2' }],
          },
        ],
        [
          { DBInstanceIdentifier: 'orders-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', AvailabilityZone: 'eu-west-1a', MultiAZ: false },
          { DBInstanceIdentifier: 'orders-2', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', AvailabilityZone: 'eu-west-1a', MultiAZ: false },
        ],
      ),
      errors: [
        { messageId: 'clusterSingleInstance', at: DB_CLUSTER(0), data: { db: 'solo', members: ' (instance solo-1)' } },
        { messageId: 'clusterOneZone', at: DB_CLUSTER(1), data: { db: 'orders', names: 'orders-1, orders-2', zone: 'eu-west-1a' } },
        { messageId: 'clusterSingleAz', at: DB_CLUSTER(2), data: { db: 'billing', members: ' (instances billing-1, billing-2)' } },
      ],
    },
    {
      name: 'a single-AZ account instance, at the instance; Multi-AZ, cluster members and unknowns are not reported',
      snapshot: dbInstancesSnapshot([
        { DBInstanceIdentifier: 'orders', Engine: 'mysql', MultiAZ: false },
        { DBInstanceIdentifier: 'billing', Engine: 'postgres', MultiAZ: true },
        { DBInstanceIdentifier: 'analytics-1', Engine: 'aurora-postgresql', MultiAZ: false, DBClusterIdentifier: 'analytics' },
        { DBInstanceIdentifier: 'unknown', Engine: 'mysql' },
      ]),
      errors: [
        {
          messageId: 'singleAz',
          at: DB_INSTANCE(0),
          message: 'DB instance orders is not Multi-AZ: if its Availability Zone or host fails, the database is down until it is recovered.',
        },
      ],
    },
  ],
});

fixtureTests(rule, fileURLToPath(new URL('.', import.meta.url)));
