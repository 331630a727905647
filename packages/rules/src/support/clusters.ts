import type { DbCluster } from '@mamori/core';

/** ` (instances a, b)` or ` (cluster a)`: the members a cluster's finding speaks for, or nothing. */
export function membersText(cluster: Pick<DbCluster, 'members' | 'resourceType'>): string {
  const n = cluster.members.length;
  if (n === 0) return '';
  const noun = cluster.resourceType === 'GlobalCluster' ? 'cluster' : 'instance';
  return ` (${noun}${n > 1 ? 's' : ''} ${cluster.members.join(', ')})`;
}
