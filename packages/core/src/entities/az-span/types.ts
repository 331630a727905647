import type { EntityBase, SettingSource } from '../../model/entity.js';

/** A resource that should span several availability zones: a DB subnet group, a load balancer, an auto scaling group. */
export interface AzSpan extends EntityBase {
  kind: 'AzSpan';
  resourceType: 'DbSubnetGroup' | 'LoadBalancer' | 'AutoScalingGroup';
  name: string;
  /**
   * One entry per subnet; empty when the number of subnets is not known (a list parameter, an import)
   * or when only zones are given (a Classic Load Balancer or an Auto Scaling group outside a VPC).
   */
  subnetIds: string[];
  /** Availability zones, when knowable; `undefined` when they cannot be worked out. */
  availabilityZones?: string[];
  /** Template entities only: where the subnets or zones are written. */
  subnetsSource?: SettingSource;
}
