import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

/** An access key of an IAM user, as the credential report and `ListAccessKeys` give it. */
export interface AccessKeyInfo {
  /** Redacted id, e.g. `AKIA************WXYZ`. */
  id: string;
  active: boolean;
  createdAt?: string;
  lastUsedAt?: string;
  /** True when the key's last use was looked up: then a missing `lastUsedAt` means never used. */
  lastUsedKnown?: boolean;
  /** Where the key is listed (a snapshot's `ListAccessKeys` item). */
  location?: SourceLocation;
}

/** An IAM user (`AWS::IAM::User`, `ListUsers` and the credential report). */
export interface IamUser extends EntityBase {
  kind: 'IamUser';
  userName: string;
  arn?: string;
  createdAt?: string;
  groups: string[];
  attachedPolicies: string[];
  inlinePolicies: string[];
  /** Has a console password. */
  consoleAccess?: boolean;
  passwordLastUsed?: string;
  mfaActive?: boolean;
  accessKeys: AccessKeyInfo[];
  /** Named by a template's policy but defined elsewhere (another stack): its groups, keys and password are not known. */
  definedElsewhere?: boolean;
  /** The permissions boundary's ARN (or what a template writes for it): it caps what the user's policies grant. */
  permissionsBoundary?: string;
  /** Where each directly attached or inline policy is attached (a template's `ManagedPolicyArns` item, `Policies` item, or a policy's `Users` item). */
  policyLocations?: { name: string; type: 'managed' | 'inline'; location: SourceLocation }[];
}
