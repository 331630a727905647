import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import type { NatGateway } from '../../model/entities.js';

describe('NAT gateways from the recorded account snapshot', () => {
  it('the NAT gateway knows no route table uses it', () => {
    expect(of('NatGateway', loaded.entities)).toEqual([
      expect.objectContaining<Partial<NatGateway>>({
        natGatewayId: 'nat-0b614ccdb9e2c6979',
        state: 'available',
        subnetId: 'subnet-45c65a4a4bb1684bc',
        routeTableIds: [],
        routesKnown: true,
        location: expect.objectContaining(at([...R, 'ec2', 'DescribeNatGateways', 'NatGateways', 0, 'NatGatewayId'])),
      }),
    ]);
  });
});
