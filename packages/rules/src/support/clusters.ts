import type { DbCluster, LocalizedText } from '@mamori/core';

/** ` (instances a, b)` or ` (cluster a)` (` (インスタンス a、b)`): the members a cluster's finding speaks for, or nothing. */
export function membersText(cluster: Pick<DbCluster, 'members' | 'resourceType'>): LocalizedText {
  return (lang) => {
    const n = cluster.members.length;
    if (n === 0) return '';
    const global = cluster.resourceType === 'GlobalCluster';
    if (lang === 'ja') return ` (${global ? 'クラスター' : 'インスタンス'} ${cluster.members.join('、')})`;
    return ` (${global ? 'cluster' : 'instance'}${n > 1 ? 's' : ''} ${cluster.members.join(', ')})`;
  };
}
