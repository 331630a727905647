import type { SecurityGroup, SecurityGroupRule } from '../model/entities.js';
import type { SourceLocation } from '../model/location.js';
import { normaliseProtocol } from '../model/network.js';

/** The parts of EC2's `IpPermission` a rule needs, as the SDK and `aws ec2 describe-security-groups` return it. */
export interface ApiIpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string; Description?: string }[];
  UserIdGroupPairs?: { GroupId?: string; GroupName?: string; UserId?: string; Description?: string }[];
  PrefixListIds?: { PrefixListId?: string; Description?: string }[];
}

export interface ApiSecurityGroup {
  GroupId?: string;
  GroupName?: string;
  VpcId?: string;
  OwnerId?: string;
  IpPermissions?: ApiIpPermission[];
  IpPermissionsEgress?: ApiIpPermission[];
}

/** Locates a value by its path inside the group's `DescribeSecurityGroups` item, e.g. `['IpPermissions', 0, 'IpRanges', 1, 'CidrIp']`. */
export type PermissionLocator = (path: readonly (string | number)[]) => SourceLocation;

function flatten(item: ApiSecurityGroup, direction: 'ingress' | 'egress', locate: PermissionLocator): SecurityGroupRule[] {
  const key = direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  const out: SecurityGroupRule[] = [];
  (item[key] ?? []).forEach((p, i) => {
    const base = {
      direction,
      protocol: normaliseProtocol(p.IpProtocol) ?? 'unknown',
      ...(p.FromPort !== undefined ? { fromPort: p.FromPort } : {}),
      ...(p.ToPort !== undefined ? { toPort: p.ToPort } : {}),
    };
    // Each peer is located at the value that names it, as a template rule is at its `CidrIp`.
    const at = (list: string, j: number, field: string) => locate([key, i, list, j, field]);
    for (const [j, r] of (p.IpRanges ?? []).entries()) {
      out.push({ ...base, cidrIpv4: r.CidrIp, ...(r.Description ? { description: r.Description } : {}), location: at('IpRanges', j, 'CidrIp') });
    }
    for (const [j, r] of (p.Ipv6Ranges ?? []).entries()) {
      out.push({ ...base, cidrIpv6: r.CidrIpv6, ...(r.Description ? { description: r.Description } : {}), location: at('Ipv6Ranges', j, 'CidrIpv6') });
    }
    for (const [j, g] of (p.UserIdGroupPairs ?? []).entries()) {
      out.push({ ...base, sourceSecurityGroup: g.GroupId ?? g.GroupName, location: at('UserIdGroupPairs', j, 'GroupId') });
    }
    for (const [j, l] of (p.PrefixListIds ?? []).entries()) {
      out.push({ ...base, prefixListId: l.PrefixListId, location: at('PrefixListIds', j, 'PrefixListId') });
    }
  });
  return out;
}

/**
 * A `DescribeSecurityGroups` item as the same entity a template's security group becomes: each
 * `IpPermissions` item flattened to one rule per peer. The group is at `location`; each rule at the
 * value `locate` finds for its peer, or at the group without it.
 */
export function securityGroupFromApi(item: ApiSecurityGroup, location: SourceLocation, region?: string, locate?: PermissionLocator): SecurityGroup {
  const at: PermissionLocator = locate ?? (() => location);
  const groupId = item.GroupId ?? item.GroupName ?? 'unknown';
  return {
    kind: 'SecurityGroup',
    id: location.arn ?? groupId,
    source: 'snapshot',
    location,
    displayName: item.GroupName && item.GroupName !== groupId ? `${groupId} (${item.GroupName})` : groupId,
    ...(region ? { region } : {}),
    groupId,
    ...(item.GroupName ? { groupName: item.GroupName } : {}),
    ...(item.VpcId ? { vpcId: item.VpcId } : {}),
    rules: [...flatten(item, 'ingress', at), ...flatten(item, 'egress', at)],
  };
}
