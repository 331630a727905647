import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** A principal a trust policy names: `{ "AWS": "arn:..." }`, `{ "Service": "ec2.amazonaws.com" }`, or `"*"` (type `*`). */
export interface TrustPrincipal {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: string;
}

/** A condition of a trust policy statement: `{ "StringEquals": { "sts:ExternalId": "x" } }` is one, with the key lower-cased. */
export interface TrustCondition {
  operator: string;
  key: string;
  values: string[];
}

/** A statement of a role's trust policy (`AssumeRolePolicyDocument`). */
export interface TrustStatement {
  effect: 'Allow' | 'Deny';
  principals: TrustPrincipal[];
  /** Written as `NotPrincipal`: everyone but `principals`. */
  notPrincipal: boolean;
  actions: string[];
  conditions: TrustCondition[];
  location: SourceLocation;
  /** How the statement was reached when it depends on template conditions. */
  via?: string[];
}

/** An IAM role (`AWS::IAM::Role`, an account's `RoleDetailList`): who may assume it and what it is given. */
export interface IamRole extends EntityBase {
  kind: 'IamRole';
  roleName: string;
  arn?: string;
  /** The trust policy's statements; empty when it could not be read. */
  trust: TrustStatement[];
  /** Managed policies attached to the role, by name (an ARN's last part). */
  attachedPolicies: string[];
  inlinePolicies: string[];
  /** The permissions boundary's ARN (or what a template writes for it). */
  permissionsBoundary?: string;
  instanceProfiles: string[];
}
