import type { SnapshotInput } from '../slice.js';
import type { TrailSet } from './types.js';

/**
 * The account's trails as one set, for rules about the whole (none at all, duplicates). None when no
 * region's trails were listed, or when none was seen and a region's list failed: that region may hold
 * the only trail, and the rules are then not evaluated.
 */
export function trailSetFromSnapshot(input: SnapshotInput): TrailSet[] {
  const trails = input.of('Trail');
  const regions = input.regions();
  const listed = regions.filter(([, r]) => r.cloudtrail?.DescribeTrails !== undefined);
  const anyFailed = regions.some(([region]) => input.didFail('cloudtrail', region, 'DescribeTrails'));
  if (listed.length === 0 || (trails.length === 0 && anyFailed)) return [];
  const first = listed[0]?.[0] ?? '';
  return [
    {
      kind: 'TrailSet',
      id: `arn:${input.partition}:cloudtrail:*:${input.account}:trail/*`,
      ...input.base(undefined),
      location: input.loc.at(['regional', first, 'cloudtrail', 'DescribeTrails'], `arn:${input.partition}:cloudtrail:*:${input.account}:trail/*`),
      displayName: `account ${input.account}`,
      scope: 'account',
      trails,
    },
  ];
}
