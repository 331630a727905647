import type { SettingSource } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';
import { own } from '../../model/lookup.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../../template/parsing/node.js';
import { Resolver } from '../../template/resolution/resolve.js';
import { describeNode, isCreated, refTarget, text } from '../../template/resolution/settings.js';
import type { Template, TemplateResource } from '../../template/types.js';
import { append } from '../../util/append.js';
import type { AzSpan } from './types.js';

interface SpanKind {
  resourceType: AzSpan['resourceType'];
  nameKey: string;
  /** Properties holding subnets, the first written wins. */
  subnetKeys: readonly string[];
  /** A property listing zones directly, used when no subnet property is written. */
  zonesKey?: string;
}

const KINDS: Readonly<Record<string, SpanKind>> = {
  'AWS::RDS::DBSubnetGroup': { resourceType: 'DbSubnetGroup', nameKey: 'DBSubnetGroupName', subnetKeys: ['SubnetIds'] },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { resourceType: 'LoadBalancer', nameKey: 'Name', subnetKeys: ['Subnets', 'SubnetMappings'] },
  'AWS::ElasticLoadBalancing::LoadBalancer': {
    resourceType: 'LoadBalancer',
    nameKey: 'LoadBalancerName',
    subnetKeys: ['Subnets'],
    zonesKey: 'AvailabilityZones',
  },
  'AWS::AutoScaling::AutoScalingGroup': {
    resourceType: 'AutoScalingGroup',
    nameKey: 'AutoScalingGroupName',
    subnetKeys: ['VPCZoneIdentifier'],
    zonesKey: 'AvailabilityZones',
  },
};

/** One subnet or zone entry; `zone` undefined when it cannot be worked out. */
interface Place {
  id: string;
  zone?: string;
}

/** The places of one alternative of the property; `undefined` places: their number is not known. */
interface Alternative {
  places: Place[] | undefined;
  via: string[];
  node: CfnNode;
}

const MAX_ALTERNATIVES = 16;

/**
 * DB subnet groups, load balancers and auto scaling groups with the subnets they span and, when
 * the subnets are the template's own `AWS::EC2::Subnet`s, their availability zones.
 */
export function azSpansOf(template: Template, resolver: Resolver): AzSpan[] {
  const out: AzSpan[] = [];
  // Zones written as `${AWS::Region}a` compare by their text when the region is not known.
  const zoneResolver = new Resolver(template, { ...resolver.options, region: resolver.options.region ?? '${AWS::Region}' });
  for (const res of template.resources.values()) {
    const kind = own(KINDS, res.type);
    if (!kind || !isCreated(resolver, res)) continue;
    const subnetKey = kind.subnetKeys.find((k) => get(res.properties, k) !== undefined);
    const key = subnetKey ?? (kind.zonesKey && get(res.properties, kind.zonesKey) !== undefined ? kind.zonesKey : undefined);
    const node = key ? get(res.properties, key) : undefined;
    if (!key || !node) continue;
    const alts = alternatives(template, resolver, zoneResolver, node, subnetKey === undefined ? 'zone' : key === 'VPCZoneIdentifier' ? 'csv' : 'subnet', key);
    // Judge the least spread alternative; when none is single-zone, describe the first.
    const chosen = alts.find((a) => singleZone(a.places, subnetKey === undefined)) ?? alts[0];
    if (!chosen) continue;
    const places = chosen.places;
    // Zones are known when every place has one.
    const zones = places?.flatMap((p) => (p.zone === undefined ? [] : [p.zone]));
    const known = zones !== undefined && zones.length === places?.length;
    const source: SettingSource = {
      location: { ...spanOf(chosen.node), logicalPath: `${res.logicalId}/Properties/${key}` },
      ...(chosen.via.length > 0 ? { via: [...new Set(chosen.via)] } : {}),
    };
    out.push({
      kind: 'AzSpan',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      resourceType: kind.resourceType,
      name: text(resolver, get(res.properties, kind.nameKey)) ?? res.logicalId,
      subnetIds: subnetKey && places ? places.map((p) => p.id) : [],
      ...(known ? { availabilityZones: [...new Set(zones)] } : {}),
      subnetsSource: source,
    });
  }
  return out;
}

/** A block list's location runs to the end of its last item, not to the start of the next line. */
function spanOf(node: CfnNode): SourceLocation {
  const last = node.kind === 'seq' ? node.items.at(-1) : undefined;
  return last && node.loc.endLine > last.loc.endLine ? { ...node.loc, endLine: last.loc.endLine, endColumn: last.loc.endColumn } : node.loc;
}

function singleZone(places: Place[] | undefined, zoneList: boolean): boolean {
  if (!places || places.length === 0) return false;
  if (!zoneList && places.length === 1) return true;
  const zones = places.map((p) => p.zone);
  return zones.every((z) => z !== undefined) && new Set(zones).size === 1;
}

