import type {
  AccessKeyInfo,
  DbInstance,
  EipAssociation,
  ElasticIp,
  Entity,
  IamUser,
  NatGateway,
  NetworkAcl,
  NetworkAclEntry,
  Policy,
  RootAccount,
  RootActivity,
  SecurityGroup,
  Trail,
  TrailDataEventSelector,
  TrailSet,
} from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';
import { normaliseProtocol } from '../model/network.js';
import type { CfnNode } from '../template/parsing/node.js';
import { append } from '../util/append.js';
import { type CredentialReportRow, parseCredentialReport, ROOT_ROW_USER, reportBool, reportDate } from './credential-report.js';
import type { AccountSnapshot, ApiAdvancedEventSelector, ApiEventSelector, ApiLifecycleRule, ApiTrail, RegionalResponses } from './format.js';
import { policyDocumentObject, policyStatements } from './policy.js';
import { keyIdForDisplay } from './redact.js';
import { securityGroupFromApi } from './security-groups.js';

type PathKey = string | number;

/** Where a value of the snapshot file is, by its path of keys and indexes. */
export interface Locator {
  /** The value's location, or its nearest ancestor's when the path does not exist. */
  at(path: readonly PathKey[], arn?: string): SourceLocation;
}

/** Finds the position of a value in the snapshot file by its path of keys and indexes, in a parsed tree. */
export class SnapshotLocator implements Locator {
  constructor(
    private readonly root: CfnNode | undefined,
    private readonly file: string,
  ) {}

  node(path: readonly PathKey[]): CfnNode | undefined {
    let cur = this.root;
    for (const key of path) {
      if (!cur) return undefined;
      if (cur.kind === 'seq' && /^\d+$/.test(String(key))) cur = cur.items[Number(key)];
      else if (cur.kind === 'map') cur = cur.entries.find((e) => e.key === String(key))?.value;
      else return undefined;
    }
    return cur;
  }

  /** The value's location, or its nearest ancestor's when the path does not exist. */
  at(path: readonly PathKey[], arn?: string): SourceLocation {
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n));
      if (node) return { ...node.loc, ...(arn ? { arn } : {}) };
    }
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1, ...(arn ? { arn } : {}) };
  }
}

/**
 * True for a trail's data resource value that covers every resource of its type: `arn:aws:s3` or
 * `arn:aws:s3:::` (every bucket), `arn:aws:lambda`, `arn:aws:dynamodb`, and the service-only ARNs
 * advanced selectors take for other types. Templates judge the same values the same way.
 */
export function coversAllResources(value: string): boolean {
  return /^arn:[a-z-]+:[a-z0-9-]+(:::?)?$/.test(value.trim());
}

/** The key prefix CloudTrail writes a trail's log files under. */
export function trailLogPrefix(s3KeyPrefix: string | undefined): string {
  const prefix = (s3KeyPrefix ?? '').replace(/^\/+|\/+$/g, '');
  return prefix === '' ? 'AWSLogs/' : `${prefix}/AWSLogs/`;
}

/** Whether a lifecycle rule's filter takes in (some of) the objects under `keyPrefix`. CloudTrail's log files carry no tags. */
function appliesTo(rule: ApiLifecycleRule, keyPrefix: string): boolean {
  const f = rule.Filter;
  if (f?.Tag !== undefined || (f?.And?.Tags?.length ?? 0) > 0) return false;
  const p = f?.Prefix ?? f?.And?.Prefix ?? rule.Prefix ?? '';
  return keyPrefix.startsWith(p) || p.startsWith(keyPrefix);
}

/**
 * A lifecycle rule that expires or transitions objects, so old logs stop costing Standard storage
 * forever. With `keyPrefix` (where a trail writes), the rule must also apply to objects there.
 */
export function lifecycleRuleAgesOut(rule: ApiLifecycleRule, keyPrefix?: string): boolean {
  if (rule.Status !== 'Enabled') return false;
  if (keyPrefix !== undefined && !appliesTo(rule, keyPrefix)) return false;
  return (
    rule.Expiration?.Days !== undefined ||
    rule.Expiration?.Date !== undefined ||
    (rule.Transitions?.length ?? 0) > 0 ||
    rule.NoncurrentVersionExpiration !== undefined ||
    (rule.NoncurrentVersionTransitions?.length ?? 0) > 0
  );
}

/**
 * Everything the rules can read from a snapshot, each entity carrying its ARN and located at the value
 * that names it in the file (`GroupId`, `UserName`, `AccessKeyId`, ...), so a report shows that line.
 */
