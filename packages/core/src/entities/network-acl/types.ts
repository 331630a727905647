import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** One entry of a network ACL. Lower rule numbers are evaluated first; the first match decides. */
export interface NetworkAclEntry {
  /** Undefined when the template gives none (or it cannot be resolved); such entries are ordered first. */
  ruleNumber?: number;
  egress: boolean;
  action: 'allow' | 'deny';
  /** As in `SecurityGroupRule.protocol`. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  /** As in `SecurityGroupRule.portsKnown`: `false` when `PortRange` is written but its bounds cannot be known. */
  portsKnown?: boolean;
  cidrIpv4?: string;
  cidrIpv6?: string;
  location: SourceLocation;
  via?: string[];
}

/** A network ACL with its entries (`AWS::EC2::NetworkAcl`, `DescribeNetworkAcls`). */
export interface NetworkAcl extends EntityBase {
  kind: 'NetworkAcl';
  aclId: string;
  vpcId?: string;
  /** The VPC's default network ACL (`IsDefault`), which subnets use unless another ACL is associated; never true in a template. */
  isDefault?: boolean;
  /** Subnets associated with it (`Associations[].SubnetId`); left out when the input does not tell. */
  subnetIds?: string[];
  entries: NetworkAclEntry[];
}
