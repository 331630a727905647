import { withStack } from '../../snapshot/stack-tags.js';
import { nonEmpty } from '../../util/non-empty.js';
import type { SnapshotInput } from '../slice.js';
import type { EipAssociation, ElasticIp } from './types.js';

/** Every `DescribeAddresses` item, with what it is attached to: an instance (and its state), a NAT gateway, an interface. */
export function elasticIpsFromSnapshot(input: SnapshotInput): ElasticIp[] {
  const out: ElasticIp[] = [];
  for (const [region, r] of input.regions()) {
    const ec2 = r.ec2;
    const states = new Map<string, string>();
    for (const res of ec2?.DescribeInstances?.Reservations ?? []) {
      for (const inst of res.Instances ?? []) if (inst.InstanceId && inst.State?.Name) states.set(inst.InstanceId, inst.State.Name);
    }
    const instancesKnown = ec2?.DescribeInstances !== undefined;
    const natByEni = new Map<string, string>();
    const natByAllocation = new Map<string, string>();
    for (const nat of ec2?.DescribeNatGateways?.NatGateways ?? []) {
      for (const a of nat.NatGatewayAddresses ?? []) {
        if (a.NetworkInterfaceId && nat.NatGatewayId) natByEni.set(a.NetworkInterfaceId, nat.NatGatewayId);
        if (a.AllocationId && nat.NatGatewayId) natByAllocation.set(a.AllocationId, nat.NatGatewayId);
      }
    }
    (ec2?.DescribeAddresses?.Addresses ?? []).forEach((a, i) => {
      const instanceId = nonEmpty(a.InstanceId);
      const eni = nonEmpty(a.NetworkInterfaceId);
      const natGatewayId = (eni && natByEni.get(eni)) || (a.AllocationId && natByAllocation.get(a.AllocationId)) || undefined;
      let association: EipAssociation = 'none';
      if (natGatewayId) association = 'nat-gateway';
      else if (instanceId) association = 'instance';
      else if (eni || nonEmpty(a.AssociationId)) association = 'network-interface';
      const id = a.AllocationId ?? a.PublicIp ?? String(i);
      const arn = input.ec2Arn(region, 'elastic-ip', id);
      const instanceState = instanceId ? states.get(instanceId) : undefined;
      const eip: ElasticIp = {
        kind: 'ElasticIp',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'ec2', 'DescribeAddresses', 'Addresses', i, a.AllocationId ? 'AllocationId' : 'PublicIp'], arn),
        displayName: a.PublicIp && a.AllocationId ? `${a.PublicIp} (${a.AllocationId})` : id,
        ...(a.AllocationId ? { allocationId: a.AllocationId } : {}),
        ...(a.PublicIp ? { publicIp: a.PublicIp } : {}),
        association,
        ...(instanceId ? { instanceId } : {}),
        // An instance missing from a complete DescribeInstances is gone; say so rather than leave it unknown.
        ...(instanceState ? { instanceState } : instanceId && instancesKnown ? { instanceState: 'terminated' } : {}),
        ...(eni ? { networkInterfaceId: eni } : {}),
        ...(natGatewayId ? { natGatewayId } : {}),
      };
      out.push(withStack(eip, a.Tags));
    });
  }
  return out;
}
