import type { ElasticIp, NatGateway } from '../model/entities.js';
import { get } from './parsing/node.js';
import type { TemplateGraph } from './resolution/graph.js';
import type { Resolver } from './resolution/resolve.js';
import type { Template } from './template.js';

/**
 * Elastic IPs and what they are attached to. A reference the template cannot follow (a custom
 * resource, user data that associates at boot, a nested stack, an exported output) counts as
 * `unknown`, not `none`: only an address nothing uses is reported.
 */
export function elasticIpsOf(template: Template, resolver: Resolver, graph: TemplateGraph): ElasticIp[] {
  const out: ElasticIp[] = [];
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::EIP') continue;
    const eip: ElasticIp = {
      kind: 'ElasticIp',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      allocationId: res.logicalId,
      association: 'none',
    };
    const instance = get(res.properties, 'InstanceId');
    if (instance) {
      const branches = resolver.branches(instance);
      const absent = branches.find((b) => b.node === undefined);
      if (absent) {
        eip.association = 'none';
        if (absent.via.length > 0) eip.via = absent.via;
      } else eip.association = 'instance';
      out.push(eip);
      continue;
    }
    for (const ref of graph.referencesTo(res.logicalId)) {
      if (ref.from.startsWith('Outputs/')) {
        // An exported value can be associated by another stack; a plain output is only shown.
        const output = get(get(template.root, 'Outputs'), ref.from.slice('Outputs/'.length));
        if (get(output, 'Export') !== undefined && ref.path.startsWith('Value') && eip.association === 'none') eip.association = 'unknown';
        continue;
      }
      if (ref.fromType === 'AWS::EC2::EIPAssociation') {
        const assoc = template.resources.get(ref.from)?.properties;
        eip.association = get(assoc, 'NetworkInterfaceId') ? 'network-interface' : 'instance';
      } else if (ref.fromType === 'AWS::EC2::NatGateway' && ref.path === 'Properties/AllocationId') {
        eip.association = 'nat-gateway';
        eip.natGatewayId = ref.from;
      } else if (eip.association === 'none') {
        eip.association = 'unknown';
      }
    }
    out.push(eip);
  }
  return out;
}

/** NAT gateways and the route tables that send traffic through them. */
export function natGatewaysOf(template: Template, resolver: Resolver, graph: TemplateGraph): NatGateway[] {
  const out: NatGateway[] = [];
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::NatGateway') continue;
    const connectivity = resolver.value(get(res.properties, 'ConnectivityType'));
    const nat: NatGateway = {
      kind: 'NatGateway',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      natGatewayId: res.logicalId,
      connectivityType: connectivity === 'private' ? 'private' : 'public',
      routeTableIds: [],
      routesKnown: true,
    };
    const subnet = resolver.value(get(res.properties, 'SubnetId'));
    if (typeof subnet === 'string') nat.subnetId = subnet;
    for (const ref of graph.referencesTo(res.logicalId)) {
      if (ref.fromType === 'AWS::EC2::Route' && ref.path === 'Properties/NatGatewayId') {
        const tableNode = get(template.resources.get(ref.from)?.properties, 'RouteTableId');
        const table = graph.target(tableNode)?.logicalId ?? resolver.value(tableNode);
        nat.routeTableIds.push(typeof table === 'string' ? table : ref.from);
      } else {
        // Exported, passed to a nested stack or used by something we do not model: routes may live elsewhere.
        nat.routesKnown = false;
      }
    }
    out.push(nat);
  }
  return out;
}
