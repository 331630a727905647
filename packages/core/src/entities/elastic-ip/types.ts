import type { EntityBase } from '../../model/entity.js';

/** What an Elastic IP is attached to. `unknown`: a template attaches it in a way that cannot be followed statically. */
export type EipAssociation = 'instance' | 'network-interface' | 'nat-gateway' | 'none' | 'unknown';

/** An Elastic IP address (`AWS::EC2::EIP`, `DescribeAddresses`). */
export interface ElasticIp extends EntityBase {
  kind: 'ElasticIp';
  allocationId?: string;
  publicIp?: string;
  association: EipAssociation;
  instanceId?: string;
  /** State of the associated instance (`running`, `stopped`, ...), when known. */
  instanceState?: string;
  networkInterfaceId?: string;
  natGatewayId?: string;
}
