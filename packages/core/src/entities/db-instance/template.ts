import type { SettingSource } from '../../model/entity.js';
import { type CfnNode, get } from '../../template/parsing/node.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import {
  absentBranches,
  isCreated,
  isWritten,
  leastSafe,
  parseBoolean,
  parseInteger,
  refTarget,
  type Setting,
  text,
} from '../../template/resolution/settings.js';
import type { Template, TemplateResource } from '../../template/types.js';
import { append } from '../../util/append.js';
import type { SecurityGroup, SecurityGroupRule } from '../security-group/types.js';
import { engineDefaultPort } from './engines.js';
import type { DbInstance } from './types.js';

const byFalse = (a: boolean, b: boolean): boolean => !a && b;
const byTrue = (a: boolean, b: boolean): boolean => a && !b;
const bySmaller = (a: number, b: number): boolean => a < b;

interface Draft {
  res: TemplateResource;
  db: DbInstance;
  /** The template instance a read replica copies, when it is in the template. */
  sourceRes?: TemplateResource;
  /** Encryption comes from a snapshot or a source instance rather than from `StorageEncrypted`. */
  inherited: boolean;
}

/**
 * `AWS::RDS::DBInstance` resources with the settings rules judge, AWS defaults filled in where the
 * template leaves them out, and the security groups they use resolved to the template's groups.
 */
export function dbInstancesOf(template: Template, resolver: Resolver, groups: readonly SecurityGroup[]): DbInstance[] {
  const dbGroups = dbSecurityGroupsOf(template, resolver);
  const drafts = new Map<string, Draft>();
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::RDS::DBInstance' || !isCreated(resolver, res)) continue;
    drafts.set(res.logicalId, draft(template, resolver, res, groups, dbGroups));
  }
  // A replica of an instance in the same template is as encrypted as its source, and runs its engine.
  for (const d of drafts.values()) {
    const seen = new Set<string>();
    let src = d.sourceRes ? drafts.get(d.sourceRes.logicalId) : undefined;
    while (src?.inherited && src.sourceRes && !seen.has(src.res.logicalId)) {
      seen.add(src.res.logicalId);
      src = drafts.get(src.sourceRes.logicalId);
    }
    if (!src || src === d) continue;
    if (d.inherited && d.db.storageEncrypted === undefined && src.db.storageEncrypted !== undefined) {
      d.db.storageEncrypted = src.db.storageEncrypted;
      const from = src.db.settingSources?.storageEncrypted;
      if (from && d.db.settingSources) {
        d.db.settingSources.storageEncrypted = { location: d.res.loc, inheritedFrom: src.res.logicalId, ...(from.via ? { via: from.via } : {}) };
      }
    }
    // A replica in its source's region lives in the source's subnets: it is not in the default VPC.
    if (d.db.settingSources?.publiclyAccessible?.defaulted && d.db.readReplicaSource !== undefined && isWritten(resolver, src.res, 'DBSubnetGroupName')) {
      delete d.db.publiclyAccessible;
      delete d.db.settingSources.publiclyAccessible;
    }
    if (d.db.engine === undefined && src.db.engine !== undefined) {
      d.db.engine = src.db.engine;
      if (d.db.port === undefined) d.db.port = engineDefaultPort(src.db.engine);
    }
  }
  return [...drafts.values()].map((d) => d.db);
}

