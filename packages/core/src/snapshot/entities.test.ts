import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { positionOf } from '../../../../test/json-position.js';
import { ACCOUNT, credentialReport, rootRow, snapshotJson } from '../../../../test/snapshot-builder.js';
import type { DbInstance, ElasticIp, Entity, EntityKind, EntityMap, IamUser, NatGateway, Policy, RootAccount, Trail, TrailSet } from '../model/entities.js';
import { isSnapshotText, loadSnapshot } from './load.js';

// Written by the collector from recorded AWS responses (see collector/collect.test.ts).
const FILE = 'recorded-account.json';
const text = readFileSync(new URL('./fixtures/recorded-account.json', import.meta.url), 'utf8');
const loaded = loadSnapshot(FILE, text);
const R = ['regional', 'eu-west-1'];

function of<K extends EntityKind>(kind: K, entities: readonly Entity[] = loaded.entities): EntityMap[K][] {
  return entities.filter((e): e is EntityMap[K] => e.kind === kind);
}

/** The position of a value, counted on the file's text. */
function at(path: (string | number)[], source = text) {
  return positionOf(source, path);
}

describe('entities from the recorded account snapshot', () => {
  it('loads marked incomplete, with one not-evaluated warning for the AccessDenied call', () => {
    expect(loaded.notifications).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'incomplete-snapshot',
        file: FILE,
        ...at(['incomplete']),
        message: 'Incomplete account snapshot: calls failed while it was collected (1 failed call recorded)',
      }),
      expect.objectContaining({
        level: 'warning',
        code: 'not-evaluated',
        file: FILE,
        ...at(['errors', 0]),
        message: expect.stringMatching(/^rds DescribeDBClusters in eu-west-1 failed with AccessDenied/),
      }),
    ]);
    const counts = Object.fromEntries([...new Set(loaded.entities.map((e) => e.kind))].map((k) => [k, loaded.entities.filter((e) => e.kind === k).length]));
    expect(counts).toEqual({
      SecurityGroup: 3,
      NetworkAcl: 2,
      ElasticIp: 3,
      NatGateway: 1,
      DbInstance: 1,
      Trail: 2,
      TrailSet: 1,
      IamUser: 2,
      Policy: 2,
      RootAccount: 1,
    });
    for (const e of loaded.entities) {
      expect(e.source).toBe('snapshot');
      expect(e.observedAt).toBe('2026-11-25T15:00:00.000Z');
      expect(e.location.file).toBe(FILE);
      expect(e.location.arn).toMatch(/^arn:aws:/);
    }
  });

  it('security groups are located at their GroupId and keep the region', () => {
    const [first, , dbAdmin] = of('SecurityGroup');
    expect(first?.location).toMatchObject({
      ...at([...R, 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0, 'GroupId']),
      arn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-b97a59397aaeed111',
    });
    expect(dbAdmin).toMatchObject({ groupId: 'sg-7a86c427f34a0cdf0', displayName: 'sg-7a86c427f34a0cdf0 (db-admin)', region: 'eu-west-1' });
    expect(dbAdmin?.rules.filter((r) => r.direction === 'ingress').map((r) => r.cidrIpv4 ?? r.cidrIpv6 ?? r.sourceSecurityGroup)).toEqual([
      '::/0',
      '0.0.0.0/0',
      'sg-7a86c427f34a0cdf0',
    ]);
  });

  it('network ACL entries, each at its CIDR', () => {
    const [acl] = of('NetworkAcl');
    expect(acl).toMatchObject({
      aclId: 'acl-8f69a602d8d0e4070',
      vpcId: 'vpc-ab096950892822a2d',
      id: 'arn:aws:ec2:eu-west-1:123456789012:network-acl/acl-8f69a602d8d0e4070',
    });
    expect(acl?.entries.map((e) => [e.ruleNumber, e.egress, e.action, e.protocol, e.cidrIpv4])).toEqual([
      [100, true, 'allow', '-1', '0.0.0.0/0'],
      [32767, true, 'deny', '-1', '0.0.0.0/0'],
      [100, false, 'allow', '-1', '0.0.0.0/0'],
      [32767, false, 'deny', '-1', '0.0.0.0/0'],
    ]);
    expect(acl?.entries[2]?.location).toMatchObject(at([...R, 'ec2', 'DescribeNetworkAcls', 'NetworkAcls', 0, 'Entries', 2, 'CidrBlock']));
  });

  it('Elastic IPs: one on the NAT gateway, one unassociated, one on a stopped instance', () => {
    const eips = of('ElasticIp').map(
      (e): Partial<ElasticIp> => ({
        allocationId: e.allocationId,
        association: e.association,
        instanceId: e.instanceId,
        instanceState: e.instanceState,
        natGatewayId: e.natGatewayId,
      }),
    );
    expect(eips).toEqual([
      {
        allocationId: 'eipalloc-6f766c43568d4ee69',
        association: 'nat-gateway',
        instanceId: undefined,
        instanceState: undefined,
        natGatewayId: 'nat-0b614ccdb9e2c6979',
      },
      { allocationId: 'eipalloc-1dceeff831a76fd82', association: 'none', instanceId: undefined, instanceState: undefined, natGatewayId: undefined },
      {
        allocationId: 'eipalloc-ce09fc6cdaab7885a',
        association: 'instance',
        instanceId: 'i-0fde9cccd6c08d124',
        instanceState: 'stopped',
        natGatewayId: undefined,
      },
    ]);
    expect(of('ElasticIp')[1]?.location).toMatchObject({
      ...at([...R, 'ec2', 'DescribeAddresses', 'Addresses', 1, 'AllocationId']),
      arn: 'arn:aws:ec2:eu-west-1:123456789012:elastic-ip/eipalloc-1dceeff831a76fd82',
    });
  });

  it('the NAT gateway knows no route table uses it', () => {
    expect(of('NatGateway')).toEqual([
      expect.objectContaining<Partial<NatGateway>>({
        natGatewayId: 'nat-0b614ccdb9e2c6979',
        state: 'available',
        subnetId: 'subnet-45c65a4a4bb1684bc',
        routeTableIds: [],
        routesKnown: true,
        location: expect.objectContaining(at([...R, 'ec2', 'DescribeNatGateways', 'NatGateways', 0, 'NatGatewayId'])),
      }),
    ]);
  });

  it('the public single-AZ unencrypted database, with its security group', () => {
    const [db] = of('DbInstance');
    expect(db).toMatchObject<Partial<DbInstance>>({
      id: 'arn:aws:rds:eu-west-1:123456789012:db:legacy-mysql',
      dbInstanceId: 'legacy-mysql',
      engine: 'mysql',
      multiAz: false,
      publiclyAccessible: true,
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      port: 3306,
      securityGroupIds: ['sg-b97a59397aaeed111'],
    });
    expect(db?.securityGroups.map((g) => g.groupId)).toEqual(['sg-b97a59397aaeed111']);
    expect(db?.location).toMatchObject(at([...R, 'rds', 'DescribeDBInstances', 'DBInstances', 0, 'DBInstanceIdentifier']));
  });

  it('trails with status, selectors and bucket lifecycle; the account trail set', () => {
    const trails = of('Trail');
    expect(
      trails.map(
        (t): Partial<Trail> => ({
          name: t.name,
          isMultiRegion: t.isMultiRegion,
          logFileValidation: t.logFileValidation,
          isLogging: t.isLogging,
          bucketHasLifecycle: t.bucketHasLifecycle,
          managementEvents: t.managementEvents,
          selectorsKnown: t.selectorsKnown,
        }),
      ),
    ).toEqual([
      { name: 'org', isMultiRegion: true, logFileValidation: true, isLogging: true, bucketHasLifecycle: true, managementEvents: true, selectorsKnown: true },
      { name: 'app', isMultiRegion: false, logFileValidation: false, isLogging: true, bucketHasLifecycle: false, managementEvents: true, selectorsKnown: true },
    ]);
    const app = trails[1];
    expect(app?.dataEvents).toEqual([
      {
        resourceType: 'AWS::S3::Object',
        allResources: true,
        location: expect.objectContaining(
          at([
            ...R,
            'cloudtrail',
            'GetEventSelectors',
            'arn:aws:cloudtrail:eu-west-1:123456789012:trail/app',
            'EventSelectors',
            0,
            'DataResources',
            0,
            'Values',
          ]),
        ),
      },
    ]);
    expect(app?.bucketLocation).toMatchObject(at(['global', 's3', 'GetBucketLifecycleConfiguration', 'app-trail-logs', 'Rules']));
    expect(app?.location).toMatchObject({
      ...at([...R, 'cloudtrail', 'DescribeTrails', 'trailList', 1, 'Name']),
      arn: 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/app',
    });
    const [set] = of('TrailSet');
    expect(set).toMatchObject<Partial<TrailSet>>({ scope: 'account', id: 'arn:aws:cloudtrail:*:123456789012:trail/*' });
    expect(set?.trails.map((t) => t.name)).toEqual(['org', 'app']);
  });

  it('IAM users from ListUsers, the credential report, keys with last use, groups and policies', () => {
    const [ken, yui] = of('IamUser');
    expect(ken).toMatchObject<Partial<IamUser>>({
      userName: 'ken',
      arn: 'arn:aws:iam::123456789012:user/ken',
      consoleAccess: true,
      mfaActive: false,
      groups: [],
      attachedPolicies: ['admin-everything'],
      inlinePolicies: ['inline-all'],
      accessKeys: [
        {
          id: 'AKIA************KWEE',
          active: true,
          createdAt: '2026-11-25T14:04:34.059Z',
          lastUsedKnown: true,
          location: expect.objectContaining(at(['global', 'iam', 'ListAccessKeys', 'ken', 'AccessKeyMetadata', 0, 'AccessKeyId'])),
        },
      ],
    });
    expect(ken?.passwordLastUsed).toBeUndefined();
    expect(ken?.location).toMatchObject(at(['global', 'iam', 'ListUsers', 'Users', 0, 'UserName']));
    expect(yui).toMatchObject<Partial<IamUser>>({ userName: 'yui', consoleAccess: false, groups: ['developers'], attachedPolicies: [], inlinePolicies: [] });
    expect(yui?.accessKeys[0]).toMatchObject({ active: true, lastUsedAt: '2026-11-24T09:31:00.000Z', createdAt: '2025-06-01T08:00:00.000Z' });
  });

  it('the user inline policy and the customer managed policy attached to a user, with statements', () => {
    const policies = of('Policy');
    expect(policies.map((p): Partial<Policy> => ({ policyName: p.policyName, policyType: p.policyType, attachedTo: p.attachedTo, id: p.id }))).toEqual([
      { policyName: 'inline-all', policyType: 'inline', attachedTo: [{ type: 'user', name: 'ken' }], id: 'arn:aws:iam::123456789012:user/ken#inline-all' },
      {
        policyName: 'admin-everything',
        policyType: 'managed',
        attachedTo: [{ type: 'user', name: 'ken' }],
        id: 'arn:aws:iam::123456789012:policy/admin-everything',
      },
    ]);
    expect(policies[0]?.statements).toEqual([
      {
        effect: 'Allow',
        actions: ['*'],
        notActions: [],
        resources: ['*'],
        notResources: [],
        hasCondition: false,
        location: expect.objectContaining(at(['global', 'iam', 'GetUserPolicy', 'ken', 'inline-all', 'PolicyDocument', 'Statement', 0])),
        actionLocations: [expect.objectContaining(at(['global', 'iam', 'GetUserPolicy', 'ken', 'inline-all', 'PolicyDocument', 'Statement', 0, 'Action']))],
      },
    ]);
  });

  it('the root user from the summary, the credential report and the event history', () => {
    const [root] = of('RootAccount');
    expect(root).toMatchObject<Partial<RootAccount>>({
      id: 'arn:aws:iam::123456789012:root',
      accountId: '123456789012',
      mfaActive: false,
      accessKeysPresent: true,
      passwordLastUsed: '2026-11-20T08:12:44+00:00',
      accessKeysLastUsed: ['2026-11-02T07:15:00+00:00'],
    });
    // The AssumeRole that AWS Config made on root's behalf is not root's own use.
    expect(root?.recentActivity).toEqual([
      {
        time: '2026-11-19T16:02:11.000Z',
        eventName: 'ListBuckets',
        eventSource: 's3.amazonaws.com',
        region: 'eu-west-1',
        location: expect.objectContaining(at([...R, 'cloudtrail', 'LookupEvents', 'Events', 0, 'EventName'])),
      },
    ]);
    expect(root?.location).toMatchObject(at(['global', 'iam', 'GetCredentialReport', 'Content']));
  });
});

