import type { EntityBase } from '../../model/entity.js';

/** An EC2 instance (`AWS::EC2::Instance`, `DescribeInstances`), or what a launch template or launch configuration gives the instances it starts. */
export interface Instance extends EntityBase {
  kind: 'Instance';
  /** The instance id in an account, the logical id in a template. */
  instanceId: string;
  resourceType: 'Instance' | 'LaunchTemplate' | 'LaunchConfiguration';
  /** undefined when it cannot be known (e.g. a launch template version chosen at launch). */
  hasInstanceProfile?: boolean;
  /**
   * The logical id of an instance profile of the same template that the resource uses (directly or
   * through its launch template) and that holds no role (`Roles: []`): its instances get no role
   * credentials, as without a profile. `fieldLocations`/`fieldVia` under this name say where and when.
   */
  emptyInstanceProfile?: string;
  /** Accounts only: the instance's state (`running`, `stopped`, ...); terminated and shutting-down instances are left out. */
  state?: string;
  /** Accounts only: where it runs. */
  availabilityZone?: string;
}