export function snapshotEntities(snapshot: AccountSnapshot, locator: Locator): Entity[] {
  const ctx = new MapContext(snapshot, locator);
  return [
    ...ctx.securityGroups(),
    ...ctx.networkAcls(),
    ...ctx.elasticIps(),
    ...ctx.natGateways(),
    ...ctx.dbInstances(),
    ...ctx.trails(),
    ...ctx.iamUsers(),
    ...ctx.userPolicies(),
    ...ctx.rootAccount(),
  ];
}

class MapContext {
  readonly account: string;
  readonly partition: string;
  readonly observedAt: string;
  private readonly failed: Set<string>;
  private trailCache: Trail[] | undefined;
  private groupCache: SecurityGroup[] | undefined;
  private reportCache: { report: { rows: CredentialReportRow[]; path: PathKey[] } | undefined } | undefined;

  constructor(
    readonly snapshot: AccountSnapshot,
    readonly loc: Locator,
  ) {
    this.account = snapshot.accountId;
    this.partition = snapshot.partition ?? 'aws';
    this.observedAt = snapshot.collectedAt;
    this.failed = new Set(snapshot.errors.map((e) => failKey(e.service, e.region, e.operation, e.resource)));
  }

  /** Whether a call failed (for a resource, or as a whole; a region that failed entirely fails every call in it). */
  didFail(service: string, region: string, operation: string, resource?: string): boolean {
    return (
      this.failed.has(failKey(service, region, operation, resource)) ||
      this.failed.has(failKey(service, region, operation)) ||
      this.failed.has(failKey('*', region, '*')) ||
      this.failed.has(failKey(service, region, '*'))
    );
  }

  private regions(): [string, RegionalResponses][] {
    return Object.entries(this.snapshot.regional);
  }

  private base(region: string | undefined): Pick<Entity, 'source' | 'observedAt'> & { region?: string } {
    return { source: 'snapshot', observedAt: this.observedAt, ...(region ? { region } : {}) };
  }

  private ec2Arn(region: string, type: string, id: string): string {
    // Joined, not concatenated: one flat string rather than a chain of pieces, kept by tens of thousands of entities.
    return ['arn:', this.partition, ':ec2:', region, ':', this.account, ':', type, '/', id].join('');
  }

