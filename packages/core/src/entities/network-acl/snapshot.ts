import type { SourceLocation } from '../../model/location.js';
import { normaliseProtocol } from '../../model/network.js';
import { withStack } from '../../snapshot/stack-tags.js';
import type { SnapshotInput } from '../slice.js';
import type { NetworkAcl, NetworkAclEntry } from './types.js';

/** Every `DescribeNetworkAcls` item, located at its id; each entry at its CIDR. */
export function networkAclsFromSnapshot(input: SnapshotInput): NetworkAcl[] {
  const out: NetworkAcl[] = [];
  for (const [region, r] of input.regions()) {
    (r.ec2?.DescribeNetworkAcls?.NetworkAcls ?? []).forEach((acl, i) => {
      const aclId = acl.NetworkAclId ?? String(i);
      const arn = input.ec2Arn(region, 'network-acl', aclId);
      const path = ['regional', region, 'ec2', 'DescribeNetworkAcls', 'NetworkAcls', i];
      // Built by assignment rather than spreads: a large account has tens of thousands of entries.
      const entries: NetworkAclEntry[] = (acl.Entries ?? []).map((e, j) => {
        const entry: Omit<NetworkAclEntry, 'location'> & { location?: SourceLocation } = {
          ruleNumber: e.RuleNumber ?? 0,
          egress: e.Egress === true,
          action: e.RuleAction === 'allow' ? 'allow' : 'deny',
          protocol: normaliseProtocol(e.Protocol) ?? 'unknown',
        };
        if (e.PortRange?.From !== undefined) entry.fromPort = e.PortRange.From;
        if (e.PortRange?.To !== undefined) entry.toPort = e.PortRange.To;
        if (e.CidrBlock) entry.cidrIpv4 = e.CidrBlock;
        if (e.Ipv6CidrBlock) entry.cidrIpv6 = e.Ipv6CidrBlock;
        // At the CIDR, as a template entry is: the address range is what a reader checks first.
        entry.location = input.loc.at([...path, 'Entries', j, e.CidrBlock ? 'CidrBlock' : 'Ipv6CidrBlock'], arn);
        return entry as NetworkAclEntry;
      });
      const networkAcl: NetworkAcl = {
        kind: 'NetworkAcl',
        id: arn,
        ...input.base(region),
        location: input.loc.at([...path, 'NetworkAclId'], arn),
        displayName: aclId,
        aclId,
        ...(acl.VpcId ? { vpcId: acl.VpcId } : {}),
        ...(acl.IsDefault !== undefined ? { isDefault: acl.IsDefault } : {}),
        // A snapshot written before associations were kept does not say which subnets use the ACL.
        ...(acl.Associations ? { subnetIds: acl.Associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])) } : {}),
        entries,
      };
      out.push(withStack(networkAcl, acl.Tags));
    });
  }
  return out;
}
