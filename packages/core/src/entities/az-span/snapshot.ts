import type { RegionalResponses } from '../../snapshot/format.js';
import { type ApiTagLike, withStack } from '../../snapshot/stack-tags.js';
import { nonEmpty } from '../../util/non-empty.js';
import type { SnapshotInput } from '../slice.js';
import type { AzSpan } from './types.js';

/** What one response item gives: its subnets and, where the answer or `DescribeSubnets` says, their zones. */
interface Span {
  resourceType: AzSpan['resourceType'];
  name: string;
  arn: string;
  /** Where the name is, under the region's responses. */
  at: (string | number)[];
  subnetIds: string[];
  /** One per subnet (or per zone listed without subnets); `undefined` where not known. */
  zones: (string | undefined)[];
  /** Its tags, where the answer carries them (Auto Scaling groups). */
  tags?: ApiTagLike[];
}

/**
 * DB subnet groups, load balancers (both generations) and Auto Scaling groups of each region, every
 * one of them, as the template side judges every one it declares: a subnet group no database uses
 * yet, or an Auto Scaling group scaled to zero, still goes down with its zone once it is used.
 */
export function azSpansFromSnapshot(input: SnapshotInput): AzSpan[] {
  const out: AzSpan[] = [];
  for (const [region, r] of input.regions()) {
    const zoneOf = subnetZones(r);
    const arn = (service: string, resource: string): string => `arn:${input.partition}:${service}:${region}:${input.account}:${resource}`;
    const spans: Span[] = [];

    (r.rds?.DescribeDBSubnetGroups?.DBSubnetGroups ?? []).forEach((g, i) => {
      const name = nonEmpty(g.DBSubnetGroupName) ?? String(i);
      const subnets = (g.Subnets ?? []).filter((s) => nonEmpty(s.SubnetIdentifier) !== undefined);
      spans.push({
        resourceType: 'DbSubnetGroup',
        name,
        arn: nonEmpty(g.DBSubnetGroupArn) ?? arn('rds', `subgrp:${name}`),
        at: ['rds', 'DescribeDBSubnetGroups', 'DBSubnetGroups', i, 'DBSubnetGroupName'],
        subnetIds: subnets.map((s) => s.SubnetIdentifier ?? ''),
        zones: subnets.map((s) => nonEmpty(s.SubnetAvailabilityZone?.Name) ?? zoneOf(s.SubnetIdentifier)),
      });
    });

    // Tags by load balancer ARN, from every batch DescribeTags was asked about.
    const lbTags = new Map<string, ApiTagLike[]>();
    for (const answer of Object.values(r.elbv2?.DescribeTags ?? {})) {
      for (const d of answer.TagDescriptions ?? []) if (d.ResourceArn) lbTags.set(d.ResourceArn, [...(lbTags.get(d.ResourceArn) ?? []), ...(d.Tags ?? [])]);
    }
    (r.elbv2?.DescribeLoadBalancers?.LoadBalancers ?? []).forEach((lb, i) => {
      const name = nonEmpty(lb.LoadBalancerName) ?? String(i);
      const places = lb.AvailabilityZones ?? [];
      // Every application, network and gateway load balancer has a subnet in each of its zones.
      const bySubnet = places.length > 0 && places.every((p) => nonEmpty(p.SubnetId) !== undefined);
      spans.push({
        resourceType: 'LoadBalancer',
        name,
        arn: nonEmpty(lb.LoadBalancerArn) ?? arn('elasticloadbalancing', `loadbalancer/${name}`),
        at: ['elbv2', 'DescribeLoadBalancers', 'LoadBalancers', i, 'LoadBalancerName'],
        subnetIds: bySubnet ? places.map((p) => p.SubnetId ?? '') : [],
        zones: places.map((p) => nonEmpty(p.ZoneName) ?? zoneOf(p.SubnetId)),
        ...(lb.LoadBalancerArn && lbTags.has(lb.LoadBalancerArn) ? { tags: lbTags.get(lb.LoadBalancerArn) } : {}),
      });
    });

    (r.elb?.DescribeLoadBalancers?.LoadBalancerDescriptions ?? []).forEach((lb, i) => {
      const name = nonEmpty(lb.LoadBalancerName) ?? String(i);
      const subnetIds = (lb.Subnets ?? []).filter((s) => nonEmpty(s) !== undefined);
      const listed = (lb.AvailabilityZones ?? []).filter((z) => nonEmpty(z) !== undefined);
      spans.push({
        resourceType: 'LoadBalancer',
        name,
        arn: arn('elasticloadbalancing', `loadbalancer/${name}`),
        at: ['elb', 'DescribeLoadBalancers', 'LoadBalancerDescriptions', i, 'LoadBalancerName'],
        subnetIds,
        // A load balancer in a VPC lists the zones of its subnets; one outside a VPC, zones only.
        zones: listed.length > 0 ? listed : subnetIds.map(zoneOf),
      });
    });

    (r.autoscaling?.DescribeAutoScalingGroups?.AutoScalingGroups ?? []).forEach((g, i) => {
      // A group being deleted launches nothing more.
      if (g.Status === 'Delete in progress') return;
      const name = nonEmpty(g.AutoScalingGroupName) ?? String(i);
      const subnetIds = (g.VPCZoneIdentifier ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const listed = (g.AvailabilityZones ?? []).filter((z) => nonEmpty(z) !== undefined);
      spans.push({
        resourceType: 'AutoScalingGroup',
        name,
        arn: nonEmpty(g.AutoScalingGroupARN) ?? arn('autoscaling', `autoScalingGroup:*:autoScalingGroupName/${name}`),
        at: ['autoscaling', 'DescribeAutoScalingGroups', 'AutoScalingGroups', i, 'AutoScalingGroupName'],
        subnetIds,
        // The group's zones are those of its subnets, as Auto Scaling reports them.
        zones: listed.length > 0 ? listed : subnetIds.map(zoneOf),
        ...(g.Tags ? { tags: g.Tags } : {}),
      });
    });

    for (const s of spans) {
      const zones = s.zones.filter((z): z is string => z !== undefined);
      const span: AzSpan = {
        kind: 'AzSpan',
        id: s.arn,
        ...input.base(region),
        location: input.loc.at(['regional', region, ...s.at], s.arn),
        displayName: s.name,
        resourceType: s.resourceType,
        name: s.name,
        subnetIds: s.subnetIds,
        // Known only when every subnet's (or listed) zone is.
        ...(zones.length > 0 && zones.length === s.zones.length ? { availabilityZones: [...new Set(zones)] } : {}),
      };
      out.push(withStack(span, s.tags));
    }
  }
  return out;
}

/** The zone of each subnet `DescribeSubnets` lists in the region. */
function subnetZones(r: RegionalResponses): (subnetId: string | undefined) => string | undefined {
  const zones = new Map<string, string>();
  for (const s of r.ec2?.DescribeSubnets?.Subnets ?? []) {
    const zone = nonEmpty(s.AvailabilityZone);
    if (s.SubnetId && zone) zones.set(s.SubnetId, zone);
  }
  return (subnetId) => (subnetId === undefined ? undefined : zones.get(subnetId));
}
