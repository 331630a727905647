import type { EntityBase } from '../../model/entity.js';
import type { SourceLocation } from '../../model/location.js';

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
  /** Where each directly attached or inline policy is attached (a template's `ManagedPolicyArns` item, `Policies` item, or a policy's `Users` item). */
  policyLocations?: { name: string; type: 'managed' | 'inline'; location: SourceLocation }[];
}