  securityGroups(): SecurityGroup[] {
    if (this.groupCache) return this.groupCache;
    const out: SecurityGroup[] = [];
    for (const [region, r] of this.regions()) {
      (r.ec2?.DescribeSecurityGroups?.SecurityGroups ?? []).forEach((g, i) => {
        const arn = this.ec2Arn(region, 'security-group', g.GroupId ?? String(i));
        const path = ['regional', region, 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', i];
        const sg = securityGroupFromApi(g, this.loc.at([...path, 'GroupId'], arn), region, (p) => this.loc.at([...path, ...p], arn));
        // Last, where it has always been among the group's properties.
        sg.observedAt = this.observedAt;
        out.push(sg);
      });
    }
    this.groupCache = out;
    return out;
  }

  networkAcls(): NetworkAcl[] {
    const out: NetworkAcl[] = [];
    for (const [region, r] of this.regions()) {
      (r.ec2?.DescribeNetworkAcls?.NetworkAcls ?? []).forEach((acl, i) => {
        const aclId = acl.NetworkAclId ?? String(i);
        const arn = this.ec2Arn(region, 'network-acl', aclId);
        const path = ['regional', region, 'ec2', 'DescribeNetworkAcls', 'NetworkAcls', i];
        // Built by assignment rather than spreads: a large account has tens of thousands of entries.
        const entries: NetworkAclEntry[] = (acl.Entries ?? []).map((e, j) => {
          const entry: Omit<NetworkAclEntry, 'location'> & { location?: SourceLocation } = {
            ruleNumber: e.RuleNumber ?? 0,
            egress: e.Egress === true,
            action: e.RuleAction === 'allow' ? 'allow' : 'deny',
            protocol: normaliseProtocol(e.Protocol) ?? 'unknown',
          };
          if (e.PortRange?.From !== undefined) entry.fromPort = e.PortRange.From;
          if (e.PortRange?.To !== undefined) entry.toPort = e.PortRange.To;
          if (e.CidrBlock) entry.cidrIpv4 = e.CidrBlock;
          if (e.Ipv6CidrBlock) entry.cidrIpv6 = e.Ipv6CidrBlock;
          // At the CIDR, as a template entry is: the address range is what a reader checks first.
          entry.location = this.loc.at([...path, 'Entries', j, e.CidrBlock ? 'CidrBlock' : 'Ipv6CidrBlock'], arn);
          return entry as NetworkAclEntry;
        });
        out.push({
          kind: 'NetworkAcl',
          id: arn,
          ...this.base(region),
          location: this.loc.at([...path, 'NetworkAclId'], arn),
          displayName: aclId,
          aclId,
          ...(acl.VpcId ? { vpcId: acl.VpcId } : {}),
          entries,
        });
      });
    }
    return out;
  }

  elasticIps(): ElasticIp[] {
    const out: ElasticIp[] = [];
    for (const [region, r] of this.regions()) {
      const ec2 = r.ec2;
      const states = new Map<string, string>();
      for (const res of ec2?.DescribeInstances?.Reservations ?? []) {
        for (const inst of res.Instances ?? []) if (inst.InstanceId && inst.State?.Name) states.set(inst.InstanceId, inst.State.Name);
      }
      const instancesKnown = ec2?.DescribeInstances !== undefined;
      const natByEni = new Map<string, string>();
      const natByAllocation = new Map<string, string>();
      for (const nat of ec2?.DescribeNatGateways?.NatGateways ?? []) {
        for (const a of nat.NatGatewayAddresses ?? []) {
          if (a.NetworkInterfaceId && nat.NatGatewayId) natByEni.set(a.NetworkInterfaceId, nat.NatGatewayId);
          if (a.AllocationId && nat.NatGatewayId) natByAllocation.set(a.AllocationId, nat.NatGatewayId);
        }
      }
      (ec2?.DescribeAddresses?.Addresses ?? []).forEach((a, i) => {
        const instanceId = nonEmpty(a.InstanceId);
        const eni = nonEmpty(a.NetworkInterfaceId);
        const natGatewayId = (eni && natByEni.get(eni)) || (a.AllocationId && natByAllocation.get(a.AllocationId)) || undefined;
        let association: EipAssociation = 'none';
        if (natGatewayId) association = 'nat-gateway';
        else if (instanceId) association = 'instance';
        else if (eni || nonEmpty(a.AssociationId)) association = 'network-interface';
        const id = a.AllocationId ?? a.PublicIp ?? String(i);
        const arn = this.ec2Arn(region, 'elastic-ip', id);
        const instanceState = instanceId ? states.get(instanceId) : undefined;
        out.push({
          kind: 'ElasticIp',
          id: arn,
          ...this.base(region),
          location: this.loc.at(['regional', region, 'ec2', 'DescribeAddresses', 'Addresses', i, a.AllocationId ? 'AllocationId' : 'PublicIp'], arn),
          displayName: a.PublicIp && a.AllocationId ? `${a.PublicIp} (${a.AllocationId})` : id,
          ...(a.AllocationId ? { allocationId: a.AllocationId } : {}),
          ...(a.PublicIp ? { publicIp: a.PublicIp } : {}),
          association,
          ...(instanceId ? { instanceId } : {}),
          // An instance missing from a complete DescribeInstances is gone; say so rather than leave it unknown.
          ...(instanceState ? { instanceState } : instanceId && instancesKnown ? { instanceState: 'terminated' } : {}),
          ...(eni ? { networkInterfaceId: eni } : {}),
          ...(natGatewayId ? { natGatewayId } : {}),
        });
      });
    }
    return out;
  }

  natGateways(): NatGateway[] {
    const out: NatGateway[] = [];
    for (const [region, r] of this.regions()) {
      const routeTables = r.ec2?.DescribeRouteTables?.RouteTables;
      // Route tables by the NAT gateways their routes go through, each table once, in their order.
      const tablesByNat = new Map<string, string[]>();
      for (const t of routeTables ?? []) {
        for (const natId of new Set((t.Routes ?? []).map((route) => route.NatGatewayId))) {
          if (natId === undefined || !t.RouteTableId) continue;
          const list = tablesByNat.get(natId);
          if (list) list.push(t.RouteTableId);
          else tablesByNat.set(natId, [t.RouteTableId]);
        }
      }
      (r.ec2?.DescribeNatGateways?.NatGateways ?? []).forEach((nat, i) => {
        const natGatewayId = nat.NatGatewayId ?? String(i);
        const arn = this.ec2Arn(region, 'natgateway', natGatewayId);
        const routeTableIds = [...(tablesByNat.get(natGatewayId) ?? [])];
        out.push({
          kind: 'NatGateway',
          id: arn,
          ...this.base(region),
          location: this.loc.at(['regional', region, 'ec2', 'DescribeNatGateways', 'NatGateways', i, 'NatGatewayId'], arn),
          displayName: natGatewayId,
          natGatewayId,
          ...(nat.State ? { state: nat.State } : {}),
          ...(nat.SubnetId ? { subnetId: nat.SubnetId } : {}),
          ...(nat.ConnectivityType === 'public' || nat.ConnectivityType === 'private' ? { connectivityType: nat.ConnectivityType } : {}),
          routeTableIds,
          routesKnown: routeTables !== undefined,
        });
      });
    }
    return out;
  }

  dbInstances(): DbInstance[] {
    const out: DbInstance[] = [];
    // Security groups by region and id, each with its place in the list, so a database's come in list order.
    const groups = new Map<string, { order: number; group: SecurityGroup }[]>();
    this.securityGroups().forEach((g, order) => {
      const key = `${g.region}\u0000${g.groupId}`;
      const list = groups.get(key);
      if (list) list.push({ order, group: g });
      else groups.set(key, [{ order, group: g }]);
    });
    const groupsOf = (region: string, ids: readonly string[]): SecurityGroup[] => {
      // Most databases have one group, whose list is already in order.
      if (ids.length === 1) return (groups.get(`${region}\u0000${ids[0]}`) ?? []).map((g) => g.group);
      return [...new Set(ids)]
        .flatMap((id) => groups.get(`${region}\u0000${id}`) ?? [])
        .sort((a, b) => a.order - b.order)
        .map((g) => g.group);
    };
    for (const [region, r] of this.regions()) {
      const clusters = new Map((r.rds?.DescribeDBClusters?.DBClusters ?? []).map((c) => [c.DBClusterIdentifier ?? '', c]));
      (r.rds?.DescribeDBInstances?.DBInstances ?? []).forEach((db, i) => {
        const dbInstanceId = db.DBInstanceIdentifier ?? String(i);
        const arn = db.DBInstanceArn ?? `arn:${this.partition}:rds:${region}:${this.account}:db:${dbInstanceId}`;
        const cluster = db.DBClusterIdentifier ? clusters.get(db.DBClusterIdentifier) : undefined;
        const securityGroupIds = (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? '').filter((id) => id !== '');
        const storageEncrypted = db.StorageEncrypted ?? cluster?.StorageEncrypted;
        const port = db.Endpoint?.Port ?? db.DbInstancePort;
        const readReplicaSource = nonEmpty(db.ReadReplicaSourceDBInstanceIdentifier) ?? nonEmpty(db.ReadReplicaSourceDBClusterIdentifier);
        out.push({
          kind: 'DbInstance',
          id: arn,
          ...this.base(region),
          location: this.loc.at(['regional', region, 'rds', 'DescribeDBInstances', 'DBInstances', i, 'DBInstanceIdentifier'], arn),
          displayName: dbInstanceId,
          dbInstanceId,
          ...(db.Engine ? { engine: db.Engine } : {}),
          ...(db.DBClusterIdentifier ? { clusterId: db.DBClusterIdentifier } : {}),
          ...(db.MultiAZ !== undefined ? { multiAz: db.MultiAZ } : {}),
          ...(db.PubliclyAccessible !== undefined ? { publiclyAccessible: db.PubliclyAccessible } : {}),
          ...(storageEncrypted !== undefined ? { storageEncrypted } : {}),
          ...(db.BackupRetentionPeriod !== undefined ? { backupRetentionPeriod: db.BackupRetentionPeriod } : {}),
          ...(port !== undefined && port > 0 ? { port } : {}),
          securityGroupIds,
          securityGroups: groupsOf(region, securityGroupIds),
          ...(readReplicaSource ? { readReplicaSource } : {}),
        });
      });
    }
    return out;
  }

  /** Every trail once, however many regions list it (multi-region and organization trails show in each). */
  trails(): (Trail | TrailSet)[] {
    const trails = this.trailList();
    const regions = this.regions();
    const listed = regions.filter(([, r]) => r.cloudtrail?.DescribeTrails !== undefined);
    const anyFailed = regions.some(([region]) => this.didFail('cloudtrail', region, 'DescribeTrails'));
    // With no trail seen, a region whose trails could not be listed may hold the only one: not evaluated.
    if (listed.length === 0 || (trails.length === 0 && anyFailed)) return trails;
    const first = listed[0]?.[0] ?? '';
    const set: TrailSet = {
      kind: 'TrailSet',
      id: `arn:${this.partition}:cloudtrail:*:${this.account}:trail/*`,
      ...this.base(undefined),
      location: this.loc.at(['regional', first, 'cloudtrail', 'DescribeTrails'], `arn:${this.partition}:cloudtrail:*:${this.account}:trail/*`),
      displayName: `account ${this.account}`,
      scope: 'account',
      trails,
    };
    return [...trails, set];
  }

  private trailList(): Trail[] {
    if (this.trailCache) return this.trailCache;
    const seen = new Map<string, { trail: ApiTrail; region: string; index: number }>();
    for (const [region, r] of this.regions()) {
      (r.cloudtrail?.DescribeTrails?.trailList ?? []).forEach((t, index) => {
        const key = t.TrailARN ?? `${region}/${t.Name}`;
        const prev = seen.get(key);
        // Locate a trail where it lives (its home region) when that region was read.
        if (!prev || (t.HomeRegion === region && prev.region !== region)) seen.set(key, { trail: t, region, index });
      });
    }
    const lifecycles = this.snapshot.global.s3?.GetBucketLifecycleConfiguration ?? {};
    this.trailCache = [...seen.entries()].map(([key, { trail: t, region, index }]) => {
      const arn = t.TrailARN ?? `arn:${this.partition}:cloudtrail:${region}:${this.account}:trail/${t.Name}`;
      const name = t.Name ?? key;
      const status = this.perResource('GetTrailStatus', arn);
      const selectors = this.perResource('GetEventSelectors', arn);
      const bucket = t.S3BucketName;
      const lifecycle = bucket ? lifecycles[bucket] : undefined;
      const selection = selectors ? eventSelection(selectors.value, (path) => this.loc.at([...selectors.path, ...path], arn)) : undefined;
      return {
        kind: 'Trail',
        id: arn,
        ...this.base(t.HomeRegion ?? region),
        location: this.loc.at(['regional', region, 'cloudtrail', 'DescribeTrails', 'trailList', index, 'Name'], arn),
        displayName: name,
        name,
        arn,
        ...(t.HomeRegion ? { homeRegion: t.HomeRegion } : {}),
        ...(t.IsMultiRegionTrail !== undefined ? { isMultiRegion: t.IsMultiRegionTrail } : {}),
        ...(t.LogFileValidationEnabled !== undefined ? { logFileValidation: t.LogFileValidationEnabled } : {}),
        ...(status?.value.IsLogging !== undefined ? { isLogging: status.value.IsLogging } : {}),
        ...(t.IsOrganizationTrail !== undefined ? { isOrganizationTrail: t.IsOrganizationTrail } : {}),
        ...(bucket ? { s3BucketName: bucket } : {}),
        ...(lifecycle ? { bucketHasLifecycle: (lifecycle.Rules ?? []).some((rule) => lifecycleRuleAgesOut(rule, trailLogPrefix(t.S3KeyPrefix))) } : {}),
        ...(lifecycle && bucket ? { bucketLocation: this.loc.at(['global', 's3', 'GetBucketLifecycleConfiguration', bucket, 'Rules'], arn) } : {}),
        ...(selection ? { managementEvents: selection.managementEvents } : {}),
        dataEvents: selection?.dataEvents ?? [],
        selectorsKnown: selection !== undefined,
      };
    });
    return this.trailCache;
  }

  /** A per-trail response, from whichever region answered for the trail. */
  private perResource<K extends 'GetTrailStatus' | 'GetEventSelectors'>(
    op: K,
    arn: string,
  ): { value: NonNullable<NonNullable<RegionalResponses['cloudtrail']>[K]>[string]; path: PathKey[] } | undefined {
    for (const [region, r] of this.regions()) {
      const map = r.cloudtrail?.[op] as Record<string, NonNullable<NonNullable<RegionalResponses['cloudtrail']>[K]>[string]> | undefined;
      const value = map?.[arn];
      if (value) return { value, path: ['regional', region, 'cloudtrail', op, arn] };
    }
    return undefined;
  }

  private report(): { rows: CredentialReportRow[]; path: PathKey[] } | undefined {
    // Users and the root account both read it: thousands of rows, parsed once.
    if (this.reportCache !== undefined) return this.reportCache.report;
    const content = this.snapshot.global.iam?.GetCredentialReport?.Content;
    const rows = content === undefined ? undefined : parseCredentialReport(content);
    const report = rows ? { rows, path: ['global', 'iam', 'GetCredentialReport'] } : undefined;
    this.reportCache = { report };
    return report;
  }

  iamUsers(): IamUser[] {
    const iam = this.snapshot.global.iam;
    const report = this.report();
    const rows = new Map((report?.rows ?? []).map((r) => [r.user ?? '', r]));
    return (iam?.ListUsers?.Users ?? []).map((u, i) => {
      const userName = u.UserName ?? String(i);
      const arn = u.Arn ?? `arn:${this.partition}:iam::${this.account}:user/${userName}`;
      const row = rows.get(userName);
      const keysPath = ['global', 'iam', 'ListAccessKeys', userName];
      const listed = iam?.ListAccessKeys?.[userName];
      const accessKeys: AccessKeyInfo[] = listed
        ? (listed.AccessKeyMetadata ?? []).map((k, j) => {
            const keyId = k.AccessKeyId ?? '';
            const lastUse = iam?.GetAccessKeyLastUsed?.[keyId];
            const lastUsedAt = lastUse?.AccessKeyLastUsed?.LastUsedDate;
            return {
              id: keyIdForDisplay(keyId),
              active: k.Status === 'Active',
              ...(k.CreateDate ? { createdAt: k.CreateDate } : {}),
              ...(lastUsedAt ? { lastUsedAt } : {}),
              lastUsedKnown: lastUse !== undefined,
              location: this.loc.at([...keysPath, 'AccessKeyMetadata', j, 'AccessKeyId'], arn),
            };
          })
        : reportKeys(row, this.loc.at(report?.path ?? [], arn));
      const mfaDevices = iam?.ListMFADevices?.[userName]?.MFADevices;
      const mfaActive = reportBool(row?.mfa_active) ?? (mfaDevices ? mfaDevices.length > 0 : undefined);
      const consoleAccess = reportBool(row?.password_enabled);
      const passwordLastUsed = reportDate(row?.password_last_used) ?? u.PasswordLastUsed;
      // Each direct attachment is located at the list item that attaches it.
      const attachedPath = ['global', 'iam', 'ListAttachedUserPolicies', userName, 'AttachedPolicies'];
      const attached = (iam?.ListAttachedUserPolicies?.[userName]?.AttachedPolicies ?? []).map((p, k) => ({
        name: p.PolicyName ?? p.PolicyArn ?? '',
        type: 'managed' as const,
        location: this.loc.at([...attachedPath, k, p.PolicyArn !== undefined ? 'PolicyArn' : 'PolicyName'], arn),
      }));
      const inline = (iam?.ListUserPolicies?.[userName]?.PolicyNames ?? []).map((name, k) => ({
        name,
        type: 'inline' as const,
        location: this.loc.at(['global', 'iam', 'ListUserPolicies', userName, 'PolicyNames', k], arn),
      }));
      return {
        kind: 'IamUser',
        id: arn,
        ...this.base(undefined),
        location: this.loc.at(['global', 'iam', 'ListUsers', 'Users', i, 'UserName'], arn),
        displayName: userName,
        userName,
        arn,
        ...(u.CreateDate ? { createdAt: u.CreateDate } : {}),
        groups: (iam?.ListGroupsForUser?.[userName]?.Groups ?? []).map((g) => g.GroupName ?? '').filter((n) => n !== ''),
        attachedPolicies: attached.map((p) => p.name),
        inlinePolicies: inline.map((p) => p.name),
        ...(consoleAccess !== undefined ? { consoleAccess } : {}),
        ...(passwordLastUsed ? { passwordLastUsed } : {}),
        ...(mfaActive !== undefined ? { mfaActive } : {}),
        accessKeys,
        ...(attached.length + inline.length > 0 ? { policyLocations: [...attached, ...inline] } : {}),
      };
    });
  }

  /** Inline policies of users and the customer managed policies attached to them, with their documents. */
  userPolicies(): Policy[] {
    const iam = this.snapshot.global.iam;
    const out: Policy[] = [];
    // The first listed user of each name, as a search of the list would find.
    const listed = new Map<string, string | undefined>();
    for (const u of iam?.ListUsers?.Users ?? []) if (u.UserName !== undefined && !listed.has(u.UserName)) listed.set(u.UserName, u.Arn);
    for (const [userName, byName] of Object.entries(iam?.GetUserPolicy ?? {})) {
      const userArn = listed.get(userName) ?? `arn:${this.partition}:iam::${this.account}:user/${userName}`;
      for (const [policyName, response] of Object.entries(byName)) {
        const doc = policyDocumentObject(response.PolicyDocument);
        if (!doc) continue;
        const path = ['global', 'iam', 'GetUserPolicy', userName, policyName, 'PolicyDocument'];
        // An inline policy has no ARN of its own; the user's ARN and the policy name identify it.
        const arn = `${userArn}#${policyName}`;
        out.push({
          kind: 'Policy',
          id: arn,
          ...this.base(undefined),
          location: this.loc.at(path, userArn),
          displayName: `inline policy ${policyName} of user ${userName}`,
          policyName,
          policyType: 'inline',
          attachedTo: [{ type: 'user', name: userName }],
          statements: policyStatements(doc, (p) => this.loc.at([...path, ...p], userArn)),
        });
      }
    }
    append(out, this.awsManagedAdmin(listed));
    const attached = new Map<string, { name: string; users: string[] }>();
    for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
      for (const p of r.AttachedPolicies ?? []) {
        if (!p.PolicyArn) continue;
        const entry = attached.get(p.PolicyArn) ?? { name: p.PolicyName ?? p.PolicyArn, users: [] };
        entry.users.push(userName);
        attached.set(p.PolicyArn, entry);
      }
    }
    for (const [policyArn, response] of Object.entries(iam?.GetPolicyVersion ?? {})) {
      const doc = policyDocumentObject(response.PolicyVersion?.Document);
      if (!doc) continue;
      const path = ['global', 'iam', 'GetPolicyVersion', policyArn, 'PolicyVersion', 'Document'];
      const users = attached.get(policyArn);
      const policyName = users?.name ?? policyArn.split('/').pop() ?? policyArn;
      out.push({
        kind: 'Policy',
        id: policyArn,
        ...this.base(undefined),
        location: this.loc.at(path, policyArn),
        displayName: `managed policy ${policyName}`,
        policyName,
        policyType: 'managed',
        attachedTo: (users?.users ?? []).map((name) => ({ type: 'user' as const, name })),
        statements: policyStatements(doc, (p) => this.loc.at([...path, ...p], policyArn)),
        arn: policyArn,
      });
    }
    return out;
  }

