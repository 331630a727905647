import { get } from '../../template/parsing/node.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { ElasticIp } from './types.js';

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