type Mode = 'subnet' | 'csv' | 'zone';

function alternatives(template: Template, resolver: Resolver, zones: Resolver, node: CfnNode, mode: Mode, key: string): Alternative[] {
  const out: Alternative[] = [];
  for (const list of resolver.branches(node)) {
    if (!list.node) continue;
    if (list.node.kind === 'seq') {
      for (const combo of itemCombos(resolver, list.node.items, list.via)) {
        const places: Place[] = [];
        let known = true;
        for (const item of combo.items) {
          const p = placesOf(template, resolver, zones, key === 'SubnetMappings' ? get(item, 'SubnetId') : item, mode);
          if (!p) known = false;
          else append(places, p);
        }
        out.push({ places: known ? places : undefined, via: combo.via, node: list.node });
      }
    } else {
      // A list parameter, `Fn::Split`, an import: only literal values can be counted.
      for (const c of resolver.values(list.node)) {
        const items = Array.isArray(c.value) ? c.value : typeof c.value === 'string' && mode !== 'zone' ? c.value.split(',') : undefined;
        const places = items?.every((i) => typeof i === 'string' && i.trim() !== '')
          ? items.map((i) => (mode === 'zone' ? { id: String(i).trim(), zone: String(i).trim() } : { id: String(i).trim() }))
          : undefined;
        out.push({ places, via: [...list.via, ...c.via], node: c.at ?? list.node });
      }
    }
    if (out.length >= MAX_ALTERNATIVES) break;
  }
  return out.slice(0, MAX_ALTERNATIVES);
}

/** Every combination of the items' `Fn::If` branches, items on an `AWS::NoValue` branch left out. */
function itemCombos(resolver: Resolver, items: readonly CfnNode[], via: string[]): { items: CfnNode[]; via: string[] }[] {
  let acc: { items: CfnNode[]; via: string[] }[] = [{ items: [], via }];
  for (const item of items) {
    const next: { items: CfnNode[]; via: string[] }[] = [];
    for (const left of acc) {
      for (const b of resolver.branches(item)) {
        next.push({ items: b.node ? [...left.items, b.node] : left.items, via: [...left.via, ...b.via.filter((v) => !left.via.includes(v))] });
      }
    }
    if (next.length > MAX_ALTERNATIVES) return [{ items: [...items], via }];
    acc = next;
  }
  return acc;
}

/** The subnets (or zones) one list item stands for; `undefined` when their number is not known. */
function placesOf(template: Template, resolver: Resolver, zones: Resolver, item: CfnNode | undefined, mode: Mode): Place[] | undefined {
  if (!item) return undefined;
  if (mode === 'zone') {
    const zone = single(zones, item);
    return [{ id: zone ?? describeNode(item), ...(zone ? { zone } : {}) }];
  }
  const target = refTarget(template, item);
  if (target?.type === 'AWS::EC2::Subnet') {
    const zone = zoneOfSubnet(zones, target);
    return [{ id: target.logicalId, ...(zone ? { zone } : {}) }];
  }
  const values = resolver.values(item).map((c) => c.value);
  if (values.every((v): v is string => typeof v === 'string' && v.trim() !== '')) {
    // An auto scaling group's item may be a comma-separated list: it counts as that many subnets.
    const lists = values.map((v) =>
      mode === 'csv'
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [v.trim()],
    );
    const [first] = lists;
    if (!first || new Set(lists.map((l) => l.length)).size !== 1) return undefined;
    // Several candidates (a mapping by region): the number is known, the ids are not.
    return lists.length === 1 ? first.map((id) => ({ id })) : first.map(() => ({ id: describeNode(item) }));
  }
  // An unknown item of an auto scaling group may hold several comma-separated subnets.
  if (mode === 'csv' && !isSubnetIdParameter(template, item)) return undefined;
  return [{ id: describeNode(item) }];
}

function isSubnetIdParameter(template: Template, item: CfnNode): boolean {
  if (intrinsicName(item) !== 'Ref') return false;
  return template.parameters.get(scalarString(get(item, 'Ref')) ?? '')?.type === 'AWS::EC2::Subnet::Id';
}

/** The zone of a template subnet: its `AvailabilityZone` (or zone id) when it has one known value. */
function zoneOfSubnet(resolver: Resolver, subnet: TemplateResource): string | undefined {
  return single(resolver, get(subnet.properties, 'AvailabilityZone')) ?? single(resolver, get(subnet.properties, 'AvailabilityZoneId'));
}

function single(resolver: Resolver, node: CfnNode | undefined): string | undefined {
  if (!node) return undefined;
  const values = new Set(resolver.values(node).map((c) => c.value));
  const [only] = values;
  return values.size === 1 && typeof only === 'string' && only !== '' ? only : undefined;
}