  /**
   * The AWS managed AdministratorAccess policy wherever it is attached to a user, one policy per
   * attachment as templates give it: its document is the same in every account, so it is not collected.
   */
  private awsManagedAdmin(listed: ReadonlyMap<string, string | undefined>): Policy[] {
    const iam = this.snapshot.global.iam;
    const out: Policy[] = [];
    for (const [userName, r] of Object.entries(iam?.ListAttachedUserPolicies ?? {})) {
      const userArn = listed.get(userName) ?? `arn:${this.partition}:iam::${this.account}:user/${userName}`;
      (r.AttachedPolicies ?? []).forEach((p, k) => {
        if (!p.PolicyArn || !ADMINISTRATOR_ACCESS.test(p.PolicyArn)) return;
        const location = this.loc.at(['global', 'iam', 'ListAttachedUserPolicies', userName, 'AttachedPolicies', k, 'PolicyArn'], userArn);
        out.push({
          kind: 'Policy',
          id: `${userArn}#${p.PolicyArn}`,
          ...this.base(undefined),
          location,
          displayName: `AWS managed policy AdministratorAccess on user ${userName}`,
          policyName: 'AdministratorAccess',
          policyType: 'managed',
          attachedTo: [{ type: 'user', name: userName }],
          statements: [{ effect: 'Allow', actions: ['*'], notActions: [], resources: ['*'], notResources: [], hasCondition: false, location }],
          arn: p.PolicyArn,
        });
      });
    }
    return out;
  }

