import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import type { NatGateway } from './types.js';

/** Every `DescribeNatGateways` item, with the route tables whose routes go through it. */
export function natGatewaysFromSnapshot(input: SnapshotInput): NatGateway[] {
  const out: NatGateway[] = [];
  for (const [region, r] of input.regions()) {
    const routeTables = r.ec2?.DescribeRouteTables?.RouteTables;
    // Route tables by the NAT gateways their routes go through, each table once, in their order.
    const tablesByNat = new Map<string, string[]>();
    for (const t of routeTables ?? []) {
      for (const natId of new Set((t.Routes ?? []).map((route) => route.NatGatewayId))) {
        if (natId === undefined || !t.RouteTableId) continue;
        const list = tablesByNat.get(natId);
        if (list) list.push(t.RouteTableId);
        else tablesByNat.set(natId, [t.RouteTableId]);
      }
    }
    (r.ec2?.DescribeNatGateways?.NatGateways ?? []).forEach((nat, i) => {
      const natGatewayId = nat.NatGatewayId ?? String(i);
      const arn = input.ec2Arn(region, 'natgateway', natGatewayId);
      const routeTableIds = [...(tablesByNat.get(natGatewayId) ?? [])];
      const gateway: NatGateway = {
        kind: 'NatGateway',
        id: arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, 'ec2', 'DescribeNatGateways', 'NatGateways', i, 'NatGatewayId'], arn),
        displayName: natGatewayId,
        natGatewayId,
        ...(nat.State ? { state: nat.State } : {}),
        ...(nat.SubnetId ? { subnetId: nat.SubnetId } : {}),
        ...(nat.ConnectivityType === 'public' || nat.ConnectivityType === 'private' ? { connectivityType: nat.ConnectivityType } : {}),
        routeTableIds,
        routesKnown: routeTables !== undefined,
      };
      out.push(withStack(gateway, nat.Tags));
    });
  }
  return out;
}
