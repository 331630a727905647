import { get } from '../../template/parsing/node.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { NatGateway } from './types.js';

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
