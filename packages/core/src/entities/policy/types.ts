import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** A statement of an IAM policy document. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  hasCondition: boolean;
  location: SourceLocation;
  /** Where each of `actions` is written, index for index, when known. */
  actionLocations?: SourceLocation[];
  /** How the statement's values were reached when they depend on parameters or conditions. */
  via?: string[];
}

/** A principal a policy is attached to, and who ends up with the policy's permissions through it. */
export interface PolicyAttachment {
  type: 'user' | 'group' | 'role';
  name: string;
  /** A group's members, by name, when known. */
  members?: string[];
  /** Who a role's trust policy lets assume it (`Service ec2.amazonaws.com`, `any principal (*)`), when known. */
  trustedBy?: string[];
  /** The principal's permissions boundary (an ARN, or a template's reference): it caps what the policy grants. */
  boundary?: string;
}

/** An IAM policy document: managed, inline on a user, group or role, or a bucket/queue policy. */
export interface Policy extends EntityBase {
  kind: 'Policy';
  policyName: string;
  policyType: 'managed' | 'inline';
  /** Principals it is attached to. */
  attachedTo: PolicyAttachment[];
  statements: PolicyStatement[];
  /** ARN of a managed policy, e.g. `arn:aws:iam::aws:policy/AdministratorAccess` for an AWS managed one. */
  arn?: string;
  /** Set as some principal's permissions boundary: then it limits permissions rather than granting them. */
  permissionsBoundary?: boolean;
  /** Known to be attached to no user, group or role (an account's `AttachmentCount` of 0). A template never knows it: another stack may attach it. */
  unattached?: boolean;
}
