import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { ElasticIp } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('Elastic IPs from the recorded account snapshot', () => {
  it('Elastic IPs: one on the NAT gateway, one unassociated, one on a stopped instance', () => {
    const eips = of('ElasticIp', loaded.entities).map(
      (e): Partial<ElasticIp> => ({
        allocationId: e.allocationId,
        association: e.association,
        instanceId: e.instanceId,
        instanceState: e.instanceState,
        natGatewayId: e.natGatewayId,
      }),
    );
    expect(eips).toEqual([
      {
        allocationId: 'eipalloc-6f766c43568d4ee69',
        association: 'nat-gateway',
        instanceId: undefined,
        instanceState: undefined,
        natGatewayId: 'nat-0b614ccdb9e2c6979',
      },
      { allocationId: 'eipalloc-1dceeff831a76fd82', association: 'none', instanceId: undefined, instanceState: undefined, natGatewayId: undefined },
      {
        allocationId: 'eipalloc-ce09fc6cdaab7885a',
        association: 'instance',
        instanceId: 'i-0fde9cccd6c08d124',
        instanceState: 'stopped',
        natGatewayId: undefined,
      },
    ]);
    expect(of('ElasticIp', loaded.entities)[1]?.location).toMatchObject({
      ...at([...R, 'ec2', 'DescribeAddresses', 'Addresses', 1, 'AllocationId']),
      arn: 'arn:aws:ec2:eu-west-1:123456789012:elastic-ip/eipalloc-1dceeff831a76fd82',
    });
  });
});

describe('Elastic IPs from snapshots', () => {
  it('an Elastic IP on an instance missing from a complete DescribeInstances is on a terminated instance', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeAddresses: {
              Addresses: [
                {
                  AllocationId: 'eipalloc-0a1b2c3d4e5f60718',
                  PublicIp: '203.0.113.7',
                  AssociationId: 'eipassoc-0a1b2c3d4e5f60718',
                  InstanceId: 'i-0123456789abcdef0',
                },
              ],
            },
            DescribeInstances: { Reservations: [] },
          },
        },
      },
    });
    expect(of('ElasticIp', loadSnapshot('s.json', doc).entities)[0]).toMatchObject({
      association: 'instance',
      instanceState: 'terminated',
      displayName: '203.0.113.7 (eipalloc-0a1b2c3d4e5f60718)',
    });
  });
});
