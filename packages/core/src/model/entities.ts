import type { SourceLocation } from './location.js';

/** Where an entity was read from. */
export type EntitySource = 'template' | 'snapshot';

export interface EntityBase {
  /** Stable identity within one scan: a template's `file#LogicalId`, or an ARN. */
  id: string;
  source: EntitySource;
  location: SourceLocation;
  /** Human name used in messages: a logical id, a group name, an ARN's short form. */
  displayName: string;
}

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

export interface SecurityGroup extends EntityBase {
  kind: 'SecurityGroup';
  /** `sg-...` for live groups; the logical id for template groups. */
  groupId: string;
  groupName?: string;
  vpcId?: string;
  rules: SecurityGroupRule[];
}

export type SecretType = 'aws-access-key-id' | 'aws-secret-access-key';

/** A string that looks like an AWS credential. The raw value never leaves the loader: only its redacted form and hash. */
export interface SecretMatch extends EntityBase {
  kind: 'Secret';
  secretType: SecretType;
  /** e.g. `AKIA************WXYZ`. Safe to print. */
  redacted: string;
  /** SHA-256 of the value, hex: stable identity for fingerprints and baselines without the secret. */
  hash: string;
  /** Why it was taken for a secret: `access key id prefix`, `secret key name`, `next to an access key id`. */
  evidence: string;
  /** Where in the file, for messages: `resource Fn`, `parameter KeyId`, or the file name. */
  where: string;
}

/** Every entity kind a rule can select, by its `kind`. */
export interface EntityMap {
  SecurityGroup: SecurityGroup;
  Secret: SecretMatch;
}

export type EntityKind = keyof EntityMap;
export type Entity = EntityMap[EntityKind];
