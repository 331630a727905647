import type { EntitySlice } from '../slice.js';
import { cacheReplicationGroupsFromSnapshot } from './snapshot.js';
import { cacheReplicationGroupsOf } from './template.js';

export const cacheReplicationGroup: EntitySlice<'CacheReplicationGroup'> = {
  kind: 'CacheReplicationGroup',
  template: { what: 'ElastiCache replication groups', extract: (input) => cacheReplicationGroupsOf(input.template, input.resolver, input.graph) },
  snapshot: cacheReplicationGroupsFromSnapshot,
};