function draft(
  template: Template,
  resolver: Resolver,
  res: TemplateResource,
  groups: readonly SecurityGroup[],
  dbGroups: ReadonlyMap<string, SecurityGroup>,
): Draft {
  const props = res.properties;
  const clusterNode = get(props, 'DBClusterIdentifier');
  const clusterRes = refTarget(template, clusterNode);
  const cluster = clusterRes?.type === 'AWS::RDS::DBCluster' ? clusterRes : undefined;
  const clusterId = isWritten(resolver, res, 'DBClusterIdentifier')
    ? (text(resolver, clusterNode) ?? clusterRes?.logicalId ?? '(DBClusterIdentifier)')
    : undefined;
  const engine = (text(resolver, get(props, 'Engine')) ?? (cluster ? text(resolver, get(cluster.properties, 'Engine')) : undefined))?.toLowerCase();
  const member = clusterId !== undefined || /^(aurora|docdb|neptune)/.test(engine ?? '');

  const sourceKey = ['SourceDBInstanceIdentifier', 'SourceDbiResourceId', 'SourceDBInstanceAutomatedBackupsArn'].find((k) => isWritten(resolver, res, k));
  const sourceNode = sourceKey ? get(props, sourceKey) : undefined;
  const sourceTarget = refTarget(template, sourceNode);
  const sourceRes = sourceTarget?.type === 'AWS::RDS::DBInstance' ? sourceTarget : undefined;
  const pointInTime = isWritten(resolver, res, 'RestoreTime') || isWritten(resolver, res, 'UseLatestRestorableTime');
  const replica = (sourceKey === 'SourceDBInstanceIdentifier' || sourceKey === 'SourceDbiResourceId') && !pointInTime;
  const restoredAlways =
    sourceKey !== undefined || (isWritten(resolver, res, 'DBSnapshotIdentifier') && absentBranches(resolver, res, 'DBSnapshotIdentifier').length === 0);

  const settingSources: NonNullable<DbInstance['settingSources']> = {};
  const take = <T>(name: keyof typeof settingSources, s: Setting<T> | undefined): T | undefined => {
    if (s) settingSources[name] = s.source;
    return s?.value;
  };

  const multiAz = member ? undefined : take('multiAz', leastSafe(resolver, res, 'MultiAZ', parseBoolean, false, byFalse));

  // With no DB subnet group RDS uses the default VPC, whose internet gateway makes the instance public.
  const noSubnetGroup = absentBranches(resolver, res, 'DBSubnetGroupName');
  const publicByDefault = !member && noSubnetGroup.length > 0;
  const publiclyAccessible = take(
    'publiclyAccessible',
    leastSafe(resolver, res, 'PubliclyAccessible', parseBoolean, publicByDefault ? true : undefined, byTrue),
  );
  const publicSource = settingSources.publiclyAccessible;
  if (publicSource?.defaulted) {
    const via = [...(publicSource.via ?? []), ...(noSubnetGroup[0] ?? [])];
    settingSources.publiclyAccessible = { ...publicSource, ...(via.length > 0 ? { via } : {}) };
  }

  let storageEncrypted: boolean | undefined;
  if (!member && !restoredAlways) {
    // Naming a KMS key asks for encryption: RDS either encrypts with it or refuses the template.
    const kms = isWritten(resolver, res, 'KmsKeyId');
    const s = leastSafe(resolver, res, 'StorageEncrypted', parseBoolean, kms, byFalse);
    const unrestored = absentBranches(resolver, res, 'DBSnapshotIdentifier')[0] ?? [];
    if (s && unrestored.length > 0) s.source = { ...s.source, via: [...unrestored, ...(s.source.via ?? [])] };
    storageEncrypted = take('storageEncrypted', s);
  }

  // Read replicas start without automated backups; the source instance keeps them.
  const backupRetentionPeriod = member
    ? undefined
    : take('backupRetentionPeriod', leastSafe(resolver, res, 'BackupRetentionPeriod', parseInteger, replica ? undefined : 1, bySmaller));

  const portSetting = singleValue(resolver, res, 'Port') ?? (cluster ? singleValue(resolver, cluster, 'Port') : undefined);
  const port = portSetting?.value ?? engineDefaultPort(engine);
  if (portSetting) settingSources.port = portSetting.source;

  const ids = new Set<string>();
  const found = new Map<string, SecurityGroup>();
  const collect = (owner: TemplateResource, key: string): void => {
    const node = get(owner.properties, key);
    // A list parameter or an import: only the ids themselves can be known.
    for (const list of resolver.branches(node)) {
      if (!list.node || list.node.kind === 'seq') continue;
      for (const c of resolver.values(list.node)) {
        for (const id of Array.isArray(c.value) ? c.value : []) {
          if (typeof id !== 'string') continue;
          ids.add(id);
          for (const g of groups) if (g.groupId === id) found.set(g.id, g);
        }
      }
    }
    for (const item of listItems(resolver, node)) {
      const target = refTarget(template, item);
      const dbGroup = target ? dbGroups.get(target.logicalId) : undefined;
      if (dbGroup) {
        ids.add(dbGroup.groupId);
        found.set(dbGroup.id, dbGroup);
        continue;
      }
      const id = target?.type === 'AWS::EC2::SecurityGroup' ? target.logicalId : text(resolver, item);
      if (id === undefined) continue;
      ids.add(id);
      for (const g of groups) if (g.groupId === id) found.set(g.id, g);
    }
  };
  collect(res, 'VPCSecurityGroups');
  collect(res, 'DBSecurityGroups');
  if (cluster && !isWritten(resolver, res, 'VPCSecurityGroups')) collect(cluster, 'VpcSecurityGroupIds');

  const db: DbInstance = {
    kind: 'DbInstance',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    dbInstanceId: text(resolver, get(props, 'DBInstanceIdentifier')) ?? res.logicalId,
    ...(engine !== undefined ? { engine } : {}),
    ...(clusterId !== undefined ? { clusterId } : {}),
    ...(multiAz !== undefined ? { multiAz } : {}),
    ...(publiclyAccessible !== undefined ? { publiclyAccessible } : {}),
    ...(storageEncrypted !== undefined ? { storageEncrypted } : {}),
    ...(backupRetentionPeriod !== undefined ? { backupRetentionPeriod } : {}),
    ...(port !== undefined ? { port } : {}),
    securityGroupIds: [...ids],
    securityGroups: [...found.values()],
    ...(replica && sourceKey ? { readReplicaSource: sourceRes?.logicalId ?? text(resolver, sourceNode) ?? `(${sourceKey})` } : {}),
    settingSources,
  };
  return { res, db, ...(sourceRes ? { sourceRes } : {}), inherited: restoredAlways && !member };
}

