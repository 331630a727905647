import type { EntitySlice } from '../slice.js';
import { dbInstancesFromSnapshot } from './snapshot.js';
import { dbInstancesOf } from './template.js';

export const dbInstance: EntitySlice<'DbInstance'> = {
  kind: 'DbInstance',
  template: { what: 'databases', extract: (input) => dbInstancesOf(input.template, input.resolver, input.of('SecurityGroup')) },
  snapshot: dbInstancesFromSnapshot,
};