  rootAccount(): RootAccount[] {
    const iam = this.snapshot.global.iam;
    const report = this.report();
    const row = report?.rows.find((r) => r.user === ROOT_ROW_USER);
    const summary = iam?.GetAccountSummary?.SummaryMap;
    if (!row && !summary) return [];
    const arn = `arn:${this.partition}:iam::${this.account}:root`;
    // The account summary is live; the credential report can be up to four hours old.
    const mfaActive = summary?.AccountMFAEnabled !== undefined ? summary.AccountMFAEnabled === 1 : reportBool(row?.mfa_active);
    const keysFromReport =
      row && (reportBool(row.access_key_1_active) !== undefined || reportBool(row.access_key_2_active) !== undefined)
        ? reportBool(row.access_key_1_active) === true || reportBool(row.access_key_2_active) === true
        : undefined;
    const accessKeysPresent = summary?.AccountAccessKeysPresent !== undefined ? summary.AccountAccessKeysPresent === 1 : keysFromReport;
    const passwordLastUsed = reportDate(row?.password_last_used);
    const accessKeysLastUsed = [reportDate(row?.access_key_1_last_used_date), reportDate(row?.access_key_2_last_used_date)].filter(
      (d): d is string => d !== undefined,
    );
    const activity = this.rootActivity(arn);
    const location = report ? this.loc.at([...report.path, 'Content'], arn) : this.loc.at(['global', 'iam', 'GetAccountSummary'], arn);
    return [
      {
        kind: 'RootAccount',
        id: arn,
        ...this.base(undefined),
        location,
        displayName: `root user of account ${this.account}`,
        accountId: this.account,
        ...(mfaActive !== undefined ? { mfaActive } : {}),
        ...(accessKeysPresent !== undefined ? { accessKeysPresent } : {}),
        ...(passwordLastUsed ? { passwordLastUsed } : {}),
        accessKeysLastUsed,
        ...(activity ? { recentActivity: activity } : {}),
      },
    ];
  }