/** A property's value when it has exactly one known candidate. */
function singleValue(resolver: Resolver, res: TemplateResource, key: string): Setting<number> | undefined {
  const node = get(res.properties, key);
  if (!node) return undefined;
  const values = new Set(resolver.values(node).map((c) => parseInteger(c.value)));
  const [only] = values;
  if (values.size !== 1 || only === undefined) return undefined;
  const source: SettingSource = { location: { ...node.loc, logicalPath: `${res.logicalId}/Properties/${key}` } };
  return { value: only, source };
}

/** Items of a list property on every branch, each item's own branches unfolded. */
function listItems(resolver: Resolver, node: CfnNode | undefined): CfnNode[] {
  const out: CfnNode[] = [];
  for (const list of resolver.branches(node)) {
    if (list.node?.kind !== 'seq') continue;
    for (const item of list.node.items) for (const b of resolver.branches(item)) if (b.node) out.push(b.node);
  }
  return out;
}

/**
 * EC2-Classic `AWS::RDS::DBSecurityGroup`s as security groups: each ingress admits the instance's
 * port from a CIDR or an EC2 security group. They are entities only through the instances using them.
 */
function dbSecurityGroupsOf(template: Template, resolver: Resolver): Map<string, SecurityGroup> {
  const out = new Map<string, SecurityGroup>();
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::RDS::DBSecurityGroup') continue;
    const rules: SecurityGroupRule[] = [];
    const list = get(res.properties, 'DBSecurityGroupIngress');
    const items = list?.kind === 'seq' ? list.items : list ? [list] : [];
    items.forEach((item, i) => {
      append(rules, dbIngressRules(resolver, item, `${res.logicalId}/Properties/DBSecurityGroupIngress/${i}`));
    });
    out.set(res.logicalId, {
      kind: 'SecurityGroup',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      groupId: res.logicalId,
      rules,
    });
  }
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::RDS::DBSecurityGroupIngress' || !res.properties) continue;
    const owner = out.get(refTarget(template, get(res.properties, 'DBSecurityGroupName'))?.logicalId ?? '');
    if (owner) append(owner.rules, dbIngressRules(resolver, res.properties, `${res.logicalId}/Properties`));
  }
  return out;
}

function dbIngressRules(resolver: Resolver, item: CfnNode, path: string): SecurityGroupRule[] {
  const cidr = get(item, 'CIDRIP');
  const group = get(item, 'EC2SecurityGroupId') ?? get(item, 'EC2SecurityGroupName');
  if (cidr) {
    return resolver.values(cidr).map((c) => ({
      direction: 'ingress',
      protocol: 'tcp',
      ...(typeof c.value === 'string' ? { cidrIpv4: c.value } : {}),
      location: { ...(c.at ?? cidr).loc, logicalPath: `${path}/CIDRIP` },
      ...(c.via.length > 0 ? { via: c.via } : {}),
    }));
  }
  if (group) return [{ direction: 'ingress', protocol: 'tcp', sourceSecurityGroup: text(resolver, group) ?? '(EC2SecurityGroupId)', location: group.loc }];
  return [];
}
