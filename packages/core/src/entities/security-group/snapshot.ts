import type { SourceLocation } from '../../model/location.js';
import { normaliseProtocol } from '../../model/network.js';
import type { ApiIpPermission, ApiSecurityGroup } from '../../snapshot/format.js';
import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import type { SecurityGroup, SecurityGroupRule } from './types.js';

/** Locates a value by its path inside the group's `DescribeSecurityGroups` item, e.g. `['IpPermissions', 0, 'IpRanges', 1, 'CidrIp']`. */
export type PermissionLocator = (path: readonly (string | number)[]) => SourceLocation;

/** A rule before its location is known: its properties are added in the order they have always had. */
type DraftRule = Omit<SecurityGroupRule, 'location'> & { location?: SourceLocation };

function draft(direction: 'ingress' | 'egress', protocol: string, p: ApiIpPermission): DraftRule {
  const rule: DraftRule = { direction, protocol };
  if (p.FromPort !== undefined) rule.fromPort = p.FromPort;
  if (p.ToPort !== undefined) rule.toPort = p.ToPort;
  return rule;
}

// A large account has hundreds of thousands of peers: rules are built by assignment rather than
// spreads, so they share one object shape and no intermediate object is made to be copied.
function flatten(item: ApiSecurityGroup, direction: 'ingress' | 'egress', locate: PermissionLocator, out: SecurityGroupRule[]): void {
  const key = direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  const permissions = item[key] ?? [];
  for (let i = 0; i < permissions.length; i++) {
    const p = permissions[i] as ApiIpPermission;
    const protocol = normaliseProtocol(p.IpProtocol) ?? 'unknown';
    // Each peer is located at the value that names it, as a template rule is at its `CidrIp`.
    const v4 = p.IpRanges ?? [];
    for (let j = 0; j < v4.length; j++) {
      const r = v4[j] as { CidrIp?: string; Description?: string };
      const rule = draft(direction, protocol, p);
      rule.cidrIpv4 = r.CidrIp;
      if (r.Description) rule.description = r.Description;
      rule.location = locate([key, i, 'IpRanges', j, 'CidrIp']);
      out.push(rule as SecurityGroupRule);
    }
    const v6 = p.Ipv6Ranges ?? [];
    for (let j = 0; j < v6.length; j++) {
      const r = v6[j] as { CidrIpv6?: string; Description?: string };
      const rule = draft(direction, protocol, p);
      rule.cidrIpv6 = r.CidrIpv6;
      if (r.Description) rule.description = r.Description;
      rule.location = locate([key, i, 'Ipv6Ranges', j, 'CidrIpv6']);
      out.push(rule as SecurityGroupRule);
    }
    const groups = p.UserIdGroupPairs ?? [];
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j] as { GroupId?: string; GroupName?: string };
      const rule = draft(direction, protocol, p);
      rule.sourceSecurityGroup = g.GroupId ?? g.GroupName;
      rule.location = locate([key, i, 'UserIdGroupPairs', j, 'GroupId']);
      out.push(rule as SecurityGroupRule);
    }
    const prefixLists = p.PrefixListIds ?? [];
    for (let j = 0; j < prefixLists.length; j++) {
      const l = prefixLists[j] as { PrefixListId?: string };
      const rule = draft(direction, protocol, p);
      rule.prefixListId = l.PrefixListId;
      rule.location = locate([key, i, 'PrefixListIds', j, 'PrefixListId']);
      out.push(rule as SecurityGroupRule);
    }
  }
}

/**
 * A `DescribeSecurityGroups` item as the same entity a template's security group becomes: each
 * `IpPermissions` item flattened to one rule per peer. The group is at `location`; each rule at the
 * value `locate` finds for its peer, or at the group without it.
 */
export function securityGroupFromApi(item: ApiSecurityGroup, location: SourceLocation, region?: string, locate?: PermissionLocator): SecurityGroup {
  const at: PermissionLocator = locate ?? (() => location);
  const groupId = item.GroupId ?? item.GroupName ?? 'unknown';
  const group: Omit<SecurityGroup, 'groupId' | 'rules'> & Partial<Pick<SecurityGroup, 'groupId' | 'rules'>> = {
    kind: 'SecurityGroup',
    id: location.arn ?? groupId,
    source: 'snapshot',
    location,
    displayName: item.GroupName && item.GroupName !== groupId ? `${groupId} (${item.GroupName})` : groupId,
  };
  if (region) group.region = region;
  group.groupId = groupId;
  if (item.GroupName) group.groupName = item.GroupName;
  if (item.VpcId) group.vpcId = item.VpcId;
  const rules: SecurityGroupRule[] = [];
  flatten(item, 'ingress', at, rules);
  flatten(item, 'egress', at, rules);
  group.rules = rules;
  return group as SecurityGroup;
}

/** Every `DescribeSecurityGroups` item of every region, located at its `GroupId`. */
export function securityGroupsFromSnapshot(input: SnapshotInput): SecurityGroup[] {
  const out: SecurityGroup[] = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeSecurityGroups?.SecurityGroups ?? []).forEach((g, i) => {
      const arn = input.ec2Arn(region, 'security-group', g.GroupId ?? String(i));
      const path = ['regional', region, 'ec2', 'DescribeSecurityGroups', 'SecurityGroups', i];
      const sg = securityGroupFromApi(g, input.loc.at([...path, 'GroupId'], arn), region, (p) => input.loc.at([...path, ...p], arn));
      // Last, where it has always been among the group's properties.
      sg.observedAt = input.observedAt;
      out.push(withStack(sg, g.Tags));
    });
  }
  return out;
}
