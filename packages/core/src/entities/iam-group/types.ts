import type { EntityBase } from '../../model/entity.js';

/** An IAM group (`AWS::IAM::Group`, an account's `GroupDetailList`): its members and the policies they get through it. */
export interface IamGroup extends EntityBase {
  kind: 'IamGroup';
  groupName: string;
  arn?: string;
  /** Names of the users in the group (a template's own users by logical id, as `IamUser.groups` names groups). */
  members: string[];
  /** Managed policies attached to the group, by name (an ARN's last part). */
  attachedPolicies: string[];
  inlinePolicies: string[];
}
