import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/**
 * One permission of a security group, flattened to a single peer, as EC2's `DescribeSecurityGroupRules`
 * does: an `IpPermissions` item with two `IpRanges` becomes two rules. Template ingress items and
 * standalone `AWS::EC2::SecurityGroupIngress` resources map onto the same shape.
 */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** Normalised protocol: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all), or an IANA protocol number as text. */
  protocol: string;
  /** Inclusive port range; undefined when the protocol has no ports or the rule covers all of them. */
  fromPort?: number;
  toPort?: number;
  /**
   * `false` when the template writes `FromPort` or `ToPort` but its value cannot be known (a parameter
   * without a default, an empty or non-numeric string): the ports are then unknown, which is not the
   * same as absent ports (all of them). Left out when the ports are known; pass it to `portRange`.
   */
  portsKnown?: boolean;
  /** Exactly one peer is set, when it is known. */
  cidrIpv4?: string;
  cidrIpv6?: string;
  sourceSecurityGroup?: string;
  prefixListId?: string;
  description?: string;
  /** Where the peer is written (the `CidrIp` value, or the snapshot's security group). */
  location: SourceLocation;
  /** How a template value was reached when it depends on parameters or conditions, e.g. `parameter SshCidr default`. */
  via?: string[];
}

/** An EC2 security group with its rules (`AWS::EC2::SecurityGroup` and its standalone ingress and egress resources, `DescribeSecurityGroups`). */
export interface SecurityGroup extends EntityBase {
  kind: 'SecurityGroup';
  /** `sg-...` for live groups; the logical id for template groups. */
  groupId: string;
  groupName?: string;
  vpcId?: string;
  rules: SecurityGroupRule[];
}
