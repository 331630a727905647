import type { NetworkAcl, NetworkAclEntry } from '../model/entities.js';
import { normaliseProtocol, toPort } from '../model/network.js';
import { toBool } from './fields.js';
import type { TemplateGraph } from './graph.js';
import { type CfnNode, get } from './node.js';
import type { Resolver } from './resolve.js';
import { portValues } from './security-groups.js';
import type { Template } from './template.js';

/** Network ACLs with their entries, standalone `AWS::EC2::NetworkAclEntry` resources grouped by the ACL they name. */
export function networkAclsOf(template: Template, resolver: Resolver, graph: TemplateGraph): NetworkAcl[] {
  const acls = new Map<string, NetworkAcl>();
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::NetworkAcl') continue;
    const vpc = resolver.value(get(res.properties, 'VpcId'));
    acls.set(res.logicalId, {
      kind: 'NetworkAcl',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      aclId: res.logicalId,
      ...(typeof vpc === 'string' ? { vpcId: vpc } : {}),
      entries: [],
    });
  }
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::NetworkAclEntry' || !res.properties) continue;
    const props = res.properties;
    const aclNode = get(props, 'NetworkAclId');
    const local = graph.target(aclNode)?.logicalId;
    const key = local ?? `external:${JSON.stringify(resolver.value(aclNode) ?? res.logicalId)}`;
    let acl = acls.get(key);
    if (!acl) {
      const external = resolver.value(aclNode);
      acl = {
        kind: 'NetworkAcl',
        id: `${template.file}#${res.logicalId}`,
        source: 'template',
        location: res.loc,
        displayName: typeof external === 'string' ? external : res.logicalId,
        aclId: typeof external === 'string' ? external : res.logicalId,
        entries: [],
      };
      acls.set(key, acl);
    }
    const ports = get(props, 'PortRange');
    const cidr4 = get(props, 'CidrBlock');
    const cidr6 = get(props, 'Ipv6CidrBlock');
    // One entry per candidate CIDR, so a world range on either Fn::If branch is seen.
    const peers = cidr4 ? resolver.values(cidr4).map((c) => ({ c, v6: false })) : resolver.values(cidr6).map((c) => ({ c, v6: true }));
    for (const { c, v6 } of peers) {
      const action = resolver.value(get(props, 'RuleAction'));
      const ruleNumber = toPort(resolver.value(get(props, 'RuleNumber')));
      const entry: NetworkAclEntry = {
        ...(ruleNumber !== undefined ? { ruleNumber } : {}),
        egress: toBool(resolver.value(get(props, 'Egress'))) ?? false,
        action: typeof action === 'string' && action.toLowerCase() === 'deny' ? 'deny' : 'allow',
        protocol: normaliseProtocol(scalarOf(resolver.value(get(props, 'Protocol')))) ?? 'unknown',
        location: { ...(c.at ?? res.node).loc, logicalPath: `${res.logicalId}/${v6 ? 'Ipv6CidrBlock' : 'CidrBlock'}` },
      };
      const from = singlePort(resolver, get(ports, 'From'));
      const to = singlePort(resolver, get(ports, 'To'));
      if (typeof from === 'number') entry.fromPort = from;
      if (typeof to === 'number') entry.toPort = to;
      if (from === undefined || to === undefined) entry.portsKnown = false;
      if (typeof c.value === 'string') {
        if (v6) entry.cidrIpv6 = c.value;
        else entry.cidrIpv4 = c.value;
      }
      if (c.via.length > 0) entry.via = c.via;
      acl.entries.push(entry);
    }
  }
  for (const acl of acls.values()) acl.entries.sort((a, b) => (a.ruleNumber ?? -1) - (b.ruleNumber ?? -1));
  return [...acls.values()];
}

/** A port bound: its number, `null` when absent (every port), `undefined` when written but unknown or ambiguous. */
function singlePort(resolver: Resolver, node: CfnNode | undefined): number | null | undefined {
  const all = portValues(resolver, node);
  const first = all[0]?.value;
  return all.every((c) => c.value === first) && (typeof first === 'number' || first === null) ? first : undefined;
}

function scalarOf(v: unknown): string | number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}
