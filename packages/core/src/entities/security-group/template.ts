import type { Notification } from '../../model/finding.js';
import { hasPorts, normaliseProtocol } from '../../model/network.js';
import { type CfnNode, get, intrinsicName, scalarString } from '../../template/parsing/node.js';
import { cross, MAX_COMBINATIONS, portValues } from '../../template/resolution/ports.js';
import type { Resolver } from '../../template/resolution/resolve.js';
import type { Template, TemplateResource } from '../../template/types.js';
import { append } from '../../util/append.js';
import type { SecurityGroup, SecurityGroupRule } from './types.js';

const PEER_KEYS = ['CidrIp', 'CidrIpv6', 'SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId'] as const;
const EGRESS_PEER_KEYS = ['CidrIp', 'CidrIpv6', 'DestinationSecurityGroupId', 'DestinationPrefixListId'] as const;

/**
 * Security groups of a template, with inline rules and standalone ingress/egress resources merged in.
 * A rule EC2 would refuse (tcp or udp with only one of `FromPort` and `ToPort`) is a `not-deployable`
 * warning in `notices`, and its ports are unknown rather than guessed.
 */
export function securityGroupsOf(template: Template, resolver: Resolver, notices: Notification[] = []): SecurityGroup[] {
  const groups = new Map<string, SecurityGroup>();
  const ctx: RuleContext = { template, resolver, notices, warned: new Set() };
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
            append(group.rules, rulesOf(ctx, b.node, direction, `${res.logicalId}/${key}/${i}`, b.via));
          }
        });
      }
    }
    group.rules = distinctRules(group.rules);
    groups.set(res.logicalId, group);
  }
  for (const res of template.resources.values()) {
    const direction = res.type === 'AWS::EC2::SecurityGroupIngress' ? 'ingress' : res.type === 'AWS::EC2::SecurityGroupEgress' ? 'egress' : undefined;
    if (!direction || !res.properties) continue;
    const target = localGroup(res, direction);
    const rules = rulesOf(ctx, res.properties, direction, res.logicalId, []);
    const owner = target ? groups.get(target) : undefined;
    if (owner) {
      append(owner.rules, rules);
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

interface RuleContext {
  template: Template;
  resolver: Resolver;
  notices: Notification[];
  /** Rules already reported as undeployable, so that each is reported once whatever its branches. */
  warned: Set<string>;
}

function rulesOf(ctx: RuleContext, item: CfnNode, direction: 'ingress' | 'egress', path: string, via: string[]): SecurityGroupRule[] {
  const { resolver } = ctx;
  const peerKey = (direction === 'ingress' ? PEER_KEYS : EGRESS_PEER_KEYS).find((k) => get(item, k) !== undefined);
  const peerNode = peerKey ? get(item, peerKey) : undefined;
  const logicalPath = peerKey ? `${path}/${peerKey}` : path;
  const out: SecurityGroupRule[] = [];
  const lists = [
    resolver.values(get(item, 'IpProtocol')),
    portValues(resolver, get(item, 'FromPort')),
    portValues(resolver, get(item, 'ToPort')),
    peerNode ? resolver.values(peerNode) : [{ value: undefined, via: [] }],
  ];
  let combos = cross(lists, via);
  if (!combos) {
    resolver.notEvaluated(item, `its protocol, ports and source have more than ${MAX_COMBINATIONS} combinations of Fn::If branches`);
    // Each property keeps its value where it has only one; the others are unknown.
    combos = [{ parts: lists.map((l) => (l.length === 1 ? l[0] : { value: undefined, via: [] })), via }];
  }
  for (const { parts, via: allVia } of combos) {
    const [proto, from, to, peer] = parts;
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
    // EC2 requires both ports for tcp and udp: with one, the stack fails, and no range is opened to judge.
    const missing =
      protocol && hasPorts(protocol)
        ? from?.value === null && to?.value !== null
          ? 'FromPort'
          : to?.value === null && from?.value !== null
            ? 'ToPort'
            : undefined
        : undefined;
    if (missing) {
      rule.portsKnown = false;
      undeployable(ctx, item, path, missing, protocol ?? '');
    }
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
    if (allVia.length > 0) rule.via = allVia;
    out.push(rule);
  }
  return distinctRules(out);
}

function undeployable(ctx: RuleContext, item: CfnNode, path: string, missing: 'FromPort' | 'ToPort', protocol: string): void {
  const key = `${item.span[0]}:${item.span[1]}:${missing}`;
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  const given = missing === 'FromPort' ? 'ToPort' : 'FromPort';
  ctx.notices.push({
    level: 'warning',
    code: 'not-deployable',
    file: ctx.template.file,
    line: item.loc.line,
    column: item.loc.column,
    message: `Security group rule ${path} (${protocol}) has ${given} but no ${missing}: EC2 requires both for tcp and udp, so CloudFormation rejects it; its ports are not judged (scanned anyway)`,
  });
}

/** Rules that differ only in how they were reached: the first is kept, so one rule is reported once. */
function distinctRules(rules: SecurityGroupRule[]): SecurityGroupRule[] {
  if (rules.length < 2) return rules;
  const seen = new Set<string>();
  return rules.filter((r) => {
    const { via: _via, description: _description, location, ...rest } = r;
    const key = JSON.stringify([rest, location.line, location.column, location.logicalPath]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function scalar(v: unknown): string | number | boolean | null | undefined {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}
