import type { EntitySlice } from '../slice.js';
import { dbClustersFromSnapshot } from './snapshot.js';
import { dbClustersOf } from './template.js';

export const dbCluster: EntitySlice<'DbCluster'> = {
  kind: 'DbCluster',
  template: { what: 'DB clusters', extract: (input) => dbClustersOf(input.template, input.resolver, input.graph) },
  snapshot: dbClustersFromSnapshot,
};
