import type { SecurityGroup, SecurityGroupRule } from '../model/entities.js';
import { normaliseProtocol, toPort } from '../model/network.js';
import { type CfnNode, get, intrinsicName, scalarString } from './node.js';
import type { Candidate, Resolver } from './resolve.js';
import type { Template, TemplateResource } from './template.js';

const PEER_KEYS = ['CidrIp', 'CidrIpv6', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId'] as const;
const EGRESS_PEER_KEYS = ['CidrIp', 'CidrIpv6', 'DestinationSecurityGroupId', 'DestinationPrefixListId'] as const;

/** Security groups of a template, with inline rules and standalone ingress/egress resources merged in. */
export function securityGroupsOf(template: Template, resolver: Resolver): SecurityGroup[] {
  const groups = new Map<string, SecurityGroup>();
  for (const res of template.resources.values()) {
    if (res.type !== 'AWS::EC2::SecurityGroup') continue;
    const props = res.properties;
    const group: SecurityGroup = {
      kind: 'SecurityGroup',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      groupId: res.logicalId,
      groupName: str(resolver, get(props, 'GroupName')),
      vpcId: str(resolver, get(props, 'VpcId')),
      rules: [],
    };
    for (const [key, direction] of [
      ['SecurityGroupIngress', 'ingress'],
      ['SecurityGroupEgress', 'egress'],
    ] as const) {
      for (const list of resolver.branches(get(props, key))) {
        if (list.node?.kind !== 'seq') continue;
        list.node.items.forEach((item, i) => {
          for (const b of resolver.branches(item, list.via)) {
            if (b.node?.kind !== 'map') continue;
            group.rules.push(...rulesOf(resolver, b.node, direction, `${res.logicalId}/${key}/${i}`, b.via));
          }
        });
      }
    }
    groups.set(res.logicalId, group);
  }
  for (const res of template.resources.values()) {
    const direction = res.type === 'AWS::EC2::SecurityGroupIngress' ? 'ingress' : res.type === 'AWS::EC2::SecurityGroupEgress' ? 'egress' : undefined;
    if (!direction || !res.properties) continue;
    const target = localGroup(res, direction);
    const rules = rulesOf(resolver, res.properties, direction, res.logicalId, []);
    const owner = target ? groups.get(target) : undefined;
    if (owner) {
      owner.rules.push(...rules);
      continue;
    }
    // The group lives outside this template (an id, an import, a parameter): judge the rule on its own.
    const ref = get(res.properties, 'GroupId') ?? get(res.properties, 'GroupName');
    groups.set(res.logicalId, {
      kind: 'SecurityGroup',
      id: `${template.file}#${res.logicalId}`,
      source: 'template',
      location: res.loc,
      displayName: res.logicalId,
      groupId: str(resolver, ref) ?? res.logicalId,
      rules,
    });
  }
  return [...groups.values()];
}

function localGroup(res: TemplateResource, direction: 'ingress' | 'egress'): string | undefined {
  const ref = get(res.properties, 'GroupId') ?? (direction === 'ingress' ? get(res.properties, 'GroupName') : undefined);
  const fn = intrinsicName(ref);
  if (fn === 'Ref') return scalarString(get(ref, 'Ref'));
  if (fn === 'Fn::GetAtt') {
    const arg = get(ref, 'Fn::GetAtt');
    return arg?.kind === 'seq' ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0];
  }
  return undefined;
}

function str(resolver: Resolver, node: CfnNode | undefined): string | undefined {
  const v = resolver.value(node);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function rulesOf(resolver: Resolver, item: CfnNode, direction: 'ingress' | 'egress', path: string, via: string[]): SecurityGroupRule[] {
  const peerKey = (direction === 'ingress' ? PEER_KEYS : EGRESS_PEER_KEYS).find((k) => get(item, k) !== undefined);
  const peerNode = peerKey ? get(item, peerKey) : undefined;
  const logicalPath = peerKey ? `${path}/${peerKey}` : path;
  const out: SecurityGroupRule[] = [];
  const combos = cross([
    resolver.values(get(item, 'IpProtocol')),
    portValues(resolver, get(item, 'FromPort')),
    portValues(resolver, get(item, 'ToPort')),
    peerNode ? resolver.values(peerNode) : [{ value: undefined, via: [] }],
  ]);
  for (const [proto, from, to, peer] of combos) {
    const protocol = normaliseProtocol(scalar(proto?.value));
    const rule: SecurityGroupRule = {
      direction,
      protocol: protocol ?? 'unknown',
      fromPort: typeof from?.value === 'number' ? from.value : undefined,
      toPort: typeof to?.value === 'number' ? to.value : undefined,
      description: str(resolver, get(item, 'Description')),
      // Point at the value that decides the peer: the Fn::If branch or the Ref, inside the resource.
      location: { ...(peer?.at ?? peerNode ?? item).loc, logicalPath },
    };
    if (from?.value === undefined || to?.value === undefined) rule.portsKnown = false;
    const peerValue = scalar(peer?.value);
    if (peerKey && peerValue !== undefined && peerValue !== null) {
      const text = String(peerValue);
      if (peerKey === 'CidrIp') rule.cidrIpv4 = text;
      else if (peerKey === 'CidrIpv6') rule.cidrIpv6 = text;
      else if (peerKey.endsWith('PrefixListId')) rule.prefixListId = text;
      else rule.sourceSecurityGroup = text;
    } else if (peerKey?.endsWith('SecurityGroupId') || peerKey === 'SourceSecurityGroupName') {
      rule.sourceSecurityGroup = `(${peerKey})`;
    }
    const allVia = [...via, ...[proto, from, to, peer].flatMap((c) => c?.via ?? [])];
    if (allVia.length > 0) rule.via = [...new Set(allVia)];
    out.push(rule);
  }
  return out;
}

/**
 * Candidates for a port: the port number, `null` when the property is absent (on some branch: all
 * ports), `undefined` when it is written but cannot be known (an unresolved parameter, `''`, `abc`).
 * Telling the two apart keeps an unknown port from reading as "every port".
 */
export function portValues(resolver: Resolver, node: CfnNode | undefined): Candidate[] {
  if (!node) return [{ value: null, via: [] }];
  return resolver
    .branches(node)
    .flatMap((b): Candidate[] =>
      b.node === undefined ? [{ value: null, via: b.via }] : resolver.values(b.node).map((c) => ({ ...c, value: toPort(c.value), via: [...b.via, ...c.via] })),
    );
}

function scalar(v: unknown): string | number | boolean | null | undefined {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/** Cartesian product of candidate lists, small by construction (each list is bounded by the resolver). */
function cross(lists: Candidate[][]): (Candidate | undefined)[][] {
  let acc: (Candidate | undefined)[][] = [[]];
  for (const list of lists) {
    const opts = list.length > 0 ? list : [undefined];
    acc = acc.flatMap((prefix) => opts.map((o) => [...prefix, o]));
    if (acc.length > 64) return [lists.map((l) => (l.length === 1 ? l[0] : { value: undefined, via: [] }))];
  }
  return acc;
}
