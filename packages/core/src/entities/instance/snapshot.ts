import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import type { Instance } from './types.js';

/** States of an instance that is gone or going: it runs nothing and holds no credentials to judge. */
const GONE = new Set(['terminated', 'shutting-down']);

/** Every `DescribeInstances` instance that is not terminated or shutting down, and whether it has an instance profile. */
export function instancesFromSnapshot(input: SnapshotInput): Instance[] {
  const out: Instance[] = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeInstances?.Reservations ?? []).forEach((reservation, ri) => {
      (reservation.Instances ?? []).forEach((inst, ii) => {
        const state = inst.State?.Name;
        if (state !== undefined && GONE.has(state)) return;
        const instanceId = inst.InstanceId ?? `${ri}.${ii}`;
        const arn = input.ec2Arn(region, 'instance', instanceId);
        const az = inst.Placement?.AvailabilityZone;
        const name = inst.Tags?.find((t) => t.Key === 'Name')?.Value;
        const instance: Instance = {
          kind: 'Instance',
          id: arn,
          ...input.base(region),
          location: input.loc.at(['regional', region, 'ec2', 'DescribeInstances', 'Reservations', ri, 'Instances', ii, 'InstanceId'], arn),
          displayName: name ? `${instanceId} (${name})` : instanceId,
          instanceId,
          resourceType: 'Instance',
          // EC2 reports the profile only when one is associated.
          hasInstanceProfile: inst.IamInstanceProfile?.Arn !== undefined || inst.IamInstanceProfile?.Id !== undefined,
          ...(state !== undefined ? { state } : {}),
          ...(az ? { availabilityZone: az } : {}),
        };
        out.push(withStack(instance, inst.Tags));
      });
    });
  }
  return out;
}