  /** Root's own actions in the event history of every region read; undefined when no region's history could be read. */
  private rootActivity(arn: string): RootActivity[] | undefined {
    let read = false;
    const out: RootActivity[] = [];
    for (const [region, r] of this.regions()) {
      const events = r.cloudtrail?.LookupEvents?.Events;
      if (!events) continue;
      read = true;
      events.forEach((e, i) => {
        const record = parseEvent(e.CloudTrailEvent);
        const identity = record?.userIdentity as Record<string, unknown> | undefined;
        // CIS's root-use filter: root's own calls, not calls AWS services make on its behalf.
        if (record) {
          if (identity?.type !== 'Root' || identity.invokedBy !== undefined || record.eventType === 'AwsServiceEvent') return;
        } else if (e.Username !== 'root') return;
        const time = e.EventTime ?? (typeof record?.eventTime === 'string' ? record.eventTime : undefined);
        if (!time) return;
        out.push({
          time,
          eventName: e.EventName ?? String(record?.eventName ?? 'unknown'),
          ...(e.EventSource ? { eventSource: e.EventSource } : {}),
          region,
          location: this.loc.at(['regional', region, 'cloudtrail', 'LookupEvents', 'Events', i, 'EventName'], arn),
        });
      });
    }
    return read ? out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)) : undefined;
  }
}