describe('mapping details', () => {
  it('Aurora members carry their cluster; encryption comes from the cluster when the instance omits it', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          rds: {
            DescribeDBInstances: {
              DBInstances: [
                { DBInstanceIdentifier: 'orders-1', Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders', MultiAZ: false, PubliclyAccessible: false },
              ],
            },
            DescribeDBClusters: {
              DBClusters: [
                {
                  DBClusterIdentifier: 'orders',
                  StorageEncrypted: true,
                  MultiAZ: true,
                  DBClusterMembers: [{ DBInstanceIdentifier: 'orders-1', IsClusterWriter: true }],
                },
              ],
            },
          },
        },
      },
    });
    const [db] = of('DbInstance', loadSnapshot('s.json', doc).entities);
    expect(db).toMatchObject({ clusterId: 'orders', storageEncrypted: true, multiAz: false, id: `arn:aws:rds:eu-west-1:${ACCOUNT}:db:orders-1` });
  });

  it('advanced event selectors: all S3 objects, named Lambda functions, management events', () => {
    const arn = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/data`;
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'data', TrailARN: arn, HomeRegion: 'eu-west-1' }] },
            GetEventSelectors: {
              [arn]: {
                AdvancedEventSelectors: [
                  { Name: 'mgmt', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
                  {
                    Name: 's3',
                    FieldSelectors: [
                      { Field: 'eventCategory', Equals: ['Data'] },
                      { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                    ],
                  },
                  {
                    Name: 'fn',
                    FieldSelectors: [
                      { Field: 'eventCategory', Equals: ['Data'] },
                      { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
                      { Field: 'resources.ARN', StartsWith: [`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:pay`] },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    });
    const [trail] = of('Trail', loadSnapshot('s.json', doc).entities);
    expect(trail?.managementEvents).toBe(true);
    expect(trail?.dataEvents.map((d) => [d.resourceType, d.allResources])).toEqual([
      ['AWS::S3::Object', true],
      ['AWS::Lambda::Function', false],
    ]);
    expect(trail?.dataEvents[1]?.location).toMatchObject(
      at(['regional', 'eu-west-1', 'cloudtrail', 'GetEventSelectors', arn, 'AdvancedEventSelectors', 2, 'FieldSelectors', 1], doc),
    );
  });

  it('a trail whose selectors or status could not be read leaves them unknown; a bucket in another account has no lifecycle answer', () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org`;
    const doc = snapshotJson({
      regional: {
        'us-east-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'org', TrailARN: arn, HomeRegion: 'us-east-1', S3BucketName: 'log-archive', IsOrganizationTrail: true }] },
          },
        },
      },
      errors: [
        { service: 'cloudtrail', region: 'us-east-1', operation: 'GetTrailStatus', resource: arn, code: 'TrailNotFoundException' },
        { service: 'cloudtrail', region: 'us-east-1', operation: 'GetEventSelectors', resource: arn, code: 'TrailNotFoundException' },
        { service: 's3', region: 'global', operation: 'GetBucketLifecycleConfiguration', resource: 'log-archive', code: 'AccessDenied', httpStatus: 403 },
      ],
    });
    const out = loadSnapshot('s.json', doc, [{ id: 'MAM705', name: 'cloudtrail-bucket-no-lifecycle', entity: 'Trail' }]);
    const [trail] = of('Trail', out.entities);
    expect(trail).toMatchObject({ selectorsKnown: false, dataEvents: [], isOrganizationTrail: true, s3BucketName: 'log-archive' });
    expect(trail?.isLogging).toBeUndefined();
    expect(trail?.managementEvents).toBeUndefined();
    expect(trail?.bucketHasLifecycle).toBeUndefined();
    expect(out.notifications.map((n) => n.message)).toEqual([
      `cloudtrail GetTrailStatus in us-east-1 for ${arn} failed with TrailNotFoundException; not evaluated there: MAM705 cloudtrail-bucket-no-lifecycle`,
      `cloudtrail GetEventSelectors in us-east-1 for ${arn} failed with TrailNotFoundException; not evaluated there: MAM705 cloudtrail-bucket-no-lifecycle`,
      's3 GetBucketLifecycleConfiguration for log-archive failed with AccessDenied; not evaluated: MAM705 cloudtrail-bucket-no-lifecycle',
    ]);
  });

  it('security group rules are located at the value naming their peer: IPv4 and IPv6 ranges, another group, a prefix list', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeSecurityGroups: {
              SecurityGroups: [
                {
                  GroupId: 'sg-0a1b2c3d4e5f60718',
                  GroupName: 'web',
                  IpPermissions: [
                    {
                      IpProtocol: 'tcp',
                      FromPort: 22,
                      ToPort: 22,
                      IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '0.0.0.0/0' }],
                      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
                      PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0' }],
                      UserIdGroupPairs: [{ GroupId: 'sg-0f0e0d0c0b0a09080', UserId: ACCOUNT }],
                    },
                  ],
                  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
                },
              ],
            },
          },
        },
      },
    });
    const [sg] = of('SecurityGroup', loadSnapshot('s.json', doc).entities);
    const group = ['regional', 'eu-west-1', 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', 0];
    const ingress = [...group, 'IpPermissions', 0];
    const arn = `arn:aws:ec2:eu-west-1:${ACCOUNT}:security-group/sg-0a1b2c3d4e5f60718`;
    expect(
      sg?.rules.map((r) => [r.cidrIpv4 ?? r.cidrIpv6 ?? r.sourceSecurityGroup ?? r.prefixListId, r.location.line, r.location.column, r.location.arn]),
    ).toEqual(
      [
        ['10.0.0.0/8', at([...ingress, 'IpRanges', 0, 'CidrIp'], doc)],
        ['0.0.0.0/0', at([...ingress, 'IpRanges', 1, 'CidrIp'], doc)],
        ['::/0', at([...ingress, 'Ipv6Ranges', 0, 'CidrIpv6'], doc)],
        ['sg-0f0e0d0c0b0a09080', at([...ingress, 'UserIdGroupPairs', 0, 'GroupId'], doc)],
        ['pl-0123456789abcdef0', at([...ingress, 'PrefixListIds', 0, 'PrefixListId'], doc)],
        ['0.0.0.0/0', at([...group, 'IpPermissionsEgress', 0, 'IpRanges', 0, 'CidrIp'], doc)],
      ].map(([peer, pos]) => [peer, (pos as { line: number }).line, (pos as { column: number }).column, arn]),
    );
  });

  it('a read replica names its source instance, or the cluster it replicates', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          rds: {
            DescribeDBInstances: {
              DBInstances: [
                { DBInstanceIdentifier: 'shop', Engine: 'mysql', BackupRetentionPeriod: 7, ReadReplicaDBInstanceIdentifiers: ['shop-replica'] },
                { DBInstanceIdentifier: 'shop-replica', Engine: 'mysql', BackupRetentionPeriod: 0, ReadReplicaSourceDBInstanceIdentifier: 'shop' },
                {
                  DBInstanceIdentifier: 'orders-replica',
                  Engine: 'mysql',
                  BackupRetentionPeriod: 0,
                  ReadReplicaSourceDBClusterIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`,
                },
              ],
            },
          },
        },
      },
    });
    expect(of('DbInstance', loadSnapshot('s.json', doc).entities).map((d) => [d.dbInstanceId, d.readReplicaSource])).toEqual([
      ['shop', undefined],
      ['shop-replica', 'shop'],
      ['orders-replica', `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:orders`],
    ]);
  });

  it('the AWS managed AdministratorAccess attached to a user is a policy located at the attachment; users know where each policy is attached', () => {
    const doc = snapshotJson({
      iam: {
        ListUsers: { Users: [{ UserName: 'ken', Arn: `arn:aws:iam::${ACCOUNT}:user/ken` }] },
        ListAttachedUserPolicies: {
          ken: {
            AttachedPolicies: [
              { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
              { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
            ],
          },
        },
        ListUserPolicies: { ken: { PolicyNames: ['s3-fix'] } },
      },
    });
    const entities = loadSnapshot('s.json', doc).entities;
    const attached = ['global', 'iam', 'ListAttachedUserPolicies', 'ken', 'AttachedPolicies'];
    const [admin, ...others] = of('Policy', entities);
    expect(others).toEqual([]);
    expect(admin).toMatchObject<Partial<Policy>>({
      id: `arn:aws:iam::${ACCOUNT}:user/ken#arn:aws:iam::aws:policy/AdministratorAccess`,
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      policyName: 'AdministratorAccess',
      policyType: 'managed',
      attachedTo: [{ type: 'user', name: 'ken' }],
      location: expect.objectContaining({ ...at([...attached, 1, 'PolicyArn'], doc), arn: `arn:aws:iam::${ACCOUNT}:user/ken` }),
    });
    expect(admin?.statements.map((st) => [st.effect, st.actions, st.resources])).toEqual([['Allow', ['*'], ['*']]]);
    const [ken] = of('IamUser', entities);
    expect(ken?.policyLocations?.map((p) => [p.type, p.name, p.location.line, p.location.column])).toEqual([
      ['managed', 'ReadOnlyAccess', at([...attached, 0, 'PolicyArn'], doc).line, at([...attached, 0, 'PolicyArn'], doc).column],
      ['managed', 'AdministratorAccess', at([...attached, 1, 'PolicyArn'], doc).line, at([...attached, 1, 'PolicyArn'], doc).column],
      [
        'inline',
        's3-fix',
        at(['global', 'iam', 'ListUserPolicies', 'ken', 'PolicyNames', 0], doc).line,
        at(['global', 'iam', 'ListUserPolicies', 'ken', 'PolicyNames', 0], doc).column,
      ],
    ]);
  });

  it('a lifecycle rule counts only where it applies to the trail’s log files: their prefix, and no tag filter', () => {
    const trail = (name: string, extra: Record<string, unknown> = {}) => ({
      Name: name,
      TrailARN: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/${name}`,
      HomeRegion: 'eu-west-1',
      S3BucketName: `${name}-logs`,
      ...extra,
    });
    const expire = { Status: 'Enabled', Expiration: { Days: 365 } };
    const doc = snapshotJson({
      s3: {
        GetBucketLifecycleConfiguration: {
          'aws-logs': { Rules: [{ ...expire, Filter: { Prefix: 'AWSLogs/' } }] },
          'disabled-logs': { Rules: [{ ...expire, Status: 'Disabled', Filter: {} }] },
          'legacy-logs': { Rules: [{ Status: 'Enabled', Prefix: '', Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] }] },
          'other-prefix-logs': { Rules: [{ ...expire, Filter: { Prefix: 'AWSLogs/' } }] },
          'org-prefix-logs': { Rules: [{ ...expire, Filter: { And: { Prefix: `org/AWSLogs/${ACCOUNT}/`, Tags: [] } } }] },
          'tagged-logs': { Rules: [{ ...expire, Filter: { Tag: { Key: 'retention', Value: 'short' } } }] },
          'uploads-logs': { Rules: [{ ...expire, Filter: { Prefix: 'uploads/' } }] },
        },
      },
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: {
              trailList: [
                trail('aws'),
                trail('disabled'),
                trail('legacy'),
                trail('other-prefix', { S3KeyPrefix: 'org' }),
                trail('org-prefix', { S3KeyPrefix: 'org' }),
                trail('tagged'),
                trail('uploads'),
              ],
            },
          },
        },
      },
    });
    expect(of('Trail', loadSnapshot('s.json', doc).entities).map((t) => [t.name, t.bucketHasLifecycle])).toEqual([
      ['aws', true],
      ['disabled', false],
      ['legacy', true],
      ['other-prefix', false],
      ['org-prefix', true],
      ['tagged', false],
      ['uploads', false],
    ]);
  });

  it('advanced selectors: an ARN condition that only excludes resources still logs every other one', () => {
    const arn = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/data`;
    const data = (name: string, type: string, arnCondition?: Record<string, string[]>) => ({
      Name: name,
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: [type] },
        ...(arnCondition ? [{ Field: 'resources.ARN', ...arnCondition }] : []),
      ],
    });
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          cloudtrail: {
            DescribeTrails: { trailList: [{ Name: 'data', TrailARN: arn, HomeRegion: 'eu-west-1' }] },
            GetEventSelectors: {
              [arn]: {
                AdvancedEventSelectors: [
                  data('all but logs', 'AWS::S3::Object', { NotStartsWith: ['arn:aws:s3:::acme-logs/'] }),
                  data('every bucket, spelled out', 'AWS::S3::Object', { StartsWith: ['arn:aws:s3:::'] }),
                  data('one table', 'AWS::DynamoDB::Table', { Equals: [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`] }),
                  data('by suffix', 'AWS::Lambda::Function', { EndsWith: [':function:pay'] }),
                  data('every queue', 'AWS::SQS::Queue'),
                ],
              },
            },
          },
        },
      },
    });
    const [trail] = of('Trail', loadSnapshot('s.json', doc).entities);
    expect(trail?.dataEvents.map((d) => [d.resourceType, d.allResources])).toEqual([
      ['AWS::S3::Object', true],
      ['AWS::S3::Object', true],
      ['AWS::DynamoDB::Table', false],
      ['AWS::Lambda::Function', false],
      ['AWS::SQS::Queue', true],
    ]);
  });

  it('a credential report given as base64, as the CLI prints it', () => {
    const report = credentialReport([rootRow({ mfa_active: 'false' })]);
    const doc = snapshotJson({ iam: { GetCredentialReport: { ...report, Content: Buffer.from(report.Content).toString('base64') } } });
    expect(of('RootAccount', loadSnapshot('s.json', doc).entities)[0]?.mfaActive).toBe(false);
  });

  it('an Elastic IP on an instance missing from a complete DescribeInstances is on a terminated instance', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeAddresses: {
              Addresses: [
                {
                  AllocationId: 'eipalloc-0a1b2c3d4e5f60718',
                  PublicIp: '203.0.113.7',
                  AssociationId: 'eipassoc-0a1b2c3d4e5f60718',
                  InstanceId: 'i-0123456789abcdef0',
                },
              ],
            },
            DescribeInstances: { Reservations: [] },
          },
        },
      },
    });
    expect(of('ElasticIp', loadSnapshot('s.json', doc).entities)[0]).toMatchObject({
      association: 'instance',
      instanceState: 'terminated',
      displayName: '203.0.113.7 (eipalloc-0a1b2c3d4e5f60718)',
    });
  });
});

describe('a bad snapshot', () => {
  it('is an error naming the JSON path and its line', () => {
    const doc = snapshotJson({ regional: { 'eu-west-1': { ec2: { DescribeAddresses: { Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: 7 }] } } } } });
    const out = loadSnapshot('bad.json', doc);
    expect(out.snapshot).toBeUndefined();
    expect(out.notifications).toEqual([
      {
        level: 'error',
        code: 'invalid-snapshot',
        file: 'bad.json',
        ...at(['regional', 'eu-west-1', 'ec2', 'DescribeAddresses', 'Addresses', 0, 'PublicIp'], doc),
        message: "Invalid account snapshot: $.regional['eu-west-1'].ec2.DescribeAddresses.Addresses[0].PublicIp: must be string",
      },
    ]);
  });

  it('names a missing field, an unknown service and a wrong version', () => {
    const doc = JSON.parse(snapshotJson()) as Record<string, unknown>;
    doc.mamoriSnapshot = 2;
    delete doc.accountId;
    (doc.regional as Record<string, unknown>)['eu-west-1'] = { lambda: {} };
    const out = loadSnapshot('bad.json', JSON.stringify(doc, null, 2));
    expect(out.notifications.map((n) => n.message).sort()).toEqual(
      [
        'Invalid account snapshot: $.mamoriSnapshot: must be 1',
        'Invalid account snapshot: $: missing required property "accountId"',
        "Invalid account snapshot: $.regional['eu-west-1'].lambda: unknown property (not part of the snapshot format)",
      ].sort(),
    );
  });

  it('a syntax error is a parse error with its position', () => {
    const out = loadSnapshot('bad.json', '{\n  "mamoriSnapshot": 1,\n  "accountId": \n}');
    expect(out.notifications).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', line: 4, column: 1 })]);
  });
});

describe('recognising a snapshot', () => {
  it('by its top-level marker, even when broken; not the schema that mentions it', () => {
    expect(isSnapshotText(snapshotJson())).toBe(true);
    expect(isSnapshotText('{\n  "mamoriSnapshot": 1,\n  "accountId": \n}')).toBe(true);
    expect(isSnapshotText(readFileSync(new URL('../schema/snapshot.schema.json', import.meta.url), 'utf8'))).toBe(false);
    expect(isSnapshotText('{ "Resources": { "Note": { "Type": "AWS::SSM::Parameter", "Properties": { "Value": "{\\"mamoriSnapshot\\": 1}" } } } }')).toBe(
      false,
    );
  });

  it('the same failure for many resources is one warning that counts them', () => {
    const keys = ['AKIA1', 'AKIA2', 'AKIA3', 'AKIA4', 'AKIA5'];
    const doc = snapshotJson({
      errors: [
        ...keys.map((resource) => ({ service: 'iam', region: 'global', operation: 'GetAccessKeyLastUsed', resource, code: 'AccessDenied' })),
        { service: 'iam', region: 'global', operation: 'GetAccessKeyLastUsed', resource: 'AKIA6', code: 'Throttling' },
      ],
    });
    const out = loadSnapshot('s.json', doc, [{ id: 'MAM209', name: 'iam-access-key-unused', entity: 'IamUser' }]);
    expect(out.notifications).toEqual([
      expect.objectContaining({
        ...at(['errors', 0], doc),
        message:
          'iam GetAccessKeyLastUsed for 5 resources (AKIA1, AKIA2, AKIA3 and 2 more) failed with AccessDenied; not evaluated: MAM209 iam-access-key-unused',
      }),
      expect.objectContaining({
        ...at(['errors', 5], doc),
        message: 'iam GetAccessKeyLastUsed for AKIA6 failed with Throttling; not evaluated: MAM209 iam-access-key-unused',
      }),
    ]);
  });
});
