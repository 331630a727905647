import { get } from '../../template/parsing/node.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import { absentBranches, isCreated, isWritten, leastSafe, parseBoolean, parseInteger, type Setting, text } from '../../template/resolution/settings.js';
import type { Template, TemplateResource } from '../../template/types.js';
import type { DbCluster } from './types.js';

const byFalse = (a: boolean, b: boolean): boolean => !a && b;
const byTrue = (a: boolean, b: boolean): boolean => a && !b;
const bySmaller = (a: number, b: number): boolean => a < b;

/**
 * `AWS::RDS::DBCluster` and `AWS::RDS::GlobalCluster` resources with the settings they hold for
 * their instances, AWS defaults filled in. A cluster's members are the template's
 * `AWS::RDS::DBInstance`s whose `DBClusterIdentifier` refers to it (or names its identifier).
 */
export function dbClustersOf(template: Template, resolver: Resolver, graph: TemplateGraph): DbCluster[] {
  const out: DbCluster[] = [];
  const instances = [...template.resources.values()].filter((r) => r.type === 'AWS::RDS::DBInstance' && isCreated(resolver, r));
  for (const res of template.resources.values()) {
    if (!isCreated(resolver, res)) continue;
    if (res.type === 'AWS::RDS::DBCluster') out.push(cluster(template, resolver, graph, res, instances));
    else if (res.type === 'AWS::RDS::GlobalCluster') out.push(globalCluster(template, resolver, graph, res));
  }
  return out;
}

function cluster(template: Template, resolver: Resolver, graph: TemplateGraph, res: TemplateResource, instances: readonly TemplateResource[]): DbCluster {
  const props = res.properties;
  const clusterId = text(resolver, get(props, 'DBClusterIdentifier'));
  const engine = text(resolver, get(props, 'Engine'))?.toLowerCase();
  const engineMode = (text(resolver, get(props, 'EngineMode')) ?? (engine?.startsWith('aurora') ? 'provisioned' : undefined))?.toLowerCase();
  const multiAzCluster = isWritten(resolver, res, 'DBClusterInstanceClass');
  const settingSources: NonNullable<DbCluster['settingSources']> = {};
  const take = <T>(name: keyof typeof settingSources, s: Setting<T> | undefined): T | undefined => {
    if (s) settingSources[name] = s.source;
    return s?.value;
  };

  const referring = new Set(
    graph
      .referencesTo(res.logicalId)
      .filter((r) => r.fromType === 'AWS::RDS::DBInstance' && r.path.startsWith('Properties/DBClusterIdentifier'))
      .map((r) => r.from),
  );
  const members = instances.filter(
    (i) =>
      referring.has(i.logicalId) ||
      (clusterId !== undefined && text(resolver, get(i.properties, 'DBClusterIdentifier'))?.toLowerCase() === clusterId.toLowerCase()),
  );
  const memberZones = members.map((m) => text(resolver, get(m.properties, 'AvailabilityZone')));
  const clusterZones = resolver.value(get(props, 'AvailabilityZones'));
  let zones: string[] | undefined;
  if (memberZones.length > 0 && memberZones.every((z) => z !== undefined)) zones = [...new Set(memberZones as string[])];
  else if (Array.isArray(clusterZones) && clusterZones.length === 1 && typeof clusterZones[0] === 'string') zones = [clusterZones[0]];

  let multiAz: boolean | undefined;
  if (multiAzCluster) multiAz = true;
  // Aurora Serverless v1 has no instances to place: the service moves its capacity when a zone fails.
  else if (engineMode === 'serverless' || members.length === 0) multiAz = undefined;
  else if (members.length === 1) multiAz = false;
  else if (zones) multiAz = zones.length > 1;
  if (multiAz !== undefined && !multiAzCluster) settingSources.multiAz = { location: res.loc };

  // A restored or cloned cluster, or a secondary of a global database, takes its encryption from its source.
  const inherited = ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier'].some((k) => isWritten(resolver, res, k));
  let storageEncrypted: boolean | undefined;
  if (engineMode === 'serverless') storageEncrypted = true;
  else if (!inherited || isWritten(resolver, res, 'StorageEncrypted')) {
    // Naming a KMS key asks for encryption: RDS either encrypts with it or refuses the template.
    storageEncrypted = take('storageEncrypted', leastSafe(resolver, res, 'StorageEncrypted', parseBoolean, isWritten(resolver, res, 'KmsKeyId'), byFalse));
  }

  const backupRetentionPeriod = take('backupRetentionPeriod', leastSafe(resolver, res, 'BackupRetentionPeriod', parseInteger, 1, bySmaller));

  // Multi-AZ DB clusters have no instance resources: the cluster says whether they are public.
  let publiclyAccessible: boolean | undefined;
  if (multiAzCluster) {
    const noSubnetGroup = absentBranches(resolver, res, 'DBSubnetGroupName');
    publiclyAccessible = take(
      'publiclyAccessible',
      leastSafe(resolver, res, 'PubliclyAccessible', parseBoolean, noSubnetGroup.length > 0 ? true : undefined, byTrue),
    );
    const source = settingSources.publiclyAccessible;
    if (source?.defaulted) {
      const via = [...(source.via ?? []), ...(noSubnetGroup[0] ?? [])];
      settingSources.publiclyAccessible = { ...source, ...(via.length > 0 ? { via } : {}) };
    }
  }

  return {
    kind: 'DbCluster',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    clusterId: clusterId ?? res.logicalId,
    resourceType: 'DBCluster',
    ...(engine !== undefined ? { engine } : {}),
    ...(engineMode !== undefined ? { engineMode } : {}),
    ...(multiAzCluster ? { multiAzCluster } : {}),
    members: members.map((m) => m.logicalId),
    ...(zones ? { memberZones: zones } : {}),
    ...(multiAz !== undefined ? { multiAz } : {}),
    ...(storageEncrypted !== undefined ? { storageEncrypted } : {}),
    ...(backupRetentionPeriod !== undefined ? { backupRetentionPeriod } : {}),
    ...(publiclyAccessible !== undefined ? { publiclyAccessible } : {}),
    settingSources,
  };
}

/** An Aurora global database: encrypted as its source cluster when it names one, else as its `StorageEncrypted`. */
function globalCluster(template: Template, resolver: Resolver, graph: TemplateGraph, res: TemplateResource): DbCluster {
  const props = res.properties;
  const settingSources: NonNullable<DbCluster['settingSources']> = {};
  // With a source cluster, that cluster's own finding covers the global database.
  const s = isWritten(resolver, res, 'SourceDBClusterIdentifier') ? undefined : leastSafe(resolver, res, 'StorageEncrypted', parseBoolean, false, byFalse);
  if (s) settingSources.storageEncrypted = s.source;
  const members = graph
    .referencesTo(res.logicalId)
    .filter((r) => r.fromType === 'AWS::RDS::DBCluster' && r.path.startsWith('Properties/GlobalClusterIdentifier'))
    .map((r) => r.from);
  const engine = text(resolver, get(props, 'Engine'))?.toLowerCase();
  return {
    kind: 'DbCluster',
    id: `${template.file}#${res.logicalId}`,
    source: 'template',
    location: res.loc,
    displayName: res.logicalId,
    clusterId: text(resolver, get(props, 'GlobalClusterIdentifier')) ?? res.logicalId,
    resourceType: 'GlobalCluster',
    ...(engine !== undefined ? { engine } : {}),
    engineMode: 'global',
    members: [...new Set(members)],
    ...(s ? { storageEncrypted: s.value } : {}),
    settingSources,
  };
}
