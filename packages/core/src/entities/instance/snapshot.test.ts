import { describe, expect, it } from 'vitest';
import { at, recorded as loaded, of, R } from '../../../../../test/entities.js';
import { snapshotJson } from '../../../../../test/snapshot-builder.js';
import type { Instance } from '../../model/entities.js';
import { loadSnapshot } from '../../snapshot/read.js';

describe('instances from the recorded account snapshot', () => {
  it('the stopped instance, without a profile, located at its id', () => {
    const instances = of('Instance', loaded.entities);
    expect(instances.map((i): Partial<Instance> => ({ instanceId: i.instanceId, state: i.state, hasInstanceProfile: i.hasInstanceProfile }))).toEqual([
      { instanceId: 'i-0fde9cccd6c08d124', state: 'stopped', hasInstanceProfile: false },
    ]);
    expect(instances[0]?.location).toMatchObject({
      ...at([...R, 'ec2', 'DescribeInstances', 'Reservations', 0, 'Instances', 0, 'InstanceId']),
      arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0fde9cccd6c08d124',
    });
  });
});

describe('instances from snapshots', () => {
  it('every reservation and instance, terminated and shutting-down ones left out, a profile by ARN or id, named by the Name tag', () => {
    const doc = snapshotJson({
      regional: {
        'eu-west-1': {
          ec2: {
            DescribeInstances: {
              Reservations: [
                {
                  Instances: [
                    {
                      InstanceId: 'i-01',
                      State: { Name: 'running' },
                      Placement: { AvailabilityZone: 'eu-west-1a' },
                      IamInstanceProfile: { Arn: 'arn:aws:iam::123456789012:instance-profile/web' },
                      Tags: [{ Key: 'Name', Value: 'web-1' }],
                    },
                    { InstanceId: 'i-02', State: { Name: 'terminated' } },
                  ],
                },
                {
                  Instances: [
                    { InstanceId: 'i-03', State: { Name: 'shutting-down' } },
                    { InstanceId: 'i-04', State: { Name: 'pending' }, IamInstanceProfile: { Id: 'AIPA1' } },
                  ],
                },
                { Instances: [{ InstanceId: 'i-05', State: { Name: 'stopping' } }] },
              ],
            },
          },
        },
      },
    });
    const out = of('Instance', loadSnapshot('s.json', doc).entities);
    expect(out.map((i) => [i.displayName, i.state, i.hasInstanceProfile, i.availabilityZone ?? null, i.resourceType])).toEqual([
      ['i-01 (web-1)', 'running', true, 'eu-west-1a', 'Instance'],
      ['i-04', 'pending', true, null, 'Instance'],
      ['i-05', 'stopping', false, null, 'Instance'],
    ]);
    expect(out[2]?.location.line).toBe(at(['regional', 'eu-west-1', 'ec2', 'DescribeInstances', 'Reservations', 2, 'Instances', 0, 'InstanceId'], doc).line);
  });
});
