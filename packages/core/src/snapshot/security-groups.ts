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
    const protocol = normaliseProtocol(p.IpProtocol) ?? 'unknown';
    // Built field by field (a large account has hundreds of thousands of rules), in this order.
    const rule = (): SecurityGroupRule => {
      const r: SecurityGroupRule = { direction, protocol } as SecurityGroupRule;
      if (p.FromPort !== undefined) r.fromPort = p.FromPort;
      if (p.ToPort !== undefined) r.toPort = p.ToPort;
      r.location = location;
      return r;
    };
    for (const range of p.IpRanges ?? []) {
      const r = rule();
      r.cidrIpv4 = range.CidrIp;
      if (range.Description) r.description = range.Description;
      out.push(r);
    }
    for (const range of p.Ipv6Ranges ?? []) {
      const r = rule();
      r.cidrIpv6 = range.CidrIpv6;
      if (range.Description) r.description = range.Description;
      out.push(r);
    }
    for (const g of p.UserIdGroupPairs ?? []) {
      const r = rule();
      r.sourceSecurityGroup = g.GroupId ?? g.GroupName;
      out.push(r);
    }
    for (const l of p.PrefixListIds ?? []) {
      const r = rule();
      r.prefixListId = l.PrefixListId;
      out.push(r);
    }
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
