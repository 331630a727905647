import type { EntityBase } from '../../model/entity.js';

/** A NAT gateway (`AWS::EC2::NatGateway`, `DescribeNatGateways`). */
export interface NatGateway extends EntityBase {
  kind: 'NatGateway';
  natGatewayId: string;
  state?: string;
  subnetId?: string;
  connectivityType?: 'public' | 'private';
  /** Route tables with a route through this gateway. */
  routeTableIds: string[];
  /** False when routes could not be read (a failed call, or routes outside the template). */
  routesKnown: boolean;
}
