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

function flatten(perms: readonly ApiIpPermission[] | undefined, direction: 'ingress' | 'egress', location: SourceLocation): SecurityGroupRule[] {
  const out: SecurityGroupRule[] = [];
  for (const p of perms ?? []) {
    const base = {
      direction,
      protocol: normaliseProtocol(p.IpProtocol) ?? 'unknown',
      ...(p.FromPort !== undefined ? { fromPort: p.FromPort } : {}),
      ...(p.ToPort !== undefined ? { toPort: p.ToPort } : {}),
      location,
    };
    for (const r of p.IpRanges ?? []) out.push({ ...base, cidrIpv4: r.CidrIp, ...(r.Description ? { description: r.Description } : {}) });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, cidrIpv6: r.CidrIpv6, ...(r.Description ? { description: r.Description } : {}) });
    for (const g of p.UserIdGroupPairs ?? []) out.push({ ...base, sourceSecurityGroup: g.GroupId ?? g.GroupName });
    for (const l of p.PrefixListIds ?? []) out.push({ ...base, prefixListId: l.PrefixListId });
  }
  return out;
}

/**
 * A `DescribeSecurityGroups` item as the same entity a template's security group becomes: each
 * `IpPermissions` item flattened to one rule per peer, located at the group in the snapshot.
 */
export function securityGroupFromApi(item: ApiSecurityGroup, location: SourceLocation, region?: string): SecurityGroup {
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
    rules: [...flatten(item.IpPermissions, 'ingress', location), ...flatten(item.IpPermissionsEgress, 'egress', location)],
  };
}
