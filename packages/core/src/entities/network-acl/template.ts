import type { Notification } from '../../model/finding.js';
import { hasPorts, normaliseProtocol, toPort } from '../../model/network.js';
import { type CfnNode, get } from '../../template/parsing/node.js';
import { toBool } from '../../template/resolution/fields.js';
import type { TemplateGraph } from '../../template/resolution/graph.js';
import { cross, portValues } from '../../template/resolution/ports.js';
import { type Candidate, mergeVia, type Resolver } from '../../template/resolution/resolve.js';
import type { Template } from '../../template/types.js';
import type { NetworkAcl, NetworkAclEntry } from './types.js';

/**
 * Network ACLs with their entries, standalone `AWS::EC2::NetworkAclEntry` resources grouped by the
 * ACL they name. A tcp or udp entry without a whole `PortRange`, which EC2 refuses, is a
 * `not-deployable` warning in `notices`, and its ports are unknown rather than every port.
 */
export function networkAclsOf(template: Template, resolver: Resolver, graph: TemplateGraph, notices: Notification[] = []): NetworkAcl[] {
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
    const cidr4 = get(props, 'CidrBlock');
    const cidr6 = get(props, 'Ipv6CidrBlock');
    const v6 = !cidr4 && cidr6 !== undefined;
    const action = resolver.value(get(props, 'RuleAction'));
    const ruleNumber = toPort(resolver.value(get(props, 'RuleNumber')));
    const egress = toBool(resolver.value(get(props, 'Egress'))) ?? false;
    // One entry per combination of CIDR, protocol and port range, so a world range or an admin port on any Fn::If branch is seen.
    const lists: (Candidate | RangeCandidate)[][] = [
      resolver.values(v6 ? cidr6 : cidr4),
      resolver.values(get(props, 'Protocol')),
      portRanges(resolver, get(props, 'PortRange')),
    ];
    let combos = cross(lists);
    if (!combos) {
      resolver.notEvaluated(res.node, 'its CIDR block, protocol and port range have too many combinations of Fn::If branches');
      combos = [{ parts: lists.map((l) => (l.length === 1 ? l[0] : { value: undefined, from: undefined, to: undefined, via: [] })), via: [] }];
    }
    const warned = new Set<string>();
    for (const { parts, via } of combos) {
      const [c, proto] = parts as (Candidate | undefined)[];
      const range = parts[2] as RangeCandidate | undefined;
      const protocol = normaliseProtocol(scalarOf(proto?.value)) ?? 'unknown';
      const entry: NetworkAclEntry = {
        ...(ruleNumber !== undefined ? { ruleNumber } : {}),
        egress,
        action: typeof action === 'string' && action.toLowerCase() === 'deny' ? 'deny' : 'allow',
        protocol,
        location: { ...(c?.at ?? res.node).loc, logicalPath: `${res.logicalId}/${v6 ? 'Ipv6CidrBlock' : 'CidrBlock'}` },
      };
      const from = range?.from;
      const to = range?.to;
      if (typeof from === 'number') entry.fromPort = from;
      if (typeof to === 'number') entry.toPort = to;
      if (from === undefined || to === undefined) entry.portsKnown = false;
      // EC2 requires a port range, both ends, for tcp and udp: without one the stack fails, and no range is opened to judge.
      const missing = hasPorts(protocol)
        ? from === null && to === null
          ? 'PortRange'
          : from === null
            ? 'PortRange.From'
            : to === null
              ? 'PortRange.To'
              : undefined
        : undefined;
      if (missing) {
        entry.portsKnown = false;
        if (!warned.has(missing)) {
          warned.add(missing);
          notices.push({
            level: 'warning',
            code: 'not-deployable',
            file: template.file,
            line: res.loc.line,
            column: res.loc.column,
            message: `Network ACL entry ${res.logicalId} (${protocol}) has no ${missing}: EC2 requires a port range for tcp and udp, so CloudFormation rejects it; its ports are not judged (scanned anyway)`,
          });
        }
      }
      if (typeof c?.value === 'string') {
        if (v6) entry.cidrIpv6 = c.value;
        else entry.cidrIpv4 = c.value;
      }
      if (via.length > 0) entry.via = via;
      acl.entries.push(entry);
    }
  }
  for (const acl of acls.values()) acl.entries.sort((a, b) => (a.ruleNumber ?? -1) - (b.ruleNumber ?? -1));
  return [...acls.values()];
}

/** A `PortRange` on one branch: each end as `portValues` gives it (`null`: absent, `undefined`: unknown). */
interface RangeCandidate {
  from: number | null | undefined;
  to: number | null | undefined;
  via: string[];
}

function portRanges(resolver: Resolver, node: CfnNode | undefined): RangeCandidate[] {
  const out: RangeCandidate[] = [];
  const end = (v: unknown): number | null | undefined => (typeof v === 'number' || v === null ? v : undefined);
  for (const b of resolver.branches(node)) {
    for (const from of portValues(resolver, get(b.node, 'From'))) {
      for (const to of portValues(resolver, get(b.node, 'To'))) {
        const ends = mergeVia(from.via, to.via);
        const via = ends && mergeVia(b.via, ends);
        if (via) out.push({ from: end(from.value), to: end(to.value), via });
      }
    }
  }
  return out;
}

function scalarOf(v: unknown): string | number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}