const ADMINISTRATOR_ACCESS = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

function failKey(service: string, region: string, operation: string, resource?: string): string {
  return JSON.stringify([service, region, operation, resource ?? null]);
}

function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim() !== '' ? s : undefined;
}

function parseEvent(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Access keys from the credential report's `access_key_N_*` columns, when the keys could not be listed. */
function reportKeys(row: CredentialReportRow | undefined, location: SourceLocation): AccessKeyInfo[] {
  if (!row) return [];
  const out: AccessKeyInfo[] = [];
  for (const n of [1, 2]) {
    const active = reportBool(row[`access_key_${n}_active`]);
    const rotated = reportDate(row[`access_key_${n}_last_rotated`]);
    if (active === undefined || (!active && !rotated)) continue;
    const lastUsedAt = reportDate(row[`access_key_${n}_last_used_date`]);
    out.push({
      id: `access key ${n}`,
      active,
      ...(rotated ? { createdAt: rotated } : {}),
      ...(lastUsedAt ? { lastUsedAt } : {}),
      lastUsedKnown: true,
      location,
    });
  }
  return out;
}

/** Management and data event recording from basic or advanced event selectors. */
function eventSelection(
  response: { EventSelectors?: ApiEventSelector[]; AdvancedEventSelectors?: ApiAdvancedEventSelector[] },
  locate: (path: PathKey[]) => SourceLocation,
): { managementEvents: boolean; dataEvents: TrailDataEventSelector[] } {
  const advanced = response.AdvancedEventSelectors ?? [];
  if (advanced.length > 0) {
    let managementEvents = false;
    const dataEvents: TrailDataEventSelector[] = [];
    advanced.forEach((sel, i) => {
      const fields = sel.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory')?.Equals ?? [];
      if (category.includes('Management')) managementEvents = true;
      if (!category.includes('Data')) return;
      const typeIndex = fields.findIndex((f) => f.Field === 'resources.type');
      const type = fields[typeIndex]?.Equals?.[0];
      if (!type) return;
      // Only an ARN condition that names resources narrows the selector; one that only excludes some
      // (NotEquals, NotStartsWith, NotEndsWith) still logs every other resource, as templates read it.
      const arn = fields.filter((f) => f.Field === 'resources.ARN');
      const named = arn.flatMap((f) => [...(f.Equals ?? []), ...(f.StartsWith ?? [])]);
      const narrowedOtherwise = arn.some((f) => (f.EndsWith?.length ?? 0) > 0);
      const allResources = named.length > 0 ? named.some(coversAllResources) : !narrowedOtherwise;
      // At the resource type condition, as in templates.
      dataEvents.push({ resourceType: type, allResources, location: locate(['AdvancedEventSelectors', i, 'FieldSelectors', typeIndex]) });
    });
    return { managementEvents, dataEvents };
  }
  const selectors = response.EventSelectors ?? [];
  const dataEvents: TrailDataEventSelector[] = [];
  selectors.forEach((sel, i) => {
    (sel.DataResources ?? []).forEach((d, j) => {
      if (!d.Type) return;
      dataEvents.push({
        resourceType: d.Type,
        allResources: (d.Values ?? []).some(coversAllResources),
        location: locate(['EventSelectors', i, 'DataResources', j, 'Values']),
      });
    });
  });
  // A trail without selectors records management events (CloudTrail's default).
  const managementEvents = selectors.length === 0 || selectors.some((s) => s.IncludeManagementEvents !== false);
  return { managementEvents, dataEvents };
}
